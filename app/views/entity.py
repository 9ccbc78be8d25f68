"""One entity (`?entity=ID`): its names, its timeline and the entities it appears with."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import data, ui
from app.render import heading_html, plain, timeline_chart
from store.queries import Filters


def _pick(path: str, version: tuple) -> None:
    st.title("Entity")
    text = st.text_input("Find an entity by name, alias or id", key="entity_q", placeholder="e.g. Commerce")
    found = data.find_entities(path, version, text) if text.strip() else data.filter_options(path, version)["entities"]
    if not found:
        st.info("No entity matches that name." if text.strip() else "No entities have been recognised yet.")
        return
    labels = {row["id"]: f"{plain(row['canonical'], limit=80)} ({row['type']})" for row in found}
    chosen = st.selectbox("Entity", list(labels), index=None, format_func=labels.get, key="entity_pick")
    if chosen:
        st.query_params["entity"] = chosen
        st.rerun()


path, version, overview = ui.require_store("No entities have been recognised yet.")
kind = overview["mode"]
entity_id = st.query_params.get("entity")
try:
    entity = data.entity_page(path, version, entity_id) if entity_id else None
    if entity is None:
        if entity_id:
            st.warning("No entity has that id.")
        _pick(path, version)
        st.stop()

    st.caption(f"{entity['type']} · {entity['id']}")
    st.html(heading_html(entity["canonical"]))
    if entity["aliases"]:
        st.text("Also written: " + "; ".join(plain(a, limit=80) for a in entity["aliases"][:40]))
    metrics = st.columns(4)
    metrics[0].metric("Events", f"{entity['events']:,}")
    for column, role in zip(metrics[1:], ("agent", "target"), strict=False):
        column.metric(f"As {role}", f"{entity['roles'].get(role, 0):,}")
    others = sum(n for role, n in entity["roles"].items() if role not in ("agent", "target"))
    metrics[3].metric("Other roles", f"{others:,}")
    st.page_link(ui.TIMELINE_PAGE, label="Show on the timeline", query_params={"entity": entity["id"]})

    filters = Filters(entity=entity["id"])
    result = data.timeline(path, version, filters, kind)
    st.subheader(f"Timeline of {ui.noun(kind)}")
    if result["total"]:
        st.altair_chart(timeline_chart(result, height=220), key="entity_chart", width="stretch")
    rows = data.items(path, version, filters, kind, True, 200)
    undated = data.items(path, version, filters, kind, False, 50) if result["undated"] else []
    if not rows and not undated:
        st.info(f"This entity fills no role in any {ui.noun(kind, 1)}; it is only mentioned.")
    listed = rows + undated
    if listed:
        ui.item_table(listed, kind, "entity_items")
        st.caption(f"Newest first, undated last. Select a row to open the {ui.noun(kind, 1)}.")

    st.subheader("Appears most often with")
    if entity["cooccurring"]:
        frame = pd.DataFrame(
            [
                {"entity": plain(r["canonical"]), "type": r["type"], "shared events": r["events"]}
                for r in entity["cooccurring"]
            ]
        )
        table = st.dataframe(
            frame,
            key=f"entity_cooc_{entity['id']}",
            on_select="rerun",
            selection_mode="single-row",
            hide_index=True,
            width="stretch",
        )
        if table and table.selection.rows:
            st.query_params["entity"] = entity["cooccurring"][table.selection.rows[0]]["id"]
            st.rerun()
        st.caption("Counted over up to 5,000 of its events. Select a row to open that entity.")
    else:
        st.caption("No other entity shares an event with this one.")
except ui.QUERY_ERRORS as exc:
    ui.query_failed(exc)
