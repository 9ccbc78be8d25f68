"""Tests for the bundled offline corpus (data/sample/) and ingest.sample.

The corpus is loaded through the real parsers, as a live poll would read
it; `stories.json` must point only at documents that loading produces.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ingest import parse_courtlistener, parse_federal_register, sample
from ingest.pipeline import ingest_sample
from ingest.records import document_id
from store.db import count_rows, memory_db

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"


@pytest.fixture(scope="module")
def loaded():
    """(database, reports) after loading the whole sample corpus once."""
    db = memory_db()
    reports = ingest_sample(db, SAMPLE_DIR)
    yield db, reports
    db.close()


def _published(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def test_sample_corpus_loads_without_errors(loaded):
    _, reports = loaded
    assert reports, "no sample source was loaded"
    for report in reports:
        assert report.errors == [], f"{report.source}: {report.errors}"
        assert report.error_kind is None
        assert report.new + report.unchanged >= 1, f"{report.source} gave no documents"


def test_sample_corpus_size_sources_and_span(loaded):
    db, _ = loaded
    assert db["documents"].count >= 60
    sources = {row[0] for row in db.execute("SELECT DISTINCT source FROM documents")}
    assert len(sources) >= 6
    dates = [_published(row[0]) for row in db.execute("SELECT published FROM documents WHERE published IS NOT NULL")]
    first, last = min(dates), max(dates)
    months = (last.year - first.year) * 12 + (last.month - first.month)
    assert months >= 18, f"corpus spans {first} to {last} only"


def test_every_sample_kind_is_present_and_read_by_its_parser(loaded):
    db, _ = loaded
    configured = sample.sample_sources(SAMPLE_DIR)
    kinds = {source.kind for source in configured}
    assert kinds >= {"rss", "atom", "federal_register", "courtlistener"}
    for source in configured:
        assert source.file.exists(), f"{source.name}: {source.file} is missing"
        documents = sample.read_source(source)
        assert documents, f"{source.name} ({source.kind}) parsed to nothing"
        assert all(doc.text.strip() for doc in documents), f"{source.name}: a document has no text"
    stored_kinds = {row[0] for row in db.execute("SELECT DISTINCT kind FROM documents")}
    assert stored_kinds == {"news", "filing"}
    # Every configured source is registered, with its fetch logged as a success.
    for source in configured:
        row = db["sources"].get(source.name)
        assert row["kind"] == source.kind
        assert row["last_status"] == 200


def test_every_published_value_is_an_iso_date(loaded):
    db, _ = loaded
    for doc_id, published in db.execute("SELECT id, published FROM documents"):
        assert published, f"{doc_id} has no published date"
        if len(published) == 10:
            dt.date.fromisoformat(published)
        else:
            assert dt.datetime.fromisoformat(published).tzinfo is not None, f"{doc_id}: naive timestamp {published}"


def test_loading_the_sample_twice_changes_no_document(loaded):
    db, _ = loaded
    before = count_rows(db)
    documents = db.execute("SELECT * FROM documents ORDER BY id").fetchall()
    reports = ingest_sample(db, SAMPLE_DIR)
    assert sum(r.new + r.updated for r in reports) == 0
    after = count_rows(db)
    assert after["fetch_log"] == before["fetch_log"] + len(reports)
    assert {k: v for k, v in after.items() if k != "fetch_log"} == {k: v for k, v in before.items() if k != "fetch_log"}
    assert db.execute("SELECT * FROM documents ORDER BY id").fetchall() == documents


def _document_for(db, source: str, key: str) -> str | None:
    """The stored document a stories.json report names (see data/sample/README.md)."""
    kind = db["sources"].get(source)["kind"]
    if kind == "federal_register":
        doc_id = document_id(parse_federal_register.NAMESPACE, parse_federal_register.normalize_document_number(key))
    elif kind == "courtlistener":
        doc_id = document_id(parse_courtlistener.NAMESPACE, key)
    else:
        row = db.execute("SELECT id FROM documents WHERE source = ? AND guid = ?", [source, key]).fetchone()
        return row[0] if row else None
    return doc_id if db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() else None


def _reports(stories: dict) -> list[tuple[str, dict]]:
    found = []
    for story in stories["stories"]:
        found += [(story["title"], report) for report in story["reports"]]
    for pair in stories.get("lookalikes", []):
        found += [(pair.get("why", "lookalike"), report) for report in pair["reports"]]
    return found


def test_stories_reference_only_documents_that_exist(loaded):
    db, _ = loaded
    stories = json.loads((SAMPLE_DIR / "stories.json").read_text(encoding="utf-8"))
    names = {source.name for source in sample.sample_sources(SAMPLE_DIR)}
    reports = _reports(stories)
    assert len(stories["stories"]) >= 1 and reports
    missing = []
    for title, report in reports:
        assert report["source"] in names, f"{title}: unknown source {report['source']}"
        if _document_for(db, report["source"], str(report["key"])) is None:
            missing.append(f"{report['source']} {report['key']} ({title})")
    assert missing == [], "stories.json names documents the corpus does not produce:\n" + "\n".join(missing)


def test_stories_have_two_or_more_sources_and_valid_disputes(loaded):
    stories = json.loads((SAMPLE_DIR / "stories.json").read_text(encoding="utf-8"))
    types = set()
    for story in stories["stories"]:
        types.add(story["type"])
        sources = {report["source"] for report in story["reports"]}
        assert len(story["reports"]) >= 2, story["title"]
        for dispute in story.get("disputes", []):
            named = {s for holders in dispute["values"].values() for s in holders}
            assert len(dispute["values"]) >= 2, f"{story['title']}: a dispute needs two values"
            assert named <= sources, f"{story['title']}: dispute names a source with no report"
    assert any(story.get("disputes") for story in stories["stories"])
