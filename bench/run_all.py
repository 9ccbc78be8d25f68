"""Run every benchmark with settings that finish in minutes; each prints its own figures.

The full-size runs (a million events) are documented in each script's --help.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUICK = [
    ("extract.py", ["--docs", "300", "--repeat", "3", "--stream", "2000"]),
    ("ingest.py", []),
    ("stories.py", ["--sizes", "10000", "100000", "--new", "500", "--repeat", "3"]),
    ("dashboard.py", ["--events", "100000", "--documents", "20000"]),
    ("digest.py", []),
]


def main() -> int:
    failed = 0
    for script, arguments in QUICK:
        path = HERE / script
        if not path.exists():
            continue
        print(f"\n=== {script} {' '.join(arguments)}", flush=True)
        failed += subprocess.call([sys.executable, str(path), *arguments]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
