"""Read-only queries for the dashboard, the exports and the digest.

Pure functions of a database handle returning plain rows, so pages stay thin
and every query can be benchmarked and tested on its own.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def event_roles(db: sqlite_utils.Database, event_ids: list[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """event id -> role -> [{text, entity, canonical}] for the given events."""
    result: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in _rows(
            db,
            f"SELECT r.event, r.role, r.text, r.entity, e.canonical FROM event_roles r "
            f"LEFT JOIN entities e ON e.id = r.entity WHERE r.event IN ({marks}) ORDER BY r.event, r.seq",
            chunk,
        ):
            result.setdefault(row["event"], {}).setdefault(row["role"], []).append(
                {"text": row["text"], "entity": row["entity"], "canonical": row["canonical"]}
            )
    return result


def timeline_events(
    db: sqlite_utils.Database,
    *,
    event_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    limit: int = 5000,
) -> list[dict[str, Any]]:
    """Dated events (newest first) with their document's title, source and URL."""
    where = ["ev.date_sort IS NOT NULL"]
    params: list[Any] = []
    if event_type:
        where.append("ev.type = ?")
        params.append(event_type)
    if since:
        where.append("ev.date_sort >= ?")
        params.append(since)
    if until:
        where.append("ev.date_sort <= ?")
        params.append(until)
    if entity:
        where.append("ev.id IN (SELECT event FROM event_roles WHERE entity = ?)")
        params.append(entity)
    params.append(limit)
    return _rows(
        db,
        "SELECT ev.id, ev.type, ev.date, ev.date_precision, ev.date_sort, ev.evidence, ev.confidence, ev.attrs, "
        "d.id AS document, d.title, d.source, d.url, d.published FROM events ev JOIN documents d ON d.id = ev.document "
        f"WHERE {' AND '.join(where)} ORDER BY ev.date_sort DESC, ev.id LIMIT ?",
        params,
    )


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    row = db.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM entities), (SELECT count(*) FROM sources)"
    ).fetchone()
    return {"documents": row[0], "events": row[1], "entities": row[2], "sources": row[3]}


def export_events(db: sqlite_utils.Database, *, event_type: str | None = None, since: str | None = None) -> list[dict[str, Any]]:
    """Every stored event (dated or not) with roles, attributes and its document."""
    where, params = ["1 = 1"], []
    if event_type:
        where.append("ev.type = ?")
        params.append(event_type)
    if since:
        where.append("ev.date_sort >= ?")
        params.append(since)
    rows = _rows(
        db,
        "SELECT ev.id, ev.type, ev.date, ev.date_precision, ev.attrs, ev.evidence, ev.confidence, ev.story, "
        "d.id AS document, d.source, d.url, d.title, d.published FROM events ev JOIN documents d ON d.id = ev.document "
        f"WHERE {' AND '.join(where)} ORDER BY ev.date_sort IS NULL, ev.date_sort, ev.id",
        params,
    )
    roles = event_roles(db, [r["id"] for r in rows])
    for row in rows:
        row["attrs"] = json.loads(row["attrs"] or "{}")
        found = roles.get(row["id"], {})
        row["agent"] = found.get("agent", [])
        row["target"] = found.get("target", [])
    return rows
