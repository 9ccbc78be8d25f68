"""Documents an analyst loads by hand: `.txt`, `.html` and `.jsonl` files.

Each bad input (missing, empty, binary, undecodable, a JSONL line that is
not JSON or has no text, a date that does not parse) becomes one
`InputError` naming the file and line; the other inputs still load.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import trafilatura

from ingest.normalize import RawItem, html_to_text, to_document
from ingest.records import Document

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


@dataclass(frozen=True)
class InputError:
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class BadDate(ValueError):
    pass


def parse_published(value: object) -> str | None:
    """An ISO date or date-time, stored as a UTC ISO string; None when absent."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadDate(f"published date {value!r} is not a string")
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise BadDate(f"published date {value!r} does not parse (expected YYYY-MM-DD or ISO 8601)") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).replace(microsecond=0).isoformat()


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("file is empty")
    if b"\x00" in data[:8192]:
        raise ValueError("file looks binary (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"file is not valid UTF-8 (byte {exc.start}): re-save it as UTF-8") from None


def _file_key(path: Path) -> str:
    """A file's identity: its resolved path, so same-named files in two folders stay two documents."""
    return str(path.resolve())


def _html_document(path: Path, raw: str, source: str, published: str | None) -> Document:
    extracted = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    title = getattr(extracted, "title", None) if extracted is not None else None
    if not text:
        text = html_to_text(raw)
    item = RawItem(guid=_file_key(path), title=title, published=published, text=text, metadata={"file": str(path)})
    return to_document(source, item, kind="news")


def _jsonl_documents(
    path: Path, raw: str, source: str, published: str | None, errors: list[InputError]
) -> list[Document]:
    docs = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(InputError(str(path), f"not JSON: {exc.msg}", number))
            continue
        if not isinstance(row, dict):
            errors.append(InputError(str(path), "line is not a JSON object", number))
            continue
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            errors.append(InputError(str(path), "missing or empty 'text'", number))
            continue
        try:
            when = parse_published(row.get("published")) or published
        except BadDate as exc:
            errors.append(InputError(str(path), str(exc), number))
            continue
        key = str(row.get("id") or f"{_file_key(path)}:{number}")
        item = RawItem(
            guid=key,
            title=row.get("title"),
            url=row.get("url"),
            published=when,
            text=text,
            metadata={"file": str(path), "line": number},
        )
        docs.append(to_document(source, item, kind=row.get("kind") or "news"))
    return docs


def read_files(
    paths: Iterable[str | Path], *, published: str | None = None, source: str = "local"
) -> tuple[list[Document], list[InputError]]:
    """Read local files into documents, collecting one error per bad input."""
    documents: list[Document] = []
    errors: list[InputError] = []
    try:
        default_published = parse_published(published)
    except BadDate as exc:
        return [], [InputError("--published", str(exc))]
    for given in paths:
        path = Path(given)
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
            sub_docs, sub_errors = read_files(children, published=published, source=source)
            documents += sub_docs
            errors += sub_errors
            continue
        if not path.exists():
            errors.append(InputError(str(path), "no such file"))
            continue
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            errors.append(
                InputError(str(path), f"unsupported file type {suffix or '(none)'}: use .txt, .html or .jsonl")
            )
            continue
        try:
            raw = _read_text(path)
        except (OSError, ValueError) as exc:
            errors.append(InputError(str(path), str(exc)))
            continue
        if suffix == ".jsonl":
            documents += _jsonl_documents(path, raw, source, default_published, errors)
        elif suffix in (".html", ".htm"):
            documents.append(_html_document(path, raw, source, default_published))
        else:
            item = RawItem(guid=_file_key(path), published=default_published, text=raw, metadata={"file": str(path)})
            documents.append(to_document(source, item, kind="news"))
    return documents, errors
