"""Grouping: contributions gathered into named themes, by drag or by keyboard.

Each theme is a list (shown as columns side by side, or one under another). Drag points
onto a theme, or choose them and press the theme's number (0 for "Not grouped yet"), or
use "Move to theme…". Ctrl+T makes a new theme from the chosen points.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.workshop.capture_view import contribution_line
from desktop.workshop.common import (
    Host,
    fill_list,
    heading,
    long_list,
    selected_ids,
    short,
    wrapped,
)
from workshop import operations
from workshop.record import Theme

MIME = "application/x-reformkit-contributions"
NOT_GROUPED = "Not grouped yet"


class ThemeList(QListWidget):
    """One theme's points. Dropping points here files them under the theme."""

    dropped = Signal(list, str)  # contribution ids, the theme's id ("" for none)
    number_pressed = Signal(int)  # a digit key: move the chosen points to that theme

    def __init__(self, theme_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme_id = theme_id
        self.setAccessibleName(name)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        self.setMinimumWidth(220)
        long_list(self)

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        ids = [str(item.data(Qt.ItemDataRole.UserRole)) for item in items]
        data.setData(MIME, "\n".join(ids).encode())
        return data

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        if not data.hasFormat(MIME):
            event.ignore()
            return
        ids = [i for i in bytes(data.data(MIME).data()).decode().splitlines() if i]
        event.setDropAction(Qt.DropAction.CopyAction)  # the view is redrawn, not moved into
        event.accept()
        if ids:
            self.dropped.emit(ids, self.theme_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.number_pressed.emit(int(text))
            return
        super().keyPressEvent(event)


class GroupingView(QWidget):
    promote_requested = Signal(str)  # a theme's id

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setAccessibleName("Group into themes")
        layout = QVBoxLayout(self)
        self.prompt = heading("", self)
        layout.addWidget(self.prompt)
        layout.addWidget(
            wrapped(
                "Drag points onto a theme, or choose them and press the theme's number "
                "(0 puts them back in “Not grouped yet”). Ctrl+T makes a new theme from the "
                "chosen points. To use a whole theme in the document, go to its list with no "
                "point chosen and press Ctrl+Shift+U.",
                self,
            )
        )
        buttons = QHBoxLayout()
        self.new_theme_button = QPushButton("New &theme from the chosen points", self)
        self.new_theme_button.clicked.connect(self.new_theme)
        self.move_button = QPushButton("&Move to theme…", self)
        self.move_button.clicked.connect(self.move_to_theme)
        self.shape_button = QPushButton("Show as &lists", self)
        self.shape_button.clicked.connect(self.toggle_shape)
        for button in (self.new_theme_button, self.move_button, self.shape_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.board = QWidget(self)
        self.board.setAccessibleName("Themes")
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.board)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.board)
        scroll.setAccessibleName("Themes")
        layout.addWidget(scroll, 1)
        self.lists: list[ThemeList] = []
        self.column_widgets: list[QWidget] = []

    def themes(self) -> list[Theme]:
        activity = self.host.current_activity()
        return list(self.host.record.themes_for(activity.id)) if activity else []

    def refresh(self) -> None:
        activity = self.host.current_activity()
        if activity is None:
            self.prompt.setText("Add an activity on the left, then capture what people say.")
        else:
            self.prompt.setText(activity.prompt or activity.title)
        themes = self.themes()
        said = (
            self.host.record.contributions_for(activity.id, include_hidden=False)
            if activity
            else []
        )
        wanted = [("", NOT_GROUPED)] + [(t.id, t.name) for t in themes]
        if [(lst.theme_id, lst.accessibleName()) for lst in self.lists] != [
            (theme_id, self._name(n, name)) for n, (theme_id, name) in enumerate(wanted)
        ]:
            self._rebuild(wanted)
        known = {t.id for t in themes}
        for view in self.lists:
            rows = [
                (c.id, contribution_line(c))
                for c in said
                if (c.theme_id if c.theme_id in known else "") == view.theme_id
            ]
            fill_list(view, rows)

    @staticmethod
    def _name(number: int, name: str) -> str:
        return f"{number}. {name}" if number < 10 else name

    def _rebuild(self, wanted: list[tuple[str, str]]) -> None:
        focused = next((v.theme_id for v in self.lists if v.hasFocus()), None)
        for column in self.column_widgets:
            column.setParent(None)
            column.deleteLater()
        self.lists, self.column_widgets = [], []
        for number, (theme_id, name) in enumerate(wanted):
            column = QWidget(self.board)
            stack = QVBoxLayout(column)
            stack.setContentsMargins(0, 0, 0, 0)
            title = heading(self._name(number, name), column, 1.1)
            view = ThemeList(theme_id, self._name(number, name), column)
            title.setBuddy(view)
            stack.addWidget(title)
            stack.addWidget(view, 1)
            view.dropped.connect(self.assign)
            view.number_pressed.connect(self.move_to_number)
            self.columns.addWidget(column, 1)
            self.lists.append(view)
            self.column_widgets.append(column)
        for view in self.lists:
            if view.theme_id == focused:
                view.setFocus()

    def chosen(self) -> list[str]:
        ids: list[str] = []
        for view in self.lists:
            ids += selected_ids(view)
        return ids

    def assign(self, ids: list[str], theme_id: str) -> None:
        theme_name = next((t.name for t in self.themes() if t.id == theme_id), NOT_GROUPED)
        self.host.run(
            f"Move {len(ids)} point(s) to “{short(theme_name, 30)}”",
            lambda: operations.assign_theme(self.host.project, ids, theme_id or None),
        )

    def move_to_number(self, number: int) -> None:
        ids = self.chosen()
        if not ids:
            return
        if number >= len(self.lists):
            self.host.say(f"There is no theme {number}. Press Ctrl+T to make one.")
            return
        self.assign(ids, self.lists[number].theme_id)

    def move_to_theme(self) -> None:
        ids = self.chosen()
        if not ids:
            self.host.say("Choose one or more points first.")
            return
        names = [self._name(n, name) for n, name in enumerate(self._names())]
        choice = self.host.prompts.choose(
            self, "Move to theme", "Which theme do these points belong to?", names
        )
        if choice is not None:
            self.assign(ids, self.lists[names.index(choice)].theme_id)

    def _names(self) -> list[str]:
        return [NOT_GROUPED] + [t.name for t in self.themes()]

    def new_theme(self) -> None:
        activity = self.host.current_activity()
        if activity is None:
            return
        ids = self.chosen()
        name = self.host.prompts.text(self, "New theme", "What is the theme called?", "")
        if not name:
            return
        project = self.host.project

        def make() -> None:
            theme = operations.add_theme(project, activity.id, name)
            if ids:
                operations.assign_theme(project, ids, theme.id)

        self.host.run(f"New theme “{short(name, 30)}”", make)

    def toggle_shape(self) -> None:
        across = self.columns.direction() == QBoxLayout.Direction.LeftToRight
        self.columns.setDirection(
            QBoxLayout.Direction.TopToBottom if across else QBoxLayout.Direction.LeftToRight
        )
        self.shape_button.setText("Show as &columns" if across else "Show as &lists")

    def theme_of(self, view: QWidget | None) -> str:
        """The theme whose list ``view`` is ("" for none, or for "Not grouped yet")."""
        return view.theme_id if isinstance(view, ThemeList) and view in self.lists else ""
