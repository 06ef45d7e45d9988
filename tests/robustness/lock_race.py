"""Many ReformKits opening one document at once: the harness behind the concurrency test.

Each round copies a fresh document, then starts PROCESSES processes that wait at one barrier
and all call ``Project.open`` for writing at the same moment. A process that gets the writer
role counts itself in (a shared counter of writers at work, whose peak must stay 1), adds a
part and two paragraphs, and closes; the others are told it is open and open it read-only.
Afterwards the file must pass ``PRAGMA integrity_check``, hold no two parts or items at one
position, and hold every writer's additions.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Barrier
from pathlib import Path

from reformkit.document.errors import DocumentInUseError
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds

PROCESSES = 20
ITEMS_PER_WRITER = 2


@dataclass(frozen=True)
class RoundResult:
    writers: int  # processes that had the writer role at some point
    readers: int  # processes told it was open, that opened it read-only
    peak: int  # most writers at work at the same moment
    integrity: str
    duplicate_positions: int
    missing_items: int  # additions a writer made that the file does not hold
    failures: tuple[str, ...]  # anything else a process met

    @property
    def ok(self) -> bool:
        return (
            self.peak == 1
            and self.writers >= 1
            and self.integrity == "ok"
            and not self.duplicate_positions
            and not self.missing_items
            and not self.failures
        )


def _child(
    path: Path,
    kinds: DocumentKinds,
    barrier: Barrier,
    active: Synchronized,  # type: ignore[type-arg]
    peak: Synchronized,  # type: ignore[type-arg]
    results: multiprocessing.Queue,  # type: ignore[type-arg]
    number: int,
) -> None:
    try:
        barrier.wait(timeout=60)
        try:
            project = Project.open(path, kinds)
        except DocumentInUseError:
            with Project.open(path, kinds, read_only=True) as reader:
                assert reader.read_only and reader.document.sections
            results.put(("reader", ""))
            return
        with active.get_lock():
            active.value += 1
            with peak.get_lock():
                peak.value = max(peak.value, active.value)
        try:
            section = project.add_section("custom", f"Added by process {number}")
            for n in range(ITEMS_PER_WRITER):
                project.add_item(section.id, "paragraph", {"text": f"Process {number}, {n}"})
        finally:
            with active.get_lock():
                active.value -= 1
            project.close()
        results.put(("writer", ""))
    except BaseException as error:  # reported to the parent, which fails the round
        results.put(("failure", f"process {number}: {type(error).__name__}: {error}"))


def run_round(template: Path, folder: Path, kinds: DocumentKinds, processes: int) -> RoundResult:
    path = folder / "shared.reformkit"
    for leftover in folder.glob("*shared.reformkit*"):
        leftover.unlink()
    shutil.copyfile(template, path)
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    barrier = context.Barrier(processes)
    active = context.Value("i", 0)
    peak = context.Value("i", 0)
    results = context.Queue()
    children = [
        context.Process(target=_child, args=(path, kinds, barrier, active, peak, results, n))
        for n in range(processes)
    ]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=300) for _ in children]
    for child in children:
        child.join(timeout=60)
    writers = sum(1 for kind, _ in outcomes if kind == "writer")
    failures = tuple(text for kind, text in outcomes if kind == "failure")
    integrity, duplicates, missing = _inspect(path, writers)
    readers = sum(1 for kind, _ in outcomes if kind == "reader")
    return RoundResult(writers, readers, int(peak.value), integrity, duplicates, missing, failures)


def _inspect(path: Path, writers: int) -> tuple[str, int, int]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        integrity = "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
        duplicates = connection.execute(
            "select (select count(*) - count(distinct position) from sections) + "
            "(select count(*) from (select 1 from items group by section_id, position "
            "having count(*) > 1))"
        ).fetchone()[0]
        added = connection.execute(
            "select count(*) from items join sections on sections.id = items.section_id "
            "where sections.title like 'Added by process %'"
        ).fetchone()[0]
    finally:
        connection.close()
    return integrity, int(duplicates), writers * ITEMS_PER_WRITER - int(added)


def run_rounds(
    template: Path, folder: Path, kinds: DocumentKinds, rounds: int, processes: int = PROCESSES
) -> list[RoundResult]:
    return [run_round(template, folder, kinds, processes) for _ in range(rounds)]


def summary(results: list[RoundResult]) -> str:
    good = sum(1 for r in results if r.ok)
    writers = [r.writers for r in results]
    return (
        f"{good}/{len(results)} rounds with exactly one writer at a time "
        f"(peak {max(r.peak for r in results)}), integrity ok in "
        f"{sum(r.integrity == 'ok' for r in results)}, duplicate positions "
        f"{sum(r.duplicate_positions for r in results)}, lost additions "
        f"{sum(r.missing_items for r in results)}; writers per round "
        f"{min(writers)}–{max(writers)}, read-only openers "
        f"{sum(r.readers for r in results)}, failures {sum(len(r.failures) for r in results)}"
    )
