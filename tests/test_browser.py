"""The dashboard in a real browser: `regwatch dashboard` on a free loopback port, driven by chromium.

Walks timeline → item → entity, searches, downloads an export, adds a digest
subscriber through the form, saves the README's screenshots to
docs/screenshots/, and opens the feed item whose title carries `<img src=x
onerror=alert(1)>` to prove no script runs. It also opens a weekly digest's
HTML part (its chart's cid: reference pointed at the PNG from the same mail)
to check that it renders, loads nothing remote and runs no script.
Skipped, with the reason, where Debian's chromium is not installed
(`.ci/run` installs it).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="Playwright is not installed (pip install -e '.[browser]')")

try:
    from tests.dashboard_support import EVIL_TITLE, build_store
except ImportError:  # pragma: no cover - run from inside tests/
    from dashboard_support import EVIL_TITLE, build_store  # type: ignore[no-redef]

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "docs" / "screenshots"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_server(url: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"regwatch dashboard exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"regwatch dashboard did not answer on {url} within {timeout} s")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("browser") / "regwatch.db")
    build_store(path, stories=True)
    return path


@pytest.fixture(scope="module")
def server(store_path):
    """`regwatch dashboard` on the fixture store; always terminated."""
    path = store_path
    port = _free_port()
    env = {**os.environ, "REGWATCH_PROGRESS": "0"}
    env.pop("REGWATCH_DB", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "dashboard", "--db", path, "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_server(url, process)
        yield url
    finally:
        # `regwatch dashboard` runs streamlit as its child: stop the whole group, or streamlit outlives the test.
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's chromium, not a browser build of its own."""
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": LAUNCH_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "accept_downloads": True}


@pytest.fixture
def page(page):
    """The plugin's page, recording every alert/confirm/prompt a script might open."""
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.set_default_timeout(20_000)
    return page


def _settled(page) -> None:
    """Wait until Streamlit has finished running the page's script."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    page.wait_for_timeout(400)


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_timeline_to_story_to_entity(server, page):
    page.goto(server)
    _settled(page)
    page.get_by_text("Newest stories").wait_for()
    page.locator("[data-testid='stVegaLiteChart'], [data-testid='stArrowVegaLiteChart']").first.wait_for()
    _shot(page, "timeline")

    grid = page.locator("[data-testid='stDataFrame']").first
    box = grid.bounding_box()
    # the second data row's selection checkbox (rows are 35 px under a 35 px header): the
    # two-report designation story, the penalty being newer
    page.mouse.click(box["x"] + 18, box["y"] + 35 * 2 + 17)
    page.wait_for_url("**/story?story=*")
    _settled(page)
    page.get_by_text("Participants").wait_for()
    page.get_by_text("Acme Corp adds").or_(page.get_by_text("Reports")).first.wait_for()
    _shot(page, "story")

    page.get_by_role("link", name="Acme Corp").first.click()
    page.wait_for_url("**/entity?entity=org%3Aacme")
    _settled(page)
    page.get_by_text("Appears most often with").wait_for()
    _shot(page, "entity")
    assert page.dialogs == []


def test_search_highlights_matches(server, page):
    page.goto(f"{server}/search")
    _settled(page)
    box = page.get_by_role("textbox", name="Words to find in titles and texts")
    box.fill("entity list")
    box.press("Enter")
    _settled(page)
    page.get_by_text("2 documents match").wait_for()
    assert page.locator("mark").count() >= 2
    _shot(page, "search")


def test_sources_page(server, page):
    page.goto(f"{server}/sources")
    _settled(page)
    page.get_by_text("failed on their last fetch").wait_for()
    _shot(page, "sources")


def test_export_downloads_csv_and_ics(server, page, tmp_path):
    page.goto(f"{server}/export")
    _settled(page)
    _shot(page, "export")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download iCalendar (.ics)").click()
    saved = tmp_path / "export.ics"
    download.value.save_as(saved)
    body = saved.read_bytes().decode("utf-8")
    assert body.startswith("BEGIN:VCALENDAR\r\n") and "BEGIN:VEVENT" in body
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    download.value.save_as(tmp_path / "export.csv")
    assert (tmp_path / "export.csv").read_text(encoding="utf-8").startswith("id,")


def test_the_malicious_feed_item_runs_no_script(server, page):
    """C1, C2: the title `<img src=x onerror=alert(1)>Rule` and its `javascript:` link stay inert."""
    for path in ("/story?event=gov-feed%3Ac%230", "/", "/search", "/export"):
        page.goto(server + path)
        _settled(page)
        if path == "/search":
            page.get_by_role("textbox", name="Words to find in titles and texts").fill("fined")
            page.get_by_role("textbox", name="Words to find in titles and texts").press("Enter")
            _settled(page)
        if path == "/story?event=gov-feed%3Ac%230":
            page.get_by_text(EVIL_TITLE).first.wait_for()  # shown, as text
            _shot(page, "event")
        page.wait_for_timeout(500)
        assert page.locator("img[onerror]").count() == 0, path
        assert page.locator("[href^='javascript:' i]").count() == 0, path
        assert page.dialogs == [], path
    assert page.evaluate("() => window.__regwatch_pwned === undefined")


def test_navigation_reaches_the_subscribers_page_and_adds_one(server, store_path, page):
    from app.digest import list_subscribers
    from store.db import open_db

    page.goto(server)
    _settled(page)
    page.get_by_role("link", name="Digest subscribers").click()
    page.wait_for_url("**/subscribers")
    _settled(page)
    page.get_by_text("No subscribers yet").wait_for()
    page.get_by_role("textbox", name="Email address").fill("analyst@example.org")
    page.get_by_role("textbox", name="Name (optional)").fill("A. Analyst")
    page.get_by_role("textbox", name="Entities, one per line").fill("Acme Corp\nNobody Industries")
    page.get_by_role("textbox", name="Keywords, one per line").fill("entity list")
    page.get_by_role("button", name="Add subscriber").click()
    page.get_by_text("Subscribed analyst@example.org (3 follow(s) added).").wait_for()
    _settled(page)
    page.get_by_text("Not in the store yet: Nobody Industries").wait_for()
    db = open_db(store_path, readonly=True)
    try:
        stored = list_subscribers(db)
    finally:
        db.close()
    assert [(s["address"], s["name"], s["follows"]) for s in stored] == [
        ("analyst@example.org", "A. Analyst",
         [("entity", "Acme Corp"), ("entity", "Nobody Industries"), ("keyword", "entity list")]),
    ]  # fmt: skip
    assert page.get_by_role("textbox", name="Email address").input_value() == ""
    _shot(page, "subscribers")

    # A bad address is refused with the CLI's message, and nothing is stored.
    page.get_by_role("textbox", name="Email address").fill("not an address")
    page.get_by_role("button", name="Add subscriber").click()
    page.get_by_text("is not an email address").wait_for()
    _settled(page)  # until the rerun ends, the previous run's form is still on the page too
    assert page.get_by_role("textbox", name="Email address").input_value() == "not an address"
    assert page.dialogs == []


DIGEST_SUBSCRIBER = ("digest@example.com", "Dana Analyst", ["--type", "designation", "--agency", "Treasury"])


@pytest.fixture(scope="module")
def digest_mail(tmp_path_factory):
    """Dana's W47 digest from `test_digest`'s store, as written by `regwatch digest --dry-run`."""
    import email
    import email.policy

    from typer.testing import CliRunner

    from app.cli import cli

    try:
        from tests import test_digest as mail_store
    except ImportError:  # pragma: no cover - run from inside tests/
        import test_digest as mail_store  # type: ignore[no-redef]

    folder = tmp_path_factory.mktemp("digest")
    path = str(folder / "regwatch.db")
    mail_store.build_store(path)
    address, name, follows = DIGEST_SUBSCRIBER
    runner = CliRunner()
    added = runner.invoke(cli, ["subscribers", "add", address, "--name", name, *follows, "--db", path])
    assert added.exit_code == 0, added.output
    env = {
        "REGWATCH_DASHBOARD_URL": "https://regwatch.example.org",
        "REGWATCH_MAIL_FROM": "digest@regwatch.example.org",
    }
    written = runner.invoke(
        cli, ["digest", "--week", mail_store.WEEK, "--dry-run", str(folder / "eml"), "--db", path], env=env
    )
    assert written.exit_code == 0, written.output
    raw = (folder / "eml" / f"{mail_store.WEEK}-{address}.eml").read_bytes()
    return folder, email.message_from_bytes(raw, policy=email.policy.default)


def test_the_digest_html_renders_in_chromium(digest_mail, page):
    """The mail's HTML part as a mail client shows it: chart inline, titles visible, no script, nothing remote."""
    import re

    folder, msg = digest_mail
    html = msg.get_body(("html",)).get_content()
    (chart,) = [p for p in msg.walk() if p.get_content_type() == "image/png"]
    cid = chart["Content-ID"].strip("<>")
    # A test-only copy: the cid: reference a mail client resolves becomes the PNG beside the file.
    (folder / "chart.png").write_bytes(chart.get_content())
    assert html.count(f"cid:{cid}") == 1
    view = folder / "digest.html"
    view.write_text(html.replace(f"cid:{cid}", "chart.png"), encoding="utf-8")

    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size({"width": 720, "height": 900})
    page.goto(view.as_uri())
    page.wait_for_load_state("load")

    titles = re.findall(r'<a class="title"[^>]*>([^<]+)</a>', html)
    assert len(titles) == 2, titles  # the designation (update) and the Treasury fine (new)
    shown = page.locator("a.title").all_inner_texts()
    assert shown == [
        t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#39;", "'") for t in titles
    ]
    for title in page.locator("a.title").all():
        assert title.is_visible()
    assert any("<script>alert(1)</script>" in title for title in shown)  # the feed's markup, as text
    page.get_by_text("Disputed instrument").wait_for()

    chart_size = page.evaluate(
        "() => { const img = document.querySelector('img.chart'); return [img.complete, img.naturalWidth, img.naturalHeight]; }"
    )
    assert chart_size == [True, 560, 170]
    assert page.locator("script").count() == 0
    assert page.dialogs == []
    assert all(url.startswith("file://") for url in requests), requests  # no remote images or trackers
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "digest.png"), full_page=True)
