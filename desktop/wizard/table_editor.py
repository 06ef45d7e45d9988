"""ItemTableEditor: a section's items of one type as an editable table, bound to the file.

One row an item, one column a field, and a last column for the recommendations the row
answers. Cells edit through the DocumentEditor (so every change is undoable); a value the
kernel refuses stays in its cell, marked, with the kernel's message under the table. Add,
Remove, Move up and Move down work on the selected row; Enter edits a cell, Tab moves to the
next, Delete removes the row. A checklist of the 22 recommendations edits the selected row's
tags.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from desktop.editing.open_editors import commit_open_editors
from desktop.editing.tag_editor import TagEditor
from desktop.wizard.table_model import (
    TAGS,
    ItemTableModel,
    problem_colour,
)
from desktop.wizard.table_view import WIDE, CellDelegate, TableView
from reformkit.catalogue.store import Catalogue
from reformkit.document.fields import CHOICE, DATE, FLAG, INTEGER, MONEY
from reformkit.document.model import Item
from reformkit.errors import ReformKitError


class ItemTableEditor(QWidget):
    """The items of ``item_type_name`` in a section, as a table with Add, Remove, Move up
    and Move down. Keyword options: ``catalogue`` adds a recommendation checklist for the
    selected row; ``fixed`` keeps the table to one kind (``{"kind": "Barrier"}``);
    ``defaults`` starts new rows; ``name`` is what the table is called, for screen readers
    and buttons (for example "board member")."""

    problem = Signal(str)  # the table's first problem, or ""
    selection_changed = Signal(str)  # the selected row's item id, or ""
    rows_changed = Signal()

    def __init__(
        self,
        editor: DocumentEditor,
        section_id: str,
        item_type_name: str,
        parent: QWidget | None = None,
        *,
        catalogue: Catalogue | None = None,
        fixed: dict[str, Any] | None = None,
        defaults: dict[str, Any] | None = None,
        name: str = "",
        compact: bool = False,
    ):
        super().__init__(parent)
        self.editor = editor
        self.defaults = dict(defaults or {})
        self.model = ItemTableModel(editor, section_id, item_type_name, fixed, self)
        self.row_name = name or self.model.item_type.label.lower()
        self._selected = ""
        self.setAccessibleName(f"Table of {self.row_name}s")

        self.view = TableView(self)
        self.view.setModel(self.model)
        self.delegate = CellDelegate(self.model, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setAccessibleName(f"{self.row_name.capitalize()}s")
        self.view.setAccessibleDescription(
            "Enter edits a cell, Tab moves to the next, Delete removes the row."
        )
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.problem_label = QLabel("", self)
        self.problem_label.setObjectName("tableProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setAccessibleName(f"Problem in the {self.row_name}s")
        self.problem_label.hide()

        self.add_button = self._button(
            f"Add {self.row_name}", f"Add a {self.row_name}", lambda: self.add_row()
        )
        self.remove_button = self._button(
            "Remove", f"Remove the selected {self.row_name}", self.remove_row
        )
        self.up_button = self._button("Move up", f"Move the selected {self.row_name} up", self.up)
        self.down_button = self._button(
            "Move down", f"Move the selected {self.row_name} down", self.down
        )
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.tag_editor: TagEditor | None = None
        self.tags_button: QPushButton | None = None
        self.tags_box = QWidget(self)
        if catalogue is not None:
            self.tags_button = QPushButton("Recommendations…", self)
            self.tags_button.setCheckable(True)
            self.tags_button.setAccessibleName(
                f"Show the recommendations the selected {self.row_name} answers"
            )
            self.tags_button.setToolTip(f"The recommendations the selected {self.row_name} answers")
            self.tags_button.toggled.connect(self._show_tags)
            if compact:
                second = QHBoxLayout()
                second.addWidget(self.tags_button)
                second.addStretch(1)
            else:
                buttons.addWidget(self.tags_button)
            box = QVBoxLayout(self.tags_box)
            box.setContentsMargins(0, 0, 0, 0)
            self.tags_heading = QLabel("", self.tags_box)
            self.tags_heading.setWordWrap(True)
            box.addWidget(self.tags_heading)
            self.tag_editor = TagEditor(catalogue, self.tags_box)
            self.tag_editor.setAccessibleName(
                f"Recommendations the selected {self.row_name} answers"
            )
            self.tag_editor.tags_changed.connect(self._tags_ticked)
            box.addWidget(self.tag_editor)
        self.tags_box.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem_label)
        layout.addLayout(buttons)
        if compact and self.tags_button is not None:
            layout.addLayout(second)
        layout.addWidget(self.tags_box)

        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(0)
        self._layout_timer.timeout.connect(self.fit)
        self.model.problem_changed.connect(self._show_problem)
        self.model.rows_reset.connect(self._rows_reset)
        self.model.dataChanged.connect(self._data_changed)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.delete_pressed.connect(self._delete_pressed)
        self.view.resized.connect(self._fit_columns)
        self._fit_columns()
        self._update_buttons()
        self._layout_timer.start()

    # What is selected.
    def selected_item_id(self) -> str:
        index = self.view.currentIndex()
        item = self.model.item(index.row()) if index.isValid() else None
        return item.id if item is not None else ""

    def select_item(self, item_id: str, field: str | None = None) -> None:
        row = self.model.row_of(item_id)
        if row < 0:
            return
        column = self.model.column_of(field) if field else max(self.view.currentIndex().column(), 0)
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def edit_cell(self, item_id: str, field: str) -> None:
        """Select a cell and open its editor, as pressing Enter on it does (saving and
        closing any cell being edited first)."""
        self.finish_editing()
        self.select_item(item_id, field)
        self.view.setFocus()
        self.view.edit(self.view.currentIndex())

    def finish_editing(self) -> None:
        """Save the cell being edited, if any, and close its editor."""
        commit_open_editors(self.view)
        self.delegate.open_editor = None

    def cell_text(self, item_id: str, field: str) -> str:
        index = self.model.index(self.model.row_of(item_id), self.model.column_of(field))
        return str(self.model.data(index) or "")

    def set_cell(self, item_id: str, field: str, value: Any) -> bool:
        """Write a cell as if typed into it (the same checks, the same undo)."""
        index = self.model.index(self.model.row_of(item_id), self.model.column_of(field))
        return self.model.setData(index, value)

    # Rows.
    def add_row(
        self,
        fields: dict[str, Any] | None = None,
        tags: Any = None,
        source: Any = None,
        index: int | None = None,
        edit: str | None = "",
    ) -> str | None:
        """Add a row (``fields`` over the table's defaults); select it and, unless ``edit``
        is None, start editing ``edit`` (or the row's title)."""
        values = self.model.new_row_values({**self.defaults, **(fields or {})})
        try:
            section_id = self._section_id()
            item_id = self.editor.add_item(
                section_id,
                self.model.item_type.name,
                values,
                tags=tags,
                source=source,
                index=index,
            )
        except ReformKitError as error:
            self._show_problem(str(error))
            return None
        self.finish_editing()
        self.select_item(item_id, self._first_column(edit))
        if edit is not None and self.isVisible():
            self.view.setFocus()
            self.view.edit(self.view.currentIndex())
        return item_id

    def remove_row(self) -> None:
        item_id = self.selected_item_id()
        if not item_id:
            return
        row = self.model.row_of(item_id)
        column = max(self.view.currentIndex().column(), 0)
        had_focus = self.view.hasFocus()
        try:
            self.editor.remove_item(item_id)
        except ReformKitError as error:
            self._show_problem(str(error))
            return
        count = self.model.rowCount()
        if count:
            self.view.setCurrentIndex(self.model.index(min(row, count - 1), column))
        if had_focus or not count:
            (self.view if count else self.add_button).setFocus()

    def up(self) -> None:
        self._move(-1)

    def down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        item_id = self.selected_item_id()
        ids = self.model.item_ids()
        if not item_id:
            return
        row = ids.index(item_id)
        if not 0 <= row + step < len(ids):
            return
        section = self.model.section()
        assert section is not None
        _, other = self.editor.project.document.find_item(ids[row + step])
        column = self.view.currentIndex().column()
        try:
            self.editor.move_item(item_id, section.id, section.items.index(other))
        except ReformKitError as error:
            self._show_problem(str(error))
            return
        self.select_item(item_id, self.model.name_at(column))

    def _first_column(self, edit: str | None) -> str:
        if edit:
            return edit
        title = self.model.item_type.title_field
        names = [f.name for f in self.model.fields]
        return title if title in names else names[0]

    def _section_id(self) -> str:
        """The table's section, put back in its place if the user removed it."""
        section = self.model.section()
        if section is not None:
            return section.id
        project = self.editor.project
        order = [t.key for t in project.spec.section_types]
        mine = order.index(self.model.section_key)
        index = sum(
            1 for s in project.document.sections if s.key in order and order.index(s.key) < mine
        )
        self.model.section_id = self.editor.add_section(self.model.section_key, index=index)
        return self.model.section_id

    def _delete_pressed(self) -> None:
        if self.remove_button.isEnabled():
            self.remove_row()

    # Keeping the table tidy.
    def fit(self) -> None:
        self.view.resizeRowsToContents()
        self.view.updateGeometry()

    def _fit_columns(self) -> None:
        """Columns share the table's width: dates, money, choices and ticks get what they
        need, and text columns share the rest by weight (titles and long text get most)."""
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("M")
        fixed: dict[int, int] = {}
        weights: dict[int, int] = {}
        title = self.model.item_type.title_field
        for column in range(self.model.columnCount()):
            field = self.model.field_at(column)
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            need = metrics.horizontalAdvance(label) + 2 * em
            if field is None:
                fixed[column] = max(need, 9 * em)
            elif field.type in (FLAG, INTEGER):
                fixed[column] = max(need, 6 * em)
            elif field.type in (DATE, MONEY):
                fixed[column] = max(need, 9 * em)
            elif field.type == CHOICE:
                fixed[column] = max(need, 10 * em)
            elif field.type in WIDE:
                weights[column] = 4
            else:
                weights[column] = 3 if field.name == title else 2
        available = self.view.viewport().width()
        share = max(available - sum(fixed.values()), 8 * em * max(len(weights), 1))
        total = sum(weights.values()) or 1
        header = self.view.horizontalHeader()
        for column, width in fixed.items():
            header.resizeSection(column, width)
        for column, weight in weights.items():
            header.resizeSection(column, max(8 * em, share * weight // total))
        self._layout_timer.start()

    def _rows_reset(self) -> None:
        if self._selected and self.model.row_of(self._selected) >= 0:
            self.select_item(self._selected)
        self._update_buttons()
        self._layout_timer.start()
        self.rows_changed.emit()

    def _data_changed(self, *_args: object) -> None:
        self._layout_timer.start()
        self._refresh_tags()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item(current.row()) if current.isValid() else None
        self._selected = item.id if item is not None else ""
        self._update_buttons()
        self._refresh_tags()
        self.selection_changed.emit(self._selected)

    def _update_buttons(self) -> None:
        writable = not self.editor.read_only
        row = self.model.row_of(self.selected_item_id())
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and row >= 0)
        self.up_button.setEnabled(writable and row > 0)
        self.down_button.setEnabled(writable and 0 <= row < self.model.rowCount() - 1)
        if self.tags_button is not None:
            self.tags_button.setEnabled(row >= 0)

    def _show_problem(self, message: str) -> None:
        background = self.palette().color(QPalette.ColorRole.Window)
        self.problem_label.setStyleSheet(f"color: {problem_colour(background).name()};")
        self.problem_label.setText(f"⚠ {message}" if message else "")
        self.problem_label.setVisible(bool(message))
        self.problem.emit(message)

    # The selected row's recommendations.
    def _show_tags(self, shown: bool) -> None:
        self.tags_box.setVisible(shown)
        self._refresh_tags()

    def _selected_item(self) -> Item | None:
        item_id = self.selected_item_id()
        return self.editor.project.document.find_item(item_id)[1] if item_id else None

    def _refresh_tags(self) -> None:
        if self.tag_editor is None:
            return
        item = self._selected_item()
        if item is None:
            self.tags_box.hide()
            if self.tags_button is not None:
                self.tags_button.setChecked(False)
            return
        name = self.model.item_type.describe(item.fields)
        self.tags_heading.setText(f"Which recommendations does “{name}” answer?")
        self.tag_editor.set_tags(list(item.tags))
        words = " ".join(str(v) for v in item.fields.values() if isinstance(v, str))
        self.tag_editor.set_suggestion_text(words)

    def _tags_ticked(self, tags: list[str]) -> None:
        item_id = self.selected_item_id()
        if item_id:
            self.model.commit(item_id, TAGS, tags)

    def _button(self, text: str, name: str, action: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.clicked.connect(action)
        return button
