"""Crash safety: SIGKILL a process editing a document, reopen, lose nothing committed.

The suite runs 25 rounds to stay fast; ``benchmarks/crash_rounds.py`` runs 200.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

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

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

ROUNDS = 25


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
