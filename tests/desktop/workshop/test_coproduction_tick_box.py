"""The Export dialog's tick box for the appendix on how people shaped the document: shown,
ticked and reachable by keyboard for a document holding a workshop record, hidden otherwise,
and passed on to the export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from charter.kind import CHARTER
from desktop.app import open_settings
from desktop.panels.export_dialog import ExportDialog
from desktop.panels.export_job import ExportRequest
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds
from tests.workshop.export_helpers import charter_with_record
from workshop.kind import WORKSHOP

KINDS = DocumentKinds([CHARTER, WORKSHOP])


@pytest.fixture
def holding(tmp_path: Path) -> Iterator[Project]:
    document = charter_with_record()
    project = Project.create_from(tmp_path / "c.reformkit", document, KINDS.get("charter"))
    yield project
    project.close()


def _dialog(qtbot: QtBot, project: Project, catalogue: Catalogue, tmp: Path) -> ExportDialog:
    dialog = ExportDialog(project, catalogue, open_settings(tmp / "config"))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_tick_box_for_a_document_with_a_record(
    qtbot: QtBot, holding: Project, catalogue: Catalogue, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, holding, catalogue, tmp_path)
    box = dialog.coproduction_box
    assert box.isVisible() and box.isChecked() and dialog.coproduction()
    assert box.accessibleName()
    assert box.focusPolicy() & Qt.FocusPolicy.TabFocus
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # untick from the keyboard
    assert not dialog.coproduction()
    request = ExportRequest.prepare(
        holding, catalogue, "md", tmp_path / "out.md", coproduction=dialog.coproduction()
    )
    assert request.coproduction is False


def test_no_tick_box_without_a_record(qtbot: QtBot, catalogue: Catalogue, tmp_path: Path) -> None:
    project = Project.create(tmp_path / "plain.reformkit", KINDS.get("charter"), "Plain", "Org")
    try:
        dialog = _dialog(qtbot, project, catalogue, tmp_path)
        assert not dialog.coproduction_box.isVisible()
    finally:
        project.close()
