"""Cached, read-only, time-limited access to the store for the dashboard pages.

Each wrapper takes the database path and a store version as its first two
arguments, so both are part of the cache key: pointing the app at another
file, or any write to this one, gives fresh results without waiting for the
TTL. Each call opens its own ``mode=ro`` connection and closes it, so no
connection is ever shared between script threads (checklist D3), and every
query runs under `queries.time_limit` (checklist S3).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils
import streamlit as st

from app import config, exports
from store import queries
from store.db import open_db
from store.queries import Filters, QueryTimeout

__all__ = ["Filters", "QueryTimeout"]

TTL = 300
DEFAULT_QUERY_MS = 3000
# Tables the pages read that migrations after m001 add: a store older than
# the dashboard is migrated by `regwatch dashboard` (or `regwatch init`).
REQUIRED_TABLES = (
    "event_days",
    "event_source_months",
    "story_days",
    "event_entity_days",
    "story_entity_days",
    "event_source_days",
    "story_source_days",
)


def db_path() -> str:
    """`REGWATCH_DB`, else data/regwatch.db (what `regwatch dashboard --db` sets)."""
    return config.db_path()


def query_ms() -> float:
    try:
        return float(os.environ.get("REGWATCH_QUERY_MS", DEFAULT_QUERY_MS))
    except ValueError:
        return DEFAULT_QUERY_MS


def store_version(path: str) -> tuple[int, ...]:
    """A key that changes whenever the store is written: size and mtime of the file and its WAL.

    A stat costs microseconds, where even `max(updated)` over the documents
    is a scan; writes land in the -wal file first and in the main file at
    checkpoints, so watching both catches every commit.
    """
    key: list[int] = []
    for suffix in ("", "-wal"):
        try:
            info = os.stat(path + suffix)
            key += [info.st_mtime_ns, info.st_size]
        except OSError:
            key += [0, 0]
    return tuple(key)


@contextmanager
def reader(path: str, *, limited: bool = True) -> Iterator[sqlite_utils.Database]:
    """A fresh read-only connection, under the dashboard's query time limit unless `limited` is False.

    Queries shaped by what a user chose (filters, words, ids from a URL) are
    limited; the fixed, index-only ones every page needs first are not, so
    a page can always say what went wrong.
    """
    db = open_db(path, readonly=True)
    try:
        if limited:
            with queries.time_limit(db, query_ms()):
                yield db
        else:
            yield db
    finally:
        db.close()


def store_status(path: str) -> str:
    """ "missing", "outdated", "empty" or "ready"; not cached, it is what tells a page to stop."""
    if not Path(path).is_file():
        return "missing"
    try:
        with reader(path, limited=False) as db:
            tables = set(db.table_names())
            if not {"documents", *REQUIRED_TABLES} <= tables:
                return "outdated"
            if db.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None:
                return "empty"
    except Exception:  # a file that is not a database is the same problem to the analyst
        return "missing"
    return "ready"


@st.cache_data(ttl=TTL, show_spinner=False)
def overview(path: str, version: tuple) -> dict[str, Any]:
    with reader(path, limited=False) as db:
        return {**queries.overview(db), "mode": queries.store_mode(db)}


@st.cache_data(ttl=TTL, show_spinner=False)
def filter_options(path: str, version: tuple) -> dict[str, Any]:
    with reader(path, limited=False) as db:
        return {**queries.filter_options(db), "entities": queries.entity_choices(db)}


@st.cache_data(ttl=TTL, show_spinner=False)
def entity_names(path: str, version: tuple, ids: tuple[str, ...]) -> dict[str, str]:
    """Canonical names for entity ids the choice list does not hold (named by a link)."""
    if not ids:
        return {}
    with reader(path) as db:
        marks = ", ".join("?" for _ in ids)
        rows = db.execute(f"SELECT id, canonical FROM entities WHERE id IN ({marks})", list(ids)).fetchall()  # noqa: S608
        return dict(rows)


@st.cache_data(ttl=TTL, show_spinner=False)
def timeline(path: str, version: tuple, filters: Filters, kind: str) -> dict[str, Any]:
    with reader(path) as db:
        result = queries.timeline(db, filters, kind=kind)
        result["undated"] = queries.count_undated(db, filters, kind=kind)
        result["text_matches"] = queries.text_matches(db, filters)
        return result


@st.cache_data(ttl=TTL, show_spinner=False)
def items(path: str, version: tuple, filters: Filters, kind: str, dated: bool, limit: int = 500) -> list[dict]:
    with reader(path) as db:
        return queries.timeline_items(db, filters, kind=kind, dated=dated, limit=limit)


@st.cache_data(ttl=TTL, show_spinner=False)
def event_detail(path: str, version: tuple, event_id: str) -> dict[str, Any] | None:
    with reader(path) as db:
        return queries.event_detail(db, event_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def story_detail(path: str, version: tuple, story_id: str) -> dict[str, Any] | None:
    with reader(path) as db:
        return queries.story_detail(db, story_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def recent_items(path: str, version: tuple, kind: str) -> list[dict[str, Any]]:
    with reader(path) as db:
        return queries.recent_items(db, kind=kind)


@st.cache_data(ttl=TTL, show_spinner=False)
def entity_page(path: str, version: tuple, entity_id: str) -> dict[str, Any] | None:
    with reader(path) as db:
        entity = queries.entity_detail(db, entity_id)
        if entity is not None:
            entity["cooccurring"] = queries.cooccurring_entities(db, entity_id)
        return entity


@st.cache_data(ttl=TTL, show_spinner=False)
def find_entities(path: str, version: tuple, text: str) -> list[dict[str, Any]]:
    with reader(path) as db:
        return queries.find_entities(db, text)


@st.cache_data(ttl=TTL, show_spinner=False)
def search(path: str, version: tuple, text: str) -> dict[str, Any]:
    with reader(path) as db:
        return queries.search(db, text)


@st.cache_data(ttl=TTL, show_spinner=False)
def sources_health(path: str, version: tuple) -> list[dict[str, Any]]:
    with reader(path, limited=False) as db:
        return queries.sources_health(db)


@st.cache_data(ttl=TTL, show_spinner=False)
def export(path: str, version: tuple, filters: Filters, kind: str) -> dict[str, Any]:
    """The filtered rows with their CSV and iCalendar files, built once per filter set."""
    with reader(path) as db:
        rows = queries.export_rows(db, filters, kind=kind)
    return {
        "rows": rows,
        "capped": len(rows) >= queries.EXPORT_LIMIT,
        "csv": exports.to_csv(rows),
        "ics": exports.to_ics(rows, kind=kind),
        "undated": sum(1 for row in rows if not row.get("date")),
    }


# --- digest subscribers (the Subscribers page) -------------------------------------


def subscribers(path: str) -> list[dict[str, Any]] | None:
    """Digest subscribers with their watchlists and latest send; None when the store predates them.

    Not cached: the page that shows the list is the one that changes it, and
    a list of subscribers is a few hundred rows at most.
    """
    from app.digest import last_sends, list_subscribers

    with reader(path, limited=False) as db:
        if not db["subscribers"].exists():
            return None
        rows = list_subscribers(db)
        last = last_sends(db)
    for row in rows:
        row["last"] = last.get(row["address"])
    return rows


@contextmanager
def writer(path: str) -> Iterator[sqlite_utils.Database]:
    """A writable connection, opened per change and closed after it.

    The dashboard otherwise never writes; subscribers are the exception the
    issue asks for (the same change as `regwatch subscribers add/remove`).
    WAL and the busy timeout let it wait out an ingest run's transaction.
    """
    db = open_db(path)
    try:
        yield db
    finally:
        db.close()
