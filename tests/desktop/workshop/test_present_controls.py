"""Present mode's controls are as large as its type, so the facilitator can find and use
them on a projector: the minutes box shows its minutes, − and + change them, and Space on
the first control starts the timer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from desktop.session import AppSession
from desktop.workshop.present import PresentWindow
from desktop.workshop.window import WorkshopWindow
from tests.desktop.workshop.conftest import document_window, run_workshop
from tests.desktop.workshop.test_full_workshop import add_activity
from workshop.parts import Method


@pytest.fixture
def present(qtbot: QtBot, session: AppSession, tmp_path: Path) -> PresentWindow:
    window: WorkshopWindow = run_workshop(qtbot, document_window(qtbot, session, tmp_path))
    add_activity(qtbot, window, "What matters", Method.IDEAS, "What matters most to you?")
    window.present()
    shown = window.present_window
    assert shown is not None
    shown.setFixedSize(QSize(1920, 1080))
    qtbot.waitExposed(shown)
    return shown


def test_every_control_is_as_large_as_the_type_around_it(present: PresentWindow) -> None:
    timer = present.timer
    title_size = present.title.font().pixelSize()
    hint_size = present.hint.font().pixelSize()
    assert title_size > hint_size  # the large type (the window has been sized)
    for control in timer.controls():
        assert control.font().pixelSize() >= title_size, control.accessibleName()
        assert control.accessibleName() or (isinstance(control, QPushButton) and control.text())
    # The minutes box's own text, not only the box, takes the large type, and fits.
    box = timer.minutes.lineEdit()
    assert box.font().pixelSize() >= title_size
    assert box.width() >= box.fontMetrics().horizontalAdvance(timer.minutes.text())
    assert box.height() >= box.fontMetrics().height()


def test_the_controls_work_by_mouse_and_keyboard(qtbot: QtBot, present: PresentWindow) -> None:
    timer = present.timer
    present.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is timer.start_button)
    QTest.keyClick(timer.start_button, Qt.Key.Key_Space)
    assert timer.ticker.isActive()
    QTest.keyClick(timer.start_button, Qt.Key.Key_Space)
    assert not timer.ticker.isActive()
    timer.more_button.click()
    assert timer.minutes.value() == 6 and timer.display.text() == "06:00"
    timer.less_button.click()
    timer.less_button.click()
    assert timer.display.text() == "04:00"
    assert timer.less_button.accessibleName() == "One minute less"
