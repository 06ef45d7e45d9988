"""The workshop kind: its spec, its builder, its sample, and phones' rows made into items."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import workshop.kind
import workshop.parts
import workshop.steps
from reformkit.catalogue.store import Catalogue
from reformkit.document.inbox import InboxRow
from reformkit.document.interchange import dumps, loads
from reformkit.document.model import Document
from reformkit.document.project import Project
from tests.guide_checks import broken_references
from tests.reformkit.test_catalogue_origin import _on_page, _strings
from tests.workshop.records import KINDS, activity, charter_file, workshop_file
from workshop.kind import WORKSHOP
from workshop.operations import add_theme, cast_votes, ensure_record
from workshop.parts import FROM_PHONE, SECTION_KEYS, Method
from workshop.receive import SubmissionError, receive
from workshop.record import read_record

SAMPLE = Path(WORKSHOP.sample.source) if WORKSHOP.sample else Path("missing")


def test_the_spec_is_an_attachable_kind_with_its_words() -> None:
    assert (WORKSHOP.kind, WORKSHOP.label) == ("workshop", "Workshop record")
    assert WORKSHOP.attachable and WORKSHOP.receive is not None
    assert WORKSHOP.item_notes is not None
    say = WORKSHOP.say
    assert (say.new_label, say.menu_label, say.article) == (
        "New workshop",
        "New &workshop…",
        "a workshop record",
    )
    assert say.description.endswith("No internet needed.")
    assert [t.key for t in WORKSHOP.section_types] == list(SECTION_KEYS)
    assert all(t.starter and t.default_tags == WORKSHOP.answers for t in WORKSHOP.section_types)


def test_it_answers_the_recommendation_that_holds_the_principle_to_co_produce(
    catalogue: Catalogue,
) -> None:
    [answer] = WORKSHOP.answers
    assert "'principle to co-produce'" in catalogue.get(answer).quote


def test_a_charter_may_hold_the_record_but_never_starts_with_it(tmp_path: Path) -> None:
    spec = KINDS.get("charter")
    assert spec.section_type("contributions").title == "What people said"
    assert spec.attached_kind("votes") is not None
    with charter_file(tmp_path) as project:
        assert not {s.key for s in project.document.sections} & set(SECTION_KEYS)


def test_the_guide_names_only_parts_that_exist(catalogue: Catalogue) -> None:
    assert broken_references(WORKSHOP, catalogue) == []
    assert [step.title for step in WORKSHOP.guide.steps] == [
        "The session",
        "Who took part",
        "Activities",
    ]


@pytest.mark.parametrize("module", [workshop.steps, workshop.parts, workshop.kind])
def test_what_is_said_of_the_briefing_quotes_it_on_its_page(module: object) -> None:
    checked = 0
    for text in _strings(module):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z“])", text):
            if not re.search(r"\bthe briefing", sentence, re.I):
                continue
            quotes = re.findall(r"“([^”]+)”", sentence)
            pages = [int(p) for p in re.findall(r"\bp\.(\d+)", sentence)]
            assert quotes and pages, sentence
            assert all(any(_on_page(q, p) for p in pages) for q in quotes), sentence
            checked += 1
    assert checked


# The sample.
def test_the_sample_is_the_hexham_workshop_and_has_nothing_to_check() -> None:
    document = loads(SAMPLE.read_text("utf-8"), KINDS)
    record = read_record(document)
    assert (record.title, record.date) == ("Hexham", "2027-03-03")
    methods = [a.method for a in record.activities]
    assert methods == [Method.IDEAS, Method.CANVAS, Method.VOTE]
    ideas, canvas, vote = record.activities
    said = record.contributions_for(ideas.id)
    assert len(said) >= 18 and len({c.group for c in said}) >= 4
    assert len(record.themes_for(ideas.id)) == 4 and all(c.theme_id for c in said)
    assert len([p for p in record.placements if p.activity_id == canvas.id]) >= 10
    assert record.tally(vote.id)[0][0] == "One worker who knows us"
    assert WORKSHOP.checks is not None and WORKSHOP.checks(document, WORKSHOP) == []


def test_the_sample_is_what_dump_prints() -> None:
    text = SAMPLE.read_text("utf-8")
    assert json.loads(dumps(loads(text, KINDS))) == json.loads(text)


# Phones' rows.
def row(channel: str, n: int = 1, **payload: Any) -> InboxRow:
    return InboxRow(f"row{n}", "2027-03-03T10:00:00+00:00", channel, payload)


def test_rows_become_items_of_the_right_parts(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        canvas = activity(project, Method.CANVAS)
        vote = activity(project, Method.VOTE, options=("Buses", "Parks"))
        rows = [
            row("contribution", 1, activity=ideas.id, text=" more buses ", group="citizen"),
            row("placement", 2, activity=canvas.id, row="6", position=2, why="Still a list"),
            row("vote", 3, activity=vote.id, option="parks", dots=2, voter="Phone 4"),
            row("vote", 4, activity=vote.id, allocation={"Buses": 1}, voter="Phone 4"),
            row("something else", 5, activity="x"),
        ]
        made = receive(project.document, rows)
    assert [key for key, _ in made] == ["contributions", "canvas", "votes", "votes"]
    said, placed, first, second = (item for _, item in made)
    assert said.fields["text"] == "more buses" and said.fields["group"] == "Citizens"
    assert said.fields["via"] == FROM_PHONE and placed.fields["row"] == 6
    assert (first.fields["option"], first.fields["dots"], second.fields["dots"]) == ("Parks", 2, 1)


@pytest.mark.parametrize(
    ("channel", "payload", "message"),
    [
        ("contribution", {"activity": "gone", "text": "x"}, "no longer"),
        ("contribution", {"activity": "IDEAS", "text": "   "}, "no words"),
        ("contribution", {"activity": "IDEAS", "text": 5}, "as text"),
        ("contribution", {"activity": "IDEAS", "text": "x" * 200_000}, "characters long"),
        ("placement", {"activity": "IDEAS", "row": 1, "position": 1}, "does not ask"),
        ("placement", {"activity": "CANVAS", "row": 7, "position": 1}, "a row from 1 to 6"),
        ("placement", {"activity": "CANVAS", "row": 1, "position": True}, "a place along"),
        ("vote", {"activity": "VOTE", "option": "Trams", "dots": 1, "voter": "P"}, "not one of"),
        ("vote", {"activity": "VOTE", "option": "Buses", "dots": 4, "voter": "P"}, "dots from 1"),
        ("vote", {"activity": "VOTE", "option": "Buses", "dots": 1, "voter": ""}, "who is voting"),
        ("vote", {"activity": "VOTE", "allocation": ["Buses"], "voter": "P"}, "choices and dots"),
    ],
)
def test_a_bad_row_raises_naming_it(
    tmp_path: Path, channel: str, payload: dict[str, Any], message: str
) -> None:
    with workshop_file(tmp_path) as project:
        ids = {
            "IDEAS": activity(project).id,
            "CANVAS": activity(project, Method.CANVAS).id,
            "VOTE": activity(project, Method.VOTE, options=("Buses",)).id,
        }
        payload = {**payload, "activity": ids.get(payload["activity"], payload["activity"])}
        good = row("contribution", 1, activity=ids["IDEAS"], text="fine")
        with pytest.raises(SubmissionError, match=message) as raised:
            receive(project.document, [good, row(channel, 2, **payload)])
    assert raised.value.row_id == "row2"


def test_a_phone_cannot_vote_twice_over_its_dots(tmp_path: Path) -> None:
    with workshop_file(tmp_path) as project:
        ideas = activity(project)
        add_theme(project, ideas.id, "Buses")
        vote = activity(project, Method.VOTE, dots=3)
        cast_votes(project, vote.id, "Phone 1", {"Buses": 2})
        document: Document = project.document
        ok = [row("vote", 1, activity=vote.id, option="Buses", dots=1, voter="Phone 1")]
        assert len(receive(document, ok)) == 1
        again = [*ok, row("vote", 2, activity=vote.id, option="Buses", dots=1, voter="Phone 1")]
        with pytest.raises(SubmissionError, match="already used their dots") as raised:
            receive(document, again)
    assert raised.value.row_id == "row2"


def test_the_charter_takes_in_the_workshops_rows(tmp_path: Path) -> None:
    with charter_file(tmp_path) as project:
        ensure_record(project, "Hexham")
        ideas = activity(project)
        hook = KINDS.get("charter").receive
        assert hook is not None
        made = hook(project.document, [row("contribution", activity=ideas.id, text="hi")])
    assert [key for key, _ in made] == ["contributions"]


def test_a_new_workshop_file_has_every_part(tmp_path: Path) -> None:
    with Project.create(tmp_path / "w.reform", KINDS.get("workshop"), "Hexham") as project:
        assert [s.key for s in project.document.sections] == list(SECTION_KEYS)
