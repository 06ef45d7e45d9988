"""Working the guided builder's tables as a user does: open a cell, type, Tab on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.wizard.table_editor import ItemTableEditor


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def cell_editor(table: ItemTableEditor) -> QWidget | None:
    found = [
        w
        for w in table.view.viewport().findChildren(QWidget)
        if w.isVisible()
        and isinstance(w, QLineEdit | QComboBox | QPlainTextEdit)
        and not isinstance(w.parent(), QComboBox)
    ]
    return found[0] if found else None


def fill(qtbot: QtBot, table: ItemTableEditor, item_id: str, field: str, text: str) -> None:
    """Open a cell as Enter does, type over what it holds, and Tab on (which saves it)."""
    table.edit_cell(item_id, field)
    cell = cell_editor(table)
    assert cell is not None, field
    if isinstance(cell, QComboBox) and not cell.isEditable():
        cell.setCurrentText(text)
    else:
        line = cell.lineEdit() if isinstance(cell, QComboBox) else cell
        assert isinstance(line, QLineEdit | QPlainTextEdit)
        line.selectAll()
        qtbot.keyClicks(line, text)
    qtbot.keyClick(cell, Qt.Key.Key_Tab)


def new_row(qtbot: QtBot, table: ItemTableEditor) -> str:
    before = set(table.model.item_ids())
    click(qtbot, table.add_button)
    (item_id,) = set(table.model.item_ids()) - before
    assert cell_editor(table) is not None  # the new row opens for typing
    return item_id
