"""Federal Register API responses to raw items (pure; no network).

Shapes follow `../shared/spec/sources/01-federal-register.md`: the search
envelope omits `results` when nothing matched, `type` is a label
("Presidential Document"), `executive_order_number` is a string, and a
document on public inspection carries the same `document_number` it will
have once published, so both stages land on one stored document.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ingest.normalize import RawItem

NAMESPACE = "federal-register"

# Fields to request with fields[]: the search omits most of them by default.
SEARCH_FIELDS = (
    "title", "type", "subtype", "abstract", "action", "document_number", "html_url",
    "pdf_url", "raw_text_url", "publication_date", "signing_date", "effective_on",
    "executive_order_number", "citation", "agencies",
)  # fmt: skip


class FederalRegisterError(ValueError):
    kind = "unexpected_response"


@dataclass
class SearchPage:
    items: list[RawItem]
    count: int
    next_page_url: str | None


def normalize_document_number(number: str) -> str:
    """Dashes unified and the serial unpadded: the API treats 2012-07333 and 2012-7333 as one."""
    number = re.sub(r"[\u2010-\u2015]", "-", str(number).strip())
    match = re.fullmatch(r"(C\d-)?(\d{4})-0*(\d+)", number)
    if match:
        return f"{match.group(1) or ''}{match.group(2)}-{match.group(3)}"
    return number


def _load(payload: bytes | str | dict[str, Any]) -> dict[str, Any]:
    if isinstance(payload, dict):
        return payload
    try:
        data = json.loads(payload)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FederalRegisterError(f"Federal Register response is not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise FederalRegisterError("Federal Register response is not a JSON object")
    if "status" in data and "message" in data and "results" not in data and "count" not in data:
        raise FederalRegisterError(f"Federal Register API error {data['status']}: {data['message']}")
    return data


def _agency_names(agencies: Any) -> list[str]:
    names = []
    for agency in agencies or []:
        if isinstance(agency, dict):
            name = agency.get("name") or agency.get("raw_name")
            if name:
                names.append(name)
        elif isinstance(agency, str):
            names.append(agency)
    return names


def _agency_slugs(agencies: Any) -> list[str]:
    return [a["slug"] for a in agencies or [] if isinstance(a, dict) and isinstance(a.get("slug"), str)]


def _utc(value: str | None) -> str | None:
    """Public-inspection `filed_at` ("2026-11-23T08:45:00.000-05:00") as UTC ISO."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).replace(microsecond=0).isoformat()


def _summary_text(result: dict[str, Any]) -> str:
    """What we know before the full text arrives: title, action, abstract."""
    parts = [result.get("title"), result.get("action"), result.get("abstract")]
    return "\n".join(str(p).strip() for p in parts if p)


def document_item(result: dict[str, Any], *, stage: str = "published") -> RawItem:
    number = normalize_document_number(result["document_number"])
    agencies = _agency_names(result.get("agencies"))
    return RawItem(
        guid=number,
        url=result.get("html_url"),
        title=result.get("title"),
        published=result.get("publication_date") or _utc(result.get("filed_at")),
        text=_summary_text(result),
        stage=stage,
        namespace=NAMESPACE,
        metadata={
            "document_number": number,
            "type": result.get("type"),
            "subtype": result.get("subtype"),
            "action": result.get("action"),
            "executive_order_number": result.get("executive_order_number"),
            "agencies": agencies,
            "agency_slugs": _agency_slugs(result.get("agencies")),
            "signing_date": result.get("signing_date"),
            "publication_date": result.get("publication_date"),
            "effective_on": result.get("effective_on"),
            "filed_at": result.get("filed_at"),
            "citation": result.get("citation"),
            "raw_text_url": result.get("raw_text_url"),
            "pdf_url": result.get("pdf_url"),
            "abstract": result.get("abstract"),
        },
    )


def parse_search(payload: bytes | str | dict[str, Any]) -> SearchPage:
    """One page of `/documents.json`; a zero-hit answer has no `results` key."""
    data = _load(payload)
    results = data.get("results") or []
    items = [document_item(r) for r in results if isinstance(r, dict) and r.get("document_number")]
    return SearchPage(items=items, count=int(data.get("count") or 0), next_page_url=data.get("next_page_url"))


def parse_public_inspection(payload: bytes | str | dict[str, Any]) -> list[RawItem]:
    """`/public-inspection-documents/*.json`: documents a day or two before publication."""
    data = _load(payload)
    items = []
    for result in data.get("results") or []:
        if isinstance(result, dict) and result.get("document_number"):
            items.append(document_item(result, stage="public_inspection"))
    return items


def with_full_text(item: RawItem, raw_text: str) -> RawItem:
    """The item with the document's own text (from `raw_text_url`) as its body."""
    text = raw_text.strip()
    if not text:
        return item
    # The raw text is the document itself; keep the title on top so a heading
    # like "Executive Order 14xxx of ..." is always present for extraction.
    title = (item.title or "").strip()
    body = text if not title or title in text[:2000] else f"{title}\n\n{text}"
    return RawItem(**{**item.__dict__, "text": body})
