"""The m009 per-entity and per-source tallies, and the dashboard reads that use them (issue #6).

Each tally is recounted here in Python from the base tables, by the same
rules as the filters (an event or story counts once per entity, once per
role of it, and a story once per source of its reports), after every kind of
write the store makes: processing, re-processing, document deletes, story
merges and splits, a document moving source, direct edits of events, roles
and participants. Then the dashboard reads are compared both ways: from the
tallies against from the events, and walking in date order against
collecting the matches first, on a randomly built store.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

import pytest

from ingest.records import Document
from nlp.records import DocResult, EntityRef, Event, Mention
from store import db as store
from store import queries as q
from store import stories

SOURCES = ["gov", "wire", "court", "blog"]
AGENCIES = [(f"agency:a{i}", f"Agency {i}", "AGENCY") for i in range(3)]
ORGS = [(f"org:o{i}", f"Org {i}", "ORG") for i in range(5)]
LAWS = [("law:l0", "Law Zero", "LAW")]
TYPES = ["designation", "penalty", "lawsuit"]
DAYS = [None, "2025-12-30", "2026-01", "2026-01-05", "2026-01-06", "2026-02-14", "2026-03", "2026-03-01", "2027"]


def _ref(entity: tuple[str, str, str] | None, surface: str = "someone") -> EntityRef:
    if entity is None:  # a role nobody could link: stored with a NULL entity
        return EntityRef(surface, None, None, None)
    return EntityRef(entity[1], entity[1], entity[0], entity[2])


def _result(rng: random.Random, doc_id: str, text: str) -> DocResult:
    events, mentions = [], []
    for n in range(rng.randrange(0, 4)):
        agents = [_ref(rng.choice(AGENCIES)) for _ in range(rng.randrange(0, 3))]  # the same agency twice, sometimes
        targets = [_ref(rng.choice([*ORGS, *AGENCIES, None])) for _ in range(rng.randrange(0, 3))]
        attrs = {"instrument": _ref(LAWS[0])} if rng.random() < 0.3 else {}
        when = rng.choice(DAYS)
        precision = "unknown" if when is None else {4: "year", 7: "month"}.get(len(when), "day")
        events.append(
            Event(type=rng.choice(TYPES), date=when, date_precision=precision, evidence=f"{text} {n}", start=0,
                  end=len(text), agent=agents, target=targets, attr_entities=attrs, confidence=0.7, trigger="did")
        )  # fmt: skip
        for entity in {r.id: r for r in agents + targets if r.id}.values():
            mentions.append(Mention(entity.text, entity.type or "ORG", n, n + 1, entity.canonical, entity.id))
    return DocResult(doc_id, entities=mentions, events=events)


def _process(db, rng: random.Random, doc_id: str, version: str) -> None:
    """What `store.process.process_pending` does for one document."""
    with db.atomic():
        before = stories.stories_of_document(db, doc_id)
        store.replace_results(db, doc_id, _result(rng, doc_id, f"text of {doc_id}"), version)
        stories.resolve_document(db, doc_id, also_refresh=before)


def _build(db, seed: int, documents: int = 40) -> random.Random:
    rng = random.Random(seed)
    for name in [*SOURCES, "moved"]:
        store.upsert_source(db, {"name": name, "kind": "rss", "url": f"https://{name}.example/feed"})
    docs = [
        Document(id=f"d{i}", source=rng.choice(SOURCES), text=f"text of d{i}", title=f"Document {i}",
                 url=f"https://example.org/{i}", published=f"2026-01-{1 + i % 28:02d}T12:00:00+00:00")
        for i in range(documents)
    ]  # fmt: skip
    store.upsert_documents(db, docs)
    for doc in docs:
        _process(db, rng, doc.id, "v1")
    return rng


def _truth(db) -> dict[str, Counter]:
    """Every m009 tally recounted from the base tables."""
    events = {
        row[0]: row[1:]
        for row in db.execute("SELECT id, coalesce(date_sort, ''), type, document, story FROM events").fetchall()
    }
    source_of = dict(db.execute("SELECT id, source FROM documents").fetchall())
    story_rows = dict(
        (row[0], row[1:]) for row in db.execute("SELECT id, coalesce(date_sort, ''), type FROM stories").fetchall()
    )
    truth = {name: Counter() for name in ("event_entity", "story_entity", "event_source", "story_source")}
    # role '' is "in any role": one count per (item, entity), then one per (item, entity, role)
    roles = db.execute("SELECT event, entity, role FROM event_roles WHERE entity IS NOT NULL").fetchall()
    for event, entity, role in {(e, ent, "") for e, ent, _ in roles} | set(roles):
        truth["event_entity"][(entity, role, *events[event][:2])] += 1
    participants = db.execute("SELECT story, entity, role FROM story_participants").fetchall()
    for story, entity, role in {(s, ent, "") for s, ent, _ in participants} | set(participants):
        if story in story_rows:
            truth["story_entity"][(entity, role, *story_rows[story])] += 1
    for day, kind, document, _story in events.values():
        truth["event_source"][(source_of[document], day, kind)] += 1
    for story, source in {(s, source_of[doc]) for _d, _k, doc, s in events.values() if s is not None}:
        truth["story_source"][(source, *story_rows[story])] += 1
    return truth


def _stored(db) -> dict[str, Counter]:
    def read(sql: str) -> Counter:
        return Counter({tuple(row[:-1]): row[-1] for row in db.execute(sql).fetchall()})

    return {
        "event_entity": read("SELECT entity, role, day, type, n FROM event_entity_days"),
        "story_entity": read("SELECT entity, role, day, type, n FROM story_entity_days"),
        "event_source": read("SELECT source, day, type, n FROM event_source_days"),
        "story_source": read("SELECT source, day, type, n FROM story_source_days"),
    }


def _assert_tallies_match(db) -> None:
    truth, stored = _truth(db), _stored(db)
    for name in truth:
        # equal as dicts: a row left at zero or below by a trigger is a failure too
        assert dict(stored[name]) == dict(truth[name]), name
    assert any(truth.values()), "the store under test is empty"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_filter_tallies_follow_every_write(fresh_db, seed):
    db = fresh_db
    rng = _build(db, seed)
    _assert_tallies_match(db)

    for doc_id in rng.sample([f"d{i}" for i in range(40)], 8):  # re-processing with new results
        _process(db, rng, doc_id, "v2")
    _assert_tallies_match(db)

    with db.atomic():
        for doc_id in ("d3", "d17"):
            touched = stories.stories_of_document(db, doc_id)
            db.execute("DELETE FROM documents WHERE id = ?", [doc_id])
            for story_id in touched:
                stories.refresh_story(db, story_id)
    _assert_tallies_match(db)

    story_ids = [row[0] for row in db.execute("SELECT id FROM stories ORDER BY id").fetchall()]
    if len(story_ids) >= 2:
        stories.merge(db, story_ids[0], story_ids[-1])
        _assert_tallies_match(db)
    multi = db.execute(
        "SELECT story FROM events WHERE story IS NOT NULL GROUP BY story HAVING count(*) > 1 LIMIT 1"
    ).fetchone()
    if multi:
        first = db.execute("SELECT id FROM events WHERE story = ? ORDER BY id LIMIT 1", [multi[0]]).fetchone()[0]
        stories.split(db, [first])
        _assert_tallies_match(db)

    with db.atomic():  # a document moving to another source takes its events and its stories' counts along
        for doc_id in ("d5", "d6", "d30"):
            db.execute("UPDATE documents SET source = 'moved' WHERE id = ?", [doc_id])
    _assert_tallies_match(db)

    with db.atomic():
        db.execute("UPDATE events SET type = 'ruling', date_sort = '2026-07-01' WHERE id IN ('d8#0', 'd9#1')")
        db.execute("UPDATE events SET date_sort = NULL WHERE id IN ('d10#0', 'd11#0')")
        db.execute("UPDATE stories SET date_sort = '2026-08-01', type = 'order' WHERE rowid % 3 = 0")
    _assert_tallies_match(db)

    with db.atomic():  # events written with their story already set, and moved between documents
        story, document = db.execute(
            "SELECT story, document FROM events WHERE story IS NOT NULL ORDER BY id LIMIT 1"
        ).fetchone()
        for n, doc_id in enumerate([document, "d20", "d21"]):
            db.execute(
                'INSERT INTO events (id, document, seq, type, date_sort, evidence, start, "end", confidence, '
                "pipeline_version, story) VALUES (?, ?, ?, 'order', '2026-02-01', 'e', 0, 1, 0.5, 'raw', ?)",
                [f"{doc_id}#raw{n}", doc_id, 90 + n, story],
            )
        db.execute("UPDATE events SET document = 'd22' WHERE id = 'd20#raw1'")
        db.execute("UPDATE events SET document = ? WHERE id = 'd21#raw2'", [document])
    _assert_tallies_match(db)

    with db.atomic():
        db.execute("DELETE FROM event_roles WHERE rowid IN (SELECT rowid FROM event_roles WHERE rowid % 5 = 0)")
        db.execute("UPDATE event_roles SET entity = 'org:o0' WHERE rowid % 7 = 1 AND entity IS NOT NULL")
        db.execute("UPDATE OR IGNORE event_roles SET role = 'agent' WHERE rowid % 7 = 2")
        db.execute("DELETE FROM story_participants WHERE rowid % 4 = 0")
        db.execute("UPDATE OR IGNORE story_participants SET role = 'agent' WHERE rowid % 5 = 1")
        row = db.execute("SELECT story, entity, role, type, sort_key FROM story_participants LIMIT 1").fetchone()
        if row:  # re-inserting an existing participant is a no-op for the counts
            db.execute("INSERT OR IGNORE INTO story_participants VALUES (?, ?, ?, ?, ?)", list(row))
            db.execute("INSERT OR REPLACE INTO story_participants VALUES (?, ?, ?, ?, ?)", list(row))
            db.execute("INSERT INTO story_participants VALUES (?, 'org:new', 'agent', ?, ?)", [row[0], *row[3:]])
    _assert_tallies_match(db)

    with db.atomic():
        db.execute("DELETE FROM stories WHERE id IN (SELECT id FROM stories ORDER BY id LIMIT 2)")
        db.execute("DELETE FROM events WHERE rowid % 6 = 0")
    _assert_tallies_match(db)

    store.rebuild_tallies(db)
    _assert_tallies_match(db)


def test_a_store_migrated_from_m008_gets_its_tallies_counted(db_path):
    db = store.sqlite_utils.Database(db_path)
    db.execute("PRAGMA foreign_keys = ON")
    store.migrations.apply(db, stop_before="m009_dashboard_filter_tallies")
    assert "event_entity_days" not in db.table_names()
    _build(db, seed=5)
    store.migrations.apply(db)
    assert "m009_dashboard_filter_tallies" in store.schema_version(db)
    _assert_tallies_match(db)
    _process(db, random.Random(9), "d1", "v2")  # and the triggers keep them from there
    _assert_tallies_match(db)
    db.close()


# --- the reads: from the tallies as from the events, walking as collecting ----------------------


def _filters(db) -> list[q.Filters]:
    entities = [row[0] for row in db.execute("SELECT id FROM entities ORDER BY id").fetchall()]
    found = []
    for shape in (
        q.Filters(),
        q.Filters(since="2026-01-05"),
        q.Filters(until="2026-01-31"),
        q.Filters(since="2026-01-01", until="2026-03-01", types=("penalty", "lawsuit")),
    ):
        found += [replace(shape, entity=e) for e in entities]
        found += [replace(shape, agency=e) for e in entities if e.startswith("agency:")]
        found += [replace(shape, source=s) for s in SOURCES]
        found.append(shape)
    found.append(q.Filters(entity="org:nobody"))
    return found


@pytest.fixture(scope="module")
def random_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("tallies") / "store.db"
    db = store.open_db(path)
    rng = _build(db, seed=11, documents=80)
    for doc_id in rng.sample([f"d{i}" for i in range(80)], 10):
        _process(db, rng, doc_id, "v2")
    db.close()
    reader = store.open_db(path, readonly=True)
    yield reader
    reader.close()


@pytest.mark.parametrize("kind", ["events", "stories"])
def test_charts_and_counts_from_the_tallies_equal_those_from_the_items(random_store, kind):
    db = random_store
    alias = "s" if kind == "stories" else "ev"
    answered = 0
    for f in _filters(db):
        answered += q._tally(f, kind) is not None
        # month bars cover whole months, as `timeline` widens the range before asking for them
        whole_months = replace(f, since=f.since and f.since[:7] + "-01", until=f.until and f.until[:7] + "-31")
        for granularity, shape in (("week", f), ("month", whole_months)):
            fast = q._buckets(db, shape, kind, granularity, alias)
            slow = q._buckets(db, shape, kind, granularity, alias, tallies=False)
            assert fast == slow, (shape, granularity)
        assert q.count_undated(db, f, kind=kind) == q.count_undated(db, f, kind=kind, tallies=False), f
        # the chart's point limit is read from the tally: the same items or the same bars either side of it
        items = q.timeline(db, f, kind=kind, max_points=10_000)
        assert items["granularity"] == "item"
        bars = q.timeline(db, f, kind=kind, max_points=0)
        assert bars["total"] == items["total"], f
    assert answered > 40  # the comparison ran through the tallies, not around them


@pytest.mark.parametrize("kind", ["events", "stories"])
@pytest.mark.parametrize("dated", [True, False])
def test_newest_items_are_the_same_walked_or_collected(random_store, kind, dated):
    db = random_store
    for f in _filters(db):
        for limit in (3, 500):
            walked = q.timeline_items(db, f, kind=kind, dated=dated, limit=limit, walk=True)
            collected = q.timeline_items(db, f, kind=kind, dated=dated, limit=limit, walk=False)
            assert walked == collected, (f, limit)
            assert q.timeline_items(db, f, kind=kind, dated=dated, limit=limit) == collected


def test_a_common_agency_is_walked_in_date_order_and_a_rare_company_collected(fresh_db):
    db = fresh_db
    store.upsert_source(db, {"name": "gov", "kind": "rss", "url": "https://gov.example/feed"})
    hub, rare, n = AGENCIES[0][0], ORGS[0][0], 3 * q.MAX_POINTS
    with db.atomic():  # plain SQL: the triggers count as they would for `replace_results`
        db.conn.executemany(
            "INSERT INTO documents (id, source, text, fetched, updated, content_hash) VALUES (?, 'gov', 't', '', '', ?)",
            [(f"d{i}", str(i)) for i in range(n)],
        )
        db.conn.executemany(
            'INSERT INTO events (id, document, seq, type, date_sort, evidence, start, "end", confidence, '
            "pipeline_version) VALUES (?, ?, 0, 'penalty', ?, 'e', 0, 1, 0.5, 'v1')",
            [(f"d{i}#0", f"d{i}", f"2026-01-{1 + i % 28:02d}") for i in range(n)],
        )
        db.conn.executemany(
            "INSERT INTO entities (id, canonical, type) VALUES (?, ?, 'ORG')", [(hub, "A"), (rare, "B")]
        )
        db.conn.executemany(
            "INSERT INTO event_roles (event, role, seq, entity, text) VALUES (?, ?, ?, ?, 'x')",
            [(f"d{i}#0", "agent", 0, hub) for i in range(n)] + [("d7#0", "target", 1, rare)],
        )
    assert q._walks(db, q.Filters(agency=hub), "events", dated=True, limit=50)
    assert not q._walks(db, q.Filters(entity=rare), "events", dated=True, limit=50)
    assert not q._walks(db, q.Filters(entity="org:nobody"), "events", dated=True, limit=50)
    # in a range where the agency is rare, the walk would read the whole range: it collects instead
    with db.atomic():
        db.execute("UPDATE events SET date_sort = '2027-01-01' WHERE rowid % 10 != 0")
        db.conn.executemany(
            "DELETE FROM event_roles WHERE event = ?", [(f"d{i}#0",) for i in range(n) if (i + 1) % 10 != 0]
        )
    assert not q._walks(db, q.Filters(agency=hub, since="2027-01-01"), "events", dated=True, limit=50)
    walked = q.timeline_items(db, q.Filters(agency=hub), limit=50, walk=True)
    assert walked == q.timeline_items(db, q.Filters(agency=hub), limit=50, walk=False)
    assert len(walked) == 50


def test_entity_detail_counts_each_event_once_and_once_per_role(random_store):
    db = random_store
    for (entity,) in db.execute("SELECT id FROM entities").fetchall():
        rows = db.execute("SELECT DISTINCT event, role FROM event_roles WHERE entity = ?", [entity]).fetchall()
        detail = q.entity_detail(db, entity)
        assert detail["events"] == len({event for event, _ in rows})
        assert detail["roles"] == dict(Counter(role for _, role in rows))


@pytest.mark.parametrize("kind", ["events", "stories"])
def test_a_chart_with_words_is_the_same_read_in_one_pass(random_store, kind):
    db = random_store
    shapes = [q.Filters(), q.Filters(since="2026-01-05"), q.Filters(until="2026-01-31", types=("penalty",))]
    words = ["text", "d5", "text d7", "nothing"]
    extra = [q.Filters(entity="agency:a0"), q.Filters(source="gov")]
    checked = 0
    for shape in shapes:
        for text in words:
            for f in [replace(shape, text=text)] + [replace(e, since=shape.since, text=text) for e in extra]:
                for max_points in (0, 3, 10_000):
                    one = q.timeline(db, f, kind=kind, max_points=max_points)
                    assert one == q.timeline(db, f, kind=kind, max_points=max_points, one_pass=False), (f, max_points)
                    checked += one["total"] > 0
    assert checked > 20
