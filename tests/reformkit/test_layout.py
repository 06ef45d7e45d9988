"""Laying documents out into blocks: every section, every tag, and the appendices."""

from __future__ import annotations

from pathlib import Path

import pytest

import resources
from charter import CHARTER
from reformkit.catalogue.store import Catalogue
from reformkit.document.interchange import loads
from reformkit.document.model import Document, Source
from reformkit.document.project import Project
from reformkit.layout.blocks import Clause, Heading, LaidOut, Note, Paragraph, Table
from reformkit.layout.engine import lay_out
from tests.documents import KINDS


def _sample(name: str) -> Document:
    return loads(resources.path("samples", name).read_text(encoding="utf-8"), KINDS)


def _lay_out(document: Document, catalogue: Catalogue) -> LaidOut:
    return lay_out(
        document,
        KINDS.get(document.kind),
        catalogue.entries("recommendation"),
        catalogue.seed.credit,
    )


@pytest.mark.parametrize("name", ["respect-charter.json", "local-reform-plan.json"])
def test_every_section_is_numbered_with_its_tags(catalogue: Catalogue, name: str) -> None:
    document = _sample(name)
    laid = _lay_out(document, catalogue)
    sections = [b for b in laid.blocks if isinstance(b, Heading) and b.level == 1]
    titles = [(h.number, h.text) for h in sections]
    expected = [(str(n), s.title) for n, s in enumerate(document.sections, 1)]
    assert titles[: len(expected)] == expected
    assert titles[len(expected) :] == [
        ("A", "How this document answers the 22 recommendations"),
        ("B", "The 22 recommendations"),
    ]
    # By default tags appear only in the appendix; "beside" puts them by each part's heading.
    assert not any(isinstance(b, Paragraph) and "Answers" in b.text for b in laid.blocks)
    assert not any(c.tags for c in laid.blocks if isinstance(c, Clause))
    beside = lay_out(
        document,
        KINDS.get(document.kind),
        catalogue.entries("recommendation"),
        catalogue.seed.credit,
        tags="beside",
    )
    tag_lines = [
        b for b in beside.blocks if isinstance(b, Paragraph) and b.text.startswith("Answers: ")
    ]
    assert len(tag_lines) == len([s for s in document.sections if s.tags])
    assert laid.language == "en-GB" and laid.title == document.meta.title


def test_appendix_maps_and_quotes_all_22(catalogue: Catalogue) -> None:
    laid = _lay_out(_sample("local-reform-plan.json"), catalogue)
    matrix = next(
        b for b in laid.blocks if isinstance(b, Table) and b.caption.startswith("Coverage")
    )
    assert [row[0] for row in matrix.rows] == [f"R{n}" for n in range(1, 23)]
    assert dict((r[0], r[2]) for r in matrix.rows)["R1"] == "National, for context"
    assert all(r[2] != "Expected but missing" for r in matrix.rows)
    quotes = [b.text for b in laid.blocks if isinstance(b, Paragraph)]
    for entry in catalogue.entries("recommendation"):
        assert entry.quote in quotes
    assert laid.blocks[-1] == Paragraph.of(catalogue.seed.credit, "small")


def test_money_tables_end_with_a_total(catalogue: Catalogue) -> None:
    laid = _lay_out(_sample("local-reform-plan.json"), catalogue)
    budget = next(
        b for b in laid.blocks if isinstance(b, Table) and b.caption.startswith("Budget lines")
    )
    assert budget.rows[-1][0] == "Total"
    assert budget.rows[-1][budget.header.index("Amount (£)")] == "£312,450,000"


def test_missions_name_their_parent_mission(catalogue: Catalogue) -> None:
    document = _sample("local-reform-plan.json")
    missions = next(s for s in document.sections if s.key == "missions")
    titles = {m.id: m.fields["title"] for m in missions.items}
    laid = _lay_out(document, catalogue)
    table = next(b for b in laid.blocks if isinstance(b, Table) and b.caption.startswith("Mission"))
    parent_column = table.header.index("Serves the mission")
    shown = {row[parent_column] for row in table.rows} - {""}
    assert shown and shown <= set(titles.values())


def test_review_flags_and_empty_parts_are_visible(tmp_path: Path, catalogue: Catalogue) -> None:
    with Project.create(tmp_path / "c.reformkit", CHARTER, "Charter", "Eastmoor") as project:
        duties = project.document.sections[3]
        project.add_item(
            duties.id,
            "duty",
            {"title": "Candour", "text": "We say so."},
            source=Source("D1", "old"),
        )
        project.update_item(duties.items[0].id, needs_review=True)
        laid = _lay_out(project.document, catalogue)
    clause = next(b for b in laid.blocks if isinstance(b, Clause))
    assert clause.needs_review and "D1" in clause.review_note
    assert clause.source == "Adapted from the briefing, page 20"
    empty_notes = [b for b in laid.blocks if isinstance(b, Note)]
    assert len(empty_notes) == 6  # every section but Duties is still empty
