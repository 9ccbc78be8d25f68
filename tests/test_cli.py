"""Tests for the `regwatch` command line (app/cli.py), through Typer's CliRunner.

Each test runs the real command on real files in a temporary folder; the
extraction commands load the real pipeline.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from app.cli import cli

try:
    from tests.contract import check_result
except ImportError:  # pragma: no cover - rootdir-relative import mode
    from contract import check_result  # type: ignore[no-redef]

# What each command's --help must say it does (a word or two of its purpose).
PURPOSE = {
    "init": "Create the database",
    "ingest": "store local files",
    "process": "Extract entities and events",
    "run": "Ingest, then process",
    "extract": "Print entities and events",
    "demo": "sample corpus",
    "dashboard": "dashboard",
    "export": "Export stored events",
}

GOOD_TXT = "The Federal Communications Commission fined Acme Telecom $2 million on Monday.\n"
GOOD_JSONL = [
    {
        "id": "doc-1",
        "text": "The Commerce Department added Huawei to the Entity List on Friday.",
        "published": "2026-01-12",
    },
    {
        "id": "doc-2",
        "text": "The Federal Trade Commission sued Acme Corp in federal court on Tuesday.",
        "published": "2026-02-03",
    },
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _commands(command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    """Every (sub)command below `command` (Typer vendors its own click: duck-typed)."""
    found = []
    if getattr(command, "commands", None):
        for name, sub in command.commands.items():
            found.append(((*path, name), sub))
            found += _commands(sub, (*path, name))
    return found


def _rows(db: str, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def _counts(db: str) -> dict[str, int]:
    """Row count of every table in the file (FTS shadow tables and tallies included)."""
    tables = [
        r[0] for r in _rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    ]
    return {t: _rows(db, f'SELECT count(*) FROM "{t}"')[0][0] for t in tables}  # noqa: S608


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TXT, encoding="utf-8")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps(GOOD_JSONL[0])
        + "\nnot json at all\n"
        + json.dumps({"id": "x"})
        + "\n"
        + json.dumps(GOOD_JSONL[1])
        + "\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return {"good": good, "batch": batch, "empty": empty, "binary": binary, "missing": tmp_path / "gone.txt"}


# --- help ---------------------------------------------------------------------


def test_top_level_help_lists_every_command(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in PURPOSE:
        assert name in result.output


@pytest.mark.parametrize(("name", "purpose"), sorted(PURPOSE.items()))
def test_each_command_help_says_what_it_does(runner, name, purpose):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert purpose.lower() in " ".join(result.output.split()).lower()


def test_every_command_in_the_tree_has_working_help(runner):
    commands = _commands(typer.main.get_command(cli))
    assert {path[0] for path, _ in commands} >= set(PURPOSE)
    for path, command in commands:
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, f"regwatch {' '.join(path)} --help: {result.output}"
        assert (command.help or command.short_help or "").strip(), f"regwatch {' '.join(path)} has no help"


# --- init and the database path -------------------------------------------------


def test_init_creates_a_migrated_database_and_is_repeatable(runner, db_path):
    first = runner.invoke(cli, ["init", "--db", db_path])
    assert first.exit_code == 0, first.output
    assert "ready" in first.stdout and "m001_initial" in first.stdout
    again = runner.invoke(cli, ["init", "--db", db_path])
    assert again.exit_code == 0
    assert _rows(db_path, "PRAGMA journal_mode")[0][0] == "wal"
    assert _rows(db_path, "SELECT count(*) FROM _sqlite_migrations WHERE name = 'm001_initial'")[0][0] == 1


def test_db_option_and_environment_variable_are_both_honoured(runner, tmp_path, monkeypatch):
    from_env = tmp_path / "env" / "from-env.db"
    from_option = tmp_path / "opt" / "from-option.db"
    cwd = tmp_path / "work"
    cwd.mkdir()
    monkeypatch.chdir(cwd)  # Typer's CliRunner has no isolated_filesystem()
    result = runner.invoke(cli, ["init"], env={"REGWATCH_DB": str(from_env)})
    assert result.exit_code == 0, result.output
    assert from_env.exists()
    # --db wins over the environment.
    result = runner.invoke(cli, ["init", "--db", str(from_option)], env={"REGWATCH_DB": str(from_env)})
    assert result.exit_code == 0
    assert from_option.exists()
    # Neither: the documented default, relative to the working folder.
    result = runner.invoke(cli, ["init"], env={"REGWATCH_DB": None})
    assert result.exit_code == 0
    assert (cwd / "data" / "regwatch.db").exists()
    # ingest writes where the environment says.
    (cwd / "note.txt").write_text(GOOD_TXT, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", "--files", "note.txt"], env={"REGWATCH_DB": str(from_env)})
    assert result.exit_code == 0, result.output
    assert _rows(str(from_env), "SELECT count(*) FROM documents")[0][0] == 1
    assert _rows(str(from_option), "SELECT count(*) FROM documents")[0][0] == 0
    assert _rows(str(cwd / "data" / "regwatch.db"), "SELECT count(*) FROM documents")[0][0] == 0


# --- ingest -----------------------------------------------------------------------


def test_ingest_reports_each_bad_input_on_stderr_and_stores_the_good(runner, files, db_path):
    args = ["ingest", "--db", db_path]
    for path in files.values():
        args += ["--files", str(path)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1, result.output
    errors = _error_lines(result.stderr)
    assert len(errors) == 5, result.stderr
    batch = str(files["batch"])
    assert any(line.startswith(f"error: {batch}:2: not JSON") for line in errors), errors
    assert any(line.startswith(f"error: {batch}:3: ") and "text" in line for line in errors), errors
    assert any(line.startswith(f"error: {files['empty']}: ") and "empty" in line for line in errors)
    assert any(line.startswith(f"error: {files['binary']}: ") and "binary" in line for line in errors)
    assert any(line.startswith(f"error: {files['missing']}: ") and "no such file" in line for line in errors)
    assert "error" not in result.stdout
    stored = sorted(r[0] for r in _rows(db_path, "SELECT guid FROM documents"))
    assert "doc-1" in stored and "doc-2" in stored
    assert len(stored) == 3


def test_ingest_bad_published_option_fails_naming_the_option(runner, files, db_path):
    result = runner.invoke(cli, ["ingest", "--db", db_path, "--files", str(files["good"]), "--published", "last week"])
    assert result.exit_code == 1
    assert _error_lines(result.stderr) == [
        "error: --published: published date 'last week' does not parse (expected YYYY-MM-DD or ISO 8601)"
    ]
    assert _rows(db_path, "SELECT count(*) FROM documents")[0][0] == 0


def test_ingest_twice_leaves_row_counts_unchanged(runner, files, db_path):
    args = [
        "ingest",
        "--db",
        db_path,
        "--files",
        str(files["good"]),
        "--files",
        str(files["batch"]),
        "--published",
        "2026-01-02",
    ]
    runner.invoke(cli, args)
    before = _counts(db_path)
    documents = _rows(db_path, "SELECT * FROM documents ORDER BY id")
    result = runner.invoke(cli, args)
    assert result.exit_code == 1  # the bad JSONL lines still fail ...
    after = _counts(db_path)
    # ... but nothing is stored twice. The fetch log is the one table that grows:
    # it records every run, by design (one row per source per ingest).
    assert after.pop("fetch_log") == before.pop("fetch_log") + 1
    assert after == before
    assert _rows(db_path, "SELECT * FROM documents ORDER BY id") == documents
    assert after["documents"] == 3


# --- run, process, export --------------------------------------------------------------


@pytest.fixture(scope="module")
def processed_db(tmp_path_factory) -> str:
    """A database built by `regwatch run --files` (ingest, then process) from good and bad inputs."""
    folder = tmp_path_factory.mktemp("processed")
    db = str(folder / "regwatch.db")
    good = folder / "good.txt"
    good.write_text(GOOD_TXT, encoding="utf-8")
    batch = folder / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(row) for row in GOOD_JSONL) + "\n{broken\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["run", "--db", db, "--silent", "--files", str(good), "--files", str(batch), "--published", "2026-03-02"]
    )
    assert result.exit_code == 1, result.output  # one bad line: run says so, after processing the rest
    assert "processed 3 document(s), 0 failed" in result.stdout
    return db


def test_run_processes_every_stored_document(processed_db):
    rows = _rows(processed_db, "SELECT processed_version, error FROM documents")
    assert len(rows) == 3
    assert all(version and error is None for version, error in rows)
    assert _rows(processed_db, "SELECT count(*) FROM events")[0][0] >= 2
    assert _rows(processed_db, "PRAGMA integrity_check") == [("ok",)]


def test_process_again_processes_nothing(runner, processed_db):
    before = _counts(processed_db)
    result = runner.invoke(cli, ["process", "--db", processed_db, "--silent"])
    assert result.exit_code == 0, result.output
    assert "processed 0 document(s)" in result.stdout
    assert _counts(processed_db) == before


def test_export_jsonl_and_csv_agree(runner, processed_db, tmp_path):
    as_jsonl = runner.invoke(cli, ["export", "--db", processed_db, "--format", "jsonl"])
    assert as_jsonl.exit_code == 0, as_jsonl.output
    events = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    assert len(events) == _rows(processed_db, "SELECT count(*) FROM events")[0][0]
    texts = {r[0]: r[1] for r in _rows(processed_db, "SELECT id, text FROM documents")}
    for event in events:
        assert {
            "id",
            "type",
            "date",
            "date_precision",
            "agent",
            "target",
            "attrs",
            "evidence",
            "document",
            "source",
        } <= set(event)
        assert isinstance(event["attrs"], dict)
        assert event["evidence"] in texts[event["document"]]
        assert all({"text", "canonical"} <= set(role) for role in event["agent"] + event["target"])
    assert any(e["type"] == "designation" and any(r["canonical"] == "Huawei" for r in e["target"]) for e in events)

    out_file = tmp_path / "events.csv"
    as_csv = runner.invoke(cli, ["export", "--db", processed_db, "--format", "csv", "--output", str(out_file)])
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    assert [json.loads(r["agent"]) for r in rows] == [e["agent"] for e in events]

    only = runner.invoke(cli, ["export", "--db", processed_db, "--type", "designation"])
    assert {json.loads(line)["type"] for line in only.stdout.splitlines()} == {"designation"}


def test_export_rejects_unknown_format(runner, processed_db):
    result = runner.invoke(cli, ["export", "--db", processed_db, "--format", "xml"])
    assert result.exit_code == 2
    assert "jsonl or csv" in result.stderr


def test_export_of_an_empty_database_is_empty(runner, db_path):
    result = runner.invoke(cli, ["export", "--db", db_path, "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.strip() == "id"


# --- extract ---------------------------------------------------------------------------

EXTRACT_INPUT = [
    json.dumps({"id": "good-1", "text": "The Federal Communications Commission fined Huawei $5 million on Monday.",
                "published": "2026-11-17"}),
    "this line is { not json",
    "",
    json.dumps({"id": "no-text", "title": "a title but no text"}),
    json.dumps({"id": "bad-date", "text": "The FTC sued Acme.", "published": "next Tuesday"}),
    "   ",
    json.dumps(["not", "an", "object"]),
    json.dumps({"id": "good-2", "text": "On Friday the Commerce Department added ZTE to the Entity List.",
                "published": "2026-11-17", "title": "Entity List"}),
    json.dumps({"id": "empty", "text": ""}),
]  # fmt: skip


def _check_extract_output(stdout: str) -> list[dict]:
    lines = stdout.splitlines()
    inputs = [line for line in EXTRACT_INPUT if line.strip()]
    assert len(lines) == len(inputs), stdout
    payloads = [json.loads(line) for line in lines]  # every output line is valid JSON
    assert [p["id"] for p in payloads] == ["good-1", "line-2", "no-text", "bad-date", "line-7", "good-2", "empty"]
    for payload, line in zip(payloads, inputs, strict=True):
        if payload["id"] in ("line-2", "no-text", "bad-date", "line-7"):
            assert set(payload) == {"id", "error"}
            assert payload["error"]
        else:
            check_result(payload, json.loads(line)["text"])
    assert "line 2" in payloads[1]["error"]
    assert "next Tuesday" in payloads[3]["error"]
    assert any(e["type"] == "penalty" for e in payloads[0]["events"])
    assert any(e["type"] == "designation" for e in payloads[5]["events"])
    assert payloads[6]["entities"] == [] and payloads[6]["events"] == []
    return payloads


def test_extract_jsonl_file_prints_one_contract_line_per_input(runner, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(EXTRACT_INPUT) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    _check_extract_output(result.stdout)


def test_extract_reads_standard_input(runner):
    result = runner.invoke(cli, ["extract", "--jsonl", "-"], input="\n".join(EXTRACT_INPUT) + "\n")
    assert result.exit_code == 0, result.output
    _check_extract_output(result.stdout)


def test_extract_missing_file_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["extract", "--jsonl", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    assert result.stdout == ""
