"""The items of one type in one section, as a table: one row an item, one column a field.

Every change goes through the DocumentEditor, so it is in the file at once and can be
undone. A value the kernel refuses is not written: the cell keeps what was typed, marked,
and the model reports the kernel's own message, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from desktop.editing.editor import DocumentEditor
from reformkit.document.evidence import is_placeholder
from reformkit.document.fields import (
    CHOICE,
    DATE,
    FLAG,
    INTEGER,
    LONG_TEXT,
    MONEY,
    REFERENCE,
    TEXT_LIST,
    Field,
)
from reformkit.document.model import Item, Section
from reformkit.document.spec import ItemType
from reformkit.errors import ReformKitError
from reformkit.layout.formatting import show

TAGS = "tags"  # the name of the last column, the recommendations a row answers
TAGS_LABEL = "Recommendations"
PROBLEM_MARK = "⚠ "
AnyIndex = QModelIndex | QPersistentModelIndex
Choices = Callable[[Item | None], list[tuple[str, str]]]  # (value, what the user sees)


@dataclass
class Pending:
    """Typed text the kernel refused, kept in its cell until it is fixed or undone."""

    typed: str
    message: str
    stored: Any  # what the file held when it was refused; if that changes, this is dropped


def problem_colour(background: QColor) -> QColor:
    """A red that reads well on ``background``, light or dark."""
    return QColor("#ff8a80" if background.lightness() < 128 else "#a4262c")


def typed_form(field: Field, value: Any) -> str:
    """A stored value as a person would type it back (what a cell editor starts with)."""
    if value is None or value == "" or value == []:
        return ""
    if field.type == MONEY:
        try:
            text = f"{Decimal(str(value)):,.2f}"
        except InvalidOperation:
            return str(value)
        return text[:-3] if text.endswith(".00") else text
    if field.type == TEXT_LIST:
        return "\n".join(str(v) for v in value)
    if field.type == DATE:
        return show(field, value)
    return str(value)


def starting_values(item_type: ItemType, values: dict[str, Any], label: str) -> dict[str, Any]:
    """``values`` and a start for every needed field they leave empty, so the item can be
    stored and then filled in (``label`` names it: "New barrier")."""
    values = dict(values)
    for field in item_type.fields:
        if not field.required or values.get(field.name) not in (None, ""):
            continue
        if field.type == CHOICE:
            values[field.name] = field.choices[0]
        elif field.type == DATE:
            values[field.name] = date.today().isoformat()
        elif field.type in (MONEY, INTEGER):
            values[field.name] = "0"
        elif field.name == item_type.title_field or field.type == LONG_TEXT:
            values[field.name] = f"New {label}"
        else:
            values[field.name] = f"New {field.label.lower()}"
    return values


class ItemTableModel(QAbstractTableModel):
    """Rows are the section's items of ``item_type`` (and with the ``fixed`` values, if any).

    ``fixed`` keeps a table to one kind, such as barriers: its fields get no column and new
    rows get its values. ``choices`` gives a field a list to pick from (the references of a
    mission to the level above); ``suggestions`` gives a text field a list to pick from
    while still allowing free text (Board roles). ``exclusive`` names a flag only one row
    may have ticked (the chair). ``depth`` indents the title column (the missions cascade).
    """

    problem_changed = QtSignal(str)  # the first problem in the table, or ""
    rows_reset = QtSignal()  # rows came, went or moved

    def __init__(
        self,
        editor: DocumentEditor,
        section_id: str,
        item_type: str,
        fixed: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.editor = editor
        self.section_id = section_id
        section = editor.project.document.section(section_id)
        self.section_key = section.key
        self.item_type: ItemType = editor.project.spec.section_type(section.key).item_type(
            item_type
        )
        self.fixed = dict(fixed or {})
        self.fields: list[Field] = [f for f in self.item_type.fields if f.name not in self.fixed]
        self.choices: dict[str, Choices] = {}
        self.suggestions: dict[str, Callable[[], list[str]]] = {}
        self.exclusive = ""
        self.depth: Callable[[Item], int] | None = None
        self._pending: dict[tuple[str, str], Pending] = {}
        self._ids: list[str] = self._wanted_ids()
        editor.changed.connect(self._document_changed)

    # Which items are rows.
    def section(self) -> Section | None:
        document = self.editor.project.document
        try:
            return document.section(self.section_id)
        except KeyError:
            found = next((s for s in document.sections if s.key == self.section_key), None)
            if found is not None:
                self.section_id = found.id
            return found

    def matches(self, item: Item) -> bool:
        return item.type == self.item_type.name and all(
            item.fields.get(name) == value for name, value in self.fixed.items()
        )

    def items(self) -> list[Item]:
        section = self.section()
        return [i for i in section.items if self.matches(i)] if section else []

    def _wanted_ids(self) -> list[str]:
        return [item.id for item in self.items()]

    def item_ids(self) -> list[str]:
        return list(self._ids)

    def item(self, row: int) -> Item | None:
        if not 0 <= row < len(self._ids):
            return None
        try:
            return self.editor.project.document.find_item(self._ids[row])[1]
        except KeyError:
            return None

    def row_of(self, item_id: str) -> int:
        return self._ids.index(item_id) if item_id in self._ids else -1

    def field_at(self, column: int) -> Field | None:
        """The field shown in ``column``, or None for the recommendations column."""
        return self.fields[column] if 0 <= column < len(self.fields) else None

    def column_of(self, name: str) -> int:
        if name == TAGS:
            return len(self.fields)
        return next(n for n, f in enumerate(self.fields) if f.name == name)

    def name_at(self, column: int) -> str:
        field = self.field_at(column)
        return field.name if field is not None else TAGS

    def label_at(self, column: int) -> str:
        field = self.field_at(column)
        return field.label if field is not None else TAGS_LABEL

    # The Qt model.
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        field = self.field_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            label = self.label_at(section)
            return label + (" *" if field is not None and field.required else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if field is None:
                return "The recommendations this row answers, such as R4, R14."
            needed = " Needed." if field.required else ""
            return (field.help + needed).strip() or None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editor.read_only:
            return flags
        field = self.field_at(index.column())
        if field is not None and field.type == FLAG:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        field = self.field_at(index.column())
        name = self.name_at(index.column())
        pending = self._pending.get((item.id, name))
        if role == Qt.ItemDataRole.DisplayRole:
            if pending is not None:
                return PROBLEM_MARK + pending.typed
            return self._display(item, field)
        if role == Qt.ItemDataRole.EditRole:
            if pending is not None:
                return pending.typed
            if field is None:
                return ", ".join(item.tags)
            return typed_form(field, item.fields.get(field.name))
        if role == Qt.ItemDataRole.CheckStateRole and field is not None and field.type == FLAG:
            ticked = bool(item.fields.get(field.name))
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if pending is not None:
                return pending.message
            return (field.help or None) if field is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and pending is not None:
            return problem_colour(QApplication.palette().color(QPalette.ColorRole.Base))
        if role == Qt.ItemDataRole.ForegroundRole and field is not None:
            value = item.fields.get(field.name)
            if is_placeholder(value, self.editor.project.spec.placeholders):
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and pending is not None:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if field is not None and field.type in (MONEY, INTEGER):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if field is not None and field.type == FLAG:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = self._display(item, field)
            if field is not None and field.type == FLAG:
                shown = "yes" if item.fields.get(field.name) else "no"
            text = f"{self.label_at(index.column())}: {shown or 'empty'}"
            return f"{text}. Problem: {pending.message}" if pending else text
        return None

    def _display(self, item: Item, field: Field | None) -> str:
        if field is None:
            return ", ".join(item.tags)
        value = item.fields.get(field.name)
        if field.type == FLAG:
            return ""  # the tick box says it
        if field.type == REFERENCE:
            return self.reference_label(item, field, value)
        text = show(field, value)
        if self.depth is not None and field.name == self.item_type.title_field:
            depth = self.depth(item)
            text = ("\u2003" * 2 * depth) + ("↳ " if depth else "") + text
        return text

    def reference_label(self, item: Item | None, field: Field, value: Any) -> str:
        if not value:
            return ""
        for identifier, label in self.choices_for(item, field):
            if identifier == value:
                return label
        try:
            section, target = self.editor.project.document.find_item(str(value))
        except KeyError:
            return "(removed)"
        kind = self.editor.project.spec.section_type(section.key).item_type(target.type)
        return kind.describe(target.fields)

    def choices_for(self, item: Item | None, field: Field) -> list[tuple[str, str]]:
        """What a choice or reference cell offers: (stored value, what the user sees)."""
        if field.name in self.choices:
            return self.choices[field.name](item)
        if field.type == CHOICE:
            return [(choice, choice) for choice in field.choices]
        if field.type == REFERENCE:
            spec = self.editor.project.spec
            found = []
            for section, other in self.editor.project.document.items():
                if other.type == field.refers_to and (item is None or other.id != item.id):
                    kind = spec.section_type(section.key).item_type(other.type)
                    found.append((other.id, kind.describe(other.fields)))
            return found
        return []

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item(index.row()) if index.isValid() else None
        if item is None or self.editor.read_only:
            return False
        field = self.field_at(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and field is not None and field.type == FLAG:
            ticked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, True)
            return self.set_flag(item.id, field.name, ticked)
        if role != Qt.ItemDataRole.EditRole:
            return False
        return self.commit(item.id, self.name_at(index.column()), value)

    # Writing through the editor.
    def commit(self, item_id: str, name: str, value: Any) -> bool:
        """Write one cell. A refused value is kept in its cell, marked, with the message."""
        try:
            _, item = self.editor.project.document.find_item(item_id)
        except KeyError:
            return False
        stored = list(item.tags) if name == TAGS else item.fields.get(name)
        try:
            if name == TAGS:
                self.editor.set_item_tags(item_id, value)
            else:
                self.editor.update_fields(item_id, {name: value})
        except ReformKitError as error:
            typed = value if isinstance(value, str) else str(value)
            self._pending[(item_id, name)] = Pending(typed, str(error), stored)
            self._cell_changed(item_id, name)
            self.problem_changed.emit(self.problem())
            return True
        if self._pending.pop((item_id, name), None) is not None:
            self._cell_changed(item_id, name)
        self.problem_changed.emit(self.problem())
        return True

    def set_flag(self, item_id: str, name: str, ticked: bool) -> bool:
        """Tick or untick a flag. Ticking the exclusive flag unticks it everywhere else, in
        one undoable step."""
        if not (ticked and name == self.exclusive):
            return self.commit(item_id, name, ticked)
        stack = self.editor.undo_stack
        _, item = self.editor.project.document.find_item(item_id)
        label = self.item_type.field(name).label.lower()
        stack.beginMacro(f"{self.item_type.describe(item.fields)} {label}")
        try:
            for other in self.items():
                if other.id != item_id and other.fields.get(name):
                    self.editor.update_fields(other.id, {name: False})
            self.editor.update_fields(item_id, {name: True})
        except ReformKitError as error:
            self.problem_changed.emit(str(error))
            return False
        finally:
            stack.endMacro()
        return True

    def is_pending(self, index: AnyIndex) -> bool:
        """Whether the cell shows typing the kernel refused (kept until fixed)."""
        item = self.item(index.row()) if index.isValid() else None
        return item is not None and (item.id, self.name_at(index.column())) in self._pending

    def problem(self) -> str:
        """The first refused value, said as where it is and what is wrong."""
        for row, item_id in enumerate(self._ids):
            for column in range(self.columnCount()):
                pending = self._pending.get((item_id, self.name_at(column)))
                if pending is not None:
                    return f"Row {row + 1}, {self.label_at(column)}: {pending.message}"
        return ""

    def new_row_values(self, defaults: dict[str, Any] | None = None) -> dict[str, Any]:
        """Values that let a new row be stored: the fixed ones, the defaults given, and a
        start for every field that is needed."""
        values: dict[str, Any] = {**self.fixed, **(defaults or {})}
        label = str(next(iter(self.fixed.values()), "") or self.item_type.label).lower()
        return starting_values(self.item_type, values, label)

    # Following the file.
    def _cell_changed(self, item_id: str, name: str) -> None:
        row = self.row_of(item_id)
        if row >= 0:
            index = self.index(row, self.column_of(name))
            self.dataChanged.emit(index, index)

    def _document_changed(self, change: str, target: str) -> None:
        wanted = self._wanted_ids()
        if wanted != self._ids:
            self.beginResetModel()
            self._ids = wanted
            self._pending = {k: v for k, v in self._pending.items() if k[0] in wanted}
            self.endResetModel()
            self.rows_reset.emit()
            self.problem_changed.emit(self.problem())
            return
        if change == "item-changed" and target in self._ids:
            self._drop_stale(target)
        if self._ids and change.startswith("item"):
            # A title elsewhere may be shown here (a mission's parent), so redraw every row.
            last = self.index(len(self._ids) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _drop_stale(self, item_id: str) -> None:
        """After undo, or an edit elsewhere, a cell shows what the file now holds."""
        _, item = self.editor.project.document.find_item(item_id)
        dropped = False
        for key in [k for k in self._pending if k[0] == item_id]:
            now = list(item.tags) if key[1] == TAGS else item.fields.get(key[1])
            if now != self._pending[key].stored:
                del self._pending[key]
                dropped = True
        if dropped:
            self.problem_changed.emit(self.problem())
