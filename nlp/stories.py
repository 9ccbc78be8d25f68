"""Stories: one real-world happening, however many reports describe it.

Pure functions over plain records. `choose_story` decides whether a newly
extracted event joins one of the candidate stories the store found for it
(same type, nearby date, a shared participant); `summarise` rebuilds a
story's best date, title, participants and disputes from its events. The
store does the reading and writing (`store.stories`), so both stay
testable alone and the cost of adding an event does not grow with the
store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

TITLES_PATH = Path(__file__).resolve().parent.parent / "data" / "rules" / "story_titles.json"
# How far apart two reports' dates may be and still describe one happening.
DAY_WINDOW = 3
# An undated report joins a story dated up to this long before it was published.
UNDATED_WINDOW = 21
DISPUTE_SLOTS = ("issuer", "instrument", "scope", "date", "target")
# Types whose actor is part of what the happening is: another plaintiff is another
# suit. For orders or designations a different issuer is a dispute between reports.
AGENT_DEFINED = {"lawsuit", "launch"}
# Kinds of entity a short name can stand for ("FlickNest" for "FlickNest Technologies"),
# and first words too common to identify anything on their own.
_SHORTENABLE = ("org", "person", "product", "place")
_COMMON_FIRST_WORDS = {
    "united",
    "china",
    "chinese",
    "american",
    "national",
    "first",
    "general",
    "global",
    "international",
    "new",
    "great",
    "royal",
    "state",
    "federal",
    "us",
    "u",
    "north",
    "south",
    "east",
    "west",
    "central",
    "the",
}


def short_key(entity_id: str) -> str | None:
    """ "org:flicknest-technologies" -> "≈flicknest": the key a report using the short name shares."""
    kind, _, slug = entity_id.partition(":")
    if kind not in _SHORTENABLE or not slug:
        return None
    first = slug.split("-")[0]
    if len(first) < 4 or first in _COMMON_FIRST_WORDS:
        return None
    return "≈" + first


@dataclass
class Role:
    role: str
    entity: str | None
    canonical: str | None
    text: str


@dataclass
class EventRecord:
    """An event as the story stage sees it (from the store or fresh from extraction)."""

    id: str
    document: str
    source: str
    type: str
    date: str | None
    date_precision: str
    published: str | None
    evidence: str
    attrs: dict[str, Any] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    url: str | None = None
    title: str | None = None

    def entities(self, role: str | None = None) -> set[str]:
        """Participant keys: entity ids, or "~words" for participants named only in plain words."""
        keys = set()
        for r in self.roles:
            if role is not None and r.role != role:
                continue
            if r.entity:
                keys.add(r.entity)
                short = short_key(r.entity)
                if short:
                    keys.add(short)
            elif r.role in ("agent", "target") and r.text:
                key = text_key(r.text)
                if key:
                    keys.add(key)
        return keys


@dataclass
class StoryRecord:
    id: str
    type: str
    date: str | None
    date_precision: str
    participants: set[str]
    published_first: str | None = None
    targets: set[str] = field(default_factory=set)
    agents: set[str] = field(default_factory=set)


_TEXT_STOP = {"the", "a", "an", "its", "their", "two", "three", "several", "some", "all", "of", "and", "u.s.", "us"}


def text_key(text: str) -> str | None:
    """A participant named only in words ("two Chinese nationals"), as a comparable key."""
    words = [
        w
        for w in "".join(c.lower() if c.isalnum() or c.isspace() else " " for c in text).split()
        if w not in _TEXT_STOP
    ]
    if not words or len(words) > 6:
        return None
    return "~" + " ".join(words)


def _first_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return dt.date(*numbers[:3])
    except (ValueError, TypeError):
        return None


def dates_compatible(
    a: str | None,
    a_precision: str,
    b: str | None,
    b_precision: str,
    a_published: str | None = None,
    b_published: str | None = None,
) -> bool:
    """Can two reports' dates describe the same happening?"""
    if a and b:
        if a_precision == "day" and b_precision == "day":
            first, second = _first_day(a), _first_day(b)
            return first is not None and second is not None and abs((first - second).days) <= DAY_WINDOW
        shorter = min(len(a), len(b))
        return a[:shorter] == b[:shorter]
    dated, undated_published = (a, b_published) if a else (b, a_published)
    if not dated:
        first, second = _first_day(a_published), _first_day(b_published)
        return first is None or second is None or abs((first - second).days) <= UNDATED_WINDOW
    when, published = _first_day(dated), _first_day(undated_published)
    if when is None or published is None:
        return True
    return -DAY_WINDOW <= (published - when).days <= UNDATED_WINDOW


def candidate_window(event: EventRecord) -> tuple[str | None, str | None]:
    """The date range (inclusive, ISO days) the store should search for candidate stories."""
    anchor = _first_day(event.date) or _first_day(event.published)
    if anchor is None:
        return None, None
    if event.date and event.date_precision == "month":
        start = anchor
        end = (anchor.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    elif event.date and event.date_precision == "year":
        start, end = anchor.replace(month=1, day=1), anchor.replace(month=12, day=31)
    elif event.date:
        start, end = anchor, anchor
        # undated stories are filed under their first report, which may come weeks later
        return (start - dt.timedelta(days=DAY_WINDOW)).isoformat(), (
            end + dt.timedelta(days=UNDATED_WINDOW)
        ).isoformat()
    else:
        start, end = anchor - dt.timedelta(days=UNDATED_WINDOW), anchor
    return (start - dt.timedelta(days=DAY_WINDOW)).isoformat(), (end + dt.timedelta(days=DAY_WINDOW)).isoformat()


def choose_story(event: EventRecord, candidates: list[StoryRecord]) -> str | None:
    """The candidate story this event reports, or None for a new story.

    Same type, compatible dates and at least one shared participant; when
    both sides name targets, a target must be shared, so two same-day
    orders against different companies stay apart.
    """
    targets = event.entities("target")
    everyone = event.entities()
    best: tuple[int, int, str] | None = None
    for story in candidates:
        if story.type != event.type:
            continue
        if not dates_compatible(
            event.date, event.date_precision, story.date, story.date_precision, event.published, story.published_first
        ):
            continue
        shared = everyone & story.participants
        if not shared:
            continue
        named, story_named = _named(targets), _named(story.targets)
        if named and story_named and not named & story_named:
            continue  # same issuer, same day, someone else: another happening
        if event.type in AGENT_DEFINED:
            acting, story_acting = _named(event.entities("agent")), _named(story.agents)
            if acting and story_acting and not acting & story_acting:
                continue  # two plaintiffs suing the same agency a day apart are two suits
        distance = 0
        if event.date and story.date:
            first, second = _first_day(event.date), _first_day(story.date)
            distance = abs((first - second).days) if first and second else 0
        key = (len(shared), -distance, story.id)
        if best is None or key > best:
            best = key
    return best[2] if best else None


def _named(keys: set[str]) -> set[str]:
    """Entity ids only: plain-word participants ("12 companies") are too loose to keep stories apart."""
    return {k for k in keys if not k.startswith("~")}


def new_story_id(event: EventRecord) -> str:
    return "story-" + hashlib.sha1(event.id.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


# --- summaries ------------------------------------------------------------------


@lru_cache(maxsize=1)
def title_templates() -> dict[str, dict[str, str]]:
    return json.loads(TITLES_PATH.read_text(encoding="utf-8"))


def _best_date(events: list[EventRecord]) -> tuple[str | None, str, bool]:
    """(date, precision, disputed): the most precise date the reports agree on."""
    dated = [e for e in events if e.date]
    if not dated:
        return None, "unknown", False
    for precision, length in (("day", 10), ("month", 7), ("year", 4)):
        values = {e.date[:length] for e in dated if len(e.date) >= length}
        if len(values) == 1 and all(len(e.date) >= length for e in dated):
            return values.pop(), precision, False
        if len(values) > 1 and precision == "day":
            # sources disagree on the day: keep the day most of them give, flag it
            counts = Counter(e.date for e in dated if len(e.date) == 10)
            (value, _), *_ = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            coarse = {e.date[:7] for e in dated}
            return value, "day", len(counts) > 1 or len(coarse) > 1
    counts = Counter(e.date for e in dated)
    value = sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    precision = {10: "day", 7: "month", 4: "year"}.get(len(value), "unknown")
    return value, precision, True


def _slot_values(event: EventRecord, slot: str) -> list[str]:
    if slot == "issuer":
        return sorted({r.canonical or r.text for r in event.roles if r.role == "agent" and (r.canonical or r.text)})
    if slot == "target":
        return sorted({r.canonical or r.text for r in event.roles if r.role == "target" and r.entity})
    if slot == "date":
        return [event.date] if event.date else []
    value = event.attrs.get(slot)
    if slot == "instrument":
        value = value or event.attrs.get("form")
    return [str(value)] if value else []


def disputes(events: list[EventRecord]) -> list[dict[str, Any]]:
    """Slots on which the reporting documents disagree, with who says what."""
    result = []
    for slot in DISPUTE_SLOTS:
        by_value: dict[str, set[str]] = defaultdict(set)
        documents_with_value: set[str] = set()
        for event in events:
            values = _slot_values(event, slot)
            if slot == "issuer" and not values:
                continue
            for value in values:
                by_value[value].add(event.document)
                documents_with_value.add(event.document)
        if len(by_value) < 2 or len(documents_with_value) < 2:
            continue
        if slot == "target":
            # a report naming fewer targets is not a disagreement unless documents differ entirely
            document_sets = defaultdict(set)
            for value, docs in by_value.items():
                for doc in docs:
                    document_sets[doc].add(value)
            if len({frozenset(v) for v in document_sets.values()}) < 2 or set.intersection(*document_sets.values()):
                continue
        docs_per_value = [sorted(docs) for docs in by_value.values()]
        if all(len(d) == len(documents_with_value) for d in docs_per_value):
            continue  # every document gives every value: one report listing several, no dispute
        result.append(
            {
                "slot": slot,
                "values": [{"value": value, "documents": sorted(docs)} for value, docs in sorted(by_value.items())],
            }
        )
    return result


def _name(roles: list[Role], role: str) -> str | None:
    """The participant most reports name in this role (named entities before plain words)."""
    named = Counter(r.canonical or r.text for r in roles if r.role == role and r.entity)
    counts = named or Counter(r.canonical or r.text for r in roles if r.role == role)
    if not counts:
        return None
    if role == "target":
        # several targets read naturally; several issuers are a dispute, shown apart
        names = [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        return " and ".join(names[:2])
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def title_for(kind: str, events: list[EventRecord]) -> str:
    roles = [r for e in events for r in e.roles]
    attrs: dict[str, Any] = {}
    for event in events:
        for key, value in event.attrs.items():
            attrs.setdefault(key, value)
    agent, target = _name(roles, "agent"), _name(roles, "target")
    templates = title_templates().get(kind, {})
    if agent and target:
        template = templates.get("both", "{agent}: {type} concerning {target}")
    elif agent:
        template = templates.get("agent", "{agent}: {type}")
    elif target:
        template = templates.get("target", "{type} concerning {target}")
    else:
        template = templates.get("none", "{type}")
    extras = {key: attrs.get(key, "") for key in ("list", "instrument", "amount", "stage", "court", "scope", "place")}
    title = template.format(agent=agent or "", target=target or "", type=kind, **extras)
    suffix = templates.get("suffix", "")
    for key in ("instrument", "amount", "list"):
        if "{" + key + "}" in suffix and not extras[key]:
            suffix = ""
    if suffix:
        title += suffix.format(**extras)
    return " ".join(title.split())


def summarise(story_id: str, kind: str, events: list[EventRecord]) -> dict[str, Any]:
    """A story row and its participants, rebuilt from all its events."""
    date, precision, _ = _best_date(events)
    published = sorted(e.published for e in events if e.published)
    participants: dict[tuple[str, str], dict[str, Any]] = {}
    for event in events:
        for role in event.roles:
            key = role.entity or (text_key(role.text) if role.role in ("agent", "target") and role.text else None)
            if key:
                participants.setdefault(
                    (key, role.role),
                    {
                        "entity": key,
                        "canonical": role.canonical or role.text,
                        "role": role.role,
                    },
                )
    return {
        "id": story_id,
        "type": kind,
        "date": date,
        "date_precision": precision,
        "date_sort": _first_day(date).isoformat() if date and _first_day(date) else None,
        "title": title_for(kind, events),
        "participants": sorted(participants.values(), key=lambda p: (p["role"], p["canonical"] or "")),
        "disputes": disputes(events),
        "first_seen": published[0] if published else None,
    }
