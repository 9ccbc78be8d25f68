"""Shared pieces of the ingest tests: fixtures on disk, loopback servers, sources, a frozen clock.

Fixture files keep the services' real absolute URLs; `served` rewrites those
origins to the loopback server answering the test, so paging and full-text
links lead back to it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from ingest import policy
from ingest.limits import MIB, Limits
from ingest.poll import PollOptions
from ingest.sources import Source, parse_entry

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FAST = Limits(connect_timeout=2, read_timeout=2, deadline=4, max_body_bytes=1 * MIB, max_redirects=5)
NOW = datetime(2026, 10, 2, 15, 0, 0, tzinfo=UTC)
REAL_ORIGINS = (
    "https://www.federalregister.gov",
    "https://public-inspection.federalregister.gov",
    "https://www.govinfo.gov",
    "https://www.courtlistener.com",
    "https://www.justice.gov",
)


def fixture(relative: str) -> bytes:
    return (FIXTURES / relative).read_bytes()


def served(relative: str, server: HTTPServer) -> bytes:
    """A fixture with the real services' origins pointed at `server`."""
    data = fixture(relative)
    base = f"http://127.0.0.1:{server.port}".encode()
    for origin in REAL_ORIGINS:
        data = data.replace(origin.encode(), base)
    return data


def make_source(name: str, url: str, kind: str = "rss", **params) -> Source:
    """A validated source that polls without pausing between requests."""
    entry = {"name": name, "kind": kind, "url": url, "request_interval": 0, **params}
    return parse_entry(entry, f"test source {name}")


class Clock:
    """A settable clock for PollOptions: tests move time instead of sleeping."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def options(
    clock: Clock | None = None, *, allow_private: bool | None = True, limits: Limits = FAST, **extra
) -> PollOptions:
    return PollOptions(
        limits=limits, allow_private=allow_private, clock=clock or Clock(), sleep=lambda _s: None, **extra
    )


@pytest.fixture(scope="session")
def ingest_servers():
    """Two loopback origins ("web" and "web2") and a stand-in public host on 127.0.0.2."""
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


def _fresh(server: HTTPServer):
    server.clear()
    yield server
    server.clear()


@pytest.fixture
def web(ingest_servers):
    yield from _fresh(ingest_servers["web"])


@pytest.fixture
def web2(ingest_servers):
    yield from _fresh(ingest_servers["web2"])


class FakeDNS(dict):
    """Host name -> addresses, replacing `policy.resolve`."""

    def __call__(self, host: str, port: int) -> list[str]:
        if host not in self:
            raise policy.ResolutionFailed(f"cannot resolve host {host!r} (fake DNS)")
        return list(self[host])


@pytest.fixture
def fake_dns(monkeypatch) -> FakeDNS:
    dns = FakeDNS()
    monkeypatch.setattr(policy, "resolve", dns)
    return dns


@pytest.fixture
def public_web(monkeypatch, fake_dns, ingest_servers):
    """A server on 127.0.0.2 standing in for the public host ``public.test``.

    The policy accepts exactly 127.0.0.2, so anything it redirects to is
    judged by the real address rules (allow_private stays off).
    """
    real_refusal = policy.address_refusal
    monkeypatch.setattr(policy, "address_refusal", lambda a: None if a == "127.0.0.2" else real_refusal(a))
    fake_dns["public.test"] = ["127.0.0.2"]
    yield from _fresh(ingest_servers["public"])


def public_url(server: HTTPServer, path: str) -> str:
    return f"http://public.test:{server.port}{path}"
