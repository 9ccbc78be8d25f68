"""Pieces several pages share: the store check, the filter sidebar and links between pages."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import streamlit as st

from app import data
from app.render import items_frame, md_label, plain
from store.queries import Filters, QueryTimeout

STORY_PAGE = "views/story.py"
ENTITY_PAGE = "views/entity.py"
TIMELINE_PAGE = "views/timeline.py"

_EMPTY_HINT = (
    "The store holds no documents yet. Build the sample store with `regwatch demo`, or add documents "
    "with `regwatch ingest --sample` (or `--files`) and then `regwatch process`."
)


def require_store(empty_message: str) -> tuple[str, tuple, dict[str, Any]]:
    """The path, version and headline counts of a usable store; otherwise a message and `st.stop()`."""
    path = data.db_path()
    status = data.store_status(path)
    if status == "missing":
        st.warning(
            "There is no regwatch database (or none that can be read) at this path. "
            "Create one with `regwatch demo` or `regwatch init`."
        )
        st.text(path)
        st.stop()
    if status == "outdated":
        st.warning("This database predates the dashboard's tables. Run `regwatch init` on it once, then reload.")
        st.text(path)
        st.stop()
    if status == "empty":
        st.info(f"{empty_message} {_EMPTY_HINT}")
        st.stop()
    version = data.store_version(path)
    return path, version, data.overview(path, version)


# What a page catches around its queries: anything else is a bug and should show as one.
QUERY_ERRORS = (QueryTimeout, sqlite3.Error)


def query_failed(exc: Exception) -> None:
    """A query that ran out of time (or could not run) becomes a message and stops the page."""
    if isinstance(exc, QueryTimeout):
        st.warning("That query took too long and was stopped. Narrow the filters (dates, type or source) and retry.")
    else:
        st.error("That query could not be run on this database.")
    st.stop()


def noun(kind: str, count: int | None = None) -> str:
    single = "story" if kind == "stories" else "event"
    if count is None or count != 1:
        return "stories" if kind == "stories" else "events"
    return single


def item_table(items: list[dict[str, Any]], kind: str, key: str) -> None:
    """A table of stories or events; selecting a row opens that item's page."""
    table = st.dataframe(
        items_frame(items, kind),
        key=key,
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        column_config={"link": st.column_config.LinkColumn("report", display_text="open ↗"), "id": None},
    )
    rows = table.selection.rows if table else []
    if rows:
        open_item(kind, items[rows[0]]["id"])


def open_item(kind: str, item_id: str) -> None:
    st.switch_page(STORY_PAGE, query_params={"story" if kind == "stories" else "event": item_id})


def entity_link(entity_id: str, label: Any) -> None:
    st.page_link(ENTITY_PAGE, label=md_label(label), query_params={"entity": entity_id}, icon=":material/person:")


def filter_controls(prefix: str, path: str, version: tuple) -> Filters:
    """The filter widgets in the sidebar (keys `<prefix>_range`, `_types`, `_entity`, `_agency`, `_source`, `_text`).

    An `entity` query parameter (the entity page's "show on timeline" link)
    preselects the entity filter.
    """
    options = data.filter_options(path, version)
    choices = {row["id"]: f"{plain(row['canonical'], limit=70)} ({row['type']})" for row in options["entities"]}
    linked = st.query_params.get("entity")
    if linked and linked not in choices:
        choices.update({k: plain(v, limit=70) for k, v in data.entity_names(path, version, (linked,)).items()})
    entity_key, applied_key = f"{prefix}_entity", f"{prefix}_entity_linked"
    # Apply a link's entity once; after that the analyst's own choice stands.
    if linked in choices and st.session_state.get(applied_key) != linked:
        st.session_state[entity_key] = linked
        st.session_state[applied_key] = linked
    agencies = {row["id"]: plain(row["canonical"], limit=70) for row in options["agencies"]}
    sources = {row["name"]: row["name"] for row in options["sources"]}

    with st.sidebar:
        st.subheader("Filters")
        since = until = None
        low, high = options["min_date"], options["max_date"]
        if low and high:
            low_d, high_d = date.fromisoformat(low[:10]), date.fromisoformat(high[:10])
            # A chart bar can name a week that starts before the first event.
            held = st.session_state.get(f"{prefix}_range")
            if isinstance(held, tuple | list) and len(held) == 2:
                st.session_state[f"{prefix}_range"] = (
                    min(max(held[0], low_d), high_d),
                    min(max(held[1], low_d), high_d),
                )
            picked = st.date_input(
                "Dates", value=(low_d, high_d), min_value=low_d, max_value=high_d, key=f"{prefix}_range"
            )
            if isinstance(picked, tuple | list) and len(picked) == 2:
                since = picked[0].isoformat() if picked[0] > low_d else None
                until = picked[1].isoformat() if picked[1] < high_d else None
            elif isinstance(picked, tuple | list) and len(picked) == 1:
                since = picked[0].isoformat()
        types = st.multiselect("Type", options["types"], key=f"{prefix}_types")
        entity = st.selectbox(
            "Entity", list(choices), index=None, format_func=choices.get, key=entity_key, placeholder="any entity"
        )
        agency = st.selectbox(
            "Agency (acting)",
            list(agencies),
            index=None,
            format_func=agencies.get,
            key=f"{prefix}_agency",
            placeholder="any agency",
        )
        source = st.selectbox("Source", list(sources), index=None, key=f"{prefix}_source", placeholder="any source")
        text = st.text_input("Words in the reports", key=f"{prefix}_text", placeholder="e.g. entity list")
        if len(options["entities"]) >= 3000:
            st.caption("The entity list shows the first 3,000 names; open any entity from its page to filter on it.")
    filters = Filters(
        since=since,
        until=until,
        types=tuple(types),
        entity=entity,
        agency=agency,
        source=source,
        text=text.strip() or None,
    )
    if filters.text and not filters.fts:
        st.sidebar.caption("No searchable words in that text; it is ignored.")
    return filters
