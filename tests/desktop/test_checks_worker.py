"""A big document's checks come from a worker with the headings that changed, worked out
there against the headings shown: the list then equals one built afresh, and changes worked
out against headings no longer shown are worked out again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from benchmarks.generated_plan import generated_plan
from desktop.editing.editor import DocumentEditor
from desktop.panels import checks_panel
from desktop.panels.checks_panel import ChecksPanel
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project
from tests.desktop.test_big_plan_speed_paths import _lines


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = Project.create_from(tmp_path / "p.reformkit", generated_plan(12), PLAN)
    yield DocumentEditor(project)
    project.close()


@pytest.fixture
def panel(
    qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> ChecksPanel:
    monkeypatch.setattr(checks_panel, "CHECK_AT_ONCE_PARTS", 0)  # as a big plan: on a worker
    made = ChecksPanel(editor, catalogue)
    qtbot.addWidget(made)
    qtbot.waitUntil(lambda: not made.is_checking() and made.problem_count() > 0, timeout=10_000)
    return made


def _afresh(qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue) -> ChecksPanel:
    fresh = ChecksPanel(editor, catalogue)
    qtbot.addWidget(fresh)
    fresh.refresh()
    return fresh


def _edit(editor: DocumentEditor) -> None:
    """An empty part (a new heading in the middle) and a renamed one (a changed heading)."""
    sections = editor.project.document.sections
    for item in list(sections[3].items):
        editor.remove_item(item.id)
    editor.update_section(sections[5].id, title="Renamed part")


def test_the_list_after_the_workers_update_equals_one_built_afresh(
    qtbot: QtBot, panel: ChecksPanel, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    before = _lines(panel.list_view)
    assert before == _lines(_afresh(qtbot, editor, catalogue).list_view)
    _edit(editor)
    qtbot.waitUntil(lambda: _lines(panel.list_view) != before, timeout=10_000)
    qtbot.waitUntil(lambda: not panel.is_checking(), timeout=10_000)
    assert _lines(panel.list_view) == _lines(_afresh(qtbot, editor, catalogue).list_view)


def test_changes_worked_out_against_other_headings_are_worked_out_again(
    qtbot: QtBot, panel: ChecksPanel, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    shown = panel.groups
    _edit(editor)
    project = editor.project
    problems, groups = checks_panel._checked(
        project.document, project.spec, catalogue.entries("recommendation")
    )
    panel._worked_out((problems, groups, list(shown), []))  # "no change", against a copy
    assert _lines(panel.list_view) == _lines(_afresh(qtbot, editor, catalogue).list_view)
