"""The plain records the NLP stage produces for one document.

They serialise to exactly the `regwatch extract --jsonl` contract
(`../shared/spec/events.md`) and are what `store.db.replace_results` writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class EntityRef:
    """An entity filling a role: the words used and the entity they link to."""

    text: str
    canonical: str | None
    id: str | None = None
    type: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "canonical": self.canonical, "id": self.id}


@dataclass(frozen=True)
class Mention:
    """One linked entity mention, with character offsets into the input text."""

    text: str
    label: str
    start: int
    end: int
    canonical: str | None
    id: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "label": self.label,
            "canonical": self.canonical,
            "id": self.id,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Event:
    """One real-world happening the document says took place."""

    type: str
    date: str | None
    date_precision: str
    evidence: str
    start: int
    end: int
    agent: list[EntityRef] = field(default_factory=list)
    target: list[EntityRef] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    # Attributes that are themselves linked entities (instrument -> a law,
    # list -> a government list, court -> a court), kept for the store's
    # role table so entity pages can find events by their law or court.
    attr_entities: dict[str, EntityRef] = field(default_factory=dict)
    confidence: float = 0.5
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "date": self.date,
            "date_precision": self.date_precision,
            "agent": [ref.to_json() for ref in self.agent],
            "target": [ref.to_json() for ref in self.target],
            "attrs": dict(self.attrs),
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger,
        }


@dataclass
class DocResult:
    """Everything extracted from one document, or the reason it failed."""

    id: str
    entities: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        if self.error is not None:
            return {"id": self.id, "error": self.error}
        return {
            "id": self.id,
            "entities": [m.to_json() for m in self.entities],
            "events": [e.to_json() for e in self.events],
        }
