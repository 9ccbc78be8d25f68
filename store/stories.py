"""Stories in the store: incremental resolution, analyst overrides, listings.

`resolve_document` runs after a document's events are (re)written: each
event looks up only the candidate stories that share a participant, have
its type and lie in its date window (one index range scan per entity), so
adding events costs the same in a store of ten thousand or ten million.
Analyst merges and splits are stored as overrides and re-applied whenever
the events they name are extracted again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from nlp.stories import (
    EventRecord,
    Role,
    StoryRecord,
    candidate_window,
    choose_story,
    new_story_id,
    short_key,
    summarise,
)
from store.db import now_utc

_EVENT_SQL = (
    "SELECT ev.id, ev.document, d.source, ev.type, ev.date, ev.date_precision, d.published, ev.evidence, "
    "ev.attrs, d.url, d.title FROM events ev JOIN documents d ON d.id = ev.document"
)


def _records(db: sqlite_utils.Database, where: str, params: list[Any]) -> list[EventRecord]:
    rows = db.execute(f"{_EVENT_SQL} WHERE {where} ORDER BY d.published, ev.id", params).fetchall()
    records = {
        row[0]: EventRecord(
            id=row[0],
            document=row[1],
            source=row[2],
            type=row[3],
            date=row[4],
            date_precision=row[5],
            published=(row[6] or "")[:10] or None,
            evidence=row[7],
            attrs=json.loads(row[8] or "{}"),
            url=row[9],
            title=row[10],
        )
        for row in rows
    }
    ids = list(records)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for event, role, entity, canonical, text in db.execute(
            f"SELECT r.event, r.role, r.entity, e.canonical, r.text FROM event_roles r "
            f"LEFT JOIN entities e ON e.id = r.entity WHERE r.event IN ({marks}) ORDER BY r.event, r.seq",
            chunk,
        ):
            records[event].roles.append(Role(role, entity, canonical, text))
    return list(records.values())


def events_of_document(db: sqlite_utils.Database, document_id: str) -> list[EventRecord]:
    return _records(db, "ev.document = ?", [document_id])


def events_of_story(db: sqlite_utils.Database, story_id: str) -> list[EventRecord]:
    return _records(db, "ev.story = ?", [story_id])


def stories_of_document(db: sqlite_utils.Database, document_id: str) -> set[str]:
    return {
        row[0]
        for row in db.execute(
            "SELECT DISTINCT story FROM events WHERE document = ? AND story IS NOT NULL", [document_id]
        )
    }


def candidates_for(db: sqlite_utils.Database, event: EventRecord, *, limit_per_entity: int = 50) -> list[StoryRecord]:
    """Stories of the event's type, in its date window, sharing one of its participants."""
    entities = sorted(event.entities())
    start, end = candidate_window(event)
    if not entities or start is None:
        return []
    story_ids: set[str] = set()
    for entity in entities:
        rows = db.execute(
            "SELECT story FROM story_participants WHERE entity = ? AND type = ? AND sort_key BETWEEN ? AND ? LIMIT ?",
            [entity, event.type, start, end, limit_per_entity],
        ).fetchall()
        story_ids.update(row[0] for row in rows)
    candidates = []
    for story_id in sorted(story_ids):
        row = db.execute(
            "SELECT id, type, date, date_precision, first_seen FROM stories WHERE id = ?", [story_id]
        ).fetchone()
        if row is None:
            continue
        roles = db.execute("SELECT entity, role FROM story_participants WHERE story = ?", [story_id]).fetchall()
        participants = {entity for entity, _ in roles}
        targets = {entity for entity, role in roles if role == "target"}
        agents = {entity for entity, role in roles if role == "agent"}
        candidates.append(
            StoryRecord(row[0], row[1], row[2], row[3], participants, (row[4] or "")[:10] or None, targets, agents)
        )
    return candidates


# --- overrides -------------------------------------------------------------------


def _split_target(db: sqlite_utils.Database, event_id: str) -> str | None:
    row = db.execute(
        "SELECT story FROM story_overrides WHERE kind = 'split' AND event = ? ORDER BY id DESC LIMIT 1", [event_id]
    ).fetchone()
    return row[0] if row else None


def _merged_into(db: sqlite_utils.Database, story_id: str) -> str:
    """Follow analyst merges: a story merged into another resolves to that one."""
    seen = {story_id}
    while True:
        row = db.execute(
            "SELECT story FROM story_overrides WHERE kind = 'merge' AND other = ? ORDER BY id DESC LIMIT 1", [story_id]
        ).fetchone()
        if row is None or row[0] in seen:
            return story_id
        story_id = row[0]
        seen.add(story_id)


# --- writing ----------------------------------------------------------------------


def refresh_story(db: sqlite_utils.Database, story_id: str) -> None:
    """Rebuild one story's row and participants from its events; drop it when it has none."""
    events = events_of_story(db, story_id)
    if not events:
        db.execute("DELETE FROM stories WHERE id = ?", [story_id])
        return
    kind = events[0].type
    summary = summarise(story_id, kind, events)
    existing = db.execute("SELECT first_seen FROM stories WHERE id = ?", [story_id]).fetchone()
    row = {
        **summary,
        "participants": json.dumps(summary["participants"]),
        "disputes": json.dumps(summary["disputes"]),
        "last_updated": now_utc(),
    }
    if existing is None:
        db["stories"].insert(row)
    else:
        db["stories"].update(story_id, row)
    db.execute("DELETE FROM story_participants WHERE story = ?", [story_id])
    sort_key = summary["date_sort"] or summary["first_seen"]
    keys = {(p["entity"], p["role"]) for p in summary["participants"]}
    # short-name keys, so a report saying "FlickNest" finds the story of "FlickNest Technologies"
    keys |= {(short, role) for entity, role in list(keys) if (short := short_key(entity))}
    db["story_participants"].insert_all(
        [
            {"story": story_id, "entity": entity, "role": role, "type": kind, "sort_key": sort_key}
            for entity, role in sorted(keys)
        ],
        pk=("story", "entity", "role"),
        replace=True,
    )


def _ensure_story_row(db: sqlite_utils.Database, story_id: str, event: EventRecord) -> None:
    """A new story's row exists before events point at it (refresh_story fills it in)."""
    db.execute(
        "INSERT OR IGNORE INTO stories (id, type, title, first_seen) VALUES (?, ?, '', ?)",
        [story_id, event.type, event.published],
    )


def resolve_document(db: sqlite_utils.Database, document_id: str, *, also_refresh: Iterable[str] = ()) -> set[str]:
    """Attach a document's events to stories (existing or new); return the stories touched."""
    touched = set(also_refresh)
    with db.atomic():
        for event in events_of_document(db, document_id):
            story_id = _split_target(db, event.id)
            if story_id is None:
                story_id = choose_story(event, candidates_for(db, event)) or new_story_id(event)
                story_id = _merged_into(db, story_id)
            _ensure_story_row(db, story_id, event)
            db.execute("UPDATE events SET story = ? WHERE id = ?", [story_id, event.id])
            touched.add(story_id)
            # refresh now, so the next event of this batch sees this story as a candidate
            refresh_story(db, story_id)
        for story_id in touched:
            refresh_story(db, story_id)
    return touched


def resolve_all(db: sqlite_utils.Database) -> int:
    """Resolve every document whose events have no story yet (e.g. after an upgrade)."""
    documents = [
        row[0] for row in db.execute("SELECT DISTINCT document FROM events WHERE story IS NULL ORDER BY document")
    ]
    for document in documents:
        resolve_document(db, document)
    return len(documents)


def merge(db: sqlite_utils.Database, keep: str, absorb: str) -> None:
    """Analyst correction: `absorb` is the same happening as `keep`; survives re-processing."""
    for story_id in (keep, absorb):
        if db.execute("SELECT 1 FROM stories WHERE id = ?", [story_id]).fetchone() is None:
            raise KeyError(f"no story {story_id!r}")
    if keep == absorb:
        raise ValueError("cannot merge a story into itself")
    with db.atomic():
        db["story_overrides"].insert({"kind": "merge", "story": keep, "other": absorb, "created": now_utc()})
        db.execute("UPDATE events SET story = ? WHERE story = ?", [keep, absorb])
        refresh_story(db, absorb)
        refresh_story(db, keep)


def split(db: sqlite_utils.Database, event_ids: list[str]) -> str:
    """Analyst correction: these events are a happening of their own; returns the new story id."""
    if not event_ids:
        raise ValueError("name at least one event to split off")
    rows = db.execute(
        f"SELECT id, story FROM events WHERE id IN ({','.join('?' * len(event_ids))})", event_ids
    ).fetchall()
    missing = set(event_ids) - {row[0] for row in rows}
    if missing:
        raise KeyError(f"no event(s) {sorted(missing)}")
    new_id = (
        "story-"
        + hashlib.sha1(("split:" + "|".join(sorted(event_ids))).encode(), usedforsecurity=False).hexdigest()[:12]
    )
    old = {row[1] for row in rows if row[1]}
    with db.atomic():
        first = _records(db, "ev.id = ?", [event_ids[0]])[0]
        _ensure_story_row(db, new_id, first)
        for event_id in event_ids:
            db["story_overrides"].insert({"kind": "split", "story": new_id, "event": event_id, "created": now_utc()})
            db.execute("UPDATE events SET story = ? WHERE id = ?", [new_id, event_id])
        for story_id in old | {new_id}:
            refresh_story(db, story_id)
    return new_id


# --- reading ---------------------------------------------------------------------


def story_json(db: sqlite_utils.Database, row: dict[str, Any]) -> dict[str, Any]:
    events = events_of_story(db, row["id"])
    return {
        "id": row["id"],
        "type": row["type"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "title": row["title"],
        "participants": [
            {"canonical": p["canonical"], "role": p["role"], "entity": p["entity"]}
            for p in json.loads(row["participants"] or "[]")
        ],
        "events": [
            {
                "id": e.id,
                "document": e.document,
                "source": e.source,
                "evidence": e.evidence,
                "date": e.date,
                "published": e.published,
                "url": e.url,
            }
            for e in events
        ],
        "disputes": json.loads(row["disputes"] or "[]"),
        "first_seen": row["first_seen"],
        "undated": row["date"] is None,
    }


def find_entity(db: sqlite_utils.Database, name: str) -> list[str]:
    """Entity ids matching an id, a canonical name or an alias (case-insensitive)."""
    if db.execute("SELECT 1 FROM entities WHERE id = ?", [name]).fetchone():
        return [name]
    lowered = name.strip().lower()
    ids = [row[0] for row in db.execute("SELECT id FROM entities WHERE lower(canonical) = ?", [lowered])]
    if ids:
        return ids
    return [
        row[0]
        for row in db.execute("SELECT id, aliases FROM entities")
        if any(alias.lower() == lowered for alias in json.loads(row[1] or "[]"))
    ]


def list_stories(
    db: sqlite_utils.Database, *, entity: str | None = None, event_type: str | None = None, since: str | None = None
) -> list[dict[str, Any]]:
    """Stories in date order (undated ones placed by first report), as the `stories --json` objects."""
    where, params = ["1 = 1"], []
    if entity is not None:
        ids = find_entity(db, entity)
        if not ids:
            return []
        where.append(f"id IN (SELECT story FROM story_participants WHERE entity IN ({','.join('?' * len(ids))}))")
        params += ids
    if event_type:
        where.append("type = ?")
        params.append(event_type)
    if since:
        where.append("coalesce(date_sort, substr(first_seen, 1, 10)) >= ?")
        params.append(since)
    cursor = db.execute(
        f"SELECT * FROM stories WHERE {' AND '.join(where)} "
        "ORDER BY coalesce(date_sort, substr(first_seen, 1, 10)), id",
        params,
    )
    columns = [c[0] for c in cursor.description]
    return [story_json(db, dict(zip(columns, values, strict=True))) for values in cursor.fetchall()]
