"""ingest.poll: every source kind polled from a real HTTP server on 127.0.0.1.

Rows F1-F15 of shared/spec/reliability-checklist.md are tested here at the
orchestrator level (the fetch-level tests are in test_fetch.py): each failure
must end as an error kind on the source while the run goes on with the
others. The service shapes come from tests/fixtures (see its README).
"""

from __future__ import annotations

import json
from datetime import timedelta
from email.utils import format_datetime

import pytest
from werkzeug import Response

from ingest import parse_feed, poll
from ingest.fetch import ErrorKind
from ingest.limits import Limits
from ingest.sources import Schedule
from store import db as store

try:
    from tests.fetch_server import FaultServer, send_head
    from tests.ingest_support import (  # noqa: F401  (fixtures)
        FAST,
        NOW,
        Clock,
        fake_dns,
        fixture,
        ingest_servers,
        make_source,
        options,
        public_url,
        public_web,
        served,
        web,
        web2,
    )
except ImportError:  # tests/ is not a package: pytest put it on sys.path itself
    from fetch_server import FaultServer, send_head  # type: ignore[no-redef]
    from ingest_support import (  # type: ignore[no-redef]  # noqa: F401
        FAST,
        NOW,
        Clock,
        fake_dns,
        fixture,
        ingest_servers,
        make_source,
        options,
        public_url,
        public_web,
        served,
        web,
        web2,
    )

RSS = "application/rss+xml; charset=utf-8"
WH = "feeds/whitehouse-presidential-actions.xml"


@pytest.fixture
def faults():
    with FaultServer() as server:
        yield server


def run(db, *sources, clock=None, force=False, **extra):
    return poll.poll_sources(db, list(sources), force=force, options=options(clock, **extra))


def state(db, name):
    return store.get_source(db, name)


def doc_rows(db):
    return db.execute("SELECT id, title, updated, processed_version FROM documents ORDER BY id").fetchall()


# --------------------------------------------------------------------------
# RSS: the happy path, conditional requests (F6) and re-ingest (P9)
# --------------------------------------------------------------------------


def test_feed_poll_stores_documents_validators_and_schedule(fresh_db, web):
    web.expect_request("/feed/").respond_with_data(
        fixture(WH), content_type=RSS, headers={"ETag": '"wh-1"', "Last-Modified": "Tue, 29 Sep 2026 21:25:00 GMT"}
    )
    source = make_source("whitehouse", web.url_for("/feed/"), doc_kind="filing")
    result = run(fresh_db, source)
    (report,) = result.reports
    assert (report.new, report.updated, report.unchanged, report.error_kind) == (2, 0, 0, None)
    row = state(fresh_db, "whitehouse")
    assert row["etag"] == '"wh-1"' and row["last_modified"] == "Tue, 29 Sep 2026 21:25:00 GMT"
    assert row["last_status"] == 200 and row["consecutive_failures"] == 0
    assert row["next_check_at"] == (NOW + timedelta(hours=1)).isoformat()
    doc = fresh_db.execute(
        "SELECT guid, url, title, published, fetched, kind, metadata FROM documents WHERE guid LIKE '%51617'"
    ).fetchone()
    guid, url, title, published, fetched, kind, metadata = doc
    assert guid == "https://www.whitehouse.gov/?p=51617"  # isPermaLink="false": the guid, not the link
    assert url.startswith("https://www.whitehouse.gov/presidential-actions/2026/09/eliminating")
    assert title.startswith("Eliminating Disease-Carrying Pests")
    assert published == "2026-09-29T21:23:48+00:00" and kind == "filing" and fetched
    assert json.loads(metadata)["categories"] == ["Presidential Actions", "Executive Orders"]
    log = fresh_db.execute("SELECT status, new, error_kind FROM fetch_log").fetchall()
    assert log == [(200, 2, None)]


def test_304_writes_only_the_fetch_log_and_never_reparses(fresh_db, web, monkeypatch):
    """F6: If-None-Match/If-Modified-Since are sent; a 304 adds a log row and nothing else."""

    def handler(request):
        if request.headers.get("If-None-Match") == '"wh-1"':
            return Response(status=304, headers={"ETag": '"wh-1"'})
        return Response(
            fixture(WH), content_type=RSS, headers={"ETag": '"wh-1"', "Last-Modified": "Tue, 29 Sep 2026 21:25:00 GMT"}
        )

    web.expect_request("/feed/").respond_with_handler(handler)
    source = make_source("whitehouse", web.url_for("/feed/"))
    clock = Clock()
    run(fresh_db, source, clock=clock)
    before = doc_rows(fresh_db)

    def no_parse(*args, **kwargs):
        raise AssertionError("a 304 must not be parsed")

    monkeypatch.setattr(parse_feed, "parse", no_parse)
    clock.now += timedelta(hours=2)
    (report,) = run(fresh_db, source, clock=clock).reports
    assert report.not_modified and report.status == 304
    assert (report.new, report.updated, report.unchanged, report.errors) == (0, 0, 0, [])
    assert doc_rows(fresh_db) == before
    request = web.log[-1][0]
    assert request.headers["If-None-Match"] == '"wh-1"'
    assert request.headers["If-Modified-Since"] == "Tue, 29 Sep 2026 21:25:00 GMT"
    assert [r[0] for r in fresh_db.execute("SELECT status FROM fetch_log ORDER BY id")] == [200, 304]
    assert state(fresh_db, "whitehouse")["next_check_at"] == (clock.now + timedelta(hours=1)).isoformat()


def test_304_with_a_new_last_modified_updates_it(fresh_db, faults):
    """F6: a 304 carrying a new Last-Modified replaces the stored one.

    Served by the raw-socket server: werkzeug strips Last-Modified from 304s.
    """
    calls = []

    def handler(conn, request, server):
        calls.append(request.headers.get("if-modified-since"))
        if request.headers.get("if-modified-since"):
            send_head(conn, 304, [("Last-Modified", "Wed, 30 Sep 2026 08:00:00 GMT"), ("Content-Length", "0")])
            return
        body = fixture(WH)
        send_head(conn, 200, [("Content-Type", RSS), ("Last-Modified", "Tue, 29 Sep 2026 21:25:00 GMT"),
                              ("Content-Length", str(len(body)))])  # fmt: skip
        conn.sendall(body)

    faults.route("/feed/", handler)
    source = make_source("whitehouse", faults.url("/feed/"))
    run(fresh_db, source)
    run(fresh_db, source, force=True)
    assert state(fresh_db, "whitehouse")["last_modified"] == "Wed, 30 Sep 2026 08:00:00 GMT"
    run(fresh_db, source, force=True)
    assert calls == [None, "Tue, 29 Sep 2026 21:25:00 GMT", "Wed, 30 Sep 2026 08:00:00 GMT"]


def test_server_ignoring_conditional_headers_adds_no_rows(fresh_db, web):
    """F6/P9: always 200 with the same bytes: every item unchanged, nothing rewritten."""
    web.expect_request("/feed/").respond_with_data(fixture(WH), content_type=RSS)
    source = make_source("whitehouse", web.url_for("/feed/"))
    run(fresh_db, source)
    counts, rows = store.count_rows(fresh_db), doc_rows(fresh_db)
    (report,) = run(fresh_db, source, force=True).reports
    assert (report.new, report.updated, report.unchanged) == (0, 0, 2)
    assert doc_rows(fresh_db) == rows
    after = store.count_rows(fresh_db)
    assert after["documents"] == counts["documents"] and after["fetch_log"] == counts["fetch_log"] + 1


def test_a_changed_item_is_updated_and_queued_again(fresh_db, web):
    """P9: `updated` moves only for the item whose content changed, which is re-queued."""
    web.expect_request("/feed/").respond_with_data(fixture(WH), content_type=RSS)
    source = make_source("whitehouse", web.url_for("/feed/"))
    run(fresh_db, source)
    fresh_db.execute("UPDATE documents SET processed_version = 'v1'")
    web.clear()
    changed = fixture(WH).replace(b"Mosquitoes and ticks carry", b"Mosquitoes, ticks and fleas carry")
    web.expect_request("/feed/").respond_with_data(changed, content_type=RSS)
    (report,) = run(fresh_db, source, force=True).reports
    assert (report.new, report.updated, report.unchanged) == (0, 1, 1)
    pending = {row[0] for row in fresh_db.execute("SELECT guid FROM documents WHERE processed_version IS NULL")}
    assert pending == {"https://www.whitehouse.gov/?p=51617"}


def test_doj_items_all_at_noon_utc_are_stored_as_given(fresh_db, web):
    """DOJ stamps every item 12:00:00 +0000; the fetch time is kept beside it."""
    web.expect_request("/news/rss").respond_with_data(fixture("feeds/doj-press-releases.xml"), content_type=RSS)
    run(fresh_db, make_source("doj", web.url_for("/news/rss")))
    rows = fresh_db.execute("SELECT published, fetched FROM documents").fetchall()
    assert len(rows) == 3
    assert all(published.endswith("T12:00:00+00:00") and fetched for published, fetched in rows)


# --------------------------------------------------------------------------
# Failures become error kinds and the run goes on (F1-F5, F8-F10)
# --------------------------------------------------------------------------


def good_feed(web, name="good"):
    web.expect_request(f"/{name}.xml").respond_with_data(fixture(WH), content_type=RSS)
    return make_source(name, web.url_for(f"/{name}.xml"))


@pytest.mark.parametrize(
    ("path", "kind", "limits"),
    [
        ("/hang", ErrorKind.NETWORK_TIMEOUT, Limits(connect_timeout=1, read_timeout=1, deadline=1)),  # F1
        ("/drip", ErrorKind.NETWORK_TIMEOUT, Limits(connect_timeout=1, read_timeout=2, deadline=1.5)),  # F1
        ("/big", ErrorKind.RESPONSE_TOO_LARGE, FAST),  # F2 (cap lowered to 1 MiB)
        ("/gzip-chunk-bomb", ErrorKind.RESPONSE_TOO_LARGE, FAST),  # F3
        ("/partial", ErrorKind.BODY_READ, FAST),  # F4
        ("/reset", ErrorKind.BODY_READ, FAST),  # F4
        ("/broken-chunked", ErrorKind.BODY_READ, FAST),  # F4
    ],
)
def test_transport_faults_mark_the_source_and_the_run_goes_on(fresh_db, web, faults, path, kind, limits):
    bad = make_source("bad", faults.url(path))
    good = good_feed(web)
    result = run(fresh_db, bad, good, limits=limits)
    reports = {r.source: r for r in result.reports}
    assert reports["bad"].error_kind == kind.value
    assert reports["good"].error_kind is None and reports["good"].new == 2
    row = state(fresh_db, "bad")
    assert row["last_error_kind"] == kind.value and row["consecutive_failures"] == 1
    assert row["last_error"] and "\n" not in row["last_error"]
    assert fresh_db.execute("SELECT count(*) FROM documents WHERE source = 'bad'").fetchone()[0] == 0


def test_empty_200_is_an_error_not_an_empty_feed(fresh_db, web):
    """F5."""
    web.expect_request("/empty").respond_with_data(b"", content_type=RSS)
    (report,) = run(fresh_db, make_source("empty", web.url_for("/empty"))).reports
    assert report.error_kind == ErrorKind.EMPTY_RESPONSE_BODY.value


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (401, ErrorKind.UNAUTHORIZED),
        (403, ErrorKind.FORBIDDEN),
        (404, ErrorKind.NOT_FOUND),
        (410, ErrorKind.GONE),
        (500, ErrorKind.SERVER_ERROR),
        (502, ErrorKind.SERVER_ERROR),
        (503, ErrorKind.SERVER_ERROR),
        (504, ErrorKind.SERVER_ERROR),
    ],
)
def test_http_errors_are_recorded_with_their_kind(fresh_db, web, status, kind):
    """F8: distinct kinds, the status kept on the source; 410 suggests disabling it."""
    web.expect_request("/feed").respond_with_data("nope", status=status, content_type="text/plain")
    (report,) = run(fresh_db, make_source("src", web.url_for("/feed"))).reports
    row = state(fresh_db, "src")
    assert report.error_kind == kind.value == row["last_error_kind"]
    assert row["last_status"] == status and str(status) in row["last_error"]
    if status == 410:
        assert "enabled = false" in row["warning"]
    else:
        assert row["warning"] is None


def test_waf_403_and_cloudflare_challenge(fresh_db, web):
    """F9: a challenge is blocked_by_challenge, a plain WAF 403 is forbidden; neither is a parse error."""
    web.expect_request("/cf").respond_with_data(
        fixture("feeds/cloudflare-challenge.html"), status=403, content_type="text/html",
        headers={"cf-mitigated": "challenge", "Server": "cloudflare"},
    )  # fmt: skip
    web.expect_request("/waf").respond_with_data(
        fixture("feeds/waf-403.html"), status=403, content_type="text/html", headers={"Server": "AkamaiGHost"}
    )
    result = run(fresh_db, make_source("cf", web.url_for("/cf")), make_source("waf", web.url_for("/waf")))
    kinds = {r.source: r.error_kind for r in result.reports}
    assert kinds == {"cf": ErrorKind.BLOCKED_BY_CHALLENGE.value, "waf": ErrorKind.FORBIDDEN.value}


def test_html_homepage_is_not_a_feed(fresh_db, web):
    """F10."""
    web.expect_request("/").respond_with_data(fixture("feeds/homepage.html"), content_type="text/html")
    (report,) = run(fresh_db, make_source("home", web.url_for("/"))).reports
    assert report.error_kind == ErrorKind.FEED_FORMAT_NOT_DETECTED.value
    assert state(fresh_db, "home")["etag"] is None


def test_bozo_feed_with_entries_is_stored_with_a_warning(fresh_db, web):
    web.expect_request("/feed").respond_with_data(fixture("feeds/unclosed-root.xml"), content_type=RSS)
    (report,) = run(fresh_db, make_source("bozo", web.url_for("/feed"))).reports
    assert report.error_kind is None and report.new == 2
    assert "not well-formed" in state(fresh_db, "bozo")["warning"]


def test_bozo_feed_without_entries_is_feed_format_not_detected(fresh_db, web):
    web.expect_request("/feed").respond_with_data(fixture("feeds/truncated-no-entries.xml"), content_type=RSS)
    (report,) = run(fresh_db, make_source("bozo", web.url_for("/feed"))).reports
    assert report.error_kind == ErrorKind.FEED_FORMAT_NOT_DETECTED.value


def test_a_parser_crash_is_contained_to_its_source(fresh_db, web, monkeypatch):
    """One source's bug on hostile input is an internal_error; the next source is still polled."""
    real = parse_feed.parse

    def flaky(body, headers=None, base_url=None):
        if base_url and base_url.endswith("/crash.xml"):
            raise RuntimeError("parser exploded")
        return real(body, headers, base_url)

    monkeypatch.setattr(parse_feed, "parse", flaky)
    web.expect_request("/crash.xml").respond_with_data(fixture(WH), content_type=RSS)
    result = run(fresh_db, make_source("crash", web.url_for("/crash.xml")), good_feed(web))
    kinds = {r.source: (r.error_kind, r.new) for r in result.reports}
    assert kinds == {"crash": (poll.INTERNAL_ERROR, 0), "good": (None, 2)}
    assert "RuntimeError: parser exploded" in state(fresh_db, "crash")["last_error"]


# --------------------------------------------------------------------------
# Scheduling (F7) and the circuit breaker (F15)
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("retry_after", "at_least", "at_most"),
    [
        ("120", 120, 130),
        (timedelta(hours=2), 7000, 7300),  # an HTTP-date two hours from now
        (timedelta(hours=-2), 60, 70),  # a past HTTP-date: the default interval
        ("soon", 60, 70),  # garbage: the default interval
    ],
)
def test_429_retry_after_sets_the_next_check(fresh_db, web, retry_after, at_least, at_most):
    """F7: next_check >= the server's delay; a past or garbage Retry-After means the interval."""
    if isinstance(retry_after, timedelta):  # fetch() reads HTTP-dates against the real clock
        retry_after = format_datetime(poll._utcnow() + retry_after, usegmt=True)
    web.expect_request("/feed").respond_with_data("slow down", status=429, headers={"Retry-After": retry_after})
    source = make_source("limited", web.url_for("/feed"), interval_minutes=1, min_interval_minutes=1)
    (report,) = run(fresh_db, source).reports
    assert report.error_kind == ErrorKind.TOO_MANY_REQUESTS.value
    due = poll._parse_stamp(state(fresh_db, "limited")["next_check_at"])
    assert at_least <= (due - NOW).total_seconds() <= at_most


def test_retry_after_is_real_time_from_the_server_clock(fresh_db, web):
    """F7 with the real clock: the stored next check is at least Retry-After ahead."""
    web.expect_request("/feed").respond_with_data("slow down", status=429, headers={"Retry-After": "120"})
    source = make_source("limited", web.url_for("/feed"), interval_minutes=1, min_interval_minutes=1)
    before = poll._utcnow()
    poll.poll_sources(fresh_db, [source], options=options(poll.PollOptions().clock))
    due = poll._parse_stamp(state(fresh_db, "limited")["next_check_at"])
    assert (due - before).total_seconds() >= 119


@pytest.mark.parametrize(
    ("headers", "body", "expected"),
    [
        ({"Cache-Control": "max-age=7200"}, fixture(WH), 7200),  # max-age beyond the interval is respected
        ({"Cache-Control": "max-age=258452"}, fixture(WH), 6 * 3600),  # DOJ's 3 days: clamped to max_interval
        ({"Cache-Control": "max-age=60"}, fixture(WH), 3600),  # shorter than the interval: interval wins
        ({}, fixture(WH).replace(b"<language>", b"<ttl>180</ttl><language>"), 3 * 3600),  # RSS <ttl> in minutes
    ],
)
def test_success_schedule_uses_server_hints_clamped(fresh_db, web, headers, body, expected):
    """F7: Cache-Control max-age and feed TTL, clamped to [min_interval, max_interval]."""
    web.expect_request("/feed").respond_with_data(body, content_type=RSS, headers=headers)
    run(fresh_db, make_source("hinted", web.url_for("/feed")))
    assert state(fresh_db, "hinted")["next_check_at"] == (NOW + timedelta(seconds=expected)).isoformat()


def test_next_check_backs_off_with_consecutive_failures():
    schedule = Schedule(interval=600, min_interval=60, max_interval=3600, max_backoff=4000)
    gaps = [(poll.next_check(NOW, schedule, failures=n) - NOW).total_seconds() for n in range(5)]
    assert gaps == [600, 600, 1200, 2400, 4000]
    assert poll.next_check(NOW, schedule, failures=1, retry_after=3000) - NOW == timedelta(seconds=3000)
    assert poll.next_check(NOW, schedule, retry_after=10**9) - NOW == timedelta(seconds=3600)


def test_sources_not_due_are_skipped_until_their_time(fresh_db, web):
    source = good_feed(web)
    clock = Clock()
    run(fresh_db, source, clock=clock)
    clock.now += timedelta(minutes=30)
    result = run(fresh_db, source, clock=clock)
    assert result.reports == [] and [s.reason for s in result.skipped] == ["not_due"]
    assert len(run(fresh_db, source, clock=clock, force=True).reports) == 1  # --all
    clock.now += timedelta(hours=2)
    assert len(run(fresh_db, source, clock=clock).reports) == 1


def test_three_failures_in_a_row_stop_polling_until_reset(fresh_db, web):
    """F15: skipped (even with --all) until `sources reset`; other sources unaffected."""
    web.expect_request("/broken").respond_with_data("gone", status=404)
    broken = make_source("broken", web.url_for("/broken"))
    good = good_feed(web)
    clock = Clock()
    for _ in range(3):
        result = run(fresh_db, broken, good, clock=clock, force=True)
        assert {r.source for r in result.reports} == {"broken", "good"}
        clock.now += timedelta(days=2)
    assert state(fresh_db, "broken")["consecutive_failures"] == 3
    requests_before = sum(1 for request, _ in web.log if request.path == "/broken")
    for force in (False, True):
        result = run(fresh_db, broken, good, clock=clock, force=force)
        assert [r.source for r in result.reports] == ["good"]
        (skipped,) = result.skipped
        assert skipped.reason == "failing" and "regwatch sources reset broken" in skipped.detail
    assert sum(1 for request, _ in web.log if request.path == "/broken") == requests_before
    health = store.source_health(fresh_db)["broken"]
    assert health["last_error_kind"] == ErrorKind.NOT_FOUND.value  # what `sources list` shows
    assert store.reset_source(fresh_db, "broken")
    web.clear()
    web.expect_request("/broken").respond_with_data(fixture(WH), content_type=RSS)
    (report,) = run(fresh_db, broken, clock=clock).reports
    assert report.error_kind is None and state(fresh_db, "broken")["consecutive_failures"] == 0


def test_a_success_resets_the_failure_count(fresh_db, web):
    answers = iter([Response("x", status=500), Response(fixture(WH), content_type=RSS)])
    web.expect_request("/flaky").respond_with_handler(lambda request: next(answers))
    source = make_source("flaky", web.url_for("/flaky"))
    run(fresh_db, source)
    assert state(fresh_db, "flaky")["consecutive_failures"] == 1
    run(fresh_db, source, force=True)
    row = state(fresh_db, "flaky")
    assert row["consecutive_failures"] == 0 and row["last_error_kind"] is None


def test_changing_a_source_url_drops_its_validators(fresh_db, web):
    web.expect_request("/a").respond_with_data(fixture(WH), content_type=RSS, headers={"ETag": '"a"'})
    web.expect_request("/b").respond_with_data(fixture(WH), content_type=RSS)
    run(fresh_db, make_source("moving", web.url_for("/a")))
    assert state(fresh_db, "moving")["etag"] == '"a"'
    run(fresh_db, make_source("moving", web.url_for("/b")), force=True)
    assert "If-None-Match" not in web.log[-1][0].headers


# --------------------------------------------------------------------------
# Redirects and the network policy (F11-F14)
# --------------------------------------------------------------------------


def test_permanent_redirect_is_followed_but_not_persisted(fresh_db, web):
    """F14: the documents are stored; the source URL stays; a warning asks for review."""
    web.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    web.expect_request("/new").respond_with_data(fixture(WH), content_type=RSS)
    (report,) = run(fresh_db, make_source("moved", web.url_for("/old"))).reports
    assert report.new == 2
    row = state(fresh_db, "moved")
    assert row["url"] == web.url_for("/old")
    assert "permanent redirect to " + web.url_for("/new") in row["warning"]


@pytest.mark.parametrize(
    "target",
    ["http://169.254.169.254/latest/meta-data/", "PRIVATE", "file:///etc/passwd", "gopher://127.0.0.1:70/"],
)
def test_redirects_to_forbidden_targets_are_refused(fresh_db, public_web, web, target):
    """F11: refused before connecting, under the default policy; the run goes on."""
    web.expect_request("/internal").respond_with_data("secret")
    if target == "PRIVATE":
        target = web.url_for("/internal")
    public_web.expect_request("/feed").respond_with_data("", status=302, headers={"Location": target})
    public_web.expect_request("/ok").respond_with_data(fixture(WH), content_type=RSS)
    sources = (make_source("sneaky", public_url(public_web, "/feed")), make_source("ok", public_url(public_web, "/ok")))
    result = run(fresh_db, *sources, allow_private=False)
    kinds = {r.source: r.error_kind for r in result.reports}
    assert kinds == {"sneaky": ErrorKind.POLICY_REFUSED.value, "ok": None}
    assert web.log == []


def test_host_resolving_to_a_private_address_is_refused(fresh_db, fake_dns, web):
    """F12: an IPv4-mapped loopback answer is refused; nothing connects to it."""
    fake_dns["sneaky.test"] = ["::ffff:127.0.0.1"]
    source = make_source("sneaky", f"http://sneaky.test:{web.port}/feed")
    (report,) = run(fresh_db, source, allow_private=False).reports
    assert report.error_kind == ErrorKind.POLICY_REFUSED.value
    assert web.log == []


COURTLISTENER = "courtlistener/search-recap.json"


def test_api_token_never_follows_a_cross_origin_redirect_nor_reaches_the_store(fresh_db, web, web2):
    """F13: the CourtListener token goes to its origin only and is never written down."""
    web.expect_request("/api/rest/v4/search/").respond_with_data(
        "", status=302, headers={"Location": web2.url_for("/elsewhere")}
    )
    web2.expect_request("/elsewhere").respond_with_data(served(COURTLISTENER, web2), content_type="application/json")
    token = "0123456789abcdef0123456789abcdef01234567"
    source = make_source("cl", web.url_for("/api/rest/v4/search/") + "?type=r&q=x", kind="courtlistener",
                         token_env="CL_TOKEN")  # fmt: skip
    (report,) = run(fresh_db, source, environ={"CL_TOKEN": token}).reports
    assert report.error_kind is None and report.new == 2
    assert web.log[0][0].headers["Authorization"] == f"Token {token}"
    assert "Authorization" not in web2.log[0][0].headers
    dump = "\n".join(fresh_db.iterdump())
    assert token not in dump


# --------------------------------------------------------------------------
# Full article text for summary-only items
# --------------------------------------------------------------------------


def test_full_text_fetches_articles_once_and_keeps_only_clean_html(fresh_db, web):
    feed = served("feeds/doj-press-releases.xml", web)
    web.expect_request("/news/rss").respond_with_data(feed, content_type=RSS)
    article = fixture("articles/doj-three-men-charged.html")
    web.expect_request("/opa/pr/three-men-charged-scheme-divert-160-million-ai-servers-china").respond_with_data(
        article, content_type="text/html; charset=utf-8"
    )
    web.expect_request("/opa/pr/justice-department-sues-block-merger-two-chip-equipment-makers").respond_with_data(
        "missing", status=404
    )
    web.expect_request("/opa/pr/company-agrees-pay-21-million-resolve-export-control-violations").respond_with_data(
        b"%PDF-1.7", content_type="application/pdf"
    )
    source = make_source("doj", web.url_for("/news/rss"), full_text=True)
    (report,) = run(fresh_db, source).reports
    assert report.new == 3 and report.requests == 4
    assert any("summary kept" in w for w in report.warnings)
    text, html, metadata = fresh_db.execute(
        "SELECT text, html, metadata FROM documents WHERE url LIKE '%three-men-charged%'"
    ).fetchone()
    assert "relabeled it as generic computer parts" in text
    assert "Careers" not in text and "950 Pennsylvania Avenue" not in text  # boilerplate left out
    assert json.loads(metadata)["full_text"] == "article"
    for bad in ("<script", "onclick", "<iframe", "alert("):
        assert bad not in html
    summary_only = fresh_db.execute("SELECT text FROM documents WHERE url LIKE '%sues-block-merger%'").fetchone()[0]
    assert summary_only.startswith("The Justice Department filed a civil antitrust lawsuit")
    # The next poll reuses the stored article instead of fetching it again.
    (again,) = run(fresh_db, source, force=True).reports
    assert (again.new, again.updated, again.unchanged) == (0, 0, 3)
    assert again.requests == 3  # the feed plus the two articles that failed last time


def test_full_text_respects_max_full_text(fresh_db, web):
    web.expect_request("/news/rss").respond_with_data(served("feeds/doj-press-releases.xml", web), content_type=RSS)
    web.expect_request("/opa/pr/three-men-charged-scheme-divert-160-million-ai-servers-china").respond_with_data(
        fixture("articles/doj-three-men-charged.html"), content_type="text/html"
    )
    source = make_source("doj", web.url_for("/news/rss"), full_text=True, max_full_text=1)
    (report,) = run(fresh_db, source).reports
    assert report.requests == 2 and report.new == 3
    assert any("max_full_text" in w for w in report.warnings)


# --------------------------------------------------------------------------
# Federal Register
# --------------------------------------------------------------------------

FR_RAW = "/documents/full_text/text/2026/{}/{}.txt"


def serve_federal_register(web, web2):
    web.expect_request("/api/v1/documents.json").respond_with_data(
        served("federal_register/documents-page1.json", web), content_type="application/json"
    )
    web.expect_request("/api/v1/documents").respond_with_data(
        served("federal_register/documents-page2.json", web), content_type="application/json"
    )
    web.expect_request(FR_RAW.format("10/02", "2026-20321")).respond_with_data(
        fixture("federal_register/2026-20321.txt"), content_type="text/plain; charset=utf-8"
    )
    web.expect_request(FR_RAW.format("09/30", "2026-19460")).respond_with_data(
        fixture("federal_register/2026-19460.txt"), content_type="text/plain; charset=utf-8"
    )
    # The bot wall: a 302 to unblock.federalregister.gov, which answers HTML.
    web.expect_request(FR_RAW.format("10/01", "2026-19554")).respond_with_data(
        "", status=302, headers={"Location": web2.url_for("/")}
    )
    web2.expect_request("/").respond_with_data(fixture("federal_register/unblock.html"), content_type="text/html")
    web.expect_request("/content/pkg/FR-2026-10-01/html/2026-19554.htm").respond_with_data(
        fixture("federal_register/govinfo-2026-19554.htm"), content_type="text/html"
    )


def fr_source(web, **params):
    params.setdefault("agencies", ["executive-office-of-the-president", "industry-and-security-bureau"])
    return make_source("fr", web.url_for("/api/v1/documents.json"), kind="federal_register", **params)


def test_federal_register_follows_the_cursor_and_fetches_full_text(fresh_db, web, web2):
    serve_federal_register(web, web2)
    (report,) = run(fresh_db, fr_source(web, since_days=14)).reports
    assert (report.new, report.error_kind) == (3, None)
    assert any("bot wall" in w for w in report.warnings)
    first = web.log[0][0]
    query = first.args
    assert query.getlist("conditions[agencies][]") == [
        "executive-office-of-the-president",
        "industry-and-security-bureau",
    ]
    assert query["conditions[publication_date][gte]"] == "2026-09-18"
    assert {"signing_date", "executive_order_number", "raw_text_url"} <= set(query.getlist("fields[]"))
    assert "search_after_cursor=" in web.log[1][0].query_string.decode()
    rows = {row[0]: row[1:] for row in fresh_db.execute("SELECT id, stage, kind, text, metadata FROM documents")}
    assert set(rows) == {"federal-register:2026-20321", "federal-register:2026-19554", "federal-register:2026-19460"}
    stage, kind, text, metadata = rows["federal-register:2026-20321"]
    metadata = json.loads(metadata)
    assert (stage, kind) == ("published", "filing")
    assert "Executive Order 14434 of September 29, 2026" in text
    assert metadata["executive_order_number"] == "14434" and metadata["signing_date"] == "2026-09-29"
    assert metadata["type"] == "Presidential Document" and metadata["full_text_source"] == "raw_text_url"
    bis_text, bis_meta = rows["federal-register:2026-19554"][2], json.loads(rows["federal-register:2026-19554"][3])
    assert "adding four\nentities to the Entity List" in bis_text or "four entities" in " ".join(bis_text.split())
    assert "Request Access" not in bis_text and bis_meta["full_text_source"] == "govinfo"
    assert bis_meta["agencies"] == ["Commerce Department", "Industry and Security Bureau"]
    # Re-polling: the two search pages only, no full text fetched again, nothing rewritten.
    web.clear_log()
    (again,) = run(fresh_db, fr_source(web, since_days=14), force=True).reports
    assert (again.new, again.updated, again.unchanged, again.requests) == (0, 0, 3, 2)


def test_federal_register_page_cap_stops_paging_with_a_warning(fresh_db, web, web2):
    serve_federal_register(web, web2)
    (report,) = run(fresh_db, fr_source(web, max_pages=1, full_text=False)).reports
    assert report.new == 2 and report.requests == 1
    assert any("max_pages" in w for w in report.warnings)


def test_federal_register_zero_hits_and_400(fresh_db, web):
    """The zero-hit answer has no `results`; a 400 is a client error on the source."""
    web.expect_request("/api/v1/documents.json").respond_with_data(
        fixture("federal_register/documents-zero.json"), content_type="application/json"
    )
    web.expect_request("/bad/documents.json").respond_with_data(
        fixture("federal_register/error-400.json"), status=400, content_type="application/json"
    )
    zero = fr_source(web)
    bad = make_source("bad-fr", web.url_for("/bad/documents.json"), kind="federal_register")
    reports = {r.source: r for r in run(fresh_db, zero, bad).reports}
    assert (reports["fr"].new, reports["fr"].error_kind) == (0, None)
    assert reports["bad-fr"].error_kind == ErrorKind.CLIENT_ERROR.value


def test_public_inspection_is_a_stage_of_the_same_document(fresh_db, web, web2):
    web.expect_request("/api/v1/public-inspection-documents/current.json").respond_with_data(
        served("federal_register/public-inspection-current.json", web), content_type="application/json"
    )
    web.expect_request("/public-inspection/raw_text/202/620/439.txt").respond_with_data(
        fixture("federal_register/2026-20439-pi.txt"), content_type="text/plain"
    )
    web.expect_request("/public-inspection/raw_text/202/620/412.txt").respond_with_data("gone", status=404)
    source = make_source(
        "fr-pi",
        web.url_for("/api/v1/public-inspection-documents/current.json"),
        kind="federal_register",
        endpoint="public_inspection",
        agencies=["executive-office-of-the-president", "industry-and-security-bureau"],
    )
    (report,) = run(fresh_db, source).reports
    assert report.new == 2  # the Agricultural Marketing Service filing is not followed
    assert "_=" in web.log[0][0].query_string.decode()  # the shared cache is bypassed
    rows = {r[0]: r[1:] for r in fresh_db.execute("SELECT id, stage, published, text FROM documents")}
    assert rows["federal-register:2026-20439"][0] == "public_inspection"
    assert "revoke the prior determinations" in rows["federal-register:2026-20439"][2]
    withdrawn = rows["federal-register:2026-20412"]
    assert withdrawn[0] == "public_inspection" and withdrawn[1] is None  # publication_date and filed_at null
    # Published later under the same document number: one document, now at the published stage.
    web.expect_request("/api/v1/documents.json").respond_with_data(
        served("federal_register/documents-page1.json", web).replace(b"2026-20321", b"2026-20439"),
        content_type="application/json",
    )
    web.expect_request(FR_RAW.format("10/02", "2026-20439")).respond_with_data(
        "Published text.", content_type="text/plain"
    )
    (published,) = run(fresh_db, fr_source(web, max_pages=1)).reports
    assert published.updated == 1
    stage, count = fresh_db.execute(
        "SELECT stage, (SELECT count(*) FROM documents WHERE id LIKE '%2026-20439') FROM documents "
        "WHERE id = 'federal-register:2026-20439'"
    ).fetchone()
    assert (stage, count) == ("published", 1)
    # The inspection list showing it again changes nothing and fetches no text.
    web.clear_log()
    (again,) = run(fresh_db, source, force=True).reports
    assert again.updated == 0 and not any("raw_text/202/620/439" in r.path for r, _ in web.log)


# --------------------------------------------------------------------------
# CourtListener
# --------------------------------------------------------------------------


def test_courtlistener_search_with_token(fresh_db, web):
    web.expect_request("/api/rest/v4/search/").respond_with_data(
        served(COURTLISTENER, web), content_type="application/json"
    )
    source = make_source("cl", web.url_for("/api/rest/v4/search/") + "?type=r&order_by=dateFiled+desc&q=x",
                         kind="courtlistener", token_env="CL_TOKEN")  # fmt: skip
    (report,) = run(fresh_db, source, environ={"CL_TOKEN": "abc123"}).reports
    assert (report.new, report.requests, report.warnings) == (2, 1, [])
    assert web.log[0][0].headers["Authorization"] == "Token abc123"
    title, text, metadata = fresh_db.execute(
        "SELECT title, text, metadata FROM documents WHERE id = 'courtlistener:71234567'"
    ).fetchone()
    assert "<mark>" not in title and title.startswith("Sinovault Storage Technology Co. v. Department of Commerce")
    assert "September 28, 2026: COMPLAINT against" in text
    assert json.loads(metadata)["court_id"] == "dcd"


def test_courtlistener_without_token_warns_and_429_backs_off(fresh_db, web):
    web.expect_request("/api/rest/v4/search/").respond_with_data(
        fixture("courtlistener/throttled-429.json"), status=429, content_type="application/json",
        headers={"Retry-After": "120"},
    )  # fmt: skip
    source = make_source("cl", web.url_for("/api/rest/v4/search/"), kind="courtlistener", token_env="CL_TOKEN",
                         interval_minutes=1, min_interval_minutes=1)  # fmt: skip
    (report,) = run(fresh_db, source, environ={}).reports
    assert report.error_kind == ErrorKind.TOO_MANY_REQUESTS.value
    assert any("$CL_TOKEN is not set" in w for w in report.warnings)
    assert "Authorization" not in web.log[0][0].headers
    due = poll._parse_stamp(state(fresh_db, "cl")["next_check_at"])
    assert (due - NOW).total_seconds() >= 120


# --------------------------------------------------------------------------
# Screening list: designations, removals by diffing, events without NLP
# --------------------------------------------------------------------------


def serve_snapshot(web, name, etag, last_modified):
    def handler(request):
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(fixture(f"csl/{name}"), content_type="application/json",
                        headers={"ETag": etag, "Last-Modified": last_modified})  # fmt: skip

    web.clear()
    web.expect_request("/consolidated.json").respond_with_handler(handler)


def designation_events(db):
    return db.execute(
        """
        SELECT e.date, e.date_precision, json_extract(e.attrs, '$.action'), json_extract(e.attrs, '$.list'),
               (SELECT r.text FROM event_roles r WHERE r.event = e.id AND r.role = 'target'),
               (SELECT r.entity FROM event_roles r WHERE r.event = e.id AND r.role = 'agent')
        FROM events e WHERE e.type = 'designation' ORDER BY e.date, 5
        """
    ).fetchall()


def test_screening_list_designations_and_removals(fresh_db, web):
    source = make_source("csl", web.url_for("/consolidated.json"), kind="screening_list")
    serve_snapshot(web, "consolidated-1.json", '"s1"', "Mon, 28 Sep 2026 09:00:00 GMT")
    (first,) = run(fresh_db, source).reports
    assert (first.new, first.error_kind) == (5, None)
    events = designation_events(fresh_db)
    assert len(events) == 5
    assert ("2018-08-01", "day", "add", "Entity List",
            "China Electronics Technology Group Corporation 13th Research Institute (CETC 13)", "agency:us-bis") in events  # fmt: skip
    assert (None, "unknown", "add", "Specially Designated Nationals and Blocked Persons List",
            "IRAN AIRCRAFT MANUFACTURING INDUSTRIAL COMPANY", "agency:us-ofac") in events  # fmt: skip
    notice = fresh_db.execute(
        "SELECT json_extract(attrs, '$.federal_register_notice') FROM events WHERE evidence LIKE 'China Electronics%'"
    ).fetchone()[0]
    assert notice == "83 FR 37423; 87 FR 77505"
    # Structured data: written processed, never queued for the NLP stage.
    assert fresh_db.execute("SELECT DISTINCT kind, stage, processed_version FROM documents").fetchall() == [
        ("filing", "list", store.LIST_PIPELINE_VERSION)
    ]
    assert store.count_pending(fresh_db, "any-version") == 0
    assert list(store.pending_documents(fresh_db, "any-version")) == []

    # Unchanged list: a 304, nothing written.
    (same,) = run(fresh_db, source, force=True).reports
    assert same.not_modified and (same.new, same.updated) == (0, 0)

    # Next snapshot: one Entity List row gone (a delisting), one added.
    serve_snapshot(web, "consolidated-2.json", '"s2"', "Fri, 02 Oct 2026 09:00:00 GMT")
    (second,) = run(fresh_db, source, force=True).reports
    assert (second.new, second.updated, second.unchanged) == (2, 0, 4)
    events = designation_events(fresh_db)
    assert (
        "2026-10-01",
        "day",
        "add",
        "Entity List",
        "Sinovault Storage Technology Co., Ltd.",
        "agency:us-bis",
    ) in events
    assert ("2026-10-02", "day", "remove", "Entity List",
            "Hebei Far East Communication System Engineering Co., Ltd.", "agency:us-bis") in events  # fmt: skip
    assert len(events) == 7
    keys = set(store.list_entries(fresh_db, "csl"))
    assert len(keys) == 5 and not any("hebei far east" in key for key in keys)
    # Polling the same snapshot again records no second removal.
    (third,) = run(fresh_db, source, force=True).reports
    assert third.not_modified and len(designation_events(fresh_db)) == 7


def test_a_shrunken_snapshot_is_refused_not_taken_for_mass_delistings(fresh_db, web):
    source = make_source("csl", web.url_for("/consolidated.json"), kind="screening_list")
    serve_snapshot(web, "consolidated-1.json", '"s1"', "Mon, 28 Sep 2026 09:00:00 GMT")
    run(fresh_db, source)
    truncated = {"results": json.loads(fixture("csl/consolidated-1.json"))["results"][:1]}
    web.clear()
    web.expect_request("/consolidated.json").respond_with_json(truncated, headers={"ETag": '"s-bad"'})
    (report,) = run(fresh_db, source, force=True).reports
    assert report.error_kind == poll.SNAPSHOT_SHRANK
    assert (
        fresh_db.execute("SELECT count(*) FROM events WHERE json_extract(attrs, '$.action') = 'remove'").fetchone()[0]
        == 0
    )
    assert state(fresh_db, "csl")["etag"] == '"s1"'  # the bad snapshot's validator is not kept
    assert len(store.list_entries(fresh_db, "csl")) == 5


def test_screening_list_lists_filter(fresh_db, web):
    serve_snapshot(web, "consolidated-1.json", '"s1"', "Mon, 28 Sep 2026 09:00:00 GMT")
    source = make_source("csl", web.url_for("/consolidated.json"), kind="screening_list", lists=["EL", "MEU"])
    (report,) = run(fresh_db, source).reports
    assert report.new == 3
    assert {row[3] for row in designation_events(fresh_db)} == {"Entity List", "Military End-User List"}


def test_screening_list_body_cap_is_per_source(fresh_db, web):
    big = {"results": json.loads(fixture("csl/consolidated-1.json"))["results"] * 2000}
    web.expect_request("/consolidated.json").respond_with_json(big)
    small = make_source("csl", web.url_for("/consolidated.json"), kind="screening_list")
    (report,) = run(fresh_db, small).reports  # FAST caps bodies at 1 MiB
    assert report.error_kind == ErrorKind.RESPONSE_TOO_LARGE.value
    roomy = make_source("csl2", web.url_for("/consolidated.json"), kind="screening_list", max_body_mib=40)
    (report,) = run(fresh_db, roomy).reports
    assert report.error_kind is None and report.new == 5


def test_contact_is_appended_to_the_user_agent(fresh_db, web):
    """The SEC refuses clients without contact details in the User-Agent."""
    source = good_feed(web)
    run(fresh_db, source, environ={"REGWATCH_CONTACT": "admin@example.org\r\nX-Injected: 1"})
    agent = web.log[0][0].headers["User-Agent"]
    assert agent.startswith("regwatch/") and agent.endswith("admin@example.org X-Injected: 1")
    assert "X-Injected" not in web.log[0][0].headers


def test_per_source_deadline(fresh_db, faults):
    slow = make_source("slow", faults.url("/hang"), deadline_seconds=1)
    limits = Limits(connect_timeout=5, read_timeout=30, deadline=30)
    (report,) = run(fresh_db, slow, limits=limits).reports
    assert report.error_kind == ErrorKind.NETWORK_TIMEOUT.value
    assert "1 s deadline" in report.errors[0]


def test_max_items_is_applied_before_any_follow_up_request(fresh_db, web):
    web.expect_request("/news/rss").respond_with_data(served("feeds/doj-press-releases.xml", web), content_type=RSS)
    source = make_source("doj", web.url_for("/news/rss"), full_text=True, max_items=1)
    (report,) = run(fresh_db, source).reports
    assert (report.new, report.requests) == (1, 2)  # the feed and one article, not three
    assert any("max_items" in w for w in report.warnings)
