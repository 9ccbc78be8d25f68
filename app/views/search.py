"""Full-text search over every stored report, ranked, with the matches highlighted."""

from __future__ import annotations

import streamlit as st

from app import data, ui
from app.render import search_result_html

path, version, overview = ui.require_store("There is nothing to search yet.")
st.title("Search")
text = st.text_input(
    "Words to find in titles and texts",
    key="search_q",
    placeholder="e.g. entity list semiconductor",
    help="Every word must appear (in any form: 'rules' finds 'rule'). Punctuation and search operators "
    "are treated as plain words.",
)
if not text.strip():
    st.info(f"Type some words to search {overview['documents']:,} documents.")
    st.stop()
try:
    found = data.search(path, version, text)
except ui.QUERY_ERRORS as exc:
    ui.query_failed(exc)
if not found["query"]:
    st.info("There is nothing to search for in that text: use words or numbers.")
    st.stop()
if not found["rows"]:
    st.info("No document contains all of those words. Try fewer or different words.")
    st.stop()
shown = len(found["rows"])
if found["ranked"]:
    st.caption(f"{found['total']:,} documents match; the best {shown} are shown, best first.")
else:
    st.caption(
        f"{found['total']:,} documents match, too many to rank: the {shown} stored most recently are shown. "
        "Add words to narrow the search and get them ranked."
    )
for row in found["rows"]:
    with st.container(border=True):
        st.html(search_result_html(row))
        if row["first_event"]:
            st.page_link(
                ui.STORY_PAGE,
                label=f"Open its {'first ' if row['events'] > 1 else ''}event ({row['events']} in this report)",
                query_params={"event": row["first_event"]},
            )
