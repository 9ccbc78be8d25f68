"""`regwatch subscribers` (watchlists) and `regwatch digest` (the weekly mail)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from app import config

subscribers_app = typer.Typer(help="Digest subscribers and what each one follows.", no_args_is_help=True)
console = Console(stderr=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database file (default: $REGWATCH_DB or data/regwatch.db).")
]


def _open(db: str | None):
    from store.db import open_db

    return open_db(config.db_path(db))


def _fail(message: str, code: int = 1) -> None:
    # Messages quote user input: never Rich markup.
    console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@subscribers_app.command("add")
def add_command(
    address: Annotated[str, typer.Argument(help="Email address (analyst@example.org).")],
    name: Annotated[str | None, typer.Option("--name", help="Name shown in the greeting and the To: header.")] = None,
    entity: Annotated[
        list[str] | None, typer.Option("--entity", help="Follow an entity by name, alias or id (repeatable).")
    ] = None,
    event_type: Annotated[
        list[str] | None, typer.Option("--type", help="Follow an event type, e.g. designation (repeatable).")
    ] = None,
    agency: Annotated[
        list[str] | None, typer.Option("--agency", help="Follow what an agency does (repeatable).")
    ] = None,
    keyword: Annotated[
        list[str] | None, typer.Option("--keyword", help="Follow a word in titles and evidence (repeatable).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Add a subscriber, or add follows (and a new name) to an existing one."""
    from app.digest import add_subscriber

    follows = [("entity", v) for v in entity or []] + [("type", v) for v in event_type or []]
    follows += [("agency", v) for v in agency or []] + [("keyword", v) for v in keyword or []]
    try:
        address = add_subscriber(_open(db), address, name=name, follows=follows)
    except ValueError as exc:
        _fail(str(exc), code=2)
    console.print(f"subscribed {escape(address)} ({len(follows)} follow(s) added)", highlight=False)


@subscribers_app.command("remove")
def remove_command(
    address: Annotated[str, typer.Argument(help="Address to unsubscribe.")],
    db: DbOption = None,
) -> None:
    """Remove a subscriber and their watchlist."""
    from app.digest import remove_subscriber

    if not remove_subscriber(_open(db), address):
        _fail(f"no subscriber {address}")
    console.print(f"removed {escape(address)}", highlight=False)


@subscribers_app.command("list")
def list_command(db: DbOption = None) -> None:
    """List subscribers with what they follow and their last digest."""
    from app.digest import describe_send, last_sends, list_subscribers

    database = _open(db)
    last = last_sends(database)
    rows = list_subscribers(database)
    table = Table(title=f"{len(rows)} subscriber(s)")
    for column in ("address", "name", "follows", "last digest"):
        table.add_column(column)
    for row in rows:
        follows = "\n".join(f"{kind}: {value}" for kind, value in row["follows"]) or "(nothing)"
        sent = describe_send(last.get(row["address"]))
        table.add_row(escape(row["address"]), escape(row["name"] or ""), escape(follows), escape(sent))
    Console().print(table)


def digest_command(
    week: Annotated[
        str | None, typer.Option("--week", help="ISO week, e.g. 2026-W47 (default: the last complete week).")
    ] = None,
    send: Annotated[
        bool, typer.Option("--send", help="Send over SMTP (settings from REGWATCH_SMTP_* or the config file).")
    ] = False,
    dry_run: Annotated[
        Path | None, typer.Option("--dry-run", help="Write one .eml per subscriber into this folder instead.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --send: send again to subscribers already sent this week.")
    ] = False,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config", help="TOML file with an [smtp] table (default: $REGWATCH_CONFIG); variables override it."
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Build each subscriber's weekly digest; send it once per week, or write .eml files.

    Without --send or --dry-run it only counts what each digest would hold.
    With --send, a subscriber already mailed for the week is skipped unless
    --force; a failure is recorded with its reason and retried on the next
    run, and the exit status is 1 if any digest failed.
    """
    from app.digest import last_complete_week, parse_week, run
    from app.mailer import ConfigError, MailSettings

    if send and dry_run is not None:
        _fail("use --send or --dry-run, not both", code=2)
    if force and not send:
        _fail("--force only makes sense with --send", code=2)
    try:
        label = parse_week(week)[0] if week else last_complete_week()
        settings = MailSettings.load(config.config_path(config_file))
    except (ValueError, ConfigError) as exc:
        _fail(str(exc), code=2)
    outcomes = run(_open(db), label, settings, send=send, dry_run=dry_run, force=force)
    table = Table(title=f"digest {label}")
    for column in ("address", "new", "updates", "status"):
        table.add_column(column)
    for o in outcomes:
        status = o.status + (f": {o.error}" if o.error else "") + (f" → {o.path}" if o.path else "")
        table.add_row(escape(o.address), str(o.new), str(o.updated), escape(status))
    console.print(table)
    if not outcomes:
        console.print("no subscribers: add one with `regwatch subscribers add ADDRESS --entity NAME`", highlight=False)
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(1)
