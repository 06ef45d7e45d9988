"""Crash safety, measured: SIGKILL a process editing a document at random moments, 200 times.

Each round starts a child that opens the same document and edits it (adds, changes, moves and
removes paragraphs, renames the document, edits section intros, moves sections, takes
snapshots), journalling each committed edit; the child is killed after a random delay (every
eighth round while it is still starting up or opening the file). The document is then checked:
``PRAGMA integrity_check`` is ok, ``Project.open`` takes over the dead child's lock, and every
journalled edit is there. Prints, for example:

    200/200 rounds survived (…)

Then the same for the commands that write files (tests/robustness/crash_writes.py):
``import``, ``export`` to Markdown and to Word, ``package`` and ``merge`` are killed mid-run,
and the target must be its old bytes or a complete new file, the sources untouched, and
nothing left behind once the command runs again. One line per operation.

Run with ``make bench`` or ``.venv/bin/python benchmarks/crash_rounds.py --rounds 200``
(``--only import`` for one operation). The test suite runs a few rounds of the same
harnesses (tests/robustness/test_crash_safety.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.robustness.crash_harness import CrashSafetyError, run_rounds, summary
from tests.robustness.crash_writes import (
    OPERATIONS,
    prepare,
    run_write_rounds,
    write_summary,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("legacy_rounds", nargs="?", type=int, help=argparse.SUPPRESS)
    parser.add_argument("legacy_seed", nargs="?", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=200, help="rounds of each (200)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--only",
        action="append",
        choices=["edit", *OPERATIONS],
        help="run only this operation (repeatable; default: all)",
    )
    args = parser.parse_args()
    rounds = args.legacy_rounds or args.rounds
    seed = args.legacy_seed or args.seed
    chosen = args.only or ["edit", *OPERATIONS]
    failed = False
    with tempfile.TemporaryDirectory(prefix="reformkit-crash-") as folder:
        setup = None
        for op in chosen:
            started = time.perf_counter()
            try:
                if op == "edit":
                    work = Path(folder) / "edit"
                    work.mkdir()
                    line = f"{'edit':<12} " + summary(run_rounds(rounds, work, seed=seed), rounds)
                else:
                    setup = setup or prepare(Path(folder) / "writes")
                    results = run_write_rounds(op, rounds, setup.work, seed=seed, setup=setup)
                    line = write_summary(op, results, rounds)
            except CrashSafetyError as error:
                print(f"{op:<12} FAILED: {error}", flush=True)
                failed = True
                continue
            print(f"{line}; {time.perf_counter() - started:.1f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
