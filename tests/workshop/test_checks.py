"""The workshop's checks: gentle notes in plain words, on the record's own parts."""

from __future__ import annotations

import re
from pathlib import Path

from reformkit.document.checks import WARNING, Problem
from reformkit.document.model import Document, Item, Meta, Section
from reformkit.document.project import Project
from tests.workshop.records import KINDS, activity, charter_file, workshop_file
from workshop.checks import (
    LOST_ACTIVITY,
    NO_DATE_OR_PLACE,
    NO_DOTS,
    NO_PEOPLE,
    NO_PROMPT,
    NO_SESSION,
    NOTHING_TO_VOTE_FOR,
    OFF_CANVAS,
    UNTHEMED,
    check_workshop,
)
from workshop.operations import add_theme, assign_theme, capture, ensure_record
from workshop.parts import Method


def rules(document: Document) -> list[str]:
    return [p.rule for p in check_workshop(document)]


def test_a_document_without_a_record_has_no_notes(tmp_path: Path) -> None:
    with charter_file(tmp_path) as project:
        assert check_workshop(project.document) == []


def test_a_new_record_asks_for_its_session(tmp_path: Path) -> None:
    with Project.create(tmp_path / "w.reform", KINDS.get("workshop"), "W") as project:
        [problem] = check_workshop(project.document)
        session_part = project.document.sections[0].id
        assert (problem.rule, problem.part_id) == (NO_SESSION, session_part)
        ensure_record(project, "Hexham")
        [problem] = check_workshop(project.document)
    assert problem.rule == NO_DATE_OR_PLACE
    assert problem.message.startswith("Say when and where the workshop took place.")


def test_only_what_is_missing_is_asked_for(tmp_path: Path) -> None:
    with Project.create(tmp_path / "w.reform", KINDS.get("workshop"), "W") as project:
        ensure_record(project, "Hexham", date="2027-03-03")
        [problem] = check_workshop(project.document)
    assert problem.message.startswith("Say where the workshop took place.")


def test_contributions_without_people_counted(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        assert rules(project.document) == []
        capture(project, ideas.id, "buses")
        assert rules(project.document) == [NO_PEOPLE]
        people = next(s for s in project.document.sections if s.key == "people")
        project.add_item(people.id, "group_count", {"group": "Staff", "count": 3})
        assert rules(project.document) == []


def test_contributions_left_unthemed_once_themes_exist(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        people = next(s for s in project.document.sections if s.key == "people")
        project.add_item(people.id, "group_count", {"group": "Staff", "count": 3})
        ideas = activity(project, title="Ideas")
        said = [capture(project, ideas.id, words) for words in ("buses", "parks", "food")]
        assert rules(project.document) == []  # no themes yet: nothing to say
        theme = add_theme(project, ideas.id, "Getting about")
        assign_theme(project, [said[0].id], theme.id)
        [problem] = check_workshop(project.document)
        assert problem.rule == UNTHEMED and problem.part_id == ideas.id
        assert problem.message.startswith("2 things people said in “Ideas” are in no theme yet.")
        assign_theme(project, [said[1].id], theme.id)
        [problem] = check_workshop(project.document)
        assert "1 thing people said in “Ideas” is in no theme" in problem.message
        assign_theme(project, [said[2].id], theme.id)
        assert rules(project.document) == []


def test_votes_need_dots_and_something_to_vote_for(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        vote = activity(project, Method.VOTE, title="Vote")
        assert rules(project.document) == [NOTHING_TO_VOTE_FOR]
        project.update_item(vote.id, {"dots": 0, "options": ["Buses"]})
        [problem] = check_workshop(project.document)
    assert problem.rule == NO_DOTS and problem.message.startswith("“Vote” gives each person no")


def test_damaged_parts_are_named_gently() -> None:
    """A prompt cleared in a hand-edited file, a contribution whose activity is gone, and a
    placement off the canvas: each a warning on its item, in plain words."""
    items = {
        "session": Item("session", {"title": "W", "date": "2027-03-03", "place": "Hall"}),
        "activity": Item("activity", {"title": "Canvas", "method": "Where we are today"}),
        "contribution": Item("contribution", {"activity": "gone", "text": "hello"}),
        "placement": Item("placement", {"activity": "x", "row": 9, "position": 1}),
        "group_count": Item("group_count", {"group": "Staff", "count": 2}),
    }
    document = Document(
        "workshop",
        Meta(title="W"),
        [
            Section(key, key, items=[item])
            for key, item in zip(
                ("session", "activities", "contributions", "canvas", "people"),
                items.values(),
                strict=True,
            )
        ],
    )
    problems = check_workshop(document)
    assert [p.rule for p in problems] == [NO_PROMPT, LOST_ACTIVITY, OFF_CANVAS]
    assert all(isinstance(p, Problem) and p.severity == WARNING for p in problems)
    assert [p.part_id for p in problems] == [
        items["activity"].id,
        items["contribution"].id,
        items["placement"].id,
    ]
    for problem in problems:
        assert not re.search(r"R\d|\bid\b|None|_", problem.message), problem.message


def test_a_charter_runs_the_records_checks_on_its_parts(tmp_path: Path) -> None:
    with charter_file(tmp_path) as project:
        ensure_record(project, "Hexham")
        spec = KINDS.get("charter")
        assert spec.checks is not None
        found = [p.rule for p in spec.checks(project.document, spec)]
    assert NO_DATE_OR_PLACE in found
