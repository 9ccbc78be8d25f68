"""Every custom attribute regwatch puts on spaCy objects, declared in one place.

Registering is idempotent (the `has_extension` guard), so building the
pipeline twice in one process (a second test, a Streamlit rerun) is safe.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPAN_EXTENSIONS = {
    # the linked entity's stable id ("agency:us-dod"), canonical name and type
    "entity_id": None,
    "canonical": None,
    "entity_type": None,
}
DOC_EXTENSIONS = {
    # event candidates found in this text by the regwatch_events component
    "event_candidates": None,
}


def register() -> None:
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
