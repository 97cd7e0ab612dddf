#!/usr/bin/env python3
"""Benchmark: loading every catalog into a fresh phrase store (median of repeated runs).

usage: scripts/bench_import.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from phrasebook.store import import_phrases, open_db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times, counts = [], {}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            db = open_db(Path(tmp) / "bench.sqlite3")
            start = time.perf_counter()
            counts = import_phrases(db)
            times.append(time.perf_counter() - start)
            db.conn.close()
    entries = sum(counts.values())
    print(f"import_s median {statistics.median(times):.3f} s over {args.runs} runs "
          f"({len(counts)} catalogs, {entries} entries, {entries // max(len(counts), 1)} per catalog)")


if __name__ == "__main__":
    main()
