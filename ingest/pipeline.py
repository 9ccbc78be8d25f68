"""Ingestion runs: parsed documents into the store, with a report per source."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from ingest import local, sample
from store import db as store


@dataclass
class IngestReport:
    source: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    error_kind: str | None = None


def _ensure_source(database: sqlite_utils.Database, name: str, kind: str, **extra) -> None:
    if store.get_source(database, name) is None:
        store.upsert_source(database, {"name": name, "kind": kind, **extra})


def ingest_files(
    database: sqlite_utils.Database, paths: Iterable[str | Path], *, published: str | None = None, source: str = "local"
) -> IngestReport:
    """Store local files as documents of source `source`; bad inputs are reported, not fatal."""
    documents, errors = local.read_files(paths, published=published, source=source)
    _ensure_source(database, source, "files", title="Files loaded by hand")
    counts = store.upsert_documents(database, documents) if documents else store.UpsertCounts()
    report = IngestReport(source, counts.new, counts.updated, counts.unchanged, [str(e) for e in errors])
    store.record_fetch(
        database,
        store.FetchOutcome(
            source=source,
            new=counts.new,
            updated=counts.updated,
            unchanged=counts.unchanged,
            failed=len(errors),
            error_kind="bad_input" if errors else None,
            error="; ".join(report.errors[:3]) or None,
        ),
    )
    return report


def ingest_sample(
    database: sqlite_utils.Database, sample_dir: Path | None = None, *, progress=None
) -> list[IngestReport]:
    """Load every source of the bundled offline corpus through the real parsers."""
    reports = []
    sources = sample.sample_sources(sample_dir or sample.DEFAULT_SAMPLE_DIR)
    task = progress.add_task("sample sources", total=len(sources)) if progress else None
    for source in sources:
        store.upsert_source(database, source.as_config())
        started = time.monotonic()
        report = IngestReport(source.name)
        try:
            documents = sample.read_source(source)
        except (OSError, ValueError) as exc:
            report.errors.append(f"{source.file}: {exc}")
            report.error_kind = getattr(exc, "kind", "parse_error")
            documents = []
        counts = store.upsert_documents(database, documents)
        report.new, report.updated, report.unchanged = counts.new, counts.updated, counts.unchanged
        store.record_fetch(
            database,
            store.FetchOutcome(
                source=source.name,
                status=200 if not report.errors else None,
                error_kind=report.error_kind,
                error="; ".join(report.errors) or None,
                new=counts.new,
                updated=counts.updated,
                unchanged=counts.unchanged,
                failed=len(report.errors),
                elapsed=time.monotonic() - started,
            ),
        )
        reports.append(report)
        if progress:
            progress.advance(task)
    return reports
