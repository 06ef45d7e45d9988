"""Crash safety, measured: SIGKILL a process editing a document at random moments, 200 times.

Each round starts a child that opens the same document and edits it (adds, changes, moves and
removes paragraphs, renames the document, edits section intros, moves sections, takes
snapshots), journalling each committed edit; the child is killed after a random delay (every
eighth round while it is still starting up or opening the file). The document is then checked:
``PRAGMA integrity_check`` is ok, ``Project.open`` takes over the dead child's lock, and every
journalled edit is there. Prints, for example:

    200/200 rounds survived (…)

Run with ``make bench`` or ``.venv/bin/python benchmarks/crash_rounds.py [ROUNDS] [SEED]``.
The test suite runs 25 rounds of the same harness (tests/robustness/test_crash_safety.py).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.robustness.crash_harness import CrashSafetyError, run_rounds, summary


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2024
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reformkit-crash-") as folder:
        try:
            results = run_rounds(rounds, Path(folder), seed=seed)
        except CrashSafetyError as error:
            print(f"FAILED: {error}")
            return 1
    print(summary(results, rounds) + f"; {time.perf_counter() - started:.1f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
