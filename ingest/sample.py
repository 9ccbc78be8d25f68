"""The bundled offline corpus: real service formats read from files.

`data/sample/sources.toml` lists each sample source with the file holding
what that service would have answered. Loading runs the same parsers as a
live poll, so the demo exercises the real code path minus the network.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest import parse_courtlistener, parse_federal_register, parse_feed
from ingest.normalize import RawItem, to_document
from ingest.records import Document

DEFAULT_SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"


@dataclass
class SampleSource:
    name: str
    kind: str
    file: Path
    url: str | None
    title: str | None
    doc_kind: str

    def as_config(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "url": self.url,
            "title": self.title,
            "doc_kind": self.doc_kind,
            "params": {"sample_file": str(self.file.name)},
        }


def sample_sources(sample_dir: Path = DEFAULT_SAMPLE_DIR) -> list[SampleSource]:
    config = tomllib.loads((sample_dir / "sources.toml").read_text(encoding="utf-8"))
    sources = []
    for entry in config.get("source", []):
        sources.append(
            SampleSource(
                name=entry["name"],
                kind=entry["kind"],
                file=sample_dir / entry["file"],
                url=entry.get("url"),
                title=entry.get("title"),
                doc_kind=entry.get("doc_kind", "news"),
            )
        )
    return sources


def _federal_register_items(path: Path) -> list[RawItem]:
    data = json.loads(path.read_bytes())
    # The public-inspection envelope carries filing timestamps the search lacks.
    if "special_filings_updated_at" in data or "regular_filings_updated_at" in data:
        items = parse_federal_register.parse_public_inspection(data)
    else:
        items = parse_federal_register.parse_search(data).items
    raw_dir = path.parent / "raw"
    full = []
    for item in items:
        raw_file = raw_dir / f"{item.metadata['document_number']}.txt"
        if raw_file.exists():
            item = parse_federal_register.with_full_text(item, raw_file.read_text(encoding="utf-8"))
        full.append(item)
    return full


def read_source(source: SampleSource) -> list[Document]:
    """Parse one sample source's file into documents, as a live poll would."""
    if source.kind in ("rss", "atom"):
        parsed = parse_feed.parse(source.file.read_bytes(), {}, base_url=source.url)
        items = parsed.items
    elif source.kind == "federal_register":
        items = _federal_register_items(source.file)
    elif source.kind == "courtlistener":
        items = parse_courtlistener.parse_search(source.file.read_bytes()).items
    else:
        raise ValueError(f"sample source {source.name}: unknown kind {source.kind!r}")
    return [to_document(source.name, item, kind=source.doc_kind, base_url=source.url) for item in items]
