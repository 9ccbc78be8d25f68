"""Weekly digests (issue 7), delivered to a real SMTP server on 127.0.0.1 and parsed back.

The store holds, for ISO week 2026-W47 (16–22 November 2026): an update to a
designation of Acme Corp first reported in W46, now disputed on its
instrument; a new fine by the Treasury on a company whose name carries
`<script>` and whose report link is `javascript:`; and, in W48, a lawsuit that
belongs to no W47 digest. Subscribers follow different things, and two of
them are refused by the server (550, 451).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
from collections import Counter
from datetime import date

import pytest
from aiosmtpd.controller import Controller
from typer.testing import CliRunner

from app import digest as digest_mod
from app.cli import cli
from app.mailer import MailSettings, header_safe, validate_address
from ingest.records import Document
from nlp.records import DocResult, EntityRef, Event, Mention
from store import db as store
from store.stories import resolve_document

WEEK = "2026-W47"
DASHBOARD = "https://regwatch.example.org/app"
EVIL_NAME = "Evil <script>alert(1)</script> Co"
COMMERCE = ("agency:us-commerce", "U.S. Department of Commerce", "AGENCY")
TREASURY = ("agency:us-treasury", "U.S. Department of the Treasury", "AGENCY")
ACME = ("org:acme", "Acme Corp", "ORG")
EVIL = ("org:evil-co", EVIL_NAME, "ORG")
ROE = ("org:roe", "Roe Industries", "ORG")


def _ref(surface, entity):
    return EntityRef(surface, entity[1], entity[0], entity[2])


def _result(doc_id, text, kind, date, agent, target, attrs=None):
    mentions = []
    for surface, entity in (agent, target):
        start = text.index(surface)
        mentions.append(Mention(surface, entity[2], start, start + len(surface), entity[1], entity[0]))
    event = Event(type=kind, date=date, date_precision="day" if date else "unknown", evidence=text, start=0,
                  end=len(text), agent=[_ref(*agent)], target=[_ref(*target)], attrs=attrs or {}, confidence=0.8,
                  trigger=kind)  # fmt: skip
    return DocResult(doc_id, entities=mentions, events=[event])


def build_store(path: str) -> None:
    db = store.open_db(path)
    for name in ("gov", "wire", "court"):
        store.upsert_source(db, {"name": name, "kind": "rss", "url": f"https://{name}.example/feed"})
    a1 = "On November 9, 2026 the Commerce Department added Acme Corp to the Entity List under IEEPA."
    a2 = "Commerce Department added Acme Corp to the Entity List on November 9, 2026, by export control directive."
    b1 = f"The Treasury fined {EVIL_NAME} $5 million on November 18, 2026."
    c1 = "Roe Industries sued the Commerce Department on November 24, 2026."
    docs = [
        Document(id="gov:a1", source="gov", text=a1, title="Commerce lists Acme", url="https://gov.example/a1",
                 published="2026-11-10T09:00:00+00:00"),
        Document(id="wire:a2", source="wire", text=a2, title="Acme blacklisted", url="https://wire.example/a2",
                 published="2026-11-17T09:00:00+00:00"),
        Document(id="gov:b1", source="gov", text=b1, title="<b>Fine</b>", url="javascript:alert(1)",
                 published="2026-11-18T12:00:00+00:00"),
        Document(id="court:c1", source="court", text=c1, title="Roe sues", url="https://court.example/c1",
                 published="2026-11-25T12:00:00+00:00"),
    ]  # fmt: skip
    store.upsert_documents(db, docs)
    results = [
        _result("gov:a1", a1, "designation", "2026-11-09", ("Commerce Department", COMMERCE), ("Acme Corp", ACME),
                {"instrument": "IEEPA"}),
        _result("wire:a2", a2, "designation", "2026-11-09", ("Commerce Department", COMMERCE), ("Acme Corp", ACME),
                {"instrument": "export control directive"}),
        _result("gov:b1", b1, "penalty", "2026-11-18", ("Treasury", TREASURY), (EVIL_NAME, EVIL)),
        _result("court:c1", c1, "lawsuit", "2026-11-24", ("Roe Industries", ROE), ("Commerce Department", COMMERCE)),
    ]  # fmt: skip
    for result in results:
        store.replace_results(db, result.id, result, "test-1")
    for doc in docs:
        resolve_document(db, doc.id)
    db.close()


class Recorder:
    """aiosmtpd handler: keeps what it accepts, answers `refuse[address]` at RCPT TO."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], bytes]] = []
        self.refuse: dict[str, str] = {}
        self.data_delay = 0.0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        self.received.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp():
    handler = Recorder()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield handler, controller.port
    finally:
        controller.stop()


@pytest.fixture
def digest_db(tmp_path):
    path = str(tmp_path / "regwatch.db")
    build_store(path)
    return path


@pytest.fixture
def env(monkeypatch, smtp):
    _, port = smtp
    for key in ("REGWATCH_SMTP_USER", "REGWATCH_SMTP_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("REGWATCH_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("REGWATCH_SMTP_PORT", str(port))
    monkeypatch.setenv("REGWATCH_SMTP_SECURITY", "none")
    monkeypatch.setenv("REGWATCH_SMTP_TIMEOUT", "5")
    monkeypatch.setenv("REGWATCH_MAIL_FROM", "regwatch <digest@regwatch.example.org>")
    monkeypatch.setenv("REGWATCH_DASHBOARD_URL", DASHBOARD + "/")
    return port


runner = CliRunner()


def _cli(*args):
    return runner.invoke(cli, [str(a) for a in args])


SUBSCRIBERS = [
    ("alice@example.com", ["--name", "Alice Analyst", "--entity", "acme corp"]),
    ("bob@example.com", ["--agency", "Treasury"]),
    ("carol@example.com", ["--keyword", "semiconductor"]),
    ("dave@example.com", ["--name", "Dave\r\nBcc: spy@evil.example", "--type", "designation", "--keyword", "fined"]),
    ("refused@example.com", ["--entity", "Acme Corp"]),
    ("later@example.com", ["--agency", "Treasury"]),
]


@pytest.fixture
def subscribed(digest_db):
    for address, options in SUBSCRIBERS:
        result = _cli("subscribers", "add", address, *options, "--db", digest_db)
        assert result.exit_code == 0, result.output
    return digest_db


def _parse(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def _by_rcpt(handler) -> dict[str, list]:
    found: dict[str, list] = {}
    for rcpts, raw in handler.received:
        for rcpt in rcpts:
            found.setdefault(rcpt, []).append(_parse(raw))
    return found


def _parts(msg):
    return msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content()


def _sends(path):
    db = store.open_db(path)
    try:
        return {
            row[0]: row[1:]
            for row in db.execute("SELECT address, status, error, message_id FROM digest_sends WHERE week = ?", [WEEK])
        }
    finally:
        db.close()


# --- the mails ------------------------------------------------------------------------


def test_each_watchlist_gets_its_stories_in_a_well_formed_mail(subscribed, smtp, env):
    handler, _ = smtp
    result = _cli("digest", "--week", WEEK, "--send", "--db", subscribed)
    assert result.exit_code == 0, result.output
    mails = _by_rcpt(handler)
    assert set(mails) == {a for a, _ in SUBSCRIBERS}
    assert all(len(m) == 1 for m in mails.values())

    for msg in (m[0] for m in mails.values()):
        assert msg["Subject"] == f"regwatch weekly digest — {WEEK}"
        assert msg["List-Unsubscribe"] == "<mailto:digest@regwatch.example.org?subject=unsubscribe>"
        assert msg.get_content_type() == "multipart/alternative"
        text, html = _parts(msg)
        images = [p for p in msg.walk() if p.get_content_type() == "image/png"]
        assert len(images) == 1
        cid = images[0]["Content-ID"].strip("<>")
        assert f'src="cid:{cid}"' in html
        assert images[0].get_content().startswith(b"\x89PNG")
        assert "<style" not in html and 'style="' in html  # CSS inlined for mail clients

    alice_text, alice_html = _parts(mails["alice@example.com"][0])
    assert mails["alice@example.com"][0]["To"] == "Alice Analyst <alice@example.com>"
    assert "[UPDATE] U.S. Department of Commerce lists Acme Corp" in alice_text
    assert "Evil" not in alice_text and "Roe" not in alice_text
    assert "https://wire.example/a2" in alice_text and "https://gov.example/a1" not in alice_text  # this week's report
    assert "Disputed instrument (new this week)" in alice_text
    assert "IEEPA vs export control directive" in alice_text or "export control directive vs IEEPA" in alice_text
    story_id = _story_id(subscribed, "designation")
    assert f'href="{DASHBOARD}/story?story={story_id}"' in alice_html
    assert f"Story: {DASHBOARD}/story?story={story_id}" in alice_text

    bob_text, bob_html = _parts(mails["bob@example.com"][0])
    assert "[NEW]" in bob_text and "· penalty" in bob_text
    assert "Acme" not in bob_text
    assert "javascript:" not in bob_html and "javascript:" not in bob_text  # the report's link is not rendered

    carol_text, carol_html = _parts(mails["carol@example.com"][0])
    assert "A quiet week" in carol_text and "Keyword: semiconductor" in carol_text
    assert "A quiet week" in carol_html and "story?story=" not in carol_html

    dave_text, _ = _parts(mails["dave@example.com"][0])
    assert "== Event type: designation ==" in dave_text and "== Keyword: fined ==" in dave_text


def test_story_titles_are_escaped_in_html_and_literal_in_text(subscribed, smtp, env):
    handler, _ = smtp
    assert _cli("digest", "--week", WEEK, "--send", "--db", subscribed).exit_code == 0
    text, html = _parts(_by_rcpt(handler)["bob@example.com"][0])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert EVIL_NAME in text


def test_names_never_inject_headers(subscribed, smtp, env):
    handler, _ = smtp
    db = store.open_db(subscribed)
    # Stored behind the CLI's back, as a future dashboard bug might: the sender must still neutralise it.
    db.execute(
        "INSERT INTO subscribers (address, name, created) VALUES (?, ?, ?)",
        ["eve@example.com", "X=?UTF-8?Q?=0A?=Bcc: a@b.example", "2026-01-01"],
    )
    db.execute("INSERT INTO subscriber_follows (address, kind, value) VALUES ('eve@example.com', 'type', 'penalty')")
    db.conn.commit()
    db.close()
    assert _cli("digest", "--week", WEEK, "--send", "--db", subscribed).exit_code == 0
    for rcpts, raw in handler.received:
        head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
        assert b"\nBcc" not in head and b"\nbcc" not in head.lower()
        assert rcpts and len(rcpts) == 1
        assert _parse(raw)["Bcc"] is None
    mails = _by_rcpt(handler)
    to = mails["dave@example.com"][0]["To"]
    assert to == '"Dave Bcc: spy@evil.example" <dave@example.com>'  # quoted: one display name, one address
    assert [a.addr_spec for a in to.addresses] == ["dave@example.com"]
    assert mails["eve@example.com"][0]["To"] == "eve@example.com"
    assert "spy@evil.example" not in {r for rcpts, _ in handler.received for r in rcpts}


def test_header_safe_strips_controls_and_refuses_encoded_words():
    assert header_safe("X\nBcc: a@b") == "X Bcc: a@b"
    assert header_safe("X\n") == "X"
    assert header_safe("A\x00B\x1b\u2028C") == "ABC"
    with pytest.raises(ValueError):
        header_safe("X=?UTF-8?Q?=0A?=Bcc: a@b")


@pytest.mark.parametrize(
    "bad",
    [
        "not-an-address",
        "a@b",
        "Alice <a@example.com>",
        "a@example.com\r\nBcc: x@y.z",
        "a b@example.com",
        "a..b@example.com",
        "",
    ],
)
def test_invalid_addresses_are_refused(bad):
    with pytest.raises(ValueError, match="not an email address"):
        validate_address(bad)


def test_cli_refuses_an_invalid_address_and_an_encoded_word_name(digest_db):
    result = _cli("subscribers", "add", "not an address", "--db", digest_db)
    assert result.exit_code == 2
    assert "is not an email address" in result.output
    result = _cli("subscribers", "add", "x@example.com", "--name", "X=?UTF-8?Q?=0A?=Bcc: a@b", "--db", digest_db)
    assert result.exit_code == 2 and "encoded word" in result.output
    listed = _cli("subscribers", "list", "--db", digest_db)
    assert "0 subscriber(s)" in listed.output


def test_subscribers_add_list_remove(digest_db):
    assert _cli("subscribers", "add", "ann@example.com", "--entity", "Acme Corp", "--db", digest_db).exit_code == 0
    assert (
        _cli("subscribers", "add", "ann@example.com", "--type", "penalty", "--name", "Ann", "--db", digest_db).exit_code
        == 0
    )
    listed = _cli("subscribers", "list", "--db", digest_db).output
    assert (
        "ann@example.com" in listed and "entity: Acme Corp" in listed and "type: penalty" in listed and "Ann" in listed
    )
    assert _cli("subscribers", "remove", "ann@example.com", "--db", digest_db).exit_code == 0
    assert _cli("subscribers", "remove", "ann@example.com", "--db", digest_db).exit_code == 1
    assert "0 subscriber(s)" in _cli("subscribers", "list", "--db", digest_db).output


# --- exactly once -----------------------------------------------------------------------


def test_failures_are_recorded_retried_and_nothing_is_sent_twice(subscribed, smtp, env):
    handler, _ = smtp
    handler.refuse = {"refused@example.com": "550 5.1.1 no such user", "later@example.com": "451 4.3.0 try again later"}
    first = _cli("digest", "--week", WEEK, "--send", "--db", subscribed)
    assert first.exit_code == 1
    assert set(_by_rcpt(handler)) == {"alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com"}
    sends = _sends(subscribed)
    assert sends["refused@example.com"][:2] == ("failed", "550 5.1.1 no such user")
    assert sends["later@example.com"][:2] == ("failed", "451 4.3.0 try again later")
    assert sends["alice@example.com"][0] == "sent" and sends["alice@example.com"][2].startswith("<")

    handler.received.clear()
    handler.refuse = {"refused@example.com": "550 5.1.1 no such user"}
    second = _cli("digest", "--week", WEEK, "--send", "--db", subscribed)
    assert second.exit_code == 1
    assert [r for rcpts, _ in handler.received for r in rcpts] == ["later@example.com"]
    assert _sends(subscribed)["later@example.com"][0] == "sent"

    handler.received.clear()
    handler.refuse = {}
    assert _cli("digest", "--week", WEEK, "--send", "--db", subscribed).exit_code == 0
    assert [r for rcpts, _ in handler.received for r in rcpts] == ["refused@example.com"]

    handler.received.clear()
    assert _cli("digest", "--week", WEEK, "--send", "--db", subscribed).exit_code == 0
    assert handler.received == []

    forced = _cli("digest", "--week", WEEK, "--send", "--force", "--db", subscribed)
    assert forced.exit_code == 0
    assert sorted(r for rcpts, _ in handler.received for r in rcpts) == sorted(a for a, _ in SUBSCRIBERS)


def test_a_server_that_is_down_fails_everyone_with_the_reason(subscribed, monkeypatch, env):
    monkeypatch.setenv("REGWATCH_SMTP_PORT", str(_free_port()))
    result = _cli("digest", "--week", WEEK, "--send", "--db", subscribed)
    assert result.exit_code == 1
    sends = _sends(subscribed)
    assert {row[0] for row in sends.values()} == {"failed"} and len(sends) == len(SUBSCRIBERS)
    assert all("cannot open an SMTP session" in row[1] for row in sends.values())


def test_a_timeout_is_a_failure_of_that_subscriber_only(subscribed, smtp, env, monkeypatch):
    handler, _ = smtp
    monkeypatch.setenv("REGWATCH_SMTP_TIMEOUT", "0.5")
    handler.data_delay = 1.5
    db = store.open_db(subscribed)
    subscribers = [
        s for s in digest_mod.list_subscribers(db) if s["address"] in ("alice@example.com", "bob@example.com")
    ]
    outcomes = digest_mod.run(db, WEEK, MailSettings.from_env(), send=True, subscribers=subscribers)
    assert [o.status for o in outcomes] == ["failed", "failed"]
    assert "timed out" in outcomes[0].error
    handler.data_delay = 0
    outcomes = digest_mod.run(db, WEEK, MailSettings.from_env(), send=True, subscribers=subscribers)
    assert [o.status for o in outcomes] == ["sent", "sent"]
    db.close()


# --- dry run, weeks, caps ------------------------------------------------------------------


def test_dry_run_writes_one_eml_per_subscriber_and_sends_nothing(subscribed, smtp, env, tmp_path):
    handler, _ = smtp
    out = tmp_path / "eml"
    result = _cli("digest", "--week", WEEK, "--dry-run", out, "--db", subscribed)
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in out.glob("*.eml"))
    assert files == sorted(f"{WEEK}-{a}.eml" for a, _ in SUBSCRIBERS)
    msg = _parse((out / f"{WEEK}-alice@example.com.eml").read_bytes())
    assert "[UPDATE]" in _parts(msg)[0]
    assert handler.received == [] and _sends(subscribed) == {}


def test_a_later_week_holds_the_later_story(subscribed, tmp_path, env):
    out = tmp_path / "w48"
    assert _cli("digest", "--week", "2026-W48", "--dry-run", out, "--db", subscribed).exit_code == 0
    text = _parts(_parse((out / "2026-W48-dave@example.com.eml").read_bytes()))[0]
    assert "A quiet week" in text  # dave follows designations and "fined": none in W48
    db = store.open_db(subscribed)
    content = digest_mod.load_week(db, "2026-W48")
    assert [item.type for item in content.stories.values()] == ["lawsuit"]
    assert next(iter(content.stories.values())).status == "new"
    db.close()


def test_weeks():
    assert digest_mod.parse_week("2026-W47")[1:] == (date(2026, 11, 16), date(2026, 11, 23))
    assert digest_mod.last_complete_week(date(2026, 11, 23)) == "2026-W47"
    assert digest_mod.last_complete_week(date(2026, 11, 29)) == "2026-W47"
    assert digest_mod.last_complete_week(date(2027, 1, 4)) == "2026-W53"
    for bad in ("2026-47", "2026-W54", "W47", "2026-W00"):
        with pytest.raises(ValueError):
            digest_mod.parse_week(bad)


def test_a_busy_week_is_capped_with_a_link_to_the_dashboard():
    stories = {
        f"s{i}": digest_mod.StoryItem(
            id=f"s{i}", type="penalty", title=f"Fine {i}", date="2026-11-18", date_precision="day", status="new",
            participants=[], reports=[digest_mod.Report(f"d{i}", "gov", None, None, "2026-11-18", "fined", True)],
            disputes=[], text="fined", week_days=Counter({"2026-11-18": 1}),
        )
        for i in range(500)
    }  # fmt: skip
    content = digest_mod.WeekContent(WEEK, date(2026, 11, 16), date(2026, 11, 23), stories)
    matcher = digest_mod.Matcher(None, content)
    digest = matcher.digest({"address": "a@example.com", "name": None, "follows": [("type", "penalty")]})
    assert len(digest.matched) == 500
    assert sum(len(g.items) for g in digest.groups) <= digest_mod.MAX_ITEMS
    assert digest.groups[0].more == 500 - len(digest.groups[0].items)
    settings = MailSettings.from_env({"REGWATCH_DASHBOARD_URL": DASHBOARD})
    text, html = digest_mod.render(digest, settings, "chart@x")
    assert f"And {digest.groups[0].more} more on the dashboard: {DASHBOARD}/" in text
    assert text.count("[NEW]") == len(digest.groups[0].items)


def _story_id(path: str, kind: str) -> str:
    db = store.open_db(path)
    try:
        return db.execute("SELECT id FROM stories WHERE type = ?", [kind]).fetchone()[0]
    finally:
        db.close()


def test_mail_settings_are_checked():
    from app.mailer import ConfigError

    with pytest.raises(ConfigError, match="REGWATCH_SMTP_SECURITY"):
        MailSettings.from_env({"REGWATCH_SMTP_SECURITY": "tls-please"})
    with pytest.raises(ConfigError, match="REGWATCH_DASHBOARD_URL"):
        MailSettings.from_env({"REGWATCH_DASHBOARD_URL": "javascript:alert(1)"})
    with pytest.raises(ConfigError, match="in clear"):
        MailSettings.from_env({"REGWATCH_SMTP_HOST": "smtp.example.org", "REGWATCH_SMTP_USER": "u"})
    assert MailSettings.from_env({"REGWATCH_SMTP_SECURITY": "ssl"}).port == 465


# --- rendering once per story -----------------------------------------------------------


def test_a_story_shown_to_many_is_rendered_once_and_reads_the_same(subscribed, env):
    db = store.open_db(subscribed)
    try:
        content = digest_mod.load_week(db, WEEK)
        matcher = digest_mod.Matcher(db, content)
        subscribers = {s["address"]: s for s in digest_mod.list_subscribers(db)}
        # alice and refused both follow Acme Corp; dave's designation follow shows the same story.
        addresses = ("alice@example.com", "refused@example.com", "dave@example.com")
        digests = [matcher.digest(subscribers[a]) for a in addresses]
    finally:
        db.close()
    settings = MailSettings.from_env()
    renderer = digest_mod.Renderer(settings)
    shared = next(i for i in content.stories.values() if i.type == "designation")
    outputs = [renderer.render(d, "chart@x") for d in digests]
    assert set(renderer._items) == {
        item.id for d in digests for item in d.matched if any(item in g.items for g in d.groups)
    }
    fragment = renderer.item(shared)[0]
    for (text, html), d in zip(outputs, digests, strict=True):
        assert fragment in html and "regwatch-" not in html
        assert (text, html) == digest_mod.render(d, settings, "chart@x")  # a fresh renderer says the same
    assert 'style="' in fragment and "<style" not in outputs[0][1]


def test_a_watchlist_value_shaped_like_a_placeholder_stays_text(subscribed, env):
    fake = "regwatch-0123456789abcdef-0"
    db = store.open_db(subscribed)
    try:
        matcher = digest_mod.Matcher(db, digest_mod.load_week(db, WEEK))
        follows = [("entity", "Acme Corp"), ("keyword", fake)]
        d = matcher.digest({"address": "p@example.com", "name": fake, "follows": follows})
    finally:
        db.close()
    text, html = digest_mod.Renderer(MailSettings.from_env()).render(d, "chart@x")
    assert html.count(fake) == 2 and text.count(fake) == 2  # the greeting and the footer, in both parts


def test_the_chart_is_a_small_palette_png_with_exact_bar_colours():
    import io

    from PIL import Image

    from app import chart

    png = chart.week_chart(((3, 1), (0, 5), (0, 0), (0, 0), (7, 0), (0, 0), (0, 0)), "2026-11-16")
    image = Image.open(io.BytesIO(png))
    assert image.size == (chart.WIDTH, chart.HEIGHT) and image.mode == "P"
    assert len(png) < 6000
    rgb = image.convert("RGB")
    slots = chart._slots()
    x_mon, x_tue = int(sum(slots[0]) / 2), int(sum(slots[1]) / 2)
    assert rgb.getpixel((x_mon, chart.BOTTOM - 2)) == chart.NEW_COLOUR
    assert rgb.getpixel((x_tue, chart.BOTTOM - 2)) == chart.UPDATE_COLOUR
    assert rgb.getpixel((int(sum(slots[2]) / 2), chart.BOTTOM - 2)) == (255, 255, 255)  # an empty day


def test_every_part_is_encoded_so_no_body_line_can_be_a_boundary(subscribed, env, tmp_path):
    """build_message picks the MIME boundaries itself; that is safe only while no part is sent as 7bit/8bit."""
    out = tmp_path / "eml"
    assert _cli("digest", "--week", WEEK, "--dry-run", out, "--db", subscribed).exit_code == 0
    for path in out.glob("*.eml"):
        msg = _parse(path.read_bytes())
        boundaries = {part.get_boundary() for part in msg.walk() if part.is_multipart()}
        assert len(boundaries) == 2 and all(b.startswith("=_regwatch_") for b in boundaries)
        leaves = [part for part in msg.walk() if not part.is_multipart()]
        assert [p["Content-Transfer-Encoding"] for p in leaves] == ["quoted-printable", "base64", "base64"]
        raw_lines = path.read_bytes().decode("ascii").splitlines()
        for boundary in boundaries:  # two parts each: two delimiters and the close, nowhere else
            assert raw_lines.count(f"--{boundary}") == 2 and raw_lines.count(f"--{boundary}--") == 1
