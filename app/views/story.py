"""One story (`?story=ID`) or one event (`?event=ID`): what happened, who did it to whom, who says so."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from app import data, ui
from app.render import describe_date, heading_html, highlight_html, md_label, plain, safe_url

LEGEND = "Highlighted: entities in blue, the words naming the action in yellow."


def _participants(roles: list[dict[str, Any]]) -> None:
    """Each role with its entity as a link to the entity page, or as plain text when unlinked."""
    if not roles:
        st.caption("No participants were recognised.")
        return
    for role in roles:
        name, cols = role.get("canonical") or role.get("text"), st.columns([1, 4])
        cols[0].text(plain(role.get("role")))
        with cols[1]:
            if role.get("entity"):
                ui.entity_link(role["entity"], name)
            else:
                st.text(plain(name))


def _report_link(url: str | None) -> None:
    link = safe_url(url)
    if link:
        st.link_button("Open the report", link, icon=":material/open_in_new:")
    elif url:
        st.caption("The report's link is not an http(s) address, so it is not shown as a link.")


def _picker(path: str, version: tuple, kind: str, message: str | None) -> None:
    if message:
        st.warning(message)
    recent = data.recent_items(path, version, kind)
    if not recent:
        st.info(f"No dated {ui.noun(kind)} yet: open one from the timeline or the search page.")
        return
    labels = {
        row[
            "id"
        ]: f"{describe_date(row['date'], row['date_precision'])} · {row['type']} · {plain(row['title'], limit=90)}"
        for row in recent
    }
    chosen = st.selectbox(
        f"Open one of the newest {ui.noun(kind)}", list(labels), index=None, format_func=labels.get, key="story_pick"
    )
    if chosen:
        ui.open_item(kind, chosen)


def _show_event(event: dict[str, Any]) -> None:
    st.caption(f"{event['type']} · {describe_date(event['date'], event['date_precision'])} · event")
    st.html(heading_html(event["title"]))
    meta = st.columns(3)
    meta[0].metric("Date", event["date"] or "undated", help=f"precision: {event['date_precision']}")
    meta[1].metric("Type", event["type"])
    meta[2].metric("Confidence", f"{event['confidence']:.2f}")
    st.subheader("Evidence")
    st.html(highlight_html(event["evidence"], event["marks"]))
    st.caption(LEGEND)
    st.subheader("Participants")
    _participants(event["roles"])
    if event["attrs"]:
        st.dataframe(
            pd.DataFrame([{"attribute": k, "value": plain(v)} for k, v in event["attrs"].items()]),
            hide_index=True,
        )
    st.subheader("Report")
    st.text(f"{event['source']} · published {(event['published'] or 'on an unknown date')[:10]} · {event['kind']}")
    _report_link(event["url"])
    if event["story"]:
        st.page_link(
            ui.STORY_PAGE, label=md_label(f"Part of the story: {event['story_title'] or event['story']}"),
            query_params={"story": event["story"]},
        )  # fmt: skip
    if event["siblings"]:
        st.subheader("Other events in this report")
        for sibling in event["siblings"]:
            st.page_link(
                ui.STORY_PAGE,
                label=md_label(f"{describe_date(sibling['date'], sibling['date_precision'])} · {sibling['type']}"),
                query_params={"event": sibling["id"]},
            )


def _show_story(story: dict[str, Any]) -> None:
    st.caption(f"{story['type']} · {describe_date(story['date'], story['date_precision'])} · story")
    st.html(heading_html(story["title"]))
    reports = story["reports"]
    meta = st.columns(4)
    meta[0].metric("Date", story["date"] or "undated", help=f"precision: {story['date_precision']}")
    meta[1].metric("Type", story["type"])
    meta[2].metric("Reports", len(reports))
    meta[3].metric("Sources", len({r["source"] for r in reports}))
    st.subheader("Participants")
    _participants(
        [
            {"role": p.get("role"), "canonical": p.get("canonical") or p.get("text"), "entity": p.get("entity")}
            for p in story["participants"]
            if isinstance(p, dict)
        ]
    )
    disputes = [d for d in story["disputes"] if isinstance(d, dict) and d.get("values")]
    if disputes:
        st.subheader("Where the sources disagree")
        sources = {r["document"]: r["source"] for r in reports}
        for dispute in disputes:
            st.text(f"Disputed: {plain(dispute.get('slot'))}")
            columns = st.columns(len(dispute["values"]))
            for column, value in zip(columns, dispute["values"], strict=True):
                with column.container(border=True):
                    documents = (value.get("documents") or []) if isinstance(value, dict) else []
                    said_by = ", ".join(sorted({plain(sources.get(d, d)) for d in documents})) or "unknown source"
                    st.text(f"{said_by} says:")
                    st.text(plain(value.get("value") if isinstance(value, dict) else value))
    st.subheader("Reports")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "date": describe_date(r["date"], r["date_precision"]),
                    "published": (r["published"] or "")[:10],
                    "source": r["source"],
                    "title": plain(r["title"]),
                    "link": safe_url(r["url"]),
                }
                for r in reports
            ],
            columns=["date", "published", "source", "title", "link"],
        ),  # fmt: skip
        hide_index=True,
        width="stretch",
        column_config={"link": st.column_config.LinkColumn("report", display_text="open ↗")},
    )
    st.subheader("Evidence")
    st.caption(LEGEND)
    for report in reports[:20]:
        st.text(f"{report['source']} · {(report['published'] or '')[:10]}")
        st.html(highlight_html(report["evidence"], report["marks"]))
        st.page_link(ui.STORY_PAGE, label="This event on its own", query_params={"event": report["id"]})
    if len(reports) > 20:
        st.caption(f"The first 20 of {len(reports)} reports are quoted; the table lists them all.")


path, version, overview = ui.require_store("There is nothing to open yet.")
kind = overview["mode"]
story_id, event_id = st.query_params.get("story"), st.query_params.get("event")
try:
    if story_id:
        story = data.story_detail(path, version, story_id)
        if story is None:
            _picker(path, version, kind, "No story has that id; it may have been merged into another.")
        else:
            _show_story(story)
    elif event_id:
        event = data.event_detail(path, version, event_id)
        if event is None:
            _picker(path, version, kind, "No event has that id; its report may have been re-processed.")
        else:
            _show_event(event)
    else:
        st.title("Story / event")
        _picker(path, version, kind, None)
except ui.QUERY_ERRORS as exc:
    ui.query_failed(exc)
