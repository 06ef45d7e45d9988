"""The table ItemTableEditor shows, and the editor each kind of cell opens.

Kept apart from :mod:`desktop.wizard.table_editor`, which binds the table to the file:
this is how a cell looks and edits, and how a keyboard user moves through the table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.wizard.table_model import ItemTableModel
from reformkit.document.evidence import is_placeholder
from reformkit.document.fields import CHOICE, DATE, INTEGER, LONG_TEXT, MONEY, REFERENCE, TEXT_LIST

AnyIndex = QModelIndex | QPersistentModelIndex
NONE_CHOSEN = "(none)"
_PLACEHOLDERS = {
    DATE: "For example 31/03/2027",
    MONEY: "Pounds, for example 125000",
    INTEGER: "A whole number",
}
WIDE = (LONG_TEXT, TEXT_LIST)  # field types shown in a wider column


class CellDelegate(QStyledItemDelegate):
    """The right editor for each cell: a list for choices, a list with free text for
    suggestions, several lines for long text, a line for the rest.

    A cell still holding the words the builder put in ("New member") opens empty, with
    those words as a greyed hint: what is typed replaces them, never follows them. The
    DocumentEditor is told of every editor open, so the window never says "All changes
    saved" while a cell holds typing that is not in the file yet."""

    def __init__(self, model: ItemTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.table_model = model
        self.open_editor: QWidget | None = None  # the last editor made, to close it on demand

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        model = self.table_model
        field = model.field_at(index.column())
        item = model.item(index.row())
        editor: QWidget
        if field is None:
            line = QLineEdit(parent)
            line.setPlaceholderText("For example R4, R14")
            editor = line
        elif field.name in model.suggestions or (field.type == CHOICE and field.free_text):
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            if field.name in model.suggestions:
                combo.addItems(model.suggestions[field.name]())
            else:
                combo.addItems(field.choices)
            editor = combo
        elif field.type in (CHOICE, REFERENCE) or field.name in model.choices:
            combo = QComboBox(parent)
            if not field.required or field.type == REFERENCE:
                combo.addItem(NONE_CHOSEN, None)
            for value, label in model.choices_for(item, field):
                combo.addItem(label, value)
            editor = combo
        elif field.type in WIDE:
            text = QPlainTextEdit(parent)
            text.setTabChangesFocus(True)
            if field.type == TEXT_LIST:
                text.setPlaceholderText("One a line")
            editor = text
        else:
            line = QLineEdit(parent)
            line.setPlaceholderText(_PLACEHOLDERS.get(field.type, ""))
            if field.type in (MONEY, INTEGER):
                line.setAlignment(Qt.AlignmentFlag.AlignRight)
            editor = line
        editor.setAccessibleName(model.label_at(index.column()))
        if field is not None and field.help:
            editor.setAccessibleDescription(field.help)
        editor.setAutoFillBackground(True)
        self.open_editor = editor
        model.editor.editor_opened(editor)
        return editor

    def destroyEditor(self, editor: QWidget, index: AnyIndex) -> None:
        if self.open_editor is editor:
            self.open_editor = None
        self.table_model.editor.editor_closed(editor)
        super().destroyEditor(editor, index)

    def holds_placeholder(self, index: AnyIndex) -> bool:
        """Whether the cell holds only the builder's words to be replaced."""
        model = self.table_model
        field, item = model.field_at(index.column()), model.item(index.row())
        if field is None or item is None or model.is_pending(index):
            return False
        value = item.fields.get(field.name)
        return is_placeholder(value, model.editor.project.spec.placeholders)

    def _hint(self, index: AnyIndex) -> str:
        field = self.table_model.field_at(index.column())
        typed = str(index.data(Qt.ItemDataRole.EditRole) or "")
        return (field.help if field is not None and field.help else "") or typed

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        typed = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if self.holds_placeholder(index):
            hint, typed = self._hint(index), ""
            line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
            if isinstance(line, QLineEdit | QPlainTextEdit):
                line.setPlaceholderText(hint)
        if isinstance(editor, QComboBox):
            if editor.isEditable():
                editor.setCurrentText(typed)
                line = editor.lineEdit()
                if line is not None:
                    line.selectAll()
                return
            item = self.table_model.item(index.row())
            field = self.table_model.field_at(index.column())
            value = item.fields.get(field.name) if item is not None and field else None
            found = editor.findData(value if value not in (None, "") else None)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(typed)
            editor.selectAll()
        elif isinstance(editor, QLineEdit):
            editor.setText(typed)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            if editor.isEditable():
                value = editor.currentText()
            else:
                data = editor.currentData()
                value = "" if data is None else data
        elif isinstance(editor, QPlainTextEdit):
            value = editor.toPlainText()
        else:
            assert isinstance(editor, QLineEdit)
            value = editor.text()
        if isinstance(value, str) and not value.strip() and self.holds_placeholder(index):
            return  # nothing typed over the builder's words: they stay until replaced
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            lines = editor.fontMetrics().lineSpacing() * 5 + 2 * editor.frameWidth() + 8
            rect = rect.adjusted(0, 0, 0, max(0, lines - rect.height()))
        else:
            need = editor.sizeHint().height()
            if need > rect.height():
                rect = rect.adjusted(0, 0, 0, need - rect.height())
        editor.setGeometry(rect)


class WrappingHeader(QHeaderView):
    """Column headings that break between words when a column is narrower than its heading
    ("Where the figure comes from"), and grow tall enough to show them whole, instead of
    cutting them short ("Where the figure c")."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)  # as a table's own header is
        self.setHighlightSections(True)
        self.setDefaultAlignment(self.defaultAlignment())
        self.sectionResized.connect(self._widths_changed)

    def setDefaultAlignment(self, alignment: Qt.AlignmentFlag) -> None:
        """Whatever alignment the table asks for, headings still wrap."""
        super().setDefaultAlignment(
            Qt.AlignmentFlag(int(alignment) | int(Qt.TextFlag.TextWordWrap))
        )

    def heading_height(self, logical: int) -> int:
        """The height heading ``logical`` needs at its column's present width."""
        text = (
            str(self.model().headerData(logical, self.orientation()) or "") if self.model() else ""
        )
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        width = max(self.sectionSize(logical) - 2 * margin, 1)
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        bounds = self.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), flags, text)
        return bounds.height() + 2 * margin + self.fontMetrics().height() // 4  # some air

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        needed = [
            self.heading_height(n) for n in range(self.count()) if not self.isSectionHidden(n)
        ]
        return QSize(hint.width(), max([hint.height(), *needed]))

    def _widths_changed(self, *_args: object) -> None:
        self.updateGeometry()
        view = self.parent()
        if isinstance(view, QTableView):
            view.updateGeometries()


class TableView(QTableView):
    """A table that a keyboard user can work: Enter edits, Tab moves from cell to cell and
    on out of the table at its end, Delete asks for the row to be removed."""

    delete_pressed = Signal()
    resized = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHorizontalHeader(WrappingHeader(self))
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.max_lines = 22

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        index = self.currentIndex()
        if not editing and index.isValid():
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                    ticked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
                    new = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
                    self.model().setData(index, new, Qt.ItemDataRole.CheckStateRole)
                else:
                    self.edit(index)
                event.accept()
                return
            if event.key() == Qt.Key.Key_Delete:
                self.delete_pressed.emit()
                event.accept()
                return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        model, index = self.model(), self.currentIndex()
        if model is not None and index.isValid() and self.tabKeyNavigation():
            last = index.row() == model.rowCount() - 1 and index.column() == (
                model.columnCount() - 1
            )
            first = index.row() == 0 and index.column() == 0
            if (next and last) or (not next and first):
                return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.resized.emit()

    def sizeHint(self) -> QSize:
        """Tall enough for its rows (so a short table does not leave a gap), within limits."""
        hint = super().sizeHint()
        line = self.fontMetrics().lineSpacing()
        rows = sum(self.rowHeight(r) for r in range(self.model().rowCount())) if self.model() else 0
        height = self.horizontalHeader().height() + rows + 2 * self.frameWidth() + line
        height = max(line * 5, min(height, line * self.max_lines))
        return QSize(hint.width(), height)
