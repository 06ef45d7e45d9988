"""Twenty processes opening one document at once: exactly one writer at a time, every time.

The suite runs a few rounds; ``benchmarks/lock_race.py --rounds 50`` runs the full 50.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reformkit.document.document_lock import DocumentLock, holder_of, lock_path
from reformkit.document.errors import DocumentInUseError
from reformkit.document.project import Project
from tests.robustness.conftest import KINDS, make_sample
from tests.robustness.lock_race import run_rounds, summary

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="forks twenty processes")
ROUNDS = 5


def test_twenty_processes_opening_at_once_find_one_writer(tmp_path: Path) -> None:
    template = make_sample(tmp_path / "template.reformkit")
    folder = tmp_path / "race"
    folder.mkdir()
    results = run_rounds(template, folder, KINDS, ROUNDS)
    assert all(result.ok for result in results), (summary(results), results)
    assert sum(result.readers for result in results) > 0  # the race was real
    assert not list(folder.glob(".*.lock"))  # the last writer gave the role back


def test_holder_of_says_who_has_it_and_nobody_once_closed(sample_file: Path) -> None:
    assert holder_of(sample_file) is None
    with Project.open(sample_file, KINDS):
        holder = holder_of(sample_file)
        assert holder is not None and holder.pid > 0 and holder.host
        with pytest.raises(DocumentInUseError, match="already open"):
            DocumentLock.acquire(sample_file)
    assert holder_of(sample_file) is None


def test_a_lock_file_left_by_a_crash_is_taken_over(sample_file: Path) -> None:
    stale = {"host": "elsewhere", "pid": 999999999, "user": "x", "since": "then"}
    lock_path(sample_file).write_text(json.dumps(stale), "utf-8")
    assert holder_of(sample_file) is None  # nobody holds it: its process is gone
    with Project.open(sample_file, KINDS) as project:
        assert not project.read_only
        holder = holder_of(sample_file)
        assert holder is not None and holder.host != "elsewhere"
    assert not lock_path(sample_file).exists()


def test_the_lock_is_given_back_when_opening_fails_later(sample_file: Path) -> None:
    with sample_file.open("r+b") as handle:  # keep the header, damage what follows
        handle.seek(4096)
        handle.write(b"\xff" * 4096)
    with pytest.raises(Exception):  # noqa: B017 - which refusal is not the point here
        Project.open(sample_file, KINDS)
    assert holder_of(sample_file) is None
