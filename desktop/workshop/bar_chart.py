"""A bar chart of vote results, drawn in the palette's colours so it follows high contrast
and reads on a projector. A screen reader hears the results as words."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft


def results_words(results: list[tuple[str, int]]) -> str:
    """The results as a sentence: "Safer streets: 12 dots. Youth club: 9 dots."."""
    if not results:
        return "No votes yet."
    return " ".join(f"{option}: {dots} dot{'s' if dots != 1 else ''}." for option, dots in results)


class BarChart(QWidget):
    """One horizontal bar per option, longest first, with the option's words and its dots."""

    def __init__(self, name: str = "Results", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: list[tuple[str, int]] = []
        self.colours: tuple[QColor, QColor] | None = None  # text and bars; None: the palette
        self.setAccessibleName(name)
        self.setAccessibleDescription(results_words([]))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_colours(self, text: QColor, bars: QColor) -> None:
        """Fixed colours (present mode's white and yellow on black)."""
        self.colours = (text, bars)
        self.update()

    def set_results(self, results: list[tuple[str, int]]) -> None:
        self.results = list(results)
        self.setAccessibleDescription(results_words(self.results))
        self.setToolTip(results_words(self.results))
        self.update()

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(400, int(line * 2 * max(3, len(self.results))))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        bar = palette.color(QPalette.ColorRole.Highlight)
        if self.colours is not None:
            text, bar = self.colours
        metrics = QFontMetricsF(self.font())
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        if not self.results:
            painter.setPen(text)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "No votes yet.")
            return
        most = max(dots for _, dots in self.results) or 1
        label_width = min(
            area.width() * 0.4, max(metrics.horizontalAdvance(o) for o, _ in self.results) + 16
        )
        number_width = metrics.horizontalAdvance("0000") + 8
        step = min(area.height() / len(self.results), metrics.height() * 3)
        height = min(step * 0.7, metrics.height() * 2.2)
        for index, (option, dots) in enumerate(self.results):
            top = area.top() + index * step + (step - height) / 2
            label = QRectF(area.left(), top, label_width - 8, height)
            painter.setPen(text)
            shown = metrics.elidedText(option, Qt.TextElideMode.ElideRight, label.width())
            painter.drawText(
                label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, shown
            )
            room = area.width() - label_width - number_width
            length = room * dots / most
            painter.fillRect(QRectF(area.left() + label_width, top, length, height), bar)
            number = QRectF(area.left() + label_width + length + 6, top, number_width, height)
            painter.drawText(
                number, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, str(dots)
            )
