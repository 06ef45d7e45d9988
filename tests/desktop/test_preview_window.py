"""A long document's preview shows the parts near the one being edited, not all of them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QUrl
from pytestqt.qtbot import QtBot

from benchmarks.generated_plan import generated_plan
from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from desktop.panels.preview_panel import PreviewPanel
from desktop.panels.preview_window import RADIUS, WHOLE_LIMIT
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project


def _panel(qtbot: QtBot, tmp_path: Path, catalogue: Catalogue, sections: int) -> PreviewPanel:
    path = tmp_path / "plan.reformkit"
    Project.create_from(path, generated_plan(sections), PLAN).close()
    project = Project.open(path, document_kinds())
    panel = PreviewPanel(DocumentEditor(project), catalogue)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    return panel


def _on_page(panel: PreviewPanel, anchor: str) -> bool:
    return any(f'id="{anchor}"' in part.html for part in panel.page.parts)


def test_a_long_plan_shows_the_parts_near_the_one_edited(
    qtbot: QtBot, tmp_path: Path, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, tmp_path, catalogue, 300)
    assert len(panel.all_parts) == 303  # front matter, 300 sections, 2 appendices
    assert len(panel.page.parts) <= 2 * RADIUS + 3
    assert _on_page(panel, "section-1") and not _on_page(panel, "section-150")
    text = panel.toPlainText()
    assert "are not shown here" in text and "Exports always hold everything" in text
    assert "150 " in text  # the contents still list every section

    section = panel.editor.project.document.sections[149]
    panel.show_part("section", section.id)
    assert _on_page(panel, "section-150") and not _on_page(panel, "section-1")
    top = panel.cursorForPosition(QPoint(20, 1)).block().text()
    assert section.title in top  # its heading at the top of the view, below the contents

    panel.anchorClicked.emit(QUrl("#appendix-a"))
    assert _on_page(panel, "appendix-a")
    panel.editor.project.close()


def test_a_short_document_is_shown_whole(
    qtbot: QtBot, tmp_path: Path, catalogue: Catalogue
) -> None:
    panel = _panel(qtbot, tmp_path, catalogue, WHOLE_LIMIT - 3)
    assert panel.page.parts == panel.all_parts
    assert "are not shown here" not in panel.toPlainText()
    panel.editor.project.close()
