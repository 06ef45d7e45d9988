"""Projector and eyesight: the whole app's text scales and is remembered; High contrast;
Dark shows every tick box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QListWidgetItem
from pytestqt.qtbot import QtBot

from desktop import palette
from desktop.session import AppSession
from desktop.start_screen import StartScreen
from desktop.text_size import SETTING, text_size
from tests.desktop.windows_helpers import open_sample, session

__all__ = ["session"]


def _action(window: object, name: str) -> object:
    menus = window.menus.values()  # type: ignore[attr-defined]
    for menu in menus:
        for action in menu.actions():
            if action.menu():
                for inner in action.menu().actions():
                    if inner.text().replace("&", "") == name:
                        return inner
    raise AssertionError(name)


def test_ctrl_plus_scales_every_windows_text_and_is_remembered(
    qtbot: QtBot, session: AppSession
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    start = StartScreen(session)
    qtbot.addWidget(start)
    window = open_sample(qtbot, session, 0)
    normal = app.font().pointSizeF()
    title = window.preview.page.css
    larger = _action(window, "Larger text")
    assert "Ctrl++" in larger.shortcut().toString()  # type: ignore[attr-defined]
    own = start.findChildren(QLabel)
    big = max(own, key=lambda w: w.font().pointSizeF())  # the heading, set bigger
    big_before = big.font().pointSizeF()
    larger.trigger()  # type: ignore[attr-defined]
    larger.trigger()  # type: ignore[attr-defined]
    QApplication.processEvents()
    assert app.font().pointSizeF() == pytest.approx(normal * 1.25)
    assert big.font().pointSizeF() == pytest.approx(big_before * 1.25)
    assert window.saved_label.font().pointSizeF() == pytest.approx(normal * 1.25)
    assert str(session.settings.value(SETTING)) == "125"
    assert window.preview.page.css != title and "12.5pt" in window.preview.page.css
    # A new session reading the same settings starts at the same size.
    text_size(None).set_percent(100, remember=False)
    text_size(session.settings).load()
    assert app.font().pointSizeF() == pytest.approx(normal * 1.25)
    _action(window, "Smaller text").trigger()  # type: ignore[attr-defined]
    assert app.font().pointSizeF() == pytest.approx(normal * 1.1)
    _action(window, "Normal size").trigger()  # type: ignore[attr-defined]
    QApplication.processEvents()
    assert app.font().pointSizeF() == pytest.approx(normal)
    assert big.font().pointSizeF() == pytest.approx(big_before)
    assert "10pt" in window.preview.page.css


def _unticked_box_contrast(qtbot: QtBot) -> float:
    """How far the clearest pixel of an unticked box in a list stands from the page."""
    view = QListWidget()
    qtbot.addWidget(view)
    item = QListWidgetItem("Recommendation 3")
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    view.addItem(item)
    view.resize(240, 80)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    rect = view.visualItemRect(item)
    base = view.palette().color(QPalette.ColorRole.Base)
    indicator = rect.height() + 4  # the box sits at the start of the row, about as wide as tall
    return max(
        palette.contrast(QColor(image.pixel(x, y)), base)
        for x in range(rect.left(), min(image.width(), rect.left() + indicator))
        for y in range(rect.top(), rect.bottom())
    )


@pytest.mark.parametrize("appearance", ["Dark", "High contrast", "Light"])
def test_unticked_boxes_show_in_every_appearance(qtbot: QtBot, appearance: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    try:
        palette.apply(app, appearance, before)
        assert _unticked_box_contrast(qtbot) >= palette.MIN_CONTRAST
    finally:
        app.setPalette(before)


def test_high_contrast_is_offered_and_remembered(qtbot: QtBot, session: AppSession) -> None:
    window = open_sample(qtbot, session, 0)
    assert "High contrast" in palette.APPEARANCES
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    try:
        window.set_appearance("High contrast")
        assert session.settings.value(palette.SETTING) == "High contrast"
        text = app.palette().color(QPalette.ColorRole.WindowText)
        page = app.palette().color(QPalette.ColorRole.Window)
        assert palette.contrast(text, page) >= 15
    finally:
        app.setPalette(before)
