"""The regwatch database: schema, migrations and every write.

This module owns the schema. Callers open a database with :func:`open_db`
(which applies pending migrations) and write through the intention-named
functions below; nothing else issues INSERT/UPDATE/DELETE. Every write is
idempotent: the same document stored twice is one row, and re-extracting a
document replaces its mentions and events inside one transaction.
"""

from __future__ import annotations

import json
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


PIPELINE_FIELDS = ("mentions", "events", "event_roles")


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
            digest = doc.content_hash
            existing = db.execute(
                "SELECT content_hash, fetched, stage FROM documents WHERE id = ?", [doc.id]
            ).fetchone()
            if existing and (existing[0] == digest or _is_earlier_stage(doc.stage, existing[2])):
                counts.unchanged += 1
                continue
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
                counts.updated += 1
            else:
                _link_near_duplicate(db, row)
                db["documents"].insert(row)
                counts.new += 1
    return counts


# A Federal Register document is seen on public inspection, then published;
# the published text supersedes the inspection copy, never the reverse.
_STAGE_ORDER = {"public_inspection": 0, "published": 1}


def _is_earlier_stage(new: str | None, stored: str | None) -> bool:
    if new not in _STAGE_ORDER or stored not in _STAGE_ORDER:
        return False
    return _STAGE_ORDER[new] < _STAGE_ORDER[stored]


def _link_near_duplicate(db: sqlite_utils.Database, row: dict[str, Any]) -> None:
    """Point an identical text from another source at the first copy seen.

    Both copies stay (each outlet is a source of its own); the link lets the
    story stage count them as one report where that matters.
    """
    first = db.execute(
        "SELECT id FROM documents WHERE content_hash = ? AND source != ? ORDER BY fetched, id LIMIT 1",
        [row["content_hash"], row["source"]],
    ).fetchone()
    if first:
        row["near_duplicate_of"] = first[0]


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
        "WHERE processed_version IS NULL OR processed_version != ? ORDER BY published, id"
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
        "SELECT count(*) FROM documents WHERE processed_version IS NULL OR processed_version != ?",
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


def replace_results(
    db: sqlite_utils.Database, document_id: str, result: DocResult, pipeline_version: str
) -> None:
    """Replace one document's mentions, events and roles atomically.

    A crash inside leaves the previous results (or none) and the document still
    pending, so the next `process` run redoes it.
    """
    with db.atomic():
        db.execute("DELETE FROM events WHERE document = ?", [document_id])
        db.execute("DELETE FROM mentions WHERE document = ?", [document_id])
        if result.error:
            db["documents"].update(
                document_id, {"processed_version": pipeline_version, "error": result.error}
            )
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


# --- reads used by the CLI ---------------------------------------------------


def search_documents(db: sqlite_utils.Database, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search; any user input is quoted so it can never be FTS syntax."""
    if not query.strip():
        return []
    return list(
        db["documents"].search(
            query, columns=["id", "source", "title", "published", "url"], limit=limit, quote=True
        )
    )
