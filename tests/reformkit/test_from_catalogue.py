"""Catalogue entries become document items with their source and tags."""

from __future__ import annotations

from charter import CHARTER
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.from_catalogue import draft_from_entry, suitable


def test_a_right_becomes_a_right_clause(catalogue: Catalogue) -> None:
    rights = CHARTER.section_type("rights")
    entry = catalogue.get("W3")
    assert suitable(rights, entry)
    drafted = draft_from_entry(rights, entry, ["R18"])
    assert drafted.item_type.name == "right"
    assert drafted.fields == {"title": entry.title, "text": entry.wording}
    assert entry.wording.startswith("Every member of staff")
    assert drafted.tags == []  # the part's tag and the entry's links are not copied
    assert {s.tag for s in drafted.suggested} == {r for r in entry.related if r[0] == "R"}
    assert all("links W3" in s.reason for s in drafted.suggested)
    assert drafted.source.entry_id == "W3" and drafted.source.revision == entry.revision


def test_a_board_role_fills_the_role(catalogue: Catalogue) -> None:
    board = PLAN.section_type("board")
    drafted = draft_from_entry(board, catalogue.get("BR3"), ["R3"])
    assert drafted.item_type.name == "member"
    # The name is a person's: still to be written, not the role's words again.
    assert drafted.fields == {"role": "NHS Integrated Care Board chair", "name": "New board member"}


def test_an_officer_on_the_budget_fills_the_accounting_officer_not_the_period(
    catalogue: Catalogue,
) -> None:
    budget = PLAN.section_type("budget")
    entry = catalogue.get("BR11")
    drafted = draft_from_entry(budget, entry)
    assert drafted.item_type.name == "budget_pot"
    assert drafted.fields == {"accounting_officer": entry.title, "total": 0}


def test_anything_else_becomes_a_paragraph(catalogue: Catalogue) -> None:
    foreword = PLAN.section_type("foreword")
    entry = catalogue.get("R4")
    assert not suitable(foreword, entry)
    drafted = draft_from_entry(foreword, entry, ["R4"])
    assert drafted.item_type.name == "paragraph"
    assert drafted.fields["text"].endswith(entry.quote)
    assert drafted.tags == ["R4"]
