"""The facilitator's operations: each writes through the Project, or refuses in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reformkit.document.project import Project
from tests.workshop.records import KINDS, activity, charter_file, workshop_file
from workshop.errors import WorkshopError
from workshop.groups import SHORT_FORMS, match_group, parse_line
from workshop.operations import (
    add_activity,
    add_theme,
    assign_theme,
    capture,
    capture_lines,
    cast_votes,
    edit_contribution,
    ensure_record,
    place,
    remove_theme,
    rename_theme,
    set_hidden,
)
from workshop.parts import FROM_PHONE, GROUPS, SECTION_KEYS, TYPED, Method
from workshop.record import read_record

labels = st.sampled_from([form for forms in SHORT_FORMS.values() for form in forms] + list(GROUPS))
cases = labels.map(lambda label: "".join(c.upper() if i % 2 else c for i, c in enumerate(label)))
lines = st.text(st.characters(codec="utf-8"), max_size=60)


# parse_line.
@given(
    lines
    | st.tuples(labels, st.text(" \t", max_size=50), lines).map(lambda t: f"{t[0]}{t[1]}:{t[2]}"),
    st.sampled_from(["", "Staff", "Our own group"]),
)
def test_parse_line_never_loses_text(line: str, default: str) -> None:
    group, text = parse_line(line, default)
    assert text in line
    prefix, colon, rest = line.partition(":")
    named = match_group(prefix) if colon else None
    assert (group, text) == ((named, rest.strip()) if named else (default, line.strip()))


@given(st.sampled_from(GROUPS), lines.map(str.strip))
def test_parse_line_round_trips_a_group_and_its_words(group: str, words: str) -> None:
    assert parse_line(f"{group}: {words}") == (group, words)


@given(cases, lines.map(str.strip))
def test_short_forms_are_read_in_any_case(label: str, words: str) -> None:
    group, text = parse_line(f"  {label} :{words}")
    assert group in GROUPS and text == words


def test_parse_line_examples() -> None:
    assert parse_line("Staff: we need more time") == ("Staff", "we need more time")
    assert parse_line("lived experience: it was hard") == (
        "People with lived experience",
        "it was hard",
    )
    assert parse_line("family: a: b") == ("Families", "a: b")
    assert parse_line("Note: the bus is late", "Citizens") == ("Citizens", "Note: the bus is late")
    assert parse_line("no label at all  ", "Staff") == ("Staff", "no label at all")


# The record's parts.
def test_ensure_record_adds_every_part_to_a_charter_once(tmp_path: Path) -> None:
    with charter_file(tmp_path) as project:
        own = [s.key for s in project.document.sections]
        changes: list[str] = []
        project.subscribe(lambda change, _: changes.append(change))
        ensure_record(project, "Hexham", "3/3/2027", "Hexham")
        ensure_record(project)
        keys = [s.key for s in project.document.sections]
        record = read_record(project.document)
    assert keys == own + list(SECTION_KEYS)
    assert record.title == "Hexham" and record.date == "2027-03-03"
    assert len(changes) == 1  # one change: one undo step


def test_ensure_record_updates_the_session_it_has(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ensure_record(project, place="Hexham Abbey")
        record = read_record(project.document)
    assert (record.title, record.place) == ("Hexham", "Hexham Abbey")


def test_a_bad_date_is_refused_plainly(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project, pytest.raises(WorkshopError, match="not a date"):
        ensure_record(project, date="next Tuesday")


def test_add_activity_needs_a_title_a_question_and_dots(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        with pytest.raises(WorkshopError, match="title"):
            add_activity(project, " ", Method.IDEAS, "What?")
        with pytest.raises(WorkshopError, match="question"):
            add_activity(project, "Ideas", Method.IDEAS, "")
        with pytest.raises(WorkshopError, match="one dot"):
            add_activity(project, "Vote", Method.VOTE, "Which?", dots=0)
        item = add_activity(project, "Vote", Method.VOTE, "Which?", options=(" A ", "", "B"))
    assert item.fields["method"] == "Dot vote" and item.fields["options"] == ["A", "B"]


# Capture.
def test_capture_reads_the_group_and_keeps_the_words(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        item = capture(project, ideas.id, "citizens: buses after 6pm", "Staff")
        other = capture(project, ideas.id, "more youth clubs", "Staff", via=FROM_PHONE)
    assert item.fields["group"] == "Citizens" and item.fields["text"] == "buses after 6pm"
    assert item.fields["via"] == TYPED
    assert other.fields["group"] == "Staff" and other.fields["via"] == FROM_PHONE


def test_capture_refuses_an_empty_line_or_an_unknown_activity(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        with pytest.raises(WorkshopError, match="nothing to add"):
            capture(project, ideas.id, "Staff:   ")
        with pytest.raises(WorkshopError, match="no longer"):
            capture(project, "gone", "words")
        assert read_record(project.document).contributions == ()


def test_capture_lines_adds_one_per_line_in_one_change(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        changes: list[str] = []
        project.subscribe(lambda change, _: changes.append(change))
        items = capture_lines(
            project, ideas.id, "Staff: one\n\n  \nfamilies: two\nthree\nStaff:", "Partners"
        )
    assert [(i.fields["group"], i.fields["text"]) for i in items] == [
        ("Staff", "one"),
        ("Families", "two"),
        ("Partners", "three"),
    ]
    assert changes == ["items-added"]


def test_edit_and_hide_a_contribution(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        item = capture(project, ideas.id, "Staff: typo herre")
        edit_contribution(project, item.id, text=" typo here ", group="Partners")
        set_hidden(project, item.id, True)
        with pytest.raises(WorkshopError, match="needs some words"):
            edit_contribution(project, item.id, text="  ")
        with pytest.raises(WorkshopError, match="not a contribution"):
            set_hidden(project, ideas.id, True)
        [contribution] = read_record(project.document).contributions
    assert (contribution.text, contribution.group, contribution.hidden) == (
        "typo here",
        "Partners",
        True,
    )


# Themes.
def test_themes_group_contributions_and_can_be_undone(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        a, b, c = (capture(project, ideas.id, words) for words in ("buses", "trains", "parks"))
        theme = add_theme(project, ideas.id, "Transport")
        with pytest.raises(WorkshopError, match="already a theme"):
            add_theme(project, ideas.id, " transport ")
        assign_theme(project, [a.id, b.id], theme.id)
        record = read_record(project.document)
        assert {x.id for x in record.contributions if x.theme_id == theme.id} == {a.id, b.id}
        assign_theme(project, [b.id], None)
        rename_theme(project, theme.id, "Getting about")
        remove_theme(project, theme.id)
        record = read_record(project.document)
    assert record.themes == () and all(x.theme_id == "" for x in record.contributions)
    assert len(record.contributions) == 3 and c.id in {x.id for x in record.contributions}


def test_assign_theme_refuses_what_is_not_a_theme(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        said = capture(project, ideas.id, "buses")
        with pytest.raises(WorkshopError, match="not a theme"):
            assign_theme(project, [said.id], said.id)


# The canvas.
def test_place_checks_the_row_the_position_and_the_activity(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        canvas = activity(project, Method.CANVAS)
        ideas = activity(project)
        item = place(project, canvas.id, 6, 1, " Still problems to solve ", "citizens")
        for row, position in ((0, 3), (7, 3), (1, 0), (1, 6)):
            with pytest.raises(WorkshopError, match="Choose"):
                place(project, canvas.id, row, position)
        with pytest.raises(WorkshopError, match="is not a"):
            place(project, ideas.id, 1, 1)
    assert item.fields["why"] == "Still problems to solve" and item.fields["row"] == 6


# Dot votes.
def test_cast_votes_replaces_a_voters_earlier_dots(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        vote = activity(project, Method.VOTE, options=("Buses", "Parks"), dots=3)
        cast_votes(project, vote.id, "Phone 7", {"Buses": 3})
        cast_votes(project, vote.id, "Phone 7", {"buses": 1, "Parks": 2, "Parks ": 0})
        record = read_record(project.document)
    assert record.tally(vote.id) == [("Parks", 2), ("Buses", 1)]
    assert {v.option for v in record.votes} == {"Buses", "Parks"}


@pytest.mark.parametrize(
    ("allocation", "message"),
    [
        ({"Buses": 4}, "Each person has 3 dots"),
        ({"Buses": 2, "Parks": 2}, "add up to 4"),
        ({"Trams": 1}, "not one of the choices"),
        ({"Buses": -1}, "whole number"),
    ],
)
def test_cast_votes_refuses_too_many_dots_or_unknown_choices(
    tmp_path: Path, allocation: dict[str, int], message: str
) -> None:
    with workshop_file(tmp_path) as project:
        vote = activity(project, Method.VOTE, options=("Buses", "Parks"), dots=3)
        cast_votes(project, vote.id, "Phone 1", {"Parks": 1})
        with pytest.raises(WorkshopError, match=message):
            cast_votes(project, vote.id, "Phone 1", allocation)
        record = read_record(project.document)
    assert record.tally(vote.id) == [("Parks", 1), ("Buses", 0)]  # the earlier vote stands


def test_cast_votes_needs_a_voter_and_a_dot_vote(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        vote = activity(project, Method.VOTE, options=("A",))
        ideas = activity(project)
        with pytest.raises(WorkshopError, match="who is voting"):
            cast_votes(project, vote.id, " ", {"A": 1})
        with pytest.raises(WorkshopError, match="not a dot vote"):
            cast_votes(project, ideas.id, "Phone 1", {"A": 1})


def test_every_operation_is_kept_in_the_file(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        said = capture(project, ideas.id, "Staff: time to talk")
        theme = add_theme(project, ideas.id, "Time")
        assign_theme(project, [said.id], theme.id)
        before = read_record(project.document)
        path = project.path
    with Project.open(path, KINDS) as reopened:
        assert read_record(reopened.document) == before
