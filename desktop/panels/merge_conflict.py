"""One conflict in the merge view: yours and theirs side by side, and the choice between them.

Each side shows its values with a word diff against the version that was sent. The choice is
Keep yours, Take theirs, or Combine: editable fields prefilled with yours (theirs when you had
removed it), checked by the kernel when the merge is carried out.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.panels.merge_html import QUIET, from_whom, value_html
from reformkit.document.fields import CHOICE, LONG_TEXT, TEXT_LIST, Field
from reformkit.document.merge import MergePlan
from reformkit.document.merge_values import (
    OURS,
    POSITION,
    THEIRS,
    Conflict,
    ConflictKind,
    Resolution,
)
from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec, DocumentSpecError

ERROR_COLOUR = "#a4262c"
COMBINED = "combined"
YOURS_HEADING = "Yours (in this plan)"
PLACE_CHOICES = (("Keep your place", OURS), ("Take their place", THEIRS))

# What each choice means, for each kind of conflict.
CHOICE_WORDS = {
    ConflictKind.REMOVED_HERE: ("Keep yours (leave it removed)", "Take theirs (bring it back)"),
    ConflictKind.REMOVED_THERE: ("Keep yours", "Take theirs (remove it)"),
}


def theirs_heading(partner: str) -> str:
    return f"Theirs (from {from_whom(partner)})"


def can_combine(conflict: Conflict) -> bool:
    """Combining needs something to write: an item's values, or a part's own fields."""
    keys = [v.key for v in conflict.values if v.key != POSITION]
    return bool(keys) and (conflict.can_combine or conflict.kind == ConflictKind.CHANGED)


class ConflictBox(QFrame):
    """A conflict, both sides, and the user's choice. ``choice()`` is ``None`` until made."""

    decided = Signal()

    def __init__(
        self,
        conflict: Conflict,
        plan: MergePlan,
        ours: Document,
        spec: DocumentSpec,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.conflict = conflict
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"Conflict: {conflict.description}")
        self.setObjectName("conflict")

        title = QLabel(f"<b>⚠ Conflict: {escape(conflict.label)}</b>")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        what = QLabel(_kind_words(conflict, plan.partner))
        what.setWordWrap(True)

        sides = QGridLayout()
        sides.setHorizontalSpacing(16)
        sides.setColumnStretch(0, 1)
        sides.setColumnStretch(1, 1)
        self.yours_label = _heading(YOURS_HEADING)
        self.theirs_label = _heading(theirs_heading(plan.partner))
        sides.addWidget(self.yours_label, 0, 0)
        sides.addWidget(self.theirs_label, 0, 1)
        self.yours_text = _rich(self._side_html("ours"))
        self.yours_text.setAccessibleName(YOURS_HEADING)
        self.theirs_text = _rich(self._side_html("theirs"))
        self.theirs_text.setAccessibleName(theirs_heading(plan.partner))
        sides.addWidget(self.yours_text, 1, 0)
        sides.addWidget(self.theirs_text, 1, 1)

        keep_words, take_words = CHOICE_WORDS.get(conflict.kind, ("Keep yours", "Take theirs"))
        self.keep_button = QRadioButton(keep_words)
        self.take_button = QRadioButton(take_words)
        self.combine_button = QRadioButton("Combine…")
        self.combine_button.setToolTip("Write the version to keep, starting from yours")
        self.group = QButtonGroup(self)
        choices = QHBoxLayout()
        choices.addWidget(QLabel("Your choice:"))
        for button in (self.keep_button, self.take_button, self.combine_button):
            self.group.addButton(button)
            choices.addWidget(button)
        choices.addStretch(1)
        self.combine_button.setVisible(can_combine(conflict))
        self.group.buttonToggled.connect(self._toggled)

        self.editors: dict[str, QWidget] = {}
        self.combine_box = QWidget()
        self.combine_box.setAccessibleName("Combined version")
        form = QFormLayout(self.combine_box)
        form.setContentsMargins(24, 0, 0, 0)
        if can_combine(conflict):
            self._build_editors(form, plan, ours, spec)
        self.combine_box.hide()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error_label.setAccessibleName("Problem with the combined version")
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(what)
        layout.addLayout(sides)
        layout.addLayout(choices)
        layout.addWidget(self.combine_box)
        layout.addWidget(self.error_label)

    # Public.
    def choice(self) -> Resolution | None:
        if self.keep_button.isChecked():
            return OURS
        if self.take_button.isChecked():
            return THEIRS
        if self.combine_button.isChecked():
            return self.combined()
        return None

    def choose(self, choice: str) -> None:
        """Choose ``ours``, ``theirs`` or ``combined`` (as a click would)."""
        button = {OURS: self.keep_button, THEIRS: self.take_button, COMBINED: self.combine_button}
        button[choice].setChecked(True)

    def combined(self) -> dict[str, Any]:
        """The values written in the Combine fields, in the form the kernel takes."""
        values: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QCheckBox):
                values[key] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                data = editor.currentData()
                values[key] = editor.currentText() if data is None else data
            elif isinstance(editor, QPlainTextEdit):
                values[key] = editor.toPlainText()
            elif isinstance(editor, QLineEdit):
                text = editor.text()
                values[key] = (
                    [t for t in re.split(r"[\s,;]+", text) if t] if key == "tags" else text
                )
        return values

    def set_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    # Inside.
    def _side_html(self, side: str) -> str:
        conflict = self.conflict
        values = conflict.ours if side == "ours" else conflict.theirs
        if values is None:
            gone = "You removed it" if side == "ours" else "They removed it"
            return f'<span style="{QUIET}">{gone}.</span>'
        if not conflict.values:
            return escape(conflict.label)
        return "<br>".join(value_html(value, side) for value in conflict.values)

    def _build_editors(
        self, form: QFormLayout, plan: MergePlan, ours: Document, spec: DocumentSpec
    ) -> None:
        conflict = self.conflict
        start = conflict.ours if conflict.ours is not None else conflict.theirs or {}
        for value in conflict.values:
            key = value.key
            current = start.get(key)
            field = _field(conflict, key, ours, plan.theirs, spec)
            editor: QWidget
            if key == POSITION:
                combo = QComboBox()
                for words, data in PLACE_CHOICES:
                    combo.addItem(words, data)
                editor = combo
            elif key == "needs_review":
                check = QCheckBox("Needs review")
                check.setChecked(bool(current))
                editor = check
            elif field is not None and field.type == CHOICE:
                combo = QComboBox()
                combo.addItem("", "")
                for option in field.choices:
                    combo.addItem(option, option)
                combo.setCurrentIndex(max(0, combo.findData(str(current or ""))))
                editor = combo
            elif key == "intro" or (field is not None and field.type in (LONG_TEXT, TEXT_LIST)):
                box = QPlainTextEdit(_as_text(current, "\n"))
                box.setTabChangesFocus(True)
                box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 12)
                editor = box
            else:
                editor = QLineEdit(_as_text(current, ", "))
            editor.setAccessibleName(f"Combined {value.label}")
            editor.setObjectName(f"combine-{key}")
            self.editors[key] = editor
            form.addRow(f"{value.label}:", editor)

    def _toggled(self, _button: object, checked: bool) -> None:
        if not checked:
            return
        self.combine_box.setVisible(self.combine_button.isChecked())
        if not self.combine_button.isChecked():
            self.set_error("")
        self.decided.emit()


def _field(
    conflict: Conflict, key: str, ours: Document, theirs: Document | None, spec: DocumentSpec
) -> Field | None:
    """The item's field ``key``, looked up in the document here or in the package."""
    if conflict.what != "item":
        return None
    for document in (ours, theirs):
        if document is None:
            continue
        for section, item in document.items():
            if item.id == conflict.id:
                try:
                    return spec.section_type(section.key).item_type(item.type).field(key)
                except (DocumentSpecError, KeyError):
                    return None
    return None


def _as_text(value: Any, joiner: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return joiner.join(str(v) for v in value)
    return str(value)


def _kind_words(conflict: Conflict, partner: str) -> str:
    who = from_whom(partner)
    return {
        ConflictKind.CHANGED: f"You and {who} both changed this, differently.",
        ConflictKind.MOVED: f"You and {who} both moved this, to different places.",
        ConflictKind.REMOVED_HERE: f"You removed this, but {who} changed it.",
        ConflictKind.REMOVED_THERE: f"You changed this, but {who} removed it.",
    }.get(conflict.kind, conflict.description)


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{escape(text)}</b>")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    return label


def _rich(html: str) -> QLabel:
    label = QLabel(html)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
