"""The Table 1 canvas: the briefing's six "from … to" rows, and where people say their
service is today on each, from 1 (all "from") to 5 (all "to"), and why.

The grid shows how many people stand at each place. Choose a place with the arrow keys
(or the row and position boxes), say why, and press Enter to place someone there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.workshop.common import (
    NO_GROUP,
    Host,
    fill_list,
    heading,
    long_list,
    short,
    wrapped,
)
from workshop import operations
from workshop.canvas import TABLE_ONE, CanvasRow
from workshop.parts import CANVAS_POSITIONS, GROUPS

FROM_COLUMN, TO_COLUMN = 0, CANVAS_POSITIONS + 1


def position_words(position: int) -> str:
    """A position in plain words: 1 is all "from", 5 is all "to"."""
    if position == 1:
        return "1: all the “from” side"
    if position == CANVAS_POSITIONS:
        return f"{CANVAS_POSITIONS}: all the “to” side"
    if position == (CANVAS_POSITIONS + 1) // 2:
        return f"{position}: halfway"
    return f"{position}: {'nearer “from”' if position < 3 else 'nearer “to”'}"


def row_words(row: CanvasRow) -> str:
    return f"{row.number}. {row.theme} {row.from_words} → {row.to_words}"


def source_words() -> str:
    pages = sorted({row.page for row in TABLE_ONE})
    page = ", ".join(f"p.{p}" for p in pages)
    return f"Six principles of liberated public services (The Reform Dividend, {page})"


class CanvasView(QWidget):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setAccessibleName("Where we are today")
        layout = QVBoxLayout(self)
        self.prompt = heading("", self)
        layout.addWidget(self.prompt)
        self.source = wrapped(source_words(), self)
        layout.addWidget(self.source)
        self.grid = QTableWidget(len(TABLE_ONE), CANVAS_POSITIONS + 2, self)
        self.grid.setAccessibleName("Table 1: how many people stand at each place")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.setHorizontalHeaderLabels(
            ["From", *[str(n) for n in range(1, CANVAS_POSITIONS + 1)], "To"]
        )
        self.grid.setVerticalHeaderLabels([f"{r.number}. {r.theme}" for r in TABLE_ONE])
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (FROM_COLUMN, TO_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for index, row in enumerate(TABLE_ONE):
            for column, words in ((FROM_COLUMN, row.from_words), (TO_COLUMN, row.to_words)):
                cell = QTableWidgetItem(words)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.grid.setItem(index, column, cell)
            for position in range(1, CANVAS_POSITIONS + 1):
                cell = QTableWidgetItem("")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                bold = cell.font()
                bold.setBold(True)
                cell.setFont(bold)
                self.grid.setItem(index, position, cell)
        self.grid.setCurrentCell(0, 1)  # the first place on the first row, not its words
        self.grid.currentCellChanged.connect(self._cell_chosen)
        self.grid.cellActivated.connect(lambda _r, _c: self.focus_why())
        layout.addWidget(self.grid, 3)
        form = QFormLayout()
        self.row = QComboBox(self)
        self.row.addItems([row_words(r) for r in TABLE_ONE])
        self.position = QComboBox(self)
        self.position.addItems([position_words(n) for n in range(1, CANVAS_POSITIONS + 1)])
        self.why = QLineEdit(self)
        self.why.setPlaceholderText("Why there? Press Enter to place.")
        self.why.returnPressed.connect(self.place)
        self.group = QComboBox(self)
        self.group.addItems([NO_GROUP, *GROUPS])
        for label, widget in (
            ("&Row:", self.row),
            ("&Position:", self.position),
            ("&Why:", self.why),
            ("Gro&up:", self.group),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        self.row.currentIndexChanged.connect(lambda _i: self._form_chosen())
        self.position.currentIndexChanged.connect(lambda _i: self._form_chosen())
        buttons = QHBoxLayout()
        self.place_button = QPushButton("P&lace someone here", self)
        self.place_button.clicked.connect(self.place)
        buttons.addWidget(self.place_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout.addLayout(form)
        self.placed = QListWidget(self)
        self.placed.setAccessibleName("Why people stand where they do")
        self.placed.setWordWrap(True)
        long_list(self.placed)
        layout.addWidget(self.placed, 2)

    def focus_why(self) -> None:
        self.why.setFocus()

    def _cell_chosen(self, row: int, column: int, _old_row: int, _old_column: int) -> None:
        if row < 0:
            return
        self.row.setCurrentIndex(row)
        if 1 <= column <= CANVAS_POSITIONS:
            self.position.setCurrentIndex(column - 1)

    def _form_chosen(self) -> None:
        row, column = self.row.currentIndex(), self.position.currentIndex() + 1
        if (self.grid.currentRow(), self.grid.currentColumn()) != (row, column):
            self.grid.setCurrentCell(row, column)

    def refresh(self) -> None:
        activity = self.host.current_activity()
        record = self.host.record
        enabled = activity is not None and not self.host.project.read_only
        for widget in (self.why, self.place_button):
            widget.setEnabled(enabled)
        if activity is None:
            self.prompt.setText("Add a “Where we are today” activity on the left to start.")
            counts: dict[int, list[int]] = {}
            placements = []
        else:
            self.prompt.setText(activity.prompt or activity.title)
            counts = record.canvas_counts(activity.id)
            placements = [p for p in record.placements if p.activity_id == activity.id]
        for index, row in enumerate(TABLE_ONE):
            numbers = counts.get(row.number, [0] * CANVAS_POSITIONS)
            for position in range(1, CANVAS_POSITIONS + 1):
                count = numbers[position - 1] if position - 1 < len(numbers) else 0
                cell = self.grid.item(index, position)
                if cell is None:
                    continue
                cell.setText(str(count) if count else "")
                cell.setToolTip(
                    f"{row.theme} {position_words(position)}: "
                    f"{count} {'person' if count == 1 else 'people'}"
                )
        rows = {r.number: r for r in TABLE_ONE}
        fill_list(
            self.placed,
            [
                (
                    p.id,
                    f"{rows[p.row].theme if p.row in rows else p.row} at {p.position} of "
                    f"{CANVAS_POSITIONS}"
                    + (f" ({p.group})" if p.group else "")
                    + (f": {p.why}" if p.why else ""),
                )
                for p in placements
            ],
        )

    def place(self) -> None:
        activity = self.host.current_activity()
        if activity is None:
            return
        row = TABLE_ONE[self.row.currentIndex()].number
        position = self.position.currentIndex() + 1
        why = self.why.text().strip()
        group = "" if self.group.currentText() == NO_GROUP else self.group.currentText()
        placed = self.host.run(
            f"Place at {position} on “{short(TABLE_ONE[row - 1].theme, 30)}”",
            lambda: operations.place(self.host.project, activity.id, row, position, why, group),
        )
        if placed is not None:
            self.why.clear()
