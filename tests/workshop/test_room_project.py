"""The room on a real project file: what phones send is on disk before they are thanked,
is taken into the document, and what the facilitator hides or removes leaves the phones."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds
from tests.workshop.room_helpers import Phone
from workshop import operations
from workshop.kind import WORKSHOP
from workshop.parts import Method
from workshop.record import WorkshopRecord, read_record
from workshop.room.errors import RoomError
from workshop.room.room import Room

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "hall.reformkit"
    with Project.create(path, DocumentKinds([WORKSHOP]).get("workshop"), "Hexham") as made:
        operations.ensure_record(made, "Hexham workshop")
        yield made


@pytest.fixture
def room(project: Project) -> Iterator[Room]:
    ideas = operations.add_activity(project, "Ideas", Method.IDEAS, "What would help?")
    served = Room(project)
    served.start("127.0.0.1", 0)
    served.set_activity(ideas.id)
    yield served
    served.stop()


def inbox_rows(path: Path) -> list[tuple[str, str]]:
    """The inbox as a second connection sees it: what is on disk."""
    with sqlite3.connect(path) as other:
        return list(other.execute("select channel, payload from inbox order by rowid"))


def test_an_idea_is_in_the_file_before_the_phone_is_thanked(project: Project, room: Room) -> None:
    phone = Phone(room)
    phone.join(room.join_code())
    assert phone.send("idea", {"text": "A bench by the bus stop", "group": "Citizens"}) == 303
    rows = inbox_rows(project.path)
    assert len(rows) == 1
    assert rows[0][0] == "contribution"
    assert "A bench by the bus stop" in rows[0][1]


def test_a_drain_takes_the_inbox_into_the_document_and_the_phones_see_it(
    project: Project, room: Room
) -> None:
    phone = Phone(room)
    phone.join(room.join_code())
    phone.send("idea", {"text": "Later buses"})
    assert room.drain() == 1
    assert inbox_rows(project.path) == []
    texts = [c.text for c in _record(project).contributions]
    assert texts == ["Later buses"]
    assert "Later buses" in phone.ask("GET", "/results")[1]


def test_hide_and_remove_keep_an_idea_off_the_phone_pages(project: Project, room: Room) -> None:
    phone = Phone(room)
    phone.join(room.join_code())
    phone.send("idea", {"text": "Rude words here"})
    phone.send("idea", {"text": "Something to delete"})
    phone.send("idea", {"text": "A kind idea"})
    room.drain()
    by_text = {c.text: c.id for c in _record(project).contributions}
    operations.set_hidden(project, by_text["Rude words here"], True)
    project.remove_item(by_text["Something to delete"])
    room.drain()
    for path in ("/results", "/now"):
        page = phone.ask("GET", path)[1]
        assert "Rude words here" not in page
        assert "Something to delete" not in page
    assert "A kind idea" in phone.ask("GET", "/results")[1]


def test_a_script_is_escaped_on_the_results_page(project: Project, room: Room) -> None:
    phone = Phone(room)
    phone.join(room.join_code())
    phone.send("idea", {"text": SCRIPT})
    room.drain()
    page = phone.ask("GET", "/results")[1]
    assert SCRIPT not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert [c.text for c in _record(project).contributions] == [SCRIPT]


def test_votes_and_places_become_items(project: Project, room: Room) -> None:
    vote = operations.add_activity(
        project, "Vote", Method.VOTE, "Which first?", dots=3, options=("Buses", "Parks")
    )
    canvas = operations.add_activity(project, "Canvas", Method.CANVAS, "Where are we?")
    phone = Phone(room)
    phone.join(room.join_code())
    room.set_activity(vote.id)
    assert phone.send("vote", {"opt0": "2", "opt1": "1"}) == 303
    room.set_activity(canvas.id)
    assert phone.send("place", {"row1": "2", "why1": "We follow scripts", "row6": "5"}) == 303
    assert room.drain() == 4
    record = _record(project)
    assert record.tally(vote.id) == [("Buses", 2), ("Parks", 1)]
    assert record.canvas_counts(canvas.id)[1] == [0, 1, 0, 0, 0]
    assert record.canvas_counts(canvas.id)[6] == [0, 0, 0, 0, 1]
    assert {v.voter for v in record.votes} == {"Phone 1"}


def test_a_new_room_numbers_its_phones_after_the_recorded_voters(project: Project) -> None:
    vote = operations.add_activity(project, "Vote", Method.VOTE, "Which?", options=("A", "B"))
    operations.cast_votes(project, vote.id, "Phone 4", {"A": 1})
    room = Room(project)
    room.start("127.0.0.1", 0)
    try:
        room.set_activity(vote.id)
        phone = Phone(room)
        phone.join(room.join_code())
        phone.send("vote", {"opt1": "1"})
        room.drain()
    finally:
        room.stop()
    assert sorted(v.voter for v in _record(project).votes) == ["Phone 4", "Phone 5"]


def test_stop_takes_in_the_last_arrivals_and_closes_the_port(project: Project, room: Room) -> None:
    phone = Phone(room)
    phone.join(room.join_code())
    phone.send("idea", {"text": "Just in time"})
    assert room.stop() == 1
    assert not room.is_running()
    assert [c.text for c in _record(project).contributions] == ["Just in time"]
    with pytest.raises(OSError):
        phone.ask("GET", "/")


def test_a_read_only_project_cannot_open_a_room(project: Project) -> None:
    kinds = DocumentKinds([WORKSHOP])
    with (
        Project.open(project.path, kinds, read_only=True) as reader,
        pytest.raises(RoomError, match="read-only"),
    ):
        Room(reader).start("127.0.0.1", 0)


def _record(project: Project) -> WorkshopRecord:
    return read_record(project.document)
