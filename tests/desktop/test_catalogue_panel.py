"""The catalogue side panel: search, browse by what suits a part, add, drag, and new entries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from charter import CHARTER
from desktop.editing.editor import DocumentEditor
from desktop.panels.catalogue_list import ENTRY_MIME_TYPE, origin_label
from desktop.panels.catalogue_panel import CataloguePanel
from desktop.panels.library_entry_dialog import LibraryEntryDialog
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = Project.create(tmp_path / "c.reformkit", CHARTER, "Charter", "Eastmoor")
    editor = DocumentEditor(project)
    yield editor
    project.close()


@pytest.fixture
def panel(qtbot: QtBot, catalogue: Catalogue, editor: DocumentEditor) -> CataloguePanel:
    widget = CataloguePanel(catalogue, editor)
    qtbot.addWidget(widget)
    return widget


def _section(editor: DocumentEditor, key: str) -> str:
    return next(s.id for s in editor.project.document.sections if s.key == key)


def test_search_as_you_type_finds_r18_for_candour(qtbot: QtBot, panel: CataloguePanel) -> None:
    qtbot.keyClicks(panel.search_box, "candour")
    qtbot.waitUntil(lambda: "candour" in panel.status.text())
    assert panel.model.entry_ids()[0] == "R18"
    panel.search_box.clear()  # back to browsing at once
    assert len(panel.model.entry_ids()) == panel.catalogue.count()


def test_browse_shows_suitable_entries_first(panel: CataloguePanel, editor: DocumentEditor) -> None:
    assert panel.model.headings()[0] == "Recommendations (22)"
    assert not panel.add_button.isEnabled()
    panel.set_target_section(_section(editor, "duties"))
    headings = panel.model.headings()
    assert headings[0] == "Suits “Duties of staff” (3)"
    first = panel.model.entry_ids()[:3]
    assert set(first) == {"D1", "L1", "L2"}  # the one duty, and the Liberated Method's rules
    assert headings[1] == "Recommendations (22)"
    assert "suits" in panel.model.item(1).data(Qt.ItemDataRole.AccessibleTextRole).lower()
    # the no-target list again when the selection leaves every section
    panel.set_target_section(None)
    assert panel.model.headings()[0] == "Recommendations (22)"


def test_rows_say_where_entries_come_from(panel: CataloguePanel, catalogue: Catalogue) -> None:
    assert origin_label(catalogue.get("R18")) == "The Reform Dividend, page 20"
    mine = catalogue.add("right", "Protected time", "An hour a week to reflect.", ["R18"])
    assert origin_label(mine) == "Your library"
    row = panel.model.first_row_of(mine.id)
    assert row is not None
    assert "Your library" in panel.model.item(row).data(Qt.ItemDataRole.AccessibleTextRole)


def test_add_to_section_is_undoable(
    qtbot: QtBot, panel: CataloguePanel, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    duties = _section(editor, "duties")
    panel.set_target_section(duties)
    assert panel.select_entry("D1")
    assert panel.add_button.isEnabled() and panel.add_button.text() == "Add to Duties of staff"
    assert "candour" in panel.detail.toPlainText().lower()
    assert "page 20" in panel.detail.toPlainText()
    with qtbot.waitSignal(panel.item_added) as added:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    section = editor.project.document.section(duties)
    [item] = section.items
    assert added.args == [item.id]
    entry = catalogue.get("D1")
    assert item.type == "duty" and item.fields["title"] == "Duty of candour"
    assert item.source is not None
    assert (item.source.entry_id, item.source.revision) == ("D1", entry.revision)
    assert item.tags == []  # the part's R18 is a suggestion, not an answer
    editor.undo_stack.undo()
    assert editor.project.document.section(duties).items == []
    editor.undo_stack.redo()
    assert [i.id for i in editor.project.document.section(duties).items] == [item.id]


def test_enter_adds_the_chosen_entry(
    qtbot: QtBot, panel: CataloguePanel, editor: DocumentEditor
) -> None:
    rights = _section(editor, "rights")
    panel.set_target_section(rights)
    panel.select_entry("W3")
    panel.view.setFocus()
    with qtbot.waitSignal(panel.item_added):
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    [item] = editor.project.document.section(rights).items
    assert item.type == "right" and item.tags == []


def test_nothing_is_added_without_a_section(panel: CataloguePanel, editor: DocumentEditor) -> None:
    panel.select_entry("D1")
    assert not panel.add_button.isEnabled()
    assert panel.add_current() is None
    assert editor.undo_stack.count() == 0


def test_removing_the_target_section_disables_adding(
    panel: CataloguePanel, editor: DocumentEditor
) -> None:
    duties = _section(editor, "duties")
    panel.set_target_section(duties)
    panel.select_entry("D1")
    editor.remove_section(duties)
    assert panel.target_section() is None and not panel.add_button.isEnabled()


def test_dragged_entry_carries_its_id(panel: CataloguePanel) -> None:
    row = panel.model.first_row_of("R18")
    assert row is not None
    index = panel.model.index(row, 0)
    assert panel.model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    data = panel.model.mimeData([index])
    assert data.formats()[0] == ENTRY_MIME_TYPE
    assert bytes(data.data(ENTRY_MIME_TYPE).data()).decode("utf-8") == "R18"
    assert ENTRY_MIME_TYPE in panel.model.mimeTypes()
    heading = panel.model.index(0, 0)
    assert not panel.model.flags(heading) & Qt.ItemFlag.ItemIsDragEnabled


def test_new_library_entry_appears(
    panel: CataloguePanel,
    editor: DocumentEditor,
    catalogue: Catalogue,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel.set_target_section(_section(editor, "rights"))
    seen: list[LibraryEntryDialog] = []

    def accept(dialog: LibraryEntryDialog) -> int:
        seen.append(dialog)
        assert dialog.kind.currentData() == "right"  # suggested by the chosen part
        dialog.fill("right", "Protected time to reflect", "An hour a week, every week.", ["R18"])
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(LibraryEntryDialog, "exec", accept)
    entry = panel.new_entry()
    assert seen and entry is not None
    assert catalogue.get(entry.id).related == ("R18",)
    assert entry.id in panel.model.entry_ids()
    assert panel.current_entry_id == entry.id
    assert "Your library" in panel.detail.toPlainText() or "your own" in panel.detail.toPlainText()


def test_new_entry_dialog_keeps_a_problem_in_view(qtbot: QtBot, catalogue: Catalogue) -> None:
    dialog = LibraryEntryDialog(catalogue)
    qtbot.addWidget(dialog)
    before = catalogue.count()
    dialog.fill("duty", "", "Some words.")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "title" in dialog.problem.text() and dialog.problem.isVisibleTo(dialog)
    assert catalogue.count() == before


def test_cancelled_new_entry_adds_nothing(
    panel: CataloguePanel, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(LibraryEntryDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    before = catalogue.count()
    assert panel.new_entry() is None
    assert catalogue.count() == before
