"""Extraction speed against the stock model, and memory when streaming.

Runs, in one process tree and on the same texts:
  1. the stock model's plain `nlp.pipe` (all components, both cores);
  2. regwatch's extraction (`ExtractorPool`, both cores);
and prints documents per second for each and the ratio (target >= 1.0).
Then streams N documents through `regwatch extract --jsonl -` and reports
the child's peak resident memory (target < 1 GB for 10,000 documents).

    python bench/extract.py [--docs 600] [--repeat 3] [--stream 10000] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import config  # noqa: E402
from nlp.pipeline import DocInput, ExtractorPool  # noqa: E402

EVAL = ROOT / "tests" / "data" / "eval"


def corpus(count: int) -> list[DocInput]:
    """Texts of every style we have (news, releases, filings, court texts), cycled to `count`."""
    rows = []
    for name in ("dev.jsonl", "dev2.jsonl"):
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            rows.append(DocInput(row["id"], row["text"], row.get("published")))
    return [
        DocInput(f"{rows[i % len(rows)].id}-{i}", rows[i % len(rows)].text, rows[i % len(rows)].published)
        for i in range(count)
    ]


def time_stock(texts: list[str], workers: int) -> float:
    import spacy

    nlp = spacy.load(config.model_name())
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=32):
        pass
    return time.perf_counter() - started


def time_regwatch(items: list[DocInput], workers: int) -> float:
    with ExtractorPool(workers) as pool:
        list(pool.map(items[:4]))  # start the workers and load their models before timing
        started = time.perf_counter()
        for _ in pool.map(items):
            pass
        return time.perf_counter() - started


def stream_memory(count: int, workers: int) -> tuple[float, float]:
    """(seconds, peak RSS in MiB of the extract process and its workers) for `count` streamed documents."""
    lines = "".join(json.dumps({"id": d.id, "text": d.text, "published": d.published}) + "\n" for d in corpus(count))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "app.cli", "extract", "--jsonl", "-", "--workers", str(workers)],
        input=lines.encode(),
        stdout=subprocess.DEVNULL,
        check=True,
        cwd=ROOT,
    )
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak_kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stream", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()
    items = corpus(args.docs)
    texts = [item.text for item in items]
    chars = sum(len(t) for t in texts)
    stock, ours = [], []
    for _ in range(args.repeat):
        stock.append(time_stock(texts, args.workers))
        ours.append(time_regwatch(items, args.workers))
    stock_rate = args.docs / statistics.median(stock)
    our_rate = args.docs / statistics.median(ours)
    print(
        f"{args.docs} documents ({chars / args.docs:.0f} chars on average), {args.workers} processes, median of {args.repeat}"
    )
    print(f"stock model nlp.pipe : {stock_rate:7.1f} docs/s")
    print(f"regwatch extraction  : {our_rate:7.1f} docs/s")
    print(f"ratio regwatch/stock : {our_rate / stock_rate:.2f}  (target >= 1.0)")
    if args.stream:
        seconds, peak = stream_memory(args.stream, args.workers)
        print(
            f"streamed {args.stream} documents through `regwatch extract --jsonl -` in {seconds:.0f} s; "
            f"peak RSS of the largest process {peak:.0f} MiB (target < 1024)"
        )


if __name__ == "__main__":
    main()
