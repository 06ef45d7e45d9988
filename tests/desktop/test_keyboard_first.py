"""Keyboard first: a visible focus, Enter on the start screen, each builder step ready to
type in, the wheel scrolling the page, every action in a menu with its shortcut."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import palette, wheel_guard
from desktop.session import AppSession
from desktop.start_screen import StartScreen
from tests.desktop.windows_helpers import inside, new_document, open_sample, session

__all__ = ["session"]


def _start(qtbot: QtBot, session: AppSession) -> StartScreen:
    start = StartScreen(session)
    qtbot.addWidget(start)
    start.show()
    qtbot.waitExposed(start)
    return start


def test_the_start_screen_shows_and_obeys_the_focus(qtbot: QtBot, session: AppSession) -> None:
    start = _start(qtbot, session)
    first = next(iter(start.buttons.values()))
    assert start.focusWidget() is first
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.property(palette.STYLED)
    assert "QCommandLinkButton:focus" in app.styleSheet()
    # The arrows move between the choices, as they are laid out (a column per kind).
    start.resize(1200, 800)  # room for three columns
    qtbot.keyClick(first, Qt.Key.Key_Right)
    second = list(start.buttons.values())[1]
    assert start.focusWidget() is second
    qtbot.keyClick(second, Qt.Key.Key_Down)  # past the heading, to the plan's sample
    assert start.focusWidget() is start.buttons["local-reform-plan"]
    # Enter opens the focused choice: here, the briefing.
    catalogue = start.buttons["catalogue"]
    catalogue.setFocus()
    qtbot.keyClick(catalogue, Qt.Key.Key_Return)
    assert start.catalogue_window is not None and start.catalogue_window.isVisible()
    start.catalogue_window.close()


def test_space_opens_the_focused_choice_and_no_other(qtbot: QtBot, session: AppSession) -> None:
    start = _start(qtbot, session)
    chosen = start.buttons["catalogue"]
    chosen.setFocus()
    qtbot.keyClick(chosen, Qt.Key.Key_Space)
    assert start.catalogue_window is not None and start.catalogue_window.isVisible()
    assert not session.windows  # nothing else opened
    start.catalogue_window.close()


def test_every_builder_step_starts_in_its_first_field(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    for kind in [spec.kind for spec in session.kinds if spec.guide]:
        window = new_document(qtbot, session, kind, tmp_path)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        guide = window.guide
        assert guide is not None
        guide.go_to_step(1)
        for number in range(1, guide.step_count() + 1):
            page = guide.current_page()
            if guide.first_field() is not None:
                qtbot.waitUntil(lambda p=page, w=window: inside(w.focusWidget(), p), timeout=3000)
                field = guide.first_field()
                assert field is not None
                # The field itself, or the cell it opened for typing.
                assert inside(window.focusWidget(), field), (kind, number)
            if number < guide.step_count():
                # Next's shortcut (Alt+N) gives Next the focus and clicks it: the keyboard
                # stays in the builder, on the next step's first field.
                guide.next_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
                guide.next_button.click()
                assert guide.current_step() == number + 1
        window.close()


def test_moving_through_the_step_list_keeps_the_focus_there(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    window = new_document(qtbot, session, "charter", tmp_path)
    guide = window.guide
    assert guide is not None
    guide.steps.setFocus()
    qtbot.keyClick(guide.steps, Qt.Key.Key_Down)
    QApplication.processEvents()
    assert window.focusWidget() is guide.steps


def _wheel(target: QWidget) -> None:
    centre = QPointF(target.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(target.mapToGlobal(QPoint(0, 0))) + centre,
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(target, event)


def test_the_wheel_scrolls_the_page_unless_a_box_has_focus(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    wheel_guard.install(app)
    area = QScrollArea()
    qtbot.addWidget(area)
    body = QWidget()
    column = QVBoxLayout(body)
    combo = QComboBox()
    combo.addItems([f"choice {n}" for n in range(10)])
    column.addWidget(combo)
    for n in range(40):
        column.addWidget(QLabel(f"line {n}"))
    area.setWidget(body)
    area.resize(300, 200)
    area.show()
    qtbot.waitExposed(area)
    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow, timeout=3000)
    other = QPushButton("elsewhere", body)
    other.show()
    other.setFocus()
    assert not combo.hasFocus()
    _wheel(combo)
    assert combo.currentIndex() == 0
    assert area.verticalScrollBar().value() > 0
    area.verticalScrollBar().setValue(0)
    combo.setFocus()
    assert combo.hasFocus()
    _wheel(combo)
    assert combo.currentIndex() == 1


def test_every_document_action_is_in_a_menu_with_a_shortcut_where_it_matters(
    qtbot: QtBot, session: AppSession
) -> None:
    window = open_sample(qtbot, session, 0)
    in_menus = {
        action
        for menu in window.menus.values()
        for action in menu.actions()
        + [a for sub in menu.actions() if sub.menu() for a in sub.menu().actions()]
    }
    for key in ("export", "find", "guide", "document", "reset_layout", "quit", "undo"):
        action = window.menu_actions[key]
        assert action in in_menus, key
        assert not action.shortcut().isEmpty(), key
    texts = {action.text().replace("&", ""): action for action in in_menus}
    for name in ("Larger text", "Smaller text", "Normal size"):
        assert not texts[name].shortcut().isEmpty()
