"""RSS and Atom parsing: bytes in, raw items out, no network.

feedparser is only ever handed bytes plus the HTTP response headers, so the
charset the server declared wins over a wrong XML declaration and feedparser
never opens a URL of its own.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from ingest.normalize import RawItem, canonical_url, dedupe_keys


class FeedFormatError(ValueError):
    """The bytes are not a feed at all (an HTML page, an empty document...)."""

    kind = "feed_format_not_detected"


@dataclass
class ParsedFeed:
    items: list[RawItem]
    title: str | None = None
    ttl_minutes: int | None = None
    warning: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def _struct_to_iso(value: Any) -> str | None:
    """feedparser's *_parsed values are UTC struct_times (or None if garbage)."""
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).isoformat()
    except (OverflowError, ValueError, TypeError):
        return None


# "02-03-2026": feedparser reads it as an ISO-ish date and answers 2002-03-20.
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


def _numeric_date(raw: Any) -> str | None | bool:
    """A day-month-year date written with numbers only, read by an explicit rule.

    Month first, as US agencies write it (and as dateparser's English default,
    DATE_ORDER MDY, would); day first only when the first number cannot be a
    month. Returns False when `raw` is not such a date (feedparser decides),
    None when it is one but impossible (stored without a date).
    """
    match = _NUMERIC_DATE.match(raw) if isinstance(raw, str) else None
    if not match:
        return False
    first, second, year = (int(g) for g in match.groups())
    month, day = (first, second) if first <= 12 else (second, first)
    try:
        return datetime(year, month, day, tzinfo=UTC).isoformat()
    except ValueError:
        return None


def _published(entry: Any) -> str | None:
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        if raw_key not in entry:
            continue
        numeric = _numeric_date(entry.get(raw_key))
        if numeric is not False:
            return numeric  # type: ignore[return-value]
        iso = _struct_to_iso(entry.get(parsed_key))
        if iso:
            return iso
    return None


def _entry_content(entry: Any) -> str | None:
    contents = entry.get("content") or []
    # Prefer the full body (content:encoded / atom:content) over the summary.
    for content in contents:
        if content.get("value"):
            return content["value"]
    return None


def parse(body: bytes, headers: dict[str, str] | None = None, base_url: str | None = None) -> ParsedFeed:
    """Parse one feed document.

    :param body: the response bytes exactly as received.
    :param headers: the HTTP response headers (their charset wins).
    :param base_url: the URL the bytes came from, to resolve relative links.
    :raises FeedFormatError: when the bytes hold no feed.
    """
    if not body or not body.strip():
        raise FeedFormatError("empty document: no feed to parse")
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    if base_url:
        response_headers.setdefault("content-location", base_url)
    parsed = feedparser.parse(body, response_headers=response_headers, sanitize_html=True)
    version = parsed.get("version") or ""
    if not parsed.entries and not version:
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise FeedFormatError(f"not a feed: {reason}")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        published = _published(entry)
        items.append(
            RawItem(
                guid=entry.get("id") or None,
                url=canonical_url(link, base_url) if link else None,
                title=entry.get("title"),
                published=published,
                summary_html=entry.get("summary"),
                content_html=_entry_content(entry),
                metadata={
                    "author": entry.get("author"),
                    "categories": [t.get("term") for t in entry.get("tags", []) if t.get("term")],
                    "feed_version": version,
                },
            )
        )
    warning = None
    if parsed.get("bozo"):
        warning = f"feed is not well-formed XML: {parsed.get('bozo_exception')}"
    ttl = None
    try:
        ttl = int(parsed.feed.get("ttl")) if parsed.feed.get("ttl") else None
    except (TypeError, ValueError):
        ttl = None
    return ParsedFeed(
        items=dedupe_keys(items, base_url),
        title=parsed.feed.get("title"),
        ttl_minutes=ttl,
        warning=warning,
        metadata={"version": version},
    )
