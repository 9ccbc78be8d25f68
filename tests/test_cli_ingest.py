"""`regwatch ingest` (network polling) and `regwatch sources list/add/reset`, through CliRunner.

A loopback server plays the feeds; REGWATCH_ALLOW_PRIVATE_NETWORKS=1 lets the
fetcher reach it, exactly as it would an intranet feed.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from app.cli import cli
from store import db as store

try:
    from tests.ingest_support import fixture, ingest_servers, web  # noqa: F401
except ImportError:  # tests/ is not a package: pytest put it on sys.path itself
    from ingest_support import fixture, ingest_servers, web  # type: ignore[no-redef]  # noqa: F401

RSS = "application/rss+xml"


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("REGWATCH_ALLOW_PRIVATE_NETWORKS", "1")
    monkeypatch.setenv("REGWATCH_DB", str(tmp_path / "regwatch.db"))
    monkeypatch.setenv("REGWATCH_PROGRESS", "1")  # draw the progress bar even without a terminal
    return tmp_path


@pytest.fixture
def sources_file(env, web):
    web.expect_request("/wh.xml").respond_with_data(
        fixture("feeds/whitehouse-presidential-actions.xml"), content_type=RSS
    )
    web.expect_request("/doj.xml").respond_with_data(fixture("feeds/doj-press-releases.xml"), content_type=RSS)
    web.expect_request("/gone.xml").respond_with_data("gone", status=404)
    path = env / "sources.toml"
    path.write_text(
        "\n".join(
            f'[[source]]\nname = "{name}"\nkind = "rss"\nurl = "{web.url_for(route)}"\nrequest_interval = 0\n'
            for name, route in (("wh", "/wh.xml"), ("doj", "/doj.xml"), ("gone", "/gone.xml"))
        )
    )
    return path


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def table_row(output: str, name: str) -> list[str]:
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip("│┃ ").split("│")]
        if cells and cells[0] == name:
            return cells
    raise AssertionError(f"no row for {name!r} in:\n{output}")


def test_ingest_polls_due_sources_and_ends_with_the_table(sources_file, env):
    result = invoke("ingest", "--sources", str(sources_file))
    assert result.exit_code == 1, result.output  # one source failed
    assert table_row(result.output, "wh")[1:] == ["2", "0", "0", "0"]
    assert table_row(result.output, "doj")[1:] == ["3", "0", "0", "0"]
    assert table_row(result.output, "gone")[1:] == ["0", "0", "0", "1 (http_not_found)"]
    assert "HTTP 404" in result.output
    database = store.open_db(env / "regwatch.db")
    assert database.execute("SELECT count(*) FROM documents").fetchone()[0] == 5

    again = invoke("ingest", "--sources", str(sources_file))
    assert again.exit_code == 0, again.output
    assert "3 source(s) not due yet (--all polls them now)" in again.output

    forced = invoke("ingest", "--sources", str(sources_file), "--all")
    assert table_row(forced.output, "wh")[1:] == ["0", "0", "2", "0"]
    assert forced.exit_code == 1


def test_ingest_one_source_and_the_sources_env_var(sources_file, monkeypatch):
    monkeypatch.setenv("REGWATCH_SOURCES", str(sources_file))
    result = invoke("ingest", "--source", "doj")
    assert result.exit_code == 0, result.output
    assert table_row(result.output, "doj")[1:] == ["3", "0", "0", "0"]
    assert "│ wh" not in result.output
    not_due = invoke("ingest", "--source", "doj")
    assert "skipped doj: next check at" in not_due.output


def test_ingest_refuses_unknown_sources_and_bad_files(sources_file, env):
    unknown = invoke("ingest", "--sources", str(sources_file), "--source", "nope")
    assert unknown.exit_code == 2 and "no source named 'nope'" in unknown.output
    bad = env / "bad.toml"
    bad.write_text('[[source]]\nname = "x"\nkind = "rss"\nurl = "https://x.example/"\nevery = 5\n')
    result = invoke("ingest", "--sources", str(bad))
    assert result.exit_code == 2 and "bad.toml: [[source]] #1 (x): unknown key 'every'" in result.output
    mixed = invoke("ingest", "--files", str(bad), "--source", "x")
    assert mixed.exit_code == 2


def test_sources_list_add_and_reset(sources_file, env, web):
    listed = invoke("sources", "list", "--sources", str(sources_file))
    assert listed.exit_code == 0
    assert "not polled yet" in table_row(listed.output, "wh")[2]

    for _ in range(3):
        invoke("ingest", "--sources", str(sources_file), "--all")
    listed = invoke("sources", "list", "--sources", str(sources_file))
    assert table_row(listed.output, "wh")[2] == "ok"
    gone = table_row(listed.output, "gone")
    assert gone[2] == "stopped after 3 failures" and gone[6].startswith("http_")  # the column may wrap
    assert table_row(listed.output, "doj")[5] == "3"

    skipped = invoke("ingest", "--sources", str(sources_file), "--all")
    assert "skipped gone: 3 consecutive failures" in skipped.output and "regwatch sources reset gone" in skipped.output

    reset = invoke("sources", "reset", "gone")
    assert reset.exit_code == 0 and "3 consecutive failure(s) cleared" in reset.output
    assert invoke("sources", "reset", "never-seen").exit_code == 1

    added = invoke("sources", "add", "sec", "https://www.sec.gov/news/pressreleases.rss", "--kind", "rss",
                   "--title", "SEC press", "--sources", str(sources_file))  # fmt: skip
    assert added.exit_code == 0, added.output
    assert 'name = "sec"' in sources_file.read_text()
    listed = invoke("sources", "list", "--sources", str(sources_file))
    assert "not polled yet" in table_row(listed.output, "sec")[2]

    before = sources_file.read_text()
    refused = invoke("sources", "add", "evil", "javascript:alert(1)", "--sources", str(sources_file))
    assert refused.exit_code == 2 and "must be an absolute http" in refused.output
    duplicate = invoke("sources", "add", "wh", "https://x.example/", "--sources", str(sources_file))
    assert duplicate.exit_code == 2 and "already used" in duplicate.output
    assert sources_file.read_text() == before


def test_sources_list_without_a_database_creates_none(sources_file, env):
    result = invoke("sources", "list", "--sources", str(sources_file), "--db", str(env / "absent.db"))
    assert result.exit_code == 0
    assert not (env / "absent.db").exists()
