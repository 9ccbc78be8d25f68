"""Polling sources: one refresh per due source, whatever its kind (Miniflux's RefreshFeed).

For each source: skip it if it is disabled, not yet due, or has failed
``failure_limit`` times in a row (until ``regwatch sources reset``); send a
conditional GET with the stored ETag and Last-Modified; on a 304 write only
the fetch log; otherwise parse by kind, normalise, store idempotently, and
record the outcome with the next check time. Every request goes through
``ingest.fetch`` and its policy, including follow-up requests (the next page
of a search, a document's full text, an article linked from a feed), since
the URLs inside a response are attacker-controlled.

A source that fails, on the network or in a parser, is recorded with its
error kind and the run moves on: one source never stops the others.
"""

from __future__ import annotations

import email.utils
import logging
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import sqlite_utils

from ingest import fetch as fetch_module
from ingest import parse_courtlistener, parse_federal_register, parse_feed, parse_screening_list, policy
from ingest.fetch import ErrorKind, FetchResult
from ingest.limits import DEFAULT_LIMITS, MIB, Limits, default_user_agent
from ingest.normalize import RawItem, html_to_text, sanitize_html, to_document
from ingest.pipeline import IngestReport
from ingest.sources import Schedule, Source
from store import db as store

log = logging.getLogger(__name__)

FAILURE_LIMIT = 3
ENV_CONTACT = "REGWATCH_CONTACT"
# A list snapshot smaller than this share of the previous one is taken for a
# truncated or broken file, not for thousands of delistings.
SNAPSHOT_SHRINK_GUARD = 0.5
INTERNAL_ERROR = "internal_error"
UNEXPECTED_RESPONSE = "unexpected_response"
SNAPSHOT_SHRANK = "snapshot_shrank"
_WARNING_LIMIT = 1000


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class PollOptions:
    """What a polling run may cost and how it reads the world (injectable for tests).

    :param limits: per-request bounds (timeouts, body cap, redirects, user agent).
    :param allow_private: allow private addresses; None reads
        ``REGWATCH_ALLOW_PRIVATE_NETWORKS``.
    :param failure_limit: consecutive failures after which a source is skipped.
    :param clock: the current time (aware UTC).
    :param sleep: the pause between two requests of one source.
    :param environ: where token variables are read (default ``os.environ``).
    """

    limits: Limits = DEFAULT_LIMITS
    allow_private: bool | None = None
    failure_limit: int = FAILURE_LIMIT
    clock: Callable[[], datetime] = _utcnow
    sleep: Callable[[float], None] = time.sleep
    environ: Mapping[str, str] | None = None


@dataclass
class PollReport(IngestReport):
    """One polled source: the ingest table's counts plus what the poll saw."""

    status: int | None = None
    not_modified: bool = False
    warnings: list[str] = field(default_factory=list)
    requests: int = 0
    next_check_at: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A source not polled this run, and why ("disabled", "failing" or "not_due")."""

    source: str
    reason: str
    detail: str


@dataclass
class PollRun:
    reports: list[PollReport] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(1 for report in self.reports if report.error_kind)


# --- scheduling ------------------------------------------------------------------


def next_check(
    now: datetime,
    schedule: Schedule,
    *,
    failures: int = 0,
    retry_after: float | None = None,
    max_age: float | None = None,
    ttl_minutes: int | None = None,
) -> datetime:
    """When to poll next.

    After a success: the source's interval, lengthened by any server hint
    (Retry-After, Cache-Control max-age, the feed's TTL), clamped to
    [min_interval, max_interval]. After ``failures`` consecutive failures:
    the interval doubled per earlier failure, at least any Retry-After,
    clamped to [min_interval, max_backoff]. Hints that are missing, past or
    unparseable arrive here as None and leave the interval as it is.
    """
    hints = [h for h in (retry_after, max_age, ttl_minutes * 60.0 if ttl_minutes else None) if h and h > 0]
    if failures <= 0:
        delay = max([schedule.interval, *hints])
        delay = min(max(delay, schedule.min_interval), schedule.max_interval)
    else:
        delay = schedule.interval * 2 ** min(failures - 1, 16)
        if retry_after and retry_after > 0:
            delay = max(delay, retry_after)
        delay = min(max(delay, schedule.min_interval), schedule.max_backoff)
    return now + timedelta(seconds=delay)


def _parse_stamp(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def skip_reason(source: Source, state: dict[str, Any] | None, now: datetime, *, force: bool,
                failure_limit: int = FAILURE_LIMIT) -> Skipped | None:  # fmt: skip
    """Why `source` is not polled now, or None when it is."""
    if not source.enabled:
        return Skipped(source.name, "disabled", "enabled = false in the sources file")
    state = state or {}
    failures = state.get("consecutive_failures") or 0
    if failures >= failure_limit:
        return Skipped(
            source.name,
            "failing",
            f"{failures} consecutive failures (last: {state.get('last_error_kind')}); "
            f"run `regwatch sources reset {source.name}` once it is fixed",
        )
    due = _parse_stamp(state.get("next_check_at"))
    if not force and due is not None and due > now:
        return Skipped(source.name, "not_due", f"next check at {due.isoformat()}")
    return None


# --- one poll ---------------------------------------------------------------------


@dataclass
class _Pages:
    items: list[RawItem] = field(default_factory=list)
    truncated: bool = False


@dataclass
class _Outcome:
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    error_kind: str | None = None
    error: str | None = None
    counts: store.UpsertCounts = field(default_factory=store.UpsertCounts)
    not_modified: bool = False


def _one_line(text: str, limit: int = 500) -> str:
    cleaned = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _decode(body: bytes, headers: Mapping[str, str]) -> str:
    match = re.search(r"charset=[\"']?([\w.:-]+)", headers.get("content-type", ""), re.IGNORECASE)
    try:
        return body.decode(match.group(1) if match else "utf-8", errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


class _Poll:
    """The state of one source's poll: its requests, hints and warnings."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        source: Source,
        *,
        client: httpx.Client,
        options: PollOptions,
        limits: Limits,
        state: dict[str, Any],
    ) -> None:
        self.db = db
        self.source = source
        self.client = client
        self.options = options
        self.limits = limits
        self.state = state
        self.now = options.clock()
        self.environ = os.environ if options.environ is None else options.environ
        self.requests = 0
        self.warnings: list[str] = []
        self.retry_after: float | None = None
        self.max_age: float | None = None
        self.ttl_minutes: int | None = None

    # -- requests ----------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        conditional: bool = False,
        headers: Mapping[str, str] | None = None,
        hints: bool = False,
    ) -> FetchResult:
        """One GET under the fetch policy, pausing between requests of this poll."""
        if self.requests and self.source.request_interval > 0:
            self.options.sleep(self.source.request_interval)
        self.requests += 1
        result = fetch_module.fetch(
            url,
            etag=self.state.get("etag") if conditional else None,
            last_modified=self.state.get("last_modified") if conditional else None,
            client=self.client,
            limits=self.limits,
            headers={**self.source.headers, **(headers or {})},
            allow_private=self.options.allow_private,
        )
        if hints:
            self.retry_after = result.retry_after
            self.max_age = result.max_age
            if result.permanent_redirect:
                # Never persisted: a moved feed is for a person to confirm (fastladder#575).
                self.warn(
                    f"permanent redirect to {result.permanent_redirect}; update the sources file if the move is intended"
                )
        return result

    def warn(self, message: str) -> None:
        self.warnings.append(_one_line(message, 300))

    def failed(self, result: FetchResult) -> _Outcome:
        kind = result.error_kind
        if kind is not None and kind.suggests_disabling:
            self.warn("the server says the feed is gone (HTTP 410): set enabled = false for this source")
        return _Outcome(status=result.status, error_kind=kind.value if kind else INTERNAL_ERROR, error=result.error)

    def capped(self, items: list[RawItem]) -> list[RawItem]:
        """At most ``max_items``, cut before any follow-up request is made for them."""
        if len(items) > self.source.max_items:
            self.warn(f"{len(items)} items; only the first {self.source.max_items} (max_items) were stored")
            return items[: self.source.max_items]
        return items

    def store(self, items: list[RawItem], base_url: str | None) -> store.UpsertCounts:
        documents = [
            to_document(self.source.name, item, kind=self.source.doc_kind, base_url=base_url) for item in items
        ]
        return store.upsert_documents(self.db, documents)

    def run(self) -> _Outcome:
        kind = self.source.kind
        if kind in ("rss", "atom"):
            return self.poll_feed()
        if kind == "federal_register":
            return self.poll_federal_register()
        if kind == "courtlistener":
            return self.poll_courtlistener()
        if kind == "screening_list":
            return self.poll_screening_list()
        return _Outcome(error_kind=INTERNAL_ERROR, error=f"no poller for kind {kind!r}")

    # -- rss / atom ----------------------------------------------------------------

    def poll_feed(self) -> _Outcome:
        result = self.get(self.source.url, conditional=True, hints=True)
        if not result.ok:
            return self.failed(result)
        if result.not_modified:
            return _Outcome(status=304, etag=result.etag, last_modified=result.last_modified, not_modified=True)
        assert result.body is not None
        try:
            parsed = parse_feed.parse(result.body, result.headers, base_url=result.effective_url)
        except parse_feed.FeedFormatError as exc:
            return _Outcome(
                status=result.status, error_kind=ErrorKind.FEED_FORMAT_NOT_DETECTED.value, error=_one_line(str(exc))
            )
        if not parsed.items and parsed.warning:
            # Broken XML that yielded nothing is not "an empty feed".
            return _Outcome(
                status=result.status,
                error_kind=ErrorKind.FEED_FORMAT_NOT_DETECTED.value,
                error=_one_line(f"no entries in an ill-formed document: {parsed.warning}"),
            )
        if parsed.warning:
            self.warn(parsed.warning)
        self.ttl_minutes = parsed.ttl_minutes
        items = self.capped(parsed.items)
        if self.source.full_text:
            items = self.with_article_text(items, result.effective_url)
        counts = self.store(items, result.effective_url)
        return _Outcome(status=result.status, etag=result.etag, last_modified=result.last_modified, counts=counts)

    def with_article_text(self, items: list[RawItem], base_url: str) -> list[RawItem]:
        """Items that carry only a summary, completed with their article's main text.

        Articles already stored in full are not fetched again; at most
        ``max_full_text`` pages are fetched per poll.
        """
        ids = {id(item): to_document(self.source.name, item, base_url=base_url).id for item in items}
        states = store.document_states(self.db, ids.values())
        budget = int(self.source.param("max_full_text", 20))
        missing = 0
        completed = []
        for item in items:
            if item.content_html or not item.url:
                completed.append(item)
                continue
            stored = states.get(ids[id(item)])
            if stored and stored["metadata"].get("full_text") == "article":
                completed.append(replace(item, text=stored["text"], content_html=stored["html"],
                                         metadata={**item.metadata, "full_text": "article"}))  # fmt: skip
                continue
            if budget <= 0:
                missing += 1
                completed.append(item)
                continue
            budget -= 1
            completed.append(self.article(item))
        if missing:
            self.warn(f"{missing} article(s) left as summaries this poll (max_full_text)")
        return completed

    def article(self, item: RawItem) -> RawItem:
        import trafilatura  # a second or so to import; only sources asking for full text pay it

        assert item.url is not None
        result = self.get(item.url)
        content_type = result.headers.get("content-type", "").lower()
        if not result.ok or result.body is None:
            self.warn(f"article {item.url}: {result.error or 'no body'}; summary kept")
            return item
        if content_type and "html" not in content_type:
            self.warn(f"article {item.url}: {content_type.split(';')[0]} is not HTML; summary kept")
            return item
        try:
            extracted = trafilatura.extract(
                _decode(result.body, result.headers),
                url=result.effective_url,
                output_format="html",
                include_comments=False,
                include_images=False,
                with_metadata=False,
            )
        except Exception as exc:  # trafilatura on a hostile page must not stop the poll
            self.warn(f"article {item.url}: extraction failed ({type(exc).__name__}); summary kept")
            return item
        html = sanitize_html(extracted)
        text = html_to_text(html)
        if not text.strip():
            self.warn(f"article {item.url}: no main text found; summary kept")
            return item
        return replace(item, content_html=html, text=text, metadata={**item.metadata, "full_text": "article"})

    # -- Federal Register --------------------------------------------------------------

    def search_url(self) -> str:
        """The documents search URL: the source's URL plus its conditions and fields[]."""
        parts = urlsplit(self.source.url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        keys = {key for key, _ in query}
        source = self.source
        for agency in source.param("agencies", []):
            query.append(("conditions[agencies][]", agency))
        for kind in source.param("types", []):
            query.append(("conditions[type][]", kind))
        for kind in source.param("presidential_document_types", []):
            query.append(("conditions[presidential_document_type][]", kind))
        if source.param("term"):
            query.append(("conditions[term]", source.param("term")))
        if source.param("since_days") and "conditions[publication_date][gte]" not in keys:
            since = (self.now - timedelta(days=source.param("since_days"))).date()
            query.append(("conditions[publication_date][gte]", since.isoformat()))
        if "order" not in keys:
            query.append(("order", source.param("order", "newest")))
        if "per_page" not in keys:
            query.append(("per_page", str(source.param("per_page", 100))))
        if "fields[]" not in keys:
            # Search omits signing_date, executive_order_number, raw_text_url... unless asked.
            query.extend(("fields[]", name) for name in parse_federal_register.SEARCH_FIELDS)
        return urlunsplit(parts._replace(query=urlencode(query)))

    def fetch_pages(
        self,
        first_url: str,
        *,
        max_pages: int,
        parse: Callable[[bytes], Any],
        parse_error: type[Exception],
        next_of: Callable[[Any], str | None],
        headers: Mapping[str, str] | None = None,
    ) -> tuple[_Pages, _Outcome, bool]:
        """Follow a paged JSON API from `first_url`, same origin only.

        Returns (pages, outcome, finished): `finished` means the first page
        failed and `outcome` is the whole answer; otherwise `outcome` carries
        the status and any error met on a later page.
        """
        outcome = _Outcome()
        pages = _Pages()
        next_url: str | None = first_url
        count = 0
        while next_url and count < max_pages:
            result = self.get(next_url, headers=headers, hints=count == 0)
            if not result.ok:
                if count == 0:
                    return pages, self.failed(result), True
                failed = self.failed(result)
                outcome.error_kind, outcome.error = failed.error_kind, f"page {count + 1}: {failed.error}"
                break
            assert result.body is not None
            try:
                page = parse(result.body)
            except parse_error as exc:
                if count == 0:
                    return (
                        pages,
                        _Outcome(status=result.status, error_kind=UNEXPECTED_RESPONSE, error=_one_line(str(exc))),
                        True,
                    )
                outcome.error_kind, outcome.error = UNEXPECTED_RESPONSE, _one_line(f"page {count + 1}: {exc}")
                break
            outcome.status = outcome.status or result.status
            pages.items.extend(page.items)
            count += 1
            next_url = next_of(page)
            if next_url and not policy.same_origin(next_url, first_url):
                self.warn(f"next page points to another origin ({next_url}); paging stopped")
                next_url = None
        pages.truncated = bool(next_url) and count >= max_pages and not outcome.error_kind
        return pages, outcome, False

    def poll_federal_register(self) -> _Outcome:
        endpoint = self.source.param("endpoint") or (
            "public_inspection" if "public-inspection-documents" in self.source.url else "documents"
        )
        outcome = _Outcome()
        items: list[RawItem] = []
        if endpoint == "public_inspection":
            # current.json is served from a shared cache for up to ~1.5 h and
            # has no validators; a per-minute cache-buster gets a fresh copy.
            parts = urlsplit(self.source.url)
            query = [*parse_qsl(parts.query, keep_blank_values=True), ("_", str(int(self.now.timestamp()) // 60))]
            result = self.get(urlunsplit(parts._replace(query=urlencode(query))), hints=True)
            if not result.ok:
                return self.failed(result)
            assert result.body is not None
            try:
                items = parse_federal_register.parse_public_inspection(result.body)
            except parse_federal_register.FederalRegisterError as exc:
                return _Outcome(status=result.status, error_kind=UNEXPECTED_RESPONSE, error=_one_line(str(exc)))
            outcome.status = result.status
            agencies = set(self.source.param("agencies", []))
            if agencies:
                items = [item for item in items if agencies & set(item.metadata.get("agency_slugs") or [])]
        else:
            first = self.search_url()
            max_pages = int(self.source.param("max_pages", 5))
            pages, outcome, finished = self.fetch_pages(
                first,
                max_pages=max_pages,
                parse=parse_federal_register.parse_search,
                parse_error=parse_federal_register.FederalRegisterError,
                next_of=lambda page: page.next_page_url,
            )
            if finished:
                return outcome
            items = pages.items
            if pages.truncated:
                self.warn(f"stopped after {max_pages} pages (max_pages); shorten since_days to cover every document")
        # Cursor pages should not overlap, but a special filing is listed in two
        # consecutive public-inspection issues: keep one item per document number.
        seen: set[str | None] = set()
        items = self.capped([item for item in items if not (item.guid in seen or seen.add(item.guid))])
        if self.source.full_text:
            items = self.with_federal_register_text(items)
        outcome.counts = self.store(items, None)
        return outcome

    def with_federal_register_text(self, items: list[RawItem]) -> list[RawItem]:
        """Items with the document's own text, fetched once per document and stage."""
        ids = {id(item): to_document(self.source.name, item).id for item in items}
        states = store.document_states(self.db, ids.values())
        budget = int(self.source.param("max_full_text", 50))
        blocked = missing = 0
        completed = []
        for item in items:
            stored = states.get(ids[id(item)])
            if stored and stored["stage"] == "published" and item.stage == "public_inspection":
                completed.append(item)  # the store keeps the published copy; nothing to fetch
                continue
            if stored and stored["stage"] == item.stage and stored["metadata"].get("full_text_source"):
                source_used = stored["metadata"]["full_text_source"]
                completed.append(
                    replace(item, text=stored["text"], metadata={**item.metadata, "full_text_source": source_used})
                )
                continue
            if budget <= 0:
                missing += 1
                completed.append(item)
                continue
            budget -= 1
            text, source_used, was_blocked = self.federal_register_text(item)
            blocked += was_blocked
            if text:
                item = parse_federal_register.with_full_text(item, text)
                item = replace(item, metadata={**item.metadata, "full_text_source": source_used})
            completed.append(item)
        if blocked:
            self.warn(f"full text of {blocked} document(s) refused by the Federal Register bot wall; summaries kept")
        if missing:
            self.warn(f"{missing} document(s) left without full text this poll (max_full_text)")
        return completed

    def federal_register_text(self, item: RawItem) -> tuple[str | None, str | None, bool]:
        """(text, where it came from, whether the bot wall refused us).

        `raw_text_url` first; when it answers with the bot wall (a redirect to
        unblock.federalregister.gov, or any HTML), GovInfo's copy of the
        published document.
        """
        blocked = False
        raw_url = item.metadata.get("raw_text_url")
        if raw_url:
            result = self.get(raw_url)
            content_type = result.headers.get("content-type", "").lower()
            off_site = bool(result.redirects) and not policy.same_origin(result.effective_url, raw_url)
            if result.ok and result.body and not off_site and "html" not in content_type:
                text = _decode(result.body, result.headers).strip()
                if text:
                    return text, "raw_text_url", False
            blocked = result.ok and (off_site or "html" in content_type)
        pdf_url = item.metadata.get("pdf_url") or ""
        govinfo = re.sub(r"/pdf/([^/]+)\.pdf$", r"/html/\1.htm", pdf_url)
        if govinfo != pdf_url:  # fetched under the same policy as every other URL from a response
            result = self.get(govinfo)
            if result.ok and result.body:
                text = html_to_text(_decode(result.body, result.headers))
                if text.strip():
                    return text, "govinfo", blocked
        return None, None, blocked

    # -- CourtListener ------------------------------------------------------------------

    def poll_courtlistener(self) -> _Outcome:
        headers = {}
        token_env = self.source.param("token_env")
        token = (self.environ.get(token_env) or "").strip() if token_env else ""
        if token:
            # fetch() drops Authorization on any redirect to another origin.
            headers["Authorization"] = f"Token {token}"
        elif token_env:
            self.warn(f"${token_env} is not set: anonymous CourtListener searches are limited to 100 a day")
        pages, outcome, finished = self.fetch_pages(
            self.source.url,
            max_pages=int(self.source.param("max_pages", 1)),
            parse=parse_courtlistener.parse_search,
            parse_error=parse_courtlistener.CourtListenerError,
            next_of=lambda page: page.next_url,
            headers=headers,
        )
        if finished:
            return outcome
        items = pages.items
        outcome.counts = self.store(self.capped(items), None)
        return outcome

    # -- screening list --------------------------------------------------------------------

    def poll_screening_list(self) -> _Outcome:
        result = self.get(self.source.url, conditional=True, hints=True)
        if not result.ok:
            return self.failed(result)
        if result.not_modified:
            return _Outcome(status=304, etag=result.etag, last_modified=result.last_modified, not_modified=True)
        assert result.body is not None
        lists = self.source.param("lists")
        try:
            snapshot = parse_screening_list.parse(result.body, lists=lists)
        except parse_screening_list.ScreeningListError as exc:
            return _Outcome(status=result.status, error_kind=UNEXPECTED_RESPONSE, error=_one_line(str(exc)))
        if snapshot.skipped:
            self.warn(f"{snapshot.skipped} entries without a name were skipped")
        tracked = {code.upper() for code in lists} if lists else None
        previous = {
            key: entry
            for key, entry in store.list_entries(self.db, self.source.name).items()
            if tracked is None or entry["list_code"] in tracked
        }
        current = {d.key for d in snapshot.designations}
        if previous and len(current) < SNAPSHOT_SHRINK_GUARD * len(previous):
            return _Outcome(
                status=result.status,
                error_kind=SNAPSHOT_SHRANK,
                error=f"the list shrank from {len(previous)} to {len(current)} entries; "
                "taken for a broken file, not stored (no removals recorded)",
            )
        snapshot_date = self.snapshot_date(result, snapshot.last_updated)
        pairs = [parse_screening_list.designation_document(self.source.name, d) for d in snapshot.designations]
        entries = [d.entry_row(doc.id) for d, (doc, _result) in zip(snapshot.designations, pairs, strict=True)]
        removals = [
            parse_screening_list.removal_document(self.source.name, entry, snapshot_date)
            for key, entry in sorted(previous.items())
            if key not in current
        ]
        counts = store.store_designations(
            self.db, self.source.name, pairs + removals, entries, snapshot_date=snapshot_date
        )
        return _Outcome(status=result.status, etag=result.etag, last_modified=result.last_modified, counts=counts)

    def snapshot_date(self, result: FetchResult, last_updated: str | None) -> str:
        """The day the list was published: Last-Modified, else its own update stamp, else today."""
        if result.last_modified:
            try:
                when = email.utils.parsedate_to_datetime(result.last_modified)
            except (TypeError, ValueError, IndexError):
                when = None
            if when is not None:
                when = when if when.tzinfo else when.replace(tzinfo=UTC)
                return when.astimezone(UTC).date().isoformat()
        if last_updated:
            try:
                return date.fromisoformat(last_updated[:10]).isoformat()
            except ValueError:
                pass
        return self.now.date().isoformat()


def _limits_for(source: Source, limits: Limits) -> Limits:
    """The run's limits with the source's own body cap and deadline (a 33 MB list needs both)."""
    if source.max_body_mib:
        limits = replace(limits, max_body_bytes=source.max_body_mib * MIB)
    if source.deadline_seconds:
        limits = replace(limits, deadline=float(source.deadline_seconds))
    return limits


def poll_source(
    db: sqlite_utils.Database,
    source: Source,
    *,
    client: httpx.Client,
    options: PollOptions | None = None,
    limits: Limits | None = None,
) -> PollReport:
    """Poll one source now (whether or not it is due) and record the outcome.

    Never raises for a failing source: network errors, parser errors and
    bugs on hostile input all end as an error kind on the source.
    """
    options = options or PollOptions()
    started = time.monotonic()
    state = store.get_source(db, source.name) or {}
    poll = _Poll(db, source, client=client, options=options, limits=_limits_for(source, limits or options.limits),
                 state=state)  # fmt: skip
    try:
        outcome = poll.run()
    except Exception as exc:  # one source's bug must not stop the others
        log.exception("polling %s failed", source.name)
        outcome = _Outcome(error_kind=INTERNAL_ERROR, error=_one_line(f"{type(exc).__name__}: {exc}"))
    failures = (state.get("consecutive_failures") or 0) + 1 if outcome.error_kind else 0
    when = next_check(
        poll.now,
        source.schedule,
        failures=failures,
        retry_after=poll.retry_after,
        max_age=poll.max_age,
        ttl_minutes=poll.ttl_minutes,
    )
    warning = "; ".join(poll.warnings) or None
    if warning and len(warning) > _WARNING_LIMIT:
        warning = warning[: _WARNING_LIMIT - 1] + "…"
    counts = outcome.counts
    store.record_fetch(
        db,
        store.FetchOutcome(
            source=source.name,
            status=outcome.status,
            etag=outcome.etag,
            last_modified=outcome.last_modified,
            error_kind=outcome.error_kind,
            error=outcome.error,
            new=counts.new,
            updated=counts.updated,
            unchanged=counts.unchanged,
            failed=1 if outcome.error_kind else 0,
            elapsed=time.monotonic() - started,
            next_check_at=when.replace(microsecond=0).isoformat(),
            warning=warning,
        ),
    )
    return PollReport(
        source=source.name,
        new=counts.new,
        updated=counts.updated,
        unchanged=counts.unchanged,
        errors=[outcome.error or outcome.error_kind] if outcome.error_kind else [],
        error_kind=outcome.error_kind,
        status=outcome.status,
        not_modified=outcome.not_modified,
        warnings=list(poll.warnings),
        requests=poll.requests,
        next_check_at=when.replace(microsecond=0).isoformat(),
    )


def run_limits(options: PollOptions) -> Limits:
    """The run's limits, with the operator's contact appended to the User-Agent.

    Some services (the SEC) refuse clients whose User-Agent names no contact.
    """
    environ = os.environ if options.environ is None else options.environ
    contact = _one_line(environ.get(ENV_CONTACT, ""), 200)
    if contact and options.limits.user_agent == default_user_agent():
        return replace(options.limits, user_agent=f"{options.limits.user_agent} {contact}")
    return options.limits


def poll_sources(
    db: sqlite_utils.Database,
    sources: list[Source],
    *,
    force: bool = False,
    options: PollOptions | None = None,
    client: httpx.Client | None = None,
    progress: Any = None,
) -> PollRun:
    """Poll every source of `sources` that is due (every enabled one with `force`).

    Each source's configuration is stored first, so `regwatch sources list`
    shows it even before its first poll. Sources that failed
    ``failure_limit`` times in a row are skipped, with or without `force`.

    :param progress: a Rich ``Progress`` (or None): one task advanced per source.
    """
    options = options or PollOptions()
    limits = run_limits(options)
    now = options.clock()
    run = PollRun()
    due: list[Source] = []
    for source in sources:
        store.sync_source(db, source.as_config())
        reason = skip_reason(source, store.get_source(db, source.name), now, force=force,
                             failure_limit=options.failure_limit)  # fmt: skip
        if reason is None:
            due.append(source)
        else:
            run.skipped.append(reason)
    if not due:
        return run
    own_client = client is None
    if client is None:
        client = fetch_module.build_client(limits=limits, allow_private=options.allow_private)
    task = progress.add_task("polling", total=len(due)) if progress is not None else None
    try:
        for source in due:
            if progress is not None:
                progress.update(task, description=f"polling {source.name}")
            run.reports.append(poll_source(db, source, client=client, options=options, limits=limits))
            if progress is not None:
                progress.advance(task)
    finally:
        if own_client:
            client.close()
    return run
