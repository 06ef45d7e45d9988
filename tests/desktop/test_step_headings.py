"""Each block of a builder step says what it holds: two blocks on one page are never headed
alike (the principles, and what the team will try)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.session import AppSession
from desktop.wizard.blocks_clauses import ClauseWidget
from tests.desktop.windows_helpers import new_document, session

__all__ = ["session"]


def _headings(block: ClauseWidget) -> list[str]:
    return [
        label.text()
        for label in block.document_area.widget().findChildren(QLabel)
        if label.isVisibleTo(block) and label.font().bold()
    ]


def test_no_two_blocks_of_a_step_share_a_heading(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    for kind in [spec.kind for spec in session.kinds if spec.guide]:
        window = new_document(qtbot, session, kind, tmp_path / kind)
        guide = window.guide
        assert guide is not None
        for number in range(1, guide.step_count() + 1):
            guide.go_to_step(number)
            page = guide.current_page()
            blocks = [b for b in page.blocks if isinstance(b, ClauseWidget)]
            shown = [b.heading.text() for b in blocks]
            assert len(set(shown)) == len(shown), (kind, number, shown)
            for block in blocks:
                assert block.heading.text() in _headings(block)
        window.close()


def test_the_principles_step_heads_the_teams_experiments_as_its_own(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    window = new_document(qtbot, session, "charter", tmp_path)
    guide = window.guide
    assert guide is not None
    guide.go_to_step(2)
    principles, tries = [b for b in guide.current_page().blocks if isinstance(b, ClauseWidget)]
    assert principles.heading.text() == "What your charter says"
    assert tries.heading.text() == "What your team will try"
    assert tries.document_area.accessibleName() == "What your team will try"
