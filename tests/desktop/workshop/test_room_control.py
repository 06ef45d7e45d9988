"""RoomControl: the room driven from the Qt window, its inbox drained on the UI thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.workshop.room_control import RoomControl
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds
from tests.workshop.room_helpers import Phone
from workshop import operations
from workshop.kind import WORKSHOP
from workshop.parts import Method
from workshop.record import read_record


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    spec = DocumentKinds([WORKSHOP]).get("workshop")
    with Project.create(tmp_path / "hall.reformkit", spec, "Hexham") as made:
        operations.ensure_record(made, "Hexham workshop")
        yield made


def test_start_drain_and_stop_from_the_window(qtbot: QtBot, project: Project) -> None:
    ideas = operations.add_activity(project, "Ideas", Method.IDEAS, "What would help?")
    heard: list[str] = []
    project.subscribe(lambda change, _target: heard.append(change))
    control = RoomControl(project, port=0)
    assert not control.is_running()
    assert control.join_url() == "" and control.qr_png() == b""
    with qtbot.waitSignal(control.running_changed) as started:
        control.start("127.0.0.1")
    assert started.args == [True]
    assert control.join_url().startswith("http://127.0.0.1:")
    assert control.join_url().endswith(f"/j/{control.join_code()}")
    assert control.qr_png().startswith(b"\x89PNG")
    control.set_current_activity(ideas.id, True)
    phone = Phone(control.room)
    phone.join(control.join_code())
    with qtbot.waitSignal(control.arrived, timeout=5000) as arrived:
        assert phone.send("idea", {"text": "Tea after the meeting"}) == 303
    assert arrived.args == [1]
    assert "items-added" in heard  # the window hears it like any edit
    assert [c.text for c in read_record(project.document).contributions] == [
        "Tea after the meeting"
    ]
    control.set_current_activity(ideas.id, False)
    assert "Please wait" in phone.ask("GET", "/now")[1]
    with qtbot.waitSignal(control.running_changed) as stopped:
        control.stop()
    assert stopped.args == [False]
    assert not control.is_running()
    with pytest.raises(OSError):
        phone.ask("GET", "/")


def test_a_new_code_sends_every_phone_back_to_the_join_page(qtbot: QtBot, project: Project) -> None:
    ideas = operations.add_activity(project, "Ideas", Method.IDEAS, "What would help?")
    control = RoomControl(project, port=0)
    control.start("127.0.0.1")
    try:
        control.set_current_activity(ideas.id, True)
        phone = Phone(control.room)
        phone.join(control.join_code())
        old = control.join_code()
        assert control.new_code() != old
        assert phone.ask("GET", "/now")[0] == 303
    finally:
        control.stop()
