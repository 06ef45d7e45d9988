"""ItemTableEditor: a section's items as a table, edited through the undoable editor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.editing.editor import DocumentEditor
from desktop.wizard.table_editor import ItemTableEditor
from desktop.wizard.table_model import PROBLEM_MARK
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Item
from reformkit.document.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    opened = Project.create(tmp_path / "plan.reformkit", PLAN, "Our plan", "Severn Vale")
    yield opened
    opened.close()


@pytest.fixture
def editor(project: Project, qapp: object) -> DocumentEditor:
    return DocumentEditor(project)


def _section_id(editor: DocumentEditor, key: str) -> str:
    return next(s.id for s in editor.project.document.sections if s.key == key)


def _items(editor: DocumentEditor, key: str) -> list[Item]:
    return editor.project.document.section(_section_id(editor, key)).items


def _enter(qtbot: QtBot, table: ItemTableEditor, cell: QWidget) -> None:
    """Press Enter in a cell editor: Qt saves it a moment later and closes the editor."""
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _editor_widget(table) is None)


def _table(
    qtbot: QtBot, editor: DocumentEditor, key: str, item_type: str, **options: object
) -> ItemTableEditor:
    table = ItemTableEditor(editor, _section_id(editor, key), item_type, **options)  # type: ignore[arg-type]
    qtbot.addWidget(table)
    table.resize(1000, 500)
    table.show()
    qtbot.waitExposed(table)
    return table


def _editor_widget(table: ItemTableEditor) -> QWidget | None:
    """The cell editor open in the table, if any."""
    open_now = [
        w
        for w in table.view.viewport().findChildren(QWidget)
        if w.isVisible() and isinstance(w, QLineEdit | QComboBox | QPlainTextEdit)
    ]
    open_now = [w for w in open_now if not isinstance(w.parent(), QComboBox)]
    return open_now[0] if open_now else None


def test_rows_and_columns_follow_the_item_type(qtbot: QtBot, editor: DocumentEditor) -> None:
    table = _table(qtbot, editor, "standards", "standard")
    model = table.model
    assert model.rowCount() == 0
    labels = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert labels == [
        "Service *",
        "Standard *",
        "How it is measured",
        "Inspectorate",
        "Recommendations",
    ]
    item_id = table.add_row({"service": "Health visiting"}, edit=None)
    assert item_id is not None
    (item,) = _items(editor, "standards")
    assert item.fields["service"] == "Health visiting" and item.fields["standard"]
    assert item.tags == []  # a new row is untagged: its part's recommendations are suggestions
    assert table.cell_text(item_id, "tags") == ""
    assert table.selected_item_id() == item_id


def test_typing_into_cells_with_the_keyboard(qtbot: QtBot, editor: DocumentEditor) -> None:
    table = _table(qtbot, editor, "actions", "action")
    item_id = table.add_row(edit=None)
    assert item_id is not None
    # Enter opens the editor, typing replaces, Tab saves and moves on to the next cell.
    table.select_item(item_id, "action")
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Return)
    cell = _editor_widget(table)
    assert isinstance(cell, QLineEdit)
    qtbot.keyClicks(cell, "Publish the baselines")
    qtbot.keyClick(cell, Qt.Key.Key_Tab)
    item = editor.project.document.find_item(item_id)[1]
    assert item.fields["action"] == "Publish the baselines"
    owner = _editor_widget(table)  # the owner cell is now being edited
    assert isinstance(owner, QLineEdit)
    qtbot.keyClicks(owner, "Dr Ruth Abernethy")
    qtbot.keyClick(owner, Qt.Key.Key_Tab)
    due = _editor_widget(table)
    assert isinstance(due, QLineEdit) and due.placeholderText().startswith("For example")
    qtbot.keyClicks(due, "31/01/2027")
    _enter(qtbot, table, due)
    assert item.fields == {
        "action": "Publish the baselines",
        "owner": "Dr Ruth Abernethy",
        "due": "2027-01-31",
        "status": "",
    }
    assert table.cell_text(item_id, "due") == "31 January 2027"
    # A status is picked from a list, or written in the user's own words.
    table.edit_cell(item_id, "status")
    status = _editor_widget(table)
    assert isinstance(status, QComboBox) and status.isEditable()
    assert "Under way" in [status.itemText(i) for i in range(status.count())]
    status.setCurrentText("Under way")
    _enter(qtbot, table, status)
    assert item.fields["status"] == "Under way"
    table.edit_cell(item_id, "status")
    status = _editor_widget(table)
    assert isinstance(status, QComboBox)
    status.setCurrentText("Waiting for the Treasury")
    _enter(qtbot, table, status)
    assert item.fields["status"] == "Waiting for the Treasury"


def test_a_refused_value_keeps_what_was_typed_and_says_why(
    qtbot: QtBot, editor: DocumentEditor
) -> None:
    table = _table(qtbot, editor, "budget", "budget_line")
    item_id = table.add_row({"service": "Family help", "partner": "Council"}, edit=None)
    assert item_id is not None
    assert table.set_cell(item_id, "amount", "£1,250.50")
    item = editor.project.document.find_item(item_id)[1]
    assert item.fields["amount"] == "1250.50"
    assert table.cell_text(item_id, "amount") == "£1,250.50"

    before = editor.undo_stack.count()
    table.set_cell(item_id, "amount", "twelve pounds")
    assert item.fields["amount"] == "1250.50"  # nothing refused is written
    assert editor.undo_stack.count() == before
    assert table.cell_text(item_id, "amount") == PROBLEM_MARK + "twelve pounds"
    assert table.problem_label.isVisible()
    assert "Row 1, Amount (£)" in table.problem_label.text()
    assert "must be an amount in pounds" in table.problem_label.text()
    index = table.model.index(0, table.model.column_of("amount"))
    assert "must be an amount" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.EditRole) == "twelve pounds"  # to fix, not retype

    # A bad recommendation id is refused the same way.
    table.set_cell(item_id, "tags", "R14, R99")
    assert item.tags == []  # unchanged
    assert "R99" in table.problem_label.text() or "twelve" in table.cell_text(item_id, "amount")

    # Fixing both clears the marks and the problem line.
    table.set_cell(item_id, "amount", "1300")
    table.set_cell(item_id, "tags", "R14")
    assert item.fields["amount"] == "1300.00" and item.tags == ["R14"]
    assert not table.problem_label.isVisible()
    assert table.cell_text(item_id, "amount") == "£1,300"

    # An empty required cell is refused too.
    table.set_cell(item_id, "service", "")
    assert item.fields["service"] == "Family help"
    assert "Service is needed." in table.problem_label.text()


def test_undo_and_redo_follow_in_the_table(qtbot: QtBot, editor: DocumentEditor) -> None:
    table = _table(qtbot, editor, "standards", "standard")
    item_id = table.add_row({"service": "Adult social care"}, edit=None)
    assert item_id is not None
    table.set_cell(item_id, "inspectorate", "CQC")
    assert table.cell_text(item_id, "inspectorate") == "CQC"
    editor.undo_stack.undo()
    assert table.cell_text(item_id, "inspectorate") == ""
    editor.undo_stack.undo()
    assert table.model.rowCount() == 0
    editor.undo_stack.redo()
    editor.undo_stack.redo()
    assert table.model.rowCount() == 1
    assert table.cell_text(item_id, "inspectorate") == "CQC"

    # A marked cell shows the file again once undo changes what the file holds.
    table.set_cell(item_id, "service", "")
    assert table.cell_text(item_id, "service").startswith(PROBLEM_MARK)
    editor.undo_stack.undo()  # the inspectorate goes back to empty
    table.set_cell(item_id, "inspectorate", "Ofsted")
    editor.undo_stack.undo()
    assert table.cell_text(item_id, "service").startswith(PROBLEM_MARK)  # still unfixed
    table.set_cell(item_id, "service", "Adult social care")
    assert not table.problem_label.isVisible()


def test_add_remove_and_move_rows(qtbot: QtBot, editor: DocumentEditor) -> None:
    table = _table(qtbot, editor, "actions", "action")
    ids = [table.add_row({"action": name}, edit=None) for name in ("One", "Two", "Three")]

    def names() -> list[str]:
        return [i.fields["action"] for i in _items(editor, "actions")]

    assert names() == ["One", "Two", "Three"]
    table.select_item(ids[2])
    assert table.up_button.isEnabled() and not table.down_button.isEnabled()
    qtbot.mouseClick(table.up_button, Qt.MouseButton.LeftButton)
    assert names() == ["One", "Three", "Two"] and table.selected_item_id() == ids[2]
    qtbot.mouseClick(table.up_button, Qt.MouseButton.LeftButton)
    assert names() == ["Three", "One", "Two"] and not table.up_button.isEnabled()
    qtbot.mouseClick(table.down_button, Qt.MouseButton.LeftButton)
    assert names() == ["One", "Three", "Two"]
    editor.undo_stack.undo()
    assert names() == ["Three", "One", "Two"]

    # Delete removes the selected row, and the next row is selected.
    table.select_item(ids[0])
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert names() == ["Three", "Two"]
    assert table.selected_item_id() == ids[1]
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert names() == [] and not table.remove_button.isEnabled()
    editor.undo_stack.undo()
    assert names() == ["Three"]


def test_a_table_of_one_kind_and_the_rows_tags(
    qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    barriers = _table(
        qtbot,
        editor,
        "prevention",
        "prevention_factor",
        fixed={"kind": "Barrier"},
        catalogue=catalogue,
    )
    enablers = _table(qtbot, editor, "prevention", "prevention_factor", fixed={"kind": "Enabler"})
    assert [f.name for f in barriers.model.fields] == ["title", "text"]
    barrier = barriers.add_row(edit=None)
    enabler = enablers.add_row({"title": "A single pot"}, edit=None)
    assert barrier is not None and enabler is not None
    kinds = [(i.fields["kind"], i.fields["title"]) for i in _items(editor, "prevention")]
    assert kinds == [("Barrier", "New barrier"), ("Enabler", "A single pot")]
    assert barriers.model.item_ids() == [barrier] and enablers.model.item_ids() == [enabler]

    # The selected row's recommendations, as a checklist.
    assert barriers.tags_button is not None and barriers.tag_editor is not None
    barriers.select_item(barrier)
    qtbot.mouseClick(barriers.tags_button, Qt.MouseButton.LeftButton)
    assert barriers.tag_editor.isVisible() and barriers.tag_editor.tags() == []
    rows = barriers.tag_editor.list
    r14 = next(rows.item(n) for n in range(rows.count()) if rows.item(n).text().startswith("R14"))
    r14.setCheckState(Qt.CheckState.Checked)
    assert editor.project.document.find_item(barrier)[1].tags == ["R14"]
    assert barriers.cell_text(barrier, "tags") == "R14"
    editor.undo_stack.undo()
    assert barriers.tag_editor.tags() == []


def test_long_text_edits_in_several_lines(qtbot: QtBot, editor: DocumentEditor) -> None:
    table = _table(qtbot, editor, "innovation_zone", "zone")
    item_id = table.add_row({"area": "North Brackenford"}, edit=None)
    assert item_id is not None
    table.edit_cell(item_id, "freedoms")
    cell = _editor_widget(table)
    assert isinstance(cell, QPlainTextEdit)
    cell.setPlainText("Pool budgets\nShare data")
    qtbot.keyClick(cell, Qt.Key.Key_Tab)
    item = editor.project.document.find_item(item_id)[1]
    assert item.fields["freedoms"] == ["Pool budgets", "Share data"]
    assert table.cell_text(item_id, "freedoms") == "Pool budgets; Share data"


def test_one_flag_for_one_row(qtbot: QtBot, editor: DocumentEditor) -> None:
    table = _table(qtbot, editor, "board", "member")
    table.model.exclusive = "chair"
    first = table.add_row({"role": "Mayor", "name": "Sunita Calder"}, edit=None)
    second = table.add_row({"role": "Leader", "name": "Owen Tregarth"}, edit=None)
    assert first is not None and second is not None
    column = table.model.column_of("chair")
    table.view.setCurrentIndex(table.model.index(0, column))
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Return)  # Enter ticks a tick box
    chairs = [i.fields["name"] for i in _items(editor, "board") if i.fields["chair"]]
    assert chairs == ["Sunita Calder"]
    table.model.setData(
        table.model.index(1, column), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    chairs = [i.fields["name"] for i in _items(editor, "board") if i.fields["chair"]]
    assert chairs == ["Owen Tregarth"]
    editor.undo_stack.undo()  # one step puts the first chair back
    chairs = [i.fields["name"] for i in _items(editor, "board") if i.fields["chair"]]
    assert chairs == ["Sunita Calder"]


def test_suggestions_allow_free_text(qtbot: QtBot, editor: DocumentEditor) -> None:
    table = _table(qtbot, editor, "board", "member")
    table.model.suggestions["role"] = lambda: ["Local Authority leader", "University leader"]
    item_id = table.add_row({"name": "Amira Khan"}, edit=None)
    assert item_id is not None
    table.edit_cell(item_id, "role")
    combo = _editor_widget(table)
    assert isinstance(combo, QComboBox) and combo.isEditable() and combo.count() == 2
    combo.setCurrentText("Chief Fire Officer")
    _enter(qtbot, table, combo)
    assert editor.project.document.find_item(item_id)[1].fields["role"] == "Chief Fire Officer"


def test_read_only_tables_cannot_change(
    qtbot: QtBot, editor: DocumentEditor, tmp_path: Path
) -> None:
    project = editor.project
    section = _section_id(editor, "actions")
    editor.add_item(section, "action", {"action": "Recruit the panel"})
    path = project.path
    project.close()
    with Project.open(path, _kinds(), read_only=True) as reader:
        table = _table(qtbot, DocumentEditor(reader), "actions", "action")
        assert table.model.rowCount() == 1
        assert not table.add_button.isEnabled()
        index = table.model.index(0, 0)
        assert not table.model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert not table.model.setData(index, "Something else")


def _kinds() -> object:
    from tests.documents import KINDS

    return KINDS
