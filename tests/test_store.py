"""Tests for store/db.py: schema, migrations, idempotent writes, atomic results, search.

Every test runs on a real SQLite database (in memory or a file in tmp_path);
rows S1, S2, S4 and S5 of shared/spec/reliability-checklist.md are named in
the docstrings.
"""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
import sqlite_utils
from sqlite_utils.migrations import Migrations

from ingest.records import Document, document_id
from nlp.records import DocResult, EntityRef, Event, Mention
from store import db as store
from store.db import (
    FetchOutcome,
    count_rows,
    m001_initial,
    migrations,
    open_db,
    pending_documents,
    record_fetch,
    replace_results,
    reset_source,
    schema_version,
    search_documents,
    upsert_documents,
    upsert_source,
)

TABLES = ("sources", "fetch_log", "documents", "entities", "mentions", "stories", "events", "event_roles")


def _doc(key: str, text: str, *, source: str = "src", title: str | None = None, **extra) -> Document:
    return Document(id=document_id(source, key), source=source, text=text, title=title, guid=key, **extra)


def _with_source(db: sqlite_utils.Database, name: str = "src", kind: str = "files") -> sqlite_utils.Database:
    upsert_source(db, {"name": name, "kind": kind})
    return db


def _ref(text: str, canonical: str | None, entity_id: str | None, entity_type: str = "ORG") -> EntityRef:
    return EntityRef(text, canonical, entity_id, entity_type)


def _result(doc_id: str, *, agency: str = "Pentagon", company: str = "Acme", events: int = 1) -> DocResult:
    """A plausible extraction result: two mentions, `events` events with roles."""
    text = f"The {agency} banned {company}."
    mentions = [
        Mention(agency, "AGENCY", 4, 4 + len(agency), "U.S. Department of Defense", "agency:us-dod"),
        Mention(company, "ORG", 19, 19 + len(company), "Acme Corp", "org:acme"),
    ]
    evs = [
        Event(
            type="order",
            date=f"2026-03-{seq + 1:02d}",
            date_precision="day",
            evidence=text,
            start=0,
            end=len(text),
            agent=[_ref(agency, "U.S. Department of Defense", "agency:us-dod", "AGENCY")],
            target=[_ref(company, "Acme Corp", "org:acme")],
            attrs={"instrument": "IEEPA"},
            attr_entities={
                "instrument": _ref("IEEPA", "International Emergency Economic Powers Act", "law:ieepa", "LAW")
            },
            confidence=0.8,
            trigger="banned",
        )
        for seq in range(events)
    ]
    return DocResult(id=doc_id, entities=mentions, events=evs)


def _rows(db: sqlite_utils.Database, sql: str, params=()) -> list[tuple]:
    return [tuple(r) for r in db.execute(sql, params).fetchall()]


def _results_snapshot(db: sqlite_utils.Database, doc_id: str) -> dict[str, list[tuple]]:
    return {
        "mentions": _rows(db, 'SELECT * FROM mentions WHERE document = ? ORDER BY start, "end"', [doc_id]),
        "events": _rows(db, "SELECT * FROM events WHERE document = ? ORDER BY seq", [doc_id]),
        "event_roles": _rows(
            db,
            "SELECT r.* FROM event_roles r JOIN events e ON e.id = r.event WHERE e.document = ? ORDER BY r.event, r.seq",
            [doc_id],
        ),
        "document": _rows(db, "SELECT processed_version, error FROM documents WHERE id = ?", [doc_id]),
    }


# --- migrations --------------------------------------------------------------


def test_open_db_applies_and_records_every_migration(db_path):
    db = open_db(db_path)
    names = [m.name for m in migrations._migrations]
    assert names, "the migration set is empty"
    assert schema_version(db) == names
    assert migrations.pending(db) == []
    recorded = _rows(db, "SELECT name FROM _sqlite_migrations WHERE migration_set = 'regwatch' ORDER BY id")
    assert [r[0] for r in recorded] == names
    assert set(TABLES) <= set(db.table_names())
    assert "documents_fts" in db.table_names()


def test_reopening_applies_nothing_new(db_path):
    first = open_db(db_path)
    before = _rows(first, "SELECT * FROM _sqlite_migrations ORDER BY id")
    schema_before = _rows(first, "SELECT type, name, sql FROM sqlite_master ORDER BY name")
    first.close()
    again = open_db(db_path)
    assert _rows(again, "SELECT * FROM _sqlite_migrations ORDER BY id") == before
    assert _rows(again, "SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema_before


def test_migration_that_raises_rolls_back_and_stays_pending(db_path):
    """S5: a crash mid-migration leaves no half schema and the migration pending."""
    crashing = Migrations("regwatch-crash-test")

    @crashing()
    def m001_initial_then_crash(db):
        m001_initial(db)  # the real schema script, which uses executescript
        raise RuntimeError("power cut in the middle of a migration")

    db = sqlite_utils.Database(db_path)
    with pytest.raises(RuntimeError, match="power cut"):
        crashing.apply(db)
    # Nothing of the script survived: a commit inside it (sqlite3.executescript
    # commits first) would leave these tables behind and break the retry.
    assert not set(TABLES) & set(db.table_names())
    assert [m.name for m in crashing.pending(db)] == ["m001_initial_then_crash"]
    assert crashing.applied(db) == []


def test_failed_later_migration_keeps_data_and_earlier_schema(db_path):
    """S5 on a real, populated database: a new migration that fails is undone entirely."""
    db = _with_source(open_db(db_path))
    upsert_documents(db, [_doc("a", "The FCC fined Acme.")])
    db.close()
    copy = db_path + ".copy"
    shutil.copy(db_path, copy)

    future = Migrations("regwatch")  # same set name: m001 is already recorded as applied
    future()(m001_initial)

    @future()
    def m002_add_language(db):
        db.execute("ALTER TABLE documents ADD COLUMN language TEXT")
        db.execute("UPDATE documents SET language = 'en'")
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    target = sqlite_utils.Database(copy)
    with pytest.raises(sqlite3.OperationalError):
        future.apply(target)
    assert "language" not in target["documents"].columns_dict
    assert [m.name for m in future.pending(target)] == ["m002_add_language"]
    assert target["documents"].count == 1

    fixed = Migrations("regwatch")
    fixed()(m001_initial)

    @fixed()
    def m002_add_language(db):  # noqa: F811 - the corrected version of the same migration
        db.execute("ALTER TABLE documents ADD COLUMN language TEXT")

    fixed.apply(target)
    assert "language" in target["documents"].columns_dict
    assert fixed.pending(target) == []


def test_wal_foreign_keys_and_busy_timeout_are_on(db_path):
    db = open_db(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    # Foreign keys are enforced, not just declared: a document needs its source.
    with pytest.raises(sqlite3.IntegrityError):
        upsert_documents(db, [_doc("orphan", "text", source="no-such-source")])
    assert db["documents"].count == 0


def test_memory_db_is_migrated_with_foreign_keys(fresh_db):
    assert fresh_db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert migrations.pending(fresh_db) == []


# --- read-only connections (S2) ----------------------------------------------


def test_readonly_open_refuses_writes_and_missing_files(db_path, tmp_path):
    _with_source(open_db(db_path)).close()
    reader = open_db(db_path, readonly=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.execute("INSERT INTO sources (name, kind) VALUES ('x', 'rss')")
    assert reader["sources"].count == 1
    missing = tmp_path / "nothing.db"
    with pytest.raises(FileNotFoundError, match="regwatch init"):
        open_db(missing, readonly=True)
    assert not missing.exists()


def test_readonly_reader_works_while_a_writer_holds_a_transaction(db_path):
    """S2: with WAL, a reader sees the last commit while the writer is mid-transaction."""
    writer = _with_source(open_db(db_path))
    upsert_documents(writer, [_doc("first", "The FTC sued Acme.")])
    reader = open_db(db_path, readonly=True)

    writer.execute("BEGIN IMMEDIATE")  # holds the write lock
    writer.execute(
        "INSERT INTO documents (id, source, fetched, updated, text, content_hash) "
        "VALUES ('src:second', 'src', 'now', 'now', 'The FCC fined Acme.', 'h')"
    )
    # No "database is locked": the reader gets the committed snapshot at once.
    assert [r[0] for r in reader.execute("SELECT id FROM documents")] == ["src:first"]
    assert search_documents(reader, "FTC")[0]["id"] == "src:first"
    writer.execute("COMMIT")
    assert sorted(r[0] for r in reader.execute("SELECT id FROM documents")) == ["src:first", "src:second"]


# --- sources and fetches ------------------------------------------------------


def test_record_fetch_counts_failures_and_keeps_validators_on_304(fresh_db):
    _with_source(fresh_db, "feed", "rss")
    record_fetch(
        fresh_db, FetchOutcome(source="feed", status=200, etag='"v1"', last_modified="Mon, 01 Jan 2026", new=3)
    )
    record_fetch(fresh_db, FetchOutcome(source="feed", error_kind="timeout", error="read timed out"))
    record_fetch(fresh_db, FetchOutcome(source="feed", error_kind="timeout", error="read timed out"))
    source = store.get_source(fresh_db, "feed")
    assert source["consecutive_failures"] == 2
    assert source["last_error_kind"] == "timeout"
    assert source["etag"] == '"v1"'
    record_fetch(fresh_db, FetchOutcome(source="feed", status=304))  # no new validators sent
    source = store.get_source(fresh_db, "feed")
    assert source["consecutive_failures"] == 0
    assert source["last_error"] is None
    assert (source["etag"], source["last_modified"]) == ('"v1"', "Mon, 01 Jan 2026")
    assert fresh_db["fetch_log"].count == 4
    assert [r[0] for r in fresh_db.execute("SELECT new FROM fetch_log ORDER BY id")] == [3, 0, 0, 0]


def test_reset_source(fresh_db):
    _with_source(fresh_db, "feed", "rss")
    record_fetch(fresh_db, FetchOutcome(source="feed", error_kind="http_error", status=500, next_check_at="2099-01-01"))
    assert reset_source(fresh_db, "feed") is True
    source = store.get_source(fresh_db, "feed")
    assert (source["consecutive_failures"], source["last_error_kind"], source["next_check_at"]) == (0, None, None)
    assert reset_source(fresh_db, "unknown") is False


def test_upsert_source_keeps_fetch_state(fresh_db):
    upsert_source(fresh_db, {"name": "feed", "kind": "rss", "url": "https://a.example/feed"})
    record_fetch(fresh_db, FetchOutcome(source="feed", status=200, etag='"e"'))
    upsert_source(fresh_db, {"name": "feed", "kind": "rss", "url": "https://b.example/feed", "params": {"k": 1}})
    source = store.get_source(fresh_db, "feed")
    assert source["url"] == "https://b.example/feed"
    assert source["etag"] == '"e"'
    assert json.loads(source["params"]) == {"k": 1}


@pytest.mark.parametrize("name", ["trade]daily", 'the "ledger"', "fr:public inspection", 'a b ] " : ;--'])
def test_awkward_source_names_are_quoted(fresh_db, name):
    """S4: names with `]`, `"`, `:` or spaces go through every write and read."""
    upsert_source(fresh_db, {"name": name, "kind": "rss"})
    doc = _doc("item-1", "Treasury sanctioned Acme.", source=name, title="Sanctions")
    assert upsert_documents(fresh_db, [doc]).new == 1
    record_fetch(fresh_db, FetchOutcome(source=name, error_kind="timeout"))
    assert reset_source(fresh_db, name)
    replace_results(fresh_db, doc.id, _result(doc.id), "v1")
    assert store.get_source(fresh_db, name)["consecutive_failures"] == 0
    assert search_documents(fresh_db, "sanctioned")[0]["source"] == name
    assert count_rows(fresh_db)["documents"] == 1
    assert fresh_db.execute("PRAGMA foreign_key_check").fetchall() == []


# --- documents ----------------------------------------------------------------


def test_upserting_the_same_documents_twice_changes_no_row(fresh_db):
    _with_source(fresh_db)
    docs = [_doc(f"k{i}", f"Document number {i} about the FCC.", title=f"T{i}") for i in range(5)]
    first = upsert_documents(fresh_db, docs)
    assert (first.new, first.updated, first.unchanged) == (5, 0, 0)
    replace_results(fresh_db, docs[0].id, _result(docs[0].id), "v1")
    counts = count_rows(fresh_db)
    rows = _rows(fresh_db, "SELECT * FROM documents ORDER BY id")
    second = upsert_documents(fresh_db, docs)
    assert (second.new, second.updated, second.unchanged) == (0, 0, 5)
    assert count_rows(fresh_db) == counts
    assert set(TABLES) <= set(counts)
    # Exactly as it was: not even the `updated` stamp or processed_version moved.
    assert _rows(fresh_db, "SELECT * FROM documents ORDER BY id") == rows
    assert fresh_db["documents_fts"].count == 5


def test_changed_content_updates_and_requeues(fresh_db):
    _with_source(fresh_db)
    original = _doc("k", "The FCC fined Acme $1 million.", title="Fine")
    upsert_documents(fresh_db, [original])
    replace_results(fresh_db, original.id, _result(original.id), "v1")
    fresh_db.execute(
        "UPDATE documents SET fetched = '2020-01-01T00:00:00+00:00', updated = '2020-01-01T00:00:00+00:00'"
    )
    assert list(pending_documents(fresh_db, "v1")) == []

    changed = _doc("k", "The FCC fined Acme $2 million.", title="Fine (corrected)")
    counts = upsert_documents(fresh_db, [changed])
    assert (counts.new, counts.updated, counts.unchanged) == (0, 1, 0)
    row = fresh_db["documents"].get(original.id)
    assert row["text"] == changed.text
    assert row["title"] == "Fine (corrected)"
    assert row["content_hash"] == changed.content_hash
    assert row["processed_version"] is None
    assert row["updated"] != "2020-01-01T00:00:00+00:00"
    assert row["fetched"] == "2020-01-01T00:00:00+00:00", "first-seen time must survive an update"
    assert [d["id"] for d in pending_documents(fresh_db, "v1")] == [original.id]
    assert [r["id"] for r in search_documents(fresh_db, "corrected")] == [original.id]


def test_federal_register_public_inspection_never_downgrades_published(fresh_db):
    _with_source(fresh_db, "fr", "federal_register")
    published = _doc("2026-1234", "Final rule text as published.", source="fr", stage="published")
    inspection = _doc("2026-1234", "Unpublished inspection copy.", source="fr", stage="public_inspection")
    upsert_documents(fresh_db, [published])
    counts = upsert_documents(fresh_db, [inspection])
    assert (counts.updated, counts.unchanged) == (0, 1)
    row = fresh_db["documents"].get(published.id)
    assert (row["stage"], row["text"]) == ("published", "Final rule text as published.")


def test_federal_register_published_supersedes_public_inspection(fresh_db):
    _with_source(fresh_db, "fr", "federal_register")
    inspection = _doc("2026-99", "Inspection copy.", source="fr", stage="public_inspection")
    published = _doc("2026-99", "Published text.", source="fr", stage="published")
    upsert_documents(fresh_db, [inspection])
    counts = upsert_documents(fresh_db, [published])
    assert counts.updated == 1
    row = fresh_db["documents"].get(published.id)
    assert (row["stage"], row["text"]) == ("published", "Published text.")


def test_identical_text_from_another_source_links_to_the_first_copy(fresh_db):
    for name in ("wire", "outlet", "blog"):
        _with_source(fresh_db, name)
    text, title = "Commerce added Acme to the Entity List.", "Entity List"
    upsert_documents(fresh_db, [_doc("w1", text, source="wire", title=title)])
    fresh_db.execute("UPDATE documents SET fetched = '2026-01-01T00:00:00+00:00' WHERE id = 'wire:w1'")
    upsert_documents(fresh_db, [_doc("o1", text, source="outlet", title=title)])
    upsert_documents(fresh_db, [_doc("b1", text, source="blog", title=title)])
    assert fresh_db["documents"].get("outlet:o1")["near_duplicate_of"] == "wire:w1"
    assert fresh_db["documents"].get("blog:b1")["near_duplicate_of"] == "wire:w1"
    assert fresh_db["documents"].get("wire:w1")["near_duplicate_of"] is None
    assert fresh_db["documents"].count == 3  # every outlet keeps its own copy


def test_identical_text_from_the_same_source_is_not_a_near_duplicate(fresh_db):
    _with_source(fresh_db, "wire")
    text = "Commerce added Acme to the Entity List."
    upsert_documents(fresh_db, [_doc("w1", text, source="wire"), _doc("w2", text, source="wire")])
    assert [r[0] for r in fresh_db.execute("SELECT near_duplicate_of FROM documents")] == [None, None]


def test_pending_documents_follow_the_pipeline_version(fresh_db):
    _with_source(fresh_db)
    docs = [_doc("b", "second", published="2026-02-01"), _doc("a", "first", published="2026-01-01")]
    upsert_documents(fresh_db, docs)
    assert [d["id"] for d in pending_documents(fresh_db, "v1")] == ["src:a", "src:b"]
    assert [d["id"] for d in pending_documents(fresh_db, "v1", limit=1)] == ["src:a"]
    replace_results(fresh_db, "src:a", _result("src:a"), "v1")
    assert [d["id"] for d in pending_documents(fresh_db, "v1")] == ["src:b"]
    assert store.count_pending(fresh_db, "v1") == 1
    assert store.count_pending(fresh_db, "v2") == 2  # a new pipeline version redoes everything


# --- extraction results -------------------------------------------------------


def test_replace_results_replaces_rather_than_appends(fresh_db):
    _with_source(fresh_db)
    doc = _doc("k", "The Pentagon banned Acme.")
    upsert_documents(fresh_db, [doc])
    replace_results(fresh_db, doc.id, _result(doc.id, events=3), "v1")
    assert count_rows(fresh_db)["events"] == 3
    assert count_rows(fresh_db)["event_roles"] == 9  # agent, target and instrument per event
    replace_results(fresh_db, doc.id, _result(doc.id, events=1), "v2")
    snapshot = _results_snapshot(fresh_db, doc.id)
    assert len(snapshot["mentions"]) == 2
    assert len(snapshot["events"]) == 1
    assert [(r[1], r[4]) for r in snapshot["event_roles"]] == [
        ("agent", "Pentagon"),
        ("target", "Acme"),
        ("instrument", "IEEPA"),
    ]
    assert count_rows(fresh_db)["event_roles"] == 3, "roles of the old events must go with them"
    assert snapshot["document"] == [("v2", None)]
    event = fresh_db["events"].get(f"{doc.id}#0")
    assert (event["date_sort"], event["pipeline_version"], json.loads(event["attrs"])) == (
        "2026-03-01",
        "v2",
        {"instrument": "IEEPA"},
    )


def test_replace_results_with_an_error_clears_old_results(fresh_db):
    _with_source(fresh_db)
    doc = _doc("k", "The Pentagon banned Acme.")
    upsert_documents(fresh_db, [doc])
    replace_results(fresh_db, doc.id, _result(doc.id), "v1")
    replace_results(fresh_db, doc.id, DocResult(id=doc.id, error="published 'x' is not an ISO date"), "v2")
    snapshot = _results_snapshot(fresh_db, doc.id)
    assert (snapshot["mentions"], snapshot["events"], snapshot["event_roles"]) == ([], [], [])
    assert snapshot["document"] == [("v2", "published 'x' is not an ISO date")]


def _broken_by_constraint(doc_id: str) -> DocResult:
    """Valid first event, then one whose evidence is NULL (NOT NULL constraint)."""
    result = _result(doc_id, agency="DoD", company="Beta", events=2)
    result.events[1].evidence = None
    return result


def _broken_by_python_error(doc_id: str) -> DocResult:
    """An attribute value json cannot encode, raised after rows were already written."""
    result = _result(doc_id, agency="DoD", company="Beta", events=2)
    result.events[1].attrs = {"instrument": object()}
    return result


def _broken_role(doc_id: str) -> DocResult:
    """A role whose text is missing (event_roles.text is NOT NULL)."""
    result = _result(doc_id, agency="DoD", company="Beta", events=1)
    result.events[0].target.append(EntityRef(None, None))  # type: ignore[arg-type]
    return result


@pytest.mark.parametrize("broken", [_broken_by_constraint, _broken_by_python_error, _broken_role])
def test_failure_inside_replace_results_keeps_previous_results(fresh_db, broken):
    _with_source(fresh_db)
    doc = _doc("k", "The Pentagon banned Acme.")
    other = _doc("other", "The FCC fined Gamma.")
    upsert_documents(fresh_db, [doc, other])
    replace_results(fresh_db, doc.id, _result(doc.id, events=2), "v1")
    replace_results(fresh_db, other.id, _result(other.id), "v1")
    before = _results_snapshot(fresh_db, doc.id)
    entities_before = _rows(fresh_db, "SELECT * FROM entities ORDER BY id")
    counts_before = count_rows(fresh_db)

    with pytest.raises((sqlite3.IntegrityError, TypeError)):
        replace_results(fresh_db, doc.id, broken(doc.id), "v2")

    assert _results_snapshot(fresh_db, doc.id) == before
    assert _rows(fresh_db, "SELECT * FROM entities ORDER BY id") == entities_before, "no alias from the failed run"
    assert count_rows(fresh_db) == counts_before
    assert not fresh_db.conn.in_transaction
    assert [d["id"] for d in pending_documents(fresh_db, "v2")] == sorted([doc.id, other.id])


def test_entity_aliases_merge_across_documents(fresh_db):
    _with_source(fresh_db)
    docs = [_doc(str(i), "text") for i in range(3)]
    upsert_documents(fresh_db, docs)
    replace_results(fresh_db, docs[0].id, _result(docs[0].id, agency="Pentagon"), "v1")
    replace_results(fresh_db, docs[1].id, _result(docs[1].id, agency="DoD"), "v1")
    replace_results(fresh_db, docs[2].id, _result(docs[2].id, agency="U.S. Department of Defense"), "v1")
    rows = list(fresh_db["entities"].rows_where("id = ?", ["agency:us-dod"]))
    assert len(rows) == 1
    entity = rows[0]
    assert entity["canonical"] == "U.S. Department of Defense"
    assert entity["type"] == "AGENCY"
    # Surface forms merge; the canonical name is not repeated as its own alias.
    assert json.loads(entity["aliases"]) == ["DoD", "Pentagon"]
    # Re-running a document does not duplicate aliases.
    replace_results(fresh_db, docs[1].id, _result(docs[1].id, agency="DoD"), "v1")
    assert json.loads(fresh_db["entities"].get("agency:us-dod")["aliases"]) == ["DoD", "Pentagon"]
    assert fresh_db.execute("SELECT count(*) FROM mentions WHERE entity = 'agency:us-dod'").fetchone()[0] == 3


def test_unlinked_mentions_and_roles_store_null_entity(fresh_db):
    _with_source(fresh_db)
    doc = _doc("k", "The agency banned some contractors.")
    upsert_documents(fresh_db, [doc])
    result = DocResult(
        id=doc.id,
        entities=[Mention("contractors", "GROUP", 23, 34, None, None)],
        events=[
            Event(
                type="order",
                date=None,
                date_precision="unknown",
                evidence=doc.text,
                start=0,
                end=len(doc.text),
                target=[EntityRef("some contractors", None)],
            )
        ],
    )
    replace_results(fresh_db, doc.id, result, "v1")
    assert _rows(fresh_db, "SELECT entity, text FROM mentions") == [(None, "contractors")]
    assert _rows(fresh_db, "SELECT entity, text FROM event_roles") == [(None, "some contractors")]
    assert fresh_db["events"].get(f"{doc.id}#0")["date_sort"] is None
    assert fresh_db["entities"].count == 0


# --- search (S1) --------------------------------------------------------------

HOSTILE = [
    "final-rule", '"unbalanced', "AND", "OR", "NOT", "NEAR(", "NEAR(final rule, 2)", "col:x", "title:final", "*",
    "fin*", "^final", "", "   ", '""', '"', "(", ")", "-", "+", "\x00", "a\x00b", '"\n:', '" \nN]', "'; DROP TABLE documents; --",
    "\U0001f642", "{title text}: final",
]  # fmt: skip


@pytest.fixture
def searchable(fresh_db):
    _with_source(fresh_db)
    upsert_documents(
        fresh_db,
        [
            _doc("rule", "BIS published the final rule adding entities AND affiliates.", title="Final rule on exports"),
            _doc("quote", 'The FCC said "unbalanced" obligations apply; see col x.', title="FCC order"),
        ],
    )
    return fresh_db


@pytest.mark.parametrize("query", HOSTILE)
def test_search_with_hostile_queries_never_raises(searchable, query):
    """S1: user text is never FTS syntax; the answer is results or an empty list."""
    results = search_documents(searchable, query)
    assert isinstance(results, list)
    assert searchable["documents"].count == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("final-rule", ["src:rule"]),  # a phrase, not "final minus column rule"
        ('"unbalanced', ["src:quote"]),
        ("AND", ["src:rule"]),  # the word, not the operator
        ("col:x", ["src:quote"]),
        ("exports", ["src:rule"]),
        ("entity", ["src:rule"]),  # porter stemming: entity ~ entities
        ("", []),
    ],
)
def test_search_finds_hostile_words_literally(searchable, query, expected):
    assert [r["id"] for r in search_documents(searchable, query)] == expected


def test_quote_fts_terms_quotes_every_term():
    assert store.quote_fts_terms('final-rule "x y') == '"final-rule" """x" "y"'
    assert store.quote_fts_terms('"" * ()') == ""
