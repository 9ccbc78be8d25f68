"""The regwatch database: schema, migrations and every write.

This module owns the schema. Callers open a database with :func:`open_db`
(which applies pending migrations) and write through the intention-named
functions below; nothing else issues INSERT/UPDATE/DELETE. Every write is
idempotent: the same document stored twice is one row, and re-extracting a
document replaces its mentions and events inside one transaction.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils.migrations import Migrations

from ingest.records import Document
from nlp.records import DocResult, EntityRef
from store import neardup

migrations = Migrations("regwatch")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE sources (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            url TEXT,
            title TEXT,
            doc_kind TEXT NOT NULL DEFAULT 'news',
            params TEXT NOT NULL DEFAULT '{}',
            etag TEXT,
            last_modified TEXT,
            last_fetched_at TEXT,
            last_status INTEGER,
            next_check_at TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            last_error_kind TEXT,
            last_error TEXT,
            warning TEXT
        );
        CREATE TABLE fetch_log (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL REFERENCES sources(name) ON DELETE CASCADE,
            fetched_at TEXT NOT NULL,
            status INTEGER,
            etag TEXT,
            last_modified TEXT,
            error_kind TEXT,
            error TEXT,
            new INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            elapsed REAL
        );
        CREATE INDEX idx_fetch_log_source ON fetch_log(source, fetched_at);
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL REFERENCES sources(name),
            guid TEXT,
            url TEXT,
            title TEXT,
            published TEXT,
            fetched TEXT NOT NULL,
            updated TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'news',
            stage TEXT,
            text TEXT NOT NULL,
            html TEXT,
            metadata TEXT NOT NULL DEFAULT '{}',
            content_hash TEXT NOT NULL,
            near_duplicate_of TEXT REFERENCES documents(id) ON DELETE SET NULL,
            processed_version TEXT,
            error TEXT
        );
        CREATE INDEX idx_documents_published ON documents(published);
        CREATE INDEX idx_documents_source ON documents(source, published);
        CREATE INDEX idx_documents_pending ON documents(processed_version);
        CREATE INDEX idx_documents_hash ON documents(content_hash);
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            canonical TEXT NOT NULL,
            type TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX idx_entities_canonical ON entities(canonical);
        CREATE TABLE mentions (
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            entity TEXT REFERENCES entities(id),
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (document, start, "end")
        );
        CREATE INDEX idx_mentions_entity ON mentions(entity);
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            date TEXT,
            date_precision TEXT NOT NULL DEFAULT 'unknown',
            date_sort TEXT,
            title TEXT NOT NULL,
            participants TEXT NOT NULL DEFAULT '[]',
            disputes TEXT NOT NULL DEFAULT '[]',
            first_seen TEXT,
            last_updated TEXT
        );
        CREATE INDEX idx_stories_date ON stories(date_sort);
        CREATE INDEX idx_stories_type ON stories(type, date_sort);
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            date TEXT,
            date_precision TEXT NOT NULL DEFAULT 'unknown',
            date_sort TEXT,
            attrs TEXT NOT NULL DEFAULT '{}',
            evidence TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            trigger TEXT,
            confidence REAL NOT NULL,
            pipeline_version TEXT NOT NULL,
            story TEXT REFERENCES stories(id) ON DELETE SET NULL
        );
        CREATE INDEX idx_events_document ON events(document);
        CREATE INDEX idx_events_date ON events(date_sort);
        CREATE INDEX idx_events_type_date ON events(type, date_sort);
        CREATE INDEX idx_events_story ON events(story);
        CREATE TABLE event_roles (
            event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            seq INTEGER NOT NULL,
            entity TEXT REFERENCES entities(id),
            text TEXT NOT NULL,
            PRIMARY KEY (event, role, seq)
        );
        CREATE INDEX idx_event_roles_entity ON event_roles(entity, role);
        """
    )
    db["documents"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")


@migrations()
def m002_ingest_lists_and_near_duplicates(db: sqlite_utils.Database) -> None:
    """Screening-list snapshots (removals are found by diffing them) and the
    MinHash index that links near-identical copies across sources."""
    db.executescript(
        """
        CREATE TABLE list_snapshots (
            source TEXT PRIMARY KEY REFERENCES sources(name) ON DELETE CASCADE,
            taken_at TEXT NOT NULL,
            snapshot_date TEXT,
            entries INTEGER NOT NULL
        );
        CREATE TABLE list_entries (
            source TEXT NOT NULL REFERENCES sources(name) ON DELETE CASCADE,
            entry_key TEXT NOT NULL,
            list_code TEXT NOT NULL,
            name TEXT NOT NULL,
            entity_type TEXT,
            start_date TEXT,
            federal_register_notice TEXT,
            document TEXT,
            PRIMARY KEY (source, entry_key)
        );
        CREATE TABLE document_minhash (
            document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            signature TEXT NOT NULL
        );
        CREATE TABLE document_minhash_bands (
            band TEXT NOT NULL,
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            PRIMARY KEY (band, document)
        );
        CREATE INDEX idx_minhash_bands_document ON document_minhash_bands(document);
        CREATE INDEX idx_documents_near_duplicate ON documents(near_duplicate_of);
        """
    )


@migrations()
def m003_dashboard_tallies(db: sqlite_utils.Database) -> None:
    """Event and story counts kept up to date by triggers, for the dashboard.

    Counting a million events by month takes a second even on a covering
    index; these tallies answer the same question from a few thousand rows.
    `event_days` is (day, type), `event_source_months` is (source, month,
    type), `story_days` is (day, type); undated rows count under day ''.
    A document delete removes its events first, in a BEFORE trigger: during
    the foreign-key cascade the document row is already gone, so the event
    triggers could no longer find its source.
    """
    db.executescript(
        """
        DROP INDEX IF EXISTS idx_events_date;
        CREATE INDEX idx_events_date_type ON events(date_sort, type);
        CREATE INDEX idx_event_roles_entity_event ON event_roles(entity, event);

        CREATE TABLE event_days (
            day TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (day, type)
        ) WITHOUT ROWID;
        CREATE TABLE event_source_months (
            source TEXT NOT NULL, month TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (source, month, type)
        ) WITHOUT ROWID;
        CREATE TABLE story_days (
            day TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (day, type)
        ) WITHOUT ROWID;

        INSERT INTO event_days (day, type, n)
            SELECT coalesce(date_sort, ''), type, count(*) FROM events GROUP BY 1, 2;
        INSERT INTO event_source_months (source, month, type, n)
            SELECT d.source, coalesce(substr(ev.date_sort, 1, 7), ''), ev.type, count(*)
            FROM events ev JOIN documents d ON d.id = ev.document GROUP BY 1, 2, 3;
        INSERT INTO story_days (day, type, n)
            SELECT coalesce(date_sort, ''), type, count(*) FROM stories GROUP BY 1, 2;

        CREATE TRIGGER events_tally_insert AFTER INSERT ON events BEGIN
            INSERT INTO event_days (day, type, n) VALUES (coalesce(NEW.date_sort, ''), NEW.type, 1)
                ON CONFLICT DO UPDATE SET n = n + 1;
            INSERT INTO event_source_months (source, month, type, n)
                SELECT source, coalesce(substr(NEW.date_sort, 1, 7), ''), NEW.type, 1
                FROM documents WHERE id = NEW.document
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER events_tally_delete AFTER DELETE ON events BEGIN
            UPDATE event_days SET n = n - 1 WHERE day = coalesce(OLD.date_sort, '') AND type = OLD.type;
            DELETE FROM event_days WHERE day = coalesce(OLD.date_sort, '') AND type = OLD.type AND n <= 0;
            UPDATE event_source_months SET n = n - 1
                WHERE source = (SELECT source FROM documents WHERE id = OLD.document)
                  AND month = coalesce(substr(OLD.date_sort, 1, 7), '') AND type = OLD.type;
            DELETE FROM event_source_months
                WHERE source = (SELECT source FROM documents WHERE id = OLD.document)
                  AND month = coalesce(substr(OLD.date_sort, 1, 7), '') AND type = OLD.type AND n <= 0;
        END;
        CREATE TRIGGER events_tally_update AFTER UPDATE OF type, date_sort, document ON events
        WHEN OLD.type IS NOT NEW.type OR OLD.date_sort IS NOT NEW.date_sort OR OLD.document IS NOT NEW.document
        BEGIN
            UPDATE event_days SET n = n - 1 WHERE day = coalesce(OLD.date_sort, '') AND type = OLD.type;
            DELETE FROM event_days WHERE day = coalesce(OLD.date_sort, '') AND type = OLD.type AND n <= 0;
            UPDATE event_source_months SET n = n - 1
                WHERE source = (SELECT source FROM documents WHERE id = OLD.document)
                  AND month = coalesce(substr(OLD.date_sort, 1, 7), '') AND type = OLD.type;
            DELETE FROM event_source_months
                WHERE source = (SELECT source FROM documents WHERE id = OLD.document)
                  AND month = coalesce(substr(OLD.date_sort, 1, 7), '') AND type = OLD.type AND n <= 0;
            INSERT INTO event_days (day, type, n) VALUES (coalesce(NEW.date_sort, ''), NEW.type, 1)
                ON CONFLICT DO UPDATE SET n = n + 1;
            INSERT INTO event_source_months (source, month, type, n)
                SELECT source, coalesce(substr(NEW.date_sort, 1, 7), ''), NEW.type, 1
                FROM documents WHERE id = NEW.document
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER documents_delete_events BEFORE DELETE ON documents BEGIN
            DELETE FROM events WHERE document = OLD.id;
        END;
        CREATE TRIGGER documents_tally_source AFTER UPDATE OF source ON documents
        WHEN OLD.source IS NOT NEW.source
        BEGIN
            UPDATE event_source_months SET n = n - (
                SELECT count(*) FROM events ev WHERE ev.document = NEW.id
                  AND coalesce(substr(ev.date_sort, 1, 7), '') = event_source_months.month
                  AND ev.type = event_source_months.type
            ) WHERE source = OLD.source;
            DELETE FROM event_source_months WHERE source = OLD.source AND n <= 0;
            INSERT INTO event_source_months (source, month, type, n)
                SELECT NEW.source, coalesce(substr(date_sort, 1, 7), ''), type, count(*)
                FROM events WHERE document = NEW.id GROUP BY 2, 3
                ON CONFLICT DO UPDATE SET n = n + excluded.n;
        END;

        CREATE TRIGGER stories_tally_insert AFTER INSERT ON stories BEGIN
            INSERT INTO story_days (day, type, n) VALUES (coalesce(NEW.date_sort, ''), NEW.type, 1)
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER stories_tally_delete AFTER DELETE ON stories BEGIN
            UPDATE story_days SET n = n - 1 WHERE day = coalesce(OLD.date_sort, '') AND type = OLD.type;
            DELETE FROM story_days WHERE day = coalesce(OLD.date_sort, '') AND type = OLD.type AND n <= 0;
        END;
        CREATE TRIGGER stories_tally_update AFTER UPDATE OF type, date_sort ON stories
        WHEN OLD.type IS NOT NEW.type OR OLD.date_sort IS NOT NEW.date_sort
        BEGIN
            UPDATE story_days SET n = n - 1 WHERE day = coalesce(OLD.date_sort, '') AND type = OLD.type;
            DELETE FROM story_days WHERE day = coalesce(OLD.date_sort, '') AND type = OLD.type AND n <= 0;
            INSERT INTO story_days (day, type, n) VALUES (coalesce(NEW.date_sort, ''), NEW.type, 1)
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        """
    )


def rebuild_tallies(db: sqlite_utils.Database | sqlite3.Connection) -> None:
    """Recount the dashboard tallies from the events and stories; the triggers keep them current after.

    For bulk loads that drop the triggers to go faster (`bench/dashboard.py`);
    the SQL is m003's, which stays as it was applied, then m009's recount
    when the store has its tallies.
    """
    db.executescript(
        """
        DELETE FROM event_days;
        DELETE FROM event_source_months;
        DELETE FROM story_days;
        INSERT INTO event_days (day, type, n)
            SELECT coalesce(date_sort, ''), type, count(*) FROM events GROUP BY 1, 2;
        INSERT INTO event_source_months (source, month, type, n)
            SELECT d.source, coalesce(substr(ev.date_sort, 1, 7), ''), ev.type, count(*)
            FROM events ev JOIN documents d ON d.id = ev.document GROUP BY 1, 2, 3;
        INSERT INTO story_days (day, type, n)
            SELECT coalesce(date_sort, ''), type, count(*) FROM stories GROUP BY 1, 2;
        """
    )
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'event_entity_days'").fetchone():
        db.executescript(_FILTER_TALLIES_RECOUNT)


@migrations()
def m004_stories(db: sqlite_utils.Database) -> None:
    # Participants carry their story's type and sort key so that finding the
    # candidate stories for a new event is one index range scan per entity,
    # whatever the store's size.
    db.executescript(
        """
        CREATE TABLE story_participants (
            story TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            entity TEXT NOT NULL,
            role TEXT NOT NULL,
            type TEXT NOT NULL,
            sort_key TEXT,
            PRIMARY KEY (story, entity, role)
        );
        CREATE INDEX idx_story_participants_lookup ON story_participants(entity, type, sort_key);
        CREATE TABLE story_overrides (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            story TEXT NOT NULL,
            other TEXT,
            event TEXT,
            created TEXT NOT NULL
        );
        CREATE INDEX idx_story_overrides_event ON story_overrides(kind, event);
        CREATE INDEX idx_story_overrides_other ON story_overrides(kind, other);
        """
    )


@migrations()
def m005_dashboard_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for the dashboard filters the tallies cannot answer (measured by `bench/dashboard.py`).

    Undated events are listed newest stored first, which only a plain
    (date_sort) index gives (its NULL run is in rowid order), so m003's drop
    of it is undone. Entity and agency filters read (entity, role, event)
    and never the table; it supersedes (entity, role) and (entity, event).
    """
    db.executescript(
        """
        CREATE INDEX IF NOT EXISTS idx_events_date ON events(date_sort);
        CREATE INDEX idx_event_roles_entity_role_event ON event_roles(entity, role, event);
        DROP INDEX IF EXISTS idx_event_roles_entity;
        DROP INDEX IF EXISTS idx_event_roles_entity_event;
        """
    )


@migrations()
def m006_ingest_near_dup_bands_by_source(db: sqlite_utils.Database) -> None:
    """MinHash bands keyed (band, source, document).

    m002 keyed them (band, document), so excluding the new document's own
    source meant scanning every same-source row of a band: quadratic for a
    large feed whose items share boilerplate. With the source in the key, a
    look-up is two index ranges per band (source below, source above). Band
    keys become integers and signatures packed bytes, so the old rows are not
    comparable: fingerprints are recomputed for the documents already stored.

    Both tables are WITHOUT ROWID (one B-tree each) and the bands have no
    index on `document`: they are written for every new feed item, and
    documents are never deleted in bulk, so a rare cascading delete may scan.
    """
    db.executescript(
        """
        DROP TABLE document_minhash_bands;
        CREATE TABLE document_minhash_bands (
            band INTEGER NOT NULL,
            source TEXT NOT NULL,
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            PRIMARY KEY (band, source, document)
        ) WITHOUT ROWID;
        DROP TABLE document_minhash;
        CREATE TABLE document_minhash (
            document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        ) WITHOUT ROWID;
        """
    )
    for doc_id, source, stage, text in db.execute("SELECT id, source, stage, text FROM documents").fetchall():
        sig = None if stage == LIST_STAGE else neardup.signature(text)
        if sig is not None:
            db.execute(
                "INSERT INTO document_minhash (document, signature) VALUES (?, ?)", [doc_id, neardup.encode(sig)]
            )
            db.conn.executemany(
                "INSERT OR IGNORE INTO document_minhash_bands (band, source, document) VALUES (?, ?, ?)",
                [(band, source, doc_id) for band in neardup.bands(sig)],
            )


@migrations()
def m007_dashboard_events_document_story(db: sqlite_utils.Database) -> None:
    """Stories filtered by source go document → events → story: (document, story) answers that
    without reading the events, and supersedes (document)."""
    db.executescript(
        """
        CREATE INDEX IF NOT EXISTS idx_events_document_story ON events(document, story);
        DROP INDEX IF EXISTS idx_events_document;
        """
    )


@migrations()
def m008_digest(db: sqlite_utils.Database) -> None:
    """Digest subscribers, what each follows, and the send log that makes a weekly digest go out once.

    `digest_sends` is keyed (address, week): a row marked `sent` stops a re-run
    from mailing again; a `failed` one keeps the reason and is retried.
    """
    db.executescript(
        """
        CREATE TABLE subscribers (
            address TEXT PRIMARY KEY,
            name TEXT,
            created TEXT NOT NULL
        );
        CREATE TABLE subscriber_follows (
            address TEXT NOT NULL REFERENCES subscribers(address) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'type', 'agency', 'keyword')),
            value TEXT NOT NULL,
            PRIMARY KEY (address, kind, value)
        );
        CREATE TABLE digest_sends (
            address TEXT NOT NULL,
            week TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
            error TEXT,
            attempted_at TEXT NOT NULL,
            message_id TEXT,
            PRIMARY KEY (address, week)
        );
        """
    )


# Recounts for m009's tallies from the base tables. Used by m009 itself (a
# store migrated from m008 gets its counts) and by `rebuild_tallies` after a
# bulk load with the triggers dropped; counting rules are those of the
# filters in `store.queries`: an event or story counts once per entity and
# once per (entity, role), and a story once per source of its reports.
# Those rules are m009's: a store migrated before a change to them would
# keep the old counts, so changing them takes a new migration.
_FILTER_TALLIES_RECOUNT = """
    DELETE FROM event_entity_days;
    DELETE FROM story_entity_days;
    DELETE FROM event_source_days;
    DELETE FROM story_source_days;
    INSERT INTO event_entity_days (entity, role, day, type, n)
        SELECT r.entity, r.role, coalesce(ev.date_sort, ''), ev.type, count(*)
        FROM (SELECT DISTINCT event, entity, '' AS role FROM event_roles WHERE entity IS NOT NULL
              UNION ALL
              SELECT DISTINCT event, entity, role FROM event_roles WHERE entity IS NOT NULL) r
        JOIN events ev ON ev.id = r.event GROUP BY 1, 2, 3, 4;
    INSERT INTO story_entity_days (entity, role, day, type, n)
        SELECT p.entity, p.role, coalesce(s.date_sort, ''), s.type, count(*)
        FROM (SELECT DISTINCT story, entity, '' AS role FROM story_participants
              UNION ALL
              SELECT story, entity, role FROM story_participants) p
        JOIN stories s ON s.id = p.story GROUP BY 1, 2, 3, 4;
    INSERT INTO event_source_days (source, day, type, n)
        SELECT d.source, coalesce(ev.date_sort, ''), ev.type, count(*)
        FROM events ev JOIN documents d ON d.id = ev.document GROUP BY 1, 2, 3;
    INSERT INTO story_source_days (source, day, type, n)
        SELECT x.source, coalesce(s.date_sort, ''), s.type, count(*)
        FROM (SELECT DISTINCT ev.story, d.source FROM events ev JOIN documents d ON d.id = ev.document
              WHERE ev.story IS NOT NULL) x
        JOIN stories s ON s.id = x.story GROUP BY 1, 2, 3;
"""


# m009's triggers, built from one template per rule because events and
# stories keep their tallies by the same rules. What these functions return
# is part of m009 as applied: a store keeps the triggers it was migrated with,
# so an edit here reaches new stores only, and changing a rule takes a new
# migration that recreates the triggers.


@dataclass(frozen=True)
class _Members:
    """A table listing the entities each event or story names, as m009's entity tallies count it."""

    table: str
    alias: str
    key: str  # the column naming the item; it also names the tally, e.g. event_entity_days
    items: str
    item: str  # the item table's alias
    trigger: str  # name prefix of the triggers on `table`
    nullable: bool  # an unresolved mention has no entity and counts under none
    repeats: bool  # one entity can fill the same role of one item twice
    hint: str = ""  # put before the entity in the "any role" checks (m009 says why)

    @property
    def tally(self) -> str:
        return f"{self.key}_entity_days"

    def shared(self, by_role: bool) -> bool:
        """Whether several rows can give an item the same membership, which then counts once."""
        return self.repeats or not by_role


_EVENT_ROLES = _Members(
    "event_roles", "r", "event", "events", "ev", "event_roles_entity_tally", nullable=True, repeats=True, hint="+"
)
_STORY_PARTICIPANTS = _Members(
    "story_participants", "p", "story", "stories", "s", "story_participants_tally", nullable=False, repeats=False
)


_AND = "\n                  AND "


def _held(m: _Members, row: str, by_role: bool) -> str:
    """A row of `m.table` giving `row`'s item `row`'s entity (in `row`'s role)."""
    a = m.alias
    role = f" AND {a}.role = {row}.role" if by_role else ""
    entity = f"{a}.entity" if by_role else f"{m.hint}{a}.entity"
    # A joining row is already in the table and must not count as the other holder.
    others = f" AND {a}.rowid != NEW.rowid" if row == "NEW" else ""
    return f"""EXISTS (SELECT 1 FROM {m.table} {a}
                                  WHERE {a}.{m.key} = {row}.{m.key}{role} AND {entity} = {row}.entity{others})"""


def _joins(m: _Members, *, update: bool) -> str:
    """NEW's memberships, any role and its own, counted unless another row, or NEW before the update, held them."""
    sql = ""
    for by_role in (False, True):
        where = [f"{m.item}.id = NEW.{m.key}"]
        # The update trigger cannot skip rows without an entity in its WHEN, as the others do:
        # one side of the update may have an entity and the other not.
        if update and m.nullable:
            where.insert(0, "NEW.entity IS NOT NULL")
        if m.shared(by_role):
            if update:
                same = f"OLD.{m.key} IS NEW.{m.key} AND OLD.entity IS NEW.entity"
                where.append(f"NOT ({same} AND OLD.role IS NEW.role)" if by_role else f"NOT ({same})")
            where.append(f"NOT {_held(m, 'NEW', by_role)}")
        sql += f"""
            INSERT INTO {m.tally} (entity, role, day, type, n)
                SELECT NEW.entity, {"NEW.role" if by_role else "''"}, coalesce({m.item}.date_sort, ''), {m.item}.type, 1
                FROM {m.items} {m.item}
                WHERE {_AND.join(where)}
                ON CONFLICT DO UPDATE SET n = n + 1;"""
    return sql


def _leaves(m: _Members, *, update: bool) -> str:
    """OLD's memberships, any role and its own, uncounted unless another row still holds them."""
    guard = "OLD.entity IS NOT NULL AND " if update and m.nullable else ""  # as in `_joins`
    sql = ""
    for by_role in (False, True):
        held = f"\n                  AND NOT {_held(m, 'OLD', by_role)}" if m.shared(by_role) else ""
        sql += f"""
            UPDATE {m.tally} SET n = n - 1
                WHERE {guard}entity = OLD.entity AND role = {"OLD.role" if by_role else "''"}
                  AND (day, type) = (SELECT coalesce(date_sort, ''), type FROM {m.items} WHERE id = OLD.{m.key}){held};"""
    sql += f"""
            DELETE FROM {m.tally} WHERE entity = OLD.entity AND role IN ('', OLD.role) AND n <= 0
                AND day = (SELECT coalesce(date_sort, '') FROM {m.items} WHERE id = OLD.{m.key});"""
    return sql


def _member_triggers(m: _Members) -> str:
    def begin(row: str) -> str:
        return f"\n        WHEN {row}.entity IS NOT NULL\n        BEGIN" if m.nullable else " BEGIN"

    return f"""
        CREATE TRIGGER {m.trigger}_insert AFTER INSERT ON {m.table}{begin("NEW")}{_joins(m, update=False)}
        END;
        CREATE TRIGGER {m.trigger}_delete AFTER DELETE ON {m.table}{begin("OLD")}{_leaves(m, update=False)}
        END;
        CREATE TRIGGER {m.trigger}_update AFTER UPDATE OF {m.key}, role, entity ON {m.table}
        WHEN OLD.{m.key} IS NOT NEW.{m.key} OR OLD.role IS NOT NEW.role OR OLD.entity IS NOT NEW.entity
        BEGIN
            -- the old memberships end if no row holds them any more ...{_leaves(m, update=True)}
            -- ... and the new ones start unless another row, or the old one, already held them{_joins(m, update=True)}
        END;
"""


def _shift(tally: str, columns: str, keys: str, rows: str, *, take: bool) -> str:
    """An item's count under each of `keys` in `rows`, taken from its OLD day and type or given at its NEW ones."""
    dates, n = ("OLD", "-1") if take else ("NEW", "1")
    return f"""
            INSERT INTO {tally} ({columns}, day, type, n)
                SELECT {keys}, coalesce({dates}.date_sort, ''), {dates}.type, {n}
                FROM {rows}
                ON CONFLICT DO UPDATE SET n = n + excluded.n;"""


def _item_entities(m: _Members, row: str, *, take: bool) -> str:
    """All of item `row`'s entity counts at once: what deleting it, or changing its day or type, moves.

    Taking them also drops the rows they emptied, which only the OLD day can hold.
    """
    named = " AND entity IS NOT NULL" if m.nullable else ""
    rows = f"{m.table} WHERE {m.key} = {row}.id{named}"
    by_role = f"{rows} GROUP BY entity, role" if m.repeats else rows
    sql = _shift(m.tally, "entity, role", "entity, ''", f"{rows} GROUP BY entity", take=take)
    sql += _shift(m.tally, "entity, role", "entity, role", by_role, take=take)
    if take:
        sql += f"""
            DELETE FROM {m.tally} WHERE n <= 0 AND day = coalesce(OLD.date_sort, '')
                AND entity IN (SELECT entity FROM {m.table} WHERE {m.key} = {row}.id)
                AND role IN (SELECT role FROM {m.table} WHERE {m.key} = {row}.id UNION SELECT '');"""
    return sql


def _story_sources(row: str, *, take: bool) -> str:
    """All of story `row`'s source counts at once, like `_item_entities`."""
    sources = f"events e JOIN documents d ON d.id = e.document WHERE e.story = {row}.id"
    sql = _shift("story_source_days", "source", "d.source", f"{sources} GROUP BY d.source", take=take)
    if take:
        sql += f"""
            DELETE FROM story_source_days WHERE n <= 0 AND day = coalesce(OLD.date_sort, '')
                AND source IN (SELECT d.source FROM {sources});"""
    return sql


_EVENT_SOURCE_LEAVES = """
            UPDATE event_source_days SET n = n - 1
                WHERE source = (SELECT source FROM documents WHERE id = OLD.document)
                  AND day = coalesce(OLD.date_sort, '') AND type = OLD.type;
            DELETE FROM event_source_days
                WHERE source = (SELECT source FROM documents WHERE id = OLD.document)
                  AND day = coalesce(OLD.date_sort, '') AND type = OLD.type AND n <= 0;"""
_EVENT_SOURCE_JOINS = """
            INSERT INTO event_source_days (source, day, type, n)
                SELECT source, coalesce(NEW.date_sort, ''), NEW.type, 1 FROM documents WHERE id = NEW.document
                ON CONFLICT DO UPDATE SET n = n + 1;"""


def _story_source_leaves(*, before: bool) -> str:
    """OLD's story uncounted under OLD's source unless another event of the story still has that source."""
    # Before a delete the event is still there and must not count as that other event.
    others = " AND e.id != OLD.id" if before else ""
    return f"""
            UPDATE story_source_days SET n = n - 1
                WHERE source = (SELECT source FROM documents WHERE id = OLD.document)
                  AND (day, type) = (SELECT coalesce(date_sort, ''), type FROM stories WHERE id = OLD.story)
                  AND NOT EXISTS (SELECT 1 FROM events e JOIN documents o ON o.id = e.document
                                  WHERE e.story = OLD.story{others} AND o.source = story_source_days.source);
            DELETE FROM story_source_days WHERE n <= 0
                AND source = (SELECT source FROM documents WHERE id = OLD.document)
                AND day = (SELECT coalesce(date_sort, '') FROM stories WHERE id = OLD.story);"""


def _story_source_joins(*, update: bool) -> str:
    """NEW's story counted under NEW's source unless another event, or NEW before the update, gave it that source."""
    held_before = (
        """
                  AND NOT (OLD.story IS NEW.story
                           AND (SELECT source FROM documents WHERE id = OLD.document) IS d.source)"""
        if update
        else ""
    )
    return f"""
            INSERT INTO story_source_days (source, day, type, n)
                SELECT d.source, coalesce(s.date_sort, ''), s.type, 1
                FROM stories s JOIN documents d ON d.id = NEW.document
                WHERE s.id = NEW.story{held_before}
                  AND NOT EXISTS (SELECT 1 FROM events e JOIN documents o ON o.id = e.document
                                  WHERE e.story = NEW.story AND e.id != NEW.id AND o.source = d.source)
                ON CONFLICT DO UPDATE SET n = n + 1;"""


@migrations()
def m009_dashboard_filter_tallies(db: sqlite_utils.Database) -> None:
    """Per-entity and per-source counts by (day, type), so that a filter naming one entity,
    agency or source draws its chart from a tally and not from every matching event.

    The most common agency is in nearly half of all events and the busiest
    source carries 40% of them: counting those rows takes seconds, reading
    their tallies takes milliseconds. `role` '' counts the events (stories)
    naming the entity in any role, which is what the entity filter selects;
    'agent' is the agency filter, and all roles together give the entity
    page its role counts. Undated items count under day ''.

    Membership is counted once per (event, entity), (event, entity, role),
    (story, entity), (story, entity, role) or (story, source), like the
    IN-subqueries the filters run, so the triggers ask whether a row is the
    only or the last of its kind. An `INSERT OR REPLACE` is counted right
    because sqlite-utils turns recursive triggers on, which makes the
    replaced row fire its delete trigger (a plain sqlite3 connection that
    replaces rows must do the same). Deleting an event or story subtracts
    its whole contribution BEFORE the delete, while its roles and
    participants can still be read; the cascaded row deletes that follow
    find the parent gone and do nothing.

    The "any role" checks write `+r.entity`: SQLite would otherwise read
    (entity, role, event) for the entity alone, every row of a hub agency,
    where (event, role, seq) finds the event's few roles.

    Month bars group by substr(day, 1, 7): the indexes on that expression
    hand the rows over already grouped, where sorting a hub's 45,000 day
    rows took most of the chart's time. `event_days` and `story_days` (m003)
    get the same index.
    """
    events, stories = _EVENT_ROLES, _STORY_PARTICIPANTS
    db.executescript(
        f"""
        CREATE TABLE event_entity_days (
            entity TEXT NOT NULL, role TEXT NOT NULL, day TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (entity, role, day, type)
        ) WITHOUT ROWID;
        CREATE TABLE story_entity_days (
            entity TEXT NOT NULL, role TEXT NOT NULL, day TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (entity, role, day, type)
        ) WITHOUT ROWID;
        CREATE TABLE event_source_days (
            source TEXT NOT NULL, day TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (source, day, type)
        ) WITHOUT ROWID;
        CREATE TABLE story_source_days (
            source TEXT NOT NULL, day TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (source, day, type)
        ) WITHOUT ROWID;
        CREATE INDEX idx_event_days_month ON event_days(substr(day, 1, 7), type, day, n);
        CREATE INDEX idx_story_days_month ON story_days(substr(day, 1, 7), type, day, n);
        CREATE INDEX idx_event_entity_days_month ON event_entity_days(entity, role, substr(day, 1, 7), type, day, n);
        CREATE INDEX idx_story_entity_days_month ON story_entity_days(entity, role, substr(day, 1, 7), type, day, n);
        CREATE INDEX idx_event_source_days_month ON event_source_days(source, substr(day, 1, 7), type, day, n);
        CREATE INDEX idx_story_source_days_month ON story_source_days(source, substr(day, 1, 7), type, day, n);

        -- event roles -> event_entity_days, once as role '' and once as their own role
        {_member_triggers(events)}
        -- events -> event_entity_days (through their roles), event_source_days and story_source_days
        CREATE TRIGGER events_filter_tally_insert AFTER INSERT ON events
        BEGIN{_EVENT_SOURCE_JOINS}{_story_source_joins(update=False)}
        END;
        CREATE TRIGGER events_filter_tally_delete BEFORE DELETE ON events
        BEGIN{_item_entities(events, "OLD", take=True)}{_EVENT_SOURCE_LEAVES}{_story_source_leaves(before=True)}
        END;
        CREATE TRIGGER events_filter_tally_dates AFTER UPDATE OF type, date_sort ON events
        WHEN OLD.type IS NOT NEW.type OR OLD.date_sort IS NOT NEW.date_sort
        BEGIN{_item_entities(events, "NEW", take=True)}{_item_entities(events, "NEW", take=False)}
        END;
        CREATE TRIGGER events_source_tally_update AFTER UPDATE OF type, date_sort, document ON events
        WHEN OLD.type IS NOT NEW.type OR OLD.date_sort IS NOT NEW.date_sort OR OLD.document IS NOT NEW.document
        BEGIN{_EVENT_SOURCE_LEAVES}{_EVENT_SOURCE_JOINS}
        END;
        CREATE TRIGGER events_story_source_tally_update AFTER UPDATE OF story, document ON events
        WHEN OLD.story IS NOT NEW.story OR OLD.document IS NOT NEW.document
        BEGIN{_story_source_leaves(before=False)}{_story_source_joins(update=True)}
        END;

        -- a document changing source moves its events' counts and its stories' counts
        CREATE TRIGGER documents_filter_tally_source_before BEFORE UPDATE OF source ON documents
        WHEN OLD.source IS NOT NEW.source
        BEGIN
            INSERT INTO story_source_days (source, day, type, n)
                SELECT d.source, coalesce(s.date_sort, ''), s.type, -count(DISTINCT s.id)
                FROM stories s JOIN events e ON e.story = s.id JOIN documents d ON d.id = e.document
                WHERE s.id IN (SELECT story FROM events WHERE document = OLD.id AND story IS NOT NULL)
                GROUP BY 1, 2, 3
                ON CONFLICT DO UPDATE SET n = n + excluded.n;
            UPDATE event_source_days SET n = n - (
                SELECT count(*) FROM events ev WHERE ev.document = OLD.id
                  AND coalesce(ev.date_sort, '') = event_source_days.day AND ev.type = event_source_days.type
            ) WHERE source = OLD.source
                AND day IN (SELECT coalesce(date_sort, '') FROM events WHERE document = OLD.id);
        END;
        CREATE TRIGGER documents_filter_tally_source_after AFTER UPDATE OF source ON documents
        WHEN OLD.source IS NOT NEW.source
        BEGIN
            INSERT INTO story_source_days (source, day, type, n)
                SELECT d.source, coalesce(s.date_sort, ''), s.type, count(DISTINCT s.id)
                FROM stories s JOIN events e ON e.story = s.id JOIN documents d ON d.id = e.document
                WHERE s.id IN (SELECT story FROM events WHERE document = NEW.id AND story IS NOT NULL)
                GROUP BY 1, 2, 3
                ON CONFLICT DO UPDATE SET n = n + excluded.n;
            DELETE FROM story_source_days WHERE n <= 0
                AND source IN (SELECT d.source FROM events e JOIN documents d ON d.id = e.document
                               WHERE e.story IN (SELECT story FROM events WHERE document = NEW.id)
                               UNION SELECT OLD.source)
                AND day IN (SELECT coalesce(date_sort, '') FROM stories
                            WHERE id IN (SELECT story FROM events WHERE document = NEW.id));
            DELETE FROM event_source_days WHERE source = OLD.source AND n <= 0
                AND day IN (SELECT coalesce(date_sort, '') FROM events WHERE document = NEW.id);
            INSERT INTO event_source_days (source, day, type, n)
                SELECT NEW.source, coalesce(date_sort, ''), type, count(*)
                FROM events WHERE document = NEW.id GROUP BY 2, 3
                ON CONFLICT DO UPDATE SET n = n + excluded.n;
        END;

        -- story participants -> story_entity_days
        {_member_triggers(stories)}
        -- stories: a delete takes its participants' and sources' counts, a new date or type moves them
        CREATE TRIGGER stories_filter_tally_delete BEFORE DELETE ON stories
        BEGIN{_item_entities(stories, "OLD", take=True)}{_story_sources("OLD", take=True)}
        END;
        CREATE TRIGGER stories_filter_tally_update AFTER UPDATE OF type, date_sort ON stories
        WHEN OLD.type IS NOT NEW.type OR OLD.date_sort IS NOT NEW.date_sort
        BEGIN{_item_entities(stories, "NEW", take=True)}{_item_entities(stories, "NEW", take=False)}
            {_story_sources("NEW", take=True)}{_story_sources("NEW", take=False)}
        END;
        """
    )
    db.executescript(_FILTER_TALLIES_RECOUNT)


# Screening-list designations are structured data whose events are written at
# ingest (`store_designations`); the NLP stage must never re-extract them
# (`pending_documents` and `count_pending` leave this stage out).
LIST_STAGE = "list"
LIST_PIPELINE_VERSION = "list-v1"


def now_utc() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def open_db(path: str | Path, *, readonly: bool = False) -> sqlite_utils.Database:
    """Open the database at `path`, creating and migrating it when writable.

    :param path: file path of the SQLite database (its folder is created).
    :param readonly: open with ``mode=ro`` for the dashboard and digests, which
      never write: WAL lets them read while an ingest run writes.
    """
    path = Path(path)
    if readonly:
        if not path.exists():
            raise FileNotFoundError(f"database {path} does not exist: run `regwatch init` first")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        db = sqlite_utils.Database(conn, execute_plugins=False)
        db.execute("PRAGMA busy_timeout = 5000")
        return db
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path, execute_plugins=False)
    db.execute("PRAGMA busy_timeout = 30000")
    db.execute("PRAGMA foreign_keys = ON")
    db.enable_wal()
    migrations.apply(db)
    return db


def memory_db() -> sqlite_utils.Database:
    """A migrated in-memory database, for tests and `extract` dry runs."""
    db = sqlite_utils.Database(memory=True, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    return db


def schema_version(db: sqlite_utils.Database) -> list[str]:
    """Names of the applied migrations, oldest first."""
    return [m.name for m in migrations.applied(db)]


# --- sources and fetches ---------------------------------------------------


def upsert_source(db: sqlite_utils.Database, source: dict[str, Any]) -> None:
    """Create or update a source's configuration, keeping its fetch state."""
    row = {
        "name": source["name"],
        "kind": source["kind"],
        "url": source.get("url"),
        "title": source.get("title"),
        "doc_kind": source.get("doc_kind", "news"),
        "params": json.dumps(source.get("params", {}), sort_keys=True),
    }
    db["sources"].upsert(row, pk="name")


def get_source(db: sqlite_utils.Database, name: str) -> dict[str, Any] | None:
    rows = list(db["sources"].rows_where("name = ?", [name]))
    return rows[0] if rows else None


@dataclass(frozen=True)
class FetchOutcome:
    """What one poll of one source did, for the fetch log and the source row."""

    source: str
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    error_kind: str | None = None
    error: str | None = None
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    elapsed: float | None = None
    next_check_at: str | None = None
    warning: str | None = None


def record_fetch(db: sqlite_utils.Database, outcome: FetchOutcome) -> None:
    """Log one poll and update the source's conditional-request and error state."""
    fetched_at = now_utc()
    with db.atomic():
        db["fetch_log"].insert(
            {
                "source": outcome.source,
                "fetched_at": fetched_at,
                "status": outcome.status,
                "etag": outcome.etag,
                "last_modified": outcome.last_modified,
                "error_kind": outcome.error_kind,
                "error": outcome.error,
                "new": outcome.new,
                "updated": outcome.updated,
                "unchanged": outcome.unchanged,
                "failed": outcome.failed,
                "elapsed": outcome.elapsed,
            }
        )
        source = get_source(db, outcome.source) or {}
        changes: dict[str, Any] = {
            "last_fetched_at": fetched_at,
            "last_status": outcome.status,
            "next_check_at": outcome.next_check_at,
            "warning": outcome.warning,
        }
        if outcome.error_kind:
            changes["consecutive_failures"] = (source.get("consecutive_failures") or 0) + 1
            changes["last_error_kind"] = outcome.error_kind
            changes["last_error"] = outcome.error
        else:
            changes["consecutive_failures"] = 0
            changes["last_error_kind"] = None
            changes["last_error"] = None
            # A 304 keeps the validators we sent unless the server sent new ones.
            if outcome.etag:
                changes["etag"] = outcome.etag
            if outcome.last_modified:
                changes["last_modified"] = outcome.last_modified
        db["sources"].update(outcome.source, changes)


def reset_source(db: sqlite_utils.Database, name: str) -> bool:
    """Clear a source's failure count so it is polled again; False if unknown."""
    if get_source(db, name) is None:
        return False
    db["sources"].update(
        name,
        {"consecutive_failures": 0, "last_error_kind": None, "last_error": None, "next_check_at": None},
    )
    return True


def sync_source(db: sqlite_utils.Database, source: dict[str, Any]) -> None:
    """Store a source's configuration from the sources file.

    When its URL or parameters changed, the stored ETag and Last-Modified
    belong to another request: they are dropped so the next poll is a full
    GET instead of a 304 for something never fetched.
    """
    stored = get_source(db, source["name"])
    upsert_source(db, source)
    if stored is None:
        return
    params = json.dumps(source.get("params", {}), sort_keys=True)
    if stored.get("url") != source.get("url"):
        # A new URL is usually the fix for a failing source: poll it afresh.
        db["sources"].update(
            source["name"],
            {"etag": None, "last_modified": None, "next_check_at": None, "consecutive_failures": 0,
             "last_error_kind": None, "last_error": None},
        )  # fmt: skip
    elif stored.get("params") != params:
        db["sources"].update(source["name"], {"etag": None, "last_modified": None})


def source_health(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    """Every stored source's state, with its document count and last poll's counts."""
    rows = db.execute(
        """
        SELECT s.name, s.kind, s.url, s.title, s.etag, s.last_modified, s.last_fetched_at, s.last_status,
               s.next_check_at, s.consecutive_failures, s.last_error_kind, s.last_error, s.warning,
               (SELECT count(*) FROM documents d WHERE d.source = s.name) AS documents,
               (SELECT l.new FROM fetch_log l WHERE l.source = s.name ORDER BY l.id DESC LIMIT 1) AS last_new
        FROM sources s ORDER BY s.name
        """
    )
    columns = [c[0] for c in rows.description]
    return {row[0]: dict(zip(columns, row, strict=True)) for row in rows.fetchall()}


# --- documents --------------------------------------------------------------


@dataclass
class UpsertCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def __iadd__(self, other: UpsertCounts) -> UpsertCounts:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        return self


def upsert_documents(db: sqlite_utils.Database, documents: Iterable[Document]) -> UpsertCounts:
    """Store documents by stable id, in one transaction.

    An unchanged document (same content hash) is left exactly as it was; a
    changed one is updated and its extraction results are queued for redoing
    by clearing `processed_version`.
    """
    counts = UpsertCounts()
    stamp = now_utc()
    with db.atomic():
        for doc in documents:
            outcome = _upsert_document(db, doc, stamp)
            setattr(counts, outcome, getattr(counts, outcome) + 1)
    return counts


_DOCUMENT_COLUMNS = (
    "id", "source", "guid", "url", "title", "published", "fetched", "updated", "kind", "stage", "text", "html",
    "metadata", "content_hash", "near_duplicate_of", "processed_version", "error",
)  # fmt: skip
_INSERT_DOCUMENT = "INSERT INTO documents ({}) VALUES ({})".format(  # noqa: S608 - fixed column names
    ", ".join(_DOCUMENT_COLUMNS), ", ".join("?" for _ in _DOCUMENT_COLUMNS)
)


def _upsert_document(db: sqlite_utils.Database, doc: Document, stamp: str) -> str:
    """Write one document; returns "new", "updated" or "unchanged"."""
    digest = doc.content_hash
    existing = db.execute("SELECT content_hash, fetched, stage FROM documents WHERE id = ?", [doc.id]).fetchone()
    if existing and (existing[0] == digest or _is_earlier_stage(doc.stage, existing[2])):
        return "unchanged"
    row = {
        "id": doc.id,
        "source": doc.source,
        "guid": doc.guid,
        "url": doc.url,
        "title": doc.title,
        "published": doc.published,
        "fetched": existing[1] if existing else stamp,
        "updated": stamp,
        "kind": doc.kind,
        "stage": doc.stage,
        "text": doc.text,
        "html": doc.html,
        "metadata": json.dumps(doc.metadata, sort_keys=True, default=str),
        "content_hash": digest,
        "processed_version": None,
        "error": None,
    }
    if existing:
        db["documents"].update(doc.id, row)
        return "updated"
    sig = None if doc.stage == LIST_STAGE else neardup.signature(doc.text)
    keys = neardup.bands(sig) if sig is not None else []
    row["near_duplicate_of"] = _near_duplicate_of(db, row, sig, keys)
    # Plain statements: this runs once per new feed item, and sqlite-utils'
    # insert() re-reads the table schema on every call.
    conn = db.conn
    conn.execute(_INSERT_DOCUMENT, [row.get(column) for column in _DOCUMENT_COLUMNS])
    if sig is not None:
        conn.execute("INSERT INTO document_minhash (document, signature) VALUES (?, ?)", [doc.id, neardup.encode(sig)])
        conn.executemany(
            "INSERT OR IGNORE INTO document_minhash_bands (band, source, document) VALUES (?, ?, ?)",
            [(band, doc.source, doc.id) for band in keys],
        )
    return "new"


def document_states(db: sqlite_utils.Database, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Stage, text and metadata of the stored documents among `ids` (absent ones are left out).

    The poller uses it to skip follow-up fetches (full text) for documents it
    already holds in full.
    """
    wanted = list(dict.fromkeys(ids))
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        cursor = db.execute(
            f"SELECT id, stage, text, html, metadata FROM documents WHERE id IN ({', '.join('?' for _ in chunk)})",  # noqa: S608
            chunk,
        )
        for doc_id, stage, text, html, metadata in cursor.fetchall():
            found[doc_id] = {"stage": stage, "text": text, "html": html, "metadata": json.loads(metadata or "{}")}
    return found


# A Federal Register document is seen on public inspection, then published;
# the published text supersedes the inspection copy, never the reverse.
_STAGE_ORDER = {"public_inspection": 0, "published": 1}


def _is_earlier_stage(new: str | None, stored: str | None) -> bool:
    if new not in _STAGE_ORDER or stored not in _STAGE_ORDER:
        return False
    return _STAGE_ORDER[new] < _STAGE_ORDER[stored]


def _near_duplicate_of(db: sqlite_utils.Database, row: dict[str, Any], sig: Any, keys: list[int]) -> str | None:
    """The first copy, from another source, of an identical or near-identical text.

    Both copies stay (each outlet is a source of its own); the link lets the
    story stage count them as one report where that matters. Texts too short
    to fingerprint are linked on an identical content hash; others to a
    document of another source that shares a MinHash band (index ranges on
    (band, source)) and is confirmed on the whole signature. A band shared
    by very many documents is boilerplate, so each range is capped. The link
    goes to the root of a chain, so every copy of a story points at one
    document.
    """
    if sig is None:
        first = db.execute(
            "SELECT id, near_duplicate_of FROM documents WHERE content_hash = ? AND source != ? "
            "ORDER BY fetched, id LIMIT 1",
            [row["content_hash"], row["source"]],
        ).fetchone()
        return (first[1] or first[0]) if first else None
    # A fingerprinted text's identical copies share every band, so the band
    # look-up finds them too: one query instead of two per new document.
    params: list[Any] = []
    for key in keys:
        params += [key, row["source"], key, row["source"]]
    candidates = db.execute(_CANDIDATES_SQL, params).fetchall()
    for doc_id, root, signature in candidates:
        if neardup.similarity(sig, neardup.decode(signature)) >= neardup.THRESHOLD:
            return root or doc_id
    return None


_BAND_CANDIDATES = 16
# Two capped index ranges per band, around the new document's own source.
# Fixed text built once: only the placeholders vary between calls.
_BAND_RANGES = " UNION ".join(
    "SELECT document FROM (SELECT document FROM document_minhash_bands "  # noqa: S608
    f"WHERE band = ? AND source {comparison} ? LIMIT {_BAND_CANDIDATES})"
    for _ in range(neardup.BANDS)
    for comparison in ("<", ">")
)
_CANDIDATES_SQL = (
    "SELECT d.id, d.near_duplicate_of, m.signature FROM documents d JOIN document_minhash m ON m.document = d.id "  # noqa: S608
    f"WHERE d.id IN ({_BAND_RANGES}) ORDER BY d.fetched, d.id"
)


def near_duplicates(db: sqlite_utils.Database, document_id: str) -> list[str]:
    """Ids of the other copies linked to the same first copy as `document_id`."""
    row = db.execute("SELECT near_duplicate_of FROM documents WHERE id = ?", [document_id]).fetchone()
    if row is None:
        return []
    root = row[0] or document_id
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM documents WHERE (id = ? OR near_duplicate_of = ?) AND id != ? ORDER BY fetched, id",
            [root, root, document_id],
        )
    ]


def count_rows(db: sqlite_utils.Database) -> dict[str, int]:
    """Row count of every regwatch table (FTS shadow tables left out)."""
    return {
        name: db[name].count
        for name in ("sources", "fetch_log", "documents", "entities", "mentions", "stories", "events", "event_roles")
    }


def pending_documents(
    db: sqlite_utils.Database, pipeline_version: str, *, limit: int | None = None
) -> Iterator[dict[str, Any]]:
    """Documents never extracted, or extracted by another pipeline version."""
    sql = (
        "SELECT id, source, title, text, published, kind, metadata FROM documents "
        "WHERE (processed_version IS NULL OR processed_version != ?) AND (stage IS NULL OR stage != 'list') "
        "ORDER BY published, id"
    )
    params: list[Any] = [pipeline_version]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    cursor = db.execute(sql, params)
    columns = [c[0] for c in cursor.description]
    for values in cursor.fetchall():
        yield dict(zip(columns, values, strict=True))


def count_pending(db: sqlite_utils.Database, pipeline_version: str) -> int:
    return db.execute(
        "SELECT count(*) FROM documents "
        "WHERE (processed_version IS NULL OR processed_version != ?) AND (stage IS NULL OR stage != 'list')",
        [pipeline_version],
    ).fetchone()[0]


# --- extraction results -----------------------------------------------------


def _date_sort(date: str | None) -> str | None:
    """First day of a (possibly partial) date, so month and day dates sort together."""
    if not date:
        return None
    parts = date.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


def _upsert_entity(db: sqlite_utils.Database, ref: EntityRef, label: str | None) -> str | None:
    """Store an entity (merging the surface form into its aliases); return its id."""
    if not ref.id or not ref.canonical:
        return None
    row = db.execute("SELECT aliases FROM entities WHERE id = ?", [ref.id]).fetchone()
    surface = ref.text.strip()
    if row is None:
        aliases = sorted({surface} - {ref.canonical})
        db["entities"].insert(
            {
                "id": ref.id,
                "canonical": ref.canonical,
                "type": ref.type or label or "ORG",
                "aliases": json.dumps(aliases),
            }
        )
    else:
        aliases = set(json.loads(row[0]))
        if surface and surface != ref.canonical and surface not in aliases:
            aliases.add(surface)
            db["entities"].update(ref.id, {"aliases": json.dumps(sorted(aliases))})
    return ref.id


def replace_results(db: sqlite_utils.Database, document_id: str, result: DocResult, pipeline_version: str) -> None:
    """Replace one document's mentions, events and roles atomically.

    A crash inside leaves the previous results (or none) and the document still
    pending, so the next `process` run redoes it.
    """
    with db.atomic():
        db.execute("DELETE FROM events WHERE document = ?", [document_id])
        db.execute("DELETE FROM mentions WHERE document = ?", [document_id])
        if result.error:
            db["documents"].update(document_id, {"processed_version": pipeline_version, "error": result.error})
            return
        mention_rows = []
        for mention in result.entities:
            entity_id = _upsert_entity(
                db, EntityRef(mention.text, mention.canonical, mention.id, mention.label), mention.label
            )
            mention_rows.append(
                {
                    "document": document_id,
                    "start": mention.start,
                    "end": mention.end,
                    "entity": entity_id,
                    "text": mention.text,
                    "label": mention.label,
                }
            )
        db["mentions"].insert_all(mention_rows, pk=("document", "start", "end"), replace=True)
        for seq, event in enumerate(result.events):
            event_id = f"{document_id}#{seq}"
            db["events"].insert(
                {
                    "id": event_id,
                    "document": document_id,
                    "seq": seq,
                    "type": event.type,
                    "date": event.date,
                    "date_precision": event.date_precision,
                    "date_sort": _date_sort(event.date),
                    "attrs": json.dumps(event.attrs, sort_keys=True),
                    "evidence": event.evidence,
                    "start": event.start,
                    "end": event.end,
                    "trigger": event.trigger,
                    "confidence": event.confidence,
                    "pipeline_version": pipeline_version,
                    "story": None,
                }
            )
            roles = [("agent", ref) for ref in event.agent] + [("target", ref) for ref in event.target]
            roles += sorted(event.attr_entities.items())
            role_rows = []
            for role_seq, (role, ref) in enumerate(roles):
                role_rows.append(
                    {
                        "event": event_id,
                        "role": role,
                        "seq": role_seq,
                        "entity": _upsert_entity(db, ref, ref.type),
                        "text": ref.text,
                    }
                )
            if role_rows:
                db["event_roles"].insert_all(role_rows)
        db["documents"].update(document_id, {"processed_version": pipeline_version, "error": None})


# --- screening-list designations ----------------------------------------------


def list_entries(db: sqlite_utils.Database, source: str) -> dict[str, dict[str, Any]]:
    """The entries of `source`'s last stored list snapshot, by entry key."""
    cursor = db.execute(
        "SELECT entry_key, list_code, name, entity_type, start_date, federal_register_notice, document "
        "FROM list_entries WHERE source = ?",
        [source],
    )
    columns = [c[0] for c in cursor.description]
    return {row[0]: dict(zip(columns, row, strict=True)) for row in cursor.fetchall()}


def last_snapshot(db: sqlite_utils.Database, source: str) -> dict[str, Any] | None:
    rows = list(db["list_snapshots"].rows_where("source = ?", [source]))
    return rows[0] if rows else None


def store_designations(
    db: sqlite_utils.Database,
    source: str,
    designations: Iterable[tuple[Document, DocResult]],
    entries: Iterable[dict[str, Any]],
    *,
    snapshot_date: str | None,
) -> UpsertCounts:
    """Store list designations with their events, and the snapshot they came from.

    Each designation is a document of stage "list" whose event is written
    here, directly, with no NLP: a new or changed document gets its results
    replaced and is marked processed with `LIST_PIPELINE_VERSION`; an
    unchanged one is left alone. `entries` (dicts with the `list_entries`
    columns) replace the stored snapshot, which the next poll diffs against
    to find removals. Everything happens in one transaction, so a crash
    never leaves a snapshot that disagrees with the documents.
    """
    counts = UpsertCounts()
    stamp = now_utc()
    with db.atomic():
        for document, result in designations:
            outcome = _upsert_document(db, document, stamp)
            setattr(counts, outcome, getattr(counts, outcome) + 1)
            if outcome != "unchanged":
                replace_results(db, document.id, result, LIST_PIPELINE_VERSION)
        rows = [{**entry, "source": source} for entry in entries]
        db.execute("DELETE FROM list_entries WHERE source = ?", [source])
        if rows:
            db["list_entries"].insert_all(rows, pk=("source", "entry_key"), batch_size=500)
        db["list_snapshots"].upsert(
            {"source": source, "taken_at": stamp, "snapshot_date": snapshot_date, "entries": len(rows)},
            pk="source",
        )
    return counts


# --- reads used by the CLI ---------------------------------------------------


def quote_fts_terms(query: str) -> str:
    """Each whitespace-separated word of `query` as an FTS5 string, so nothing is FTS syntax.

    sqlite-utils' ``quote_fts`` leaves some inputs unquoted (a double quote
    followed by a line break, a lone ``""``, NUL bytes) and FTS5 then raises;
    here every term is quoted with its own quotes doubled, and terms with no
    word character (which FTS5 would reject or ignore) are dropped.
    """
    terms = query.replace("\x00", " ").split()
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms if re.search(r"\w", term))


def search_documents(db: sqlite_utils.Database, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search; any user input is quoted so it can never be FTS syntax."""
    quoted = quote_fts_terms(query)
    if not quoted:
        return []
    return list(db["documents"].search(quoted, columns=["id", "source", "title", "published", "url"], limit=limit))
