"""One input widget per field type, all with the same small interface: value, set, signal.

Text is shown and read as typed; dates and money are shown the way people write them and
checked by the kernel when the form commits them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

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
from reformkit.layout.formatting import long_date

NONE_CHOSEN = "(none)"


class FieldWidget:
    """Adapts a Qt widget to one field: ``value()``, ``show_value()``, ``on_edit(callback)``.

    A value that is only the builder's words to be replaced (``placeholders``, or "New
    member") is shown as a greyed hint in an empty box, so what is typed replaces it."""

    def __init__(self, field: Field, widget: QWidget, placeholders: tuple[str, ...] = ()):
        self.field = field
        self.widget = widget
        self.placeholders = placeholders
        self._hint = widget.placeholderText() if isinstance(widget, QLineEdit) else ""
        widget.setAccessibleName(field.label)
        if field.help:
            widget.setToolTip(field.help)
            widget.setAccessibleDescription(field.help)

    def value(self) -> Any:
        widget = self.widget
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox) and widget.isEditable():
            return widget.currentText().strip()  # a choice, or the person's own words
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return "" if data is None else data
        if isinstance(widget, QPlainTextEdit):
            text = widget.toPlainText()
            return (
                [line for line in text.splitlines() if line.strip()]
                if (self.field.type == TEXT_LIST)
                else text
            )
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def show_value(self, value: Any) -> None:
        """Show a stored value without reporting it as an edit."""
        widget = self.widget
        if self._show_hint(value):
            value = ""
        blocked = widget.blockSignals(True)
        try:
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox) and widget.isEditable():
                text = str(value or "")
                widget.setCurrentIndex(widget.findText(text))  # -1 for the person's own words
                widget.setEditText(text)
            elif isinstance(widget, QComboBox):
                index = widget.findData(value if value not in (None, "") else None)
                widget.setCurrentIndex(max(index, 0))
            elif isinstance(widget, QPlainTextEdit):
                text = "\n".join(value) if isinstance(value, list) else str(value or "")
                if widget.toPlainText() != text:
                    widget.setPlainText(text)
            else:
                assert isinstance(widget, QLineEdit)
                text = _as_typed(self.field, value)
                if widget.text() != text and not _same_value(self.field, widget.text(), value):
                    widget.setText(text)
        finally:
            widget.blockSignals(blocked)

    def _show_hint(self, value: Any) -> bool:
        """Show the builder's words as the box's hint; whether ``value`` was such words."""
        widget = self.widget
        box = widget.lineEdit() if isinstance(widget, QComboBox) else widget
        if not isinstance(box, QLineEdit | QPlainTextEdit):
            return False
        replaced = is_placeholder(value, self.placeholders)
        if replaced:
            box.setPlaceholderText(self.field.help or str(value))
        elif isinstance(box, QLineEdit):
            box.setPlaceholderText(self._hint)
        return replaced

    def on_edit(self, callback: Callable[[], None]) -> None:
        widget = self.widget
        if isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _checked: callback())
        elif isinstance(widget, QComboBox) and widget.isEditable():
            widget.currentTextChanged.connect(lambda _text: callback())
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _index: callback())
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(callback)
        else:
            assert isinstance(widget, QLineEdit)
            widget.textEdited.connect(lambda _text: callback())


def make_field_widget(
    field: Field,
    references: list[tuple[str, str]] | None = None,
    parent: QWidget | None = None,
    placeholders: tuple[str, ...] = (),
) -> FieldWidget:
    """The right widget for ``field``. ``references`` lists (id, name) for a reference;
    ``placeholders`` are the kind's words to be replaced (shown as hints, not text)."""
    widget: QWidget
    if field.type in (LONG_TEXT, TEXT_LIST):
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(90 if field.type == LONG_TEXT else 70)
        if field.type == TEXT_LIST:
            editor.setPlaceholderText("One a line")
        widget = editor
    elif field.type == FLAG:
        widget = QCheckBox(field.label, parent)
    elif field.type == CHOICE and field.free_text:
        combo = QComboBox(parent)  # the choices as suggestions, or the person's own words
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", None)
        for choice in field.choices:
            combo.addItem(choice, choice)
        widget = combo
    elif field.type in (CHOICE, REFERENCE):
        combo = QComboBox(parent)
        if not field.required or field.type == REFERENCE:
            combo.addItem(NONE_CHOSEN, None)
        if field.type == CHOICE:
            for choice in field.choices:
                combo.addItem(choice, choice)
        else:
            for identifier, name in references or []:
                combo.addItem(name, identifier)
        widget = combo
    else:
        line = QLineEdit(parent)
        line.setClearButtonEnabled(field.type != MONEY)
        if field.type == DATE:
            line.setPlaceholderText("For example 31/03/2027")
        elif field.type == MONEY:
            line.setPlaceholderText("Pounds, for example 125000")
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
        elif field.type == INTEGER:
            line.setPlaceholderText("A whole number")
        widget = line
    return FieldWidget(field, widget, placeholders)


def _as_typed(field: Field, value: Any) -> str:
    if value is None:
        return ""
    if field.type == DATE and value:
        return long_date(str(value))
    if field.type == MONEY and value:
        text = f"{float(value):,.2f}"
        return text[:-3] if text.endswith(".00") else text
    return str(value)


def _same_value(field: Field, typed: str, stored: Any) -> bool:
    """Whether what is typed already means the stored value (so the cursor is left alone)."""
    try:
        return bool(field.clean(typed) == stored)
    except ValueError:
        return False
