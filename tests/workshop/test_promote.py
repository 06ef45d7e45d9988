"""Promotion: a contribution or theme becomes a clause, an action or a new part of a plan,
keeps its provenance, and in a plan makes (and keeps up to date) the engagement-log row."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from charter import CHARTER
from plans import PLAN
from reformkit.document.model import Document, Meta
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds, EngagementSummary, PromotionTarget
from tests.workshop import records
from tests.workshop.records import activity
from workshop.errors import WorkshopError
from workshop.kind import WORKSHOP
from workshop.operations import add_theme, assign_theme, capture, cast_votes, ensure_record
from workshop.parts import Method
from workshop.promote import (
    ENGAGEMENT_STATE,
    engagement_summary,
    promote,
    promotion_targets,
    short_title,
    update_engagement,
)
from workshop.provenance import item_notes, provenance, workshop_name
from workshop.record import read_record

PRINCIPLE = PromotionTarget("A principle", "principles", "principle", "text", "title")
ACTION = PromotionTarget("An action", "actions", "action", "action")
NEW_PART = PromotionTarget(
    "A new part of the plan", "custom", "paragraph", "text", new_section=True
)


def engagement(summary: EngagementSummary) -> tuple[str, str, dict[str, Any]]:
    """The plan's hook, as the design gives it (W1 declares the real one in plans/kind.py)."""
    return (
        "engagement",
        "engagement",
        {
            "date": summary.date,
            "who": summary.who,
            "how_many": summary.how_many,
            "method": summary.method,
            "what_changed": "\n".join(summary.what_changed),
        },
    )


# The charter and plan as the design gives them, whether or not W1's targets are in yet.
KINDS = DocumentKinds(
    [
        replace(CHARTER.own or CHARTER, promotion_targets=(PRINCIPLE,)),
        replace(PLAN.own or PLAN, promotion_targets=(ACTION, NEW_PART), engagement=engagement),
        WORKSHOP,
    ]
)


def open_with_record(path: Path, kind: str, date: str = "2027-03-03") -> Project:
    project = Project.create(path, KINDS.get(kind), "Doc")
    ensure_record(project, "Hexham", date, "Hexham Community Centre")
    people = next(s for s in project.document.sections if s.key == "people")
    project.add_item(people.id, "group_count", {"group": "Staff", "count": 9})
    project.add_item(people.id, "group_count", {"group": "Families", "count": 5})
    return project


def voted_theme(project: Project) -> tuple[str, str]:
    """A theme with 14 dots and one contribution in it: (theme id, contribution id)."""
    ideas = activity(project)
    said = capture(project, ideas.id, "Families: Let us speak to the same worker every time.")
    theme = add_theme(project, ideas.id, "One worker")
    assign_theme(project, [said.id], theme.id)
    vote = activity(project, Method.VOTE, dots=3)
    for n in range(4):
        cast_votes(project, vote.id, f"Phone {n}", {"One worker": 3})
    cast_votes(project, vote.id, "Phone 9", {"One worker": 2})
    return theme.id, said.id


def test_a_theme_becomes_a_charter_principle_with_its_provenance(tmp_path: Path) -> None:
    with open_with_record(tmp_path / "c.reform", "charter") as project:
        theme_id, _ = voted_theme(project)
        changes: list[str] = []
        project.subscribe(lambda change, _: changes.append(change))
        item = promote(project, KINDS, theme_id, PRINCIPLE)
        record = read_record(project.document)
        notes = item_notes(project.document)
        chained = KINDS.get("charter").item_notes
        assert chained is not None and chained(project.document) == notes
    section, _ = project.document.find_item(item.id)
    assert section.key == "principles"
    assert item.fields == {"title": "One worker", "text": "One worker"}
    assert record.theme(theme_id).promoted_to == (item.id,)
    assert notes == {item.id: "From the Hexham workshop, 3 March 2027, 14 votes"}
    assert len(changes) == 1  # one step to undo


def test_a_contribution_gives_its_words_and_a_short_title(tmp_path: Path) -> None:
    with open_with_record(tmp_path / "c.reform", "charter") as project:
        _, said_id = voted_theme(project)
        item = promote(project, KINDS, said_id, PRINCIPLE)
        named = promote(project, KINDS, said_id, PRINCIPLE, title="Continuity")
        record = read_record(project.document)
    assert item.fields["text"] == "Let us speak to the same worker every time."
    assert item.fields["title"] == "Let us speak to the same worker every time"
    assert named.fields["title"] == "Continuity"
    assert record.contributions[0].promoted_to == (item.id, named.id)
    # The contribution's words got no votes of their own: none are claimed for it.
    assert provenance(record, item.id) == "From the Hexham workshop, 3 March 2027"


def test_only_a_contribution_or_theme_can_be_promoted(tmp_path: Path) -> None:
    with open_with_record(tmp_path / "c.reform", "charter") as project:
        ideas = activity(project)
        with pytest.raises(WorkshopError, match="Only something people said"):
            promote(project, KINDS, ideas.id, PRINCIPLE)


def test_in_a_plan_promotion_writes_one_engagement_row_kept_up_to_date(tmp_path: Path) -> None:
    with open_with_record(tmp_path / "p.reform", "plan") as project:
        theme_id, said_id = voted_theme(project)
        action = promote(project, KINDS, said_id, ACTION)
        part = promote(project, KINDS, theme_id, NEW_PART)
        rows = [i for _, i in project.document.items() if i.type == "engagement"]
        section, _ = project.document.find_item(part.id)
        remembered = project.state(ENGAGEMENT_STATE + read_record(project.document).session_id)
    assert action.fields["action"] == "Let us speak to the same worker every time."
    assert (section.key, section.title) == ("custom", "One worker")
    [row] = rows
    assert remembered == row.id
    assert row.fields["date"] == "2027-03-03" and row.fields["how_many"] == 14
    assert row.fields["who"] == "Staff, Families" and row.fields["method"] == "Workshop"
    assert row.fields["what_changed"].splitlines() == [
        "Paragraph: One worker",
        "Action: Let us speak to the same worker every time.",
    ]


def test_a_session_without_a_date_is_promoted_but_logged_later(tmp_path: Path) -> None:
    with open_with_record(tmp_path / "p.reform", "plan", date="") as project:
        _, said_id = voted_theme(project)
        promote(project, KINDS, said_id, ACTION)
        assert not [i for _, i in project.document.items() if i.type == "engagement"]
        ensure_record(project, date="2027-03-03")
        row = update_engagement(project, KINDS)
    assert row is not None and "Action: Let us" in row.fields["what_changed"]


def test_a_charter_has_no_engagement_log(tmp_path: Path) -> None:
    with open_with_record(tmp_path / "c.reform", "charter") as project:
        assert update_engagement(project, KINDS) is None
        summary = engagement_summary(project, KINDS.get("charter"))
    assert summary.how_many == 14 and summary.what_changed == ()


def test_promotion_targets_come_from_the_documents_kind(tmp_path: Path) -> None:
    with open_with_record(tmp_path / "c.reform", "charter") as project:
        assert promotion_targets(KINDS, project.document) == (PRINCIPLE,)
    with Project.create(tmp_path / "w.reform", KINDS.get("workshop"), "W") as project:
        assert promotion_targets(KINDS, project.document) == ()


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Hexham", "the Hexham workshop"),
        ("Hexham workshop", "the Hexham workshop"),
        ("The Tynedale Workshop", "the Tynedale Workshop"),
        ("  ", "a workshop"),
    ],
)
def test_workshop_names_read_naturally(title: str, name: str) -> None:
    record = replace(read_record(Document("workshop", Meta(title="W"))), title=title)
    assert workshop_name(record) == name


def test_one_vote_is_singular_and_none_is_left_out(tmp_path: Path) -> None:
    with open_with_record(tmp_path / "c.reform", "charter") as project:
        ideas = activity(project)
        theme = add_theme(project, ideas.id, "Buses")
        vote = activity(project, Method.VOTE, dots=1)
        cast_votes(project, vote.id, "Phone 1", {"Buses": 1})
        item = promote(project, KINDS, theme.id, PRINCIPLE)
        record = read_record(project.document)
    assert provenance(record, item.id) == "From the Hexham workshop, 3 March 2027, 1 vote"
    assert provenance(record, "not-promoted") == ""


def test_short_titles_cut_at_a_word() -> None:
    assert short_title("Buses after six.") == "Buses after six"
    long = "We need buses that run after six in the evening so that young people can get home"
    assert short_title(long) == "We need buses that run after six in the evening so that…"
    assert short_title("") == ""


def test_with_the_real_plan_the_row_follows_the_sessions_date(tmp_path: Path) -> None:
    """The plan's own hook logs an undated session on the day; setting the date later
    updates that row rather than adding a second."""
    real = records.KINDS
    with Project.create(tmp_path / "p.reform", real.get("plan"), "Plan") as project:
        ensure_record(project, "Hexham", place="Hexham Community Centre")
        ideas = activity(project)
        said = capture(project, ideas.id, "Staff: fewer forms")
        targets = promotion_targets(real, project.document)
        action = next(t for t in targets if t.item_type == "action")
        promote(project, real, said.id, action)
        ensure_record(project, date="2027-03-03")
        update_engagement(project, real)
        rows = [i for _, i in project.document.items() if i.type == "engagement"]
    [row] = rows
    assert row.fields["date"] == "2027-03-03"
    assert row.fields["what_changed"] == "Action: fewer forms"
