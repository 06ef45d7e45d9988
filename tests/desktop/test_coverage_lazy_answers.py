"""A recommendation answered by many parts gets its answers' rows when it is opened: the same
rows, in the same order, as a list that made them all at once; the answer the reader was on
stays current across a refresh."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from desktop.panels import coverage_panel
from desktop.panels.coverage_panel import ANSWER_ROLE, CoveragePanel
from reformkit.catalogue.store import Catalogue
from reformkit.document.interchange import loads
from reformkit.document.project import Project

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def plan(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    kinds = document_kinds()
    document = loads((SAMPLES / "local-reform-plan.json").read_text(encoding="utf-8"), kinds)
    project = Project.create_from(tmp_path / "plan.reformkit", document, kinds.get("plan"))
    yield DocumentEditor(project)
    project.close()


def _panel(qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue) -> CoveragePanel:
    panel = CoveragePanel(editor, catalogue)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    return panel


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [item.child(n) for n in range(item.childCount())]  # type: ignore[misc]


def _rows(item: QTreeWidgetItem) -> list[tuple[object, ...]]:
    return [(*(c.text(n) for n in range(4)), c.data(0, ANSWER_ROLE)) for c in _children(item)]


def _tops(view: QTreeWidget) -> list[QTreeWidgetItem]:
    return [view.topLevelItem(n) for n in range(view.topLevelItemCount())]  # type: ignore[misc]


def test_opened_rows_equal_those_made_at_once(
    qtbot: QtBot, plan: DocumentEditor, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_once = _panel(qtbot, plan, catalogue)
    monkeypatch.setattr(coverage_panel, "ANSWERS_AT_ONCE", 0)
    later = _panel(qtbot, plan, catalogue)
    answered = [t for t in _tops(at_once.list_view) if t.childCount()]
    assert answered
    for whole, top in zip(_tops(at_once.list_view), _tops(later.list_view), strict=True):
        assert [top.text(c) for c in range(4)] == [whole.text(c) for c in range(4)]
        assert top.childCount() == 0
        top.setExpanded(True)
        assert _rows(top) == _rows(whole)
        top.setExpanded(False)
        top.setExpanded(True)
        assert _rows(top) == _rows(whole)  # opened twice, made once


def test_the_current_answer_stays_current_across_a_refresh(
    qtbot: QtBot, plan: DocumentEditor, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(coverage_panel, "ANSWERS_AT_ONCE", 0)
    panel = _panel(qtbot, plan, catalogue)
    top = next(
        t
        for t in _tops(panel.list_view)
        if t.childIndicatorPolicy() == t.ChildIndicatorPolicy.ShowIndicator
    )
    top.setExpanded(True)
    answer = _children(top)[-1]
    panel.list_view.setCurrentItem(answer)
    key = answer.data(0, ANSWER_ROLE)
    section = plan.project.document.sections[0]
    plan.update_section(section.id, title=f"{section.title} renamed")
    panel.refresh()
    current = panel.list_view.currentItem()
    assert current is not None and current.data(0, ANSWER_ROLE) == key
