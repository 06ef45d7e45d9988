"""The coverage of a big document is worked out on a worker, which also compares it with the
coverage shown: a change reaches the views, no change leaves them as they are, and a
comparison with rows no longer shown is not trusted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from desktop.panels import coverage_panel
from desktop.panels.coverage_panel import CoveragePanel
from reformkit.catalogue.store import Catalogue
from reformkit.document.coverage import CoverageRow, coverage
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


@pytest.fixture
def panel(
    qtbot: QtBot, plan: DocumentEditor, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> CoveragePanel:
    monkeypatch.setattr(coverage_panel, "WORK_AT_ONCE_PARTS", 0)  # as a big plan: on a worker
    made = CoveragePanel(plan, catalogue)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitUntil(lambda: bool(made.rows) and not made.is_working(), timeout=10_000)
    return made


def _expected(editor: DocumentEditor, catalogue: Catalogue) -> list[CoverageRow]:
    project = editor.project
    return list(coverage(project.document, project.spec, catalogue.entries("recommendation")))


def test_a_change_of_coverage_reaches_the_views(
    qtbot: QtBot, panel: CoveragePanel, plan: DocumentEditor, catalogue: Catalogue
) -> None:
    before = list(panel.rows)
    assert before == _expected(plan, catalogue)
    item = next(i for s in plan.project.document.sections for i in s.items if i.tags)
    plan.set_item_tags(item.id, [])
    qtbot.waitUntil(lambda: panel.rows != before and not panel.is_working(), timeout=10_000)
    assert panel.rows == _expected(plan, catalogue)


def test_an_edit_that_changes_no_coverage_leaves_the_views(
    qtbot: QtBot, panel: CoveragePanel, plan: DocumentEditor
) -> None:
    shown, list_row = panel.rows, panel.list_view.topLevelItem(0)
    section = plan.project.document.sections[0]
    plan.update_section(section.id, intro="A few words more.")
    qtbot.waitUntil(lambda: not panel.is_working(), timeout=10_000)
    assert panel.rows is shown  # the views were not filled again
    assert panel.list_view.topLevelItem(0) is list_row


def test_a_comparison_with_rows_no_longer_shown_is_not_trusted(
    panel: CoveragePanel, plan: DocumentEditor, catalogue: Catalogue
) -> None:
    shown = panel.rows
    item = next(i for s in plan.project.document.sections for i in s.items if i.tags)
    plan.set_item_tags(item.id, [])
    changed = _expected(plan, catalogue)
    assert changed != shown
    panel._worked_out((changed, list(shown), True))  # compared with other rows than those shown
    assert panel.rows == changed
    again = panel.rows
    panel._worked_out((list(changed), again, True))  # compared with the rows shown: trusted
    assert panel.rows is again
