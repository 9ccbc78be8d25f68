"""Tests for store/process.py and `regwatch process`: extraction runs that can be killed.

The kill test runs the real command in a subprocess, SIGKILLs it once the
database shows some (not all) documents processed, runs it again, and
compares the result with an uninterrupted run over a copy of the same input.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.pipeline import ingest_files
from ingest.records import Document, document_id
from nlp.pipeline import pipeline_version
from store.db import count_pending, open_db, upsert_documents, upsert_source
from store.process import process_pending

ROOT = Path(__file__).resolve().parent.parent
COMPANIES = [
    "Huawei",
    "ZTE",
    "Hikvision",
    "DJI",
    "SenseTime",
    "Megvii",
    "iFlytek",
    "Inspur Group",
    "Nuctech",
    "Quectel",
]
AGENCIES = [
    "The Commerce Department", "The Federal Communications Commission", "The Treasury Department",
    "The Justice Department", "The Federal Trade Commission",
]  # fmt: skip
DOCUMENTS = 40


def _text(i: int) -> str:
    company, other, agency = COMPANIES[i % 10], COMPANIES[(i * 3 + 1) % 10], AGENCIES[i % 5]
    paragraph = (
        f"{agency} added {company} to the Entity List on Monday, citing national security concerns. "
        f"{company} said it would sue the agency in federal court. "
        f"On Tuesday the FCC fined {other} $1.{i} million for filing false certifications. "
        f"The Pentagon banned defense contractors from buying equipment made by {company}. "
        f"A federal judge in Washington blocked the order on Friday."
    )
    return f"{paragraph}\nReport number {i}."


def _write_inputs(path: Path, count: int) -> Path:
    lines = [
        json.dumps({"id": f"gen-{i:03d}", "text": _text(i), "published": f"2026-{i % 12 + 1:02d}-{i % 27 + 1:02d}"})
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# Wall-clock columns, which differ between any two runs by design.
TIMESTAMPS = {"fetched", "updated", "last_updated", "applied_at"}
RESULT_TABLES = ("entities", "mentions", "events", "event_roles", "stories", "story_participants")


def _snapshot(path: Path) -> dict[str, list[tuple]]:
    """Everything extraction wrote (and each document's state), without timestamps."""
    with sqlite3.connect(path) as conn:
        found = {
            "documents": conn.execute(
                "SELECT id, content_hash, processed_version, error FROM documents ORDER BY id"
            ).fetchall()
        }
        existing = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in RESULT_TABLES:
            if table not in existing:
                continue
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] not in TIMESTAMPS]
            listed = ", ".join(f'"{c}"' for c in columns)
            found[table] = conn.execute(f"SELECT {listed} FROM {table} ORDER BY {listed}").fetchall()  # noqa: S608
        return found


def _processed(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM documents WHERE processed_version IS NOT NULL").fetchone()[0]


def _process_command(db: Path) -> list[str]:
    return [sys.executable, "-m", "app.cli", "process", "--db", str(db), "--silent"]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "REGWATCH_DB"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_killed_process_run_resumes_to_the_same_database(tmp_path):
    killed, straight = tmp_path / "killed.db", tmp_path / "straight.db"
    database = open_db(killed)
    report = ingest_files(database, [_write_inputs(tmp_path / "in.jsonl", DOCUMENTS)])
    assert report.new == DOCUMENTS and not report.errors
    database.close()
    assert not Path(f"{killed}-wal").exists(), "closing should have checkpointed the WAL"
    shutil.copy(killed, straight)

    uninterrupted = subprocess.Popen(
        _process_command(straight), cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    victim = subprocess.Popen(
        _process_command(killed), cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        reader = sqlite3.connect(f"file:{killed}?mode=ro", uri=True, timeout=5)
        deadline = time.monotonic() + 120
        while True:
            done = _processed(reader)
            if 3 <= done < DOCUMENTS:
                victim.send_signal(signal.SIGKILL)
                break
            if victim.poll() is not None:
                pytest.fail(
                    f"`regwatch process` ended (code {victim.returncode}) before it could be killed midway: "
                    f"{done} processed; stderr: {victim.stderr.read().decode()[-2000:]}"
                )
            if time.monotonic() > deadline:
                pytest.fail("`regwatch process` processed nothing within 120 s")
            time.sleep(0.02)
        victim.wait(timeout=30)
        assert victim.returncode == -signal.SIGKILL
        reader.close()

        # The killed database is sound and holds only whole documents.
        with sqlite3.connect(killed) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            at_kill = _processed(conn)
            versions = conn.execute(
                "SELECT DISTINCT processed_version FROM documents WHERE processed_version IS NOT NULL"
            )
            (killed_version,) = (row[0] for row in versions)
            half_done = conn.execute(
                "SELECT count(*) FROM documents d WHERE processed_version IS NULL "
                "AND (EXISTS (SELECT 1 FROM events e WHERE e.document = d.id) "
                "OR EXISTS (SELECT 1 FROM mentions m WHERE m.document = d.id))"
            ).fetchone()[0]
        assert 1 <= at_kill < DOCUMENTS
        assert half_done == 0, "a pending document already has results: a transaction was split"

        resumed = subprocess.run(
            _process_command(killed), cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300
        )
        assert resumed.returncode == 0, resumed.stderr
        assert f"pipeline {killed_version}" in resumed.stdout, (
            f"the pipeline version changed while the test ran (rules or gazetteers edited?): {resumed.stdout}"
        )
        assert f"processed {DOCUMENTS - at_kill} document(s), 0 failed" in resumed.stdout, (
            "finished documents were redone"
        )

        out, err = uninterrupted.communicate(timeout=300)
        assert uninterrupted.returncode == 0, err.decode()
        assert f"processed {DOCUMENTS} document(s), 0 failed" in out.decode()
    finally:
        for proc in (victim, uninterrupted):
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    after_kill, reference = _snapshot(killed), _snapshot(straight)
    assert len(reference["events"]) >= DOCUMENTS, "the generated texts should each give events"
    for table in reference:
        assert after_kill[table] == reference[table], f"{table} differs after kill and resume"
    assert {row[2] for row in reference["documents"]} == {killed_version}

    # Nothing is left for a third run (the CLI's own "processed 0" is checked in test_cli.py).
    database = open_db(killed)
    assert count_pending(database, killed_version) == 0
    database.close()


def _small_db(path: Path) -> Path:
    database = open_db(path)
    upsert_source(database, {"name": "src", "kind": "files"})
    docs = [
        Document(
            id=document_id("src", f"d{i}"), source="src", text=_text(i), published=f"2026-0{i + 1}-10", guid=f"d{i}"
        )
        for i in range(5)
    ]
    # A stored date the extractor cannot read: the document fails, is recorded, and is not retried.
    docs.append(Document(id="src:bad", source="src", text="The FCC fined Acme.", published="someday", guid="bad"))
    upsert_documents(database, docs)
    database.close()
    return path


def test_process_pending_processes_each_document_once(tmp_path):
    serial = _small_db(tmp_path / "serial.db")
    parallel = tmp_path / "parallel.db"
    shutil.copy(serial, parallel)

    database = open_db(serial)
    ticks = []
    assert process_pending(database, limit=2, on_done=lambda: ticks.append(1)) == (2, 0)
    assert len(ticks) == 2
    done, failed = process_pending(database, on_done=lambda: ticks.append(1))
    assert (done, failed) == (4, 1)
    assert len(ticks) == 6
    assert process_pending(database) == (0, 0)  # nothing left: the second run does nothing
    bad = database["documents"].get("src:bad")
    assert bad["processed_version"] == pipeline_version()
    assert "someday" in bad["error"]
    database.close()

    # Two worker processes give exactly what one gives.
    other = open_db(parallel)
    assert process_pending(other, workers=2, batch=4) == (6, 1)
    other.close()
    assert _snapshot(parallel) == _snapshot(serial)
