"""The coverage grid updated in place (same recommendations, same sections) shows what a grid
built afresh shows, cell by cell; a change of sections rebuilds it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from desktop.panels.coverage_grid import PART_ROLE, STATUS_ROLE, CoverageGridModel
from reformkit.catalogue.store import Catalogue
from reformkit.document.coverage import coverage
from reformkit.document.interchange import loads
from reformkit.document.project import Project

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    PART_ROLE,
    STATUS_ROLE,
)


@pytest.fixture
def plan(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    kinds = document_kinds()
    document = loads((SAMPLES / "local-reform-plan.json").read_text(encoding="utf-8"), kinds)
    project = Project.create_from(tmp_path / "plan.reformkit", document, kinds.get("plan"))
    yield DocumentEditor(project)
    project.close()


def _fill(model: CoverageGridModel, editor: DocumentEditor, catalogue: Catalogue) -> None:
    project = editor.project
    rows = coverage(project.document, project.spec, catalogue.entries("recommendation"))
    model.set_coverage(rows, project.document, project.spec)


def _cells(model: CoverageGridModel) -> list[object]:
    cells: list[object] = []
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            cells.extend(model.data(model.index(r, c), role) for role in ROLES)
    for orientation, count in ((Qt.Orientation.Vertical, model.rowCount()),
                               (Qt.Orientation.Horizontal, model.columnCount())):  # fmt: skip
        cells.extend(model.headerData(n, orientation) for n in range(count))
    return cells


def test_an_edit_updates_the_grid_in_place(plan: DocumentEditor, catalogue: Catalogue) -> None:
    model = CoverageGridModel()
    _fill(model, plan, catalogue)
    resets: list[int] = []
    changed: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda *_: changed.append(1))
    before = _cells(model)
    item = next(i for s in plan.project.document.sections for i in s.items if i.tags)
    plan.set_item_tags(item.id, [])
    _fill(model, plan, catalogue)
    assert not resets and changed
    fresh = CoverageGridModel()
    _fill(fresh, plan, catalogue)
    assert _cells(model) == _cells(fresh) != before


def test_new_sections_rebuild_the_grid(plan: DocumentEditor, catalogue: Catalogue) -> None:
    model = CoverageGridModel()
    _fill(model, plan, catalogue)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    plan.add_section("custom", "A new part")
    _fill(model, plan, catalogue)
    fresh = CoverageGridModel()
    _fill(fresh, plan, catalogue)
    assert resets and _cells(model) == _cells(fresh)
