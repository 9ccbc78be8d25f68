"""`regwatch sources`: list the configured sources with their health, add one, reset one.

The sources file says what to poll; the database says how polling went. This
group shows both side by side, appends to the file (never rewriting it, so
comments survive) and clears a source's failure count.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from app import config

sources_app = typer.Typer(help="List, add and reset the sources `regwatch ingest` polls.", no_args_is_help=True)
console = Console(stderr=True)
out = Console()

SourcesOption = Annotated[
    str | None, typer.Option("--sources", help="Sources file (default: $REGWATCH_SOURCES or data/sources.toml).")
]
DbOption = Annotated[
    str | None, typer.Option("--db", help="Database file (default: $REGWATCH_DB or data/regwatch.db).")
]


def _fail(message: str, code: int = 1) -> None:
    console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _health(state: dict | None, enabled: bool) -> Text:
    from ingest.poll import FAILURE_LIMIT

    if not enabled:
        return Text("disabled", style="dim")
    if state is None or not state.get("last_fetched_at"):
        return Text("not polled yet", style="dim")
    failures = state.get("consecutive_failures") or 0
    if failures >= FAILURE_LIMIT:
        return Text(f"stopped after {failures} failures", style="bold red")
    if failures:
        return Text(f"failing ({failures})", style="yellow")
    if state.get("warning"):
        return Text("ok, with a warning", style="yellow")
    return Text("ok", style="green")


def _short(value: str | None, limit: int = 80) -> str:
    if not value:
        return ""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


@sources_app.command("list")
def list_sources(sources: SourcesOption = None, db: DbOption = None) -> None:
    """Show every source with its health: last poll, next check, failures, last error, warning."""
    from ingest.sources import SourcesError, load_sources
    from store.db import open_db, source_health

    path = config.sources_path(sources)
    try:
        configured = load_sources(path)
    except SourcesError as exc:
        _fail(str(exc), code=2)
    db_file = Path(config.db_path(db))
    states = {}
    if db_file.exists():
        # Read-only: listing must not create or migrate a database.
        states = source_health(open_db(db_file, readonly=True))
    table = Table(title=f"sources ({path})")
    for column in ("name", "kind", "health", "last poll", "next check", "docs", "last error", "warning"):
        table.add_column(
            column,
            justify="right" if column == "docs" else "left",
            no_wrap=column in ("name", "kind", "health"),
            overflow="fold",
        )
    for source in configured:
        state = states.get(source.name)
        _add_row(table, source.name, source.kind, state, source.enabled)
    for name, state in states.items():
        if name not in {s.name for s in configured}:
            _add_row(table, name + " (not in sources file)", state["kind"], state, True)
    out.print(table)


def _when(stamp: str | None) -> str:
    """ "2026-11-23T10:15:00+00:00" as "2026-11-23 10:15Z": the table stays narrow."""
    if not stamp:
        return ""
    return stamp[:16].replace("T", " ") + ("Z" if stamp.endswith("+00:00") else "")


def _add_row(table: Table, name: str, kind: str, state: dict | None, enabled: bool) -> None:
    state = state or {}
    last = _when(state.get("last_fetched_at"))
    if last and state.get("last_status"):
        last += f" ({state['last_status']})"
    error = ""
    if state.get("last_error_kind"):
        error = f"{state['last_error_kind']}: {_short(state.get('last_error'), 60)}"
    table.add_row(
        Text(name),
        kind,
        _health(state or None, enabled),
        last,
        _when(state.get("next_check_at")),
        str(state.get("documents") or 0),
        Text(error),
        Text(_short(state.get("warning"))),
    )


@sources_app.command("add")
def add_source(
    name: Annotated[str, typer.Argument(help="A short unique name: letters, digits, '.', '_' or '-'.")],
    url: Annotated[str, typer.Argument(help="The feed or API URL (http or https).")],
    kind: Annotated[
        str, typer.Option("--kind", help="rss, atom, federal_register, courtlistener or screening_list.")
    ] = "rss",
    title: Annotated[str | None, typer.Option("--title", help="A readable title.")] = None,
    doc_kind: Annotated[str | None, typer.Option("--doc-kind", help="news or filing (default by kind).")] = None,
    interval: Annotated[
        int | None, typer.Option("--interval-minutes", help="Minutes between polls (default 60).")
    ] = None,
    full_text: Annotated[
        bool, typer.Option("--full-text", help="Fetch the article page when an item has only a summary.")
    ] = False,
    sources: SourcesOption = None,
) -> None:
    """Append a [[source]] table to the sources file (checked first, so a bad entry is never written)."""
    from ingest.sources import SourcesError, append_source

    path = config.sources_path(sources)
    entry = {
        "name": name,
        "kind": kind,
        "url": url,
        "title": title,
        "doc_kind": doc_kind,
        "interval_minutes": interval,
        "full_text": True if full_text else None,
    }
    try:
        source = append_source(path, entry)
    except SourcesError as exc:
        _fail(str(exc), code=2)
    out.print(
        escape(f"added {source.name} ({source.kind}) to {path}; `regwatch ingest --source {source.name}` polls it"),
        highlight=False,
    )


@sources_app.command("reset")
def reset(
    name: Annotated[str, typer.Argument(help="The source to reset.")],
    db: DbOption = None,
) -> None:
    """Clear a source's failure count so the next `regwatch ingest` polls it again."""
    from store.db import get_source, open_db, reset_source

    database = open_db(config.db_path(db))
    before = get_source(database, name)
    if not reset_source(database, name):
        _fail(f"no source named {name!r} in the database {config.db_path(db)} (it has never been polled)")
    failures = (before or {}).get("consecutive_failures") or 0
    out.print(
        f"{name} reset ({failures} consecutive failure(s) cleared); it is polled on the next `regwatch ingest`",
        highlight=False,
    )
