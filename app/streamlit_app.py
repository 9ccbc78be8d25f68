"""The regwatch dashboard: `regwatch dashboard` runs this with REGWATCH_DB set.

Only the page set-up lives here; each page is a file in `views/` and reads
the store through `app.data`.
"""

from __future__ import annotations

import streamlit as st

from app import data

st.set_page_config(page_title="regwatch", page_icon=":material/gavel:", layout="wide")

pages = {
    "Overview": [
        st.Page("views/timeline.py", title="Timeline", icon=":material/timeline:", default=True),
        st.Page("views/sources.py", title="Sources", icon=":material/rss_feed:", url_path="sources"),
    ],
    "Explore": [
        st.Page("views/story.py", title="Story / event", icon=":material/article:", url_path="story"),
        st.Page("views/entity.py", title="Entity", icon=":material/person:", url_path="entity"),
        st.Page("views/search.py", title="Search", icon=":material/search:", url_path="search"),
    ],
    "Share": [
        st.Page("views/export.py", title="Export", icon=":material/download:", url_path="export"),
        st.Page("views/subscribers.py", title="Digest subscribers", icon=":material/mail:", url_path="subscribers"),
    ],
}
pg = st.navigation(pages)
st.sidebar.caption("Database")
st.sidebar.text(data.db_path())
pg.run()
