"""The small store the dashboard tests (AppTest and browser) run on, built through `store.db`.

Four reports: two of one designation (one story, two sources), a fine whose
title is `<img src=x onerror=alert(1)>Rule` and whose link is
`javascript:alert(1)`, and an undated lawsuit whose title is Markdown.
"""

from __future__ import annotations

from pathlib import Path

from ingest.records import Document
from nlp.records import DocResult, EntityRef, Event, Mention
from store import db as store
from store.db import FetchOutcome

EVIL_TITLE = "<img src=x onerror=alert(1)>Rule"
MD_TITLE = "[Click](http://evil) **now**"

COMMERCE = ("agency:us-commerce", "U.S. Department of Commerce", "AGENCY")
TREASURY = ("agency:us-treasury", "U.S. Department of the Treasury", "AGENCY")
ACME = ("org:acme", "Acme Corp", "ORG")
EVIL = ("org:evil-co", "Evil Co", "ORG")
ENTITY_LIST = ("list:entity-list", "Entity List", "LIST")


def mention(text: str, surface: str, entity: tuple[str, str, str]) -> Mention:
    start = text.index(surface)
    return Mention(surface, entity[2], start, start + len(surface), entity[1], entity[0])


def ref(surface: str, entity: tuple[str, str, str]) -> EntityRef:
    return EntityRef(surface, entity[1], entity[0], entity[2])


def event(text: str, sentence: str, kind: str, date: str | None, precision: str, trigger: str, **roles) -> Event:
    start = text.index(sentence)
    return Event(
        type=kind, date=date, date_precision=precision, evidence=sentence, start=start, end=start + len(sentence),
        agent=roles.get("agent", []), target=roles.get("target", []), attr_entities=roles.get("attr_entities", {}),
        confidence=0.8, trigger=trigger,
    )  # fmt: skip


def build_store(path: str, *, stories: bool) -> None:
    """Create the store at `path`; with `stories`, run story resolution on it too."""
    db = store.open_db(path)
    store.upsert_source(db, {"name": "gov-feed", "kind": "rss", "url": "https://gov.example/feed", "title": "Gov"})
    store.upsert_source(db, {"name": "news-feed", "kind": "rss", "url": "https://news.example/rss"})
    store.upsert_source(db, {"name": "broken-feed", "kind": "rss", "url": "https://broken.example/rss"})
    store.record_fetch(db, FetchOutcome("gov-feed", status=200, new=3))
    store.record_fetch(db, FetchOutcome("news-feed", status=200, new=1))
    for _ in range(3):
        store.record_fetch(db, FetchOutcome("broken-feed", status=503, error_kind="http_error", error="HTTP 503"))

    text_a = "On March 2, 2026 the Commerce Department added Acme Corp to the Entity List for export violations."
    text_b = "Commerce Department added Acme Corp to the Entity List, the department said on March 2, 2026."
    text_c = "<img src=x onerror=alert(1)> The Treasury fined Evil Co $5 million [Click](http://evil) on April 1, 2026."
    text_d = "Acme Corp sued the Commerce Department over its listing, a filing shows."
    docs = [
        Document(id="gov-feed:a", source="gov-feed", text=text_a, title="Commerce adds Acme Corp to the Entity List",
                 url="https://gov.example/a", published="2026-03-02T12:00:00+00:00"),
        Document(id="news-feed:b", source="news-feed", text=text_b, title="Acme blacklisted by Commerce",
                 url="https://news.example/b", published="2026-03-03T08:00:00+00:00"),
        Document(id="gov-feed:c", source="gov-feed", text=text_c, title=EVIL_TITLE, url="javascript:alert(1)",
                 published="2026-04-01T12:00:00+00:00"),
        Document(id="gov-feed:d", source="gov-feed", text=text_d, title=MD_TITLE, url="https://gov.example/d",
                 published="2026-05-01T12:00:00+00:00"),
    ]  # fmt: skip
    store.upsert_documents(db, docs)
    results = {
        "gov-feed:a": DocResult(
            "gov-feed:a",
            entities=[mention(text_a, "Commerce Department", COMMERCE), mention(text_a, "Acme Corp", ACME),
                      mention(text_a, "Entity List", ENTITY_LIST)],
            events=[event(text_a, text_a, "designation", "2026-03-02", "day", "added",
                           agent=[ref("Commerce Department", COMMERCE)], target=[ref("Acme Corp", ACME)],
                           attr_entities={"list": ref("Entity List", ENTITY_LIST)})],
        ),
        "news-feed:b": DocResult(
            "news-feed:b",
            entities=[mention(text_b, "Commerce Department", COMMERCE), mention(text_b, "Acme Corp", ACME)],
            events=[event(text_b, text_b, "designation", "2026-03-02", "day", "added",
                           agent=[ref("Commerce Department", COMMERCE)], target=[ref("Acme Corp", ACME)])],
        ),
        "gov-feed:c": DocResult(
            "gov-feed:c",
            entities=[mention(text_c, "Treasury", TREASURY), mention(text_c, "Evil Co", EVIL)],
            events=[event(text_c, text_c, "penalty", "2026-04-01", "day", "fined",
                           agent=[ref("Treasury", TREASURY)], target=[ref("Evil Co", EVIL)])],
        ),
        "gov-feed:d": DocResult(
            "gov-feed:d",
            entities=[mention(text_d, "Acme Corp", ACME), mention(text_d, "Commerce Department", COMMERCE)],
            events=[event(text_d, text_d, "lawsuit", None, "unknown", "sued",
                           agent=[ref("Acme Corp", ACME)], target=[ref("Commerce Department", COMMERCE)])],
        ),
    }  # fmt: skip
    for doc_id, result in results.items():
        store.replace_results(db, doc_id, result, "test-1")
    if stories:
        from store.stories import resolve_document

        for doc in docs:
            resolve_document(db, doc.id)
    db.close()


ENTRYPOINT = str(Path(__file__).resolve().parent.parent / "app" / "streamlit_app.py")


def clear_streamlit_caches() -> None:
    """Streamlit's caches are process-wide: one test's store must never answer another's."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


def store_for_dashboard(path: str, monkeypatch, *, stories: bool) -> str:
    """Build the fixture store at `path` and point the dashboard at it (`REGWATCH_DB`)."""
    build_store(path, stories=stories)
    monkeypatch.setenv("REGWATCH_DB", path)
    return path
