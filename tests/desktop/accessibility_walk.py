"""Walking a window as a screen reader and the Tab key do: every control that takes focus or
input must have a name to be read out, and the keyboard must be able to get to it.

A control is reached by Tab if the window's focus chain stops at it (as Tab would: visible,
enabled, taking Tab focus); by a mnemonic (Alt+letter on a button, or on a label whose buddy
it is); or because it lives inside a control that is reached (a table's open cell, a combo
box's line edit).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QTabBar,
)


def controls(window: QWidget) -> list[QWidget]:
    """The window's visible, enabled controls that take focus or input, Qt's own inner
    parts left out (a combo box's line edit, a dock's title buttons)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not _control(widget) or widget.window() is not window:
            continue
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if _inner_part(widget):
            continue
        found.append(widget)
    return found


def accessible_name(widget: QWidget) -> str:
    """What a screen reader reads as the widget's name: its own, its label's (a QLabel whose
    buddy it is), or what Qt derives (a button's text). Not a combo box's chosen value,
    which Qt on Linux gives as the name of a combo box that has none."""
    own = widget.accessibleName().strip()
    interface = QAccessible.queryAccessibleInterface(widget)
    if own or interface is None:
        return own
    for other, relation in interface.relations():
        if relation & QAccessible.RelationFlag.Label and other.text(QAccessible.Text.Name):
            return other.text(QAccessible.Text.Name).strip()
    if isinstance(widget, QComboBox):
        return ""
    return (interface.text(QAccessible.Text.Name) or "").strip()


def tab_stops(window: QWidget) -> set[QWidget]:
    """The widgets Tab stops at, walking the focus chain once round from the focus."""
    start = window.focusWidget() or window
    stops: set[QWidget] = set()
    seen: set[QWidget] = set()
    widget: QWidget | None = start.nextInFocusChain()
    while widget is not None and widget not in seen:  # once round: back at the start
        seen.add(widget)
        if _takes_tab(widget, window):
            stops.add(widget)
        widget = widget.nextInFocusChain()
    return stops


def reached(widget: QWidget, stops: set[QWidget]) -> bool:
    """Whether the keyboard can get to ``widget``: Tab, a mnemonic, or a reached container."""
    if _has_mnemonic(widget):
        return True
    current: QWidget | None = widget
    while current is not None:
        if current in stops or current.focusProxy() in stops:
            return True
        current = current.parentWidget()
        if not isinstance(current, CONTROLS):  # only a control holds controls of its own
            return False
    return False


def keeps_tab(widget: QWidget) -> bool:
    """A text box where Tab types a tab character, so Tab cycling stops there for good."""
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly() and not widget.tabChangesFocus()
    return False


def lacking(window: QWidget) -> list[str]:
    """Each control that has no name, or that the keyboard cannot reach, described."""
    stops = tab_stops(window)
    found = []
    for widget in controls(window):
        if not accessible_name(widget):
            found.append(f"no name: {describe(widget)}")
        if not reached(widget, stops):
            found.append(f"not reached by the keyboard: {describe(widget)}")
        elif widget in stops and keeps_tab(widget):
            found.append(f"Tab types into it and goes no further: {describe(widget)}")
    return found


def describe(widget: QWidget) -> str:
    """The widget's class, its words, and the names of what it is inside."""
    words = ""
    if isinstance(widget, QAbstractButton | QLineEdit):
        words = widget.text()
    words = words or widget.toolTip() or widget.objectName()
    where: list[str] = []
    parent = widget.parentWidget()
    while parent is not None and len(where) < 4:
        if parent.accessibleName():
            where.append(parent.accessibleName())
        parent = parent.parentWidget()
    return f"{widget.metaObject().className()} {words!r} in {' < '.join(where) or '?'}"


def _control(widget: QWidget) -> bool:
    """Whether the widget takes focus or input: one of the kinds of control, or a label
    whose links can be followed."""
    if isinstance(widget, QLabel):
        links = Qt.TextInteractionFlag.LinksAccessibleByMouse
        has_links = "<a " in widget.text().lower()
        return has_links and bool(widget.textInteractionFlags() & links)
    return isinstance(widget, CONTROLS)


def _takes_tab(widget: QWidget, window: QWidget) -> bool:
    return (
        widget.window() is window
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def _inner_part(widget: QWidget) -> bool:
    """A part of a Qt control rather than a control of ours: a combo box's or spin box's
    line edit, a table's header (read out with each cell), or a private Qt class (a dock's
    float and close buttons; but the tabs of docks sharing a place are checked)."""
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox):
        return True
    if isinstance(widget, QHeaderView) and isinstance(parent, QAbstractItemView):
        return True
    if isinstance(widget, QTabBar):
        return widget.count() == 0  # a dock area's spare tab bar, kept out of sight by Qt
    return widget.metaObject().className() != type(widget).__name__


def _has_mnemonic(widget: QWidget) -> bool:
    if isinstance(widget, QAbstractButton) and _mnemonic(widget.text()):
        return True
    window = widget.window()
    return any(
        label.buddy() is widget and label.isVisible() and _mnemonic(label.text())
        for label in window.findChildren(QLabel)
    )


def _mnemonic(text: str) -> bool:
    return "&" in text.replace("&&", "")
