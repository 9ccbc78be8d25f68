"""`regwatch stories`: list stories, and the analyst's merge and split corrections."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from app import config

stories_app = typer.Typer(help="Stories: one real-world event across all the reports of it.", no_args_is_help=False)
console = Console(stderr=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database file (default: $REGWATCH_DB or data/regwatch.db).")
]


def _open(db: str | None):
    from store.db import open_db

    return open_db(config.db_path(db))


@stories_app.callback(invoke_without_command=True)
def stories(
    ctx: typer.Context,
    entity: Annotated[
        str | None, typer.Option("--entity", help="Only stories involving this entity (name, alias or id).")
    ] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="Only stories of this event type.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only stories dated (or first reported) on or after YYYY-MM-DD.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per story, one per line.")] = False,
    db: DbOption = None,
) -> None:
    """List stories in date order (undated ones placed by their first report)."""
    if ctx.invoked_subcommand is not None:
        return
    from store.stories import list_stories

    rows = list_stories(_open(db), entity=entity, event_type=event_type, since=since)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(rows)} stories")
    for column in ("date", "type", "title", "reports", "disputed", "id"):
        table.add_column(column)
    for row in rows:
        when = row["date"] or f"undated (first seen {(row['first_seen'] or '?')[:10]})"
        disputed = ", ".join(d["slot"] for d in row["disputes"]) or ""
        table.add_row(
            when, row["type"], row["title"], str(len({e["document"] for e in row["events"]})), disputed, row["id"]
        )
    Console().print(table)


@stories_app.command("merge")
def merge_command(
    keep: Annotated[str, typer.Argument(help="Story id to keep.")],
    absorb: Annotated[str, typer.Argument(help="Story id that is the same happening; its reports move to KEEP.")],
    db: DbOption = None,
) -> None:
    """Merge two stories that describe one happening (kept across re-processing)."""
    from store.stories import merge

    try:
        merge(_open(db), keep, absorb)
    except (KeyError, ValueError) as exc:
        console.print(f"[red]error:[/red] {exc.args[0]}")
        raise typer.Exit(1) from None
    console.print(f"merged {absorb} into {keep}")


@stories_app.command("split")
def split_command(
    events: Annotated[
        list[str], typer.Argument(help="Event ids (as in `stories --json`) that form a story of their own.")
    ],
    db: DbOption = None,
) -> None:
    """Split events off into a story of their own (kept across re-processing)."""
    from store.stories import split

    try:
        new_id = split(_open(db), events)
    except (KeyError, ValueError) as exc:
        console.print(f"[red]error:[/red] {exc.args[0]}")
        raise typer.Exit(1) from None
    console.print(f"split {len(events)} event(s) into {new_id}")
