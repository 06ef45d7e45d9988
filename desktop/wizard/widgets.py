"""Small building blocks shared by the wizard's pages: headings, cards, wrapped text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


def heading(text: str, parent: QWidget | None = None, scale: float = 1.0) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    if scale != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def wrapped(text: str, parent: QWidget | None = None, italic: bool = False) -> QLabel:
    """A label for user or briefing text: wrapped, plain (never read as HTML), selectable."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if italic:
        font = QFont(label.font())
        font.setItalic(True)
        label.setFont(font)
    return label


class Card(QFrame):
    """A boxed group on the page's base colour, so it reads as one thing in any palette."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.box = QVBoxLayout(self)
        spacing = self.fontMetrics().height() // 2
        self.box.setContentsMargins(spacing, spacing, spacing, spacing)


def scrolling(content: QWidget, name: str, parent: QWidget | None = None) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    area.setAccessibleName(name)
    return area
