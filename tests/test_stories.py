"""Stories: cross-document resolution, disputes, overrides and timelines."""

from __future__ import annotations

import json
import sqlite3

import pytest

from nlp.stories import EventRecord, Role, StoryRecord, choose_story, dates_compatible, disputes, summarise
from tests.conftest import SAMPLE_DIR


def _event(
    event_id,
    document,
    *,
    kind="order",
    date="2026-11-13",
    precision="day",
    published="2026-11-16",
    agent=(),
    target=(),
    attrs=None,
):
    roles = [Role("agent", a, a.split(":")[-1].title(), a) for a in agent]
    roles += [Role("target", t, t.split(":")[-1].title(), t) for t in target]
    return EventRecord(
        event_id, document, "src-" + document, kind, date, precision, published, "evidence", attrs or {}, roles
    )


# --- pure resolution rules ---------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "a_precision", "b", "b_precision", "expected"),
    [
        ("2026-11-13", "day", "2026-11-13", "day", True),
        ("2026-11-13", "day", "2026-11-15", "day", True),
        ("2026-11-13", "day", "2026-11-30", "day", False),
        ("2026-11", "month", "2026-11-13", "day", True),
        ("2026-10", "month", "2026-11-13", "day", False),
        ("2026", "year", "2026-03", "month", True),
    ],
)
def test_dates_compatible_within_precision(a, a_precision, b, b_precision, expected):
    assert dates_compatible(a, a_precision, b, b_precision) is expected


def test_undated_report_joins_a_story_only_near_its_publication():
    assert dates_compatible(None, "unknown", "2026-11-13", "day", "2026-11-17", None)
    assert not dates_compatible(None, "unknown", "2026-11-13", "day", "2027-02-01", None)


def test_same_day_orders_against_different_targets_stay_apart():
    story = StoryRecord(
        "s1", "order", "2026-11-13", "day", {"agency:us-commerce", "org:anthropic"}, targets={"org:anthropic"}
    )
    other_target = _event("e2", "d2", agent=["agency:us-commerce"], target=["org:openai"])
    same_target = _event("e3", "d3", agent=["gov:us-president"], target=["org:anthropic"])
    assert choose_story(other_target, [story]) is None
    assert choose_story(same_target, [story]) == "s1"


def test_two_plaintiffs_suing_one_agency_the_same_week_are_two_lawsuits():
    story = StoryRecord(
        "s1",
        "lawsuit",
        "2026-04-27",
        "day",
        {"org:brightpath", "agency:us-fcc"},
        targets={"agency:us-fcc"},
        agents={"org:brightpath"},
    )
    other = _event("e2", "d2", kind="lawsuit", date="2026-04-28", agent=["org:radio-makers"], target=["agency:us-fcc"])
    same = _event("e3", "d3", kind="lawsuit", date="2026-04-27", agent=["org:brightpath"], target=["agency:us-fcc"])
    assert choose_story(other, [story]) is None
    assert choose_story(same, [story]) == "s1"


def test_type_and_shared_participant_are_required():
    story = StoryRecord("s1", "order", "2026-11-13", "day", {"org:anthropic"})
    assert choose_story(_event("e", "d", kind="suspension", target=["org:anthropic"]), [story]) is None
    assert choose_story(_event("e", "d", target=["org:huawei"]), [story]) is None


def test_disputes_list_each_value_with_the_documents_that_give_it():
    events = [
        _event(
            "a#0",
            "doc-a",
            agent=["gov:us-president"],
            target=["org:anthropic"],
            attrs={"instrument": "IEEPA", "scope": "all non-U.S. nationals"},
        ),
        _event(
            "b#0",
            "doc-b",
            agent=["agency:us-commerce"],
            target=["org:anthropic"],
            attrs={"instrument": "export control directive", "scope": "all customers"},
        ),
    ]
    found = {d["slot"]: d for d in disputes(events)}
    assert set(found) == {"issuer", "instrument", "scope"}
    values = {v["value"]: v["documents"] for v in found["scope"]["values"]}
    assert values == {"all non-U.S. nationals": ["doc-a"], "all customers": ["doc-b"]}


def test_agreeing_reports_have_no_dispute_and_a_readable_title():
    events = [
        _event("a#0", "doc-a", agent=["agency:us-commerce"], target=["org:anthropic"]),
        _event("b#0", "doc-b", agent=["agency:us-commerce"], target=["org:anthropic"]),
    ]
    summary = summarise("s", "order", events)
    assert summary["disputes"] == []
    assert summary["title"] == "Us-Commerce orders action against Anthropic"
    assert (summary["date"], summary["date_precision"]) == ("2026-11-13", "day")


def test_best_date_falls_back_to_the_month_sources_agree_on():
    events = [
        _event("a#0", "doc-a", date="2026-03", precision="month", target=["org:x"]),
        _event("b#0", "doc-b", date="2026-03-17", precision="day", target=["org:x"]),
    ]
    summary = summarise("s", "designation", events)
    assert summary["date"] in ("2026-03", "2026-03-17")
    assert summary["date"].startswith("2026-03")


# --- the seeds: the case that started it -----------------------------------------------


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, extractor):
    from tests.conftest import SEEDS

    if not SEEDS.exists():
        pytest.skip(f"the seed folder {SEEDS} is absent (it lives beside the repository in ../shared)")
    from ingest.pipeline import ingest_files
    from store.db import open_db
    from store.process import process_pending

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    db = open_db(path)
    report = ingest_files(db, [SEEDS / "seeds.jsonl"])
    assert not report.errors
    process_pending(db)
    return db


def test_seed_stories_match_the_readme_table(seeds_db):
    from store.stories import list_stories

    stories = list_stories(seeds_db)
    rows = {(s["type"], s["date"]) for s in stories}
    # one story per row of ../shared/seeds/README.md, no duplicates
    assert len(stories) == 7
    assert len(rows) == 7
    assert {
        ("designation", "2026-03"),
        ("order", "2026-03"),
        ("launch", "2026-11-10"),
        ("order", "2026-11-13"),
        ("meeting", "2026-11-16"),
    } <= rows
    assert {s["type"] for s in stories} >= {"lawsuit", "suspension"}


def test_seed_order_story_has_both_reports_and_the_disputes(seeds_db):
    from store.stories import list_stories

    (order,) = [s for s in list_stories(seeds_db, event_type="order") if s["date"] == "2026-11-13"]
    assert {e["document"] for e in order["events"]} == {"local:000_a7a84be9973c7d8c", "local:003_70e05992fe61b423"}
    slots = {d["slot"]: d for d in order["disputes"]}
    assert {"issuer", "scope"} <= set(slots)
    issuers = {v["value"] for v in slots["issuer"]["values"]}
    assert issuers == {"President of the United States", "U.S. Department of Commerce"}
    scopes = " | ".join(v["value"].lower() for v in slots["scope"]["values"])
    assert "non-u.s. nationals" in scopes and "all customers" in scopes
    (suspension,) = list_stories(seeds_db, event_type="suspension")
    assert len({e["document"] for e in suspension["events"]}) == 2


def test_entity_timeline_is_in_date_order_with_undated_stories_marked(seeds_db):
    from store.stories import list_stories

    timeline = list_stories(seeds_db, entity="anthropic")
    # designation, order, suspension, meeting, lawsuit (the launch and the March ban name others)
    assert len(timeline) >= 5
    keys = [s["date"] or (s["first_seen"] or "")[:10] for s in timeline]
    assert keys == sorted(keys)
    assert any(s["undated"] for s in timeline)
    assert all(s["undated"] == (s["date"] is None) for s in timeline)


def _story_state(db):
    stories = sorted(db.execute("SELECT id, type, date, title, disputes FROM stories").fetchall())
    links = sorted(db.execute("SELECT id, story FROM events").fetchall())
    return stories, links


def test_processing_again_changes_nothing_and_reextraction_gives_the_same_stories(seeds_db):
    from store.process import process_pending

    before = _story_state(seeds_db)
    assert process_pending(seeds_db) == (0, 0)
    assert _story_state(seeds_db) == before
    seeds_db.execute("UPDATE documents SET processed_version = 'old'")
    assert process_pending(seeds_db)[0] == 2
    assert _story_state(seeds_db) == before


def test_merge_and_split_survive_reprocessing(seeds_db):
    from store.process import process_pending
    from store.stories import list_stories, merge, split

    by_type = {(s["type"], s["date"]): s for s in list_stories(seeds_db)}
    launch, meeting = by_type[("launch", "2026-11-10")], by_type[("meeting", "2026-11-16")]
    with pytest.raises(KeyError):
        merge(seeds_db, launch["id"], "story-nonexistent")
    merge(seeds_db, meeting["id"], launch["id"])
    order = by_type[("order", "2026-11-13")]
    split_off = [e["id"] for e in order["events"] if e["document"].endswith("003_70e05992fe61b423")]
    new_story = split(seeds_db, split_off)

    def check():
        stories = {s["id"]: s for s in list_stories(seeds_db)}
        assert launch["id"] not in stories
        assert {e["id"] for e in stories[meeting["id"]]["events"]} >= {e["id"] for e in launch["events"]}
        assert [e["id"] for e in stories[new_story]["events"]] == split_off
        assert order["id"] in stories and all(e["id"] not in split_off for e in stories[order["id"]]["events"])

    check()
    seeds_db.execute("UPDATE documents SET processed_version = 'old'")
    process_pending(seeds_db)
    check()


def test_stories_cli_json_shape(seeds_db, tmp_path):
    from typer.testing import CliRunner

    from app.cli import cli

    path = seeds_db.execute("PRAGMA database_list").fetchone()[2]
    result = CliRunner().invoke(cli, ["stories", "--db", path, "--json", "--type", "order"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines
    for story in lines:
        assert set(story) >= {"id", "type", "date", "date_precision", "title", "participants", "events", "disputes"}
        assert all({"canonical", "role"} <= set(p) for p in story["participants"])
        assert all({"document", "source", "evidence", "date"} <= set(e) for e in story["events"])
    bad = CliRunner().invoke(cli, ["stories", "merge", "story-a", "story-b", "--db", path])
    assert bad.exit_code == 1
    assert "no story" in bad.output


# --- the sample corpus: real multi-source events and look-alikes ------------------------------


def _documents_of(db, report):
    rows = db.execute(
        "SELECT id FROM documents WHERE guid = ? OR id LIKE ?", [report["key"], "%:" + report["key"]]
    ).fetchall()
    return [r[0] for r in rows]


def test_sample_multi_source_events_merge_and_look_alikes_stay_apart(sample_db):
    spec = json.loads((SAMPLE_DIR / "stories.json").read_text())
    merged = comparable = 0
    for story in spec["stories"]:
        by_story: dict[str, set[str]] = {}
        present = 0
        for report in story["reports"]:
            ids = _documents_of(sample_db, report)
            rows = (
                sample_db.execute(
                    f"SELECT story FROM events WHERE type = ? AND document IN ({','.join('?' * len(ids))})",
                    [story["type"], *ids],
                ).fetchall()
                if ids
                else []
            )
            present += bool(rows)
            for (story_id,) in rows:
                by_story.setdefault(story_id, set()).add(report["source"] + report["key"])
        if present < 2:
            continue  # extraction found the event in fewer than two reports: nothing to merge
        comparable += 1
        merged += any(len(keys) == present for keys in by_story.values())
    # measured 15 of 20 when first written and 16 of 24 now (extraction finds more reports to
    # compare); a drop below these floors means resolution or extraction got worse
    assert comparable >= 20
    assert merged / comparable >= 0.65, (merged, comparable)
    for pair in spec["lookalikes"]:
        documents = [d for r in pair["reports"] for d in _documents_of(sample_db, r)]
        owners: dict[str, set[str]] = {}
        for document, story_id in sample_db.execute(
            f"SELECT document, story FROM events WHERE document IN ({','.join('?' * len(documents))})", documents
        ):
            owners.setdefault(story_id, set()).add(document)
        assert all(len(docs) == 1 for docs in owners.values()), pair["why"]


def test_candidate_lookup_uses_the_participant_index(sample_db):
    plan = " ".join(
        row[3]
        for row in sample_db.execute(
            "EXPLAIN QUERY PLAN SELECT story FROM story_participants WHERE entity = ? AND type = ? AND sort_key BETWEEN ? AND ?",
            ["org:x", "order", "2026-01-01", "2026-02-01"],
        )
    )
    assert "idx_story_participants_lookup" in plan
    assert isinstance(sample_db.conn, sqlite3.Connection)
