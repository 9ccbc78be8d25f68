"""Read-only queries for the dashboard, the exports and the digest.

Pure functions of a database handle returning plain rows, so pages stay thin
and every query can be benchmarked and tested on its own.
"""

# SQL here is assembled from fixed fragments and "?" placeholders only; every
# value, including anything a user typed, travels as a parameter.
# ruff: noqa: S608

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import sqlite_utils

from store.db import quote_fts_terms


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


def export_events(
    db: sqlite_utils.Database, *, event_type: str | None = None, since: str | None = None
) -> list[dict[str, Any]]:
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


# --- the dashboard ------------------------------------------------------------
#
# Every page's reads are below, each a pure function of a handle, so that
# `bench/dashboard.py` can time exactly what the pages run. Filters built from
# what a user typed run under `time_limit` in `app/data.py`.

MAX_POINTS = 2000
EXPORT_LIMIT = 50_000
# Aggregate by week up to this span and by month beyond it: a year is 53
# bars per type, ten years by month is 120.
WEEK_SPAN_DAYS = 366


class QueryTimeout(RuntimeError):
    """A dashboard query ran past its time limit and was interrupted."""


@contextmanager
def time_limit(db: sqlite_utils.Database, ms: float) -> Iterator[None]:
    """Interrupt any statement on `db` still running after `ms` milliseconds.

    Same idea as datasette's ``sqlite_timelimit``: SQLite calls the progress
    handler every N virtual-machine steps and aborts the statement when it
    returns true, so a pathological filter costs at most `ms`, not the page.
    """
    conn = db.conn
    deadline = time.perf_counter() + ms / 1000
    steps = 1000 if ms >= 50 else 1

    def handler() -> int:
        return 1 if time.perf_counter() >= deadline else 0

    conn.set_progress_handler(handler, steps)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout(f"query stopped after {ms:.0f} ms") from exc
        raise
    finally:
        conn.set_progress_handler(None, steps)


@dataclass(frozen=True)
class Filters:
    """What the timeline and export pages filter on; every field optional.

    `since`/`until` are inclusive ISO dates, `entity` matches any role,
    `agency` only the agent role, `source` the document's source, and `text`
    is a full-text query over the documents (always quoted: never FTS syntax).
    """

    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] = ()
    entity: str | None = None
    agency: str | None = None
    source: str | None = None
    text: str | None = None

    @property
    def fts(self) -> str:
        return quote_fts_terms(self.text or "")

    @property
    def needs_events(self) -> bool:
        """True when the tallies cannot answer: the filter names an entity, agency or words."""
        return bool(self.entity or self.agency or self.fts)


def store_mode(db: sqlite_utils.Database) -> str:
    """ "stories" once story resolution has written any, else "events"."""
    return "stories" if db.execute("SELECT 1 FROM stories LIMIT 1").fetchone() else "events"


def overview(db: sqlite_utils.Database) -> dict[str, int]:
    """Headline counts; events and stories come from the tallies, not a 1M-row count."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(n), 0) FROM event_days), "
        "(SELECT coalesce(sum(n), 0) FROM event_days WHERE day = ''), (SELECT coalesce(sum(n), 0) FROM story_days), "
        "(SELECT count(*) FROM entities), (SELECT count(*) FROM sources)"
    ).fetchone()
    return dict(zip(("documents", "events", "undated_events", "stories", "entities", "sources"), row, strict=True))


def _distinct(db: sqlite_utils.Database, table: str, column: str) -> list[str]:
    """Distinct values of an indexed column by skipping through the index: O(k log n), not a scan."""
    sql = (
        f"WITH RECURSIVE v(x) AS (SELECT min({column}) FROM {table} "
        f"UNION ALL SELECT (SELECT min({column}) FROM {table} WHERE {column} > v.x) FROM v WHERE v.x IS NOT NULL) "
        "SELECT x FROM v WHERE x IS NOT NULL"
    )
    return [row[0] for row in db.execute(sql).fetchall()]


def filter_options(db: sqlite_utils.Database) -> dict[str, Any]:
    """Choices for the filter widgets: types, sources, agencies and the date bounds."""
    bounds = db.execute(
        "SELECT (SELECT min(date_sort) FROM events WHERE date_sort IS NOT NULL), (SELECT max(date_sort) FROM events), "
        "(SELECT min(date_sort) FROM stories WHERE date_sort IS NOT NULL), (SELECT max(date_sort) FROM stories)"
    ).fetchone()
    lows = [b for b in (bounds[0], bounds[2]) if b]
    highs = [b for b in (bounds[1], bounds[3]) if b]
    return {
        "types": sorted(set(_distinct(db, "events", "type")) | set(_distinct(db, "stories", "type"))),
        "sources": _rows(db, "SELECT name, title FROM sources ORDER BY name"),
        "agencies": _rows(db, "SELECT id, canonical FROM entities WHERE type = 'AGENCY' ORDER BY canonical"),
        "min_date": min(lows) if lows else None,
        "max_date": max(highs) if highs else None,
    }


def entity_choices(db: sqlite_utils.Database, *, limit: int = 3000) -> list[dict[str, Any]]:
    """Entities for a picker, by name; places and demonyms are left out as filters nobody wants."""
    return _rows(
        db,
        "SELECT id, canonical, type FROM entities WHERE type NOT IN ('PLACE', 'GROUP') ORDER BY canonical LIMIT ?",
        [limit],
    )


def find_entities(db: sqlite_utils.Database, text: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Entities whose name, id or an alias contains `text` (case-insensitive), exact names first."""
    needle = text.strip().lower()
    if not needle:
        return []
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return _rows(
        db,
        "SELECT id, canonical, type FROM entities WHERE lower(canonical) LIKE :p ESCAPE '\\' "
        "OR lower(id) LIKE :p ESCAPE '\\' OR lower(aliases) LIKE :p ESCAPE '\\' "
        "ORDER BY lower(canonical) != :n, length(canonical), canonical LIMIT :limit",
        {"p": pattern, "n": needle, "limit": limit},
    )


def _date_and_type_terms(
    alias: str, f: Filters, dated: bool | None, *, indexed: bool = True
) -> tuple[list[str], list[Any]]:
    """Date-range and type terms on a table with `date_sort` and `type` (events or stories).

    With `indexed` False the columns are written `+col`, which keeps SQLite
    from reading the date or type index for them: the plan then starts
    from the entity, source or words, as a collecting plan means to.
    """
    where: list[str] = []
    params: list[Any] = []
    col = f"{alias}." if indexed else f"+{alias}."
    if dated is True:
        where.append(f"{col}date_sort IS NOT NULL")
    elif dated is False:
        where.append(f"{col}date_sort IS NULL")
    if dated is not False:
        if f.since:
            where.append(f"{col}date_sort >= ?")
            params.append(f.since)
        if f.until:
            where.append(f"{col}date_sort <= ?")
            params.append(f.until)
    if f.types:
        where.append(f"{col}type IN ({', '.join('?' for _ in f.types)})")
        params.extend(f.types)
    return where, params


def _event_where(
    f: Filters, *, dated: bool | None, walk: bool = False, collect: bool = False
) -> tuple[list[str], list[Any]]:
    """WHERE terms on `events ev` for the filters (dated: only dated, only undated, or both).

    With `walk`, entity, agency and source are tested per event (correlated
    EXISTS) instead of collected first (IN), so SQLite reads events in date
    order and a LIMIT stops it early; with `collect`, the matches are read
    first and sorted after, whatever the planner guesses from averaged
    statistics. `_walks` decides which is cheaper.
    """
    where, params = _date_and_type_terms("ev", f, dated, indexed=not collect)
    where_, params_ = _event_links(f, walk=walk)
    return where + where_, params + params_


def _event_links(f: Filters, *, walk: bool = False) -> tuple[list[str], list[Any]]:
    """The filters that need other tables: entity, agency, source and words."""
    where: list[str] = []
    params: list[Any] = []
    if f.entity:
        where.append(
            "EXISTS (SELECT 1 FROM event_roles r WHERE r.event = ev.id AND r.entity = ?)"
            if walk
            else "ev.id IN (SELECT event FROM event_roles WHERE entity = ?)"
        )
        params.append(f.entity)
    if f.agency:
        where.append(
            "EXISTS (SELECT 1 FROM event_roles r WHERE r.event = ev.id AND r.role = 'agent' AND r.entity = ?)"
            if walk
            else "ev.id IN (SELECT event FROM event_roles WHERE entity = ? AND role = 'agent')"
        )
        params.append(f.agency)
    if f.source:
        where.append(
            "EXISTS (SELECT 1 FROM documents sd WHERE sd.id = ev.document AND sd.source = ?)"
            if walk
            else "ev.document IN (SELECT id FROM documents WHERE source = ?)"
        )
        params.append(f.source)
    if f.fts:
        where.append(f"ev.document IN ({_TEXT_DOCUMENTS})")
        params.append(f.fts)
    return where, params


# Words found in thousands of documents filter nothing useful, and turning
# every match into its events is what makes such a filter slow: only the
# most recently stored matches count (`text_matches` tells the page).
TEXT_DOCUMENT_LIMIT = 2000
_TEXT_DOCUMENTS = (
    "SELECT id FROM documents WHERE rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? "
    f"ORDER BY rowid DESC LIMIT {TEXT_DOCUMENT_LIMIT})"
)


def text_matches(db: sqlite_utils.Database, f: Filters) -> int:
    """How many documents the filter's words match (0 without words)."""
    if not f.fts:
        return 0
    return db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", [f.fts]).fetchone()[0]


def _story_where(
    f: Filters, *, dated: bool | None, walk: bool = False, collect: bool = False
) -> tuple[list[str], list[Any]]:
    """WHERE terms on `stories s`: dates and types on the story, the rest through its events (see `_event_where`)."""
    where, params = _date_and_type_terms("s", f, dated, indexed=not collect)
    # Entity and agency go through the participants story resolution keeps
    # (one index range each); source and words through the stories' events.
    if f.entity:
        where.append(
            "EXISTS (SELECT 1 FROM story_participants p WHERE p.story = s.id AND p.entity = ?)"
            if walk
            else "s.id IN (SELECT story FROM story_participants WHERE entity = ?)"
        )
        params.append(f.entity)
    if f.agency:
        where.append(
            "EXISTS (SELECT 1 FROM story_participants p WHERE p.story = s.id AND p.entity = ? AND p.role = 'agent')"
            if walk
            else "s.id IN (SELECT story FROM story_participants WHERE entity = ? AND role = 'agent')"
        )
        params.append(f.agency)
    if walk and f.source:
        where.append(
            "EXISTS (SELECT 1 FROM events sev JOIN documents sd ON sd.id = sev.document "
            "WHERE sev.story = s.id AND sd.source = ?)"
        )
        params.append(f.source)
        f = replace(f, source=None)
    links, link_params = _event_links(replace(f, entity=None, agency=None))
    if links:
        where.append(f"s.id IN (SELECT ev.story FROM events ev WHERE ev.story IS NOT NULL AND {' AND '.join(links)})")
        params.extend(link_params)
    return where, params


def _where_sql(where: list[str]) -> str:
    return " AND ".join(where) if where else "1"


def _bucket_sql(column: str, granularity: str) -> str:
    if granularity == "week":  # the Monday on or before the day
        return f"date({column}, '-6 days', 'weekday 1')"
    return f"substr({column}, 1, 7) || '-01'"


def _span_days(db: sqlite_utils.Database, f: Filters, kind: str) -> int:
    table = "stories" if kind == "stories" else "events"
    low = f.since or db.execute(f"SELECT min(date_sort) FROM {table} WHERE date_sort IS NOT NULL").fetchone()[0]
    high = f.until or db.execute(f"SELECT max(date_sort) FROM {table}").fetchone()[0]
    if not low or not high:
        return 0
    return (date.fromisoformat(high[:10]) - date.fromisoformat(low[:10])).days


def _tally(f: Filters, kind: str) -> tuple[str, list[str], list[Any]] | None:
    """The tally that counts exactly the items `f` selects: (table, key terms, key params), or None.

    Dates and types alone are counted in `event_days`/`story_days`; one
    entity, agency or source (and no words) in its m009 tally. Words, or two
    of entity, agency and source together, only the items can answer.
    """
    prefix = "story" if kind == "stories" else "event"
    if f.fts or sum(1 for value in (f.entity, f.agency, f.source) if value) > 1:
        return None
    if f.source:
        return f"{prefix}_source_days", ["source = ?"], [f.source]
    if f.entity or f.agency:
        return f"{prefix}_entity_days", ["entity = ?", "role = ?"], [f.entity or f.agency, "" if f.entity else "agent"]
    return f"{prefix}_days", [], []


def _tally_terms(
    tally: tuple[str, list[str], list[Any]], f: Filters, *, dated: bool | None
) -> tuple[str, list[str], list[Any]]:
    """Table and WHERE terms reading `tally` for the filter's dates and types (dated, undated or both)."""
    table, where, params = tally[0], list(tally[1]), list(tally[2])
    if dated is False:
        where.append("day = ''")
    elif dated is True:
        where.append("day != ''")
    if dated is True:
        if f.since:
            where.append("day >= ?")
            params.append(f.since)
        if f.until:
            where.append("day <= ?")
            params.append(f.until)
    if f.types:
        where.append(f"type IN ({', '.join('?' for _ in f.types)})")
        params.extend(f.types)
    return table, where, params


def _tally_count(
    db: sqlite_utils.Database, tally: tuple[str, list[str], list[Any]], f: Filters, *, dated: bool | None
) -> int:
    table, where, params = _tally_terms(tally, f, dated=dated)
    return db.execute(f"SELECT coalesce(sum(n), 0) FROM {table} WHERE {_where_sql(where)}", params).fetchone()[0]


def _walks(db: sqlite_utils.Database, f: Filters, kind: str, *, dated: bool, limit: int | None) -> bool:
    """Whether to read items in order testing each against the filter, rather than collect its matches first.

    Collecting reads every item of the entity or source (all dates), then
    sorts; walking reads the items of the date range in order until `limit`
    match, about limit × (items in range) / (matches in range). The tallies
    give both counts, so a hub agency in half the store walks a few hundred
    rows and a company in ten events reads just those ten.
    """
    tally = _tally(f, kind) if f.entity or f.agency or f.source else None
    if tally is None:
        return False
    # one pass over the key's rows counts both: a hub's tally is 45,000 rows
    table, where, params = _tally_terms(tally, f, dated=dated)
    in_filter = " AND ".join(where[len(tally[1]) :]) or "1"
    collect, matches = db.execute(
        f"SELECT coalesce(sum(n), 0), coalesce(sum(CASE WHEN {in_filter} THEN n END), 0) FROM {table} "
        f"WHERE {' AND '.join(tally[1])}",
        [*params[len(tally[2]) :], *tally[2]],
    ).fetchone()
    if collect <= MAX_POINTS or not matches:  # a few thousand rows: cheaper than weighing the alternative
        return False
    in_range = _tally_count(db, _tally(Filters(types=f.types, since=f.since, until=f.until), kind), f, dated=dated)
    walk = in_range if limit is None else min(in_range, limit * in_range / matches)
    return walk < collect


def _has_links(f: Filters) -> bool:
    return bool(f.entity or f.agency or f.source or f.fts)


def timeline(
    db: sqlite_utils.Database, f: Filters, *, kind: str = "events", max_points: int = MAX_POINTS, one_pass: bool = True
) -> dict[str, Any]:
    """What the timeline chart draws: single items, or counts per week or month.

    Returns ``{"granularity": "item"|"week"|"month", "points": [...], "total": n}``.
    Items carry id, type, date, date_precision, date_sort (and the document's
    source for events); counts carry period, type and n. Whether there are
    more than `max_points` items is read from a tally when one answers the
    filter, else settled by a LIMIT, never a full count.
    In month mode the date range is widened to whole months, so every bar is
    a full month. Filters with words take `_timeline_in_one_pass` unless
    `one_pass` is False (tests compare the two).
    """
    alias, where_fn = ("s", _story_where) if kind == "stories" else ("ev", _event_where)
    table = "stories s" if kind == "stories" else "events ev"
    tally = _tally(f, kind)
    if tally is None and f.fts and one_pass:
        return _timeline_in_one_pass(db, f, kind, max_points)
    if tally is not None:
        probe = _tally_count(db, tally, f, dated=True)
    else:
        where, params = where_fn(f, dated=True)
        probe = db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {_where_sql(where)} LIMIT ?)",
            [*params, max_points + 1],
        ).fetchone()[0]
    if probe <= max_points:
        walk = _walks(db, f, kind, dated=True, limit=None)
        where, params = where_fn(f, dated=True, walk=walk, collect=not walk and _has_links(f))
        if kind == "stories":
            sql = (
                "SELECT s.id, s.type, s.date, s.date_precision, s.date_sort FROM stories s "
                f"WHERE {_where_sql(where)} ORDER BY s.date_sort, s.id"
            )
        else:
            sql = (
                "SELECT ev.id, ev.type, ev.date, ev.date_precision, ev.date_sort, d.source FROM events ev "
                f"JOIN documents d ON d.id = ev.document WHERE {_where_sql(where)} ORDER BY ev.date_sort, ev.id"
            )
        points = _rows(db, sql, params)
        return {"granularity": "item", "points": points, "total": len(points)}
    granularity = "week" if _span_days(db, f, kind) <= WEEK_SPAN_DAYS else "month"
    if granularity == "month":
        f = replace(f, since=f.since and f.since[:7] + "-01", until=f.until and f.until[:7] + "-31")
    points = _buckets(db, f, kind, granularity, alias)
    return {"granularity": granularity, "points": points, "total": sum(p["n"] for p in points)}


def _timeline_in_one_pass(db: sqlite_utils.Database, f: Filters, kind: str, max_points: int) -> dict[str, Any]:
    """`timeline` for a filter with words: its matches read once, then listed or counted here.

    Words reach at most `TEXT_DOCUMENT_LIMIT` documents, so their items are
    some thousands of rows; going from documents to events to stories is
    what costs, and the general path goes that way twice (the probe, then
    the list or the count). Periods come from SQLite's own date functions,
    one call per distinct day, so the bars equal `_buckets`'.
    """
    alias, where_fn, table = (
        ("s", _story_where, "stories s") if kind == "stories" else ("ev", _event_where, "events ev")
    )
    granularity = "week" if _span_days(db, f, kind) <= WEEK_SPAN_DAYS else "month"
    wide = (
        f
        if granularity == "week"
        else replace(f, since=f.since and f.since[:7] + "-01", until=f.until and f.until[:7] + "-31")
    )
    where, params = where_fn(wide, dated=True, collect=True)
    rows = db.execute(
        f"SELECT {alias}.rowid, {alias}.date_sort, {alias}.type FROM {table} WHERE {_where_sql(where)}", params
    ).fetchall()
    inside = [r for r in rows if (not f.since or r[1] >= f.since) and (not f.until or r[1] <= f.until)]
    if len(inside) <= max_points:
        marks = ", ".join("?" for _ in inside)
        if kind == "stories":
            sql = (
                "SELECT s.id, s.type, s.date, s.date_precision, s.date_sort FROM stories s "
                f"WHERE s.rowid IN ({marks}) ORDER BY s.date_sort, s.id"
            )
        else:
            sql = (
                "SELECT ev.id, ev.type, ev.date, ev.date_precision, ev.date_sort, d.source FROM events ev "
                f"JOIN documents d ON d.id = ev.document WHERE ev.rowid IN ({marks}) ORDER BY ev.date_sort, ev.id"
            )
        points = _rows(db, sql, [r[0] for r in inside]) if inside else []
        return {"granularity": "item", "points": points, "total": len(points)}
    days = sorted({r[1] for r in rows})
    period_of = dict(
        db.execute(
            f"SELECT value, {_bucket_sql('value', granularity)} FROM json_each(?)", [json.dumps(days)]
        ).fetchall()
    )
    counts = Counter((period_of[day], item_type) for _, day, item_type in rows)
    points = [
        {"period": period, "type": item_type, "n": n}
        for (period, item_type), n in sorted(counts.items(), key=lambda item: (item[0][0] is not None, item[0]))
    ]
    return {"granularity": granularity, "points": points, "total": sum(p["n"] for p in points)}


def _buckets(
    db: sqlite_utils.Database, f: Filters, kind: str, granularity: str, alias: str, *, tallies: bool = True
) -> list[dict[str, Any]]:
    """Counts per period and type; from a tally whenever one answers the filter (`tallies=False` never)."""
    tally = _tally(f, kind) if tallies else None
    if tally is not None:
        if kind == "events" and f.source and granularity == "month":
            # a source's months are already summed: 30 times fewer rows than its days
            table, column, where, params = "event_source_months", "month", ["source = ?", "month != ''"], [f.source]
            period = "month || '-01'"
            low, high = f.since and f.since[:7], f.until and f.until[:7]
            if low:
                where.append(f"{column} >= ?")
                params.append(low)
            if high:
                where.append(f"{column} <= ?")
                params.append(high)
            if f.types:
                where.append(f"type IN ({', '.join('?' for _ in f.types)})")
                params.extend(f.types)
            group = "1, 2"
        else:
            table, where, params = _tally_terms(tally, f, dated=True)
            period = _bucket_sql("day", granularity)
            # the same expression as m009's month indexes, which then give the rows grouped, with no sort
            group = "substr(day, 1, 7), type" if granularity == "month" else "1, 2"
        sql = f"SELECT {period} AS period, type, sum(n) AS n FROM {table} WHERE {' AND '.join(where)} GROUP BY {group}"
        return _rows(db, sql + " ORDER BY 1, 2", params)
    where_fn, table = (_story_where, "stories s") if kind == "stories" else (_event_where, "events ev")
    where, params = where_fn(f, dated=True)
    period = _bucket_sql(f"{alias}.date_sort", granularity)
    return _rows(
        db,
        f"SELECT {period} AS period, {alias}.type AS type, count(*) AS n FROM {table} "
        f"WHERE {_where_sql(where)} GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    )


def timeline_items(
    db: sqlite_utils.Database,
    f: Filters,
    *,
    kind: str = "events",
    dated: bool = True,
    limit: int = 500,
    walk: bool | None = None,
) -> list[dict[str, Any]]:
    """The newest matching items (or the undated ones) for the list under the chart.

    Undated items come most recently stored first: they have no date to sort
    by, and their documents' dates are not theirs. `walk` forces one of the
    two plans `_walks` chooses between (tests compare them).

    The LIMIT is applied to row ids first and the documents, titles and
    report counts read for the survivors only: a collecting plan may sort
    ten thousand candidates, and reading each one's document was most of
    its cost.
    """
    if walk is None:
        walk = _walks(db, f, kind, dated=dated, limit=limit)
    collect = not walk and _has_links(f)
    if kind == "stories":
        where, params = _story_where(f, dated=dated, walk=walk, collect=collect)
        order = "s.date_sort DESC, s.id" if dated else "s.rowid DESC"
        return _rows(
            db,
            "SELECT s.id, s.type, s.date, s.date_precision, s.title, "
            "(SELECT count(*) FROM events ev WHERE ev.story = s.id) AS reports, s.last_updated "
            f"FROM (SELECT s.rowid AS rid FROM stories s WHERE {_where_sql(where)} ORDER BY {order} LIMIT ?) top "
            f"JOIN stories s ON s.rowid = top.rid ORDER BY {order}",
            [*params, limit],
        )
    where, params = _event_where(f, dated=dated, walk=walk, collect=collect)
    order = "ev.date_sort DESC, ev.id" if dated else "ev.rowid DESC"
    return _rows(
        db,
        "SELECT ev.id, ev.type, ev.date, ev.date_precision, d.title, d.source, d.url, d.published, ev.confidence "
        f"FROM (SELECT ev.rowid AS rid FROM events ev WHERE {_where_sql(where)} ORDER BY {order} LIMIT ?) top "
        f"JOIN events ev ON ev.rowid = top.rid JOIN documents d ON d.id = ev.document ORDER BY {order}",
        [*params, limit],
    )


def count_undated(
    db: sqlite_utils.Database, f: Filters, *, kind: str = "events", cap: int = 100_000, tallies: bool = True
) -> int:
    """Undated items matching the filters (date bounds do not apply), from the tallies when they can answer."""
    tally = _tally(f, kind) if tallies else None
    if tally is not None:
        return _tally_count(db, tally, f, dated=False)
    where_fn, table = (_story_where, "stories s") if kind == "stories" else (_event_where, "events ev")
    where, params = where_fn(f, dated=False)
    return db.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {_where_sql(where)} LIMIT ?)",
        [*params, cap],
    ).fetchone()[0]


# --- one event, one story ------------------------------------------------------


def _evidence_marks(
    db: sqlite_utils.Database, document: str, start: int, end: int, evidence: str, trigger: str | None
) -> list[dict[str, Any]]:
    """Spans to highlight in an evidence sentence, as offsets into the sentence.

    Entities come from the stored mentions inside the sentence; the trigger
    is stored as words only, so it is found in the sentence, preferring an
    occurrence that does not overlap an entity.
    """
    marks = [
        {"start": row["start"] - start, "end": row["end"] - start, "kind": "entity", "entity": row["entity"],
         "label": row["label"]}
        for row in _rows(
            db,
            'SELECT start, "end", entity, label FROM mentions WHERE document = ? AND start >= ? AND "end" <= ? '
            "ORDER BY start",
            [document, start, end],
        )
    ]  # fmt: skip
    marks = [m for m in marks if 0 <= m["start"] < m["end"] <= len(evidence)]
    if trigger:
        lowered, needle = evidence.lower(), trigger.lower()
        found = [m.start() for m in re.finditer(re.escape(needle), lowered)]
        free = [i for i in found if not any(m["start"] < i + len(needle) and i < m["end"] for m in marks)]
        if free or found:
            at = (free or found)[0]
            marks.append({"start": at, "end": at + len(needle), "kind": "trigger", "entity": None, "label": None})
    return sorted(marks, key=lambda m: (m["start"], m["kind"] != "trigger"))


def _roles_with_entities(db: sqlite_utils.Database, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for at in range(0, len(event_ids), 500):
        chunk = event_ids[at : at + 500]
        for row in _rows(
            db,
            "SELECT r.event, r.role, r.text, r.entity, e.canonical, e.type FROM event_roles r "
            f"LEFT JOIN entities e ON e.id = r.entity WHERE r.event IN ({', '.join('?' for _ in chunk)}) "
            "ORDER BY r.event, r.seq",
            chunk,
        ):
            found.setdefault(row.pop("event"), []).append(row)
    return found


def event_detail(db: sqlite_utils.Database, event_id: str) -> dict[str, Any] | None:
    """One event with its document, roles, evidence highlights, story and sibling events."""
    rows = _rows(
        db,
        'SELECT ev.id, ev.type, ev.date, ev.date_precision, ev.attrs, ev.evidence, ev.start, ev."end", ev.trigger, '
        "ev.confidence, ev.story, s.title AS story_title, d.id AS document, d.title, d.source, d.url, d.published, "
        "d.kind FROM events ev JOIN documents d ON d.id = ev.document LEFT JOIN stories s ON s.id = ev.story "
        "WHERE ev.id = ?",
        [event_id],
    )
    if not rows:
        return None
    event = rows[0]
    event["attrs"] = _json(event["attrs"], {})
    event["roles"] = _roles_with_entities(db, [event_id]).get(event_id, [])
    event["marks"] = _evidence_marks(
        db, event["document"], event["start"], event["end"], event["evidence"], event["trigger"]
    )
    event["siblings"] = _rows(
        db,
        "SELECT id, type, date, date_precision FROM events WHERE document = ? AND id != ? ORDER BY seq",
        [event["document"], event_id],
    )
    return event


def story_detail(db: sqlite_utils.Database, story_id: str, *, limit: int = 200) -> dict[str, Any] | None:
    """One story with participants, disputes and its reports (events with document and evidence)."""
    rows = _rows(db, "SELECT * FROM stories WHERE id = ?", [story_id])
    if not rows:
        return None
    story = rows[0]
    story["participants"] = _json(story["participants"], [])
    story["disputes"] = _json(story["disputes"], [])
    reports = _rows(
        db,
        'SELECT ev.id, ev.type, ev.date, ev.date_precision, ev.evidence, ev.start, ev."end", ev.trigger, ev.confidence, '
        "d.id AS document, d.title, d.source, d.url, d.published FROM events ev JOIN documents d ON d.id = ev.document "
        "WHERE ev.story = ? ORDER BY d.published, ev.id LIMIT ?",
        [story_id, limit],
    )
    roles = _roles_with_entities(db, [r["id"] for r in reports])
    for report in reports:
        report["roles"] = roles.get(report["id"], [])
        report["marks"] = _evidence_marks(
            db, report["document"], report["start"], report["end"], report["evidence"], report["trigger"]
        )
    story["reports"] = reports
    ids = {p.get("id") or p.get("entity") for p in story["participants"] if isinstance(p, dict)} - {None}
    known = (
        {
            row["id"]
            for row in _rows(db, f"SELECT id FROM entities WHERE id IN ({', '.join('?' for _ in ids)})", list(ids))
        }
        if ids
        else set()
    )
    for participant in story["participants"]:
        if isinstance(participant, dict):
            ident = participant.get("id") or participant.get("entity")
            participant["entity"] = ident if ident in known else None
    return story


def recent_items(db: sqlite_utils.Database, *, kind: str = "events", limit: int = 200) -> list[dict[str, Any]]:
    """The newest dated items, for the story page's picker when no item is named."""
    return timeline_items(db, Filters(), kind=kind, limit=limit)


# --- entities --------------------------------------------------------------------


def entity_detail(db: sqlite_utils.Database, entity_id: str) -> dict[str, Any] | None:
    """An entity with its aliases, the events it takes part in, and how many in each role.

    Counted from m009's tally, where each event counts once per role and
    once in all (role ''): counting a hub agency's role rows took a quarter
    of a second, and summed an event twice when the entity filled two roles.
    """
    rows = _rows(db, "SELECT id, canonical, type, aliases FROM entities WHERE id = ?", [entity_id])
    if not rows:
        return None
    entity = rows[0]
    entity["aliases"] = _json(entity["aliases"], [])
    counts = {
        r["role"]: r["n"]
        for r in _rows(
            db, "SELECT role, sum(n) AS n FROM event_entity_days WHERE entity = ? GROUP BY role", [entity_id]
        )
    }
    entity["events"] = counts.pop("", 0)
    entity["roles"] = counts
    return entity


def cooccurring_entities(
    db: sqlite_utils.Database, entity_id: str, *, limit: int = 15, sample: int = 5000
) -> list[dict[str, Any]]:
    """Entities that most often fill a role in the same events as `entity_id`.

    Counted over at most `sample` of its events, so a government that appears
    in half the store costs the same as a company in ten events.
    """
    return _rows(
        db,
        "WITH mine AS (SELECT DISTINCT event FROM event_roles WHERE entity = :id LIMIT :sample) "
        "SELECT o.entity AS id, e.canonical, e.type, count(DISTINCT o.event) AS events "
        "FROM mine JOIN event_roles o ON o.event = mine.event JOIN entities e ON e.id = o.entity "
        "WHERE o.entity != :id GROUP BY o.entity ORDER BY events DESC, e.canonical LIMIT :limit",
        {"id": entity_id, "sample": sample, "limit": limit},
    )


# --- search -----------------------------------------------------------------------


SNIPPET_START, SNIPPET_END = "\x02", "\x03"


SEARCH_RANK_LIMIT = 5000


def search(db: sqlite_utils.Database, text: str, *, limit: int = 50) -> dict[str, Any]:
    """Full-text search over documents, best first, with snippets and each document's events.

    The words are always quoted (`quote_fts_terms`), so `final-rule`, `AND`
    or `NEAR(` are searched as words. Snippets mark matches with \\x02 and
    \\x03, characters no feed text keeps, so the page can escape the snippet
    first and highlight after. FTS5 ranks by scoring every match, so past
    `SEARCH_RANK_LIMIT` matches (a word in most documents) the newest
    stored documents are returned instead and ``ranked`` is False.
    """
    quoted = quote_fts_terms(text)
    if not quoted:
        return {"query": quoted, "total": 0, "ranked": True, "rows": []}
    total = db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", [quoted]).fetchone()[0]
    ranked = total <= SEARCH_RANK_LIMIT
    order = "documents_fts.rank" if ranked else "documents_fts.rowid DESC"
    rows = _rows(
        db,
        "SELECT d.id, d.title, d.source, d.url, d.published, "
        "snippet(documents_fts, -1, char(2), char(3), '…', 24) AS snippet "
        "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
        "WHERE documents_fts MATCH :q AND documents_fts.rowid IN "
        f"(SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q ORDER BY {order.split('.')[1]} LIMIT :limit) "
        f"ORDER BY {order}",
        {"q": quoted, "limit": limit},
    )
    if rows:
        ids = [r["id"] for r in rows]
        events = {
            r["document"]: r
            for r in _rows(
                db,
                "SELECT document, count(*) AS n, min(id) AS first FROM events "
                f"WHERE document IN ({', '.join('?' for _ in ids)}) GROUP BY document",
                ids,
            )
        }
        for row in rows:
            found = events.get(row["id"])
            row["events"] = found["n"] if found else 0
            row["first_event"] = found["first"] if found else None
    return {"query": quoted, "total": total, "ranked": ranked, "rows": rows}


# --- sources and export -------------------------------------------------------------


def sources_health(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Each source's last fetch and error, with its documents and events counted.

    Broken sources (consecutive failures) sort first: the page exists to make
    a dead feed impossible to miss.
    """
    sources = _rows(
        db,
        "SELECT name, title, kind, url, last_fetched_at, last_status, consecutive_failures, last_error_kind, "
        "last_error, warning, next_check_at FROM sources ORDER BY consecutive_failures = 0, name",
    )
    documents = {
        r["source"]: r
        for r in _rows(
            db, "SELECT source, count(*) AS documents, max(published) AS latest FROM documents GROUP BY source"
        )
    }
    events = {
        r["source"]: r["n"] for r in _rows(db, "SELECT source, sum(n) AS n FROM event_source_months GROUP BY source")
    }
    last = {
        r["source"]: r
        for r in _rows(
            db,
            "SELECT l.source, l.new, l.updated, l.failed, l.elapsed FROM fetch_log l "
            "WHERE l.id = (SELECT max(id) FROM fetch_log WHERE source = l.source)",
        )
    }
    for source in sources:
        docs = documents.get(source["name"], {})
        source["documents"] = docs.get("documents", 0)
        source["latest_document"] = docs.get("latest")
        source["events"] = events.get(source["name"], 0)
        source["last_new"] = last.get(source["name"], {}).get("new")
    return sources


def export_rows(
    db: sqlite_utils.Database, f: Filters, *, kind: str = "events", limit: int = EXPORT_LIMIT
) -> list[dict[str, Any]]:
    """Filtered events (dated first, then undated) or stories as flat rows for CSV and iCalendar."""
    if kind == "stories":
        where, params = _story_where(f, dated=None)
        rows = _rows(
            db,
            "SELECT s.id, s.type, s.date, s.date_precision, s.title, s.participants, s.disputes, s.first_seen, "
            "s.last_updated, (SELECT count(*) FROM events ev WHERE ev.story = s.id) AS reports "
            f"FROM stories s WHERE {_where_sql(where)} ORDER BY s.date_sort IS NULL, s.date_sort, s.id LIMIT ?",
            [*params, limit],
        )
        for row in rows:
            participants = _json(row.pop("participants"), [])
            row["participants"] = "; ".join(
                f"{p.get('canonical') or p.get('text') or ''} ({p.get('role') or ''})"
                for p in participants
                if isinstance(p, dict)
            )
            row["disputed"] = ", ".join(
                str(d.get("slot")) for d in _json(row.pop("disputes"), []) if isinstance(d, dict)
            )
        return rows
    where, params = _event_where(f, dated=None)
    rows = _rows(
        db,
        "SELECT ev.id, ev.type, ev.date, ev.date_precision, ev.evidence, ev.confidence, ev.story, "
        "d.id AS document, d.source, d.title, d.url, d.published FROM events ev JOIN documents d ON d.id = ev.document "
        f"WHERE {_where_sql(where)} ORDER BY ev.date_sort IS NULL, ev.date_sort, ev.id LIMIT ?",
        [*params, limit],
    )
    roles = _roles_with_entities(db, [r["id"] for r in rows])
    for row in rows:
        found = roles.get(row["id"], [])
        for role in ("agent", "target"):
            row[role] = "; ".join(r["canonical"] or r["text"] for r in found if r["role"] == role)
        row["other_roles"] = "; ".join(
            f"{r['role']}: {r['canonical'] or r['text']}" for r in found if r["role"] not in ("agent", "target")
        )
    return rows


def _json(value: str | None, default: Any) -> Any:
    try:
        return json.loads(value) if value else default
    except (TypeError, ValueError):
        return default
