"""Story resolution cost against store size.

Builds synthetic stores holding 10k, 100k and 1M events (already resolved
into stories), then times resolving the same 1,000 new events into each.
If candidate lookup is index-bound, the three timings are about equal.

    python bench/stories.py [--sizes 10000 100000 1000000] [--new 1000] [--repeat 3]
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

from store.db import open_db  # noqa: E402
from store.stories import resolve_document  # noqa: E402

TYPES = [
    "order",
    "rule",
    "designation",
    "lawsuit",
    "ruling",
    "investigation",
    "penalty",
    "suspension",
    "legislation",
    "meeting",
    "launch",
]
AGENCIES = [f"agency:a{i}" for i in range(60)]
START = date(2016, 1, 1)


def build(path: Path, events: int, seed: int = 7) -> None:
    """A store of `events` events in stories of ~3 events, written with bulk SQL."""
    rng = random.Random(seed)
    db = open_db(path)
    conn = db.conn
    conn.execute("INSERT INTO sources (name, kind) VALUES ('bench', 'rss')")
    companies = max(1000, events // 20)
    stories = events // 3
    doc_rows, event_rows, role_rows, story_rows, participant_rows = [], [], [], [], []
    for s in range(stories):
        kind = rng.choice(TYPES)
        day = START + timedelta(days=rng.randrange(3650))
        agent, target = rng.choice(AGENCIES), f"org:c{rng.randrange(companies)}"
        story_id = f"story-{s}"
        story_rows.append((story_id, kind, day.isoformat(), "day", day.isoformat(), "t", "[]", "[]", day.isoformat()))
        participant_rows += [
            (story_id, agent, "agent", kind, day.isoformat()),
            (story_id, target, "target", kind, day.isoformat()),
        ]
        for k in range(3):
            doc_id = f"d{s}-{k}"
            doc_rows.append((doc_id, "bench", day.isoformat(), day.isoformat(), day.isoformat(), "x", "h"))
            event_id = f"{doc_id}#0"
            event_rows.append(
                (
                    event_id,
                    doc_id,
                    0,
                    kind,
                    day.isoformat(),
                    "day",
                    day.isoformat(),
                    "{}",
                    "e",
                    0,
                    1,
                    0.5,
                    "v",
                    story_id,
                )
            )
            role_rows += [(event_id, "agent", 0, agent, agent), (event_id, "target", 1, target, target)]
    with conn:
        conn.executemany(
            "INSERT INTO documents (id, source, published, fetched, updated, text, content_hash) VALUES (?,?,?,?,?,?,?)",
            doc_rows,
        )
        conn.executemany(
            "INSERT INTO stories (id, type, date, date_precision, date_sort, title, participants, disputes, first_seen) VALUES (?,?,?,?,?,?,?,?,?)",
            story_rows,
        )
        conn.executemany(
            'INSERT INTO events (id, document, seq, type, date, date_precision, date_sort, attrs, evidence, start, "end", confidence, pipeline_version, story) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            event_rows,
        )
        conn.executemany(
            "INSERT INTO entities (id, canonical, type) VALUES (?, ?, 'ORG') ON CONFLICT DO NOTHING",
            [(r[3], r[3]) for r in role_rows],
        )
        conn.executemany("INSERT INTO event_roles (event, role, seq, entity, text) VALUES (?,?,?,?,?)", role_rows)
        conn.executemany(
            "INSERT INTO story_participants (story, entity, role, type, sort_key) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
            participant_rows,
        )
    db.close()


def add_new(path: Path, count: int, seed: int = 11) -> float:
    """Insert `count` new single-event documents and resolve them; return seconds spent resolving."""
    rng = random.Random(seed)
    db = open_db(path)
    conn = db.conn
    docs = []
    with conn:
        for n in range(count):
            kind = rng.choice(TYPES)
            day = START + timedelta(days=rng.randrange(3650))
            agent, target = rng.choice(AGENCIES), f"org:c{rng.randrange(1000)}"
            doc_id = f"new-{seed}-{n}"
            conn.execute(
                "INSERT INTO documents (id, source, published, fetched, updated, text, content_hash) VALUES (?,?,?,?,?,?,?)",
                (doc_id, "bench", day.isoformat(), day.isoformat(), day.isoformat(), "x", "h"),
            )
            conn.execute(
                'INSERT INTO events (id, document, seq, type, date, date_precision, date_sort, attrs, evidence, start, "end", confidence, pipeline_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
                (
                    f"{doc_id}#0",
                    doc_id,
                    0,
                    kind,
                    day.isoformat(),
                    "day",
                    day.isoformat(),
                    json.dumps({}),
                    "e",
                    0,
                    1,
                    0.5,
                    "v",
                ),
            )
            conn.execute(
                "INSERT INTO entities (id, canonical, type) VALUES (?, ?, 'ORG') ON CONFLICT DO NOTHING",
                (target, target),
            )
            conn.execute(
                "INSERT INTO entities (id, canonical, type) VALUES (?, ?, 'AGENCY') ON CONFLICT DO NOTHING",
                (agent, agent),
            )
            conn.executemany(
                "INSERT INTO event_roles (event, role, seq, entity, text) VALUES (?,?,?,?,?)",
                [(f"{doc_id}#0", "agent", 0, agent, agent), (f"{doc_id}#0", "target", 1, target, target)],
            )
            docs.append(doc_id)
    started = time.perf_counter()
    for doc_id in docs:
        resolve_document(db, doc_id)
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"store-{size}.db"
            t0 = time.perf_counter()
            build(path, size)
            built = time.perf_counter() - t0
            timings = [add_new(path, args.new, seed=100 + r) for r in range(args.repeat)]
            results[size] = statistics.median(timings)
            print(
                f"store of {size:>9,} events (built in {built:5.1f} s): adding {args.new} events took "
                f"median {results[size]:.2f} s over {args.repeat} runs ({1000 * results[size] / args.new:.2f} ms/event)"
            )
            path.unlink()
    smallest = results[min(results)]
    for size, seconds in results.items():
        print(f"ratio against {min(results):,}: {size:>9,} -> {seconds / smallest:.2f}x")


if __name__ == "__main__":
    main()
