"""Timeline (home): stories, or events until stories exist, over time by type."""

from __future__ import annotations

import streamlit as st

from app import data, ui
from app.render import period_range, timeline_chart
from store.queries import TEXT_DOCUMENT_LIMIT


def _on_chart_select() -> None:
    """Chart clicks: a dot opens its item; a bar narrows the date filter to its week or month.

    Runs as a widget callback, before the script, which is the only moment
    the date widget's state may be set.
    """
    state = st.session_state.get("tl_chart") or {}
    picked = (state.get("selection") or {}).get("pick") or []
    if not picked:
        return
    choice = picked[0]
    if "id" in choice:
        st.session_state["tl_open"] = choice["id"]
    elif "period" in choice:
        span = period_range(choice["period"], st.session_state.get("tl_granularity", "month"))
        if span:
            st.session_state["tl_range"] = span


path, version, overview = ui.require_store("Nothing to draw yet.")
kind = overview["mode"]
if "tl_open" in st.session_state:
    ui.open_item(kind, st.session_state.pop("tl_open"))

st.title("Timeline")
filters = ui.filter_controls("tl", path, version)
try:
    result = data.timeline(path, version, filters, kind)
    newest = data.items(path, version, filters, kind, True)
    undated = data.items(path, version, filters, kind, False, 200) if result["undated"] else []
except ui.QUERY_ERRORS as exc:
    ui.query_failed(exc)

things = ui.noun(kind)
left, middle, right, far = st.columns(4)
left.metric(f"Dated {things}", f"{result['total']:,}")
middle.metric(f"Undated {things}", f"{result['undated']:,}")
right.metric("Documents", f"{overview['documents']:,}")
far.metric("Sources", f"{overview['sources']:,}")
if kind == "events":
    st.caption("Stories are not built yet, so each report's events are shown one by one.")
if result["text_matches"] > TEXT_DOCUMENT_LIMIT:
    st.caption(
        f"Those words are in {result['text_matches']:,} documents; only the {TEXT_DOCUMENT_LIMIT:,} stored most "
        "recently are counted. Add words to narrow the search."
    )

if result["total"] == 0 and result["undated"] == 0:
    st.info(f"No {things} match these filters.")
    st.stop()

if result["total"]:
    st.session_state["tl_granularity"] = result["granularity"]
    st.altair_chart(
        timeline_chart(result),
        key="tl_chart",
        on_select=_on_chart_select,
        selection_mode=["pick"],
        width="stretch",
    )
    if result["granularity"] == "item":
        st.caption(f"One dot per {ui.noun(kind, 1)}; click one to open it.")
    else:
        st.caption(
            f"{result['total']:,} {things}: too many to draw one by one, so they are counted per "
            f"{result['granularity']}. Click a bar to narrow the dates to it."
        )

    st.subheader(f"Newest {things}")
    ui.item_table(newest, kind, "tl_table")
    st.caption(f"Select a row to open the {ui.noun(kind, 1)}. Up to 500 are listed; narrow the filters to see others.")

if undated:
    st.subheader(f"Undated {things} ({result['undated']:,})")
    st.caption("No date could be read for these; they are listed apart, newest stored first, not placed on the chart.")
    ui.item_table(undated, kind, "tl_undated")
