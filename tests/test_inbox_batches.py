"""A drain in one pass: a kind's hook that can take every waiting row at once is handed them
together, a bad row among them is still set aside alone, and a drain may stop after a number
of rows (the UI thread's share), leaving the rest for the next drain."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from pathlib import Path

import pytest

from charter import CHARTER
from plans import PLAN
from reformkit.document.inbox import InboxRow, InboxWriter, Received, ReceivesEach
from reformkit.document.model import Document, Item
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds
from tests.test_attachable_kinds import REMARKS_KIND
from tests.test_inbox import remarks, waiting


class RemarksAtOnce:
    """Takes a drain's remarks in one call; a remark with no words is refused, not raised."""

    def __init__(self, broken: bool = False) -> None:
        self.batches: list[list[str]] = []
        self.broken = broken

    def __call__(self, document: Document, rows: Sequence[InboxRow]) -> list[tuple[str, Item]]:
        made: list[tuple[str, Item]] = []
        for received in self.each(document, rows, plain=True):
            if received.refusal:
                raise ValueError(received.refusal)
            made += received.pairs
        return made

    def each(
        self, document: Document, rows: Sequence[InboxRow], plain: bool = False
    ) -> list[Received]:
        if not plain:
            self.batches.append([str(row.payload.get("text")) for row in rows])
            if self.broken:
                raise RuntimeError("a bug in the batch")
        return [self._one(row) for row in rows]

    @staticmethod
    def _one(row: InboxRow) -> Received:
        if row.channel != "remark":
            return Received(row)
        if not row.payload.get("text"):
            return Received(row, refusal="a remark needs its words")
        return Received(row, [("remarks", Item("remark", {"text": row.payload["text"]}))])


def kinds_with(hook: RemarksAtOnce) -> DocumentKinds:
    return DocumentKinds([CHARTER, PLAN, dataclasses.replace(REMARKS_KIND, receive=hook)])


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "charter.reformkit"
    Project.create(target, kinds_with(RemarksAtOnce()).get("charter"), "Team charter").close()
    return target


def test_the_hook_is_a_one_pass_hook_and_a_plain_function_is_not() -> None:
    assert isinstance(RemarksAtOnce(), ReceivesEach)
    assert not isinstance(REMARKS_KIND.receive, ReceivesEach)


def test_a_one_pass_hook_gets_the_whole_drain_and_a_bad_row_stays_alone(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    hook = RemarksAtOnce()
    with Project.open(path, kinds_with(hook)) as project, InboxWriter(path) as writer:
        writer.put("remark", {"text": "One"})
        bad = writer.put("remark", {"text": ""})
        writer.put("weather", {"text": "Sunny"})
        writer.put("remark", {"text": "Two"})
        with caplog.at_level(logging.WARNING):
            assert project.drain_inbox() == 2
        assert hook.batches == [["One", "", "Sunny", "Two"]]  # one call for the drain
        assert remarks(project) == ["One", "Two"]
        assert any(
            bad in r.getMessage() and "needs its words" in r.getMessage() for r in caplog.records
        )
        assert project.drain_inbox() == 0
        assert hook.batches == [["One", "", "Sunny", "Two"]]  # set-aside rows are not offered again
    assert waiting(path) == 2


def test_a_bug_in_the_one_pass_hook_falls_back_to_one_row_at_a_time(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    hook = RemarksAtOnce(broken=True)
    with Project.open(path, kinds_with(hook)) as project, InboxWriter(path) as writer:
        writer.put("remark", {"text": "One"})
        writer.put("remark", {"text": ""})
        writer.put("remark", {"text": "Two"})
        with caplog.at_level(logging.WARNING):
            assert project.drain_inbox() == 2
        assert remarks(project) == ["One", "Two"]
        assert any("a bug in the batch" in r.getMessage() or r.exc_info for r in caplog.records)
    assert waiting(path) == 1


def test_a_limit_takes_the_first_rows_and_leaves_the_rest_for_the_next_drain(path: Path) -> None:
    hook = RemarksAtOnce()
    with Project.open(path, kinds_with(hook)) as project, InboxWriter(path) as writer:
        for n in range(5):
            writer.put("remark", {"text": f"Said {n}"})
        assert project.drain_inbox(limit=2) == 2
        assert remarks(project) == ["Said 0", "Said 1"]
        assert waiting(path) == 3
        assert project.drain_inbox(limit=2) == 2
        assert project.drain_inbox(limit=2) == 1
        assert remarks(project) == [f"Said {n}" for n in range(5)]
        assert [len(batch) for batch in hook.batches] == [2, 2, 1]
    assert waiting(path) == 0


def test_rows_set_aside_never_use_up_a_limit(path: Path) -> None:
    hook = RemarksAtOnce()
    with Project.open(path, kinds_with(hook)) as project, InboxWriter(path) as writer:
        for text in ("", "", "", "Good one", "Good two"):
            writer.put("remark", {"text": text})
        taken = [project.drain_inbox(limit=2) for _ in range(4)]
        assert taken == [0, 1, 1, 0]
        assert remarks(project) == ["Good one", "Good two"]
        assert all(len(batch) <= 2 for batch in hook.batches)
    assert waiting(path) == 3
