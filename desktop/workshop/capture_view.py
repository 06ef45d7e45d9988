"""Capture: type what people say as fast as they say it, one line each, Enter to add.

"Staff: we need more time" files the point under Staff; a line with no group takes the
group chosen beside the box. F2 edits the chosen point, Delete removes it, and the window's
Undo takes either back.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.workshop.common import (
    NO_GROUP,
    Host,
    fill_list,
    heading,
    long_list,
    selected_ids,
    short,
    wrapped,
)
from workshop import operations
from workshop.parts import GROUPS
from workshop.record import Contribution

PLACEHOLDER = "Type what someone said, then press Enter. Start with “Staff:” to say who said it."


def contribution_line(contribution: Contribution) -> str:
    """How a contribution reads in a list: its words, then who said it and what became of it."""
    notes = []
    if contribution.group:
        notes.append(contribution.group)
    if contribution.hidden:
        notes.append("hidden")
    if contribution.promoted_to:
        notes.append("used in the document")
    return contribution.text + (f"   ({', '.join(notes)})" if notes else "")


class CaptureView(QWidget):
    """The capture box, the default group, and what has been said so far."""

    promote_requested = Signal(str)  # a contribution's id

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setAccessibleName("Capture")
        layout = QVBoxLayout(self)
        self.prompt = heading("", self)
        layout.addWidget(self.prompt)
        row = QHBoxLayout()
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(PLACEHOLDER)
        self.line.setAccessibleName("What someone said")
        self.line.setAccessibleDescription(PLACEHOLDER)
        self.line.setClearButtonEnabled(True)
        self.line.returnPressed.connect(self.add_line)
        label = QLabel("&Say:", self)
        label.setBuddy(self.line)
        row.addWidget(label)
        row.addWidget(self.line, 1)
        group_label = QLabel("&Group when none is typed:", self)
        self.group = QComboBox(self)
        self.group.addItems([NO_GROUP, *GROUPS])
        self.group.setAccessibleName("Group when none is typed")
        group_label.setBuddy(self.group)
        row.addWidget(group_label)
        row.addWidget(self.group)
        layout.addLayout(row)
        self.count = wrapped("", self)
        layout.addWidget(self.count)
        self.list = QListWidget(self)
        self.list.setAccessibleName("What people said")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        long_list(self.list)
        layout.addWidget(self.list, 1)
        layout.addWidget(
            wrapped(
                "F2 changes the chosen point, Delete removes it, Ctrl+Z takes a change back.",
                self,
            )
        )
        self._activity_id = ""

    def default_group(self) -> str:
        chosen = self.group.currentText()
        return "" if chosen == NO_GROUP else chosen

    def refresh(self) -> None:
        activity = self.host.current_activity()
        record = self.host.record
        self._activity_id = activity.id if activity else ""
        self.line.setEnabled(activity is not None and not self.host.project.read_only)
        if activity is None:
            self.prompt.setText("Add an activity on the left to start capturing.")
            self.count.setText("")
            self.list.clear()
            return
        self.prompt.setText(activity.prompt or activity.title)
        said = record.contributions_for(activity.id, include_hidden=True)
        fill_list(self.list, [(c.id, contribution_line(c)) for c in said])
        shown = sum(1 for c in said if not c.hidden)
        self.count.setText(f"{shown} point{'s' if shown != 1 else ''} so far.")

    def add_line(self) -> None:
        text = self.line.text().strip()
        if not text or not self._activity_id:
            return
        activity_id, group = self._activity_id, self.default_group()
        added = self.host.run(
            f"Add “{short(text, 30)}”",
            lambda: operations.capture(self.host.project, activity_id, text, group),
        )
        if added is not None:
            self.line.clear()
            self.list.scrollToBottom()

    def selected(self) -> list[str]:
        return selected_ids(self.list)

    def edit_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        item_id = chosen[0]
        current = next((c for c in self.host.record.contributions if c.id == item_id), None)
        if current is None:
            return
        words = self.host.prompts.text(self, "Change the words", "What was said:", current.text)
        if words is None or words == current.text:
            return
        self.host.run(
            "Change a point",
            lambda: operations.edit_contribution(self.host.project, item_id, text=words),
        )

    def delete_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        row = self.list.currentRow()
        stack = self.host.editor.undo_stack
        stack.beginMacro(f"Remove {len(chosen)} point(s)")  # one Undo brings all back
        try:
            for item_id in chosen:
                self.host.editor.remove_item(item_id)
        finally:
            stack.endMacro()
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.host.say(f"Removed {len(chosen)} point{'s' if len(chosen) != 1 else ''}.")
