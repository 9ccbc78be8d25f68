"""The documentation cannot drift from the CLI (style.md §1.8 and §6.5).

Every `regwatch` command and sub-command, found by walking the real command
tree, must appear in README.md as `regwatch <name>` and have help text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from app.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"


def _walk(command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    found = []
    for name, sub in (getattr(command, "commands", None) or {}).items():
        if getattr(sub, "hidden", False):
            continue
        found.append(((*path, name), sub))
        found += _walk(sub, (*path, name))
    return found


COMMANDS = _walk(typer.main.get_command(cli))


def test_the_command_tree_is_not_empty():
    names = {path[0] for path, _ in COMMANDS}
    assert {"init", "ingest", "process", "run", "extract", "demo", "dashboard", "export"} <= names


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_is_in_the_readme(path, command):
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    words = r"\s+".join(re.escape(part) for part in ("regwatch", *path))
    assert re.search(rf"(?<![\w-]){words}(?![\w-])", text), f"README.md never mentions `regwatch {' '.join(path)}`"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_has_help(path, command):
    help_text = (getattr(command, "help", None) or getattr(command, "short_help", None) or "").strip()
    assert help_text, f"`regwatch {' '.join(path)}` has no help text"
    assert len(help_text.split()) >= 3, f"`regwatch {' '.join(path)}` help is too short: {help_text!r}"
