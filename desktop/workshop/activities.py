"""The session's activities, in order, and a short form to add one: a title, how the room
answers (ideas, where we are today, or a dot vote), the question, and the dots per person."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.workshop.common import ID_ROLE, Host, fill_list, heading, short
from workshop import operations
from workshop.parts import DEFAULT_DOTS, Method
from workshop.record import Activity

METHOD_WORDS = {
    Method.IDEAS: "Ideas: people say what they think",
    Method.CANVAS: "Where we are today: the six “from … to” rows",
    Method.VOTE: "Dot vote: people share out their dots",
}


def activity_line(activity: Activity, number: int) -> str:
    how = activity.method.value
    return f"{number}. {activity.title}" + ("" if activity.title == how else f" ({how})")


class ActivitiesPanel(QWidget):
    chosen = Signal(str)  # the activity's id

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setAccessibleName("Activities")
        layout = QVBoxLayout(self)
        list_label = QLabel("A&ctivities:", self)
        font = list_label.font()
        font.setBold(True)
        list_label.setFont(font)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Activities")
        self.list.setWordWrap(True)
        list_label.setBuddy(self.list)
        self.list.currentItemChanged.connect(
            lambda current, _old: (
                self.chosen.emit(str(current.data(ID_ROLE))) if current is not None else None
            )
        )
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(heading("Add an activity", self, 1.05))
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.method = QComboBox(self)
        for method in Method:
            self.method.addItem(METHOD_WORDS[method], method.value)
        self.prompt = QLineEdit(self)
        self.prompt.setPlaceholderText("The question you ask the room")
        self.prompt.returnPressed.connect(self.add)
        self.dots = QSpinBox(self)
        self.dots.setRange(1, 20)
        self.dots.setValue(DEFAULT_DOTS)
        for label, widget in (
            ("&Title:", self.title),
            ("&How:", self.method),
            ("&Question:", self.prompt),
            ("D&ots each:", self.dots),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        layout.addLayout(form)
        self.add_button = QPushButton("Add the acti&vity", self)
        self.add_button.clicked.connect(self.add)
        layout.addWidget(self.add_button)

    def refresh(self) -> None:
        activities = self.host.record.activities
        fill_list(self.list, [(a.id, activity_line(a, n)) for n, a in enumerate(activities, 1)])
        enabled = not self.host.project.read_only
        for widget in (self.title, self.method, self.prompt, self.dots, self.add_button):
            widget.setEnabled(enabled)

    def current_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else ""

    def choose(self, activity_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == activity_id:
                self.list.setCurrentRow(row)
                return

    def add(self) -> None:
        prompt = self.prompt.text().strip()
        title = self.title.text().strip() or short(prompt, 40)
        method = Method(str(self.method.currentData()))
        dots = self.dots.value()
        made = self.host.run(
            f"Add the activity “{short(title, 30)}”",
            lambda: operations.add_activity(self.host.project, title, method, prompt, dots),
        )
        if made is not None:
            self.title.clear()
            self.prompt.clear()
            self.host.say(f"Added “{title}”.")
            self.choose(made.id)  # the list shows it already: the window refreshed
