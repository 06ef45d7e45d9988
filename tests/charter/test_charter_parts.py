"""The Respect Charter's parts, and the sample charter that ships with ReformKit."""

from __future__ import annotations

import resources
from charter import CHARTER
from reformkit.catalogue.store import Catalogue
from reformkit.document.coverage import ANSWERED, coverage
from reformkit.document.interchange import loads
from tests.documents import KINDS

SAMPLE = resources.path("samples", "respect-charter.json")


def test_every_part_design_md_lists_is_there() -> None:
    assert [s.key for s in CHARTER.section_types] == [
        "scope",
        "principles",
        "rights",
        "duties",
        "commitments",
        "measures",
        "review",
    ]
    assert all(s.default_tags == ("R18",) for s in CHARTER.section_types)


def test_sample_charter_is_complete_and_current(catalogue: Catalogue) -> None:
    charter = loads(SAMPLE.read_text(encoding="utf-8"), KINDS)
    assert all(section.items for section in charter.sections)
    statuses = {
        row.recommendation.id: row.status
        for row in coverage(charter, CHARTER, catalogue.entries("recommendation"))
    }
    assert statuses["R18"] == ANSWERED
    duties = next(s for s in charter.sections if s.key == "duties")
    assert {i.source.entry_id for i in duties.items if i.source} >= {"D1", "D2", "D3"}
    for _, item in charter.items():
        if item.source is not None:
            current = catalogue.get(item.source.entry_id).revision
            assert item.source.revision == current, f"{item.source.entry_id} needs review"
