"""Open cell editors, saved before anything that would throw them away.

A table cell's editor holds what is typed until it closes: Enter, Tab or a click elsewhere
closes it and saves. Closing the window, quitting, a keyboard shortcut to the next step or
to another part do not, so each of those calls :func:`commit_open_editors` first.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyledItemDelegate, QWidget


def open_editor_of(view: QAbstractItemView) -> QWidget | None:
    """The editor open in ``view``, if any: the delegate's own record of it, or else the
    widget with focus inside the view's viewport."""
    if view.state() != QAbstractItemView.State.EditingState:
        return None
    known = getattr(view.itemDelegate(), "open_editor", None)
    if isinstance(known, QWidget):
        return known
    widget = QApplication.focusWidget()
    viewport = view.viewport()
    while widget is not None and widget.parentWidget() is not viewport:
        widget = widget.parentWidget()
    return widget


def commit_open_editors(root: QWidget) -> int:
    """Save and close every cell editor open under ``root``; return how many there were.

    A value the document refuses stays in its cell, marked, as when Enter is pressed."""
    views = [root] if isinstance(root, QAbstractItemView) else []
    views += root.findChildren(QAbstractItemView)
    committed = 0
    for view in views:
        # A view can be gone by now (its wrapper outliving it, while the window closes). An
        # error here would be raised inside closeEvent, which PySide turned into a crash.
        if not shiboken6.isValid(view):
            continue
        try:
            editor = open_editor_of(view)
            if editor is None:
                continue
            view.commitData(editor)
            if view.state() == QAbstractItemView.State.EditingState:
                view.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)
        except RuntimeError:  # "Internal C++ object already deleted": nothing open in it
            continue
        committed += 1
    return committed
