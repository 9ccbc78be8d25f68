"""Reading the JSONL data files (rules, act shapes, gazetteers) with errors that name the line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def jsonl_objects(path: Path, error: type[ValueError]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(\"file:line\", object) for every non-blank line; `error` names the file and line of a bad one."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{where}: not JSON: {exc.msg}") from None
        if not isinstance(row, dict):
            raise error(f"{where}: expected a JSON object")
        yield where, row
