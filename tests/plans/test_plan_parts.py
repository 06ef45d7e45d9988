"""The Local Reform Plan's parts, and the sample plan that ships with ReformKit."""

from __future__ import annotations

from decimal import Decimal

import resources
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.coverage import MISSING, coverage
from reformkit.document.interchange import loads
from tests.documents import KINDS

SAMPLE = resources.path("samples", "local-reform-plan.json")


def test_every_part_design_md_lists_is_there() -> None:
    keys = [s.key for s in PLAN.section_types]
    assert keys == [
        "foreword",
        "board",
        "place",
        "missions",
        "standards",
        "system_shift",
        "collaboration",
        "prevention",
        "engagement",
        "requests",
        "budget",
        "investment",
        "workforce",
        "accountability",
        "innovation_zone",
        "actions",
    ]
    for section_type in PLAN.section_types:
        for item_type in section_type.item_types:
            assert item_type.title_field in item_type.field_names


def test_budget_amounts_are_money_not_sentences() -> None:
    budget = PLAN.section_type("budget")
    assert budget.item_type("budget_line").field("amount").type == "money"
    assert budget.item_type("budget_pot").field("total").required


def test_sample_plan_is_complete(catalogue: Catalogue) -> None:
    plan = loads(SAMPLE.read_text(encoding="utf-8"), KINDS)
    assert all(section.items for section in plan.sections), "every part is filled in"
    rows = coverage(plan, PLAN, catalogue.entries("recommendation"))
    assert [row.recommendation.id for row in rows if row.status == MISSING] == []
    budget = next(s for s in plan.sections if s.key == "budget")
    pot = next(i for i in budget.items if i.type == "budget_pot")
    lines = [Decimal(i.fields["amount"]) for i in budget.items if i.type == "budget_line"]
    assert sum(lines) == Decimal(pot.fields["total"])
    board = next(s for s in plan.sections if s.key == "board")
    assert sum(1 for member in board.items if member.fields.get("chair")) == 1
