"""The mouse wheel scrolls the page unless a box has focus.

A text box, list box or number box inside a scrolling page would otherwise catch the wheel
as the pointer passes over it: the page stops and the box's value changes unseen. One event
filter on the application hands such wheel turns to the page instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

_BOXES = (QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox)
_NAME = "reformkitWheelGuard"


def box_for(widget: QObject) -> QWidget | None:
    """The box a wheel turn on ``widget`` would reach (a text box's viewport is its box)."""
    for candidate in (widget, widget.parent()):
        if isinstance(candidate, _BOXES):
            return candidate
    return None


def page_of(box: QWidget) -> QScrollArea | None:
    """The scrolling page around ``box``, if there is one."""
    parent = box.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel:
            return False
        box = box_for(watched)
        if box is None or box.hasFocus():
            return False
        page = page_of(box)
        if page is None:
            return False
        QApplication.sendEvent(page.verticalScrollBar(), event)
        return True


def install(app: QApplication) -> WheelGuard:
    """Install the guard once for the whole application."""
    found = app.findChild(WheelGuard, _NAME)
    if isinstance(found, WheelGuard):
        return found
    guard = WheelGuard(app)
    guard.setObjectName(_NAME)
    app.installEventFilter(guard)
    return guard
