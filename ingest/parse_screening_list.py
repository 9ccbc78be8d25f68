"""The Consolidated Screening List bulk file to designations and their events (pure; no network).

Shape from `../shared/spec/sources/03-list-designations.md`: the bulk JSON is
``{"results": [...]}``, one object per listed party, with the list it comes
from as a long human name ("Entity List (EL) - Bureau of Industry and
Security") whose wording has changed over time, so the list is known by the
parenthesised code. `federal_register_notice` is free text in several
formats; `start_date` is ``YYYY-MM-DD``.

The file holds only active entries, so a removal is a disappearance: the
poller diffs each snapshot's entry keys against the previous one's. CSL ids
are not known to be stable for non-Treasury rows, so an entry is keyed by
(list code, normalised name, start date).

Each entry becomes a document (kind "filing", stage "list") plus a
`designation` event built here, with the list's own date and no NLP.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from ingest.normalize import RawItem, canonical_url, clean_text, to_document
from ingest.records import Document
from nlp.records import DocResult, EntityRef, Event, Mention

STAGE = "list"
_CODE = re.compile(r"\(([A-Z][A-Z0-9-]{1,10})\)")
_FR_CITATION = re.compile(r"(\d{1,3})\s*F\.?\s?R\.?\s*(\d{1,6})")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*$")


class ScreeningListError(ValueError):
    kind = "unexpected_response"


@dataclass(frozen=True)
class ListInfo:
    code: str
    list_id: str
    list_name: str
    authority_id: str
    authority_name: str


# Ids and canonical names match data/gazetteers (lists.jsonl, agencies.jsonl),
# so the events join the same entities the extractor links in news text.
_BIS = ("agency:us-bis", "Bureau of Industry and Security")
_OFAC = ("agency:us-ofac", "Office of Foreign Assets Control")
LISTS: dict[str, ListInfo] = {
    info.code: info
    for info in (
        ListInfo("EL", "list:entity-list", "Entity List", *_BIS),
        ListInfo("DPL", "list:denied-persons", "Denied Persons List", *_BIS),
        ListInfo("UVL", "list:unverified-list", "Unverified List", *_BIS),
        ListInfo("MEU", "list:meu-list", "Military End-User List", *_BIS),
        ListInfo("SDN", "list:sdn", "Specially Designated Nationals and Blocked Persons List", *_OFAC),
        ListInfo("SSI", "list:ssi", "Sectoral Sanctions Identifications List", *_OFAC),
        ListInfo("FSE", "list:fse", "Foreign Sanctions Evaders List", *_OFAC),
        ListInfo("PLC", "list:plc", "Palestinian Legislative Council List", *_OFAC),
        ListInfo("CAP", "list:capta", "CAPTA List", *_OFAC),
        ListInfo("CAPTA", "list:capta", "CAPTA List", *_OFAC),
        ListInfo("CMIC", "list:ns-cmic", "Non-SDN Chinese Military-Industrial Complex Companies List", *_OFAC),
        ListInfo("NS-MBS", "list:ns-mbs", "Non-SDN Menu-Based Sanctions List", *_OFAC),
        ListInfo("MBS", "list:ns-mbs", "Non-SDN Menu-Based Sanctions List", *_OFAC),
        ListInfo(
            "ISN",
            "list:isn-sanctions",
            "Nonproliferation Sanctions",
            "agency:us-state-isn",
            "Bureau of International Security and Nonproliferation",
        ),  # fmt: skip
        ListInfo(
            "DTC", "list:debarred", "AECA Debarred List", "agency:us-ddtc", "Directorate of Defense Trade Controls"
        ),
    )
}


@dataclass
class Designation:
    """One active entry of one list, as the bulk file states it."""

    key: str
    code: str
    source_label: str
    name: str
    entity_type: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    federal_register_notice: str | None = None
    csl_id: str | None = None
    alt_names: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    url: str | None = None

    def entry_row(self, document: str | None) -> dict[str, Any]:
        """The `list_entries` row remembered for the next snapshot's diff."""
        return {
            "entry_key": self.key,
            "list_code": self.code,
            "name": self.name,
            "entity_type": self.entity_type,
            "start_date": self.start_date,
            "federal_register_notice": self.federal_register_notice,
            "document": document,
        }


@dataclass
class Snapshot:
    designations: list[Designation]
    last_updated: str | None = None
    skipped: int = 0


def list_code(source_label: str) -> str:
    """The parenthesised list code ("EL", "SDN"), which survives renamings of the long name."""
    match = _CODE.search(source_label or "")
    if match:
        return match.group(1)
    return re.sub(r"[^A-Z0-9]+", "-", (source_label or "unknown").upper()).strip("-")[:24] or "UNKNOWN"


def list_info(code: str, source_label: str = "") -> ListInfo:
    if code in LISTS:
        return LISTS[code]
    name = re.sub(r"\s+-\s+.*$", "", source_label).strip() or code
    return ListInfo(code, "list:" + code.lower(), name, "agency:us-ita", "International Trade Administration")


def normalise_name(name: str) -> str:
    folded = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def fr_citations(notice: str | None) -> list[str]:
    """ "83 FR 37423; 87 FR 77505" and "67 F.R. 56530 9/4/02" as ["83 FR 37423", ...]."""
    return [f"{volume} FR {page}" for volume, page in _FR_CITATION.findall(notice or "")]


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    if isinstance(value, list):
        return [str(v).strip() for v in value if isinstance(v, str | int | float) and str(v).strip()]
    return []


def _address(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        parts = [value.get(k) for k in ("address", "city", "state", "state_or_province", "postal_code", "country")]
        text = ", ".join(str(p).strip() for p in parts if p and str(p).strip())
        return text or None
    return None


def _iso_date(value: Any) -> str | None:
    text = str(value or "").strip()[:10]
    if not _DATE.match(text):
        return None
    try:
        date.fromisoformat(text)
    except ValueError:
        return None
    return text


def _designation(result: dict[str, Any]) -> Designation | None:
    name = clean_text(str(result.get("name") or "")).strip()
    if not name:
        return None
    label = str(result.get("source") or "")
    code = list_code(label)
    start = _iso_date(result.get("start_date"))
    url = None
    for key in ("source_information_url", "source_list_url"):
        url = canonical_url(result.get(key))
        if url:
            break
    notice = clean_text(str(result.get("federal_register_notice") or "")).strip() or None
    return Designation(
        key=f"{code}|{normalise_name(name)}|{start or ''}",
        code=code,
        source_label=label,
        name=" ".join(name.split()),
        entity_type=(str(result["type"]).strip() or None) if result.get("type") else None,
        start_date=start,
        end_date=_iso_date(result.get("end_date")),
        federal_register_notice=notice,
        csl_id=str(result.get("id") or result.get("_id") or "") or None,
        alt_names=_strings(result.get("alt_names")),
        addresses=[a for a in (_address(v) for v in (result.get("addresses") or [])) if a]
        if isinstance(result.get("addresses"), list)
        else _strings(result.get("addresses")),
        programs=_strings(result.get("programs")),
        url=url,
    )


def parse(payload: bytes | str | dict[str, Any], *, lists: list[str] | None = None) -> Snapshot:
    """The bulk file's entries as designations, optionally only those of `lists` (codes).

    Entries with the same key (one party listed twice with different
    addresses) are merged: they are one designation.
    """
    if isinstance(payload, dict):
        data = payload
    else:
        try:
            data = json.loads(payload)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ScreeningListError(f"screening list is not JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise ScreeningListError("screening list has no 'results' array")
    wanted = {code.upper() for code in lists} if lists else None
    merged: dict[str, Designation] = {}
    skipped = 0
    for result in data["results"]:
        designation = _designation(result) if isinstance(result, dict) else None
        if designation is None:
            skipped += 1
            continue
        if wanted is not None and designation.code not in wanted:
            continue
        first = merged.get(designation.key)
        if first is None:
            merged[designation.key] = designation
            continue
        for attr in ("alt_names", "addresses", "programs"):
            values = getattr(first, attr)
            values.extend(v for v in getattr(designation, attr) if v not in values)
        if designation.federal_register_notice and designation.federal_register_notice not in (
            first.federal_register_notice or ""
        ):
            first.federal_register_notice = "; ".join(
                n for n in (first.federal_register_notice, designation.federal_register_notice) if n
            )
    updated = [
        str(s.get("source_last_updated"))
        for s in data.get("sources_used") or []
        if isinstance(s, dict) and s.get("source_last_updated")
    ]
    return Snapshot(designations=list(merged.values()), last_updated=max(updated) if updated else None, skipped=skipped)


# --- documents and events ------------------------------------------------------


def _long_date(iso: str | None) -> str | None:
    if not iso:
        return None
    day = date.fromisoformat(iso)
    return f"{day:%B} {day.day}, {day.year}"


@cache
def _gazetteer_index() -> dict[str, Any]:
    """Lower-case names of gazetteer organisations and people -> entry."""
    from nlp.gazetteer import default_gazetteer

    index: dict[str, Any] = {}
    for entry in default_gazetteer().entries.values():
        if entry.type in ("ORG", "PERSON", "GOV", "AGENCY"):
            for name in (entry.canonical, *entry.aliases):
                index.setdefault(name.lower(), entry)
    return index


def target_ref(name: str, entity_type: str | None) -> EntityRef:
    """The listed party as an entity: the gazetteer's id when it knows the name, else
    the id the extractor would give the same name in news text."""
    from nlp.components.entities import clean_name, new_entity_id

    # "China Electronics ... Institute (CETC 13)": the trailing acronym is an
    # alias, not part of the name the entity is known by.
    base = _TRAILING_PARENTHESIS.sub("", name).strip() or name
    index = _gazetteer_index()
    for candidate in (name, base, clean_name(base)):
        entry = index.get(candidate.lower())
        if entry is not None:
            return EntityRef(name, entry.canonical, entry.id, entry.type)
    label = "PERSON" if (entity_type or "").lower() == "individual" else "ORG"
    entity_id, canonical = new_entity_id(label, base)
    return EntityRef(name, canonical, entity_id, label)


def _first_line(text: str) -> tuple[int, int]:
    end = text.find("\n")
    return 0, (end if end >= 0 else len(text))


def _result(doc: Document, info: ListInfo, d: dict[str, Any], *, action: str, when: str | None) -> DocResult:
    start, end = _first_line(doc.text)
    evidence = doc.text[start:end]
    agent = EntityRef(info.authority_name, info.authority_name, info.authority_id, "AGENCY")
    listed = EntityRef(info.list_name, info.list_name, info.list_id, "LIST")
    target = target_ref(d["name"], d.get("entity_type"))
    mentions = []
    for ref, label in ((target, target.type or "ORG"), (listed, "LIST"), (agent, "AGENCY")):
        at = evidence.find(ref.text)
        if at >= 0:
            mentions.append(Mention(ref.text, label, at, at + len(ref.text), ref.canonical, ref.id))
    attrs = {"action": action, "list": info.list_name}
    if d.get("federal_register_notice"):
        attrs["federal_register_notice"] = d["federal_register_notice"]
    event = Event(
        type="designation",
        date=when,
        date_precision="day" if when else "unknown",
        evidence=evidence,
        start=start,
        end=end,
        agent=[agent],
        target=[target],
        attrs=attrs,
        attr_entities={"list": listed},
        confidence=1.0,
        trigger="removed" if action == "remove" else "listed",
    )
    return DocResult(id=doc.id, entities=mentions, events=[event])


def designation_document(source: str, designation: Designation) -> tuple[Document, DocResult]:
    """An active entry as a document and its `designation` (add) event."""
    info = list_info(designation.code, designation.source_label)
    since = _long_date(designation.start_date)
    lines = [
        f"{designation.name} is listed on the {info.list_name} ({info.code}) by the {info.authority_name}"
        + (f", effective {since}." if since else ".")
    ]
    if designation.federal_register_notice:
        lines.append(f"Federal Register: {designation.federal_register_notice}.")
    if designation.alt_names:
        lines.append("Also known as: " + "; ".join(designation.alt_names) + ".")
    if designation.addresses:
        lines.append("Addresses: " + "; ".join(designation.addresses) + ".")
    if designation.programs:
        lines.append("Programs: " + ", ".join(designation.programs) + ".")
    if designation.end_date:
        lines.append(f"Listed until {_long_date(designation.end_date)}.")
    item = RawItem(
        guid=designation.key,
        url=designation.url,
        title=f"{info.list_name}: {designation.name}",
        published=designation.start_date,
        text="\n".join(lines),
        stage=STAGE,
        metadata={
            "list": info.list_name,
            "list_code": info.code,
            "source_label": designation.source_label,
            "csl_id": designation.csl_id,
            "entity_type": designation.entity_type,
            "start_date": designation.start_date,
            "end_date": designation.end_date,
            "federal_register_notice": designation.federal_register_notice,
            "federal_register_citations": fr_citations(designation.federal_register_notice),
            "action": "add",
        },
    )
    doc = to_document(source, item, kind="filing")
    row = designation.entry_row(doc.id)
    return doc, _result(doc, info, row, action="add", when=designation.start_date)


def removal_document(source: str, entry: dict[str, Any], snapshot_date: str) -> tuple[Document, DocResult]:
    """A stored entry missing from the new snapshot, as a `designation` (remove) event.

    The list gives no removal date, so the event carries the date of the
    first snapshot without the entry.
    """
    info = list_info(entry["list_code"])
    since = _long_date(entry.get("start_date"))
    text = (
        f"{entry['name']} was removed from the {info.list_name} ({info.code}) by the {info.authority_name}: "
        f"it no longer appears in the Consolidated Screening List of {_long_date(snapshot_date)}."
    )
    if since:
        text += f"\nIt had been listed since {since}."
    if entry.get("federal_register_notice"):
        text += f"\nFederal Register (listing): {entry['federal_register_notice']}."
    key = f"{entry['entry_key']}|removed|{snapshot_date}"
    item = RawItem(
        guid=key,
        title=f"{info.list_name}: {entry['name']} removed",
        published=snapshot_date,
        text=text,
        stage=STAGE,
        metadata={
            "list": info.list_name,
            "list_code": info.code,
            "entity_type": entry.get("entity_type"),
            "start_date": entry.get("start_date"),
            "federal_register_notice": entry.get("federal_register_notice"),
            "action": "remove",
            "removed_entry": entry["entry_key"],
        },
    )
    doc = to_document(source, item, kind="filing")
    # The listing notice is not the removal's legal instrument, which the list does not name.
    return doc, _result(doc, info, {**entry, "federal_register_notice": None}, action="remove", when=snapshot_date)
