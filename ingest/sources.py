"""The sources file: which services regwatch polls, and how often.

Sources are data: a TOML file (``data/sources.toml`` by default) of
``[[source]]`` tables. Every table is checked here before anything is polled,
so a typo (``intervall = 60``) or a wrong type fails the whole command with a
message naming the file, the table and the key, instead of silently polling
with defaults (the medspacy ``_ALLOWED_KEYS`` idea).

Secrets never live in this file: a source names the environment variable that
holds its token (``token_env``), and request headers that carry credentials
are refused here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from ingest.normalize import is_http_url

KINDS = ("rss", "atom", "federal_register", "courtlistener", "screening_list")
DOC_KINDS = ("news", "filing")
FR_ENDPOINTS = ("documents", "public_inspection")
FR_TYPES = ("RULE", "PRORULE", "NOTICE", "PRESDOCU")
FR_PRESIDENTIAL_TYPES = (
    "determination", "executive_order", "memorandum", "notice", "proclamation", "presidential_order", "other",
)  # fmt: skip
FR_ORDERS = ("relevance", "newest", "oldest", "executive_order_number")
# Headers that carry credentials: these must come from the environment.
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "x-api-key"})

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")


class SourcesError(ValueError):
    """The sources file is unreadable or invalid; the message names file, table and key."""


# key -> (type check, description used in error messages)
_STR = (str, "a string")
_BOOL = (bool, "true or false")
_LIST = (list, "a list of strings")
_TABLE = (dict, "a table of strings")

_COMMON_KEYS: dict[str, tuple[type, str]] = {
    "name": _STR,
    "kind": _STR,
    "url": _STR,
    "title": _STR,
    "doc_kind": _STR,
    "enabled": _BOOL,
    "interval_minutes": (int, "a whole number of minutes"),
    "min_interval_minutes": (int, "a whole number of minutes"),
    "max_interval_minutes": (int, "a whole number of minutes"),
    "request_interval": (float, "a number of seconds"),
    "max_items": (int, "a whole number"),
    "max_body_mib": (int, "a whole number of MiB"),
    "deadline_seconds": (int, "a whole number of seconds"),
    "headers": _TABLE,
}
_KIND_KEYS: dict[str, dict[str, tuple[type, str]]] = {
    "rss": {"full_text": _BOOL, "max_full_text": (int, "a whole number")},
    "federal_register": {
        "endpoint": _STR,
        "agencies": _LIST,
        "types": _LIST,
        "presidential_document_types": _LIST,
        "term": _STR,
        "per_page": (int, "a whole number"),
        "order": _STR,
        "since_days": (int, "a whole number of days"),
        "max_pages": (int, "a whole number"),
        "full_text": _BOOL,
        "max_full_text": (int, "a whole number"),
    },
    "courtlistener": {"token_env": _STR, "max_pages": (int, "a whole number")},
    "screening_list": {"lists": _LIST},
}
_KIND_KEYS["atom"] = _KIND_KEYS["rss"]


@dataclass(frozen=True)
class Schedule:
    """How often a source is polled, in seconds.

    ``interval`` is the normal gap; server hints (Retry-After, max-age, feed
    TTL) may lengthen it, and the result is clamped to [``min_interval``,
    ``max_interval``]. After failures the gap doubles each time, up to
    ``max_backoff``.
    """

    interval: float = 3600.0
    min_interval: float = 300.0
    max_interval: float = 86400.0
    max_backoff: float = 86400.0


@dataclass(frozen=True)
class Source:
    """One ``[[source]]`` table, validated.

    ``params`` holds the kind-specific keys exactly as written (agencies,
    term, token_env, lists, ...); the poller reads them by name.
    """

    name: str
    kind: str
    url: str
    title: str | None = None
    doc_kind: str = "news"
    enabled: bool = True
    schedule: Schedule = field(default_factory=Schedule)
    request_interval: float = 0.5
    max_items: int = 1000
    max_body_mib: int | None = None
    deadline_seconds: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def full_text(self) -> bool:
        default = self.kind == "federal_register"
        return bool(self.params.get("full_text", default))

    def param(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)

    def as_config(self) -> dict[str, Any]:
        """The row `store.upsert_source` keeps (configuration, not state)."""
        params = dict(self.params)
        params.update(
            {
                "interval_minutes": self.schedule.interval / 60,
                "request_interval": self.request_interval,
                "max_items": self.max_items,
                "enabled": self.enabled,
            }
        )
        if self.headers:
            params["headers"] = dict(self.headers)
        if self.max_body_mib:
            params["max_body_mib"] = self.max_body_mib
        if self.deadline_seconds:
            params["deadline_seconds"] = self.deadline_seconds
        return {
            "name": self.name,
            "kind": self.kind,
            "url": self.url,
            "title": self.title,
            "doc_kind": self.doc_kind,
            "params": params,
        }


def _default_doc_kind(kind: str) -> str:
    return "news" if kind in ("rss", "atom") else "filing"


def _check_type(value: Any, expected: tuple[type, str], where: str, key: str) -> None:
    kind, description = expected
    if kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif kind is list:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    elif kind is dict:
        ok = isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    else:
        ok = isinstance(value, kind)
    if not ok:
        raise SourcesError(f"{where}: {key} must be {description}, not {value!r}")


def _positive(entry: dict[str, Any], key: str, where: str, *, allow_zero: bool = False) -> None:
    if key in entry and (entry[key] < 0 or (entry[key] == 0 and not allow_zero)):
        raise SourcesError(f"{where}: {key} must be {'zero or more' if allow_zero else 'positive'}, not {entry[key]!r}")


def _check_choices(values: Any, allowed: tuple[str, ...], where: str, key: str) -> None:
    for value in values if isinstance(values, list) else [values]:
        if value not in allowed:
            raise SourcesError(f"{where}: {key} {value!r} is not one of {', '.join(allowed)}")


def parse_entry(entry: Any, where: str) -> Source:
    """Validate one ``[[source]]`` table; ``where`` prefixes every error message."""
    if not isinstance(entry, dict):
        raise SourcesError(f"{where}: expected a table, not {type(entry).__name__}")
    for key in ("name", "kind", "url"):
        if key not in entry:
            raise SourcesError(f"{where}: missing required key {key!r}")
    name = entry["name"]
    if not isinstance(name, str) or not _NAME.match(name):
        raise SourcesError(
            f"{where}: name {name!r} must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    where = f"{where} ({name})"
    kind = entry["kind"]
    if kind not in KINDS:
        raise SourcesError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    allowed = {**_COMMON_KEYS, **_KIND_KEYS[kind]}
    for key, value in entry.items():
        if key not in allowed:
            raise SourcesError(
                f"{where}: unknown key {key!r} for kind {kind!r} (allowed: {', '.join(sorted(allowed))})"
            )
        _check_type(value, allowed[key], where, key)
    if not is_http_url(entry["url"]):
        raise SourcesError(f"{where}: url {entry['url']!r} must be an absolute http:// or https:// URL")
    doc_kind = entry.get("doc_kind", _default_doc_kind(kind))
    _check_choices(doc_kind, DOC_KINDS, where, "doc_kind")
    for key in ("interval_minutes", "min_interval_minutes", "max_interval_minutes", "max_items", "max_body_mib",
                "deadline_seconds", "per_page", "since_days", "max_pages"):  # fmt: skip
        _positive(entry, key, where)
    for key in ("request_interval", "max_full_text"):
        _positive(entry, key, where, allow_zero=True)
    if "per_page" in entry and entry["per_page"] > 1000:
        # The API silently resets a larger value to 20 (01-federal-register.md §2).
        raise SourcesError(f"{where}: per_page must be at most 1000, not {entry['per_page']}")
    if kind == "federal_register":
        _check_choices(entry.get("endpoint", "documents"), FR_ENDPOINTS, where, "endpoint")
        _check_choices(entry.get("types", []), FR_TYPES, where, "types")
        _check_choices(entry.get("presidential_document_types", []), FR_PRESIDENTIAL_TYPES, where,
                       "presidential_document_types")  # fmt: skip
        _check_choices(entry.get("order", "newest"), FR_ORDERS, where, "order")
    if "token_env" in entry and not _ENV_NAME.match(entry["token_env"]):
        raise SourcesError(f"{where}: token_env must name an environment variable, not {entry['token_env']!r}")
    headers = entry.get("headers", {})
    for header in headers:
        if not _HEADER_NAME.match(header):
            raise SourcesError(f"{where}: headers: {header!r} is not a valid header name")
        if header.lower() in SECRET_HEADERS:
            raise SourcesError(
                f"{where}: headers: {header!r} carries a credential; keep it out of the sources file "
                "and name an environment variable with token_env instead"
            )
        if any(ch in headers[header] for ch in "\r\n\x00"):
            raise SourcesError(f"{where}: headers: the value of {header!r} contains a line break")

    minutes = 60.0
    interval = entry.get("interval_minutes", 60) * minutes
    min_interval = entry.get("min_interval_minutes", min(5, entry.get("interval_minutes", 5))) * minutes
    # Server hints (a 3-day max-age, a long TTL) may stretch the gap to six
    # intervals, never to days, unless the source says so.
    max_interval = (
        entry.get("max_interval_minutes", max(interval / minutes, min(24 * 60, 6 * interval / minutes))) * minutes
    )
    if not min_interval <= interval <= max_interval:
        raise SourcesError(
            f"{where}: need min_interval_minutes <= interval_minutes <= max_interval_minutes "
            f"(got {min_interval / 60:g} <= {interval / 60:g} <= {max_interval / 60:g})"
        )
    common = set(_COMMON_KEYS)
    return Source(
        name=name,
        kind=kind,
        url=entry["url"],
        title=entry.get("title"),
        doc_kind=doc_kind,
        enabled=entry.get("enabled", True),
        schedule=Schedule(
            interval=interval,
            min_interval=min_interval,
            max_interval=max_interval,
            max_backoff=max(max_interval, Schedule.max_backoff),
        ),
        request_interval=float(entry.get("request_interval", 0.5)),
        max_items=entry.get("max_items", 1000),
        max_body_mib=entry.get("max_body_mib"),
        deadline_seconds=entry.get("deadline_seconds"),
        headers=dict(headers),
        params={key: value for key, value in entry.items() if key not in common},
    )


def parse_sources(text: str, path: str | Path = "<sources>") -> list[Source]:
    """Every source in a TOML document; raises SourcesError naming `path`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{path}: not valid TOML: {exc}") from None
    extra = sorted(set(data) - {"source"})
    if extra:
        raise SourcesError(f"{path}: unknown top-level key {extra[0]!r}: sources are [[source]] tables")
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise SourcesError(f"{path}: 'source' must be an array of tables ([[source]])")
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(tables, start=1):
        source = parse_entry(entry, f"{path}: [[source]] #{number}")
        if source.name in seen:
            raise SourcesError(
                f"{path}: [[source]] #{number}: name {source.name!r} is already used by [[source]] #{seen[source.name]}"
            )
        seen[source.name] = number
        sources.append(source)
    return sources


def load_sources(path: str | Path) -> list[Source]:
    """Read and validate the sources file at `path`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError(f"{path}: no such sources file (set --sources or REGWATCH_SOURCES)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: cannot read the sources file: {exc}") from None
    return parse_sources(text, path)


def _table_block(entry: dict[str, Any]) -> str:
    """One ``[[source]]`` table in TOML, values quoted by tomli-w.

    Written key by key: tomli-w would render a short entry as an inline array
    (``source = [{...}]``) and a nested table as a ``[headers]`` section,
    both of which change meaning when appended after other tables.
    """
    lines = ["[[source]]"]
    for key, value in entry.items():
        if isinstance(value, dict):
            inner = ", ".join(tomli_w.dumps({k: v}).strip() for k, v in value.items())
            lines.append(f"{tomli_w.dumps({key: 0}).split('=')[0].strip()} = {{ {inner} }}")
        else:
            lines.append(tomli_w.dumps({key: value}).rstrip("\n"))
    return "\n".join(lines) + "\n"


def append_source(path: str | Path, entry: dict[str, Any]) -> Source:
    """Append one ``[[source]]`` table to the file at `path` (created if absent).

    The entry is validated together with the sources already in the file, so
    a bad or duplicate source is refused before anything is written. The file
    is appended to, never rewritten, so its comments and layout survive.
    """
    path = Path(path)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    entry = {key: value for key, value in entry.items() if value is not None}
    block = _table_block(entry)
    separator = "" if not existing or existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
    updated = existing + separator + block
    sources = parse_sources(updated, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(separator + block)
    return sources[-1]
