"""Turning stored rows into what the pages show, with feed text kept inert.

Everything from a feed (titles, evidence, entity names first met in text,
error messages) is untrusted. The rules: plain text goes to `st.text` or
`st.dataframe`; the few places that need markup (headlines, highlighted
evidence, search snippets) build it here from `html.escape`d pieces and our
own fixed tags, and go to `st.html`; labels that Streamlit renders as
Markdown (page links) go through `md_label`; links are shown only when
`safe_url` accepts them. Pure functions, so the tests can check each rule.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import altair as alt
import pandas as pd

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# Every ASCII punctuation character can be backslash-escaped in CommonMark,
# which makes it literal; that covers links, images, emphasis, HTML and
# Streamlit's own :color[...] and :material/...: directives.
_MD_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")

ENTITY_STYLE = "background:#dbeafe;border-radius:3px;padding:0 2px"
TRIGGER_STYLE = "background:#fde68a;border-radius:3px;padding:0 2px;font-weight:600"


def safe_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) link with a host, else None.

    `javascript:`, `data:`, `vbscript:`, relative and protocol-relative links
    are dropped, as are links with whitespace or control characters, which
    browsers strip before reading the scheme.
    """
    if not url or not isinstance(url, str) or len(url) > 4096:
        return None
    if any(ch.isspace() for ch in url) or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def plain(text: Any, *, limit: int | None = None) -> str:
    """One line of text with control characters and runs of whitespace collapsed."""
    value = _CONTROL.sub(" ", "" if text is None else str(text))
    value = " ".join(value.split())
    if limit and len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return value


def md_label(text: Any, *, limit: int = 90) -> str:
    """Text for a label Streamlit renders as Markdown, made literal by escaping every punctuation mark."""
    return _MD_PUNCT.sub(r"\\\1", plain(text, limit=limit))


def heading_html(text: Any, *, level: int = 2) -> str:
    """A headline from feed text, for `st.html`."""
    return f"<h{level} style='margin:0 0 .3rem 0'>{html.escape(plain(text) or '(untitled)')}</h{level}>"


def highlight_html(text: str, marks: list[dict[str, Any]]) -> str:
    """`text` escaped, with entity and trigger spans wrapped in <mark>, for `st.html`.

    `marks` are {"start", "end", "kind"} offsets into `text`; a mark that
    overlaps one already placed is skipped rather than nested. Only the
    slices of `text` are escaped and only our own tags are added, so
    nothing in the text can become markup.
    """
    pieces: list[str] = []
    cursor = 0
    for mark in sorted(marks, key=lambda m: (m["start"], m.get("kind") != "trigger")):
        start, end = int(mark["start"]), int(mark["end"])
        if start < cursor or end <= start or end > len(text):
            continue
        style = TRIGGER_STYLE if mark.get("kind") == "trigger" else ENTITY_STYLE
        pieces.append(html.escape(text[cursor:start]))
        pieces.append(f"<mark style='{style}'>{html.escape(text[start:end])}</mark>")
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    body = "".join(pieces).replace("\n", " ")
    return f"<blockquote style='margin:0;padding:.4rem .8rem;border-left:3px solid #94a3b8'>{body}</blockquote>"


def snippet_html(snippet: str | None, start: str = "\x02", end: str = "\x03") -> str:
    """A search snippet escaped first, then its match markers turned into <mark>."""
    escaped = html.escape(plain((snippet or "").replace(start, "\ue000").replace(end, "\ue001")))
    return escaped.replace("\ue000", f"<mark style='{TRIGGER_STYLE}'>").replace("\ue001", "</mark>")


def search_result_html(row: dict[str, Any]) -> str:
    """One search hit: escaped headline, source line, link (http(s) only) and highlighted snippet."""
    meta = " · ".join(plain(v) for v in (row.get("source"), (row.get("published") or "")[:10]) if v)
    url = safe_url(row.get("url"))
    link = (
        f" · <a href='{html.escape(url, quote=True)}' target='_blank' rel='noopener noreferrer nofollow'>report</a>"
        if url
        else ""
    )
    return (
        f"{heading_html(row.get('title'), level=4)}"
        f"<div style='color:#64748b;font-size:.85rem'>{html.escape(meta)}{link}</div>"
        f"<div style='margin-top:.3rem'>{snippet_html(row.get('snippet'))}</div>"
    )


def describe_date(value: str | None, precision: str | None) -> str:
    if not value:
        return "undated"
    return value if precision in (None, "day", "unknown") else f"{value} ({precision})"


def items_frame(rows: list[dict[str, Any]], kind: str) -> pd.DataFrame:
    """The list under a chart: one row per event or story, links validated."""
    if kind == "stories":
        columns = ["date", "type", "title", "reports", "id"]
        frame = pd.DataFrame(
            [
                {"date": describe_date(r["date"], r["date_precision"]), "type": r["type"], "title": plain(r["title"]),
                 "reports": r["reports"], "id": r["id"]}
                for r in rows
            ],
            columns=columns,
        )  # fmt: skip
        return frame
    columns = ["date", "type", "title", "source", "link", "id"]
    return pd.DataFrame(
        [
            {"date": describe_date(r["date"], r["date_precision"]), "type": r["type"], "title": plain(r["title"]),
             "source": r["source"], "link": safe_url(r["url"]), "id": r["id"]}
            for r in rows
        ],
        columns=columns,
    )  # fmt: skip


def period_range(value: Any, granularity: str) -> tuple[date, date] | None:
    """The first and last day of the week or month a chart bar stands for."""
    if isinstance(value, int | float):
        start = datetime.fromtimestamp(value / 1000, UTC).date()
    else:
        try:
            start = date.fromisoformat(str(value)[:10])
        except ValueError:
            return None
    if granularity == "week":
        return start, start + timedelta(days=6)
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start.replace(day=1), following - timedelta(days=1)


def timeline_chart(result: dict[str, Any], *, height: int = 320) -> alt.Chart:
    """Items as dots on one row per type, or stacked counts per week or month.

    Tooltips carry only dates, types, sources and counts: no feed text
    reaches the chart.
    """
    frame = pd.DataFrame(result["points"])
    if result["granularity"] == "item":
        pick = alt.selection_point(name="pick", fields=["id"], on="click")
        tooltip = [
            alt.Tooltip("date:N", title="date"),
            alt.Tooltip("date_precision:N", title="precision"),
            alt.Tooltip("type:N"),
        ]
        if "source" in frame:
            tooltip.append(alt.Tooltip("source:N"))
        return (
            alt.Chart(frame)
            .mark_circle(size=90, opacity=0.8)
            .encode(
                x=alt.X("date_sort:T", title=None),
                y=alt.Y("type:N", title=None),
                color=alt.Color("type:N", legend=None, scale=alt.Scale(scheme="tableau20")),
                tooltip=tooltip,
            )
            .add_params(pick)
            .properties(height=max(160, min(height, 28 * frame["type"].nunique() + 60)))
        )
    pick = alt.selection_point(name="pick", fields=["period"], on="click")
    unit = "yearweek" if result["granularity"] == "week" else "yearmonth"
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("period:T", timeUnit=unit, title=None),
            y=alt.Y("sum(n):Q", title=f"per {result['granularity']}"),
            color=alt.Color("type:N", title="type", scale=alt.Scale(scheme="tableau20")),
            tooltip=[alt.Tooltip("period:T", timeUnit=unit, title=result["granularity"]), "type:N", "sum(n):Q"],
        )
        .add_params(pick)
        .properties(height=height)
    )
