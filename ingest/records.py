"""The plain records that flow out of ingestion: one `Document` per item seen.

Every ingester (feeds, Federal Register, CourtListener, local files) ends in
these, so the store and the NLP stage never need to know where a text came
from.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

_SAFE_KEY = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def content_hash(title: str | None, text: str | None) -> str:
    """Hash of what the NLP stage reads, so a changed item is re-extracted."""
    digest = hashlib.sha256()
    digest.update((title or "").encode("utf-8"))
    digest.update(b"\x00")
    digest.update((text or "").encode("utf-8"))
    return digest.hexdigest()


def document_id(source: str, key: str) -> str:
    """Stable id from the source and the item's own key (GUID, URL or hash).

    Short, filename-safe keys (Federal Register document numbers, docket ids)
    stay readable; anything else is hashed so ids have a bounded length.
    """
    if _SAFE_KEY.match(key):
        return f"{source}:{key}"
    return f"{source}:{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}"


@dataclass(frozen=True)
class Document:
    """One item from one source, ready to store and to extract from.

    `published` is an ISO-8601 UTC timestamp or date (or None when the item
    carries none); `kind` is "news" or "filing"; `stage` distinguishes, for
    the Federal Register, a public-inspection copy from the published one.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    guid: str | None = None
    published: str | None = None
    kind: str = "news"
    stage: str | None = None
    html: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.title, self.text)
