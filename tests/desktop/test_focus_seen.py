"""The keyboard focus is always somewhere a user can see: it stays on the card just used, and
every kind of control wears a clear frame in the highlight colour when it has it, in every
appearance, without moving anything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import palette
from desktop.session import AppSession
from desktop.wizard.blocks_clauses import ClauseWidget
from tests.desktop.windows_helpers import new_document, session

__all__ = ["session"]


@pytest.mark.parametrize("step", [2, 3, 4])
def test_space_on_use_this_leaves_the_focus_on_take_it_out(
    qtbot: QtBot, session: AppSession, tmp_path: Path, step: int
) -> None:
    """As the builder starts a step, Space on the first offer's "Use this" puts the entry in
    the charter; the page refreshes and the keyboard is on that card's "Take it out", and
    Space again takes it out and comes back to "Use this"."""
    window = new_document(qtbot, session, "charter", tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    guide = window.guide
    assert guide is not None
    guide.go_to_step(step)
    block = guide.current_page().block_of(ClauseWidget)
    card = next(iter(block.offer_cards.values()))
    qtbot.waitUntil(lambda: window.focusWidget() is card.use_button, timeout=3000)
    qtbot.keyClick(card.use_button, Qt.Key.Key_Space)
    qtbot.wait(50)  # the refreshes that follow an edit (tab order, marks) have run
    assert card.remove_button.isVisible()
    assert window.focusWidget() is card.remove_button
    assert card.remove_button.hasFocus()
    qtbot.keyClick(card.remove_button, Qt.Key.Key_Space)
    qtbot.wait(50)
    assert window.focusWidget() is card.use_button


@pytest.fixture
def controls(qapp: QApplication) -> Iterator[tuple[QWidget, QLineEdit, list[QWidget]]]:
    """A window of one control of each kind a user types in or presses, and a box to park
    the focus in."""
    holder = QWidget()
    box = QVBoxLayout(holder)
    parking = QLineEdit("elsewhere")
    combo = QComboBox()
    combo.addItems(["Yearly", "Quarterly"])
    editable = QComboBox()
    editable.setEditable(True)
    editable.addItems(["Chair", "Member"])
    tree = QTreeWidget()
    tree.setHeaderLabels(["No.", "Recommendation"])
    shown: list[QWidget] = [
        QPushButton("Use this"),
        QLineEdit("One line"),
        QPlainTextEdit("Several\nlines"),
        QTextEdit("Rich text"),
        combo,
        editable,
        QDateEdit(),
        tree,
    ]
    for widget in [parking, *shown]:
        box.addWidget(widget)
    yield holder, parking, shown
    holder.close()
    holder.deleteLater()


def _is(colour: QColor, wanted: QColor) -> bool:
    return all(
        abs(a - b) <= 8 for a, b in zip(colour.getRgb()[:3], wanted.getRgb()[:3], strict=True)
    )


def _frame_sides(image: QImage, colour: QColor) -> list[str]:
    """The sides of a control's picture that show ``colour`` all the way across, as deep as
    the focus frame (looked at through the middle of each side)."""
    width, height = image.width(), image.height()
    sides = {
        "top": [(width // 2, d) for d in range(palette.FOCUS_WIDTH)],
        "bottom": [(width // 2, height - 1 - d) for d in range(palette.FOCUS_WIDTH)],
        "left": [(d, height // 2) for d in range(palette.FOCUS_WIDTH)],
        "right": [(width - 1 - d, height // 2) for d in range(palette.FOCUS_WIDTH)],
    }
    return [
        side
        for side, points in sides.items()
        if all(_is(image.pixelColor(x, y), colour) for x, y in points)
    ]


@pytest.mark.parametrize("appearance", ["Light", "Dark", "High contrast"])
def test_every_focused_control_wears_a_frame_in_the_highlight_colour(
    qtbot: QtBot,
    qapp: QApplication,
    controls: tuple[QWidget, QLineEdit, list[QWidget]],
    appearance: str,
) -> None:
    system = qapp.palette()
    palette.apply(qapp, appearance, system)
    try:
        holder, parking, shown = controls
        holder.show()
        holder.activateWindow()
        qtbot.waitUntil(holder.isActiveWindow, timeout=3000)
        highlight = qapp.palette().color(QPalette.ColorRole.Highlight)
        for widget in shown:
            name = type(widget).__name__
            parking.setFocus(Qt.FocusReason.OtherFocusReason)
            qapp.processEvents()
            hint, size = widget.sizeHint(), widget.size()
            unfocused = _frame_sides(widget.grab().toImage(), highlight)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)  # as the builder gives it
            qapp.processEvents()
            assert widget.hasFocus(), name
            assert _frame_sides(widget.grab().toImage(), highlight) == [
                "top",
                "bottom",
                "left",
                "right",
            ], (appearance, name)
            assert len(unfocused) < 4, (appearance, name)  # the frame says "focus"
            assert widget.sizeHint() == hint and widget.size() == size, name  # nothing moves
    finally:
        palette.apply(qapp, "System", system)
