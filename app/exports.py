"""CSV and iCalendar files of events or stories, for the export page.

Both formats are written here rather than by a library: CSV needs one rule
on top of the `csv` module (cells a spreadsheet would run as a formula are
made literal) and iCalendar needs RFC 5545's text escaping and line folding,
which are a few lines each.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.render import describe_date, safe_url

# OWASP "CSV injection": a cell starting with one of these is a formula to
# Excel and LibreOffice, and feed titles are attacker-controlled.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ICS_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    """Rows as UTF-8 CSV with a header; formula-like text cells are prefixed with a quote."""
    out = io.StringIO(newline="")
    columns = list(rows[0].keys()) if rows else ["id"]
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(column)) for column in columns])
    return out.getvalue().encode("utf-8")


def ics_text(value: Any) -> str:
    """A TEXT property value per RFC 5545 §3.3.11: backslash, semicolon, comma and newlines escaped."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ICS_CONTROL.sub(" ", text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into 75-octet pieces (RFC 5545 §3.1), never splitting a UTF-8 character."""
    pieces: list[str] = []
    current, size, limit = [], 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _span(date_sort: str, precision: str | None) -> tuple[date, date]:
    """All-day DTSTART and (exclusive) DTEND covering what the date is known to: a day, month or year."""
    start = date.fromisoformat(date_sort[:10])
    if precision == "year":
        return start.replace(month=1, day=1), date(start.year + 1, 1, 1)
    if precision == "month":
        first = start.replace(day=1)
        return first, date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return start, start + timedelta(days=1)


def to_ics(rows: Iterable[dict[str, Any]], *, kind: str = "events", now: datetime | None = None) -> bytes:
    """Dated rows as an iCalendar file of all-day VEVENTs; undated rows are left out.

    Each row needs id, type, date, date_precision, title, and for events
    source, url and evidence. Month and year dates span the month or year.
    """
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//regwatch//dashboard export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_text('regwatch ' + kind)}",
    ]
    for row in rows:
        when = row.get("date")
        if not when:
            continue
        sort = when if len(when) == 10 else (when + "-01-01")[:10] if len(when) == 4 else when + "-01"
        try:
            start, end = _span(sort, row.get("date_precision"))
        except ValueError:
            continue
        description = [describe_date(when, row.get("date_precision"))]
        if row.get("evidence"):
            description.append(row["evidence"])
        if row.get("source"):
            description.append(f"Source: {row['source']}")
        if row.get("reports") is not None:
            description.append(f"Reports: {row['reports']}")
        url = safe_url(row.get("url"))
        if url:
            description.append(url)
        summary = f"{row.get('type')}: {row.get('title') or ''}".strip()
        lines += [
            "BEGIN:VEVENT",
            f"UID:{ics_text(row['id'])}@regwatch",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{ics_text(summary)}",
            f"DESCRIPTION:{ics_text(chr(10).join(description))}",
            f"CATEGORIES:{ics_text(row.get('type'))}",
        ]
        if url:
            lines.append(f"URL:{url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
