"""Digest subscribers: who gets the weekly mail and what each one follows; add and remove them.

Changes go through the same `app.digest` functions as `regwatch subscribers
add/remove`, so an address or name refused there is refused here with the
same message. They run in button callbacks, which Streamlit calls before the
script, so the list below always shows the store after the change.
"""

from __future__ import annotations

import sqlite3

import pandas as pd
import streamlit as st

from app import data, digest, ui
from app.render import md_label, plain
from nlp.rules import EVENT_TYPES
from store.stories import find_entity

FIELDS = ("sub_address", "sub_name", "sub_types", "sub_entities", "sub_agencies", "sub_keywords")
_WRITE_FAILED = (
    "The store could not be changed (another process may be holding a long write, or the file is read-only). "
    "Retry in a moment, or use `regwatch subscribers` from a shell."
)


def _lines(key: str) -> list[str]:
    return [line.strip() for line in (st.session_state.get(key) or "").splitlines() if line.strip()]


def _say(kind: str, text: str, *details: str) -> None:
    st.session_state["sub_message"] = (kind, text, details)


def _add(path: str) -> None:
    state = st.session_state
    follows = [("entity", v) for v in _lines("sub_entities")] + [("type", v) for v in state.get("sub_types") or []]
    follows += [("agency", v) for v in _lines("sub_agencies")] + [("keyword", v) for v in _lines("sub_keywords")]
    name = (state.get("sub_name") or "").strip() or None
    try:
        with data.writer(path) as db:
            address = digest.add_subscriber(db, state.get("sub_address") or "", name=name, follows=follows)
            unknown = [v for k, v in follows if k in ("entity", "agency") and not find_entity(db, v)]
            stored = db.execute("SELECT name FROM subscribers WHERE address = ?", [address]).fetchone()[0]
    except ValueError as exc:
        _say("error", str(exc))
        return
    except sqlite3.Error:
        _say("error", _WRITE_FAILED)
        return
    details = []
    if name is not None and stored != name:
        details.append(f"The name was stored as “{stored}”: line breaks and control characters are removed from names.")
    if unknown:
        details.append(
            f"Not in the store yet: {'; '.join(unknown)}. They will match once a report names them "
            "(until then each digest lists them as not known yet)."
        )
    _say("success", f"Subscribed {address} ({len(follows)} follow(s) added).", *details)
    for key in FIELDS:
        state[key] = [] if key == "sub_types" else ""


def _remove(path: str) -> None:
    address = st.session_state.get("sub_remove_address")
    if not address:
        _say("error", "Choose the subscriber to remove first.")
        return
    try:
        with data.writer(path) as db:
            removed = digest.remove_subscriber(db, address)
    except sqlite3.Error:
        _say("error", _WRITE_FAILED)
        return
    st.session_state["sub_remove_address"] = None
    if removed:
        _say("success", f"Removed {address} and their watchlist.")
    else:
        _say("error", f"No subscriber {address}: the list has changed since it was shown.")


path = data.db_path()
if data.store_status(path) in ("missing", "outdated"):
    ui.require_store("")  # says what is wrong with the file, and stops
st.title("Subscribers")
st.caption(
    "Who gets the weekly digest (`regwatch digest --send`) and what each one follows. "
    "The same as `regwatch subscribers add/remove/list`."
)
try:
    rows = data.subscribers(path)
except ui.QUERY_ERRORS as exc:
    ui.query_failed(exc)
if rows is None:
    st.warning("This database predates digest subscribers. Run `regwatch init` on it once, then reload.")
    st.text(path)
    st.stop()

message = st.session_state.pop("sub_message", None)
if message:
    kind, text, details = message
    # Messages quote what was typed: Markdown-escaped, so an address like `[x](http://evil)` stays text.
    (st.success if kind == "success" else st.error)(md_label(text, limit=400))
    for detail in details:
        st.info(md_label(detail, limit=600))

st.metric("Subscribers", len(rows))
if rows:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "address": row["address"],
                    "name": plain(row["name"]),
                    "follows": "; ".join(f"{kind}: {plain(value)}" for kind, value in row["follows"]) or "(nothing)",
                    "last digest": digest.describe_send(row["last"]),
                    "since": (row["created"] or "")[:10],
                }
                for row in rows
            ]
        ),
        hide_index=True,
        width="stretch",
        key="sub_table",
    )
else:
    st.info("No subscribers yet: add the first one below.")

st.subheader("Add a subscriber")
st.caption(
    "Adding an address that is already subscribed adds these follows to its watchlist (and replaces its name "
    "if one is given). Entities and agencies are matched by name, alias or id (such as `org:acme`)."
)
with st.form("sub_add_form", border=True):
    left, right = st.columns(2)
    left.text_input("Email address", key="sub_address", placeholder="analyst@example.org")
    right.text_input("Name (optional)", key="sub_name", placeholder="shown in the greeting and the To: header")
    st.multiselect("Event types", EVENT_TYPES, key="sub_types", placeholder="any of these types")
    cols = st.columns(3)
    cols[0].text_area("Entities, one per line", key="sub_entities", placeholder="Acme Corp\norg:evil-co")
    cols[1].text_area("Agencies (acting), one per line", key="sub_agencies", placeholder="Treasury")
    cols[2].text_area("Keywords, one per line", key="sub_keywords", placeholder="semiconductor")
    st.form_submit_button("Add subscriber", key="sub_add", type="primary", on_click=_add, args=(path,))

st.subheader("Remove a subscriber")
if rows:
    st.selectbox(
        "Subscriber to remove",
        [row["address"] for row in rows],
        index=None,
        key="sub_remove_address",
        placeholder="choose an address",
    )
    st.button("Remove subscriber", key="sub_remove", on_click=_remove, args=(path,))
    st.caption("Their send log stays, as history; adding the address again starts a new watchlist.")
else:
    st.caption("Nobody to remove.")
