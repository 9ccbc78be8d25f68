"""What the extraction tests share: one text's events and entities, and the names that fill a role."""

from __future__ import annotations

from nlp.pipeline import DocInput


def events_of(extractor, text: str, published: str = "2026-11-17", title: str | None = None) -> list:
    return extractor.extract(DocInput("t", text, published, title=title)).events


def entities_of(extractor, text: str, published: str = "2026-05-04") -> dict[str, tuple[str, str]]:
    """Each mention's words, with the type and canonical name it was linked to."""
    found = extractor.extract(DocInput("t", text, published)).entities
    return {m.text: (m.label, m.canonical) for m in found}


def names(refs) -> set[str]:
    return {r.canonical or r.text for r in refs}


def of_type(events, kind: str) -> list:
    return [e for e in events if e.type == kind]
