"""Phones' rows taken in one pass: a drain reads the record once however many rows wait, a
bad row is kept back alone, and a phone's votes in one drain count against its dots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reformkit.document.inbox import InboxWriter, ReceivesEach
from reformkit.document.model import Document
from reformkit.document.project import Project
from tests.workshop.records import activity, charter_file, workshop_file
from workshop import receive as receive_module
from workshop.operations import add_theme, capture, ensure_record, place
from workshop.parts import Method
from workshop.record import WorkshopRecord, read_for_answers, read_record


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many times the record was read to check phones' rows."""
    counted: list[int] = []

    def counting(document: Document) -> WorkshopRecord:
        counted.append(1)
        return read_for_answers(document)

    monkeypatch.setattr(receive_module, "read_for_answers", counting)
    yield counted


def said(project: Project) -> list[str]:
    return [c.text for c in read_record(project.document).contributions]


def test_the_workshop_hook_takes_a_drain_in_one_pass() -> None:
    assert isinstance(receive_module.receive, ReceivesEach)


@pytest.mark.parametrize("where", ["workshop", "charter"])
def test_a_drain_reads_the_record_once_for_all_its_rows(
    tmp_path: Path, reads: list[int], where: str
) -> None:
    project = workshop_file(tmp_path) if where == "workshop" else charter_file(tmp_path)
    with project:
        if where == "charter":
            ensure_record(project, "Hexham")
        ideas = activity(project)
        with InboxWriter(project.path) as writer:
            for n in range(30):
                writer.put("contribution", {"activity": ideas.id, "text": f"Idea {n}"})
        assert project.drain_inbox() == 30
    assert len(reads) == 1
    assert said(project) == [f"Idea {n}" for n in range(30)]


def test_a_bad_row_is_kept_back_and_the_rest_go_in_in_order(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project, InboxWriter(project.path) as writer:
        ideas = activity(project)
        writer.put("contribution", {"activity": ideas.id, "text": "First"})
        writer.put("contribution", {"activity": "gone", "text": "Lost activity"})
        writer.put("placement", {"activity": ideas.id, "row": 1, "position": 2})
        writer.put("contribution", {"activity": ideas.id, "text": "Second"})
        assert project.drain_inbox() == 2
        assert said(project) == ["First", "Second"]
        waiting = project.execute_read("select count(*) as n from inbox")[0]["n"]
    assert waiting == 2


def test_votes_in_one_drain_count_against_the_phones_dots(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project, InboxWriter(project.path) as writer:
        vote = activity(project, Method.VOTE, dots=3, options=("Buses", "Parks"))
        for option in ("Buses", "Parks"):
            writer.put(
                "vote", {"activity": vote.id, "option": option, "dots": 2, "voter": "Phone 1"}
            )
        writer.put("vote", {"activity": vote.id, "option": "Parks", "dots": 3, "voter": "Phone 2"})
        assert project.drain_inbox() == 2
        record = read_record(project.document)
    assert sorted((v.voter, v.option, v.dots) for v in record.votes) == [
        ("Phone 1", "Buses", 2),
        ("Phone 2", "Parks", 3),
    ]


def test_the_answers_view_is_the_record_without_what_was_said_and_placed(
    tmp_path: Path,
) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        capture(project, ideas.id, "Staff: more buses")
        add_theme(project, ideas.id, "Buses")
        canvas = activity(project, Method.CANVAS)
        place(project, canvas.id, 2, 3, "Getting there")
        activity(project, Method.VOTE)
        whole = read_record(project.document)
        light = read_for_answers(project.document)
    assert whole.contributions and whole.placements
    assert light.contributions == () and light.placements == ()
    assert (light.title, light.date, light.place, light.session_id) == (
        whole.title,
        whole.date,
        whole.place,
        whole.session_id,
    )
    assert (light.activities, light.themes, light.votes, light.groups) == (
        whole.activities,
        whole.themes,
        whole.votes,
        whole.groups,
    )


def test_the_record_read_again_sees_every_change_even_one_made_in_place(
    tmp_path: Path,
) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        item = capture(project, ideas.id, "Staff: more buses")
        assert read_record(project.document).contributions[0].text == "more buses"
        item.fields["text"] = "fewer buses"  # as a merge sets values: the same dict
        item.fields["promoted_to"].append("clause-1")  # a list changed where it is
        item.fields["hidden"] = True
        [seen] = read_record(project.document).contributions
        assert (seen.text, seen.promoted_to, seen.hidden) == ("fewer buses", ("clause-1",), True)
        operations_item = project.update_item(item.id, {"group": "Partners"})
        assert read_record(project.document).contributions[0].group == "Partners"
        assert operations_item is item
        item.fields["promoted_to"].clear()
        assert read_record(project.document).contributions[0].promoted_to == ()
