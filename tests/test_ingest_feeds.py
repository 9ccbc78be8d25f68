"""Hostile and broken feeds through parse -> normalise -> store (checklist rows P1-P9, C1-C3).

Each case parses fixture bytes from tests/fixtures/feeds the way a poll does
(bytes plus the HTTP headers, never a URL) and stores the documents; the
encoding and relative-link cases are also served from a real loopback server
so the HTTP charset and the effective URL come from an actual response.
"""

from __future__ import annotations

import re
import time

import pytest

from ingest import parse_feed
from ingest.normalize import to_document
from store import db as store

try:
    from tests.ingest_support import fixture, ingest_servers, make_source, options, web  # noqa: F401
except ImportError:  # tests/ is not a package: pytest put it on sys.path itself
    from ingest_support import fixture, ingest_servers, make_source, options, web  # type: ignore[no-redef]  # noqa: F401

BASE = "https://feeds.example/news/feed.xml"
XML = {"content-type": "application/xml"}


def parse(name: str, headers: dict[str, str] | None = None, base_url: str = BASE):
    return parse_feed.parse(fixture(f"feeds/{name}"), headers or XML, base_url=base_url)


def store_feed(db, name: str, headers=None, source: str = "feed"):
    parsed = parse(name, headers)
    store.upsert_source(db, {"name": source, "kind": "rss"})
    docs = [to_document(source, item, base_url=BASE) for item in parsed.items]
    counts = store.upsert_documents(db, docs)
    return parsed, docs, counts


# --- P1, P2: entity attacks -----------------------------------------------------


def test_billion_laughs_returns_fast_without_expansion(fresh_db):
    """P1."""
    started = time.perf_counter()
    parsed, docs, _ = store_feed(fresh_db, "billion-laughs.xml")
    assert time.perf_counter() - started < 0.5
    assert parsed.warning and "not well-formed" in parsed.warning
    assert all(len(doc.text) < 1000 and "lollol" not in doc.text for doc in docs)
    assert all(len(doc.title or "") < 100 for doc in docs)


def test_external_entity_is_not_resolved(fresh_db):
    """P2: the title stays the literal reference; no file content leaks in."""
    _, docs, _ = store_feed(fresh_db, "xxe.xml")
    (doc,) = docs
    assert doc.title == "&xxe;"
    try:
        hostname = open("/etc/hostname").read().strip()  # noqa: SIM115
    except OSError:
        hostname = None
    if hostname:
        assert hostname not in doc.text and hostname not in (doc.html or "")


# --- P3: ill-formed XML ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "titles"),
    [
        ("unclosed-root.xml", ["First item survives", "Second item survives"]),
        ("incomplete-cdata.xml", ["Rule published"]),
        ("corrupted-ampersand.xml", ["Commerce & Treasury act"]),
        ("undeclared-namespace.xml", ["Undeclared prefix"]),
    ],
)
def test_ill_formed_feeds_still_yield_their_items_with_a_warning(fresh_db, name, titles):
    """P3: items extracted where possible, bozo recorded as a warning."""
    parsed, docs, counts = store_feed(fresh_db, name)
    assert [doc.title for doc in docs] == titles
    assert parsed.warning and "not well-formed" in parsed.warning
    assert counts.new == len(titles)


@pytest.mark.parametrize("name", ["empty-document.xml", "homepage.html", "waf-403.html", "cloudflare-challenge.html"])
def test_documents_that_are_not_feeds_are_refused_by_name(name):
    """P3/F10: an empty document or an HTML page is a FeedFormatError, not zero items."""
    with pytest.raises(parse_feed.FeedFormatError) as caught:
        parse(name, {"content-type": "text/html"})
    assert caught.value.kind == "feed_format_not_detected"


# --- P4: encodings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content_type", "title"),
    [
        # The XML declaration says iso-8859-1; only the HTTP charset gives the right text.
        ("http-charset-cp1251.xml", "application/rss+xml; charset=windows-1251", "Минфин США ввёл санкции"),
        ("big5.xml", "application/rss+xml; charset=big5", "美國商務部實體清單"),
        ("shift-jis.xml", "text/xml; charset=shift_jis", "輸出規制の強化"),
        ("latin1-undeclared.xml", "application/rss+xml", "Comisión Federal de Comercio sanciona"),
    ],
)
def test_encodings_served_over_http(fresh_db, web, name, content_type, title):
    """P4: through a real response, so the HTTP charset is the one the server sent."""
    from ingest import poll

    web.expect_request("/feed").respond_with_data(fixture(f"feeds/{name}"), content_type=content_type)
    (report,) = poll.poll_sources(fresh_db, [make_source("enc", web.url_for("/feed"))], options=options()).reports
    assert report.error_kind is None
    assert fresh_db.execute("SELECT title FROM documents").fetchone()[0] == title


def test_bom_with_invalid_bytes_is_decoded_not_fatal(fresh_db):
    """P4: a UTF-8 BOM followed by bytes that are not UTF-8."""
    parsed, docs, _ = store_feed(fresh_db, "bom-invalid-bytes.xml")
    (doc,) = docs
    assert doc.title.startswith("Caf") and doc.title.endswith("rule")
    assert parsed.warning


# --- P5: control characters ------------------------------------------------------------------


def test_control_characters_are_stripped(fresh_db):
    _, docs, _ = store_feed(fresh_db, "control-chars.xml")
    (doc,) = docs
    assert doc.title == "Entity List update"
    stored_title, stored_text = fresh_db.execute("SELECT title, text FROM documents").fetchone()
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", stored_title + stored_text)


# --- P6: identity ----------------------------------------------------------------------------


def test_items_without_ids_and_duplicate_guids_stay_distinct(fresh_db):
    """P6: stable unique ids; a repeated GUID with another link is not merged."""
    _, docs, counts = store_feed(fresh_db, "ids.xml")
    assert counts.new == 5 and len({doc.id for doc in docs}) == 5
    by_title = {doc.title: doc for doc in docs}
    assert by_title["Same GUID, first link"].url == "https://example.gov/one"
    assert by_title["Same GUID, second link"].url == "https://example.gov/two"
    assert by_title["Tracked link"].url == "https://example.gov/three?id=7"  # tracking parameters dropped
    # Same bytes again: the same ids, nothing new (P9).
    _, again, counts = store_feed(fresh_db, "ids.xml")
    assert [doc.id for doc in again] == [doc.id for doc in docs]
    assert (counts.new, counts.updated, counts.unchanged) == (0, 0, 5)


def test_edgar_accession_repeated_per_role_is_not_silently_merged(fresh_db):
    """EDGAR getcurrent lists one accession once per role (Filer, Reporting) with different links."""
    _, docs, counts = store_feed(fresh_db, "edgar-getcurrent.atom", {"content-type": "application/atom+xml"})
    assert counts.new == 3 and len({doc.id for doc in docs}) == 3
    assert all(doc.published and doc.published.endswith("+00:00") for doc in docs)  # Atom `updated`, -04:00 → UTC
    assert docs[0].published == "2026-10-05T17:58:41+00:00"


# --- P7: relative links and unsafe bases ------------------------------------------------------


def test_relative_links_resolve_against_the_effective_url(fresh_db, web):
    from ingest import poll

    web.expect_request("/news/feed.xml").respond_with_data(
        fixture("feeds/relative-links.xml"), content_type="application/rss+xml"
    )
    source = make_source("rel", web.url_for("/news/feed.xml"))
    poll.poll_sources(fresh_db, [source], options=options())
    url, html = fresh_db.execute("SELECT url, html FROM documents").fetchone()
    assert url == web.url_for("/opa/pr/relative-item")
    assert f'href="{web.url_for("/docs/a.pdf")}"' in html


def test_javascript_xml_base_is_ignored():
    """P7: an `xml:base` of javascript: never becomes the base of a link."""
    (item,) = parse("unsafe-base.xml", {"content-type": "application/atom+xml"}).items
    doc = to_document("feed", item, base_url=BASE)
    assert doc.url == "https://feeds.example/news/relative/page.html"
    assert "javascript" not in (doc.html or "")


# --- P8: dates ----------------------------------------------------------------------------------


def test_dates_are_utc_or_absent_never_guessed():
    """P8: offsets applied; numeric dates read month-first by rule; relative or garbage dates dropped.

    Nothing here depends on the current time: relative dates are not resolved
    at all (the document keeps its fetch time instead).
    """
    published = {item.title: item.published for item in parse("dates.xml").items}
    assert published == {
        "No date": None,
        "Eastern daylight": "2026-09-30T01:23:48+00:00",
        "Named zone EST": "2026-11-02T14:00:00+00:00",
        "ISO with offset": "2026-10-05T08:28:41+00:00",
        "Numeric ambiguous": "2026-02-03T00:00:00+00:00",  # MM-DD-YYYY, as US agencies write it
        "Relative": None,
        "Garbage": None,
    }


def test_numeric_dates_whose_first_part_cannot_be_a_month_are_day_first():
    assert parse_feed._numeric_date("25/03/2026") == "2026-03-25T00:00:00+00:00"
    assert parse_feed._numeric_date("02/30/2026") is None
    assert parse_feed._numeric_date("Tue, 29 Sep 2026") is False


# --- P9: re-ingest ----------------------------------------------------------------------------------


def test_reingesting_the_same_feed_twice_keeps_row_counts(fresh_db):
    store_feed(fresh_db, "whitehouse-presidential-actions.xml")
    before = store.count_rows(fresh_db)
    updated = fresh_db.execute("SELECT id, updated FROM documents ORDER BY id").fetchall()
    _, _, counts = store_feed(fresh_db, "whitehouse-presidential-actions.xml")
    assert (counts.new, counts.updated, counts.unchanged) == (0, 0, 2)
    assert store.count_rows(fresh_db) == before
    assert fresh_db.execute("SELECT id, updated FROM documents ORDER BY id").fetchall() == updated


# --- C1-C3: what is stored is safe to render ---------------------------------------------------------


def test_hostile_titles_links_and_summaries_are_stored_safe(fresh_db):
    _, docs, _ = store_feed(fresh_db, "xss.xml")
    rows = {r[0]: r[1:] for r in fresh_db.execute("SELECT guid, title, url, html, text FROM documents")}
    # C1: the title is kept as the literal text it is (escaped on output), never as markup in `html`.
    title, url, html, text = rows["x-1"]
    assert title == "<img src=x onerror=alert(1)>Rule"
    assert "<img" not in (html or "") and "onerror" not in (html or "")
    # C3: script, iframe, object, style, meta refresh and event handlers are gone.
    for bad in ("<script", "<iframe", "<object", "<style", "<meta", "onclick", "javascript:", "alert("):
        assert bad not in html.lower()
    assert 'href="https://ok.example/"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert "alert" not in text
    # C2: javascript:, data: and vbscript: links are dropped.
    for guid in ("x-2", "x-3", "x-4"):
        assert rows[guid][1] is None


def test_base64_encoded_script_content_is_removed(fresh_db):
    """C3: `mode="base64"` content is decoded by feedparser and still cleaned."""
    _, docs, _ = store_feed(fresh_db, "xss-base64.xml", {"content-type": "application/atom+xml"})
    (doc,) = docs
    assert "<script" not in (doc.html or "") and "alert" not in doc.text
    assert "Safe text" in doc.text
