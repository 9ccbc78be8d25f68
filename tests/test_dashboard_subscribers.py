"""The dashboard's digest-subscribers page (issue 7) through AppTest, on the dashboard's fixture store.

Adding, listing and removing go through the same `app.digest` functions as
the CLI, so the store is checked against `list_subscribers` after each step,
and invalid input must come back as the CLI's message, never a traceback.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from app import digest
from store import db as store
from tests.dashboard_support import ENTRYPOINT, clear_streamlit_caches, store_for_dashboard


@pytest.fixture(autouse=True)
def _clear_caches():
    clear_streamlit_caches()
    yield
    clear_streamlit_caches()


@pytest.fixture
def stories_db(tmp_path, monkeypatch):
    return store_for_dashboard(str(tmp_path / "stories.db"), monkeypatch, stories=True)


def _page() -> AppTest:
    at = AppTest.from_file(ENTRYPOINT, default_timeout=30).run()
    at.switch_page("views/subscribers.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _stored(path: str) -> list[dict]:
    db = store.open_db(path, readonly=True)
    try:
        return digest.list_subscribers(db)
    finally:
        db.close()


def _fill(at: AppTest, **fields) -> AppTest:
    for key, value in fields.items():
        if key == "types":
            for kind in value:
                at.multiselect(key="sub_types").select(kind)
        elif key in ("entities", "agencies", "keywords"):
            at.text_area(key=f"sub_{key}").input(value)
        else:
            at.text_input(key=f"sub_{key}").input(value)
    at.button(key="sub_add").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _said(at: AppTest) -> str:
    """The page's messages with md_label's Markdown escapes taken off again."""
    return re.sub(r"\\(.)", r"\1", "\n".join(e.value for e in [*at.success, *at.error, *at.info, *at.warning]))


def test_add_then_list_a_subscriber_with_a_watchlist(stories_db):
    at = _page()
    assert at.metric[0].value == "0"
    assert "No subscribers yet" in _said(at)
    _fill(
        at, address=" ann@example.com ", name="Ann Analyst", types=["penalty", "designation"],
        entities="Acme Corp\n\nNobody Industries", agencies="U.S. Department of the Treasury", keywords="entity list",
    )  # fmt: skip
    said = _said(at)
    assert "Subscribed ann@example.com (6 follow(s) added)." in said
    assert "Not in the store yet: Nobody Industries" in said  # the unknown name is flagged, not refused
    assert _stored(stories_db) == [
        {
            "address": "ann@example.com", "name": "Ann Analyst", "created": _stored(stories_db)[0]["created"],
            "follows": [("entity", "Acme Corp"), ("entity", "Nobody Industries"), ("type", "penalty"),
                        ("type", "designation"), ("agency", "U.S. Department of the Treasury"),
                        ("keyword", "entity list")],
        }
    ]  # fmt: skip
    assert at.metric[0].value == "1"
    table = at.dataframe[0].value
    assert list(table["address"]) == ["ann@example.com"]
    assert table["follows"][0] == (
        "entity: Acme Corp; entity: Nobody Industries; type: penalty; type: designation; "
        "agency: U.S. Department of the Treasury; keyword: entity list"
    )
    # The form is emptied for the next subscriber.
    assert at.text_input(key="sub_address").value == "" and at.text_area(key="sub_entities").value == ""

    # The same address again extends the watchlist, as `subscribers add` does.
    _fill(at, address="ann@example.com", keywords="semiconductor")
    assert [f for f in _stored(stories_db)[0]["follows"] if f[0] == "keyword"] == [
        ("keyword", "entity list"), ("keyword", "semiconductor"),
    ]  # fmt: skip
    assert _stored(stories_db)[0]["name"] == "Ann Analyst"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"address": "not an address"}, "is not an email address"),
        ({"address": ""}, "is not an email address"),
        ({"address": "a@example.com\r\nBcc: x@evil.example"}, "is not an email address"),
        ({"address": "x@example.com", "name": "X=?UTF-8?Q?=0A?=Bcc: a@b.example"}, "encoded word"),
    ],
)
def test_invalid_input_is_the_cli_message_and_nothing_is_stored(stories_db, fields, message):
    at = _fill(_page(), **fields)
    assert len(at.error) == 1 and message in _said(at)
    assert _stored(stories_db) == []
    # What was typed stays, to be corrected.
    assert at.text_input(key="sub_address").value == fields["address"]


def test_a_name_with_line_breaks_is_stored_cleaned_and_says_so(stories_db):
    at = _fill(_page(), address="dave@example.com", name="Dave\r\nBcc: spy@evil.example", types=["penalty"])
    assert _stored(stories_db)[0]["name"] == "Dave Bcc: spy@evil.example"  # exactly what the CLI stores
    assert "line breaks and control characters are removed" in _said(at)


def test_markup_in_a_name_is_shown_as_text(stories_db):
    at = _fill(_page(), address="m@example.com", name="[Click](http://evil) **now**", keywords="x")
    assert at.dataframe[0].value["name"][0] == "[Click](http://evil) **now**"
    assert not any("](http://evil)" in e.value for e in at.success)  # escaped, so never a link


def test_remove_a_subscriber(stories_db):
    db = store.open_db(stories_db)
    digest.add_subscriber(db, "ann@example.com", follows=[("type", "penalty")])
    digest.add_subscriber(db, "bob@example.com", follows=[("entity", "Acme Corp")])
    db.close()
    at = _page()
    assert list(at.dataframe[0].value["address"]) == ["ann@example.com", "bob@example.com"]
    at.button(key="sub_remove").click().run()
    assert "Choose the subscriber to remove first" in _said(at)
    at.selectbox(key="sub_remove_address").select("ann@example.com")
    at.button(key="sub_remove").click().run()
    assert not at.exception
    assert "Removed ann@example.com" in _said(at)
    assert [s["address"] for s in _stored(stories_db)] == ["bob@example.com"]
    assert list(at.dataframe[0].value["address"]) == ["bob@example.com"]
    assert at.selectbox(key="sub_remove_address").options == ["bob@example.com"]


def test_the_page_works_before_any_document_is_stored(tmp_path, monkeypatch):
    path = str(tmp_path / "empty.db")
    store.open_db(path).close()
    monkeypatch.setenv("REGWATCH_DB", path)
    at = _fill(_page(), address="first@example.com", entities="Acme Corp")
    assert [s["address"] for s in _stored(path)] == ["first@example.com"]
    assert "Not in the store yet: Acme Corp" in _said(at)


def test_a_missing_database_is_reported_not_created(tmp_path, monkeypatch):
    path = tmp_path / "nowhere.db"
    monkeypatch.setenv("REGWATCH_DB", str(path))
    at = _page()
    assert any("There is no regwatch database" in w.value for w in at.warning)
    assert not path.exists()
