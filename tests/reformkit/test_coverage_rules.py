"""One test per coverage rule, each citing the briefing page where the rule applies.

The briefing is The Reform Dividend (Demos, 2024), vendored in resources/briefing/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import resources
from charter import CHARTER
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.coverage import (
    ANSWERED,
    MISSING,
    NATIONAL,
    NOT_EXPECTED,
    OPTIONAL,
    PARTLY,
    CoverageRow,
    CoverageStatus,
    coverage,
)
from reformkit.document.evidence import is_real
from reformkit.document.from_catalogue import draft_from_entry
from reformkit.document.model import Section
from reformkit.document.project import Project
from reformkit.document.tagging import item_suggestions
from tests.documents import KINDS  # noqa: F401  (registers the kinds the tests use)


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.reformkit", PLAN, "Plan") as project:
        yield project


@pytest.fixture
def charter(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "c.reformkit", CHARTER, "Charter") as project:
        yield project


def _rows(project: Project, catalogue: Catalogue) -> dict[str, CoverageRow]:
    rows = coverage(project.document, project.spec, catalogue.entries("recommendation"))
    return {row.recommendation.id: row for row in rows}


def _section(project: Project, key: str) -> Section:
    return next(s for s in project.document.sections if s.key == key)


def _briefing() -> str:
    text = resources.path("briefing", "the-reform-dividend.txt").read_text("utf-8")
    return " ".join(text.split())


# The states.


def test_status_values_stay_stable_and_gain_the_new_ones() -> None:
    assert [s.value for s in CoverageStatus] == [
        "answered",
        "partly-answered",
        "missing",
        "optional",
        "national",
        "not-expected",
    ]


def test_a_blank_plan_lists_as_missing_only_what_a_local_plan_must_answer(
    plan: Project, catalogue: Catalogue
) -> None:
    """R13 (p.16) and R22 (p.21) are national trials; R17 (p.18) is for government alone."""
    rows = _rows(plan, catalogue)
    missing = {r for r, row in rows.items() if row.status == MISSING}
    assert missing == {"R3", "R4", "R5", "R9", "R10", "R11", "R14", "R15"}
    assert rows["R13"].status == OPTIONAL
    assert rows["R22"].status == OPTIONAL
    assert rows["R17"].status == NATIONAL
    assert "one Mayoral Combined Authority" in rows["R13"].note


# Placeholders, empty parts and "does not apply" are never evidence.


@pytest.mark.parametrize(
    "text", ["New paragraph", "New member", "New action", "Not applicable to us.", "N/A", "none"]
)
def test_placeholders_and_not_applicable_text_are_not_evidence(text: str) -> None:
    assert not is_real(text, ("Our team",))


def test_real_words_are_evidence() -> None:
    assert is_real("None of our wards has a family hub yet, so we will open three.")
    assert is_real("New Street family hub opens in May 2027 with a health visitor on site.")


def test_a_placeholder_paragraph_does_not_answer_r4(plan: Project, catalogue: Catalogue) -> None:
    """p.13: R4 is answered by the contents the briefing lists, not by "New paragraph"."""
    section = _section(plan, "foreword")
    plan.add_item(section.id, "paragraph", {"text": "New paragraph"}, tags=["R4"])
    assert _rows(plan, catalogue)["R4"].status == MISSING


def test_not_applicable_intro_in_the_zone_part_does_not_answer_r22(
    plan: Project, catalogue: Catalogue
) -> None:
    """p.21: an Innovation Zone is answered by a proposal, not by a part saying it is N/A."""
    section = _section(plan, "innovation_zone")
    plan.update_section(section.id, intro="Not applicable to us.")
    assert _rows(plan, catalogue)["R22"].status == OPTIONAL


def test_a_part_default_tag_is_a_suggestion_not_an_answer(
    plan: Project, catalogue: Catalogue
) -> None:
    """p.16: a real paragraph in Accountability does not answer R13 until the user tags it."""
    section = _section(plan, "accountability")
    plan.add_item(section.id, "paragraph", {"text": "Audit Wales will audit the single pot."})
    assert _rows(plan, catalogue)["R13"].status == OPTIONAL
    offered = item_suggestions(plan.spec, section, section.items[0], catalogue)
    assert "R13" in [s.tag for s in offered]


def test_deleting_the_citizens_panel_paragraph_leaves_r13_unanswered(
    plan: Project, catalogue: Catalogue
) -> None:
    """p.16: R13 is answered by the Citizens' Panel paragraph, not by whatever else remains."""
    section = _section(plan, "accountability")
    panel = plan.add_item(
        section.id, "paragraph", {"text": "A standing Citizens' Panel of 30 residents."}, ["R13"]
    )
    plan.add_item(section.id, "paragraph", {"text": "The Accounting Officer answers to MPs."})
    assert _rows(plan, catalogue)["R13"].status == ANSWERED
    plan.remove_item(panel.id)
    assert _rows(plan, catalogue)["R13"].status == OPTIONAL


def test_a_users_own_tag_on_a_part_with_real_content_is_evidence(
    plan: Project, catalogue: Catalogue
) -> None:
    section = _section(plan, "accountability")
    plan.update_section(section.id, intro="We host the Citizens' Panel trial.", tags=["R13", "R12"])
    rows = _rows(plan, catalogue)
    assert rows["R12"].status == ANSWERED  # the user's own tag (R12 is not the part's default)
    assert rows["R13"].status == OPTIONAL  # the part's default tag: a suggestion


# Field evidence.


def test_r15_is_answered_when_an_accounting_officer_is_named(
    plan: Project, catalogue: Catalogue
) -> None:
    """p.18: R15 makes the Combined Authority Chief Executive the Accounting Officer."""
    section = _section(plan, "budget")
    plan.add_item(
        section.id, "budget_pot", {"total": 1000, "accounting_officer": "Jane Doe, CA CEO"}
    )
    row = _rows(plan, catalogue)["R15"]
    assert row.status == ANSWERED
    assert any("Accounting Officer is named" in line for line in row.evidence)


def test_r11_needs_a_standard_with_its_inspectorate(plan: Project, catalogue: Catalogue) -> None:
    """p.16: minimum standards "are used by inspectorates to assess"."""
    section = _section(plan, "standards")
    item = plan.add_item(section.id, "standard", {"service": "Care", "standard": "Seen in 24h"})
    assert _rows(plan, catalogue)["R11"].status == MISSING
    plan.update_item(item.id, fields={**item.fields, "inspectorate": "Ofsted"})
    assert _rows(plan, catalogue)["R11"].status == ANSWERED


# Elements counted.


def test_r4_counts_the_contents_of_a_plan_and_names_the_missing(
    plan: Project, catalogue: Catalogue
) -> None:
    """p.13: "shifting the whole system…", collaboration, prevention, lived experience, and
    deep engagement with families, civil society and public servants."""
    for key, text in (
        ("system_shift", "Services judged by what changes in people's lives."),
        ("collaboration", "Twelve neighbourhood teams across police, NHS and councils."),
        ("prevention", "Short grants stop us investing early."),
    ):
        plan.add_item(_section(plan, key).id, "paragraph", {"text": text})
    row = _rows(plan, catalogue)["R4"]
    assert row.status == PARTLY
    assert row.counted == "3 of 5 elements"
    assert row.missing == (
        "lived experience in design and delivery",
        "deep engagement and co-design",
    )


def test_element_quotes_are_the_briefings_words() -> None:
    briefing = _briefing()
    for spec in (PLAN, CHARTER):
        for element in spec.elements:
            assert " ".join(element.quote.split()) in briefing, element.name


def test_r3_counts_the_minimum_board_and_its_chair(plan: Project, catalogue: Catalogue) -> None:
    """p.13: the Board "could include, at a minimum" nine kinds of member; the Mayor chairs."""
    section = _section(plan, "board")
    plan.add_item(
        section.id, "member", {"role": "Combined Authority Mayor", "name": "A", "chair": True}
    )
    plan.add_item(section.id, "member", {"role": "ICB chair", "name": "B"})
    plan.add_item(section.id, "member", {"role": "Board member", "name": "New member"})
    row = _rows(plan, catalogue)["R3"]
    assert row.status == PARTLY
    assert row.counted == "2 of 10 elements"
    assert "university leaders" in row.missing


def test_r18_counts_rights_duties_and_a_duty_of_candour(
    charter: Project, catalogue: Catalogue
) -> None:
    """p.20: "the new rights and duties … including proposals for a 'duty of candour'"."""
    charter.add_item(
        _section(charter, "rights").id, "right", {"title": "Time", "text": "To learn."}
    )
    charter.add_item(
        _section(charter, "duties").id, "duty", {"title": "Legal", "text": "Stay legal."}
    )
    row = _rows(charter, catalogue)["R18"]
    assert (row.status, row.missing) == (PARTLY, ("a duty of candour",))
    charter.add_item(
        _section(charter, "duties").id,
        "duty",
        {"title": "Duty of candour", "text": "We tell families when we get it wrong."},
    )
    assert _rows(charter, catalogue)["R18"].status == ANSWERED


# Catalogue links are suggestions.


def test_adding_table_1_entries_to_a_charter_answers_nothing_until_the_user_accepts_a_tag(
    charter: Project, catalogue: Catalogue
) -> None:
    """p.11, Table 1: its rows link to recommendations; the link is offered, never applied."""
    section = _section(charter, "principles")
    section_type = charter.spec.section_type(section.key)
    before = {r: row.status for r, row in _rows(charter, catalogue).items()}
    for entry_id in ("P4", "P5"):
        entry = catalogue.get(entry_id)
        drafted = draft_from_entry(section_type, entry, section.tags)
        assert drafted.tags == []
        assert {s.tag for s in drafted.suggested} == {r for r in entry.related if r[0] == "R"}
        assert all(f"links {entry_id}" in s.reason for s in drafted.suggested)
        charter.add_item(
            section.id, drafted.item_type.name, drafted.fields, drafted.tags, drafted.source
        )
    after = {r: row.status for r, row in _rows(charter, catalogue).items()}
    assert after == before
    item = section.items[0]
    offered = item_suggestions(charter.spec, section, item, catalogue)
    link = next(s for s in offered if "links P4" in s.reason)
    charter.update_item(item.id, tags=[link.tag])
    assert _rows(charter, catalogue)[link.tag].status == ANSWERED


def test_tags_an_older_version_copied_from_catalogue_links_are_read_as_suggestions(
    charter: Project, catalogue: Catalogue
) -> None:
    """The load-time rule: exactly the part's tags plus the entry's links is the old copy."""
    section = _section(charter, "principles")
    entry = catalogue.get("P4")
    links = [r for r in entry.related if r.startswith("R")]
    drafted = draft_from_entry(charter.spec.section_type(section.key), entry)
    old = charter.add_item(
        section.id, drafted.item_type.name, drafted.fields, [*section.tags, *links], drafted.source
    )
    rows = _rows(charter, catalogue)
    assert all(rows[r].status != ANSWERED for r in links if r not in section.tags)
    charter.update_item(old.id, tags=links[:1])  # the user accepts one link in the tag editor
    assert _rows(charter, catalogue)[links[0]].status == ANSWERED


def test_national_recommendations_are_context_and_others_not_expected(
    charter: Project, catalogue: Catalogue
) -> None:
    rows = _rows(charter, catalogue)
    assert rows["R1"].status == NATIONAL
    assert rows["R4"].status == NOT_EXPECTED


def test_one_wording_for_every_view(plan: Project, catalogue: Catalogue) -> None:
    from reformkit.document.coverage import report_lines

    rows = list(_rows(plan, catalogue).values())
    text = "\n".join(report_lines(rows))
    assert "Optional here" in text and "Expected but missing" in text
    assert re.search(r"0 of 10 elements; missing: chaired by the Mayor", text)
