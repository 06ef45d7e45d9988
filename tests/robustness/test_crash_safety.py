"""Crash safety: SIGKILL a process editing a document, reopen, lose nothing committed;
SIGKILL ``import``, ``export``, ``package`` and ``merge`` mid-write, and find the target old or
whole, the sources untouched, and nothing left behind after the next run.

The suite runs a few rounds to stay fast; ``benchmarks/crash_rounds.py`` runs 200 of each.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

from reformkit import safe_files
from reformkit.document.project import Project
from tests.robustness import crash_child
from tests.robustness.crash_harness import (
    KINDS,
    CrashSafetyError,
    new_document,
    read_journal,
    replay,
    run_round,
    run_rounds,
    state_of,
    summary,
)
from tests.robustness.crash_writes import (
    OPERATIONS,
    Setup,
    check_target,
    finish,
    prepare,
    run_write_rounds,
    write_summary,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

ROUNDS = 15


def test_killed_at_random_moments_nothing_committed_is_lost(tmp_path: Path) -> None:
    results = run_rounds(ROUNDS, tmp_path, seed=7, max_delay=0.15, early_every=5)
    print(summary(results, ROUNDS))
    assert len(results) == ROUNDS
    assert sum(r.committed for r in results) > ROUNDS  # the kills did land mid-stream
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("crash")) == []


def test_the_harness_notices_a_lost_edit(tmp_path: Path) -> None:
    """The check is not vacuous: a journalled edit missing from the file fails the round."""
    document = tmp_path / "crash.reformkit"
    new_document(document)
    with Project.open(document, KINDS) as project:
        state = state_of(project)
    rng = random.Random(1)
    state, _ = run_round(document, tmp_path, state, 1, rng, max_delay=0.05)
    # Pretend an edit was committed that the file does not hold.
    pretend = dict(state, title="A title never written")
    with pytest.raises(CrashSafetyError, match="journalled edits"):
        run_round(document, tmp_path, pretend, 2, rng, max_delay=0.0)


def test_replay_follows_the_kernel(tmp_path: Path) -> None:
    """Replaying a journal gives what the kernel made, edit by edit, for every kind of edit."""
    journal = tmp_path / "journal.jsonl"
    document = tmp_path / "crash.reformkit"
    new_document(document)
    rng = random.Random(5)
    with Project.open(document, KINDS) as project:
        state = state_of(project)
        log = crash_child.Journal(str(journal))
        kinds_seen = set()
        for n in range(120):
            op = crash_child.choose(project, rng, n, f"t{n}")
            log.write({"begin": n, **op})
            log.write({"done": n, "id": crash_child.apply(project, op)})
            kinds_seen.add(op["op"])
        actual = state_of(project)
    done, pending = read_journal(journal)
    for op, new_id in done:
        state = replay(state, op, new_id)
    assert pending is None and state == actual
    assert kinds_seen == {
        "add",
        "update",
        "move",
        "remove",
        "title",
        "intro",
        "move_section",
        "snapshot",
    }


# Killed mid-write: import, export (Markdown, Word), package and merge.
WRITE_ROUNDS = 2


@pytest.fixture(scope="module")
def write_setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    return prepare(tmp_path_factory.mktemp("crash-writes"))


@pytest.mark.parametrize("op", OPERATIONS)
def test_killed_mid_write_the_target_is_old_or_whole_and_nothing_is_left(
    op: str, write_setup: Setup
) -> None:
    results = run_write_rounds(op, WRITE_ROUNDS, write_setup.work, seed=11, setup=write_setup)
    print(write_summary(op, results, WRITE_ROUNDS))
    assert len(results) == WRITE_ROUNDS
    assert all(r.outcome in ("old", "new", "merged") for r in results)


def test_the_write_harness_notices_a_half_written_target(write_setup: Setup) -> None:
    """The checks are not vacuous: a cut-short export, or a leftover temp, fails."""
    target = write_setup.work / "target.md"
    target.write_bytes(write_setup.md["a"][:100])
    with pytest.raises(CrashSafetyError, match="neither old nor a whole export"):
        check_target("export-md", target, b"something else", write_setup)
    target.unlink()
    left = write_setup.work / f"{safe_files.TEMP_PREFIX}{os.getpid()}-abc.md"
    left.write_bytes(b"half")
    try:
        with pytest.raises(CrashSafetyError, match="left behind"):
            finish("export-md", write_setup)
    finally:
        left.unlink()
        target.unlink(missing_ok=True)
