"""The lock, raced: 20 processes open one document for writing at the same moment, 50 times.

Each round must end with exactly one writer at a time, ``PRAGMA integrity_check`` ok, no two
parts or items at one position, and every writer's additions kept (see
tests/robustness/lock_race.py). Prints, for example:

    50/50 rounds with exactly one writer at a time (peak 1), integrity ok in 50, …

Run with ``.venv/bin/python benchmarks/lock_race.py --rounds 50 [--processes 20]``.
The test suite runs 5 rounds of the same harness (tests/robustness/test_concurrency.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.robustness.conftest import KINDS, make_sample
from tests.robustness.lock_race import PROCESSES, run_rounds, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--processes", type=int, default=PROCESSES)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        template = make_sample(Path(folder) / "template.reformkit")
        race = Path(folder) / "race"
        race.mkdir()
        started = time.perf_counter()
        results = run_rounds(template, race, KINDS, args.rounds, args.processes)
        seconds = time.perf_counter() - started
    print(f"{summary(results)} ({args.processes} processes a round, {seconds:.1f} s)")
    for number, result in enumerate(results, 1):
        if not result.ok:
            print(f"round {number}: {result}")
    return 0 if all(result.ok for result in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
