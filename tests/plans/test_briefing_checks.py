"""The plan checks grounded in the briefing: each fires on a small plan, cites its page, and
quotes the briefing exactly (resources/briefing/the-reform-dividend.txt)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

import resources
from plans import PLAN, briefing_checks
from plans.checks import MISSION_NO_BASELINE, MISSION_NO_OWNER, check_plan
from plans.parts import ENGAGEMENT_GROUPS
from reformkit.document.checks import ERROR, Problem
from reformkit.document.liberated_method import RULES_BROKEN, RULES_UNANSWERED
from reformkit.document.model import Document, Item, Meta, Section

TODAY = date(2027, 1, 15)
BRIEFING = resources.path("briefing", "the-reform-dividend.txt").read_text("utf-8")
FLAT = " ".join(re.sub(r"<[^>]+>|\*", "", BRIEFING).split())


def item(item_type: str, **fields: Any) -> Item:
    return Item(type=item_type, fields=fields)


def plan(**sections: list[Item]) -> Document:
    return Document(
        "plan",
        Meta(title="Test plan"),
        [Section(key=key, title=key.title(), items=list(items)) for key, items in sections.items()],
    )


def only(document: Document, rule: str) -> list[Problem]:
    return [p for p in check_plan(document, PLAN, TODAY) if p.rule == rule]


def assert_grounded(problem: Problem, page: int) -> None:
    """The problem names its page, and every quotation in it is the briefing's own words."""
    assert problem.page == page
    assert problem.source == f"The Reform Dividend, p.{page}"
    assert problem.message.endswith(f"(The Reform Dividend, p.{page})")
    quoted = re.findall(r"(?<![A-Za-z])'(.{12,}?)'(?![A-Za-z])", problem.message)
    assert quoted, problem.message
    for words in quoted:
        assert " ".join(words.split()) in FLAT, words


def members(*roles: str) -> list[Item]:
    return [item("member", role=r, name=f"Member {n}", chair=n == 0) for n, r in enumerate(roles)]


FULL_BOARD = (
    "Mayor of the Combined Authority",
    "Local Authority leader",
    "NHS Integrated Care Board chair",
    "Multi-Academy Trust chief executive",
    "Police and Crime Commissioner",
    "Department for Work and Pensions representative",
    "Voluntary and community sector representative",
    "University leader",
    "Prisons and probation",
    "Business representative",
)


def test_a_board_of_the_mayor_alone_lacks_the_minimum_members_p13() -> None:
    [problem] = only(plan(board=members("Mayor")), briefing_checks.BOARD_MINIMUM)
    assert_grounded(problem, 13)
    assert "0 of the 9 members" in problem.message
    assert "university leaders" in problem.message
    assert only(plan(board=members(*FULL_BOARD)), briefing_checks.BOARD_MINIMUM) == []


def test_the_mayor_chairs_where_there_is_one_p13() -> None:
    board = [
        item("member", role="Mayor", name="Sunita Calder", chair=False),
        item("member", role="Leader, Brackenford Council", name="Cllr Owen", chair=True),
    ]
    [problem] = only(plan(board=board), briefing_checks.BOARD_MAYOR_NOT_CHAIR)
    assert_grounded(problem, 13)
    assert "Sunita Calder is the Mayor, but Cllr Owen" in problem.message
    nobody = only(plan(board=[board[0]]), "board-no-chair")[0]
    assert_grounded(nobody, 13)
    led = [item("member", role="Leader", name="Cllr Owen", chair=True)]  # no Mayor: no problem
    assert only(plan(board=led), briefing_checks.BOARD_MAYOR_NOT_CHAIR) == []


def test_engagement_reaching_staff_only_names_the_two_other_groups_p13() -> None:
    staff = item("engagement", date="2026-05-01", who="Frontline staff", group="Public servants")
    [problem] = only(plan(engagement=[staff]), briefing_checks.ENGAGEMENT_GROUPS_MISSING)
    assert_grounded(problem, 13)
    assert "families and households; civil society" in problem.message
    everyone = [item("engagement", date="2026-05-01", who="x", group=g) for g in ENGAGEMENT_GROUPS]
    assert only(plan(engagement=everyone), briefing_checks.ENGAGEMENT_GROUPS_MISSING) == []
    # "Who took part" names the group when "Group reached" is empty.
    by_words = [
        item("engagement", date="2026-05-01", who="Parents at the family hub"),
        item("engagement", date="2026-05-01", who="Voluntary sector forum"),
        staff,
    ]
    assert only(plan(engagement=by_words), briefing_checks.ENGAGEMENT_GROUPS_MISSING) == []


def test_many_standards_and_a_standard_without_inspectorate_p16() -> None:
    def standard(n: int, inspectorate: str = "Ofsted") -> Item:
        return item("standard", service=f"S{n}", standard="A floor", inspectorate=inspectorate)

    many = plan(standards=[standard(n) for n in range(24)])
    [problem] = only(many, briefing_checks.STANDARDS_TOO_MANY)
    assert_grounded(problem, 16)
    assert "24 minimum standards" in problem.message
    ten = plan(standards=[standard(n) for n in range(briefing_checks.MOST_STANDARDS)])
    assert only(ten, briefing_checks.STANDARDS_TOO_MANY) == []
    lone = standard(1, inspectorate="")
    [problem] = only(plan(standards=[lone]), briefing_checks.STANDARD_NO_INSPECTORATE)
    assert_grounded(problem, 16)
    assert problem.part_id == lone.id


def test_a_local_mission_records_who_co_created_it_p16() -> None:
    local = item("mission", level="Local mission", title="Fewer evictions")
    metro = item("mission", level="Metro mission", title="Homes for all")
    [problem] = only(plan(missions=[local, metro]), briefing_checks.MISSION_NO_CO_CREATORS)
    assert_grounded(problem, 16)
    assert problem.part_id == local.id
    local.fields["co_created_with"] = ["Brackenford Council", "Tenants' panel"]
    assert only(plan(missions=[local]), briefing_checks.MISSION_NO_CO_CREATORS) == []


def test_national_mission_metrics_are_not_asked_for_local_baselines() -> None:
    national = item("mission", level="National mission metric", title="Healthy life", metric="x")
    problems = check_plan(plan(missions=[national]), PLAN, TODAY)
    assert not [p for p in problems if p.rule in (MISSION_NO_BASELINE, MISSION_NO_OWNER)]
    local = item("mission", level="Local mission", title="Fewer evictions", metric="x")
    assert only(plan(missions=[local]), MISSION_NO_BASELINE)


@pytest.mark.parametrize(
    ("deliverer", "kind", "asks"),
    [
        ("", "", "Name who commissions or delivers"),
        ("HM Prison and Probation Service", "", "government department or an arm's-length"),
        ("St Mungo's", "Someone else", "neither a government department"),
    ],
)
def test_a_request_names_a_service_a_department_or_body_delivers_p13(
    deliverer: str, kind: str, asks: str
) -> None:
    request = item("request", service="Probation", current_deliverer=deliverer, deliverer_kind=kind)
    [problem] = only(plan(requests=[request]), briefing_checks.REQUEST_NOT_CENTRAL)
    assert_grounded(problem, 13)
    assert asks in problem.message


def test_a_request_to_an_arms_length_body_passes() -> None:
    request = item("request", service="Probation", current_deliverer="HMPPS",
                   deliverer_kind="An arm's-length body")  # fmt: skip
    assert only(plan(requests=[request]), briefing_checks.REQUEST_NOT_CENTRAL) == []


def test_a_zone_needs_typed_freedoms_and_an_evaluation_p21() -> None:
    zone = item("zone", area="North Brackenford", freedoms=["Pool budgets"], evaluation="")
    problems = check_plan(plan(innovation_zone=[zone]), PLAN, TODAY)
    rules = [p.rule for p in problems if p.part_id == zone.id]
    assert rules == [briefing_checks.ZONE_NO_EVALUATION, briefing_checks.ZONE_FREEDOMS_UNTYPED]
    for problem in problems:
        if problem.part_id == zone.id:
            assert_grounded(problem, 21)
    untyped = item("zone_freedom", freedom="Pool budgets", stays_legal="Yes", does_no_harm="Yes")
    zone.fields["evaluation"] = "The university evaluates it."
    [problem] = only(plan(innovation_zone=[zone, untyped]), briefing_checks.ZONE_FREEDOMS_UNTYPED)
    assert problem.part_id == untyped.id
    assert_grounded(problem, 21)


def test_every_freedom_answers_stay_legal_and_do_no_harm_p11() -> None:
    unanswered = item("zone_freedom", freedom="Pool budgets", kind="Administrative")
    [problem] = only(plan(innovation_zone=[unanswered]), RULES_UNANSWERED)
    assert_grounded(problem, 11)
    harmful = item("zone_freedom", freedom="Skip checks", kind="Regulatory",
                   stays_legal="Yes", does_no_harm="No")  # fmt: skip
    [problem] = only(plan(innovation_zone=[harmful]), RULES_BROKEN)
    assert problem.severity == ERROR and "failing to do no harm" in problem.message
    assert_grounded(problem, 11)
    fine = item("zone_freedom", freedom="Pool budgets", kind="Administrative",
                stays_legal="Yes", does_no_harm="Yes")  # fmt: skip
    document = plan(innovation_zone=[fine])
    assert not only(document, RULES_BROKEN)
    assert not only(document, RULES_UNANSWERED)
