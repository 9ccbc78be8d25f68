"""Tests for ingest/local.py and ingest/pipeline.ingest_files: files an analyst loads by hand.

Every bad input of the foundation issue's "Bad input" list gets one error
naming the file (and line) while the good inputs are still stored.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest import local
from ingest.local import InputError, parse_published, read_files
from ingest.pipeline import ingest_files
from store.db import count_rows, open_db

GOOD_TEXT = "The Federal Communications Commission fined Acme Telecom $2 million on Monday.\n"
ARTICLE_HTML = """<!doctype html>
<html><head><title>FTC sues Acme | Site name</title></head>
<body>
<nav><ul><li>Home</li><li>NAVIGATION-MENU-ITEM</li></ul></nav>
<article>
<h1>FTC sues Acme over deceptive advertising</h1>
<p>The Federal Trade Commission sued Acme Corp in federal court on Monday, saying the company misled
customers about the security of its routers and ignored repeated warnings from researchers.</p>
<p>The complaint asks the court to bar Acme from making similar claims and to order refunds for
buyers of the affected devices, which were sold across the United States since 2023.</p>
</article>
<footer>COPYRIGHT-FOOTER-TEXT</footer>
<script>var tracking = "SCRIPT-CONTENT";</script>
</body></html>
"""


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def _jsonl(path: Path, lines: list[object]) -> Path:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    return _write(path, text)


@pytest.fixture
def inputs(tmp_path) -> dict[str, Path]:
    """One good file of each kind plus one file for each bad input of the issue."""
    d = tmp_path / "in"
    d.mkdir()
    return {
        "good_txt": _write(d / "good.txt", GOOD_TEXT),
        "good_html": _write(d / "article.html", ARTICLE_HTML),
        "jsonl": _jsonl(
            d / "batch.jsonl",
            [
                {"id": "ok-1", "text": "Treasury sanctioned Beta Shipping.", "published": "2026-01-05"},
                "this is { not json",
                {"id": "no-text", "title": "only a title"},
                {"id": "bad-date", "text": "Commerce added Gamma to the Entity List.", "published": "31/12/2025"},
                "",
                {"id": "ok-2", "text": "The DOJ indicted Delta executives.", "published": "2026-02-01T15:30:00-05:00"},
                ["a", "list"],
                {"id": "empty-text", "text": "   "},
            ],
        ),
        "missing": d / "missing.txt",
        "empty": _write(d / "empty.txt", ""),
        "blank": _write(d / "blank.txt", "  \n\t\n"),
        "binary": _write(d / "scan.txt", b"%PDF-1.7\x00\x01\x02\x03binary"),
        "latin1": _write(d / "latin1.txt", "Régulateur: amende de 2 M€".encode("latin-1", errors="replace")),
        "unsupported": _write(d / "report.pdf", "not really a pdf"),
    }


def _by_file(errors: list[InputError]) -> dict[tuple[str, int | None], str]:
    return {(Path(e.path).name, e.line): e.message for e in errors}


def test_each_bad_input_gets_one_error_and_good_inputs_load(inputs):
    documents, errors = read_files(inputs.values())
    found = _by_file(errors)
    assert set(found) == {
        ("batch.jsonl", 2),
        ("batch.jsonl", 3),
        ("batch.jsonl", 4),
        ("batch.jsonl", 7),
        ("batch.jsonl", 8),
        ("missing.txt", None),
        ("empty.txt", None),
        ("blank.txt", None),
        ("scan.txt", None),
        ("latin1.txt", None),
        ("report.pdf", None),
    }
    assert "not JSON" in found[("batch.jsonl", 2)]
    assert "text" in found[("batch.jsonl", 3)]
    assert "31/12/2025" in found[("batch.jsonl", 4)] and "does not parse" in found[("batch.jsonl", 4)]
    assert "not a JSON object" in found[("batch.jsonl", 7)]
    assert "text" in found[("batch.jsonl", 8)]
    assert "no such file" in found[("missing.txt", None)]
    assert "empty" in found[("empty.txt", None)]
    assert "empty" in found[("blank.txt", None)]
    assert "binary" in found[("scan.txt", None)]
    assert "UTF-8" in found[("latin1.txt", None)]
    assert ".pdf" in found[("report.pdf", None)]
    # The good inputs all loaded: one .txt, one .html, two JSONL lines.
    assert sorted(d.guid for d in documents if d.guid in ("ok-1", "ok-2")) == ["ok-1", "ok-2"]
    assert len(documents) == 4
    assert {Path(d.metadata["file"]).name for d in documents} == {"good.txt", "article.html", "batch.jsonl"}


def test_error_lines_are_single_lines_naming_file_and_line(inputs):
    _, errors = read_files(inputs.values())
    for error in errors:
        line = str(error)
        assert "\n" not in line
        assert line.startswith(error.path)
        if error.line is not None:
            assert line.startswith(f"{error.path}:{error.line}: ")
    assert any(str(e).startswith(f"{inputs['jsonl']}:2: ") for e in errors)


def test_bad_published_option_is_one_error_and_loads_nothing(inputs):
    documents, errors = read_files([inputs["good_txt"]], published="2025-13-01")
    assert documents == []
    assert len(errors) == 1
    assert str(errors[0]).startswith("--published: ")
    assert "2025-13-01" in str(errors[0])


def test_published_option_dates_plain_files_but_not_jsonl_lines_with_their_own(inputs):
    documents, errors = read_files([inputs["good_txt"], inputs["jsonl"]], published="2025-12-01")
    dates = {d.guid if d.guid in ("ok-1", "ok-2") else Path(d.metadata["file"]).name: d.published for d in documents}
    assert dates["good.txt"] == "2025-12-01"
    assert dates["ok-1"] == "2026-01-05"
    assert dates["ok-2"] == "2026-02-01T20:30:00+00:00"  # stored in UTC


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("2026-03-01", "2026-03-01"),
        ("2026-03-01T10:00:00Z", "2026-03-01T10:00:00+00:00"),
        ("2026-03-01T23:30:00-05:00", "2026-03-02T04:30:00+00:00"),
        ("2026-03-01T10:00:00", "2026-03-01T10:00:00+00:00"),
    ],
)
def test_parse_published_accepts_iso_dates(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2026-02-30", "03/01/2026", "2026-13-01", 20260301, "2026-3-1"])
def test_parse_published_rejects_what_does_not_parse(value):
    with pytest.raises(local.BadDate):
        parse_published(value)


def test_html_goes_through_trafilatura(inputs):
    documents, errors = read_files([inputs["good_html"]])
    assert errors == []
    (doc,) = documents
    assert "Federal Trade Commission sued Acme Corp" in doc.text
    # Boilerplate a naive HTML-to-text pass would keep is gone: the main-content extractor ran.
    for boilerplate in ("NAVIGATION-MENU-ITEM", "COPYRIGHT-FOOTER-TEXT", "SCRIPT-CONTENT", "<p>"):
        assert boilerplate not in doc.text
    assert doc.title and "FTC sues Acme" in doc.title


def test_html_without_main_content_falls_back_to_plain_text(tmp_path):
    page = _write(tmp_path / "tiny.html", "<div><b>BIS</b> fined Zeta.</div>")
    documents, errors = read_files([page])
    assert errors == []
    assert documents[0].text.strip() == "BIS fined Zeta."


def test_ids_are_stable_across_runs_and_distinct_per_input(inputs):
    first, _ = read_files(inputs.values())
    second, _ = read_files(inputs.values())
    assert [d.id for d in first] == [d.id for d in second]
    assert len({d.id for d in first}) == len(first)
    assert all(d.id.startswith("local:") for d in first)
    jsonl_ids = {d.guid: d.id for d in first if d.guid in ("ok-1", "ok-2")}
    assert jsonl_ids == {"ok-1": "local:ok-1", "ok-2": "local:ok-2"}


def test_same_named_files_in_two_folders_are_two_documents(tmp_path):
    """A folder tree of monthly reports all called report.txt must not collapse into one document."""
    for month, body in (("2026-01", "January: the FCC fined Acme."), ("2026-02", "February: the FTC sued Beta.")):
        (tmp_path / month).mkdir()
        _write(tmp_path / month / "report.txt", body)
        _jsonl(tmp_path / month / "notes.jsonl", [{"text": f"{month} note without an id"}])
    documents, errors = read_files([tmp_path])
    assert errors == []
    assert len(documents) == 4
    assert len({d.id for d in documents}) == 4


def test_folders_are_read_recursively_with_supported_suffixes_only(tmp_path):
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "a.txt", "first")
    _write(tmp_path / "sub" / "b.HTML", "<p>second</p>")
    _write(tmp_path / "sub" / "ignored.csv", "x,y")
    documents, errors = read_files([tmp_path])
    assert errors == []
    assert sorted(Path(d.metadata["file"]).name for d in documents) == ["a.txt", "b.HTML"]


def test_utf8_bom_and_crlf_are_accepted(tmp_path):
    path = _write(tmp_path / "bom.txt", "\ufeffLine one.\r\nLine two.\r\n".encode())
    (doc,), errors = read_files([path])
    assert errors == []
    assert doc.text == "Line one.\nLine two.\n"


def test_ingest_files_stores_good_inputs_and_reports_bad_ones(inputs, db_path):
    db = open_db(db_path)
    report = ingest_files(db, inputs.values())
    assert (report.new, report.updated, report.unchanged) == (4, 0, 0)
    assert len(report.errors) == 11
    assert db["documents"].count == 4
    assert db["sources"].get("local")["kind"] == "files"
    log = list(db["fetch_log"].rows)
    assert len(log) == 1 and log[0]["failed"] == 11 and log[0]["error_kind"] == "bad_input"


def test_ingesting_the_same_files_twice_changes_no_row_count(inputs, db_path):
    db = open_db(db_path)
    ingest_files(db, inputs.values())
    ids_and_hashes = [tuple(r) for r in db.execute("SELECT id, content_hash, updated FROM documents ORDER BY id")]
    counts = count_rows(db)
    report = ingest_files(db, inputs.values())
    assert (report.new, report.updated, report.unchanged) == (0, 0, 4)
    after = count_rows(db)
    assert after["fetch_log"] == counts["fetch_log"] + 1  # each run is logged ...
    assert {k: v for k, v in after.items() if k != "fetch_log"} == {k: v for k, v in counts.items() if k != "fetch_log"}
    assert [
        tuple(r) for r in db.execute("SELECT id, content_hash, updated FROM documents ORDER BY id")
    ] == ids_and_hashes


def test_editing_a_file_updates_its_document(tmp_path, db_path):
    path = _write(tmp_path / "memo.txt", "Draft: the FCC may fine Acme.")
    db = open_db(db_path)
    ingest_files(db, [path])
    _write(path, "Final: the FCC fined Acme $1 million.")
    report = ingest_files(db, [path])
    assert (report.new, report.updated) == (0, 1)
    (row,) = db["documents"].rows
    assert row["text"].startswith("Final:")
