"""Catalogue search speed with a large user library, and command-line start-up time.

Prints figures, never fails on them: targets are read by people, not asserted by tests.
  * FTS search median over the seed plus 10,000 generated user clauses (target <= 5 ms)
  * ``reformkit --version`` start time as a ratio to ``python -c pass``, same run
Run with ``make bench`` or ``.venv/bin/python benchmarks/catalogue_search.py``.
"""

from __future__ import annotations

import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import resources
from reformkit.catalogue.entry import USER, Entry
from reformkit.catalogue.store import Catalogue

USER_CLAUSES = 10_000
QUERIES = [
    "candour",
    "co-produce",
    "budget",
    "pay",
    "citizens panel",
    "training",
    "prevention",
    "mission metric",
    "innovation zone",
    "probation",
    "local",
    "services",
    "staff survey",
    "accountability",
    "devolution",
    "social investment",
    "collab",
    "we will",
    "team",
    "agency",
    "a",  # the first letters someone types
    "s",
    "p",
    "co",
    "pr",
]
ROUNDS = 15
START_RUNS = 25


def generated_clauses(count: int) -> list[Entry]:
    """Plausible clauses built from the briefing's own vocabulary, deterministically."""
    text = resources.path("briefing", "the-reform-dividend.txt").read_text(encoding="utf-8")
    vocabulary = sorted(set(re.findall(r"[a-z]{3,}", text.lower())))
    rng = random.Random(2024)
    clauses = []
    for number in range(count):
        words = rng.choices(vocabulary, k=rng.randint(12, 40))
        clauses.append(
            Entry(
                id=f"U-{uuid.UUID(int=rng.getrandbits(128)).hex[:12]}",
                kind="clause",
                title=f"Clause {number}: {' '.join(words[:4])}",
                text="We will " + " ".join(words),
                related=("R18",),
                origin=USER,
                source="Generated for the benchmark",
            )
        )
    return clauses


def search_figures(library: Path) -> tuple[float, float, int]:
    with Catalogue.open(library) as catalogue:
        catalogue.add_many(generated_clauses(USER_CLAUSES))
        total = catalogue.count()
        timings = []
        for _ in range(ROUNDS):
            for query in QUERIES:
                started = time.perf_counter()
                catalogue.search(query, limit=20)
                timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95)], total


def start_figures() -> tuple[float, float]:
    script = Path(sys.executable).with_name("reformkit")
    reformkit = (
        [str(script), "--version"]
        if script.exists()
        else [sys.executable, "-m", "desktop", "--version"]
    )
    bare = [sys.executable, "-c", "pass"]
    ours, reference = [], []
    for _ in range(START_RUNS):
        for command, bucket in ((reformkit, ours), (bare, reference)):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            bucket.append((time.perf_counter() - started) * 1000)
    return statistics.median(ours), statistics.median(reference)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        median, p95, total = search_figures(Path(folder) / "library.sqlite")
    print(
        f"catalogue search: {total} entries ({USER_CLAUSES} generated user clauses), "
        f"{len(QUERIES)} queries x {ROUNDS}"
    )
    print(
        f"  median {median:.2f} ms, p95 {p95:.2f} ms"
        "  (target p95 < 5 ms, one-letter prefixes included)"
    )
    ours, reference = start_figures()
    print(
        f"start-up: reformkit --version {ours:.1f} ms, python -c pass {reference:.1f} ms, "
        f"ratio {ours / reference:.2f}x  (median of {START_RUNS})"
    )


if __name__ == "__main__":
    main()
