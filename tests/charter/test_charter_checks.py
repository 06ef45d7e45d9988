"""The charter checks grounded in the briefing: the earned-liberation ledger and the
Liberated Method's two rules (p.11), and candour (p.20), each citing its page."""

from __future__ import annotations

import re
from datetime import date

import resources
from charter import CHARTER
from charter.checks import (
    CHARTER_NO_CANDOUR,
    RIGHT_BAD_DUTY,
    RIGHT_NO_DUTY,
    check_charter,
)
from reformkit.document.checks import ERROR, Problem
from reformkit.document.liberated_method import RULES_BROKEN, RULES_UNANSWERED
from reformkit.document.model import Document, Item, Meta, Section

BRIEFING = resources.path("briefing", "the-reform-dividend.txt").read_text("utf-8")
FLAT = " ".join(re.sub(r"<[^>]+>|\*", "", BRIEFING).split())


def charter(*items: Item) -> Document:
    return Document(
        "charter", Meta(title="Charter"), [Section("rights", "Rights", items=list(items))]
    )


def only(document: Document, rule: str) -> list[Problem]:
    return [p for p in check_charter(document, CHARTER, date(2027, 1, 1)) if p.rule == rule]


def assert_grounded(problem: Problem, page: int) -> None:
    assert problem.page == page and problem.message.endswith(f"(The Reform Dividend, p.{page})")
    quoted = re.findall(r"(?<![A-Za-z])[\"'](.{12,}?)[\"'](?![A-Za-z])", problem.message)
    assert quoted, problem.message
    for words in quoted:
        assert " ".join(words.split()) in FLAT, words


def test_a_right_without_its_duty_breaks_the_bargain_p11() -> None:
    duty = Item("duty", {"title": "Candour", "text": "We say when things go wrong."})
    paired = Item("right", {"title": "", "text": "We choose our methods.", "duty": duty.id})
    alone = Item("right", {"title": "", "text": "Time to learn.", "duty": ""})
    gone = Item("right", {"title": "", "text": "A say.", "duty": "no-such-duty"})
    document = charter(duty, paired, alone, gone)
    [problem] = only(document, RIGHT_NO_DUTY)
    assert problem.part_id == alone.id
    assert_grounded(problem, 11)
    [broken] = only(document, RIGHT_BAD_DUTY)
    assert broken.part_id == gone.id and broken.severity == ERROR


def test_a_right_of_one_sentence_is_named_by_its_words() -> None:
    right = CHARTER.section_type("rights").item_type("right")
    values = right.clean({"text": "Every worker may choose how to meet a family's needs."})
    assert right.describe(values) == "Every worker may choose how to meet a family's needs."


def test_every_experiment_answers_the_two_rules_p11() -> None:
    unanswered = Item("experiment", {"title": "Flexible visits", "stays_legal": "Yes"})
    [problem] = only(charter(unanswered), RULES_UNANSWERED)
    assert_grounded(problem, 11)
    illegal = Item("experiment", {"title": "Skip DBS", "stays_legal": "No", "does_no_harm": "Yes"})
    [problem] = only(charter(illegal), RULES_BROKEN)
    assert problem.severity == ERROR and "failing to stay legal" in problem.message
    fine = Item("experiment", {"title": "Visits", "stays_legal": "Yes", "does_no_harm": "Yes"})
    assert not only(charter(fine), RULES_UNANSWERED) and not only(charter(fine), RULES_BROKEN)


def test_no_duty_of_candour_cites_p20() -> None:
    [problem] = only(charter(), CHARTER_NO_CANDOUR)
    assert_grounded(problem, 20)


def test_a_signatory_known_by_role_before_the_name() -> None:
    signatory = CHARTER.section_type("review").item_type("signatory")
    values = signatory.clean({"role": "Staff representative", "signed_on": "18 January 2027"})
    assert values["name"] == "" and values["signed_on"] == "2027-01-18"
    assert signatory.describe(values) == "Staff representative"
