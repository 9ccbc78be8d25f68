"""Every file of feedparser's own test corpus through parse -> normalise -> store.

The corpus (about 2,100 well-formed, ill-formed, encoding and entity cases)
lives beside the repository in ../shared/corpora/feedparser-tests and is
never copied into it. Each file must either be refused with a named
FeedFormatError or give documents whose fields are strings, whose links are
http(s), and whose kept HTML carries no script, event handler or
javascript: link (the `sanitize/` folder is an XSS corpus in itself).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest import parse_feed
from ingest.normalize import to_document
from store import db as store

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "feedparser-tests"
FOLDERS = ["wellformed", "illformed", "encoding", "entities", "json"]
_HEADER = re.compile(rb"^Header:\s*([A-Za-z0-9-]+):\s*(.*?)\s*$", re.MULTILINE)
_UNSAFE_HTML = re.compile(r"<script|<iframe|<object|<embed|\son\w+\s*=|javascript:|vbscript:|data:text", re.IGNORECASE)


def corpus_files(folder: str) -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"feedparser's test corpus is absent: expected it at {CORPUS} (../shared/corpora/feedparser-tests)")
    return sorted(p for p in (CORPUS / folder).rglob("*") if p.is_file() and p.suffix in (".xml", ".json"))


def declared_headers(body: bytes) -> dict[str, str]:
    """The `Header:` lines of the leading comment, replayed as response headers (as feedparser's runner does)."""
    head = body[:2000]
    return {name.decode().lower(): value.decode("latin-1") for name, value in _HEADER.findall(head)}


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_corpus_file_ingests_without_crashing(fresh_db, folder):
    files = corpus_files(folder)
    assert files, f"no files under {CORPUS / folder}"
    store.upsert_source(fresh_db, {"name": "corpus", "kind": "rss"})
    problems: list[str] = []
    refused = stored = 0
    for path in files:
        relative = path.relative_to(CORPUS).as_posix()
        body = path.read_bytes()
        base = f"http://127.0.0.1:8097/{relative}"
        try:
            parsed = parse_feed.parse(body, declared_headers(body), base_url=base)
        except parse_feed.FeedFormatError:
            refused += 1
            continue
        except Exception as exc:  # the point of the test: report every crash, not only the first
            problems.append(f"{relative}: parse raised {type(exc).__name__}: {exc}")
            continue
        try:
            documents = [to_document("corpus", item, base_url=base) for item in parsed.items]
            store.upsert_documents(fresh_db, documents)
        except Exception as exc:
            problems.append(f"{relative}: normalise/store raised {type(exc).__name__}: {exc}")
            continue
        for doc in documents:
            stored += 1
            for name in ("id", "text", "title", "url", "guid", "published", "html"):
                value = getattr(doc, name)
                if value is not None and not isinstance(value, str):
                    problems.append(f"{relative}: {name} is {type(value).__name__}")
            if doc.url is not None and not doc.url.startswith(("http://", "https://")):
                problems.append(f"{relative}: unsafe url {doc.url!r}")
            if doc.html and _UNSAFE_HTML.search(doc.html):
                problems.append(f"{relative}: unsafe html {_UNSAFE_HTML.search(doc.html).group(0)!r}")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])
    assert stored + refused > 0
    assert fresh_db.execute("SELECT count(*) FROM documents").fetchone()[0] > 0 or folder in ("illformed", "json")
