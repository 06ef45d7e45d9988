"""The read-only view of a record: what the room said, tallied and counted, from any document."""

from __future__ import annotations

import re
from pathlib import Path

import resources
from reformkit.document.model import Document, Item, Meta, Section
from tests.workshop.records import activity, charter_file, workshop_file
from workshop.canvas import TABLE_ONE
from workshop.operations import (
    add_theme,
    capture,
    cast_votes,
    ensure_record,
    place,
    set_hidden,
)
from workshop.parts import Method
from workshop.record import has_record, read_record


def test_a_document_without_a_record_reads_as_an_empty_one() -> None:
    document = Document("charter", Meta(title="C"), [Section("scope", "Scope")])
    record = read_record(document)
    assert not has_record(document) and record.empty and record.people() == 0
    assert record.activities == () and record.title == ""


def test_the_session_and_counts_are_read(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        people = next(s for s in project.document.sections if s.key == "people")
        project.add_item(people.id, "group_count", {"group": "Staff", "count": 7})
        project.add_item(people.id, "group_count", {"group": "Citizens", "count": 5})
        record = read_record(project.document)
    assert (record.title, record.date, record.place) == (
        "Hexham",
        "2027-03-03",
        "Hexham Community Centre",
    )
    assert record.people() == 12 and [g.group for g in record.groups] == ["Staff", "Citizens"]


def test_hidden_contributions_are_left_out_unless_asked(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        shown = capture(project, ideas.id, "Staff: more time")
        hidden = capture(project, ideas.id, "rude words")
        set_hidden(project, hidden.id, True)
        record = read_record(project.document)
    assert [c.id for c in record.contributions_for(ideas.id)] == [shown.id]
    assert len(record.contributions_for(ideas.id, include_hidden=True)) == 2


def test_tally_orders_by_dots_then_by_the_options_order(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        vote = activity(project, Method.VOTE, options=("Buses", "Parks", "Food"), dots=3)
        cast_votes(project, vote.id, "Phone 1", {"Food": 2, "Parks": 1})
        cast_votes(project, vote.id, "Phone 2", {"Parks": 1, "Buses": 1})
        record = read_record(project.document)
    assert record.tally(vote.id) == [("Parks", 2), ("Food", 2), ("Buses", 1)]
    assert record.voters(vote.id) == 2


def test_a_vote_without_options_offers_the_themes_and_counts_their_votes(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        transport = add_theme(project, ideas.id, "Transport")
        add_theme(project, ideas.id, "Food")
        vote = activity(project, Method.VOTE, dots=3)
        cast_votes(project, vote.id, "Phone 1", {"transport": 3})
        record = read_record(project.document)
    assert record.options_for(vote.id) == ("Transport", "Food")
    assert record.tally(vote.id) == [("Transport", 3), ("Food", 0)]
    assert record.theme_votes(record.theme(transport.id)) == 3


def test_canvas_counts_every_row_and_position(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        canvas = activity(project, Method.CANVAS)
        place(project, canvas.id, 1, 2, "Still very linear")
        place(project, canvas.id, 1, 2)
        place(project, canvas.id, 6, 5)
        counts = read_record(project.document).canvas_counts(canvas.id)
    assert sorted(counts) == [1, 2, 3, 4, 5, 6]
    assert counts[1] == [0, 2, 0, 0, 0] and counts[6] == [0, 0, 0, 0, 1]
    assert sum(map(sum, counts.values())) == 3


def test_a_record_inside_a_charter_is_read_the_same(tmp_path: Path) -> None:
    with charter_file(tmp_path) as project:
        assert not has_record(project.document)
        ensure_record(project, "Hexham")
        ideas = activity(project)
        capture(project, ideas.id, "Families: listen to us")
        record = read_record(project.document)
    assert has_record(project.document) and record.title == "Hexham"
    assert record.contributions[0].group == "Families"


def test_values_of_the_wrong_shape_read_as_empty() -> None:
    """A damaged or hand-edited file still reads: odd values fall back, nothing raises."""
    items = [
        Item("activity", {"title": "A", "method": "Juggling", "prompt": 5, "dots": "x"}),
        Item("vote", {"activity": "A", "option": None, "dots": True, "voter": ["x"]}),
    ]
    document = Document("workshop", Meta(title="W"), [Section("activities", "A", items=items[:1])])
    document.sections.append(Section("votes", "V", items=items[1:]))
    record = read_record(document)
    assert record.activities[0].method is Method.IDEAS and record.activities[0].prompt == ""
    assert record.activities[0].dots == 3 and record.votes[0].dots == 0


def test_table_one_quotes_the_catalogue_cells() -> None:
    assert [row.number for row in TABLE_ONE] == [1, 2, 3, 4, 5, 6]
    assert TABLE_ONE[0].theme == "The world is..."
    assert (TABLE_ONE[0].from_words, TABLE_ONE[0].to_words) == (
        "Simple and linear",
        "Complex and adaptive",
    )
    assert TABLE_ONE[5].to_words == "Active partners in the co-production of services"
    assert {row.page for row in TABLE_ONE} == {11}


def test_table_one_cells_are_the_briefings_words() -> None:
    text = resources.path("briefing", "the-reform-dividend.txt").read_text("utf-8")
    flat = " ".join(re.sub(r"<[^>]+>", " ", text).split())
    for row in TABLE_ONE:
        for cell in (row.theme.rstrip("."), row.from_words, row.to_words):
            assert cell in flat, cell
