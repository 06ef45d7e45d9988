"""A form for one item, built from its item type: a label and an input for each field.

Every change is written at once through the DocumentEditor (so it can be undone). A value
that cannot be used yet (a half-typed date, an empty required title) is not written; the
form says what is wrong beside the field, and nothing typed is lost.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.editing.editor import DocumentEditor
from desktop.editing.field_widgets import FieldWidget, make_field_widget
from desktop.editing.plain_english import attach
from reformkit.document.fields import FLAG, REFERENCE, FieldError
from reformkit.document.spec import ItemType
from reformkit.errors import ReformKitError


def problem_colour(widget: QWidget) -> str:
    """A red that reads well on the current background, light or dark."""
    background = widget.palette().color(QPalette.ColorRole.Window)
    return "#ff8a80" if background.lightness() < 128 else "#a4262c"


class ItemForm(QWidget):
    problem_changed = Signal(str)  # the current problem, or "" when every field is fine

    def __init__(self, editor: DocumentEditor, item_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.item_id = item_id
        section, item = editor.project.document.find_item(item_id)
        self.item_type: ItemType = editor.project.spec.section_type(section.key).item_type(
            item.type
        )
        self.widgets: dict[str, FieldWidget] = {}
        self.problems: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for field in self.item_type.fields:
            references = self._references(field.refers_to) if field.type == REFERENCE else None
            placeholders = editor.project.spec.placeholders
            widget = make_field_widget(field, references, self, placeholders)
            widget.on_edit(partial(self._edited, field.name))
            if isinstance(widget.widget, QLineEdit | QPlainTextEdit):  # checked as typed
                attach(editor, widget.widget, item_id, field.name)
            self.widgets[field.name] = widget
            problem = QLabel("", self)
            problem.setObjectName("fieldProblem")
            problem.setStyleSheet(f"color: {problem_colour(self)};")
            problem.setWordWrap(True)
            problem.hide()
            self.problems[field.name] = problem
            label = "" if field.type == FLAG else field.label + (" *" if field.required else "")
            layout.addRow(label, widget.widget)
            layout.addRow("", problem)
        self.reload()
        editor.changed.connect(self._document_changed)

    def _references(self, item_type: str) -> list[tuple[str, str]]:
        document = self.editor.project.document
        spec = self.editor.project.spec
        found = []
        for section, item in document.items():
            if item.type == item_type and item.id != self.item_id:
                kind = spec.section_type(section.key).item_type(item.type)
                found.append((item.id, kind.describe(item.fields)))
        return found

    def reload(self) -> None:
        """Show the stored values (after undo, or an edit elsewhere)."""
        try:
            _, item = self.editor.project.document.find_item(self.item_id)
        except KeyError:
            self.setEnabled(False)  # the item was removed; the window will move on
            return
        for name, widget in self.widgets.items():
            if not self.problems[name].text():
                widget.show_value(item.fields.get(name))
        read_only = self.editor.read_only
        for widget in self.widgets.values():
            widget.widget.setEnabled(not read_only)

    def _document_changed(self, change: str, target: str) -> None:
        if target == self.item_id and change == "item-changed":
            self.reload()

    def _edited(self, name: str) -> None:
        value = self.widgets[name].value()
        try:
            self.editor.update_fields(self.item_id, {name: value})
        except FieldError as error:
            self._show_problem(name, str(error))
            return
        except ReformKitError as error:
            self._show_problem(name, str(error))
            return
        self._show_problem(name, "")

    def _show_problem(self, name: str, message: str) -> None:
        label = self.problems[name]
        label.setText(message)
        label.setVisible(bool(message))
        current = next((p.text() for p in self.problems.values() if p.text()), "")
        self.problem_changed.emit(current)
