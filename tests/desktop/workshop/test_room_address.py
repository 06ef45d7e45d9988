"""Where the room listens: with several local networks the facilitator chooses one by
keyboard, in plain words; with none, a sentence says what to do, and nothing breaks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.session import AppSession
from desktop.workshop.listen_choice import NO_NETWORK, address_label
from desktop.workshop.room_panel import ON_THIS_LAPTOP
from desktop.workshop.window import WorkshopWindow
from tests.desktop.workshop.conftest import document_window, prompts_of, run_workshop
from tests.desktop.workshop.test_full_workshop import add_activity
from workshop.parts import Method
from workshop.room import network


def laptop_on(monkeypatch: pytest.MonkeyPatch, addresses: list[str]) -> list[str]:
    """Make the laptop report ``addresses`` (a list the test may change later)."""
    monkeypatch.setattr(network, "candidate_addresses", lambda found=None: [*addresses])
    return addresses


@pytest.fixture
def workshop(qtbot: QtBot, session: AppSession, tmp_path: Path) -> WorkshopWindow:
    window = run_workshop(qtbot, document_window(qtbot, session, tmp_path))
    add_activity(qtbot, window, "What matters", Method.IDEAS, "What matters most to you?")
    return window


def test_several_networks_are_offered_in_plain_words_and_chosen_by_keyboard(
    qtbot: QtBot, workshop: WorkshopWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop_on(monkeypatch, ["192.168.4.1", "10.20.0.7", "169.254.9.9", "127.0.0.1"])
    workshop.show_tab(4)
    where = workshop.room.where
    combo = where.combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == [
        "Hotspot or small network: 192.168.4.1",
        "Local network: 10.20.0.7",
        "Direct link, no router: 169.254.9.9",
        "This laptop only, to try it out (phones cannot join)",
    ]
    assert combo.accessibleName() == "Network phones use"
    assert not where.note.isVisibleTo(workshop.room)
    # Keyboard: its label's letter (Alt+N) reaches it, arrow keys choose.
    workshop.room.start_button.setFocus()
    QTest.keyClick(workshop, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is combo
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert where.address() == "10.20.0.7"
    # The list is read again before the room starts; the choice stays while still there.
    where.refresh()
    assert where.address() == "10.20.0.7"


def test_starting_uses_the_network_chosen(
    qtbot: QtBot, workshop: WorkshopWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop_on(monkeypatch, ["192.168.4.1", "127.0.0.1"])
    workshop.show_tab(4)
    room = workshop.room
    QTest.keyClick(room.where.combo, Qt.Key.Key_End)  # this laptop only: no network needed
    room.start_button.click()
    try:
        assert room.running()
        assert room.address.text().startswith("http://127.0.0.1:")
        assert room.state.text() == ON_THIS_LAPTOP
        assert not room.where.combo.isEnabled()  # not changed under a running room
    finally:
        room.shut()
    qtbot.waitUntil(lambda: not room.running())
    room.show_state()
    # An address this laptop does not really have (the test's made-up hotspot): said plainly.
    QTest.keyClick(room.where.combo, Qt.Key.Key_Home)
    room.start_button.click()
    assert not room.running()
    title, message = prompts_of(workshop.session).errors[-1]
    assert title == "The room could not start" and "192.168.4.1" in message


def test_no_network_says_what_to_do_and_nothing_breaks(
    qtbot: QtBot, workshop: WorkshopWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = laptop_on(monkeypatch, ["127.0.0.1"])
    workshop.show_tab(4)
    room = workshop.room
    note = room.where.note
    assert note.isVisibleTo(room)
    assert note.text() == NO_NETWORK
    assert "hotspot" in note.text() and "Wi-Fi" in note.text()
    room.start_button.click()
    try:
        assert room.running()
        assert "hotspot" in room.state.text()
        assert not prompts_of(workshop.session).errors
    finally:
        room.shut()
    qtbot.waitUntil(lambda: not room.running())
    # The facilitator turns on the hotspot: shown again, the panel finds it.
    found[:0] = ["192.168.137.1"]
    workshop.show_tab(0)
    workshop.show_tab(4)
    assert room.where.address() == "192.168.137.1"
    assert not note.isVisibleTo(room)


def test_a_system_that_will_not_say_leaves_this_laptop(
    qtbot: QtBot, workshop: WorkshopWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(found: object = None) -> list[str]:
        raise OSError("no interfaces")

    monkeypatch.setattr(network, "candidate_addresses", refuse)
    where = workshop.room.where
    where.refresh()
    assert where.address() == "127.0.0.1"
    assert where.note.isVisibleTo(workshop.room)


def test_address_labels_say_no_codes() -> None:
    assert address_label("172.20.1.5") == "Local network: 172.20.1.5"
    assert "127.0.0.1" not in address_label("127.0.0.1")
