"""Present mode, for the projector: full screen, large white and yellow type on black.

It shows the current question, what people say as it arrives, a timer everyone can see,
and the results (a bar chart of the votes, or the canvas counts). Plain words only. Keys:
Space starts or pauses the timer, R resets it, Up and Down set its minutes, Esc leaves.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.palette import high_contrast_palette
from desktop.text_size import text_size
from desktop.workshop.bar_chart import BarChart
from desktop.workshop.common import Host
from workshop.canvas import TABLE_ONE
from workshop.parts import CANVAS_POSITIONS, Method

SHOWN_POINTS = 8  # the latest points, large enough to read from the back
DEFAULT_MINUTES = 5


def clock(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


SHARE = "reformkitScreenShare"  # a label's type size, as a share of the screen's height


def _big(parent: QWidget, scale: float, bold: bool = False, colour: str = "#ffffff") -> QLabel:
    """A label whose type grows with the screen: ``scale`` 1.0 is a 54th of its height."""
    label = QLabel(parent)
    font = label.font()
    font.setBold(bold)
    label.setFont(font)
    label.setProperty(SHARE, scale / 54)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {colour}; background: transparent;")
    return label


# The controls on the projector: the large type's size, and white on black with a yellow
# edge (thicker with the focus), so they read and can be found from the back of the hall. A
# button's focus shows as that edge alone: the app's inner focus frame would cross its words.
CONTROLS_STYLE = """
QPushButton, QSpinBox {
  color: #ffffff; background: #000000; border: 2px solid #ffff00; border-radius: 6px;
  padding: 0.15em 0.5em; selection-background-color: #ffff00; selection-color: #000000; }
QPushButton:focus, QSpinBox:focus { border: 5px solid #ffff00; }
QPushButton { selection-background-color: transparent; }
QPushButton:pressed { background: #333300; }
QSpinBox::up-button, QSpinBox::down-button { width: 0px; border: none; }
"""
CONTROL_SCALE = 1.6  # as large as the session's title
# The minutes box's own tiny arrows give way to − and + buttons as large as the rest (its
# arrows are made no wide rather than removed: with no buttons, a styled spin box draws its
# text one pixel wide).


class CountdownTimer(QWidget):
    """A count-down the room can see, set in whole minutes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timer")
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 120)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Timer minutes")
        self.minutes.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.minutes.valueChanged.connect(lambda _v: self.reset())
        self.display = _big(self, 4.5, True, "#ffff00")
        self.display.setAccessibleName("Time left")
        self.less_button = QPushButton("−", self)
        self.less_button.setAccessibleName("One minute less")
        self.less_button.clicked.connect(lambda: self.change_minutes(-1))
        self.more_button = QPushButton("+", self)
        self.more_button.setAccessibleName("One minute more")
        self.more_button.clicked.connect(lambda: self.change_minutes(1))
        self.start_button = QPushButton("&Start", self)
        self.start_button.clicked.connect(self.start_or_pause)
        self.reset_button = QPushButton("R&eset", self)
        self.reset_button.clicked.connect(self.reset)
        row = QHBoxLayout(self)
        row.addWidget(self.display, 1)
        for widget in self.controls():
            widget.setProperty(SHARE, CONTROL_SCALE / 54)
            widget.setStyleSheet(CONTROLS_STYLE)
            row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self._tick)
        self.elapsed = QElapsedTimer()
        self.used_ms = 0  # counted before the last pause
        self.reset()

    def controls(self) -> tuple[QWidget, ...]:
        """What the facilitator uses, left to right."""
        return (
            self.less_button,
            self.minutes,
            self.more_button,
            self.start_button,
            self.reset_button,
        )

    @property
    def running(self) -> bool:
        return self.ticker.isActive()

    def left_seconds(self) -> int:
        used = self.used_ms + (self.elapsed.elapsed() if self.running else 0)
        return max(0, self.minutes.value() * 60 - used // 1000)

    def start_or_pause(self) -> None:
        if self.running:
            self.used_ms += self.elapsed.elapsed()
            self.ticker.stop()
            self.start_button.setText("&Start")
        else:
            self.elapsed.start()
            self.ticker.start()
            self.start_button.setText("&Pause")
        self._tick()

    def reset(self) -> None:
        self.ticker.stop()
        self.used_ms = 0
        self.start_button.setText("&Start")
        self._tick()

    def change_minutes(self, by: int) -> None:
        self.minutes.setValue(self.minutes.value() + by)

    def _tick(self) -> None:
        left = self.left_seconds()
        self.display.setText(clock(left) if left else "Time is up")
        if left == 0 and self.running:
            self.ticker.stop()
            self.start_button.setText("&Start")


class PresentWindow(QWidget):
    """The projector's view of the current activity."""

    left = Signal()

    def __init__(self, host: Host) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.host = host
        self.setWindowTitle("Present")
        self.setAccessibleName("Present mode")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAutoFillBackground(True)
        palette = high_contrast_palette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#ffff00"))
        self.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        top = QHBoxLayout()
        self.title = _big(self, 1.6, False, "#ffff00")
        top.addWidget(self.title, 1)
        self.join = _big(self, 1.6, True, "#ffff00")
        self.join.setAlignment(Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.join)
        layout.addLayout(top)
        self.prompt = _big(self, 3.2, True)
        layout.addWidget(self.prompt)
        self.body = QStackedWidget(self)
        self.points = _big(self, 2.2)
        self.points.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.chart = BarChart("Results", self)
        self.chart.setProperty(SHARE, 1.8 / 54)
        self.chart.set_colours(QColor("#ffffff"), QColor("#ffff00"))
        self.canvas = QWidget(self)
        self.canvas_grid = QGridLayout(self.canvas)
        self.canvas_cells: list[list[QLabel]] = []
        self._build_canvas()
        for page in (self.points, self.chart, self.canvas):
            self.body.addWidget(page)
        layout.addWidget(self.body, 1)
        self.timer = CountdownTimer(self)
        layout.addWidget(self.timer)
        self.hint = _big(self, 1.0, False, "#c0c0c0")
        self.hint.setText(
            "Space: start or pause the timer.  Up and Down: minutes.  R: reset.  Esc: leave."
        )
        layout.addWidget(self.hint)
        self._keys()
        # Start first: Space there starts the timer, where the minutes box would take it in.
        self.timer.start_button.setFocus()

    def _build_canvas(self) -> None:
        headings = ["", "From", *[str(n) for n in range(1, CANVAS_POSITIONS + 1)], "To"]
        for column, words in enumerate(headings):
            label = _big(self.canvas, 1.3, True, "#ffff00")
            label.setText(words)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.canvas_grid.addWidget(label, 0, column)
        for index, row in enumerate(TABLE_ONE, start=1):
            cells = []
            for column, words in enumerate((row.theme, row.from_words)):
                label = _big(self.canvas, 1.3, column == 0)
                label.setText(words)
                self.canvas_grid.addWidget(label, index, column)
            for position in range(1, CANVAS_POSITIONS + 1):
                label = _big(self.canvas, 1.8, True, "#ffff00")
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.canvas_grid.addWidget(label, index, position + 1)
                cells.append(label)
            label = _big(self.canvas, 1.3)
            label.setText(row.to_words)
            self.canvas_grid.addWidget(label, index, CANVAS_POSITIONS + 2)
            self.canvas_cells.append(cells)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Type in proportion to the screen (and the app's text size), so it reads from
        the back of a hall on any projector."""
        super().resizeEvent(event)
        factor = text_size().factor
        for widget in (self, *self.findChildren(QWidget)):
            share = widget.property(SHARE)
            if share is None:
                continue
            font = widget.font()
            font.setPixelSize(max(12, round(self.height() * float(share) * factor)))
            widget.setFont(font)
            if isinstance(widget, QSpinBox):  # its text box keeps its own font otherwise
                widget.lineEdit().setFont(font)

    def _keys(self) -> None:
        for keys, slot in (
            ("Esc", self.close),
            ("Space", self.timer.start_or_pause),
            ("R", self.timer.reset),
            ("Up", lambda: self.timer.change_minutes(1)),
            ("Down", lambda: self.timer.change_minutes(-1)),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(action)

    def refresh(self, join_code: str = "") -> None:
        record = self.host.record
        activity = self.host.current_activity()
        self.title.setText(record.title)
        self.join.setText(f"Join code: {join_code}" if join_code else "")
        if activity is None:
            self.prompt.setText("Welcome")
            self.points.setText("")
            self.body.setCurrentWidget(self.points)
            return
        self.prompt.setText(activity.prompt or activity.title)
        if activity.method == Method.VOTE:
            self.chart.set_results(record.tally(activity.id))
            self.body.setCurrentWidget(self.chart)
        elif activity.method == Method.CANVAS:
            counts = record.canvas_counts(activity.id)
            for index, row in enumerate(TABLE_ONE):
                numbers = counts.get(row.number, [0] * CANVAS_POSITIONS)
                for position, cell in enumerate(self.canvas_cells[index]):
                    count = numbers[position] if position < len(numbers) else 0
                    cell.setText(str(count) if count else "·")
            self.body.setCurrentWidget(self.canvas)
        else:
            said = record.contributions_for(activity.id, include_hidden=False)
            latest = said[-SHOWN_POINTS:]
            self.points.setText("\n".join(f"• {c.text}" for c in latest) or "Waiting for ideas…")
            self.body.setCurrentWidget(self.points)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.ticker.stop()
        self.left.emit()
        super().closeEvent(event)
