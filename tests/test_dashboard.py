"""The dashboard: every page through Streamlit's AppTest, plus the pure pieces it is built from.

A small store is built per test through `store.db` (and `store.stories` for
the story pages) with feed items that try to inject markup: an `<img
onerror>` title, a `javascript:` link and a Markdown link title. Checklist
rows covered: D1-D4, C1, C2, C4, S1, S3.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime

import pytest
from streamlit.testing.v1 import AppTest

from app import data, exports, render
from nlp.records import DocResult
from store import db as store
from store import queries
from store.db import FetchOutcome
from tests.dashboard_support import (
    ENTRYPOINT,
    EVIL,
    EVIL_TITLE,
    MD_TITLE,
    clear_streamlit_caches,
    event,
    mention,
    ref,
    store_for_dashboard,
)

PAGES = ["timeline", "story", "entity", "search", "sources", "export"]


@pytest.fixture(autouse=True)
def _clear_caches():
    """Streamlit's caches are process-wide: one test's store must never answer another's (D2)."""
    clear_streamlit_caches()
    yield
    clear_streamlit_caches()


@pytest.fixture
def events_db(tmp_path, monkeypatch):
    """A store with events and no stories yet (the dashboard shows events one by one)."""
    return store_for_dashboard(str(tmp_path / "events.db"), monkeypatch, stories=False)


@pytest.fixture
def stories_db(tmp_path, monkeypatch):
    """The same store after story resolution."""
    return store_for_dashboard(str(tmp_path / "stories.db"), monkeypatch, stories=True)


def _app(page: str = "timeline", **params: str) -> AppTest:
    at = AppTest.from_file(ENTRYPOINT, default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    if page != "timeline" or params:
        at.switch_page(f"views/{page}.py")
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def _html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.get("html"))


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.caption, *at.info, *at.warning, *at.title, *at.subheader])


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _story_id(path: str, document: str) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT story FROM events WHERE document = ?", [document]).fetchone()[0]


# --- empty and missing stores (D1, D4) ------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_an_empty_state_on_an_empty_store(tmp_path, monkeypatch, page):
    path = str(tmp_path / "empty.db")
    store.open_db(path).close()
    monkeypatch.setenv("REGWATCH_DB", path)
    at = _app(page)
    shown = _markdown(at)
    assert "no documents yet" in shown or "No sources are configured" in shown


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_when_the_database_is_missing(tmp_path, monkeypatch, page):
    monkeypatch.setenv("REGWATCH_DB", str(tmp_path / "nowhere.db"))
    at = _app(page)
    assert "There is no regwatch database" in _markdown(at)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_a_populated_store(stories_db, page):
    at = _app(page)
    assert at.get("html") or at.dataframe or at.metric or at.text_input or at.selectbox


def test_navigation_lists_every_page(events_db):
    at = _app()
    assert not at.exception
    for page in PAGES:
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, page


# --- timeline --------------------------------------------------------------------


def test_timeline_shows_events_until_stories_exist(events_db):
    at = _app()
    metrics = _metrics(at)
    assert metrics["Dated events"] == "3"
    assert metrics["Undated events"] == "1"
    newest, undated = at.dataframe
    assert list(newest.value["title"]) == [
        EVIL_TITLE, "Commerce adds Acme Corp to the Entity List", "Acme blacklisted by Commerce"
    ]  # fmt: skip
    assert list(undated.value["title"]) == [MD_TITLE]
    # C2: the javascript: link is dropped, the http(s) ones are kept
    assert list(newest.value["link"].fillna("")) == ["", "https://gov.example/a", "https://news.example/b"]
    assert "Stories are not built yet" in _markdown(at)


def test_timeline_shows_stories_once_resolved(stories_db):
    at = _app()
    metrics = _metrics(at)
    assert metrics["Dated stories"] == "2"  # the two designation reports are one story
    assert metrics["Undated stories"] == "1"
    newest = at.dataframe[0].value
    assert sorted(newest["reports"]) == [1, 2]


def test_timeline_filters_by_type_entity_agency_source_words_and_dates(events_db):
    at = _app()
    at.multiselect(key="tl_types").set_value(["penalty"]).run()
    assert _metrics(at)["Dated events"] == "1"
    assert _metrics(at)["Undated events"] == "0"
    at.multiselect(key="tl_types").set_value([]).run()

    at.selectbox(key="tl_entity").set_value("org:acme").run()
    assert (_metrics(at)["Dated events"], _metrics(at)["Undated events"]) == ("2", "1")
    at.selectbox(key="tl_entity").set_value(None).run()

    at.selectbox(key="tl_agency").set_value("agency:us-treasury").run()
    assert (_metrics(at)["Dated events"], _metrics(at)["Undated events"]) == ("1", "0")
    at.selectbox(key="tl_agency").set_value(None).run()

    at.selectbox(key="tl_source").set_value("news-feed").run()
    assert _metrics(at)["Dated events"] == "1"
    at.selectbox(key="tl_source").set_value(None).run()

    at.text_input(key="tl_text").input("fined").run()
    assert _metrics(at)["Dated events"] == "1"
    at.text_input(key="tl_text").input('"unbalanced AND NEAR(').run()
    assert not at.exception
    assert "No events match these filters." in _markdown(at)
    at.text_input(key="tl_text").input("").run()

    low, _high = at.date_input(key="tl_range").value
    at.date_input(key="tl_range").set_value((low, datetime(2026, 3, 31).date())).run()
    assert _metrics(at)["Dated events"] == "2"
    assert not at.exception


def test_timeline_filters_stories_through_participants_and_reports(stories_db):
    at = _app()
    at.selectbox(key="tl_entity").set_value("org:evil-co").run()
    assert (_metrics(at)["Dated stories"], _metrics(at)["Undated stories"]) == ("1", "0")
    at.selectbox(key="tl_entity").set_value(None).run()
    at.selectbox(key="tl_agency").set_value("agency:us-commerce").run()
    assert _metrics(at)["Dated stories"] == "1"
    at.selectbox(key="tl_agency").set_value(None).run()
    at.selectbox(key="tl_source").set_value("news-feed").run()
    assert list(at.dataframe[0].value["reports"]) == [2]
    at.selectbox(key="tl_source").set_value(None).run()
    at.text_input(key="tl_text").input("sued").run()
    assert (_metrics(at)["Dated stories"], _metrics(at)["Undated stories"]) == ("0", "1")
    assert not at.exception


def test_a_chart_bar_stands_for_its_whole_week_or_month():
    monday = datetime(2026, 3, 2, tzinfo=UTC)
    assert render.period_range(monday.timestamp() * 1000, "week") == (monday.date(), datetime(2026, 3, 8).date())
    assert render.period_range("2026-12-01", "month") == (datetime(2026, 12, 1).date(), datetime(2026, 12, 31).date())
    assert render.period_range("not a date", "month") is None


def test_timeline_entity_link_preselects_the_entity_filter(events_db):
    at = _app("timeline", entity="agency:us-treasury")
    assert at.selectbox(key="tl_entity").value == "agency:us-treasury"
    assert _metrics(at)["Dated events"] == "1"


def test_timeline_counts_per_period_past_the_point_limit(events_db, monkeypatch):
    with store.open_db(events_db, readonly=True) as db:
        result = queries.timeline(db, queries.Filters(), max_points=2)
    assert result["granularity"] == "week"
    assert result["total"] == 3
    assert {p["period"] for p in result["points"]} == {"2026-03-02", "2026-03-30"}  # Mondays


def test_a_slow_filter_is_stopped_with_a_message(events_db, monkeypatch):
    """S3: past the time limit the query is interrupted and the page says so, without a traceback."""
    monkeypatch.setenv("REGWATCH_QUERY_MS", "0")
    at = _app()
    assert "took too long" in _markdown(at)


def test_time_limit_interrupts_a_runaway_query(fresh_db):
    runaway = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
    started = datetime.now(UTC)
    with pytest.raises(queries.QueryTimeout), queries.time_limit(fresh_db, 50):
        fresh_db.execute(runaway).fetchone()
    assert (datetime.now(UTC) - started).total_seconds() < 5
    assert fresh_db.execute("SELECT 1").fetchone() == (1,)  # the handler is removed afterwards


# --- event and story pages (C1, C2, C4) --------------------------------------------


def test_event_page_shows_the_malicious_item_as_literal_text(events_db):
    at = _app("story", event="gov-feed:c#0")
    shown = _html(at)
    assert "&lt;img src=x onerror=alert(1)&gt;Rule" in shown
    assert "<img" not in shown
    assert "<mark style=" in shown and ">fined</mark>" in shown and ">Evil Co</mark>" in shown
    # the javascript: link is not offered anywhere
    assert not at.link_button
    assert "javascript:" not in shown
    assert "not an http(s) address" in _markdown(at)
    assert "onerror" not in _markdown(at)
    labels = [link.value for link in at.page_link]
    assert labels == ["U\\.S\\. Department of the Treasury", "Evil Co"]


def test_event_page_shows_a_markdown_title_literally(events_db):
    at = _app("story", event="gov-feed:d#0")
    assert "[Click](http://evil) **now**" in _html(at)
    assert "http://evil" not in _markdown(at)
    assert _metrics(at)["Date"] == "undated"
    assert [b.proto.url for b in at.link_button] == ["https://gov.example/d"]


def test_event_page_highlights_entities_and_trigger(events_db):
    at = _app("story", event="gov-feed:a#0")
    shown = _html(at)
    for words in ("Commerce Department", "Acme Corp", "Entity List", "added"):
        assert f">{words}</mark>" in shown
    assert "Commerce adds Acme Corp to the Entity List" in shown
    assert _metrics(at)["Type"] == "designation"


def test_story_page_lists_reports_participants_and_disputes(stories_db):
    story = _story_id(stories_db, "gov-feed:a")
    with store.open_db(stories_db) as db:
        # what story resolution records when two reports disagree
        db["stories"].update(
            story,
            {"disputes": '[{"slot": "issuer", "values": [{"value": "<b>Commerce</b> letter", "documents": '
                         '["gov-feed:a"]}, {"value": "executive order", "documents": ["news-feed:b"]}]}]'},
        )  # fmt: skip
    at = _app("story", story=story)
    assert _metrics(at)["Reports"] == "2"
    assert _metrics(at)["Sources"] == "2"
    reports = at.dataframe[0].value
    assert sorted(reports["source"]) == ["gov-feed", "news-feed"]
    labels = [link.value for link in at.page_link]
    assert "Acme Corp" in labels and "U\\.S\\. Department of Commerce" in labels
    texts = _texts(at)
    assert "Disputed: issuer" in texts
    assert "gov-feed says:" in texts and "news-feed says:" in texts
    assert "<b>Commerce</b> letter" in texts  # st.text: literal, never markup


def test_story_page_without_an_id_offers_a_picker(stories_db):
    at = _app("story")
    assert at.selectbox(key="story_pick").options
    at = _app("story", story="no-such-story")
    assert "No story has that id" in _markdown(at)


def test_event_ids_in_the_url_are_only_looked_up(events_db):
    at = _app("story", event="x' OR 1=1 --")
    assert "No event has that id" in _markdown(at)


# --- entity page ---------------------------------------------------------------------


def test_entity_page_shows_names_timeline_and_neighbours(events_db):
    at = _app("entity", entity="org:acme")
    assert "Acme Corp" in _html(at)
    metrics = _metrics(at)
    assert (metrics["Events"], metrics["As agent"], metrics["As target"]) == ("3", "1", "2")
    items, neighbours = at.dataframe
    assert len(items.value) == 3
    assert list(neighbours.value["entity"])[0] == "U.S. Department of Commerce"
    assert list(neighbours.value["shared events"])[0] == 3
    assert [link.value for link in at.page_link] == ["Show on the timeline"]


def test_entity_page_search_finds_by_alias(events_db):
    at = _app("entity")
    at.text_input(key="entity_q").input("commerce department").run()
    assert at.selectbox(key="entity_pick").options == ["U.S. Department of Commerce (AGENCY)"]


# --- search (S1) ---------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["final-rule", '"unbalanced', "AND", "NEAR(", "col:x", "*", "a\"b'c", "\x00"])
def test_malformed_searches_never_raise(events_db, query):
    at = _app("search")
    at.text_input(key="search_q").input(query).run()
    assert not at.exception
    assert _markdown(at)


def test_search_ranks_and_highlights_with_escaped_snippets(events_db):
    at = _app("search")
    at.text_input(key="search_q").input("fined").run()
    shown = _html(at)
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "<img" not in shown and "javascript:" not in shown
    assert ">fined</mark>" in shown
    assert [link.value for link in at.page_link] == ["Open its event (1 in this report)"]
    at.text_input(key="search_q").input("entity list").run()
    assert "2 documents match" in _markdown(at)
    assert "href='https://gov.example/a'" in _html(at)


# --- sources and export -------------------------------------------------------------------


def test_sources_page_puts_failing_sources_first(events_db):
    at = _app("sources")
    metrics = _metrics(at)
    assert (metrics["Sources"], metrics["Failing"], metrics["Documents"], metrics["Events"]) == ("3", "1", "4", "4")
    frame = at.dataframe[0].value
    assert list(frame["source"]) == ["broken-feed", "gov-feed", "news-feed"]
    assert list(frame["state"])[0] == "failing ×3"
    assert list(frame["error kind"])[0] == "http_error"
    assert list(frame["documents"]) == [0, 3, 1]
    assert list(frame["events"]) == [0, 3, 1]


def test_sources_page_lists_configured_sources_before_any_document(tmp_path, monkeypatch):
    path = str(tmp_path / "fresh.db")
    db = store.open_db(path)
    store.upsert_source(db, {"name": "gov-feed", "kind": "rss", "url": "https://gov.example/feed"})
    db.close()
    monkeypatch.setenv("REGWATCH_DB", path)
    at = _app("sources")
    assert list(at.dataframe[0].value["state"]) == ["never fetched"]


def test_export_page_offers_csv_and_ics_of_the_filtered_rows(events_db):
    at = _app("export")
    assert _metrics(at)["Events to export"] == "4"
    assert [b.proto.label for b in at.get("download_button")] == ["Download CSV", "Download iCalendar (.ics)"]
    assert "1 undated events are in the CSV but not in the calendar." in _markdown(at)
    at.multiselect(key="ex_types").set_value(["designation"]).run()
    assert _metrics(at)["Events to export"] == "2"
    with store.open_db(events_db, readonly=True) as db:
        rows = queries.export_rows(db, queries.Filters(types=("penalty",)))
    assert rows[0]["agent"] == "U.S. Department of the Treasury" and rows[0]["target"] == "Evil Co"


def test_export_page_offers_stories_or_events(stories_db):
    at = _app("export")
    assert _metrics(at)["Stories to export"] == "3"
    at.radio(key="ex_kind").set_value("events").run()
    assert _metrics(at)["Events to export"] == "4"


def test_csv_makes_formulas_literal():
    text = exports.to_csv([{"title": '=HYPERLINK("http://evil")', "n": -3, "note": "@SUM(A1)", "ok": "fine"}])
    assert text.decode().splitlines() == ["title,n,note,ok", '"\'=HYPERLINK(""http://evil"")",-3,\'@SUM(A1),fine']


def test_ics_escapes_folds_and_drops_unsafe_links():
    rows = [
        {"id": "gov-feed:c#0", "type": "penalty", "date": "2026-04-01", "date_precision": "day",
         "title": EVIL_TITLE + "; a, b\\c\nBCC: x", "evidence": "x" * 200, "source": "gov-feed",
         "url": "javascript:alert(1)"},
        {"id": "m", "type": "rule", "date": "2026-11", "date_precision": "month", "title": "Rule", "url": "https://a.example/r"},
        {"id": "u", "type": "lawsuit", "date": None, "date_precision": "unknown", "title": "Undated"},
    ]  # fmt: skip
    body = exports.to_ics(rows, now=datetime(2026, 11, 23, tzinfo=UTC)).decode("utf-8")
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and body.endswith("END:VCALENDAR\r\n")
    lines = body.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = body.replace("\r\n ", "")
    assert "SUMMARY:penalty: <img src=x onerror=alert(1)>Rule\\; a\\, b\\\\c\\nBCC: x\r\n" in unfolded
    assert "\nBCC" not in unfolded.replace("\\n", "")
    assert "javascript:" not in unfolded
    assert "DTSTART;VALUE=DATE:20261101\r\nDTEND;VALUE=DATE:20261201" in unfolded
    assert "URL:https://a.example/r" in unfolded
    assert unfolded.count("BEGIN:VEVENT") == 2
    assert "DTSTAMP:20261123T000000Z" in unfolded


def test_ics_folding_never_splits_a_character():
    line = "SUMMARY:" + "é" * 100
    folded = exports.fold(line)
    assert all(len(piece.encode()) <= 75 for piece in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


# --- the rendering rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://gov.example/a?b=1#c", True),
        ("http://gov.example", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("//evil.example/x", False),
        ("/relative", False),
        ("https://", False),
        ("https://gov.example/\x00", False),
        (None, False),
    ],
)
def test_safe_url_allows_only_absolute_http_links(url, safe):
    assert render.safe_url(url) == (url if safe else None)


def test_md_label_makes_markdown_and_html_literal():
    assert render.md_label(MD_TITLE) == "\\[Click\\]\\(http\\:\\/\\/evil\\) \\*\\*now\\*\\*"
    assert render.md_label(EVIL_TITLE) == "\\<img src\\=x onerror\\=alert\\(1\\)\\>Rule"
    assert render.md_label(":red[x] :material/home:") == "\\:red\\[x\\] \\:material\\/home\\:"
    assert "\n" not in render.md_label("a\nb")


def test_highlight_html_escapes_everything_but_its_own_marks():
    text = '<img src=x onerror=alert(1)> "Treasury" fined Evil & Co'
    marks = [
        {"start": text.index("Treasury"), "end": text.index("Treasury") + 8, "kind": "entity"},
        {"start": text.index("fined"), "end": text.index("fined") + 5, "kind": "trigger"},
        {"start": text.index("Evil"), "end": len(text), "kind": "entity"},
        {"start": 2, "end": 6, "kind": "entity"},  # overlaps nothing placed yet: kept
        {"start": 3, "end": 5, "kind": "entity"},  # overlaps the one before: skipped
    ]
    out = render.highlight_html(text, marks)
    assert "<img" not in out and "&lt;" in out
    assert out.count("<mark") == 4
    assert "&quot;<mark" in out and ">Evil &amp; Co</mark>" in out


# --- the store side: tallies, caching, connections ----------------------------------------------


def _tallies_match(db) -> None:
    truth = db.execute(
        "SELECT coalesce(date_sort, ''), type, count(*) FROM events GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()
    assert db.execute("SELECT day, type, n FROM event_days ORDER BY 1, 2").fetchall() == truth
    by_source = db.execute(
        "SELECT d.source, coalesce(substr(ev.date_sort, 1, 7), ''), ev.type, count(*) FROM events ev "
        "JOIN documents d ON d.id = ev.document GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    ).fetchall()
    assert db.execute("SELECT source, month, type, n FROM event_source_months ORDER BY 1, 2, 3").fetchall() == by_source
    stories = db.execute(
        "SELECT coalesce(date_sort, ''), type, count(*) FROM stories GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()
    assert db.execute("SELECT day, type, n FROM story_days ORDER BY 1, 2").fetchall() == stories


def test_tallies_follow_every_write(stories_db):
    db = store.open_db(stories_db)
    _tallies_match(db)
    text = "The Treasury fined Evil Co again."
    again = DocResult(
        "gov-feed:c",
        entities=[mention(text, "Evil Co", EVIL)],
        events=[event(text, text, "penalty", "2026-06", "month", "fined", target=[ref("Evil Co", EVIL)]),
                event(text, text, "order", None, "unknown", "fined")],
    )  # fmt: skip
    store.replace_results(db, "gov-feed:c", again, "test-2")
    _tallies_match(db)
    db.execute("UPDATE events SET type = 'ruling', date_sort = '2026-07-01' WHERE id = 'gov-feed:c#1'")
    _tallies_match(db)
    with db.atomic():
        db.execute("DELETE FROM documents WHERE id = 'news-feed:b'")
    _tallies_match(db)
    from store.stories import resolve_document

    resolve_document(db, "gov-feed:c")
    _tallies_match(db)
    store.rebuild_tallies(db)
    _tallies_match(db)
    db.close()


def test_store_version_changes_when_the_store_is_written(events_db):
    before = data.store_version(events_db)
    assert before == data.store_version(events_db)
    db = store.open_db(events_db)
    store.record_fetch(db, FetchOutcome("gov-feed", status=304))
    db.close()
    assert data.store_version(events_db) != before


def test_cached_pages_see_a_write_without_waiting_for_the_ttl(events_db):
    at = _app("sources")
    assert _metrics(at)["Failing"] == "1"
    db = store.open_db(events_db)
    store.reset_source(db, "broken-feed")
    db.close()
    at.run()
    assert _metrics(at)["Failing"] == "0"


def test_each_call_uses_its_own_read_only_connection(events_db):
    """D3: no connection is shared between threads, and none can write."""
    errors: list[BaseException] = []

    def work():
        try:
            for _ in range(20):
                with data.reader(events_db) as db:
                    queries.timeline(db, queries.Filters())
                    queries.search(db, "fined")
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with data.reader(events_db) as db, pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM documents")


def test_the_seed_stories_and_the_order_disputes_show_in_the_dashboard(tmp_path, monkeypatch, seeds_dir):
    """The motivating case end to end: ingest and process both reports, then read the pages."""
    from ingest.pipeline import ingest_files
    from store.process import process_pending
    from store.stories import list_stories

    path = str(tmp_path / "seeds.db")
    with store.open_db(path) as db:
        ingest_files(db, [seeds_dir / "seeds.jsonl"])
        process_pending(db)
        stories = list_stories(db)
    monkeypatch.setenv("REGWATCH_DB", path)
    (order,) = [s for s in stories if s["type"] == "order" and s["date"] == "2026-11-13"]
    at = _app("story", story=order["id"])
    texts = _texts(at)
    assert "Disputed: issuer" in texts and "Disputed: scope" in texts
    assert _metrics(at)["Reports"] == "2"
    timeline = _app("timeline")
    assert not timeline.exception
