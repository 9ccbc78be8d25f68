"""Checks for the `regwatch extract --jsonl` output contract (shared/spec/events.md).

Imported by the CLI and extractor tests; each check fails with a message
that names the field and the document, so a broken line is easy to find.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

EVENT_TYPES = {
    "order", "rule", "designation", "lawsuit", "ruling", "investigation", "penalty", "suspension",
    "legislation", "meeting", "launch",
}  # fmt: skip
DATE_SHAPES = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
ENTITY_KEYS = {"text", "label", "canonical", "start", "end"}
EVENT_KEYS = {"type", "date", "date_precision", "agent", "target", "attrs", "evidence", "start", "end", "confidence"}


def _check_date(where: str, date: Any, precision: Any) -> None:
    assert precision in ("day", "month", "year", "unknown"), f"{where}: date_precision {precision!r}"
    if precision == "unknown":
        assert date is None, f"{where}: unknown precision but date {date!r}"
        return
    assert isinstance(date, str) and re.fullmatch(DATE_SHAPES[precision], date), (
        f"{where}: date {date!r} is not cut to {precision} precision"
    )
    year, month, day = (date.split("-") + ["01", "01"])[:3]
    dt.date(int(year), int(month), int(day))  # a real calendar date


def _check_role(where: str, fillers: Any) -> None:
    assert isinstance(fillers, list), f"{where} is not a list"
    for filler in fillers:
        assert isinstance(filler, dict), f"{where}: {filler!r} is not an object"
        assert isinstance(filler.get("text"), str) and filler["text"].strip(), (
            f"{where}: filler without text {filler!r}"
        )
        assert "canonical" in filler, f"{where}: filler without canonical {filler!r}"
        assert filler["canonical"] is None or (isinstance(filler["canonical"], str) and filler["canonical"]), where


def check_result(payload: dict[str, Any], text: str) -> None:
    """Assert that one output line honours the contract for the input `text`."""
    ident = payload.get("id")
    assert set(payload) >= {"id", "entities", "events"}, f"{ident}: keys {sorted(payload)}"
    assert "error" not in payload, f"{ident}: unexpected error {payload.get('error')!r}"
    assert isinstance(payload["entities"], list) and isinstance(payload["events"], list)
    for entity in payload["entities"]:
        where = f"{ident} entity {entity.get('text')!r}"
        assert set(entity) >= ENTITY_KEYS, f"{where}: keys {sorted(entity)}"
        start, end = entity["start"], entity["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text), (
            f"{where}: {start}-{end}"
        )
        assert entity["text"] == text[start:end], f"{where}: text is not text[{start}:{end}] = {text[start:end]!r}"
        assert isinstance(entity["label"], str) and entity["label"], where
        assert entity["canonical"] is None or isinstance(entity["canonical"], str), where
    for number, event in enumerate(payload["events"]):
        where = f"{ident} event {number} ({event.get('type')})"
        assert set(event) >= EVENT_KEYS, f"{where}: keys {sorted(event)}"
        assert event["type"] in EVENT_TYPES, f"{where}: type {event['type']!r}"
        _check_date(where, event["date"], event["date_precision"])
        _check_role(f"{where} agent", event["agent"])
        _check_role(f"{where} target", event["target"])
        assert isinstance(event["attrs"], dict), f"{where}: attrs {event['attrs']!r}"
        for key, value in event["attrs"].items():
            assert isinstance(key, str) and isinstance(value, str), f"{where}: attr {key!r}={value!r}"
        start, end = event["start"], event["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text), (
            f"{where}: {start}-{end}"
        )
        assert event["evidence"] == text[start:end], f"{where}: evidence is not text[{start}:{end}]"
        assert event["evidence"].strip(), f"{where}: empty evidence"
        confidence = event["confidence"]
        assert isinstance(confidence, int | float) and 0.0 <= confidence <= 1.0, f"{where}: confidence {confidence!r}"
