"""The fast paths for big plans show the same as the slow ones: a snapshot equals its
document and is not changed by edits; the checks list updated in place equals one built
afresh; a big document's checks, worked out on a worker, arrive."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QTreeWidget

from desktop.document_snapshot import shared_snapshot, snapshot
from desktop.editing.editor import DocumentEditor
from desktop.panels import checks_panel
from desktop.panels.checks_panel import ChecksPanel
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from generated_plan import generated_plan


def _lines(view: QTreeWidget) -> list[tuple[str, ...]]:
    lines = []
    for n in range(view.topLevelItemCount()):
        top = view.topLevelItem(n)
        lines.append((top.text(0),))
        lines.extend((top.child(c).text(0), top.child(c).text(1)) for c in range(top.childCount()))
    return lines


def test_a_snapshot_equals_its_document_and_keeps_still_while_it_is_edited(
    tmp_path: Path, qapp: object
) -> None:
    project = Project.create_from(tmp_path / "p.reformkit", generated_plan(5), PLAN)
    editor = DocumentEditor(project)
    copy = shared_snapshot(editor)
    assert copy == project.document and copy is not project.document
    assert shared_snapshot(editor) is copy  # one copy until the next edit
    item = project.document.sections[0].items[0]
    editor.update_fields(item.id, {"text": "Changed after the snapshot"})
    assert copy.sections[0].items[0].fields["text"] != "Changed after the snapshot"
    fresh = shared_snapshot(editor)
    assert fresh is not copy and fresh == snapshot(project.document)
    project.close()


def test_the_checks_list_updated_in_place_equals_one_built_afresh(
    qtbot, tmp_path: Path, catalogue: Catalogue
) -> None:
    project = Project.create_from(tmp_path / "p.reformkit", generated_plan(12), PLAN)
    editor = DocumentEditor(project)
    panel = ChecksPanel(editor, catalogue)
    qtbot.addWidget(panel)
    before = _lines(panel.list_view)
    section = project.document.sections[3]
    for item in list(section.items):
        editor.remove_item(item.id)  # an empty part: a new heading in the middle
    editor.update_section(project.document.sections[5].id, title="Renamed part")
    panel.refresh()
    updated = _lines(panel.list_view)
    assert updated != before
    fresh = ChecksPanel(editor, catalogue)
    qtbot.addWidget(fresh)
    assert updated == _lines(fresh.list_view)
    project.close()


def test_a_big_documents_checks_arrive_from_the_worker(
    qtbot, tmp_path: Path, catalogue: Catalogue, monkeypatch
) -> None:
    monkeypatch.setattr(checks_panel, "CHECK_AT_ONCE_PARTS", 0)
    project = Project.create_from(tmp_path / "p.reformkit", generated_plan(3), PLAN)
    editor = DocumentEditor(project)
    panel = ChecksPanel(editor, catalogue)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not panel.is_checking() and panel.problem_count() > 0)
    shown = _lines(panel.list_view)
    panel.refresh()  # the same, worked out on this thread
    assert _lines(panel.list_view) == shown
    project.close()
