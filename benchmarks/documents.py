"""Project files at scale: open + dump + coverage of a 300-section plan, and one edit.

Prints figures against references measured in the same run, never asserts them:
  * open + dump + coverage, against sqlite3 merely reading every row of the same file
  * the median committed edit (update_item), against a bare sqlite3 UPDATE + COMMIT on the
    same file with the same settings (WAL, synchronous=FULL)
Run with ``make bench`` or ``.venv/bin/python benchmarks/documents.py``.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated_plan import generated_plan

from desktop.launcher import document_kinds
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.coverage import coverage
from reformkit.document.interchange import dumps
from reformkit.document.project import Project

ROUNDS = 7
EDITS = 200


def timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000


def main() -> None:
    kinds = document_kinds()
    catalogue = Catalogue.open(None)
    recommendations = catalogue.entries("recommendation")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.reformkit"
        Project.create_from(path, generated_plan(300), PLAN).close()
        size = path.stat().st_size

        def open_dump_coverage() -> None:
            with Project.open(path, kinds) as project:
                dumps(project.document)
                coverage(project.document, project.spec, recommendations)

        def raw_read() -> None:
            connection = sqlite3.connect(path)
            for table in ("meta", "sections", "items"):
                connection.execute(f"select * from {table}").fetchall()
            connection.close()

        ours = statistics.median(timed(open_dump_coverage) for _ in range(ROUNDS))
        reference = statistics.median(timed(raw_read) for _ in range(ROUNDS))
        items = 0
        edit_times, raw_times = [], []
        rng = random.Random(1)
        with Project.open(path, kinds) as project:
            every = [item for _, item in project.document.items() if item.type == "paragraph"]
            items = len(project.document.items())
            raw = sqlite3.connect(path, isolation_level=None)
            raw.execute("PRAGMA synchronous = FULL")
            for number in range(EDITS):
                item = rng.choice(every)
                started = time.perf_counter()
                project.update_item(item.id, fields={"text": f"Edited {number}"})
                edit_times.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                raw.execute("begin")
                raw.execute("update items set modified = ? where id = ?", [str(number), item.id])
                raw.execute("commit")
                raw_times.append((time.perf_counter() - started) * 1000)
            raw.close()
    edit, bare = statistics.median(edit_times), statistics.median(raw_times)
    print(f"generated plan: 300 sections, {items} items, file {size / 1024:.0f} KiB")
    print(
        f"  open + dump + coverage: median {ours:.1f} ms; sqlite3 reading every row "
        f"{reference:.1f} ms; ratio {ours / reference:.1f}x"
    )
    print(
        f"  one committed edit: median {edit:.2f} ms; bare sqlite3 update+commit "
        f"{bare:.2f} ms; ratio {edit / bare:.1f}x  ({EDITS} edits, synchronous=FULL)"
    )


if __name__ == "__main__":
    main()
