"""Turn raw items into stored documents: ids, canonical URLs, safe HTML, plain text.

Pure functions only. HTML that is kept is cleaned with nh3 here, at ingest,
so nothing downstream ever holds a feed's raw markup (Miniflux's order:
fetch, parse, sanitise, store).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
import nh3

from ingest.records import Document, content_hash, document_id

# Query parameters that identify a campaign or a click, never the document.
_TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|ref_src|cmpid)$",
    re.IGNORECASE,
)

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "q", "s", "small",
    "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "table", "ul", "ol", "dl", "dt", "dd", "hr", "section", "article",
}  # fmt: skip
# XML 1.0 forbids these; some feeds still carry them inside titles.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class RawItem:
    """One item as a parser saw it, before identity and cleaning."""

    guid: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    summary_html: str | None = None
    content_html: str | None = None
    text: str | None = None
    stage: str | None = None
    # Services whose items have a global identity (a Federal Register document
    # number, a CourtListener docket id) name it here, so two sources that
    # find the same filing store one document.
    namespace: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def is_http_url(url: str | None) -> bool:
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@lru_cache(maxsize=8192)
def canonical_url(url: str | None, base: str | None = None) -> str | None:
    """Absolute http(s) URL without tracking parameters or fragment; None if unsafe."""
    if not url:
        return None
    url = url.strip()
    if base and is_http_url(base):
        url = urljoin(base, url)
    if not is_http_url(url):
        return None
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_PARAMS.match(k)]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


def clean_text(text: str | None) -> str:
    """Drop control characters and normalise Unicode so offsets stay meaningful."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL_CHARS.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    title = re.sub(r"\s+", " ", clean_text(title)).strip()
    return title or None


def sanitize_html(html: str | None) -> str | None:
    """Keep a small allowlist of tags; links only http(s)/mailto, opened safely."""
    if not html:
        return None
    return nh3.clean(
        clean_text(html),
        tags=_ALLOWED_TAGS,
        attributes={
            "a": {"href", "title"},
            "abbr": {"title"},
            "td": {"colspan", "rowspan"},
            "th": {"colspan", "rowspan"},
        },
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def html_to_text(html: str | None) -> str:
    """Plain text of an HTML fragment, one paragraph per line."""
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several types on hopeless markup
        return clean_text(re.sub(r"<[^>]+>", " ", html))
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    pieces: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCK_TAGS:
            pieces.append("\n")
        if node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if tag in _BLOCK_TAGS:
            pieces.append("\n")

    walk(root)
    text = "".join(pieces)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return clean_text("\n".join(line for line in lines if line))


def to_utc_iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


def item_key(item: RawItem, base_url: str | None = None) -> str:
    """Miniflux's identity order: GUID, else canonical URL, else a content hash."""
    if item.guid and item.guid.strip():
        return item.guid.strip()
    url = canonical_url(item.url, base_url)
    if url:
        return url
    return "hash:" + content_hash(item.title, item.text or item.content_html or item.summary_html)[:32]


def to_document(source: str, item: RawItem, *, kind: str = "news", base_url: str | None = None) -> Document:
    """Build the stored document for one raw item of `source`."""
    html = item.content_html or item.summary_html
    text = clean_text(item.text) if item.text else html_to_text(html)
    title = clean_title(item.title)
    if not text.strip() and title:
        text = title
    key = item_key(item, base_url)
    return Document(
        id=document_id(item.namespace or source, key),
        source=source,
        text=text,
        title=title,
        url=canonical_url(item.url, base_url),
        guid=key,
        published=item.published,
        kind=kind,
        stage=item.stage,
        html=sanitize_html(html),
        metadata=item.metadata,
    )


def dedupe_keys(items: list[RawItem], base_url: str | None = None) -> list[RawItem]:
    """Keep items with a repeated GUID but a different link apart.

    Some feeds reuse one GUID for distinct articles; silently merging them
    would lose a document, so the link is folded into the key of the repeats.
    """
    seen: dict[str, str | None] = {}
    result = []
    for item in items:
        key = item_key(item, base_url)
        link = canonical_url(item.url, base_url)
        if key in seen and seen[key] != link:
            item = RawItem(**{**item.__dict__, "guid": f"{key}|{link or content_hash(item.title, item.text)[:16]}"})
        else:
            seen[key] = link
        result.append(item)
    return result
