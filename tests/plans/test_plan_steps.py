"""The plan builder's steps, read as data: every part they name is a real one, and each
step's tick follows the rule a Board officer would expect."""

from __future__ import annotations

from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.guide import is_done
from reformkit.document.model import Document, Item, Meta, Section
from tests.guide_checks import broken_references


def _document() -> Document:
    sections = [Section(s.key, s.title) for s in PLAN.section_types]
    return Document(PLAN.kind, Meta("Our plan", "Severn Vale CA"), sections)


def _section(document: Document, key: str) -> Section:
    return next(s for s in document.sections if s.key == key)


def test_every_step_names_real_sections_fields_and_entries(catalogue: Catalogue) -> None:
    assert broken_references(PLAN, catalogue) == []


def test_fifteen_steps_covering_every_part() -> None:
    guide = PLAN.guide
    assert len(guide.steps) == 15 and guide.state_key == "plan-wizard-step"
    assert all(guide.step_for_section(s.key) for s in PLAN.section_types if s.starter)
    assert guide.step_for_section("budget") == 9
    assert all(15 <= len(step.explanation.split()) <= 60 for step in guide.steps)


def test_the_budget_needs_a_pot_and_lines() -> None:
    step = PLAN.guide.steps[8]
    document = _document()
    budget = _section(document, "budget")
    budget.items.append(Item("budget_line", {"service": "Help", "partner": "A", "amount": "1"}))
    assert not is_done(document, step)  # lines, but no pot
    budget.items.append(Item("budget_pot", {"total": "1"}))
    assert is_done(document, step)


def test_a_step_of_several_parts_is_done_with_any_of_them() -> None:
    step = PLAN.guide.steps[5]
    document = _document()
    assert not is_done(document, step)
    _section(document, "prevention").items.append(Item("prevention_factor", {"kind": "Barrier"}))
    assert is_done(document, step)


def test_the_checks_step_is_never_ticked() -> None:
    step = PLAN.guide.steps[-1]
    document = _document()
    for section in document.sections:
        section.items.append(Item("paragraph", {"text": "Something"}))
    assert not is_done(document, step)
