"""The charter builder's steps, read as data: every part they name is a real one, and each
step's tick follows the rule a manager would expect."""

from __future__ import annotations

from charter import CHARTER
from reformkit.catalogue.store import Catalogue
from reformkit.document.guide import ChecksBlock, is_done
from reformkit.document.model import Document, Item, Meta, Section
from tests.guide_checks import broken_references


def _document() -> Document:
    sections = [Section(s.key, s.title) for s in CHARTER.section_types]
    return Document(CHARTER.kind, Meta("Our charter", "Eastmoor"), sections)


def _section(document: Document, key: str) -> Section:
    return next(s for s in document.sections if s.key == key)


def test_every_step_names_real_sections_fields_and_entries(catalogue: Catalogue) -> None:
    assert broken_references(CHARTER, catalogue) == []


def test_seven_steps_kept_where_existing_files_keep_them() -> None:
    guide = CHARTER.guide
    assert len(guide.steps) == 7 and guide.state_key == "charter-wizard-step"
    assert [guide.step_for_section(s.key) for s in CHARTER.section_types] == list(range(1, 8))
    assert isinstance(guide.steps[-1].blocks[-1], ChecksBlock)
    assert all(len(step.explanation.split()) >= 15 for step in guide.steps)


def test_the_scope_needs_a_team_and_whom_it_covers_or_why() -> None:
    step = CHARTER.guide.steps[0]
    document = _document()
    assert not is_done(document, step)
    scope = Item("scope", {"team": "Our team"})
    _section(document, "scope").items.append(scope)
    assert not is_done(document, step)  # a team, but neither whom nor why
    scope.fields["purpose"] = "To be trusted."
    assert is_done(document, step)
    scope.fields["team"] = ""
    assert not is_done(document, step)


def test_the_review_needs_a_date_and_a_signature() -> None:
    step = CHARTER.guide.steps[-1]
    document = _document()
    review = _section(document, "review")
    review.items.append(Item("review", {"review_date": "2027-03-31"}))
    assert not is_done(document, step)  # a date, but nobody signed
    review.items.append(Item("signatory", {"name": "Amira Khan", "role": "Manager"}))
    assert is_done(document, step)


def test_a_clause_step_is_done_with_anything_in_its_section() -> None:
    step = CHARTER.guide.steps[2]
    document = _document()
    assert not is_done(document, step)
    _section(document, "rights").items.append(Item("right", {"title": "A say", "text": "…"}))
    assert is_done(document, step)
