"""ingest.sources: the sources file is validated loudly, and `append_source` never writes a bad entry."""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from app.config import DATA_DIR
from ingest.sources import SourcesError, append_source, load_sources, parse_sources

DEFAULT = DATA_DIR / "sources.toml"


def test_the_default_sources_file_ships_the_real_set():
    sources = {s.name: s for s in load_sources(DEFAULT)}
    kinds = {s.kind for s in sources.values()}
    assert kinds == {"rss", "federal_register", "courtlistener", "screening_list"}
    urls = {s.url for s in sources.values()}
    assert "https://www.whitehouse.gov/presidential-actions/feed/" in urls
    assert "https://www.justice.gov/news/rss?type=press_release&m=1" in urls
    assert "https://www.sec.gov/news/pressreleases.rss" in urls
    assert "https://www.fcc.gov/news-events/rss.xml" in urls
    assert "https://www.ftc.gov/feeds/press-release.xml" in urls
    assert any(
        u.startswith("https://www.war.gov/DesktopModules/ArticleCS/RSS.ashx?ContentType=9&Site=945") for u in urls
    )
    assert "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json" in urls
    assert "https://www.federalregister.gov/api/v1/public-inspection-documents/current.json" in urls
    fr = [s for s in sources.values() if s.kind == "federal_register" and s.param("endpoint") != "public_inspection"]
    agencies = {a for s in fr for a in s.param("agencies", [])}
    assert {"industry-and-security-bureau", "foreign-assets-control-office", "defense-department",
            "federal-communications-commission"} <= agencies  # fmt: skip
    assert any(s.param("presidential_document_types") == ["executive_order"] for s in fr)
    (court,) = [s for s in sources.values() if s.kind == "courtlistener"]
    assert court.param("token_env") == "COURTLISTENER_TOKEN"
    query = parse_qs(urlsplit(court.url).query)
    assert query["type"] == ["r"] and court.url.startswith("https://www.courtlistener.com/api/rest/v4/search/")
    assert sources["doj-press"].schedule.max_interval == 3600  # its 3-day max-age must not stretch polling


def test_the_sample_sources_file_is_not_a_polling_file():
    """data/sample/sources.toml names files, not URLs to poll: `file` is refused by name."""
    with pytest.raises(SourcesError, match=r"unknown key 'file'"):
        load_sources(DATA_DIR / "sample" / "sources.toml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[source]]\nname = "a"\nkind = "rss"\nurl = "https://x.example/"\nintervall = 5\n',
            r"sources\.toml: \[\[source\]\] #1 \(a\): unknown key 'intervall' for kind 'rss'",
        ),
        ('[[source]]\nname = "a"\nkind = "rss"\n', r"#1: missing required key 'url'"),
        (
            '[[source]]\nname = "a"\nkind = "podcast"\nurl = "https://x.example/"\n',
            r"\(a\): kind 'podcast' is not one of",
        ),
        (
            '[[source]]\nname = "a"\nkind = "rss"\nurl = "file:///etc/passwd"\n',
            r"url 'file:///etc/passwd' must be an absolute http",
        ),
        (
            '[[source]]\nname = "a"\nkind = "rss"\nurl = "https://x.example/"\ninterval_minutes = "60"\n',
            r"interval_minutes must be a whole number of minutes",
        ),
        ('[[source]]\nname = "a b"\nkind = "rss"\nurl = "https://x.example/"\n', r"name 'a b' must be"),
        (
            '[[source]]\nname = "a"\nkind = "rss"\nurl = "https://x.example/"\n[[source]]\nname = "a"\nkind = "rss"\nurl = "https://y.example/"\n',
            r"#2: name 'a' is already used by \[\[source\]\] #1",
        ),
        (
            '[[source]]\nname = "a"\nkind = "rss"\nurl = "https://x.example/"\nheaders = { Authorization = "Bearer x" }\n',
            r"'Authorization' carries a credential",
        ),
        (
            '[[source]]\nname = "a"\nkind = "federal_register"\nurl = "https://x.example/"\ntypes = ["PRESIDENTIAL"]\n',
            r"types 'PRESIDENTIAL' is not one of RULE, PRORULE, NOTICE, PRESDOCU",
        ),
        (
            '[[source]]\nname = "a"\nkind = "federal_register"\nurl = "https://x.example/"\nper_page = 2000\n',
            r"per_page must be at most 1000",
        ),
        (
            '[[source]]\nname = "a"\nkind = "rss"\nurl = "https://x.example/"\ntoken_env = "X"\n',
            r"unknown key 'token_env' for kind 'rss'",
        ),
        (
            '[[source]]\nname = "a"\nkind = "rss"\nurl = "https://x.example/"\ninterval_minutes = 10\nmax_interval_minutes = 5\n',
            r"min_interval_minutes <= interval_minutes <= max_interval_minutes",
        ),
        ("[[source]\nname = 1\n", r"sources\.toml: not valid TOML"),
        ('[source]\nname = "a"\n', r"'source' must be an array of tables"),
        ('title = "x"\n', r"unknown top-level key 'title'"),
    ],
)
def test_invalid_entries_fail_naming_file_table_and_key(text, message):
    with pytest.raises(SourcesError, match=message):
        parse_sources(text, Path("data/sources.toml"))


def test_missing_file_is_named(tmp_path):
    with pytest.raises(SourcesError, match=r"nope\.toml: no such sources file"):
        load_sources(tmp_path / "nope.toml")


def test_defaults_and_schedule():
    (source,) = parse_sources('[[source]]\nname = "a"\nkind = "federal_register"\nurl = "https://x.example/"\n')
    assert source.doc_kind == "filing" and source.full_text  # FR full text is on by default
    assert (source.schedule.interval, source.schedule.min_interval, source.schedule.max_interval) == (
        3600,
        300,
        6 * 3600,
    )
    (feed,) = parse_sources(
        '[[source]]\nname = "b"\nkind = "rss"\nurl = "https://x.example/"\ninterval_minutes = 1440\n'
    )
    assert feed.doc_kind == "news" and not feed.full_text and feed.schedule.max_interval == 1440 * 60


def test_append_source_keeps_the_file_and_escapes_values(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text(
        '# my comment\n[[source]]\nname = "a"\nkind = "rss"\nurl = "https://a.example/feed"'
    )  # no final newline
    title = 'Tricky "title"\n[[source]]\nname = "injected"'
    added = append_source(
        path, {"name": "b", "kind": "rss", "url": "https://b.example/feed", "title": title, "doc_kind": None}
    )
    assert added.name == "b" and added.title == title
    text = path.read_text()
    assert text.startswith("# my comment\n")
    assert [s.name for s in load_sources(path)] == ["a", "b"]
    assert tomllib.loads(text)["source"][1]["title"] == title
    # Short entries and nested tables must still land in their own [[source]] table.
    append_source(
        path, {"name": "c", "kind": "rss", "url": "https://c.example/", "headers": {"Cache-Control": "no-cache"}}
    )
    append_source(path, {"name": "d", "kind": "rss", "url": "https://d.example/"})
    loaded = {s.name: s for s in load_sources(path)}
    assert list(loaded) == ["a", "b", "c", "d"]
    assert loaded["c"].headers == {"Cache-Control": "no-cache"} and loaded["a"].params == {}


def test_append_source_refuses_before_writing(tmp_path):
    path = tmp_path / "sources.toml"
    append_source(path, {"name": "a", "kind": "rss", "url": "https://a.example/feed"})
    before = path.read_text()
    for bad in (
        {"name": "a", "kind": "rss", "url": "https://other.example/"},  # duplicate name
        {"name": "c", "kind": "rss", "url": "javascript:alert(1)"},
        {"name": "d", "kind": "nope", "url": "https://d.example/"},
    ):
        with pytest.raises(SourcesError):
            append_source(path, bad)
    assert path.read_text() == before
