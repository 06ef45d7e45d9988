"""The checks every document shares, how a kind adds its own, and the charter's checks."""

from __future__ import annotations

import dataclasses
import functools
from datetime import date
from typing import Any

import pytest

import resources
from charter import CHARTER
from charter import checks as charter_checks
from charter.checks import check_charter
from plans import PLAN
from reformkit.catalogue.entry import Entry
from reformkit.catalogue.store import Catalogue
from reformkit.document.checks import (
    RECOMMENDATION_MISSING,
    SECTION_EMPTY,
    Problem,
    check_document,
)
from reformkit.document.interchange import loads
from reformkit.document.model import Document, Item, Meta, Section, Source
from reformkit.document.spec import DocumentSpec
from tests.documents import KINDS

TODAY = date(2027, 1, 15)


@pytest.fixture
def recommendations(catalogue: Catalogue) -> list[Entry]:
    return catalogue.entries("recommendation")


def document(kind: str, *sections: Section) -> Document:
    return Document(kind, Meta(title="Test"), list(sections))


def paragraph(text: str = "Something written.") -> Item:
    return Item(type="paragraph", fields={"text": text})


def no_spec_checks(spec: DocumentSpec) -> DocumentSpec:
    return dataclasses.replace(spec, checks=None)


def test_problem_defaults_to_a_warning_and_is_frozen() -> None:
    problem = Problem("rule", "Do this.", "document", "id")
    assert problem.severity == "warning"
    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.message = "changed"  # type: ignore[misc]
    assert "checks" in [f.name for f in dataclasses.fields(DocumentSpec)]


def test_an_unanswered_recommendation_points_at_the_section_where_it_belongs(
    recommendations: list[Entry],
) -> None:
    budget = Section(key="budget", title="Total Place+ budget", tags=["R14", "R15"])
    tagged_r3 = Item(type="paragraph", fields={"text": "Our Board."}, tags=["R3"])
    board = Section(key="board", title="The Board", tags=["R3"], items=[tagged_r3])
    plan = document("plan", board, budget)
    problems = check_document(plan, no_spec_checks(PLAN), recommendations)
    missing = {p.message.split("recommendation ")[1][:3].strip(): p for p in problems
               if p.rule == RECOMMENDATION_MISSING}  # fmt: skip
    assert "R3" not in missing  # the Board section answers it
    assert (missing["R14"].part_kind, missing["R14"].part_id) == ("section", budget.id)
    assert (missing["R15"].part_kind, missing["R15"].part_id) == ("section", budget.id)
    assert "Total Place+ budget" in missing["R14"].message
    # No right-to-request section: the problem is the document's, and says what part to add.
    assert (missing["R5"].part_kind, missing["R5"].part_id) == ("document", plan.meta.id)
    assert "Add the 'Right-to-request proposals' part" in missing["R5"].message
    # National recommendations (R1, R2…), the national trials (R13, R22) and the charter's
    # R18 are never problems in a plan.
    assert not {"R1", "R2", "R13", "R16", "R18", "R22"} & set(missing)


def test_a_section_with_nothing_written(recommendations: list[Entry]) -> None:
    empty = Section(key="scope", title="Purpose and scope")
    intro_only = Section(key="rights", title="Rights", intro="Staff can expect…")
    whitespace = Section(key="duties", title="Duties", intro="  \n")
    charter = document("charter", empty, intro_only, whitespace)
    problems = [
        p for p in check_document(charter, CHARTER, recommendations) if p.rule == SECTION_EMPTY
    ]
    assert [(p.part_kind, p.part_id) for p in problems] == [
        ("section", empty.id),
        ("section", whitespace.id),
    ]
    assert "Nothing is written in 'Purpose and scope' yet" in problems[0].message


def test_the_spec_checks_run_after_the_generic_ones(recommendations: list[Entry]) -> None:
    seen: list[Any] = []

    def own_checks(doc: Document, spec: DocumentSpec) -> list[Problem]:
        seen.append((doc, spec))
        return [Problem("own", "Our own rule.", "document", doc.meta.id, "error")]

    spec = dataclasses.replace(PLAN, checks=own_checks)
    plan = document("plan", Section(key="foreword", title="Foreword"))
    problems = check_document(plan, spec, recommendations)
    assert seen == [(plan, spec)]
    assert problems[-1].rule == "own"
    assert problems[0].rule == RECOMMENDATION_MISSING


def test_the_samples_have_no_problems(recommendations: list[Entry]) -> None:
    for name in ("local-reform-plan", "respect-charter"):
        text = resources.path("samples", f"{name}.json").read_text(encoding="utf-8")
        sample = loads(text, KINDS)
        spec = KINDS.get(sample.kind)
        assert spec.checks is not None
        # The kind's checks on a fixed day, so the samples' dates do not go stale.
        fixed = dataclasses.replace(spec, checks=functools.partial(spec.checks, today=TODAY))
        assert check_document(sample, fixed, recommendations) == []


# The Respect Charter's own checks.


def charter_rules(charter: Document, today: date = TODAY) -> list[tuple[str, str, str]]:
    return [(p.rule, p.part_kind, p.part_id) for p in check_charter(charter, CHARTER, today)]


def complete_charter(**changes: Any) -> tuple[Document, dict[str, Item]]:
    items = {
        "scope": Item(type="scope", fields={"team": "Northfield team"}),
        "duty": Item(
            type="duty",
            fields={"title": "We are honest when things go wrong", "text": "…"},
            source=Source("D1", "abc"),
        ),
        "review": Item(type="review", fields={"review_date": "2027-11-30", "how": ""}),
        "signatory": Item(type="signatory", fields={"name": "Rachel", "role": "Manager"}),
    }
    items.update(changes)
    charter = document(
        "charter",
        Section(key="scope", title="Scope", items=[i for i in [items["scope"]] if i]),
        Section(key="duties", title="Duties", items=[i for i in [items["duty"]] if i]),
        Section(
            key="review",
            title="Review",
            items=[i for i in [items["review"], items["signatory"]] if i],
        ),
    )
    return charter, items


def test_a_complete_charter_has_no_charter_problems() -> None:
    charter, _ = complete_charter()
    assert charter_rules(charter) == []
    assert CHARTER.checks is check_charter


def test_charter_without_scope_review_candour_or_signatures() -> None:
    charter, _ = complete_charter(scope=None, duty=None, review=None, signatory=None)
    scope, duties, review = (s.id for s in charter.sections)
    assert charter_rules(charter) == [
        (charter_checks.CHARTER_NO_SCOPE, "section", scope),
        (charter_checks.CHARTER_NO_CANDOUR, "section", duties),
        (charter_checks.CHARTER_NO_REVIEW, "section", review),
        (charter_checks.CHARTER_NO_SIGNATURES, "section", review),
    ]
    bare = document("charter")
    assert {part for _, part, _ in charter_rules(bare)} == {"document"}


def test_a_scope_with_a_blank_team_is_no_scope() -> None:
    charter, _ = complete_charter(scope=Item(type="scope", fields={"team": "  "}))
    assert [r for r, _, _ in charter_rules(charter)] == [charter_checks.CHARTER_NO_SCOPE]


def test_duty_of_candour_by_source_or_by_title() -> None:
    own = Item(type="duty", fields={"title": "A duty of candour", "text": "…"})
    charter, _ = complete_charter(duty=own)
    assert charter_rules(charter) == []
    other = Item(
        type="duty", fields={"title": "We stay legal", "text": "…"}, source=Source("L1", "x")
    )
    charter, _ = complete_charter(duty=other)
    assert [r for r, _, _ in charter_rules(charter)] == [charter_checks.CHARTER_NO_CANDOUR]


def test_a_review_date_in_the_past() -> None:
    charter, items = complete_charter()
    later = date(2027, 12, 1)
    [problem] = check_charter(charter, CHARTER, later)
    assert (problem.rule, problem.part_id) == (
        charter_checks.CHARTER_REVIEW_PAST,
        items["review"].id,
    )
    assert "30 November 2027" in problem.message
    assert charter_rules(charter, date(2027, 11, 30)) == []
