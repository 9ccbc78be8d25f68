"""Tests for ingest/fetch.py and ingest/policy.py.

No test touches the network: every response comes from a real HTTP server on
a loopback address (pytest-httpserver for ordinary responses, the raw-socket
``FaultServer`` in ``fetch_server.py`` for faults), and host names ending in
``.test`` resolve through a fake ``policy.resolve``. Rows F1-F14 of
shared/spec/reliability-checklist.md are named in the test docstrings.

Tests that talk to 127.0.0.1 pass ``allow_private=True``; the policy tests
leave it off and check that the refused target never saw a connection.
"""

from __future__ import annotations

import socket
import threading
import time
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpcore
import httpx
import pytest
from pytest_httpserver import HTTPServer

from ingest import fetch as fetch_module
from ingest import policy
from ingest.fetch import (
    ErrorKind,
    FetchResult,
    PolicyBackend,
    build_client,
    fetch,
    is_challenge,
    parse_max_age,
    parse_retry_after,
)
from ingest.limits import DEFAULT_LIMITS, MIB, Limits

try:
    from tests.fetch_server import (
        FEED,
        FaultServer,
        client_ssl_context,
        free_port,
        gzip_bytes,
        gzip_of_zeros,
        server_ssl_context,
        wait_until,
    )
except ImportError:  # tests/ is not a package: pytest put it on sys.path itself
    from fetch_server import (  # type: ignore[no-redef]
        FEED,
        FaultServer,
        client_ssl_context,
        free_port,
        gzip_bytes,
        gzip_of_zeros,
        server_ssl_context,
        wait_until,
    )

FAST = Limits(
    connect_timeout=2,
    read_timeout=2,
    deadline=5,
    max_body_bytes=1 * MIB,
    max_redirects=5,
)
PUBLIC_IP = "93.184.216.34"


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def http_servers():
    """pytest-httpserver instances for the whole session (stopping one takes ~0.5 s).

    "web" and "web2" are two origins on 127.0.0.1; "public" listens on
    127.0.0.2 and stands in for a public host (see ``public_web``).
    """
    servers = {
        "web": HTTPServer(host="127.0.0.1", port=0),
        "web2": HTTPServer(host="127.0.0.1", port=0),
        "public": HTTPServer(host="127.0.0.2", port=0),
    }
    for server in servers.values():
        server.start()
    yield servers
    for server in servers.values():
        server.clear()
        if server.is_running():
            server.stop()


@pytest.fixture(autouse=True)
def no_leftover_threads(http_servers):
    """Every server a test starts must be stopped, its threads joined."""
    before = set(threading.enumerate())
    yield

    def extra() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t not in before and t.is_alive()]

    wait_until(lambda: not extra(), 3.0)
    assert not extra(), f"threads left running: {[t.name for t in extra()]}"


@pytest.fixture(autouse=True)
def private_networks_env_unset(monkeypatch):
    monkeypatch.delenv(policy.ENV_ALLOW_PRIVATE, raising=False)


def _fresh(server: HTTPServer):
    server.clear()
    yield server
    server.clear()


@pytest.fixture
def web(http_servers):
    yield from _fresh(http_servers["web"])


@pytest.fixture
def web2(http_servers):
    """A second origin: same host, another port."""
    yield from _fresh(http_servers["web2"])


@pytest.fixture
def faults():
    with FaultServer() as server:
        yield server


@pytest.fixture
def tls_faults():
    with FaultServer(tls=server_ssl_context()) as server:
        yield server


class FakeDNS(dict):
    """Host name -> list of addresses, or a callable returning one per call."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        if host not in self:
            raise policy.ResolutionFailed(f"cannot resolve host {host!r}: no such name (fake DNS)")
        answer = self[host]
        return list(answer() if callable(answer) else answer)


@pytest.fixture
def fake_dns(monkeypatch) -> FakeDNS:
    dns = FakeDNS()
    monkeypatch.setattr(policy, "resolve", dns)
    return dns


@pytest.fixture
def public_web(monkeypatch, fake_dns, http_servers):
    """A pytest-httpserver on 127.0.0.2 standing in for the public host ``public.test``.

    The policy is told to accept exactly 127.0.0.2, so a redirect from here to
    any other private address is judged by the real rules.
    """
    real_refusal = policy.address_refusal
    monkeypatch.setattr(
        policy,
        "address_refusal",
        lambda address: None if address == "127.0.0.2" else real_refusal(address),
    )
    fake_dns["public.test"] = ["127.0.0.2"]
    yield from _fresh(http_servers["public"])


def public_url(server: HTTPServer, path: str) -> str:
    return f"http://public.test:{server.port}{path}"


def assert_one_line_naming(result: FetchResult, url: str) -> None:
    assert result.error is not None
    assert "\n" not in result.error and "\r" not in result.error
    assert url in result.error


# --------------------------------------------------------------------------
# Success, conditional GET (F6), headers
# --------------------------------------------------------------------------


def test_200_returns_body_validators_and_metadata(web):
    web.expect_request("/feed.xml").respond_with_data(
        FEED,
        content_type="application/rss+xml",
        headers={
            "ETag": '"v1"',
            "Last-Modified": "Mon, 02 Nov 2026 10:00:00 GMT",
            "Cache-Control": "max-age=300",
        },
    )
    url = web.url_for("/feed.xml")
    result = fetch(url, allow_private=True, limits=FAST)
    assert result.ok and not result.not_modified
    assert result.status == 200
    assert result.body == FEED
    assert result.etag == '"v1"'
    assert result.last_modified == "Mon, 02 Nov 2026 10:00:00 GMT"
    assert result.max_age == 300.0
    assert result.headers["content-type"].startswith("application/rss+xml")
    assert all(key == key.lower() for key in result.headers)
    assert result.effective_url == url and result.url == url
    assert result.redirects == [] and result.permanent_redirect is None
    assert result.error is None and result.error_kind is None
    assert 0 < result.elapsed < 5
    request, _response = web.log[0]
    assert request.headers["User-Agent"].startswith("regwatch/")
    assert "(+https://github.com/regwatch/regwatch)" in request.headers["User-Agent"]
    assert request.headers["Accept-Encoding"] == "gzip"


def test_default_limits_match_the_spec():
    assert DEFAULT_LIMITS.connect_timeout == 10
    assert DEFAULT_LIMITS.read_timeout == 20
    assert DEFAULT_LIMITS.deadline == 60
    assert DEFAULT_LIMITS.max_body_bytes == 15 * MIB
    assert DEFAULT_LIMITS.max_redirects == 5
    assert DEFAULT_LIMITS.user_agent.startswith("regwatch/")
    with pytest.raises(ValueError):
        Limits(deadline=0)


def test_304_after_sending_etag(web):
    """F6: If-None-Match is sent; a 304 means no body and no error."""
    web.expect_request("/feed.xml", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304, headers={"ETag": '"v1"'}
    )
    result = fetch(web.url_for("/feed.xml"), etag='"v1"', allow_private=True, limits=FAST)
    assert result.status == 304
    assert result.not_modified and result.ok
    assert result.body is None and result.error_kind is None
    assert result.etag == '"v1"'


def test_304_with_new_last_modified_updates_it(faults):
    """F6: a 304 carrying a new Last-Modified replaces the stored one.

    (Served raw: werkzeug strips Last-Modified from 304s, RFC 9110 allows it.)
    """
    old = "Mon, 02 Nov 2026 10:00:00 GMT"
    new = "Tue, 03 Nov 2026 10:00:00 GMT"
    faults.respond("/feed.xml", 304, [("Last-Modified", new)], content_length=False)
    result = fetch(
        faults.url("/feed.xml"),
        etag='"v1"',
        last_modified=old,
        allow_private=True,
        limits=FAST,
    )
    assert faults.requests[0].headers["if-modified-since"] == old
    assert faults.requests[0].headers["if-none-match"] == '"v1"'
    assert result.not_modified, result.error
    assert result.last_modified == new
    assert result.etag == '"v1"'  # none in the 304: keep what was sent


def test_server_ignoring_conditional_headers_still_returns_the_body(web):
    """F6: a server that always answers 200 gives the same bytes back; dedup is the store's job."""
    web.expect_request("/feed.xml").respond_with_data(FEED, headers={"ETag": '"v1"'})
    first = fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST)
    second = fetch(web.url_for("/feed.xml"), etag=first.etag, allow_private=True, limits=FAST)
    assert second.ok and not second.not_modified
    assert second.body == first.body == FEED
    assert web.log[1][0].headers["If-None-Match"] == '"v1"'


def test_stored_validators_with_control_characters_are_not_sent(faults):
    faults.respond("/feed.xml", 200, [], FEED)
    result = fetch(
        faults.url("/feed.xml"),
        etag='W/"caf\u00e9"',
        last_modified="Mon, 02 Nov 2026\r\nX-Injected: 1",
        allow_private=True,
        limits=FAST,
    )
    assert result.ok, result.error
    sent = faults.requests[0].headers
    assert "if-none-match" in sent
    assert "if-modified-since" not in sent and "x-injected" not in sent


def test_caller_headers_are_sent_but_accept_encoding_stays_gzip(web):
    web.expect_request("/api").respond_with_data(b'{"ok": true}', content_type="application/json")
    fetch(
        web.url_for("/api"),
        headers={
            "X-Api-Key": "k1",
            "Accept": "application/json",
            "Accept-Encoding": "br",
        },
        allow_private=True,
        limits=FAST,
    )
    sent = web.log[0][0].headers
    assert sent["X-Api-Key"] == "k1"
    assert sent["Accept"] == "application/json"
    assert sent["Accept-Encoding"] == "gzip"


def test_html_homepage_is_returned_for_the_parser_to_judge(web):
    """F10: fetch does not guess formats; the parse stage reports feed_format_not_detected."""
    page = b"<!doctype html><html><head><title>Agency</title></head><body>Home</body></html>"
    web.expect_request("/").respond_with_data(page, content_type="text/html; charset=utf-8")
    result = fetch(web.url_for("/"), allow_private=True, limits=FAST)
    assert result.ok and result.body == page
    assert result.headers["content-type"].startswith("text/html")
    assert ErrorKind.FEED_FORMAT_NOT_DETECTED.value == "feed_format_not_detected"


# --------------------------------------------------------------------------
# Status codes (F7, F8, F9)
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (401, ErrorKind.UNAUTHORIZED),
        (403, ErrorKind.FORBIDDEN),
        (404, ErrorKind.NOT_FOUND),
        (410, ErrorKind.GONE),
        (418, ErrorKind.CLIENT_ERROR),
        (500, ErrorKind.SERVER_ERROR),
        (502, ErrorKind.SERVER_ERROR),
        (503, ErrorKind.SERVER_ERROR),
        (504, ErrorKind.SERVER_ERROR),
    ],
)
def test_http_error_statuses_map_to_distinct_kinds(web, status, kind):
    """F8: each status gets its named kind, a one-line message and no body."""
    web.expect_request("/feed.xml").respond_with_data("nope", status=status, content_type="text/html")
    url = web.url_for("/feed.xml")
    result = fetch(url, allow_private=True, limits=FAST)
    assert result.error_kind is kind
    assert result.status == status
    assert result.body is None and not result.ok
    assert result.etag is None and result.last_modified is None
    assert_one_line_naming(result, url)
    assert str(status) in result.error


def test_410_suggests_disabling_the_source(web):
    """F8: 410 Gone says the source should be disabled."""
    web.expect_request("/feed.xml").respond_with_data("", status=410)
    result = fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.GONE
    assert result.error_kind.suggests_disabling
    assert "disabling" in result.error
    assert not ErrorKind.NOT_FOUND.suggests_disabling


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", 120.0),
        ("http-date-in-one-hour", 3600.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", None),  # in the past
        ("soon", None),
    ],
)
def test_429_records_retry_after(web, header, expected):
    """F7: Retry-After as seconds, an HTTP-date, a past date, garbage."""
    if header == "http-date-in-one-hour":
        header = format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    web.expect_request("/feed.xml").respond_with_data("slow down", status=429, headers={"Retry-After": header})
    result = fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.TOO_MANY_REQUESTS
    if expected is None:
        assert result.retry_after is None
    else:
        assert result.retry_after == pytest.approx(expected, abs=5)


def test_503_records_retry_after(web):
    web.expect_request("/feed.xml").respond_with_data("", status=503, headers={"Retry-After": "30"})
    result = fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.SERVER_ERROR
    assert result.retry_after == 30.0
    assert "Retry-After" in result.error


def test_cloudflare_challenge_header(web):
    """F9: 403 text/html with cf-mitigated: challenge is a challenge, not a parse error."""
    web.expect_request("/feed.xml").respond_with_data(
        "<html><title>Just a moment...</title></html>",
        status=403,
        content_type="text/html",
        headers={"cf-mitigated": "challenge", "Server": "cloudflare"},
    )
    result = fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.BLOCKED_BY_CHALLENGE
    assert result.body is None and result.status == 403


def test_cloudflare_challenge_page_without_the_header(web):
    """F9: the challenge page itself is recognised too."""
    page = (
        b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
        + b"<script src='/cdn-cgi/challenge-platform/h/b/orchestrate'></script></html>"
    )
    web.expect_request("/feed.xml").respond_with_data(
        page, status=503, content_type="text/html", headers={"Server": "cloudflare"}
    )
    result = fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.BLOCKED_BY_CHALLENGE


def test_plain_403_is_not_a_challenge(web):
    web.expect_request("/feed.xml").respond_with_data(
        "<html><title>Forbidden</title></html>",
        status=403,
        content_type="text/html",
        headers={"Server": "nginx"},
    )
    assert fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST).error_kind is ErrorKind.FORBIDDEN


def test_is_challenge_unit():
    assert is_challenge(403, {"CF-Mitigated": "challenge"}, None)
    assert is_challenge(503, {"server": "cloudflare"}, b"<html><title>Just a moment...</title>")
    assert not is_challenge(503, {"server": "nginx"}, b"<html><title>Just a moment...</title>")
    assert not is_challenge(404, {"server": "cloudflare"}, b"challenge-platform")
    assert not is_challenge(403, {"server": "cloudflare"}, b"<html>Access denied</html>")


def test_redirect_status_without_location_is_unexpected(web):
    web.expect_request("/feed.xml").respond_with_data("", status=302)
    result = fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.UNEXPECTED_STATUS
    assert "Location" in result.error


# --------------------------------------------------------------------------
# Retry-After and max-age parsing (F7; scheduling inputs)
# --------------------------------------------------------------------------

NOW = datetime(2026, 11, 23, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        (" 120 ", 120.0),
        ("0", 0.0),
        ("Mon, 23 Nov 2026 12:02:00 GMT", 120.0),
        ("Monday, 23-Nov-26 12:02:00 GMT", 120.0),  # RFC 850 form
        ("Mon Nov 23 12:02:00 2026", 120.0),  # asctime form, read as UTC
        ("Mon, 23 Nov 2026 11:00:00 GMT", None),  # past
        ("Mon, 23 Nov 2026 12:00:00 GMT", None),  # now is not in the future
        ("soon", None),
        ("-5", None),
        ("1.5", None),
        ("", None),
        (None, None),
        ("١٢٠", None),  # non-ASCII digits
    ],
)
def test_parse_retry_after(value, expected):
    assert parse_retry_after(value, NOW) == expected


def test_parse_retry_after_accepts_a_timestamp_for_now():
    assert parse_retry_after("Mon, 23 Nov 2026 12:02:00 GMT", NOW.timestamp()) == 120.0


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Cache-Control": "max-age=300"}, 300.0),
        ({"cache-control": "public, max-age=600, must-revalidate"}, 600.0),
        ({"Cache-Control": 'max-age="60"'}, 60.0),
        ({"Cache-Control": "max-age=300", "Age": "100"}, 200.0),
        ({"Cache-Control": "max-age=300", "Age": "900"}, 0.0),
        (
            {
                "Cache-Control": "max-age=300",
                "Expires": "Mon, 23 Nov 2026 18:00:00 GMT",
            },
            300.0,
        ),  # max-age wins
        ({"Expires": "Mon, 23 Nov 2026 13:00:00 GMT"}, 3600.0),
        (
            {
                "Expires": "Mon, 23 Nov 2026 13:00:00 GMT",
                "Date": "Mon, 23 Nov 2026 12:30:00 GMT",
            },
            1800.0,
        ),
        ({"Expires": "Mon, 23 Nov 2026 11:00:00 GMT"}, 0.0),  # past: already stale
        ({"Expires": "0"}, 0.0),  # invalid means already expired (RFC 9111)
        (
            {
                "Cache-Control": "max-age=soon",
                "Expires": "Mon, 23 Nov 2026 13:00:00 GMT",
            },
            3600.0,
        ),
        ({"Cache-Control": "no-cache"}, None),
        ({}, None),
    ],
)
def test_parse_max_age(headers, expected):
    assert parse_max_age(headers, NOW) == expected


# --------------------------------------------------------------------------
# Empty and oversized bodies (F2, F3, F5)
# --------------------------------------------------------------------------


def test_empty_200_body(web):
    """F5: an empty 200 is an error, not "0 items OK"."""
    web.expect_request("/feed.xml").respond_with_data(b"", status=200)
    result = fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.EMPTY_RESPONSE_BODY
    assert result.body is None and not result.ok


def test_204_is_an_empty_body(web):
    web.expect_request("/feed.xml").respond_with_data(b"", status=204)
    assert fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST).error_kind is ErrorKind.EMPTY_RESPONSE_BODY


def test_100mb_body_is_cut_at_the_cap(faults):
    """F2: a 100 MB body without Content-Length stops at the cap (1 MiB here; 15 MiB by default)."""
    started = time.monotonic()
    result = fetch(faults.url("/big"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.RESPONSE_TOO_LARGE
    assert result.body is None
    assert time.monotonic() - started < 3


def test_declared_oversized_body_is_refused_without_reading_it(faults):
    """F2: Content-Length above the cap is refused at once."""
    result = fetch(faults.url("/big-declared"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.RESPONSE_TOO_LARGE
    assert "100000000" in result.error


def test_gzip_bomb_200kb_to_200mb_stops_at_the_cap(faults):
    """F3: ~200 KB of gzip that decodes to 200 MiB."""
    gzip_of_zeros(200)  # build it outside the timed part
    started = time.monotonic()
    result = fetch(faults.url("/gzip-bomb"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.RESPONSE_TOO_LARGE
    assert result.body is None
    assert "decoded" in result.error
    assert time.monotonic() - started < 3


def test_gzip_bomb_single_64kib_chunk_is_bounded_per_chunk(faults):
    """F3: one ~64 KiB gzip chunk that would expand to 64 MiB never materialises.

    httpx's iter_bytes() would hand back a 64 MiB chunk here; decoding with
    zlib max_length keeps peak memory near the 1 MiB cap.
    """
    assert len(gzip_of_zeros(64)) <= 70 * 1024
    tracemalloc.start()
    try:
        result = fetch(faults.url("/gzip-chunk-bomb"), allow_private=True, limits=FAST)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.error_kind is ErrorKind.RESPONSE_TOO_LARGE
    assert peak < 16 * MIB, f"peak traced memory {peak / MIB:.1f} MiB"


def test_body_exactly_at_the_cap_is_accepted(web):
    limits = Limits(connect_timeout=2, read_timeout=2, deadline=5, max_body_bytes=1000)
    web.expect_request("/exact").respond_with_data(b"a" * 1000)
    web.expect_request("/over").respond_with_data(b"a" * 1001)
    assert fetch(web.url_for("/exact"), allow_private=True, limits=limits).body == b"a" * 1000
    assert fetch(web.url_for("/over"), allow_private=True, limits=limits).error_kind is ErrorKind.RESPONSE_TOO_LARGE


# --------------------------------------------------------------------------
# Content-Encoding
# --------------------------------------------------------------------------


def _deflate(data: bytes, wbits: int) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("encoding", "payload"),
    [
        ("gzip", gzip_bytes(FEED)),
        ("x-gzip", gzip_bytes(FEED)),
        ("deflate", _deflate(FEED, zlib.MAX_WBITS)),  # zlib-wrapped, as the RFC says
        (
            "deflate",
            _deflate(FEED, -zlib.MAX_WBITS),
        ),  # raw deflate, as some servers send
        ("gzip", gzip_bytes(FEED[:50]) + gzip_bytes(FEED[50:])),  # two gzip members
        ("identity", FEED),
    ],
)
def test_compressed_bodies_are_decoded(web, encoding, payload):
    web.expect_request("/feed.xml").respond_with_data(payload, headers={"Content-Encoding": encoding})
    result = fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST)
    assert result.ok, result.error
    assert result.body == FEED


def test_unsupported_content_encoding(web):
    web.expect_request("/feed.xml").respond_with_data(b"\x1b\x00junk", headers={"Content-Encoding": "br"})
    result = fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.UNSUPPORTED_ENCODING
    assert result.body is None


def test_corrupt_gzip_is_a_body_read_error(web):
    web.expect_request("/feed.xml").respond_with_data(
        b"\x1f\x8b\x08\x00garbage-garbage", headers={"Content-Encoding": "gzip"}
    )
    result = fetch(web.url_for("/feed.xml"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.BODY_READ
    assert result.body is None


# --------------------------------------------------------------------------
# Broken transfers (F4) and transport errors
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/partial",
        "/reset",
        "/broken-chunked",
        "/unterminated-chunked",
        "/gzip-truncated",
    ],
)
def test_broken_transfers_are_body_read_errors(faults, path):
    """F4: Content-Length 1024 then 16 bytes; reset mid-body; broken chunked; cut gzip."""
    url = faults.url(path)
    result = fetch(url, allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.BODY_READ, result.error
    assert result.body is None and not result.ok
    assert result.status == 200
    assert_one_line_naming(result, url)


def test_connection_refused():
    url = f"http://127.0.0.1:{free_port()}/feed.xml"
    result = fetch(url, allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.CONNECTION_REFUSED
    assert result.status is None
    assert_one_line_naming(result, url)


def test_server_closing_without_a_response(faults):
    result = fetch(faults.url("/close"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.NETWORK_ERROR
    assert result.status is None


@pytest.mark.parametrize("allow_private", [False, True])
def test_dns_failure(fake_dns, allow_private):
    """Unresolvable names are dns_error, whether caught by the pre-check or at connect time."""
    result = fetch("http://nxdomain.test/feed.xml", allow_private=allow_private, limits=FAST)
    assert result.error_kind is ErrorKind.DNS_ERROR
    assert "nxdomain.test" in result.error


def test_never_raises_on_an_invalid_url():
    result = fetch("http://exa mple.com:99999/", allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.POLICY_REFUSED


# --------------------------------------------------------------------------
# Timeouts and the overall deadline (F1)
# --------------------------------------------------------------------------


def test_server_that_never_responds_times_out_within_the_deadline(faults):
    """F1: accept and never answer; the read timeout is longer than the deadline."""
    limits = Limits(connect_timeout=2, read_timeout=20, deadline=1.5, max_body_bytes=MIB)
    result = fetch(faults.url("/hang"), allow_private=True, limits=limits)
    assert result.error_kind is ErrorKind.NETWORK_TIMEOUT
    assert 1.4 <= result.elapsed < 1.5 + 1.5
    assert "deadline" in result.error


def test_read_timeout_fires_before_the_deadline(faults):
    limits = Limits(connect_timeout=2, read_timeout=0.5, deadline=10, max_body_bytes=MIB)
    result = fetch(faults.url("/hang"), allow_private=True, limits=limits)
    assert result.error_kind is ErrorKind.NETWORK_TIMEOUT
    assert result.elapsed < 2


def test_one_byte_per_second_body_times_out_within_the_deadline(faults):
    """F1: a body dripping 1 byte/s never trips the read timeout but trips the deadline."""
    limits = Limits(connect_timeout=2, read_timeout=20, deadline=2, max_body_bytes=MIB)
    result = fetch(faults.url("/drip"), allow_private=True, limits=limits)
    assert result.error_kind is ErrorKind.NETWORK_TIMEOUT
    assert result.body is None
    assert result.elapsed < 2 + 1.5


def test_dripping_headers_time_out_within_the_deadline(faults):
    limits = Limits(connect_timeout=2, read_timeout=20, deadline=1.5, max_body_bytes=MIB)
    result = fetch(faults.url("/drip-head"), allow_private=True, limits=limits)
    assert result.error_kind is ErrorKind.NETWORK_TIMEOUT
    assert result.elapsed < 1.5 + 1.5


def test_deadline_also_holds_with_a_caller_supplied_plain_client(faults):
    """Without our transport the deadline is still checked between body chunks."""
    limits = Limits(connect_timeout=2, read_timeout=20, deadline=2, max_body_bytes=MIB)
    with httpx.Client(follow_redirects=False) as client:
        result = fetch(faults.url("/drip"), client=client, allow_private=True, limits=limits)
    assert result.error_kind is ErrorKind.NETWORK_TIMEOUT
    assert result.elapsed < 2 + 1.5


# --------------------------------------------------------------------------
# Redirects (F11, F14)
# --------------------------------------------------------------------------


def _redirect(server: HTTPServer, path: str, location: str, status: int = 302) -> None:
    server.expect_request(path).respond_with_data("", status=status, headers={"Location": location})


def test_redirect_chain_of_three_is_followed(web):
    _redirect(web, "/r1", "r2")  # relative
    _redirect(web, "/r2", "/r3", status=307)  # absolute path
    _redirect(web, "/r3", web.url_for("/feed.xml"), status=303)  # absolute URL
    web.expect_request("/feed.xml").respond_with_data(FEED)
    result = fetch(web.url_for("/r1"), allow_private=True, limits=FAST)
    assert result.ok, result.error
    assert result.body == FEED
    assert result.redirects == [
        web.url_for("/r2"),
        web.url_for("/r3"),
        web.url_for("/feed.xml"),
    ]
    assert result.effective_url == web.url_for("/feed.xml")
    assert result.permanent_redirect is None  # not every hop was permanent
    assert len(web.log) == 4


def test_six_redirects_are_refused(web):
    """F11: more than max_redirects (5) hops."""
    for hop in range(7):
        _redirect(web, f"/hop{hop}", f"/hop{hop + 1}")
    result = fetch(web.url_for("/hop0"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.TOO_MANY_REDIRECTS
    assert len(result.redirects) == 5
    assert len(web.log) == 6  # the original request plus five hops; the sixth target never asked
    assert result.body is None


def test_max_redirects_is_configurable(web):
    _redirect(web, "/a", "/b")
    limits = Limits(connect_timeout=2, read_timeout=2, deadline=5, max_redirects=0)
    assert fetch(web.url_for("/a"), allow_private=True, limits=limits).error_kind is ErrorKind.TOO_MANY_REDIRECTS


def test_redirect_loop_is_refused(web):
    """F11: a loop."""
    _redirect(web, "/a", "/b")
    _redirect(web, "/b", "/a")
    result = fetch(web.url_for("/a"), allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.REDIRECT_LOOP
    assert len(web.log) == 2


def test_permanent_redirect_is_reported_for_review(web):
    """F14: a 301 chain that passed the policy is reported; the caller decides to persist."""
    _redirect(web, "/old", "/older", status=301)
    _redirect(web, "/older", "/new", status=308)
    web.expect_request("/new").respond_with_data(FEED)
    result = fetch(web.url_for("/old"), allow_private=True, limits=FAST)
    assert result.ok
    assert result.permanent_redirect == web.url_for("/new")
    assert result.url == web.url_for("/old")


def test_refused_permanent_redirect_is_not_offered_as_the_new_url(public_web, faults):
    """F14: a 301 to a private address is refused; nothing to persist."""
    url = public_url(public_web, "/feed.xml")
    _redirect(public_web, "/feed.xml", faults.url("/feed.xml"), status=301)
    result = fetch(url, allow_private=False, limits=FAST)
    assert result.error_kind is ErrorKind.POLICY_REFUSED
    assert result.permanent_redirect is None
    assert result.effective_url == url
    assert result.redirects == []
    assert faults.connections == 0


def test_public_stand_in_is_fetchable_under_the_default_policy(public_web):
    """Control for the tests below: the stand-in public host itself is allowed."""
    public_web.expect_request("/feed.xml").respond_with_data(FEED)
    result = fetch(public_url(public_web, "/feed.xml"), allow_private=False, limits=FAST)
    assert result.ok, result.error


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:{port}/feed.xml",
        "http://[::1]:{port}/feed.xml",
        "http://0.0.0.0:{port}/feed.xml",
        "file:///etc/passwd",
        "gopher://127.0.0.1:{port}/_GET%20/",
        "ftp://example.com/feed.xml",
        "http://user:secret@127.0.0.1:{port}/",
    ],
)
def test_redirects_to_forbidden_targets_are_refused_before_connecting(public_web, faults, target):
    """F11: metadata address, loopback, file:, gopher:; the target never sees a connection."""
    target = target.format(port=faults.port)
    _redirect(public_web, "/feed.xml", target)
    url = public_url(public_web, "/feed.xml")
    result = fetch(url, allow_private=False, limits=FAST)
    assert result.error_kind is ErrorKind.POLICY_REFUSED, result.error
    assert result.body is None
    assert "secret" not in result.error
    assert faults.connections == 0
    assert result.elapsed < 2


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "gopher://127.0.0.1:{port}/",
        "http://user:secret@127.0.0.1:{port}/feed.xml",
        "http:///feed",
    ],
)
def test_forbidden_urls_are_refused_even_when_private_networks_are_allowed(faults, url):
    """Scheme and userinfo rules are never lifted."""
    url = url.format(port=faults.port)
    result = fetch(url, allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.POLICY_REFUSED
    assert "secret" not in result.error
    assert faults.connections == 0


def test_https_to_http_downgrade_is_refused(tls_faults, web):
    """F11: a real TLS server redirecting to plain http."""
    target = web.url_for("/feed.xml")
    tls_faults.respond("/feed.xml", 302, [("Location", target)])
    with build_client(limits=FAST, allow_private=True, verify=client_ssl_context()) as client:
        result = fetch(
            tls_faults.url("/feed.xml", host="localhost"),
            client=client,
            allow_private=True,
            limits=FAST,
        )
    assert result.error_kind is ErrorKind.POLICY_REFUSED
    assert "downgrade" in result.error
    assert len(tls_faults.requests) == 1
    assert web.log == []


def test_redirect_refusal_decision():
    assert policy.redirect_refusal("https://a.example/feed", "http://a.example/feed")
    assert policy.redirect_refusal("HTTPS://a.example/", "http://b.example/")
    assert policy.redirect_refusal("http://a.example/", "https://a.example/") is None
    assert policy.redirect_refusal("https://a.example/", "https://b.example/") is None
    assert policy.redirect_refusal("http://a.example/", "http://b.example/") is None


# --------------------------------------------------------------------------
# Secret headers on cross-origin redirects (F13)
# --------------------------------------------------------------------------


def test_secret_headers_not_sent_to_another_origin(web, web2):
    """F13: Authorization, X-Api-Key and caller-named secrets stay with the first origin."""
    web2.expect_request("/feed.xml").respond_with_data(FEED)
    _redirect(web, "/feed.xml", web2.url_for("/feed.xml"))
    result = fetch(
        web.url_for("/feed.xml"),
        headers={
            "Authorization": "Bearer s3cret",
            "X-Api-Key": "k-123",
            "X-Custom-Token": "t-456",
        },
        secret_headers=frozenset({"X-Custom-Token"}),
        allow_private=True,
        limits=FAST,
    )
    assert result.ok, result.error
    first = web.log[0][0].headers
    assert first["Authorization"] == "Bearer s3cret" and first["X-Api-Key"] == "k-123"
    second = web2.log[0][0].headers
    for name in ("Authorization", "X-Api-Key", "X-Custom-Token"):
        assert name not in second, name
    assert second["User-Agent"].startswith("regwatch/")


def test_client_level_authorization_is_also_dropped_cross_origin(web, web2):
    web2.expect_request("/feed.xml").respond_with_data(FEED)
    _redirect(web, "/feed.xml", web2.url_for("/feed.xml"))
    with build_client(limits=FAST, allow_private=True) as client:
        client.headers["Authorization"] = "Bearer from-client"
        result = fetch(web.url_for("/feed.xml"), client=client, allow_private=True, limits=FAST)
    assert result.ok
    assert web.log[0][0].headers["Authorization"] == "Bearer from-client"
    assert "Authorization" not in web2.log[0][0].headers


def test_secret_headers_kept_on_same_origin_redirect(web):
    _redirect(web, "/feed.xml", "/v2/feed.xml", status=301)
    web.expect_request("/v2/feed.xml").respond_with_data(FEED)
    result = fetch(
        web.url_for("/feed.xml"),
        headers={"Authorization": "Bearer s3cret"},
        allow_private=True,
        limits=FAST,
    )
    assert result.ok
    assert web.log[1][0].headers["Authorization"] == "Bearer s3cret"


def test_same_origin_rules():
    assert policy.same_origin("http://a.example/x", "http://a.example:80/y")
    assert policy.same_origin("https://A.example/", "https://a.example:443/z")
    assert not policy.same_origin("http://a.example/", "https://a.example/")
    assert not policy.same_origin("http://a.example:8080/", "http://a.example:8081/")
    assert not policy.same_origin("http://a.example/", "http://b.example/")


# --------------------------------------------------------------------------
# IP policy, DNS and pinning (F11, F12)
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104
        "fc00::1",
        "127.0.0.1",
        "::1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "fe80::1",
    ],
)
def test_hostnames_resolving_to_private_addresses_are_refused(fake_dns, faults, address):
    """F12: checked after DNS; ::ffff:127.0.0.1 and 0.0.0.0 would really reach the local server."""
    fake_dns["evil.test"] = [address]
    url = f"http://evil.test:{faults.port}/feed.xml"
    result = fetch(url, allow_private=False, limits=FAST)
    assert result.error_kind is ErrorKind.POLICY_REFUSED, result.error
    assert address in result.error or policy.parse_ip(address).compressed in result.error
    assert faults.connections == 0


def test_every_resolved_address_must_be_public(fake_dns, faults):
    """F12: one private answer among public ones refuses the host."""
    fake_dns["mixed.test"] = [PUBLIC_IP, "127.0.0.1"]
    result = fetch(f"http://mixed.test:{faults.port}/feed.xml", allow_private=False, limits=FAST)
    assert result.error_kind is ErrorKind.POLICY_REFUSED
    assert faults.connections == 0


def test_dns_answer_flipping_to_private_is_caught_at_connect_time(fake_dns, faults):
    """F12: public for the pre-check, loopback for the connection: the dialer re-checks and refuses."""
    answers = iter([[PUBLIC_IP], ["127.0.0.1"]])
    fake_dns["rebind.test"] = lambda: next(answers, ["127.0.0.1"])
    result = fetch(f"http://rebind.test:{faults.port}/feed.xml", allow_private=False, limits=FAST)
    assert result.error_kind is ErrorKind.POLICY_REFUSED, result.error
    assert fake_dns.calls == ["rebind.test", "rebind.test"]
    assert faults.connections == 0


def test_connection_goes_to_the_resolved_and_checked_address(fake_dns, faults):
    """F12: the connection uses the answer our resolver validated, and keeps the Host header."""
    faults.respond("/feed.xml", 200, [("Content-Type", "application/rss+xml")], FEED)
    fake_dns["feed.test"] = ["127.0.0.1"]
    result = fetch(f"http://feed.test:{faults.port}/feed.xml", allow_private=True, limits=FAST)
    assert result.ok, result.error
    assert fake_dns.calls == ["feed.test"]  # only the dialer resolves when private networks are allowed
    assert faults.requests[0].headers["host"] == f"feed.test:{faults.port}"


def test_policy_backend_refuses_before_opening_a_socket(faults):
    backend = PolicyBackend(allow_private=False, resolver=lambda host, port: ["127.0.0.1"])
    with pytest.raises(httpcore.ConnectError) as caught:
        backend.connect_tcp("anything.test", faults.port, timeout=1)
    assert isinstance(caught.value.__cause__, policy.PolicyRefusal)
    assert faults.connections == 0


def test_caller_supplied_plain_client_still_gets_the_pre_check(faults):
    with httpx.Client() as client:
        result = fetch(faults.url("/feed.xml"), client=client, allow_private=False, limits=FAST)
    assert result.error_kind is ErrorKind.POLICY_REFUSED
    assert faults.connections == 0


def test_env_var_allows_private_networks_but_not_other_schemes(monkeypatch, faults):
    faults.respond("/feed.xml", 200, [], FEED)
    assert fetch(faults.url("/feed.xml"), limits=FAST).error_kind is ErrorKind.POLICY_REFUSED
    assert faults.connections == 0
    monkeypatch.setenv(policy.ENV_ALLOW_PRIVATE, "1")
    assert fetch(faults.url("/feed.xml"), limits=FAST).ok
    assert fetch("file:///etc/passwd", limits=FAST).error_kind is ErrorKind.POLICY_REFUSED
    assert fetch(f"http://u:p@127.0.0.1:{faults.port}/", limits=FAST).error_kind is ErrorKind.POLICY_REFUSED
    monkeypatch.setenv(policy.ENV_ALLOW_PRIVATE, "true")  # only "1" counts
    assert not policy.private_networks_allowed(None)


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("8.8.8.8", False),
        (PUBLIC_IP, False),
        ("2606:4700:4700::1111", False),
        ("127.0.0.1", True),
        ("127.255.255.254", True),
        ("::1", True),
        ("10.0.0.1", True),
        ("172.31.255.255", True),
        ("192.168.0.1", True),
        ("169.254.169.254", True),
        ("100.64.0.1", True),
        ("100.127.255.254", True),
        ("0.0.0.0", True),  # noqa: S104
        ("::", True),
        ("fc00::1", True),
        ("fd12:3456::1", True),
        ("fe80::1", True),
        ("fe80::1%eth0", True),
        ("::ffff:127.0.0.1", True),
        ("::ffff:10.0.0.1", True),
        ("::ffff:8.8.8.8", False),
        ("::127.0.0.1", True),  # deprecated IPv4-compatible form
        ("2002:7f00:1::1", True),  # 6to4 wrapping 127.0.0.1
        ("2002:a00:1::1", True),  # 6to4 wrapping 10.0.0.1
        ("64:ff9b::7f00:1", True),  # NAT64 wrapping 127.0.0.1
        ("64:ff9b::808:808", False),  # NAT64 wrapping 8.8.8.8
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", True),  # Teredo
        ("224.0.0.1", True),  # multicast
        ("255.255.255.255", True),
        ("203.0.113.5", True),  # documentation range
        ("not-an-ip", True),
    ],
)
def test_address_refusal(address, refused):
    assert (policy.address_refusal(address) is not None) is refused


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://public.test/feed.xml", True),
        ("http://public.test:8080/feed.xml", True),
        ("HTTPS://PUBLIC.TEST/feed.xml", True),
        ("http://8.8.8.8/", True),
        ("http://127.0.0.1/", False),
        ("http://[::ffff:127.0.0.1]/", False),
        (
            "http://2130706433/",
            False,
        ),  # decimal form of 127.0.0.1, resolved by the fake as libc would
        ("http://private.test/", False),
        ("file:///etc/passwd", False),
        ("gopher://public.test/", False),
        ("javascript:alert(1)", False),
        ("ftp://public.test/", False),
        ("http://user:pw@public.test/", False),
        ("http://user@public.test/", False),
        ("http://@public.test/", False),
        ("http:///feed.xml", False),
        ("http://public.test:99999/", False),
        ("http://unknown.test/", False),
    ],
)
def test_check_url(fake_dns, url, allowed):
    fake_dns["public.test"] = [PUBLIC_IP, "2606:4700:4700::1111"]
    fake_dns["private.test"] = ["10.0.0.5"]
    fake_dns["2130706433"] = ["127.0.0.1"]
    reason = policy.check_url(url, allow_private=False)
    assert (reason is None) is allowed, reason


def test_check_url_with_private_allowed_skips_only_the_address_rule(fake_dns):
    assert policy.check_url("http://127.0.0.1:8080/", allow_private=True) is None
    assert policy.check_url("http://unknown.test/", allow_private=True) is None  # resolved at connect time
    assert policy.check_url("file:///etc/passwd", allow_private=True) is not None
    assert policy.check_url("http://a:b@127.0.0.1/", allow_private=True) is not None


def test_real_resolver_handles_literals_and_localhost():
    assert policy.host_addresses("127.0.0.1", 80) == ["127.0.0.1"]
    assert policy.host_addresses("::1", 80) == ["::1"]
    addresses = policy.resolve("localhost", 80)
    assert addresses and all(policy.address_refusal(a) for a in addresses)


# --------------------------------------------------------------------------
# TLS
# --------------------------------------------------------------------------


def test_untrusted_certificate_is_a_tls_error(tls_faults):
    tls_faults.respond("/feed.xml", 200, [], FEED)
    url = tls_faults.url("/feed.xml", host="localhost")
    result = fetch(url, allow_private=True, limits=FAST)
    assert result.error_kind is ErrorKind.TLS_ERROR, result.error
    assert tls_faults.requests == []
    assert_one_line_naming(result, url)


def test_tls_through_the_pinned_transport_keeps_sni_and_host(fake_dns, tls_faults):
    """The pinned connection goes to 127.0.0.1 while TLS verifies and names feed.test."""
    tls_faults.respond("/feed.xml", 200, [("Content-Type", "application/rss+xml")], FEED)
    fake_dns["feed.test"] = ["127.0.0.1"]
    url = f"https://feed.test:{tls_faults.port}/feed.xml"
    with build_client(limits=FAST, allow_private=True, verify=client_ssl_context()) as client:
        result = fetch(url, client=client, allow_private=True, limits=FAST)
    assert result.ok, result.error
    assert result.body == FEED
    assert tls_faults.requests[0].sni == "feed.test"
    assert tls_faults.requests[0].headers["host"] == f"feed.test:{tls_faults.port}"


def test_certificate_for_another_name_is_a_tls_error(fake_dns, tls_faults):
    tls_faults.respond("/feed.xml", 200, [], FEED)
    fake_dns["other.test"] = ["127.0.0.1"]
    with build_client(limits=FAST, allow_private=True, verify=client_ssl_context()) as client:
        result = fetch(
            f"https://other.test:{tls_faults.port}/feed.xml",
            client=client,
            allow_private=True,
            limits=FAST,
        )
    assert result.error_kind is ErrorKind.TLS_ERROR
    assert tls_faults.requests == []


# --------------------------------------------------------------------------
# Reusing one client
# --------------------------------------------------------------------------


def test_one_client_serves_many_fetches(web):
    web.expect_request("/a").respond_with_data(FEED)
    web.expect_request("/b").respond_with_data("", status=404)
    with build_client(limits=FAST, allow_private=True) as client:
        assert fetch(web.url_for("/a"), client=client, allow_private=True, limits=FAST).ok
        assert (
            fetch(web.url_for("/b"), client=client, allow_private=True, limits=FAST).error_kind is ErrorKind.NOT_FOUND
        )
        assert fetch(web.url_for("/a"), client=client, allow_private=True, limits=FAST).body == FEED
    assert fetch_module._DEADLINE.get() is None


def test_fetch_result_is_frozen():
    result = fetch("gopher://example.com/", limits=FAST)
    with pytest.raises(AttributeError):
        result.status = 200  # type: ignore[misc]
    assert isinstance(result.error_kind, str) and result.error_kind == "refused_by_policy"


def test_fault_server_stops_cleanly_mid_drip():
    """The fault server itself leaves no thread behind when stopped mid-response."""
    server = FaultServer().start()
    with socket.create_connection(("127.0.0.1", server.port)) as conn:
        conn.sendall(b"GET /drip HTTP/1.1\r\nHost: x\r\n\r\n")
        assert conn.recv(100).startswith(b"HTTP/1.1 200")
        server.stop()
