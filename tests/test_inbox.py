"""The inbox: submissions written from other threads (and processes) reach the document,
each exactly once, and nothing waiting is lost when the app dies before taking it in."""

from __future__ import annotations

import dataclasses
import logging
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from charter import CHARTER
from plans import PLAN
from reformkit.document import project as project_module
from reformkit.document import project_file as files
from reformkit.document.errors import ProjectError, ReadOnlyError
from reformkit.document.inbox import InboxError, InboxRow, InboxWriter
from reformkit.document.model import Document, Item
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds, DocumentSpec
from tests.test_attachable_kinds import KINDS, REMARKS_KIND

ROOT = Path(__file__).resolve().parents[1]
FROZEN_V3 = ROOT / "tests" / "fixtures" / "projects" / "v3-zone.reformkit"


def remarks(project: Project) -> list[str]:
    return [str(i.fields["text"]) for s, i in project.document.items() if s.key == "remarks"]


def waiting(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        count = int(connection.execute("select count(*) from inbox").fetchone()[0])
    connection.close()
    return count


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "charter.reformkit"
    Project.create(target, KINDS.get("charter"), "Team charter").close()
    return target


def test_a_writer_on_another_thread_while_the_project_is_open(path: Path) -> None:
    heard: list[tuple[str, str]] = []
    with Project.open(path, KINDS) as project:
        project.subscribe(lambda change, target: heard.append((change, target)))
        scope = next(s for s in project.document.sections if s.key == "scope")

        def phones() -> None:
            with InboxWriter(path) as writer:
                for n in range(60):
                    writer.put("remark", {"text": f"Idea {n}"})

        thread = threading.Thread(target=phones)
        thread.start()
        taken = 0
        edits = 0
        while thread.is_alive():  # the window keeps editing and draining meanwhile
            project.update_section(scope.id, intro=f"Edit {edits}")
            edits += 1
            taken += project.drain_inbox()
        thread.join()
        taken += project.drain_inbox()
        assert taken == 60
        assert remarks(project) == [f"Idea {n}" for n in range(60)]
        assert ("items-added", "") in heard
        count = len(heard)
        assert project.drain_inbox() == 0  # nothing waits: no transaction, no notice
        assert len(heard) == count
    assert waiting(path) == 0
    with Project.open(path, KINDS, read_only=True) as again:
        assert remarks(again) == [f"Idea {n}" for n in range(60)]
        [section] = [s for s in again.document.sections if s.key == "remarks"]
        assert section.title == "What people said"  # the missing part added, titled


def test_rows_left_by_a_crash_are_taken_in_on_opening(path: Path) -> None:
    child = f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from charter import CHARTER
from plans import PLAN
from reformkit.document.inbox import InboxWriter
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds
path = Path({str(path)!r})
project = Project.open(path, DocumentKinds([CHARTER, PLAN]))
writer = InboxWriter(path)
for n in range(5):
    writer.put("remark", {{"text": f"Said {{n}}"}})
os._exit(0)  # the app dies: no drain, no close
"""
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert waiting(path) == 5
    with Project.open(path, KINDS) as project:
        assert remarks(project) == [f"Said {n}" for n in range(5)]
    assert waiting(path) == 0


def test_rows_written_and_closed_without_draining_are_there_next_time(path: Path) -> None:
    with Project.open(path, KINDS) as project, InboxWriter(path) as writer:
        writer.put("remark", {"text": "First"})
        writer.put("remark", {"text": "Second"})
        assert remarks(project) == []
    with Project.open(path, KINDS, read_only=True) as reader:  # read-only: nothing taken in
        assert remarks(reader) == []
        with pytest.raises(ReadOnlyError):
            reader.drain_inbox()
    assert waiting(path) == 2
    with Project.open(path, KINDS) as project:
        assert remarks(project) == ["First", "Second"]
    assert waiting(path) == 0


def test_a_refused_row_is_kept_logged_once_and_blocks_nothing(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with Project.open(path, KINDS) as project, InboxWriter(path) as writer:
        writer.put("remark", {"text": "Good one"})
        bad = writer.put("remark", {"text": ""})  # the text is needed
        unknown = writer.put("weather", {"text": "Sunny"})  # no kind takes it
        writer.put("remark", {"text": "Good two"})
        with caplog.at_level(logging.WARNING):
            assert project.drain_inbox() == 2
        assert remarks(project) == ["Good one", "Good two"]
        logged = [r.getMessage() for r in caplog.records]
        assert any(bad in line and "needed" in line for line in logged)
        assert any(unknown in line and "weather" in line for line in logged)
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert project.drain_inbox() == 0
        assert not caplog.records  # each refused row is logged once
    assert waiting(path) == 2


def broken_receive(document: Document, rows: Sequence[InboxRow]) -> list[tuple[str, Item]]:
    if rows[0].payload.get("text") == "boom":
        raise RuntimeError("a bug in the kind")
    return [("remarks", Item("remark", {"text": rows[0].payload["text"]}))]


def test_a_hook_that_fails_keeps_its_row(path: Path, caplog: pytest.LogCaptureFixture) -> None:
    buggy = dataclasses.replace(REMARKS_KIND, receive=broken_receive)
    kinds = DocumentKinds([CHARTER, PLAN, buggy])
    with Project.open(path, kinds) as project, InboxWriter(path) as writer:
        writer.put("remark", {"text": "boom"})
        writer.put("remark", {"text": "fine"})
        with caplog.at_level(logging.WARNING):
            assert project.drain_inbox() == 1
        assert remarks(project) == ["fine"]
        assert any("a bug in the kind" in r.getMessage() for r in caplog.records)
    assert waiting(path) == 1


def test_a_damaged_row_is_kept(path: Path) -> None:
    with Project.open(path, KINDS) as project, InboxWriter(path) as writer:
        writer.put("remark", {"text": "fine"})
    with sqlite3.connect(path) as connection:
        connection.execute("insert into inbox values ('x', 'now', 'remark', 'not json')")
    connection.close()
    with Project.open(path, KINDS) as project:
        assert remarks(project) == ["fine"]
    assert waiting(path) == 1


def test_a_failed_write_takes_in_nothing(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = project_module.item_row
    calls = 0

    def failing(*args: Any) -> dict[str, Any]:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return real(*args)

    with Project.open(path, KINDS) as project, InboxWriter(path) as writer:
        writer.put("remark", {"text": "One"})
        writer.put("remark", {"text": "Two"})
        monkeypatch.setattr(project_module, "item_row", failing)
        with pytest.raises(ProjectError, match="answers that arrived were not saved"):
            project.drain_inbox()
        assert remarks(project) == []  # memory matches the file: neither is in
        assert not any(s.key == "remarks" for s in project.document.sections)
        monkeypatch.setattr(project_module, "item_row", real)
        assert project.drain_inbox() == 2
    assert waiting(path) == 0


def test_the_inbox_is_part_of_the_schema_and_old_files_gain_it(tmp_path: Path) -> None:
    old = tmp_path / "old.reformkit"
    shutil.copy(FROZEN_V3, old)
    with pytest.raises(InboxError, match="open it for editing"):
        InboxWriter(old)  # schema 3: no inbox until ReformKit upgrades it
    plain = DocumentKinds([CHARTER, PLAN])
    with Project.open(old, plain) as project, InboxWriter(old) as writer:
        writer.put("remark", {"text": "Kept for a kind that takes it"})
        assert project.drain_inbox() == 0  # no kind here takes remarks: it waits
    connection = files.read_only_connection(old)
    try:
        report = files.verify(connection, old)
    finally:
        connection.close()
    assert report.trusted  # the inbox table is ReformKit's own
    assert "inbox" in files.expected_schema(len(files.schema_names()))
    assert waiting(old) == 1


def test_a_writer_after_close_refuses(path: Path) -> None:
    writer = InboxWriter(path)
    writer.close()
    with pytest.raises(InboxError):
        writer.put("remark", {"text": "late"})


def test_specs_without_receive_take_nothing(path: Path) -> None:
    kinds = DocumentKinds([CHARTER, PLAN])
    assert isinstance(kinds.get("charter"), DocumentSpec)
    assert kinds.get("charter").receive is None
    with Project.open(path, kinds) as project, InboxWriter(path) as writer:
        writer.put("remark", {"text": "x"})
        assert project.drain_inbox() == 0
