"""The `regwatch` command line: a thin layer over ingest, nlp and store.

Read top to bottom, it is the data flow: `init` makes the store, `ingest`
turns sources and files into documents, `process` extracts entities and
events from what is pending, `run` does both, `extract` runs the extractor
with no database at all, and `dashboard` / `export` read what was stored.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from app import config
from app.cli_digest import digest_command, subscribers_app
from app.cli_sources import sources_app
from app.cli_stories import stories_app

cli = typer.Typer(
    help="Track government actions on companies and technologies, with proof.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database file (default: $REGWATCH_DB or data/regwatch.db).")
]
SilentOption = Annotated[bool, typer.Option("--silent", help="No progress bar.")]


def _progress(silent: bool) -> Progress | nullcontext:
    if silent or not sys.stderr.isatty() and os.environ.get("REGWATCH_PROGRESS") != "1":
        return nullcontext()
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _open(db: str | None):
    from store.db import open_db

    return open_db(config.db_path(db))


def _fail(message: str, code: int = 1) -> None:
    console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@cli.command()
def init(db: DbOption = None) -> None:
    """Create the database (or bring an old one up to the current schema)."""
    from store.db import schema_version

    database = _open(db)
    out.print(f"database {config.db_path(db)} ready (migrations: {', '.join(schema_version(database))})")


@cli.command()
def ingest(
    files: Annotated[
        list[Path] | None, typer.Option("--files", help="Load local .txt, .html or .jsonl files or folders.")
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for plain files.")
    ] = None,
    source_name: Annotated[str, typer.Option("--source-name", help="Source name for --files documents.")] = "local",
    sample: Annotated[bool, typer.Option("--sample", help="Load the bundled offline sample corpus.")] = False,
    sample_dir: Annotated[
        Path | None, typer.Option("--sample-dir", help="Sample corpus folder (default data/sample).")
    ] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Poll only this source (repeatable).")] = None,
    sources_file: Annotated[
        str | None, typer.Option("--sources", help="Sources file (default: $REGWATCH_SOURCES or data/sources.toml).")
    ] = None,
    all_sources: Annotated[bool, typer.Option("--all", help="Poll every source now, ignoring schedules.")] = False,
    db: DbOption = None,
    silent: SilentOption = False,
) -> None:
    """Poll the sources that are due, or store local files or the bundled sample corpus.

    Without --files or --sample, every source of the sources file whose next
    check has come is polled (--all: every enabled one). A source that failed
    3 times in a row is skipped until `regwatch sources reset NAME`. One
    source's failure never stops the others; the exit status is 1 if any
    source or input failed.
    """
    from ingest import pipeline as ingest_pipeline

    if (files or sample) and (source or sources_file or all_sources):
        _fail("--source, --sources and --all poll the network: use them without --files and --sample", code=2)
    if not files and not sample:
        _poll(source, sources_file, all_sources, db, silent)
        return
    database = _open(db)
    reports = []
    if files:
        reports.append(ingest_pipeline.ingest_files(database, files, published=published, source=source_name))
    if sample:
        with _progress(silent) as progress:
            reports.extend(ingest_pipeline.ingest_sample(database, sample_dir, progress=progress))
    failed = _report_ingest(reports)
    if failed:
        raise typer.Exit(1)


def _poll(names: list[str] | None, sources_file: str | None, all_sources: bool, db: str | None, silent: bool) -> None:
    from ingest import poll
    from ingest.sources import SourcesError, load_sources

    path = config.sources_path(sources_file)
    try:
        configured = load_sources(path)
    except SourcesError as exc:
        _fail(escape(str(exc)), code=2)
    if names:
        known = {s.name for s in configured}
        unknown = [name for name in names if name not in known]
        if unknown:
            _fail(
                escape(f"{path}: no source named {', '.join(map(repr, unknown))} (known: {', '.join(sorted(known))})"),
                code=2,
            )
        configured = [s for s in configured if s.name in names]
    database = _open(db)
    with _progress(silent) as progress:
        run = poll.poll_sources(database, configured, force=all_sources, progress=progress)
    waiting = [s for s in run.skipped if s.reason == "not_due"]
    for skipped in run.skipped:
        if skipped.reason != "not_due" or names:
            console.print(
                f"[yellow]skipped[/yellow] {skipped.source}: {escape(skipped.detail)}", highlight=False, soft_wrap=True
            )
    if waiting and not names:
        console.print(f"{len(waiting)} source(s) not due yet (--all polls them now)", highlight=False)
    for report in run.reports:
        for warning in report.warnings:
            console.print(
                f"[yellow]warning:[/yellow] {report.source}: {escape(warning)}", highlight=False, soft_wrap=True
            )
    failed = _report_ingest(run.reports)
    if failed:
        raise typer.Exit(1)


def _report_ingest(reports) -> int:
    table = Table(title="ingest")
    for column in ("source", "new", "updated", "unchanged", "failed"):
        table.add_column(column, justify="right" if column != "source" else "left")
    failed = 0
    for report in reports:
        for error in report.errors:
            # Errors quote URLs and text from the network: never Rich markup.
            console.print(f"[red]error:[/red] {escape(error)}", highlight=False, soft_wrap=True)
        failed += len(report.errors)
        table.add_row(
            report.source,
            str(report.new),
            str(report.updated),
            str(report.unchanged),
            str(len(report.errors)) + (f" ({report.error_kind})" if report.error_kind else ""),
        )
    console.print(table)
    return failed


@cli.command()
def process(
    db: DbOption = None,
    silent: SilentOption = False,
    workers: Annotated[int, typer.Option("--workers", help="Extraction processes (default: 1).")] = 1,
    limit: Annotated[int | None, typer.Option("--limit", help="Process at most N documents.")] = None,
) -> None:
    """Extract entities and events from every document not yet processed by this pipeline version."""
    from nlp.pipeline import pipeline_version
    from store import db as store
    from store.process import process_pending

    database = _open(db)
    version = pipeline_version()
    pending = store.count_pending(database, version)
    if limit is not None:
        pending = min(pending, limit)
    with _progress(silent) as progress:
        task = progress.add_task("extracting", total=pending) if progress else None
        done, failed = process_pending(
            database,
            workers=workers,
            limit=limit,
            on_done=(lambda: progress.advance(task)) if progress else None,
        )
    out.print(f"processed {done} document(s), {failed} failed, pipeline {version}")


@cli.command()
def run(
    files: Annotated[list[Path] | None, typer.Option("--files", help="Local files to ingest first.")] = None,
    published: Annotated[str | None, typer.Option("--published", help="Publication date for plain files.")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Ingest the bundled sample corpus.")] = False,
    db: DbOption = None,
    silent: SilentOption = False,
    workers: Annotated[int, typer.Option("--workers", help="Extraction processes.")] = 1,
) -> None:
    """Ingest, then process: one command for a scheduled job."""
    failed = 0
    try:
        ingest(
            files=files, published=published, source_name="local", sample=sample, sample_dir=None, db=db, silent=silent
        )
    except typer.Exit as exit_:
        failed = exit_.exit_code
    process(db=db, silent=silent, workers=workers, limit=None)
    if failed:
        raise typer.Exit(failed)


@cli.command()
def extract(
    jsonl: Annotated[str, typer.Option("--jsonl", help="Input JSONL file, or - for standard input.")],
    workers: Annotated[int, typer.Option("--workers", help="Extraction processes.")] = 1,
) -> None:
    """Print entities and events for each JSONL input line (no database needed).

    Input lines are {"id", "text", "published", "title"}; output is one JSON
    object per input line, in order, or {"id", "error"} for a line that fails.
    """
    from nlp.pipeline import DocInput, extract_parallel

    stream = sys.stdin if jsonl == "-" else None
    if stream is None:
        path = Path(jsonl)
        if not path.exists():
            _fail(f"{jsonl}: no such file", code=2)
        stream = path.open(encoding="utf-8", errors="replace")
    bad: dict[int, dict] = {}

    def inputs():
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            row = None  # a line that is not JSON must not report the previous line's id
            try:
                row = json.loads(line)
                yield DocInput.from_json(row)
            except (json.JSONDecodeError, ValueError) as exc:
                ident = row.get("id") if isinstance(row, dict) else None
                bad[number] = {"id": ident if ident is not None else f"line-{number}", "error": f"line {number}: {exc}"}
                yield DocInput(id=f"\x00bad:{number}", text="")

    for result in extract_parallel(inputs(), workers=workers):
        if result.id.startswith("\x00bad:"):
            payload = bad[int(result.id.split(":", 1)[1])]
        else:
            payload = result.to_json()
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    sys.stdout.flush()


@cli.command()
def demo(
    db: DbOption = None,
    port: Annotated[int, typer.Option("--port", help="Dashboard port.")] = 8501,
    host: Annotated[str, typer.Option("--host", help="Dashboard address.")] = "127.0.0.1",
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Build the demo database and stop.")] = False,
    workers: Annotated[int, typer.Option("--workers", help="Extraction processes.")] = 2,
) -> None:
    """Build a database from the bundled sample corpus, then start the dashboard on it."""
    path = config.db_path(db or "data/demo.db")
    ingest(files=None, published=None, source_name="local", sample=True, sample_dir=None, db=path, silent=False)
    process(db=path, silent=False, workers=workers, limit=None)
    if not no_serve:
        dashboard(db=path, host=host, port=port)


@cli.command()
def dashboard(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8501,
) -> None:
    """Start the Streamlit dashboard on the database."""
    path = Path(config.db_path(db)).resolve()
    if not path.exists():
        _fail(f"database {path} does not exist: run `regwatch init` or `regwatch demo` first")
    # The dashboard only reads, so a store made by an older regwatch gets the
    # tables and indexes it needs here, once, before the pages open it.
    _open(str(path)).close()
    app_file = Path(__file__).resolve().parent / "streamlit_app.py"
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    out.print(f"regwatch dashboard on http://{shown}:{port} (database {path})")
    env = {**os.environ, "REGWATCH_DB": str(path)}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_file),
        "--server.address",
        host,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    # Hand the process over to Streamlit, so stopping the dashboard stops the server too.
    sys.stdout.flush()
    os.execvpe(command[0], command, env)


@cli.command()
def export(
    db: DbOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    event_type: Annotated[str | None, typer.Option("--type", help="Only events of this type.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only events dated on or after YYYY-MM-DD.")] = None,
) -> None:
    """Export stored events with their roles, documents and evidence."""
    from store.queries import export_events

    if fmt not in ("jsonl", "csv"):
        _fail(f"unknown format {fmt!r}: use jsonl or csv", code=2)
    rows = export_events(_open(db), event_type=event_type, since=since)
    handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "jsonl":
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()) if rows else ["id"])
            writer.writeheader()
            for row in rows:
                writer.writerow({k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in row.items()})
    finally:
        if output:
            handle.close()
    if output:
        console.print(f"wrote {len(rows)} event(s) to {output}")


cli.add_typer(sources_app, name="sources")
cli.add_typer(stories_app, name="stories")
cli.add_typer(subscribers_app, name="subscribers")
cli.command("digest")(digest_command)


def main() -> None:  # pragma: no cover - console entry point
    cli()


if __name__ == "__main__":  # pragma: no cover
    cli()
