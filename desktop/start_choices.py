"""The start screen's choices, in groups: start something new, see a finished example, or
open a document or the briefing.

A column per kind of document (up to three), so each kind's sample sits under its "New"
choice; fewer columns when the window is too narrow for them (large text on a small
screen), so no choice's words are cut off. The arrow keys move between the choices as they
are laid out; Enter and Space choose.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCommandLinkButton, QGridLayout, QLabel, QScrollArea, QWidget

#: key, label, description, what choosing it does
Choice = tuple[str, str, str, Callable[[], object]]
MOST_COLUMNS = 3
SPACING = 12


class ChoiceGrid(QWidget):
    """Groups of command-link choices under small headings, in as many columns as fit."""

    def __init__(
        self, groups: Sequence[tuple[str, Sequence[Choice]]], columns: int, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.most_columns = max(1, min(MOST_COLUMNS, columns))
        self.columns = 0
        self.buttons: dict[str, QCommandLinkButton] = {}
        self.keys = ChoiceKeys(self)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(SPACING)
        self.keys.grid = self.grid
        self.groups: list[tuple[QLabel, list[QCommandLinkButton]]] = []
        for title, choices in groups:
            if choices:
                self.groups.append(
                    (_group_heading(title, self), [self._button(c) for c in choices])
                )
        self.lay_out(self.most_columns)

    def _button(self, choice: Choice) -> QCommandLinkButton:
        key, text, description, action = choice
        button = QCommandLinkButton(text, description, self)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        # A size of its own (the app's), so View › Text size scales it too: a command link
        # otherwise draws its words at a fixed 9 points.
        font = button.font()
        font.setPointSizeF(font.pointSizeF())
        button.setFont(font)
        button.clicked.connect(lambda _checked=False: action())
        button.installEventFilter(self.keys)
        self.buttons[key] = button
        return button

    def lay_out(self, columns: int) -> None:
        """Place the headings and choices in ``columns`` columns (no change if already so)."""
        columns = max(1, min(self.most_columns, columns))
        if columns == self.columns:
            return
        for heading, buttons in self.groups:
            for widget in (heading, *buttons):
                self.grid.removeWidget(widget)
        for column in range(MOST_COLUMNS):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        row = 0
        for heading, buttons in self.groups:
            self.grid.addWidget(heading, row, 0, 1, columns)
            row += 1
            for index, button in enumerate(buttons):
                self.grid.addWidget(button, row + index // columns, index % columns)
            row += (len(buttons) + columns - 1) // columns
        self.columns = columns

    def columns_for(self, width: int) -> int:
        """How many columns fit in ``width``: each as wide as the widest choice's title."""
        widest = max((b.minimumSizeHint().width() for b in self.buttons.values()), default=1)
        for columns in range(self.most_columns, 1, -1):
            if columns * widest + (columns - 1) * SPACING <= width:
                return columns
        return 1


class ChoiceKeys(QObject):
    """Enter and Space choose the focused choice; the arrow keys move between choices."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.grid: QGridLayout | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QCommandLinkButton):
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            watched.click()
            return True
        if key in _MOVES and self.grid is not None:
            # Taken even at the edge: a button's own arrow handling jumps to any neighbour.
            self._move(watched, *_MOVES[Qt.Key(key)])
            return True
        return False

    def _move(self, button: QCommandLinkButton, rows: int, columns: int) -> bool:
        """Focus the next choice that way: left and right along the row; up and down to the
        nearest row of choices (past a group's heading), in this column or the row's last."""
        assert self.grid is not None
        index = self.grid.indexOf(button)
        if index < 0:
            return False
        position: tuple[int, int, int, int] = self.grid.getItemPosition(index)  # type: ignore[assignment]
        row, column = position[0], position[1]
        target: QCommandLinkButton | None = None
        if columns:
            target = self._choice_at(row, column + columns)
        while rows and target is None and 0 <= row + rows < self.grid.rowCount():
            row += rows
            in_row = [self._choice_at(row, c) for c in range(self.grid.columnCount())]
            found = [choice for choice in in_row if choice is not None]
            if found:
                target = self._choice_at(row, column) or found[-1]
        if target is None:
            return False
        target.setFocus(Qt.FocusReason.TabFocusReason)
        _scroll_to(target)
        return True

    def _choice_at(self, row: int, column: int) -> QCommandLinkButton | None:
        assert self.grid is not None
        entry = self.grid.itemAtPosition(row, column)
        widget = entry.widget() if entry is not None else None
        return widget if isinstance(widget, QCommandLinkButton) else None


_MOVES = {
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
}


def _scroll_to(widget: QWidget) -> None:
    """Bring ``widget`` into view in the scroll area holding it (Tab does so; arrows not)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if isinstance(parent, QScrollArea):
        parent.ensureWidgetVisible(widget)


def _group_heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 0)
    return label
