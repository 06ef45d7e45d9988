"""Kill ``reformkit import``, ``export`` (Markdown, Word), ``package`` and ``merge`` mid-write.

Each round starts ``crash_write_child.py``, which runs one command line again and again from
two sources (``a`` and ``b``), and SIGKILLs it at a random moment. Then:

- the target is either the bytes it had before the round, or a complete file made from
  ``a`` or ``b`` (an export byte for byte as expected, a Word file that opens with its title,
  a document or package with exactly the content of ``a`` or ``b``; a merged document
  either as before or fully merged, and then marked as merged);
- every source file is byte for byte as it was;
- what the kill left behind (a temporary file, a lock file, a ``-wal``) is removed or taken
  over by the next run: the harness makes the leftovers look a few minutes old, as they
  would be when someone next runs the command, and after the last round one more run must
  leave only the expected files.

Used by ``tests/robustness/test_crash_safety.py`` (a few rounds each) and
``benchmarks/crash_rounds.py`` (200 each).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.launcher import document_kinds
from reformkit import safe_files
from reformkit.cli.main import main as reformkit
from reformkit.document.interchange import dumps
from reformkit.document.packages import package_info
from reformkit.document.project import Project
from tests.robustness.conftest import KINDS, make_sample
from tests.robustness.crash_harness import CrashSafetyError
from tests.robustness.crash_write_child import TARGETS, command

CHILD = Path(__file__).with_name("crash_write_child.py")
OPERATIONS = ("import", "export-md", "export-docx", "package", "merge")
#: How long after the child is ready it may be killed (s): a few runs' worth, so kills land
#: before, during and between runs; a merge runs once, in about a fifth of a second.
KILL_WITHIN = {"import": 0.5, "export-md": 0.35, "export-docx": 0.5, "package": 0.4, "merge": 0.3}
SOURCES = ("a.reformkit", "b.reformkit", "a.json", "b.json", "returned.reformkit", "part.txt")
Content = Any


@dataclass(frozen=True)
class WriteRound:
    op: str
    seed: int
    outcome: str  # "old" (the target as before), "new" (a complete new file) or "merged"
    runs_done: int  # runs the child finished before the kill
    seconds: float


@dataclass
class Setup:
    work: Path
    md: dict[str, bytes]  # the Markdown export of a and of b
    content: dict[str, Content]  # the content of a and of b
    package: dict[str, Content]  # the part sent, from a and from b
    merge_before: Content
    merge_after: Content
    main_bytes: bytes  # main.reformkit before any merge


def content_of(path: Path) -> Content:
    """A document's content: its title and every part with its items (no times, no ids of
    snapshots), read through the kernel."""
    with Project.open(path, KINDS, read_only=True) as project:
        document = project.document
        return [
            document.meta.title,
            [
                [s.id, s.key, s.title, s.intro, [[i.id, i.type, i.fields] for i in s.items]]
                for s in document.sections
            ],
        ]


def integrity(path: Path) -> None:
    """``PRAGMA integrity_check`` as the next opener sees the file: a read-write connection,
    which first folds in the log a killed writer left (read-only, SQLite refuses to)."""
    connection = sqlite3.connect(path)
    try:
        result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()
    if result != ["ok"]:
        raise CrashSafetyError(f"{path.name}: integrity_check says {result[:3]}")


def run_cli(work: Path, *args: str) -> None:
    code = reformkit(["--library", str(work / "library.sqlite"), *args], load_kinds=document_kinds)
    if code not in (0, 1):
        raise CrashSafetyError(f"setting up: reformkit {' '.join(args)} exited {code}")


def prepare(work: Path) -> Setup:
    """Sources a and b, a package returned with an edit, and what each command should make."""
    work.mkdir(parents=True, exist_ok=True)
    a = make_sample(work / "a.reformkit")
    b = work / "b.reformkit"
    shutil.copy(a, b)
    with Project.open(b, KINDS) as project:
        project.set_meta(title="The second source")
        first = project.document.sections[0]
        project.add_item(first.id, "paragraph", {"text": "Only in b."})
        part = first.key
    (work / "part.txt").write_text(part, "utf-8")
    for name in ("a", "b"):
        with Project.open(work / f"{name}.reformkit", KINDS, read_only=True) as project:
            (work / f"{name}.json").write_text(dumps(project.document), "utf-8")
    md = {}
    for name in ("a", "b"):
        run_cli(work, "export", f"{work}/{name}.reformkit", "-o", f"{work}/{name}.md")
        md[name] = (work / f"{name}.md").read_bytes()
        (work / f"{name}.md").unlink()
    content = {name: content_of(work / f"{name}.reformkit") for name in ("a", "b")}
    package = {}
    for name in ("a", "b"):
        made = work / f"package-{name}.reformkit"
        run_cli(work, "package", f"{work}/{name}.reformkit", "--part", part, "-o", str(made))
        package[name] = content_of(made)[1]
        if name == "a":
            made.rename(work / "returned.reformkit")
        else:
            made.unlink()
    with Project.open(work / "returned.reformkit", KINDS) as returned:
        section = returned.document.sections[0]
        returned.add_item(section.id, "paragraph", {"text": "Written by the partner."})
    main = work / "main-template.reformkit"
    shutil.copy(a, main)
    merged = work / "merged-check.reformkit"
    shutil.copy(a, merged)
    run_cli(work, "merge", str(merged), str(work / "returned.reformkit"))
    after = content_of(merged)
    merged.unlink()
    return Setup(work, md, content, package, content_of(main), after, main.read_bytes())


def fingerprint(paths: list[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.exists()}


def check_target(op: str, target: Path, old: bytes | None, setup: Setup) -> str:
    """``old`` if the target is as before the round, else ``new``/``merged``; or raise."""
    if op == "merge":
        integrity(target)
        found = content_of(target)
        if found == setup.merge_before:
            return "old"
        if found != setup.merge_after:
            raise CrashSafetyError("merge: the document is neither as before nor fully merged")
        with Project.open(target, KINDS, read_only=True) as project:
            from reformkit.document.merge import plan_merge

            plan = plan_merge(project, setup.work / "returned.reformkit", KINDS)
        if not plan.already_merged:
            raise CrashSafetyError("merge: merged, but the merge was not recorded")
        return "merged"
    data = target.read_bytes() if target.exists() else None
    if data == old:
        return "old"
    if data is None:
        raise CrashSafetyError(f"{op}: the target {target.name} is gone")
    if op == "export-md":
        if data not in setup.md.values():
            raise CrashSafetyError(f"export-md: {target.name} is neither old nor a whole export")
    elif op == "export-docx":
        _check_docx(target, setup)
    else:
        integrity(target)
        found = content_of(target)
        expected = setup.content.values() if op == "import" else setup.package.values()
        if (found if op == "import" else found[1]) not in expected:
            raise CrashSafetyError(f"{op}: {target.name} holds neither a's nor b's content")
        if op == "package" and package_info(target) is None:
            raise CrashSafetyError("package: the package lost its description")
    return "new"


def _check_docx(target: Path, setup: Setup) -> None:
    try:
        with zipfile.ZipFile(target) as archive:
            if archive.testzip() is not None:
                raise CrashSafetyError("export-docx: a damaged member in the Word file")
            body = archive.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError) as error:
        raise CrashSafetyError(f"export-docx: not a whole Word file ({error})") from None
    titles = [content[0] for content in setup.content.values()]
    if not any(title.replace("&", "&amp;") in body for title in titles):
        raise CrashSafetyError("export-docx: the Word file lacks both documents' titles")


def age_leftovers(work: Path) -> list[str]:
    """Make what a kill left look a few minutes old, as when the command is next run."""
    old = time.time() - safe_files.STALE_AFTER - 60
    left = []
    for path in work.iterdir():
        if path.name.startswith(safe_files.TEMP_PREFIX):
            os.utime(path, (old, old), follow_symlinks=False)
            left.append(path.name)
    return left


def run_write_round(op: str, setup: Setup, seed: int, rng: random.Random) -> WriteRound:
    """One round: start the child, kill it at a random moment, check every file."""
    started = time.perf_counter()
    work = setup.work
    target = work / TARGETS[op]
    if op == "merge":
        target.write_bytes(setup.main_bytes)  # each merge round starts from the unmerged file
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    old = target.read_bytes() if target.exists() else None
    sources = fingerprint([work / name for name in SOURCES])
    journal = work / f"journal-{seed}.jsonl"
    errors = work / f"stderr-{seed}.txt"
    with errors.open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), op, str(work), str(journal), str(seed)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            _wait_until_ready(journal, child)
            time.sleep(rng.uniform(0.0, KILL_WITHIN[op]))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
    if child.returncode not in (-signal.SIGKILL, 0):
        raise CrashSafetyError(
            f"{op} round {seed}: the child failed by itself (exit {child.returncode}):\n"
            + errors.read_text("utf-8", "replace")
        )
    outcome = check_target(op, target, old, setup)
    if fingerprint([work / name for name in SOURCES]) != sources:
        raise CrashSafetyError(f"{op} round {seed}: a source file was changed")
    text = journal.read_text("utf-8") if journal.exists() else ""
    runs = sum('"done"' in line for line in text.splitlines())
    journal.unlink(missing_ok=True)
    errors.unlink()
    age_leftovers(work)
    return WriteRound(op, seed, outcome, runs, time.perf_counter() - started)


def _wait_until_ready(journal: Path, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if journal.exists() and b'"ready"' in journal.read_bytes():
            return
        if child.poll() is not None:
            return
        time.sleep(0.002)
    raise CrashSafetyError("the child did not start within 30 s")


def expected_files(op: str) -> set[str]:
    return {*SOURCES, "main-template.reformkit", "library.sqlite", TARGETS[op]}


def finish(op: str, setup: Setup) -> None:
    """The next run after the last kill: it completes, and leaves only the expected files."""
    work = setup.work
    if op == "merge":
        with Project.open(work / TARGETS[op], KINDS):
            pass  # opening takes over the dead child's lock and folds in its log
    else:
        args = command(op, work, "a", (work / "part.txt").read_text("utf-8").strip())
        code = reformkit(args, load_kinds=document_kinds)
        if code != 0:
            raise CrashSafetyError(f"{op}: the run after the last kill exited {code}")
    left = {p.name for p in work.iterdir()} - expected_files(op)
    left = {name for name in left if not name.startswith("library.sqlite")}
    if left:
        raise CrashSafetyError(f"{op}: left behind after the next run: {sorted(left)}")


def run_write_rounds(
    op: str, rounds: int, work: Path, seed: int = 2024, setup: Setup | None = None
) -> list[WriteRound]:
    """``rounds`` kill rounds of ``op`` in ``work``; stops at the first failure (raises)."""
    setup = setup or prepare(work)
    for name in TARGETS.values():
        (work / name).unlink(missing_ok=True)
    if op == "merge":
        (work / TARGETS[op]).write_bytes(setup.main_bytes)
    rng = random.Random(seed)
    results = [run_write_round(op, setup, seed * 1000 + n, rng) for n in range(rounds)]
    finish(op, setup)
    for name in set(TARGETS.values()):
        (work / name).unlink(missing_ok=True)
    return results


def write_summary(op: str, results: list[WriteRound], rounds: int) -> str:
    outcomes = {name: sum(r.outcome == name for r in results) for name in ("old", "new", "merged")}
    runs = sum(r.runs_done for r in results)
    per_round = sum(r.seconds for r in results) / max(1, len(results))
    found = ", ".join(f"{count} {name}" for name, count in outcomes.items() if count)
    return (
        f"{op:<12} {len(results)}/{rounds} rounds survived: target found {found or 'nothing'}; "
        f"{runs} runs completed before the kills; nothing left behind "
        f"({per_round * 1000:.0f} ms per round)"
    )


def as_json(results: list[WriteRound]) -> str:
    return json.dumps([r.__dict__ for r in results])
