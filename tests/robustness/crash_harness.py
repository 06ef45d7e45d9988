"""Kill a process editing a document at a random moment, then prove nothing committed was lost.

Each round starts ``crash_child.py`` on the same document, lets it edit for a random time and
SIGKILLs it. Then the document is reopened: ``PRAGMA integrity_check`` says ok,
``Project.open`` succeeds (taking over the lock the dead child left behind), and the document
equals the previous round's state with every edit the child's journal says committed replayed
on it. The one edit that had begun but not been journalled as done may or may not be there
(the kill can land between SQLite's commit and the journal line), but nothing else.

Used by ``tests/robustness/test_crash_safety.py`` (a few rounds) and
``benchmarks/crash_rounds.py`` (200 rounds).
"""

from __future__ import annotations

import copy
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from charter import CHARTER
from plans import PLAN
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds
from reformkit.document.versions import list_snapshots

CHILD = Path(__file__).with_name("crash_child.py")
KINDS = DocumentKinds([CHARTER, PLAN])
State = dict[str, Any]


class CrashSafetyError(AssertionError):
    """A round found the document damaged, unopenable, or missing a committed edit."""


@dataclass(frozen=True)
class RoundResult:
    seed: int
    committed: int  # edits the journal says were committed
    late_commit: bool  # the kill fell between a commit and its journal line
    before_ready: bool  # the kill fell while the child was starting or opening the file
    seconds: float


def new_document(path: Path) -> None:
    """A charter with a few paragraphs to edit."""
    with Project.create(path, CHARTER, "Crash test charter") as project:
        for section in project.document.sections[:3]:
            project.add_item(section.id, "paragraph", {"text": f"Start of {section.title}"})


def state_of(project: Project) -> State:
    return {
        "title": project.document.meta.title,
        "sections": [
            [section.id, section.intro, [[i.id, i.type, dict(i.fields)] for i in section.items]]
            for section in project.document.sections
        ],
        "snapshots": [snapshot.name for snapshot in list_snapshots(project)],
    }


def replay(state: State, op: dict[str, Any], new_id: str) -> State:
    """``state`` after the edit ``op``, made the way the kernel makes it."""
    state = copy.deepcopy(state)
    sections = state["sections"]
    by_id = {section[0]: section for section in sections}

    def find(item_id: str) -> tuple[list[Any], list[Any]]:
        for section in sections:
            for item in section[2]:
                if item[0] == item_id:
                    return section, item
        raise CrashSafetyError(f"the journal names an item {item_id} the model lacks")

    kind = op["op"]
    if kind == "add":
        items = by_id[op["section"]][2]
        items.insert(
            max(0, min(op["index"], len(items))), [new_id, "paragraph", {"text": op["text"]}]
        )
    elif kind == "update":
        find(op["item"])[1][2]["text"] = op["text"]
    elif kind == "move":
        section, item = find(op["item"])
        section[2].remove(item)
        target = by_id[op["section"]][2]
        target.insert(max(0, min(op["index"], len(target))), item)
    elif kind == "remove":
        section, item = find(op["item"])
        section[2].remove(item)
    elif kind == "title":
        state["title"] = op["text"]
    elif kind == "intro":
        by_id[op["section"]][1] = op["text"]
    elif kind == "move_section":
        section = by_id[op["section"]]
        sections.remove(section)
        sections.insert(max(0, min(op["index"], len(sections))), section)
    elif kind == "snapshot":
        state["snapshots"].append(op["text"])
    else:
        raise CrashSafetyError(f"unknown edit {kind!r} in the journal")
    return state


def read_journal(path: Path) -> tuple[list[tuple[dict[str, Any], str]], dict[str, Any] | None]:
    """The edits journalled as done (each with a new item's id) and the one begun after them."""
    done: list[tuple[dict[str, Any], str]] = []
    pending: dict[str, Any] | None = None
    lines = path.read_text("utf-8").splitlines() if path.exists() else []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue  # a kill can only cut the last line short; it is then as if unwritten
        if "begin" in record:
            pending = record
        elif "done" in record:
            if pending is None or pending["begin"] != record["done"]:
                raise CrashSafetyError(f"journal out of order at {line!r}")
            done.append((pending, record["id"]))
            pending = None
    return done, pending


def _pending_id(pending: dict[str, Any], actual: State) -> str:
    """The id a begun-but-unjournalled add got, found by its unique text."""
    for section in actual["sections"]:
        for item in section[2]:
            if item[2].get("text") == pending.get("text"):
                return str(item[0])
    return ""


def _wait_until_ready(journal: Path, child: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if journal.exists() and b'"ready"' in journal.read_bytes():
            return
        if child.poll() is not None:
            return  # it died by itself; the caller reports it
        time.sleep(0.002)
    raise CrashSafetyError(f"the child did not open the document within {timeout} s")


def check_file(document: Path) -> None:
    connection = sqlite3.connect(document)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        dangling = list(connection.execute("PRAGMA foreign_key_check"))
    finally:
        connection.close()
    if integrity != ["ok"]:
        raise CrashSafetyError(f"integrity_check: {integrity[:5]}")
    if dangling:
        raise CrashSafetyError(f"foreign_key_check: {dangling[:5]}")


def run_round(
    document: Path,
    work: Path,
    before: State,
    seed: int,
    rng: random.Random,
    max_delay: float = 0.25,
    before_ready: bool = False,
) -> tuple[State, RoundResult]:
    """One round: start the child, kill it at a random moment, check the document."""
    started = time.perf_counter()
    journal = work / f"journal-{seed}.jsonl"
    errors = work / f"stderr-{seed}.txt"
    with errors.open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(document), str(journal), str(seed)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            if before_ready:
                time.sleep(rng.uniform(0.0, 0.15))  # while importing, or opening the file
            else:
                _wait_until_ready(journal, child, timeout=30)
                time.sleep(rng.uniform(0.0, max_delay))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
    if child.returncode != -signal.SIGKILL:
        raise CrashSafetyError(
            f"round {seed}: the child stopped by itself (exit {child.returncode}):\n"
            + errors.read_text("utf-8", "replace")
        )

    check_file(document)
    try:
        project = Project.open(document, KINDS)  # must take over the dead child's lock
    except Exception as error:
        raise CrashSafetyError(f"round {seed}: Project.open failed: {error!r}") from error
    try:
        actual = state_of(project)
    finally:
        project.close()

    done, pending = read_journal(journal)
    expected = before
    for op, new_id in done:
        expected = replay(expected, op, new_id)
    late_commit = False
    if actual != expected:
        if pending is not None and actual == replay(
            expected, pending, _pending_id(pending, actual)
        ):
            late_commit = True  # killed after SQLite committed, before the journal line
        else:
            raise CrashSafetyError(
                f"round {seed}: the document does not hold exactly the journalled edits "
                f"({len(done)} done, pending {pending}).\nexpected {expected}\nactual   {actual}"
            )
    journal.unlink(missing_ok=True)
    errors.unlink()
    result = RoundResult(seed, len(done), late_commit, before_ready, time.perf_counter() - started)
    return actual, result


def run_rounds(
    rounds: int, work: Path, seed: int = 2024, max_delay: float = 0.25, early_every: int = 8
) -> list[RoundResult]:
    """``rounds`` kill rounds on one document; stops at the first failure (raises)."""
    rng = random.Random(seed)
    document = work / "crash.reformkit"
    new_document(document)
    with Project.open(document, KINDS) as project:
        state = state_of(project)
    results = []
    for number in range(rounds):
        state, result = run_round(
            document,
            work,
            state,
            seed * 1000 + number,
            rng,
            max_delay=max_delay,
            before_ready=early_every > 0 and number % early_every == early_every - 1,
        )
        results.append(result)
    return results


def summary(results: list[RoundResult], rounds: int) -> str:
    committed = sum(r.committed for r in results)
    late = sum(r.late_commit for r in results)
    early = sum(r.before_ready for r in results)
    per_round = sum(r.seconds for r in results) / max(1, len(results))
    return (
        f"{len(results)}/{rounds} rounds survived ({committed} journalled edits all present; "
        f"{late} kills between a commit and its journal line, {early} kills while opening; "
        f"{per_round * 1000:.0f} ms per round)"
    )
