"""Source health: when each source was last fetched, whether it worked, and what it has given."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import data, ui
from app.render import plain, safe_url

path = data.db_path()
status = data.store_status(path)
if status != "empty":
    path, version, overview = ui.require_store("")
st.title("Sources")
if status == "empty":
    # Sources are configured before anything is fetched; show them even with no documents.
    version = data.store_version(path)
try:
    sources = data.sources_health(path, version)
except ui.QUERY_ERRORS as exc:
    ui.query_failed(exc)
if not sources:
    st.info("No sources are configured yet. Add them to data/sources.toml and run `regwatch ingest`.")
    st.stop()

failing = [s for s in sources if s["consecutive_failures"]]
cols = st.columns(4)
cols[0].metric("Sources", len(sources))
cols[1].metric("Failing", len(failing))
cols[2].metric("Documents", f"{sum(s['documents'] for s in sources):,}")
cols[3].metric("Events", f"{sum(s['events'] for s in sources):,}")
if failing:
    st.warning(
        f"{len(failing)} source(s) failed on their last fetch; after 3 failures in a row a source is skipped "
        "until `regwatch sources reset NAME`."
    )


def _state(source: dict) -> str:
    if source["consecutive_failures"]:
        return f"failing ×{source['consecutive_failures']}"
    if source["last_fetched_at"] is None:
        return "never fetched"
    return "warning" if source["warning"] else "ok"


frame = pd.DataFrame(
    [
        {
            "state": _state(s),
            "source": s["name"],
            "title": plain(s["title"]),
            "last fetch": (s["last_fetched_at"] or "")[:19].replace("T", " "),
            "status": s["last_status"],
            "error kind": s["last_error_kind"],
            "error": plain(s["last_error"] or s["warning"], limit=200),
            "documents": s["documents"],
            "events": s["events"],
            "newest document": (s["latest_document"] or "")[:10],
            "new last time": s["last_new"],
            "url": safe_url(s["url"]),
        }
        for s in sources
    ]
)
st.dataframe(
    frame,
    hide_index=True,
    width="stretch",
    column_config={
        "url": st.column_config.LinkColumn("feed", display_text="open ↗"),
        "status": st.column_config.NumberColumn("HTTP", format="%d"),
    },
)
st.caption("Failing sources are listed first. Times are UTC.")
