"""Shared fixtures: databases built per test, one extractor per session, the shared folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLE_DIR = ROOT / "data" / "sample"


@pytest.fixture
def fresh_db():
    """A migrated in-memory database."""
    from store.db import memory_db

    db = memory_db()
    yield db
    db.close()


@pytest.fixture
def db_path(tmp_path):
    """Path of a database file in a temporary folder (not yet created)."""
    return str(tmp_path / "regwatch.db")


@pytest.fixture(scope="session")
def extractor():
    """One full extraction pipeline for the whole test session (loading the model takes seconds)."""
    from nlp.pipeline import Extractor

    return Extractor()


@pytest.fixture
def seeds_dir():
    if not SEEDS.exists():
        pytest.skip(f"the seed folder {SEEDS} is absent (it lives beside the repository in ../shared)")
    return SEEDS


@pytest.fixture(autouse=True)
def _no_stray_env(monkeypatch):
    """Tests never read the developer's own database or sources by accident."""
    monkeypatch.delenv("REGWATCH_DB", raising=False)
    monkeypatch.delenv("REGWATCH_SOURCES", raising=False)
    monkeypatch.delenv("REGWATCH_CONFIG", raising=False)
    os.environ.setdefault("REGWATCH_PROGRESS", "0")


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    """The bundled sample corpus ingested and processed once per session (about a minute)."""
    from ingest.pipeline import ingest_sample
    from store.db import open_db
    from store.process import process_pending

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    db = open_db(path)
    ingest_sample(db)
    process_pending(db, workers=2)
    return db
