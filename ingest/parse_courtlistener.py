"""CourtListener v4 search responses (`type=r`, RECAP dockets) to raw items.

Search results are camelCase (`caseName`, `dateFiled`), unlike the REST API;
highlighting can wrap words in `<mark>`; parties are flat name lists. One
docket is one document whose text lists its entries, each with its own date,
so the extractor sees when each filing or ruling happened.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urljoin

from ingest.normalize import RawItem

NAMESPACE = "courtlistener"
SITE = "https://www.courtlistener.com"
_MARK = re.compile(r"</?mark>", re.IGNORECASE)


class CourtListenerError(ValueError):
    kind = "unexpected_response"


@dataclass
class SearchPage:
    items: list[RawItem]
    count: int
    next_url: str | None


def _clean(value: Any) -> str:
    return _MARK.sub("", str(value or "")).strip()


def _long_date(value: str | None) -> str | None:
    try:
        day = date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None
    return f"{day:%B} {day.day}, {day.year}"


def docket_text(result: dict[str, Any]) -> str:
    """Readable text of a docket: caption, court, then one line per entry."""
    case_name = _clean(result.get("caseName"))
    court = _clean(result.get("court"))
    lines = [case_name]
    filed = _long_date(result.get("dateFiled"))
    head = f"{case_name}, No. {_clean(result.get('docketNumber'))}, {court}."
    if filed:
        head += f" The case was filed on {filed}."
    if result.get("cause"):
        head += f" Cause: {_clean(result['cause'])}."
    lines.append(head)
    parties = [_clean(p) for p in result.get("party") or [] if _clean(p)]
    if parties:
        lines.append("Parties: " + "; ".join(parties) + ".")
    entries = sorted(
        (d for d in result.get("recap_documents") or [] if isinstance(d, dict)),
        key=lambda d: (str(d.get("entry_date_filed") or ""), d.get("entry_number") or 0),
    )
    for entry in entries:
        description = _clean(entry.get("description") or entry.get("short_description"))
        body = _clean(entry.get("plain_text") or entry.get("snippet"))
        when = _long_date(entry.get("entry_date_filed"))
        text = description
        if body and body not in description:
            text = f"{description} {body}".strip()
        if not text:
            continue
        if text[-1] not in ".!?":
            text += "."
        lines.append(f"{when}: {text}" if when else text)
    return "\n".join(line for line in lines if line)


def docket_item(result: dict[str, Any]) -> RawItem:
    entry_dates = [
        str(d.get("entry_date_filed")) for d in result.get("recap_documents") or [] if d.get("entry_date_filed")
    ]
    latest = max(entry_dates + [str(result.get("dateFiled") or "")]) or None
    absolute = result.get("docket_absolute_url")
    return RawItem(
        guid=str(result["docket_id"]),
        url=urljoin(SITE, absolute) if absolute else None,
        title=_clean(result.get("caseName")) or None,
        published=latest,
        text=docket_text(result),
        namespace=NAMESPACE,
        metadata={
            "docket_id": result.get("docket_id"),
            "docket_number": _clean(result.get("docketNumber")),
            "court": _clean(result.get("court")),
            "court_id": result.get("court_id"),
            "date_filed": result.get("dateFiled"),
            "date_terminated": result.get("dateTerminated"),
            "parties": [_clean(p) for p in result.get("party") or []],
            "suit_nature": result.get("suitNature"),
        },
    )


def parse_search(payload: bytes | str | dict[str, Any]) -> SearchPage:
    if isinstance(payload, dict):
        data = payload
    else:
        try:
            data = json.loads(payload)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CourtListenerError(f"CourtListener response is not JSON: {exc}") from exc
    if not isinstance(data, dict) or "results" not in data:
        detail = data.get("detail") if isinstance(data, dict) else None
        raise CourtListenerError(f"CourtListener response has no results: {detail or 'unexpected shape'}")
    items = [docket_item(r) for r in data["results"] if isinstance(r, dict) and r.get("docket_id") is not None]
    return SearchPage(items=items, count=int(data.get("count") or 0), next_url=data.get("next"))
