"""Export the filtered events (or stories) as CSV and as an iCalendar file."""

from __future__ import annotations

import streamlit as st

from app import data, ui
from app.render import describe_date, plain

path, version, overview = ui.require_store("There is nothing to export yet.")
st.title("Export")
kind = overview["mode"]
if kind == "stories":
    kind = st.radio("Export", ["stories", "events"], horizontal=True, key="ex_kind")
filters = ui.filter_controls("ex", path, version)
try:
    exported = data.export(path, version, filters, kind)
except ui.QUERY_ERRORS as exc:
    ui.query_failed(exc)

rows = exported["rows"]
if not rows:
    st.info(f"No {ui.noun(kind)} match these filters.")
    st.stop()
st.metric(f"{ui.noun(kind).capitalize()} to export", f"{len(rows):,}")
if exported["capped"]:
    st.warning(f"Only the first {len(rows):,} are exported; narrow the filters to get the rest.")
left, right = st.columns(2)
left.download_button(
    "Download CSV", exported["csv"], file_name=f"regwatch-{kind}.csv", mime="text/csv", key="ex_csv",
    icon=":material/table:", on_click="ignore",
)  # fmt: skip
right.download_button(
    "Download iCalendar (.ics)", exported["ics"], file_name=f"regwatch-{kind}.ics", mime="text/calendar",
    key="ex_ics", icon=":material/calendar_month:", on_click="ignore",
)  # fmt: skip
if exported["undated"]:
    st.caption(f"{exported['undated']:,} undated {ui.noun(kind)} are in the CSV but not in the calendar.")
st.subheader("Preview")
preview = [
    {"date": describe_date(r["date"], r["date_precision"]), "type": r["type"], "title": plain(r["title"]),
     **({"source": r["source"], "agent": plain(r["agent"]), "target": plain(r["target"])} if kind == "events"
        else {"reports": r["reports"], "participants": plain(r["participants"])})}
    for r in rows[:200]
]  # fmt: skip
st.dataframe(preview, hide_index=True, width="stretch")
