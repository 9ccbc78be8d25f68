"""The weekly digest: subscribers, what happened to what they follow, and the mail that says so.

A week's content is read from the store once (every story with a report
published that week) and each subscriber's digest is a filter over it; each
story's part of the mail is rendered once per run (`Renderer`), so a
thousand subscribers cost one pass over the week, one render per story
shown, and a thousand small frames and MIME messages.
A story is *new* when its first report was published that week, and an
*update* when it had reports before and got more. Matching is by what the
subscriber follows: an entity (any role), an agency (the agent role), an
event type, or a keyword in the story's title or the week's evidence.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlite_utils

from app.mailer import (
    ConnectError,
    MailSettings,
    SmtpSender,
    build_message,
    describe_failure,
    header_safe,
    safe_http_url,
    validate_address,
)
from store.db import now_utc
from store.stories import find_entity

FOLLOW_KINDS = ("entity", "type", "agency", "keyword")
FOLLOW_LABELS = {"entity": "Entity", "type": "Event type", "agency": "Agency", "keyword": "Keyword"}
MAX_ITEMS = 40  # per mail; the rest is a count and a dashboard link (a 500-event week stays readable)
MAX_ITEMS_PER_GROUP = 15
MAX_SOURCES = 5
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{1,2})$")
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_CHUNK = 500


# --- weeks -------------------------------------------------------------------------


def parse_week(value: str) -> tuple[str, date, date]:
    """`2026-W47` → ("2026-W47", its Monday, the next Monday); ValueError for anything else."""
    match = _WEEK_RE.match(value.strip())
    if not match:
        raise ValueError(f"week {value!r} is not an ISO week like 2026-W47")
    year, week = int(match[1]), int(match[2])
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(f"ISO year {year} has no week {week}") from None
    return f"{year}-W{week:02d}", monday, monday + timedelta(days=7)


def last_complete_week(today: date | None = None) -> str:
    """The ISO week before the current one (on a Monday, the week that just ended)."""
    year, week, _ = ((today or date.today()) - timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


# --- subscribers -------------------------------------------------------------------


def _clean_value(value: str) -> str:
    cleaned = "".join(ch for ch in value if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"))
    return " ".join(cleaned.split())


def add_subscriber(
    db: sqlite_utils.Database, address: str, *, name: str | None = None, follows: Iterable[tuple[str, str]] = ()
) -> str:
    """Create a subscriber or extend an existing one's watchlist; returns the validated address.

    Raises ValueError for an invalid address, a name carrying an encoded word,
    or an unknown follow kind, with a message meant for the user.
    """
    address = validate_address(address)
    clean_name = header_safe(name)[:200] if name is not None else None
    rows = []
    for kind, value in follows:
        if kind not in FOLLOW_KINDS:
            raise ValueError(f"unknown follow kind {kind!r}: use one of {', '.join(FOLLOW_KINDS)}")
        cleaned = _clean_value(value)
        if not cleaned:
            raise ValueError(f"empty --{kind} value")
        rows.append({"address": address, "kind": kind, "value": cleaned})
    with db.atomic():
        existing = db.execute("SELECT name FROM subscribers WHERE address = ?", [address]).fetchone()
        if existing is None:
            db.execute(
                "INSERT INTO subscribers (address, name, created) VALUES (?, ?, ?)", [address, clean_name, now_utc()]
            )
        elif clean_name is not None:
            db.execute("UPDATE subscribers SET name = ? WHERE address = ?", [clean_name, address])
        for row in rows:
            db.execute(
                "INSERT OR IGNORE INTO subscriber_follows (address, kind, value) VALUES (?, ?, ?)",
                [row["address"], row["kind"], row["value"]],
            )
    return address


def remove_subscriber(db: sqlite_utils.Database, address: str) -> bool:
    """Forget a subscriber and their watchlist (their send log stays, as history)."""
    with db.atomic():
        db.execute("DELETE FROM subscriber_follows WHERE address = ?", [address.strip()])
        return db.execute("DELETE FROM subscribers WHERE address = ?", [address.strip()]).rowcount > 0


def list_subscribers(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Subscribers in address order, each with `follows` as [(kind, value)] in the order they were added."""
    follows: dict[str, list[tuple[str, str]]] = {}
    for address, kind, value in db.execute("SELECT address, kind, value FROM subscriber_follows ORDER BY rowid"):
        follows.setdefault(address, []).append((kind, value))
    return [
        {"address": address, "name": name, "created": created, "follows": follows.get(address, [])}
        for address, name, created in db.execute("SELECT address, name, created FROM subscribers ORDER BY address")
    ]


def last_sends(db: sqlite_utils.Database) -> dict[str, tuple[str, str, str | None]]:
    """Each address's latest digest attempt as (week, status, error)."""
    return {row[0]: row[1:] for row in db.execute(
        "SELECT address, week, status, error FROM digest_sends d1 "
        "WHERE week = (SELECT max(week) FROM digest_sends d2 WHERE d2.address = d1.address)"
    )}  # fmt: skip


def describe_send(last: tuple[str, str, str | None] | None) -> str:
    """`2026-W47 sent`, `2026-W47 failed (550 no such user)`, or "" before the first digest."""
    if not last:
        return ""
    week, status, error = last
    return f"{week} {status}" + (f" ({error})" if error else "")


# --- the week's content ------------------------------------------------------------


@dataclass
class Report:
    document: str
    source: str
    url: str | None
    title: str | None
    published: str | None
    evidence: str
    in_week: bool


@dataclass
class StoryItem:
    id: str
    type: str
    title: str
    date: str | None
    date_precision: str
    status: str  # "new" or "updated"
    participants: list[dict[str, Any]]
    reports: list[Report]
    disputes: list[dict[str, Any]]
    entities: set[str] = field(default_factory=set)
    agents: set[str] = field(default_factory=set)
    text: str = ""
    week_days: Counter = field(default_factory=Counter)

    @property
    def summary(self) -> str:
        """The first sentence this week's reports give as evidence, shortened to one line."""
        evidence = next((r.evidence for r in self.reports if r.in_week and r.evidence), "")
        line = " ".join(evidence.split())
        return line if len(line) <= 220 else line[:217].rstrip() + "…"


@dataclass
class WeekContent:
    week: str
    start: date
    end: date
    stories: dict[str, StoryItem]


_REPORTS_SQL = (
    "SELECT ev.story, ev.document, d.source, d.url, d.title, d.published, ev.evidence "
    "FROM events ev JOIN documents d ON d.id = ev.document WHERE ev.story IN ({marks}) ORDER BY d.published, ev.id"
)
_STORIES_SQL = "SELECT id, type, date, date_precision, title, participants, disputes FROM stories WHERE id IN ({marks})"


def load_week(db: sqlite_utils.Database, week: str) -> WeekContent:
    """Every story with a report published in `week`, marked new or updated."""
    label, start, end = parse_week(week)
    lo, hi = start.isoformat(), end.isoformat()
    story_ids = [row[0] for row in db.execute(
        "SELECT DISTINCT ev.story FROM documents d JOIN events ev ON ev.document = d.id "
        "WHERE d.published >= ? AND d.published < ? AND ev.story IS NOT NULL",
        [lo, hi],
    )]  # fmt: skip
    stories: dict[str, StoryItem] = {}
    for offset in range(0, len(story_ids), _CHUNK):
        chunk = story_ids[offset : offset + _CHUNK]
        marks = ",".join("?" * len(chunk))
        reports: dict[str, dict[str, Report]] = {}
        first_seen: dict[str, str] = {}
        reports_sql = _REPORTS_SQL.format(marks=marks)
        for story, document, source, url, title, published, evidence in db.execute(reports_sql, chunk):
            day = (published or "")[:10] or None
            if day and (story not in first_seen or day < first_seen[story]):
                first_seen[story] = day
            if day is not None and day >= hi:
                continue  # a report from after the week is not news in that week's digest
            by_doc = reports.setdefault(story, {})
            if document not in by_doc:
                by_doc[document] = Report(
                    document, source, safe_http_url(url), title, day, evidence or "", day is not None and day >= lo
                )
        for row in db.execute(_STORIES_SQL.format(marks=marks), chunk):
            story_id = row[0]
            participants = json.loads(row[5] or "[]")
            story_reports = list(reports.get(story_id, {}).values())
            item = StoryItem(
                id=story_id,
                type=row[1],
                date=row[2],
                date_precision=row[3],
                title=row[4] or "(untitled)",
                status="new" if first_seen.get(story_id, lo) >= lo else "updated",
                participants=participants,
                reports=story_reports,
                disputes=json.loads(row[6] or "[]"),
            )
            item.entities = {p["entity"] for p in participants if p.get("entity")}
            item.agents = {p["entity"] for p in participants if p.get("entity") and p.get("role") == "agent"}
            week_docs = {r.document for r in story_reports if r.in_week}
            for dispute in item.disputes:
                dispute["new"] = any(set(v.get("documents", [])) & week_docs for v in dispute.get("values", []))
            week_reports = [r for r in story_reports if r.in_week]
            item.text = " ".join([item.title, *(f"{r.title or ''} {r.evidence}" for r in week_reports)]).lower()
            item.week_days = Counter(r.published for r in story_reports if r.in_week)
            stories[story_id] = item
    return WeekContent(label, start, end, stories)


# --- per-subscriber digests --------------------------------------------------------


@dataclass
class Group:
    kind: str
    value: str
    items: list[StoryItem]
    more: int = 0

    @property
    def label(self) -> str:
        return f"{FOLLOW_LABELS[self.kind]}: {self.value}"


@dataclass
class Digest:
    address: str
    name: str | None
    week: WeekContent
    groups: list[Group]
    matched: list[StoryItem]
    unresolved: list[str]
    follows: list[tuple[str, str]] = field(default_factory=list)

    @property
    def quiet(self) -> bool:
        return not self.matched

    @property
    def new_count(self) -> int:
        return sum(1 for item in self.matched if item.status == "new")

    @property
    def updated_count(self) -> int:
        return len(self.matched) - self.new_count

    def day_counts(self) -> tuple[tuple[int, int], ...]:
        """(new, update) report counts for each day Monday..Sunday, for the chart."""
        slot = {(self.week.start + timedelta(days=i)).isoformat(): i for i in range(7)}
        new, upd = [0] * 7, [0] * 7
        # Plain lists, not Counter.update: a busy week puts hundreds of stories in one digest.
        for item in self.matched:
            counts = new if item.status == "new" else upd
            for day, n in item.week_days.items():
                i = slot.get(day)
                if i is not None:
                    counts[i] += n
        return tuple(zip(new, upd, strict=True))


class Matcher:
    """Resolves followed names to entity ids once per run, and indexes the week by entity, agent and type."""

    def __init__(self, db: sqlite_utils.Database, content: WeekContent) -> None:
        self.db = db
        self.content = content
        self._entities: dict[str, list[str]] = {}
        self._matches: dict[tuple[str, str], tuple[list[str], bool]] = {}
        self.by_entity: dict[str, list[str]] = {}
        self.by_agent: dict[str, list[str]] = {}
        self.by_type: dict[str, list[str]] = {}
        for story_id, item in content.stories.items():
            for entity in item.entities:
                self.by_entity.setdefault(entity, []).append(story_id)
            for entity in item.agents:
                self.by_agent.setdefault(entity, []).append(story_id)
            self.by_type.setdefault(item.type.lower(), []).append(story_id)

    def entity_ids(self, name: str) -> list[str]:
        if name not in self._entities:
            self._entities[name] = find_entity(self.db, name)
        return self._entities[name]

    def match(self, kind: str, value: str) -> tuple[list[str], bool]:
        """Story ids matching one follow in digest order, and whether the followed name is known at all.

        Sorted once per follow: a digest drops the stories an earlier follow
        already showed, and filtering keeps the order.
        """
        key = (kind, value)
        if key not in self._matches:
            found, known = self._match(kind, value)
            self._matches[key] = ([item.id for item in _order(self.content.stories[sid] for sid in found)], known)
        return self._matches[key]

    def _match(self, kind: str, value: str) -> tuple[list[str], bool]:
        if kind == "type":
            return self.by_type.get(value.lower(), []), True
        if kind == "keyword":
            pattern = re.compile(rf"(?<!\w){re.escape(value.lower())}(?!\w)")
            return [sid for sid, item in self.content.stories.items() if pattern.search(item.text)], True
        ids = self.entity_ids(value)
        index = self.by_entity if kind == "entity" else self.by_agent
        found = {sid for entity in ids for sid in index.get(entity, [])}
        return sorted(found), bool(ids)

    def digest(self, subscriber: dict[str, Any]) -> Digest:
        groups, matched, seen, unresolved = [], [], set(), []
        budget = MAX_ITEMS
        for kind, value in subscriber["follows"]:
            story_ids, known = self.match(kind, value)
            if not known:
                unresolved.append(f"{FOLLOW_LABELS[kind]}: {value}")
            items = [self.content.stories[sid] for sid in story_ids if sid not in seen]
            if not items:
                continue
            seen.update(item.id for item in items)
            matched.extend(items)
            shown = items[: max(0, min(MAX_ITEMS_PER_GROUP, budget))]
            budget -= len(shown)
            groups.append(Group(kind, value, shown, more=len(items) - len(shown)))
        return Digest(
            subscriber["address"],
            subscriber.get("name"),
            self.content,
            groups,
            matched,
            unresolved,
            list(subscriber["follows"]),
        )


def _order(items: Iterable[StoryItem]) -> list[StoryItem]:
    """New stories first, then updates; each newest first (undated ones last)."""
    ordered = sorted(items, key=lambda i: (i.date or "", i.id), reverse=True)
    return sorted(ordered, key=lambda i: i.status != "new")


# --- rendering ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]), undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )  # fmt: skip


@lru_cache(maxsize=1)
def _css() -> str:
    return (_TEMPLATES / "digest.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _inliner():
    import css_inline

    # minify_css keeps every style attribute short: each byte is encoded again in every mail.
    return css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False, minify_css=True)


def story_url(base: str, story_id: str) -> str:
    return f"{base}/story?story={quote(story_id, safe='')}"


def _item_context(item: StoryItem, base: str) -> dict[str, Any]:
    # Updates list only the week's new reports; new stories list every report so far.
    sources = [r for r in item.reports if r.in_week] if item.status == "updated" else list(item.reports)
    return {
        "id": item.id, "title": item.title, "type": item.type, "status": item.status,
        "date": item.date or "undated", "summary": item.summary, "url": story_url(base, item.id),
        "sources": [{"source": r.source, "url": r.url, "published": r.published or "undated",
                     "title": r.title or r.source} for r in sources[:MAX_SOURCES]],
        "more_sources": max(0, len(sources) - MAX_SOURCES),
        "earlier_reports": sum(1 for r in item.reports if not r.in_week),
        "disputes": [{"slot": d.get("slot", "?"), "new": d.get("new", False),
                      "values": [v.get("value", "") for v in d.get("values", [])]} for d in item.disputes],
    }  # fmt: skip


def subject_for(week: str) -> str:
    # Our own strings only: feed text never reaches the subject.
    return f"regwatch weekly digest — {week}"


class Renderer:
    """Renders the digests of one run, each story's part of them once.

    A story reaches many subscribers' digests with the same words (nothing
    in it depends on who reads it), so its HTML, CSS already inlined, and
    its text are made the first time it is shown and reused after. Each
    digest's own frame (greeting, groups, footer) is rendered and inlined
    with a placeholder per story, and the stories' HTML goes in last. The
    placeholders carry a random nonce, so no feed text or watchlist value
    can name one.
    """

    def __init__(self, settings: MailSettings) -> None:
        import secrets

        self.settings = settings
        self._items: dict[str, tuple[str, str]] = {}
        self._nonce = secrets.token_hex(8)
        self._slot = re.compile(rf"regwatch-{self._nonce}-(\d+)")

    def item(self, item: StoryItem) -> tuple[str, str]:
        """(HTML with styles inlined, text) for one story."""
        cached = self._items.get(item.id)
        if cached is None:
            import css_inline

            env = _environment()
            context = {"item": _item_context(item, self.settings.dashboard_url)}
            html = env.get_template("digest_item.html").render(context)
            html = css_inline.inline_fragment(html, _css(), load_remote_stylesheets=False, minify_css=True)
            text = env.get_template("digest_item.txt").render(context).removesuffix("\n")
            cached = self._items[item.id] = (html, text)
        return cached

    def render(self, digest: Digest, chart_cid: str) -> tuple[str, str]:
        """(plain text, HTML with CSS inlined)."""
        settings, week = self.settings, digest.week
        base = settings.dashboard_url
        fragments: list[str] = []
        groups = []
        for group in digest.groups:
            items = []
            for item in group.items:
                html, text = self.item(item)
                items.append({"token": f"regwatch-{self._nonce}-{len(fragments)}", "text": text})
                fragments.append(html)
            groups.append({"label": group.label, "items": items, "more": group.more})
        context = {
            "week": week.week, "start": week.start.isoformat(), "end": (week.end - timedelta(days=1)).isoformat(),
            "name": digest.name or "", "groups": groups, "quiet": digest.quiet, "new_count": digest.new_count,
            "updated_count": digest.updated_count, "dashboard_url": base, "chart_cid": chart_cid,
            "unresolved": digest.unresolved, "unsubscribe": f"mailto:{settings.mail_from}?subject=unsubscribe",
            "follows": [f"{FOLLOW_LABELS[k]}: {v}" for k, v in digest.follows],
        }  # fmt: skip
        env = _environment()
        text = env.get_template("digest.txt").render(context)
        frame = _inliner().inline(env.get_template("digest.html").render(context))
        html = self._slot.sub(lambda m: fragments[int(m[1])], frame)
        return text, html

    def compose(self, digest: Digest):
        """The finished `EmailMessage` for one subscriber."""
        from email.utils import make_msgid

        from app.chart import week_chart

        chart_cid = make_msgid(domain="regwatch.invalid")[1:-1]
        text, html = self.render(digest, chart_cid)
        png = week_chart(digest.day_counts(), digest.week.start.isoformat())
        return build_message(
            self.settings,
            to_address=digest.address,
            to_name=digest.name,
            subject=subject_for(digest.week.week),
            text=text,
            html=html,
            png=png,
            chart_cid=chart_cid,
        )


def render(digest: Digest, settings: MailSettings, chart_cid: str) -> tuple[str, str]:
    """(plain text, HTML with CSS inlined) for one digest."""
    return Renderer(settings).render(digest, chart_cid)


def compose(digest: Digest, settings: MailSettings):
    """The finished `EmailMessage` for one subscriber."""
    return Renderer(settings).compose(digest)


# --- a run -------------------------------------------------------------------------


@dataclass
class Outcome:
    address: str
    status: str  # sent, failed, skipped (already sent), written (dry run), built (preview)
    new: int = 0
    updated: int = 0
    error: str | None = None
    path: str | None = None


def _record(
    db: sqlite_utils.Database, address: str, week: str, status: str, error: str | None, message_id: str | None
) -> None:
    db.execute(
        "INSERT INTO digest_sends (address, week, status, error, attempted_at, message_id) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (address, week) DO UPDATE SET status = excluded.status, error = excluded.error, "
        "attempted_at = excluded.attempted_at, message_id = excluded.message_id",
        [address, week, status, error, now_utc(), message_id],
    )
    db.conn.commit()


def _eml_name(week: str, address: str) -> str:
    return f"{week}-{re.sub(r'[^A-Za-z0-9._@+-]', '_', address)}.eml"


def run(
    db: sqlite_utils.Database,
    week: str,
    settings: MailSettings,
    *,
    send: bool = False,
    dry_run: Path | None = None,
    force: bool = False,
    sender: Any = None,
    subscribers: list[dict[str, Any]] | None = None,
) -> list[Outcome]:
    """Build every subscriber's digest for `week`; send it, write it as .eml, or only count it.

    Sending consults the send log first: an address already `sent` for the
    week is skipped unless `force`; each attempt is recorded and committed
    before the next, so a crash never loses the record of what went out.
    """
    label = parse_week(week)[0]
    content = load_week(db, label)
    matcher = Matcher(db, content)
    already = {
        row[0] for row in db.execute("SELECT address FROM digest_sends WHERE week = ? AND status = 'sent'", [label])
    }
    if dry_run is not None:
        dry_run.mkdir(parents=True, exist_ok=True)
    own_sender = send and sender is None
    if own_sender:
        sender = SmtpSender(settings)
    renderer = Renderer(settings)
    outcomes: list[Outcome] = []
    server_down: str | None = None
    try:
        for subscriber in subscribers if subscribers is not None else list_subscribers(db):
            address = subscriber["address"]
            if send and address in already and not force:
                outcomes.append(Outcome(address, "skipped"))
                continue
            digest = matcher.digest(subscriber)
            outcome = Outcome(address, "built", digest.new_count, digest.updated_count)
            outcomes.append(outcome)
            if not send and dry_run is None:
                continue
            try:
                message = renderer.compose(digest)
            except ValueError as exc:  # a stored address that no longer passes header_safe
                outcome.status, outcome.error = "failed", str(exc)
                if send:
                    _record(db, address, label, "failed", outcome.error, None)
                continue
            if dry_run is not None:
                path = dry_run / _eml_name(label, address)
                path.write_bytes(bytes(message))
                outcome.status, outcome.path = "written", str(path)
                continue
            if server_down is not None:
                outcome.status, outcome.error = "failed", server_down
            else:
                try:
                    sender.send(message, address)
                    outcome.status = "sent"
                except ConnectError as exc:
                    server_down = outcome.error = describe_failure(exc, address)
                    outcome.status = "failed"
                except Exception as exc:  # noqa: BLE001 - one subscriber's failure must not stop the rest
                    outcome.status, outcome.error = "failed", describe_failure(exc, address)
            _record(
                db,
                address,
                label,
                outcome.status,
                outcome.error,
                message["Message-ID"] if outcome.status == "sent" else None,
            )
    finally:
        if own_sender:
            sender.close()
    return outcomes
