"""The workshop window's promises one by one: undo and redo of each kind of change, edit and
delete by keyboard, hide and remove, present mode full screen in plain words, the menu in
the document window, and a name and keyboard reach for every control in every view."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.session import AppSession
from desktop.workshop.present import PresentWindow
from desktop.workshop.window import WorkshopWindow
from reformkit.document.project import Project
from tests.desktop.accessibility_walk import lacking
from tests.desktop.workshop.conftest import document_window, prompts_of, run_workshop
from tests.desktop.workshop.test_full_workshop import add_activity, capture
from workshop import operations
from workshop.parts import FROM_PHONE, Method
from workshop.record import read_record

ONLY = QItemSelectionModel.SelectionFlag.ClearAndSelect


@pytest.fixture
def workshop(qtbot: QtBot, session: AppSession, tmp_path: Path) -> WorkshopWindow:
    window = run_workshop(qtbot, document_window(qtbot, session, tmp_path))
    add_activity(qtbot, window, "What matters", Method.IDEAS, "What matters most to you?")
    return window


def texts(window: WorkshopWindow) -> list[str]:
    return [c.text for c in read_record(window.project.document).contributions]


def test_the_document_window_offers_the_workshop_in_a_menu_with_its_shortcut(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    window = document_window(qtbot, session, tmp_path)
    action = window.menu_actions["screen_workshop"]
    assert action.shortcut().toString() == "Ctrl+Shift+W"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus.index("&Workshop") == menus.index("&Help") - 1
    prompts_of(session).texts.append(None)  # the facilitator cancels the first question
    action.trigger()
    assert window.findChild(WorkshopWindow) is None
    assert not read_record(window.project.document).title


def test_undo_and_redo_take_back_each_change(qtbot: QtBot, workshop: WorkshopWindow) -> None:
    capture(qtbot, workshop, ["Staff: first point", "second point"])
    assert texts(workshop) == ["first point", "second point"]
    undo, redo = workshop.actions_by_name["undo"], workshop.actions_by_name["redo"]
    undo.trigger()
    assert texts(workshop) == ["first point"]
    redo.trigger()
    assert texts(workshop) == ["first point", "second point"]
    # Edit (F2) and remove (Delete) by keyboard, each undone.
    view = workshop.capture
    view.list.setFocus()
    view.list.setCurrentRow(0, ONLY)
    prompts_of(workshop.session).texts.append("first point, said better")
    workshop.actions_by_name["edit"].trigger()
    assert texts(workshop) == ["first point, said better", "second point"]
    undo.trigger()
    assert texts(workshop) == ["first point", "second point"]
    view.list.setFocus()
    view.list.setCurrentRow(1, ONLY)
    workshop.actions_by_name["delete"].trigger()
    assert texts(workshop) == ["first point"]
    undo.trigger()
    assert texts(workshop) == ["first point", "second point"]
    qtbot.waitUntil(lambda: view.list.count() == 2)
    # A theme made from chosen points is one step: undone, the theme and the filing go.
    workshop.show_tab(1)
    loose = workshop.grouping.lists[0]
    loose.selectAll()
    prompts_of(workshop.session).texts.append("Time")
    workshop.actions_by_name["new_theme"].trigger()
    record = read_record(workshop.project.document)
    assert len(record.themes) == 1 and all(c.theme_id for c in record.contributions)
    undo.trigger()
    record = read_record(workshop.project.document)
    assert not record.themes and not any(c.theme_id for c in record.contributions)
    redo.trigger()
    assert len(read_record(workshop.project.document).themes) == 1


def test_the_shortcuts_are_on_the_menus(workshop: WorkshopWindow) -> None:
    keys = {name: a.shortcut().toString() for name, a in workshop.actions_by_name.items()}
    assert keys["present"] == "F5"
    assert keys["undo"] == "Ctrl+Z" and keys["redo"] == "Ctrl+Shift+Z"
    assert keys["edit"] == "F2" and keys["delete"] == "Del"
    assert keys["new_theme"] == "Ctrl+T"
    assert keys["promote"] and keys["move_theme"]


def test_points_from_phones_can_be_hidden_and_removed(
    qtbot: QtBot, workshop: WorkshopWindow
) -> None:
    activity = workshop.current_activity()
    assert activity is not None
    for words in ("From a phone: more buses", "<script>alert(1)</script>"):
        operations.capture(workshop.project, activity.id, words, via=FROM_PHONE)
    workshop.refresh()
    room = workshop.room
    assert room.arrived.count() == 2
    room.arrived.setCurrentRow(1, ONLY)
    room.hide_button.click()
    record = read_record(workshop.project.document)
    assert [c.hidden for c in record.contributions] == [False, True]
    assert len(record.contributions_for(activity.id)) == 1  # hidden: not on the screen
    room.arrived.setCurrentRow(0, ONLY)
    room.remove_button.click()
    assert len(read_record(workshop.project.document).contributions) == 1
    workshop.actions_by_name["undo"].trigger()
    assert len(read_record(workshop.project.document).contributions) == 2


def test_present_mode_is_full_screen_in_plain_words(qtbot: QtBot, workshop: WorkshopWindow) -> None:
    capture(qtbot, workshop, ["Staff: we need time", "Citizens: listen to us"])
    workshop.actions_by_name["present"].trigger()
    present = workshop.present_window
    assert isinstance(present, PresentWindow)
    qtbot.waitExposed(present)
    assert present.isFullScreen()
    assert present.prompt.text() == "What matters most to you?"
    assert "we need time" in present.points.text()
    # What arrives shows at once.
    activity = workshop.current_activity()
    assert activity is not None
    operations.capture(workshop.project, activity.id, "more buses", via=FROM_PHONE)
    qtbot.waitUntil(lambda: "more buses" in present.points.text())
    words = [label.text() for label in present.findChildren(QLabel)]
    assert not [w for w in words if re.search(r"\bR\d", w)], words
    # The timer: minutes by keyboard, start, pause, reset.
    timer = present.timer
    QTest.keyClick(present, Qt.Key.Key_Up)
    assert timer.minutes.value() == 6 and timer.display.text() == "06:00"
    QTest.keyClick(present, Qt.Key.Key_Space)
    assert timer.ticker.isActive()
    QTest.keyClick(present, Qt.Key.Key_Space)
    assert not timer.ticker.isActive()
    QTest.keyClick(present, Qt.Key.Key_R)
    assert timer.display.text() == "06:00"
    # A vote shows its results as a bar chart; Esc leaves.
    add_activity(qtbot, workshop, "First", Method.VOTE, "What first?")
    assert present.body.currentWidget() is present.chart
    QTest.keyClick(present, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: workshop.present_window is None)


def _shown(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    QApplication.processEvents()


def test_every_view_names_its_controls_and_the_keyboard_reaches_them(
    qtbot: QtBot, workshop: WorkshopWindow
) -> None:
    capture(qtbot, workshop, ["Staff: we need time", "Citizens: listen to us"])
    found: dict[str, list[str]] = {}
    for number in range(workshop.tabs.count()):
        workshop.show_tab(number)
        if number == 3:
            add_activity(qtbot, workshop, "First", Method.VOTE, "What first?")
            workshop.vote.new_option.setText("More buses")
            workshop.vote.add_option()
            workshop.refresh()
        _shown(qtbot, workshop)
        problems = lacking(workshop)
        if problems:
            found[workshop.tabs.tabText(number)] = problems
    workshop.actions_by_name["present"].trigger()
    present = workshop.present_window
    assert present is not None
    _shown(qtbot, present)
    if problems := lacking(present):
        found["present mode"] = problems
    assert not found, found


def test_a_workshop_record_of_its_own_opens_the_window(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    spec = session.kinds.get("workshop")
    project = Project.create(tmp_path / "alone.reformkit", spec, "Hexham workshop")
    window = session._show(project)
    qtbot.waitUntil(lambda: window.findChild(WorkshopWindow) is not None, timeout=5000)
    workshop = window.findChild(WorkshopWindow)
    assert isinstance(workshop, WorkshopWindow)
    assert prompts_of(session).texts == []  # nothing asked: the record is there
    # Nowhere to promote to: it says so rather than failing.
    add_activity(qtbot, workshop, "Ideas", Method.IDEAS, "What matters?")
    capture(qtbot, workshop, ["a point"])
    workshop.capture.list.setFocus()
    workshop.capture.list.setCurrentRow(0, ONLY)
    workshop.promote()
    assert prompts_of(session).infos and "its own" in prompts_of(session).infos[-1][1]


def test_the_room_opens_on_the_loopback_address_and_shows_what_arrives(
    qtbot: QtBot, workshop: WorkshopWindow
) -> None:
    from reformkit.document.inbox import InboxWriter

    room = workshop.room
    room.listen_on = "127.0.0.1"
    workshop.show_tab(4)
    room.start_button.click()
    try:
        assert room.running()
        code = room.code.text()
        assert len(code) == 6
        assert room.address.text().startswith("http://127.0.0.1:")
        assert code in room.address.text()
        pixmap = room.qr.pixmap()
        assert pixmap is not None and not pixmap.isNull()
        activity = workshop.current_activity()
        assert activity is not None
        writer = InboxWriter(workshop.project.path)
        try:
            writer.put("contribution", {"activity": activity.id, "text": "Buses after six"})
        finally:
            writer.close()
        qtbot.waitUntil(lambda: room.arrived.count() == 1, timeout=5000)
        assert "Buses after six" in room.arrived.item(0).text()
        workshop.actions_by_name["present"].trigger()
        present = workshop.present_window
        assert present is not None
        assert code in present.join.text()
        present.close()
    finally:
        room.start_button.click()
    assert not room.running() and room.code.text() == ""
