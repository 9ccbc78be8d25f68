"""Weekly digests for many subscribers over a large store, built as a dry run (.eml files).

Builds a synthetic store of N events (stories of 3 reports, published over
ten years, so every week holds new stories and updates to older ones), adds
S subscribers each following entities, an agency, a type and a keyword,
then times `app.digest.run(..., dry_run=DIR)` for one week. Target (issue 7):
1,000 subscribers over 1,000,000 events in under 30 s.

    python bench/digest.py [--events 100000] [--subscribers 1000] [--week 2025-W20] [--repeat 3]
    python bench/digest.py --events 1000000 --store /tmp/digest-1m.db   # build once, reuse after

`--store` keeps the synthetic store at that path and reuses it on the next
run (a million events take a few minutes to write); the timed part is the
dry run only, repeated `--repeat` times, and the median is reported.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import digest  # noqa: E402
from app.mailer import MailSettings  # noqa: E402
from store.db import open_db  # noqa: E402

TYPES = ["order", "rule", "designation", "lawsuit", "ruling", "investigation", "penalty", "suspension"]
AGENCIES = [f"agency:a{i}" for i in range(60)]
WORDS = ["semiconductor", "export", "drone", "battery", "telecom", "antitrust", "privacy", "sanctions"]
START = date(2016, 1, 1)


def build(path: Path, events: int, seed: int = 7) -> int:
    """Bulk-write `events` events; returns the number of companies."""
    rng = random.Random(seed)
    db = open_db(path)
    conn = db.conn
    conn.execute("INSERT INTO sources (name, kind) VALUES ('bench', 'rss')")
    companies = max(1000, events // 20)
    docs, evs, roles, stories, parts = [], [], [], [], []
    for s in range(events // 3):
        kind = rng.choice(TYPES)
        day = START + timedelta(days=rng.randrange(3650))
        agent, target = rng.choice(AGENCIES), f"org:c{rng.randrange(companies)}"
        word = rng.choice(WORDS)
        story_id = f"story-{s}"
        participants = [
            {"canonical": f"Agency {agent[8:]}", "role": "agent", "entity": agent},
            {"canonical": f"Company {target[5:]}", "role": "target", "entity": target},
        ]
        stories.append(
            (
                story_id,
                kind,
                day.isoformat(),
                "day",
                day.isoformat(),
                f"Agency {agent[8:]} {kind} Company {target[5:]}",
                json.dumps(participants),
                "[]",
                day.isoformat(),
            )
        )
        parts += [
            (story_id, agent, "agent", kind, day.isoformat()),
            (story_id, target, "target", kind, day.isoformat()),
        ]
        for k in range(3):
            doc_id = f"d{s}-{k}"
            published = (day + timedelta(days=k * rng.randrange(0, 12))).isoformat() + "T09:00:00+00:00"
            docs.append(
                (
                    doc_id,
                    "bench",
                    f"https://bench.example/{doc_id}",
                    f"Report {doc_id}",
                    published,
                    published,
                    published,
                    "x",
                    "h",
                )
            )
            event_id = f"{doc_id}#0"
            evs.append(
                (
                    event_id,
                    doc_id,
                    0,
                    kind,
                    day.isoformat(),
                    "day",
                    day.isoformat(),
                    "{}",
                    f"Agency {agent[8:]} took {kind} action on Company {target[5:]} over {word}.",
                    0,
                    1,
                    0.5,
                    "v",
                    story_id,
                )
            )
            roles += [(event_id, "agent", 0, agent, agent), (event_id, "target", 1, target, target)]
    with conn:
        conn.executemany(
            "INSERT INTO documents (id, source, url, title, published, fetched, updated, text, content_hash) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            docs,
        )
        conn.executemany(
            "INSERT INTO stories (id, type, date, date_precision, date_sort, title, participants, disputes, "
            "first_seen) VALUES (?,?,?,?,?,?,?,?,?)",
            stories,
        )
        conn.executemany(
            "INSERT INTO events (id, document, seq, type, date, date_precision, date_sort, attrs, evidence, "
            'start, "end", confidence, pipeline_version, story) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            evs,
        )
        conn.executemany(
            "INSERT INTO entities (id, canonical, type) VALUES (?, ?, 'ORG') ON CONFLICT DO NOTHING",
            [(a, f"Agency {a[8:]}") for a in AGENCIES] + [(f"org:c{i}", f"Company {i}") for i in range(companies)],
        )
        conn.executemany("INSERT INTO event_roles (event, role, seq, entity, text) VALUES (?,?,?,?,?)", roles)
        conn.executemany(
            "INSERT INTO story_participants (story, entity, role, type, sort_key) VALUES (?,?,?,?,?)", parts
        )
    db.close()
    return companies


def subscribe(path: Path, count: int, companies: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    db = open_db(path)
    for i in range(count):
        follows = [("entity", f"Company {rng.randrange(companies)}") for _ in range(3)]
        follows += [
            ("agency", f"Agency {rng.randrange(len(AGENCIES))}"),
            ("type", rng.choice(TYPES)),
            ("keyword", rng.choice(WORDS)),
        ]
        digest.add_subscriber(db, f"analyst{i}@bench.example.org", name=f"Analyst {i}", follows=follows)
    db.close()


def prepare(path: Path, events: int, subscribers: int) -> None:
    """Build the store at `path` unless a finished one is already there."""
    if path.exists():
        db = open_db(path)
        try:
            have = db.execute("SELECT count(*) FROM events").fetchone()[0]
            subs = db.execute("SELECT count(*) FROM subscribers").fetchone()[0]
        finally:
            db.close()
        if have == events // 3 * 3 and subs == subscribers:
            print(f"store: reusing {path} ({have:,} events, {subs:,} subscribers)")
            return
        raise SystemExit(f"{path} holds {have:,} events and {subs:,} subscribers, not what was asked: delete it")
    started = time.perf_counter()
    companies = build(path, events)
    subscribe(path, subscribers, companies)
    print(f"store: {events:,} events, {subscribers:,} subscribers, built in {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--week", default="2025-W20")
    parser.add_argument("--repeat", type=int, default=3, help="timed dry runs; the median is reported")
    parser.add_argument("--store", type=Path, help="keep the synthetic store here and reuse it next time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "bench.db"
        prepare(path, args.events, args.subscribers)
        db = open_db(path)
        settings = MailSettings.from_env({"REGWATCH_DASHBOARD_URL": "https://regwatch.example.org"})
        started = time.perf_counter()
        content = digest.load_week(db, args.week)
        loaded = time.perf_counter() - started
        print(f"week {args.week}: {len(content.stories):,} stories with reports (loaded in {loaded:.2f} s)")
        times, cpu = [], []
        for attempt in range(args.repeat):
            out = Path(tmp) / f"eml{attempt}"
            started, started_cpu = time.perf_counter(), time.process_time()
            outcomes = digest.run(db, args.week, settings, dry_run=out)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            quiet = sum(1 for o in outcomes if not o.new and not o.updated)
            # CPU time beside wall time: on a shared machine the wall clock also counts other work.
            print(
                f"dry run {attempt + 1}: {len(outcomes):,} digests written in {times[-1]:.1f} s "
                f"(CPU {cpu[-1]:.1f} s; {1000 * times[-1] / max(1, len(outcomes)):.1f} ms each, {quiet} quiet)",
                flush=True,
            )
        db.close()
        total = statistics.median(times)
        verdict = "under" if total < 30 else "OVER"
        print(
            f"median {total:.1f} s (CPU {statistics.median(cpu):.1f} s): {verdict} 30 s at {args.events:,} events and {args.subscribers:,} subscribers "
            "(the target is for 1,000 subscribers over 1,000,000 events)"
        )


if __name__ == "__main__":
    main()
