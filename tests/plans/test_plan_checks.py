"""The Local Reform Plan's checks: each rule fires on a small plan and points at the part."""

from __future__ import annotations

import dataclasses
import functools
from datetime import date
from typing import Any

import resources
from plans import PLAN, checks
from plans.checks import check_plan
from plans.parts import ACTION_STATUSES, MISSION_LEVELS
from reformkit.catalogue.store import Catalogue
from reformkit.document.checks import Problem, check_document
from reformkit.document.interchange import loads
from reformkit.document.model import Document, Item, Meta, Section
from tests.documents import KINDS

SAMPLE = resources.path("samples", "local-reform-plan.json")
TODAY = date(2027, 1, 15)


def item(item_type: str, **fields: Any) -> Item:
    return Item(type=item_type, fields=fields)


def plan(**sections: list[Item]) -> Document:
    """A plan with one section per keyword (its key), holding the items given."""
    return Document(
        "plan",
        Meta(title="Test plan"),
        [Section(key=key, title=key.title(), items=list(items)) for key, items in sections.items()],
    )


def by_rule(problems: list[Problem], rule: str) -> list[Problem]:
    return [p for p in problems if p.rule == rule]


def chair() -> Item:
    return item("member", role="Mayor", name="Mayor Sunita Calder", chair=True)


def pot(total: str = "1000.00", officer: str = "Naomi Strickland") -> Item:
    return item("budget_pot", total=total, period="2027-28", accounting_officer=officer)


def line(amount: str) -> Item:
    return item("budget_line", service="Early help", partner="Council", amount=amount)


def full_mission(level: str, parent: str = "", **changes: str) -> Item:
    fields = {
        "level": level,
        "title": f"A {level}",
        "parent": parent,
        "metric": "Share of children ready for school",
        "baseline": "63%",
        "target": "72%",
        "target_date": "2029-07-31",
        "owner": "Mayor Sunita Calder",
    }
    return item("mission", **{**fields, **changes})


def test_words_match_the_plan_parts() -> None:
    assert (checks.NATIONAL, checks.METRO, checks.LOCAL) == MISSION_LEVELS
    assert checks.DONE in ACTION_STATUSES
    assert PLAN.checks is check_plan


def test_the_sample_plan_has_no_budget_mission_action_or_board_problems(
    catalogue: Catalogue,
) -> None:
    document = loads(SAMPLE.read_text(encoding="utf-8"), KINDS)
    assert check_plan(document, PLAN, today=TODAY) == []
    on_the_day = dataclasses.replace(PLAN, checks=functools.partial(check_plan, today=TODAY))
    assert check_document(document, on_the_day, catalogue.entries("recommendation")) == []


def test_budget_lines_that_do_not_add_up_say_both_figures_and_the_difference() -> None:
    the_pot = pot(total="312500000.00")
    document = plan(
        board=[chair()],
        budget=[the_pot, line("312000000.00"), line("450000.00")],
    )
    [problem] = by_rule(check_plan(document, PLAN, TODAY), checks.BUDGET_MISMATCH)
    assert problem.message.startswith(
        "£312,450,000 in lines, £312,500,000 in the pot: £50,000 short."
    )
    assert (problem.part_kind, problem.part_id, problem.severity) == ("item", the_pot.id, "error")


def test_budget_lines_over_the_pot_in_pence_exactly() -> None:
    document = plan(board=[chair()], budget=[pot("100.00"), line("0.10"), line("100.20")])
    [problem] = by_rule(check_plan(document, PLAN, TODAY), checks.BUDGET_MISMATCH)
    assert problem.message.startswith("£100.30 in lines, £100 in the pot: £0.30 over.")


def test_lines_that_add_up_in_floats_badly_still_reconcile() -> None:
    document = plan(board=[chair()], budget=[pot("0.30"), line("0.10"), line("0.20")])
    assert by_rule(check_plan(document, PLAN, TODAY), checks.BUDGET_MISMATCH) == []


def test_no_pot_points_at_the_budget_section_or_the_document() -> None:
    document = plan(board=[chair()], budget=[line("10.00")])
    [problem] = by_rule(check_plan(document, PLAN, TODAY), checks.BUDGET_NO_POT)
    assert (problem.part_kind, problem.part_id) == ("section", document.sections[1].id)
    bare = plan(board=[chair()])
    [problem] = by_rule(check_plan(bare, PLAN, TODAY), checks.BUDGET_NO_POT)
    assert (problem.part_kind, problem.part_id) == ("document", bare.meta.id)


def test_more_than_one_pot_and_no_accounting_officer() -> None:
    first, second = pot("10.00"), pot("10.00", officer="  ")
    document = plan(board=[chair()], budget=[first, second, line("10.00")])
    problems = check_plan(document, PLAN, TODAY)
    assert [p.part_id for p in by_rule(problems, checks.BUDGET_MANY_POTS)] == [second.id]
    assert [p.part_id for p in by_rule(problems, checks.BUDGET_NO_ACCOUNTING_OFFICER)] == [
        second.id
    ]
    assert "Chief Executive" in by_rule(problems, checks.BUDGET_NO_ACCOUNTING_OFFICER)[0].message
    assert by_rule(problems, checks.BUDGET_MISMATCH) == []  # no single pot to compare with


def test_missions_without_metric_owner_baseline_target_or_date_each_say_so() -> None:
    national = full_mission(checks.NATIONAL)
    bare = full_mission(checks.METRO, national.id, metric="", owner=" ", baseline="", target="")
    bare.fields["target_date"] = None
    document = plan(board=[chair()], missions=[national, bare])
    problems = check_plan(document, PLAN, TODAY)
    rules = [p.rule for p in problems if p.part_id == bare.id]
    assert rules == [
        checks.MISSION_NO_METRIC,
        checks.MISSION_NO_BASELINE,
        checks.MISSION_NO_TARGET,
        checks.MISSION_NO_DATE,
        checks.MISSION_NO_OWNER,
    ]
    assert by_rule(problems, checks.MISSION_NO_METRIC)[0].message == (
        "Give this mission a metric: what number will show progress?"
    )
    assert [p for p in problems if p.part_id == national.id] == []


def test_the_mission_cascade_is_linked_level_by_level() -> None:
    national = full_mission(checks.NATIONAL)
    metro = full_mission(checks.METRO, national.id)
    local = full_mission(checks.LOCAL, metro.id)
    unlinked_metro = full_mission(checks.METRO)
    unlinked_local = full_mission(checks.LOCAL)
    skipping_local = full_mission(checks.LOCAL, national.id)
    document = plan(
        board=[chair()],
        missions=[national, metro, local, unlinked_metro, unlinked_local, skipping_local],
    )
    problems = by_rule(check_plan(document, PLAN, TODAY), checks.MISSION_NOT_LINKED)
    assert [p.part_id for p in problems] == [
        unlinked_metro.id,
        unlinked_local.id,
        skipping_local.id,
    ]
    assert "national mission metric" in problems[0].message
    assert "metro mission" in problems[1].message
    assert "which is a national mission metric" in problems[2].message


def test_a_parent_that_is_not_a_mission() -> None:
    member = chair()
    national = full_mission(checks.NATIONAL)
    to_member = full_mission(checks.METRO, member.id)
    to_nothing = full_mission(checks.LOCAL, "no-such-id")
    document = plan(board=[member], missions=[national, to_member, to_nothing])
    problems = by_rule(check_plan(document, PLAN, TODAY), checks.MISSION_BAD_PARENT)
    assert [p.part_id for p in problems] == [to_member.id, to_nothing.id]
    assert "not a mission" in problems[0].message
    assert "no longer in the plan" in problems[1].message


def test_actions_need_an_owner_on_the_board_and_a_date_not_quietly_past() -> None:
    fine = item("action", action="Hold the first meeting", owner="mayor  sunita CALDER",
                due="2027-03-31", status="Under way")  # fmt: skip
    no_owner = item("action", action="Recruit the panel", owner="", due="2027-03-31")
    stranger = item("action", action="Sign the agreement", owner="Bob Smith", due="2027-03-31")
    no_due = item("action", action="Publish baselines", owner="Mayor Sunita Calder", due=None)
    late = item("action", action="Bid to the SEIF", owner="Mayor Sunita Calder",
                due="2027-01-14", status="Under way")  # fmt: skip
    late_but_done = item("action", action="Agree terms", owner="Mayor Sunita Calder",
                         due="2026-09-30", status="Done")  # fmt: skip
    document = plan(
        board=[chair()], actions=[fine, no_owner, stranger, no_due, late, late_but_done]
    )
    problems = [p for p in check_plan(document, PLAN, TODAY) if p.page is None]
    assert [(p.rule, p.part_id) for p in problems] == [
        (checks.BUDGET_NO_POT, document.meta.id),
        (checks.ACTION_NO_OWNER, no_owner.id),
        (checks.ACTION_OWNER_NOT_MEMBER, stranger.id),
        (checks.ACTION_NO_DUE, no_due.id),
        (checks.ACTION_OVERDUE, late.id),
    ]
    assert "'Bob Smith' is not a member of the Board" in problems[2].message
    assert "14 January 2027" in problems[4].message
    # The same plan checked a day earlier has nothing overdue.
    earlier = check_plan(document, PLAN, date(2027, 1, 14))
    assert by_rule(earlier, checks.ACTION_OVERDUE) == []


def test_the_board_has_one_chair() -> None:
    nobody = plan(board=[item("member", role="Leader", name="A", chair=False)])
    [problem] = by_rule(check_plan(nobody, PLAN, TODAY), checks.BOARD_NO_CHAIR)
    assert (problem.part_kind, problem.part_id) == ("section", nobody.sections[0].id)
    two = plan(board=[chair(), item("member", role="Leader", name="Cllr Owen", chair=True)])
    [problem] = by_rule(check_plan(two, PLAN, TODAY), checks.BOARD_MANY_CHAIRS)
    assert "Mayor Sunita Calder, Cllr Owen" in problem.message
    assert problem.part_id == two.sections[0].id


def test_check_document_runs_the_plan_checks(catalogue: Catalogue) -> None:
    document = plan(board=[chair()], budget=[pot("10.00"), line("9.00")])
    rules = {p.rule for p in check_document(document, PLAN, catalogue.entries("recommendation"))}
    assert checks.BUDGET_MISMATCH in rules
    assert "recommendation-missing" in rules
