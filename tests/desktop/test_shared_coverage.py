"""One coverage per snapshot, shared by the panels' workers: the same snapshot gives the
same rows without working them out again, and a snapshot after an edit gives its own rows,
equal to the coverage of the live document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.document_snapshot import shared_coverage, shared_snapshot
from desktop.editing.editor import DocumentEditor
from desktop.launcher import document_kinds
from reformkit.catalogue.store import Catalogue
from reformkit.document.coverage import coverage
from reformkit.document.interchange import loads
from reformkit.document.project import Project

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def plan(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    kinds = document_kinds()
    document = loads((SAMPLES / "local-reform-plan.json").read_text(encoding="utf-8"), kinds)
    project = Project.create_from(tmp_path / "plan.reformkit", document, kinds.get("plan"))
    yield DocumentEditor(project)
    project.close()


def test_a_snapshots_coverage_is_worked_out_once_and_follows_edits(
    plan: DocumentEditor, catalogue: Catalogue
) -> None:
    spec = plan.project.spec
    recommendations = catalogue.entries("recommendation")
    before = shared_snapshot(plan)
    rows = shared_coverage(before, spec, recommendations)
    assert rows == coverage(plan.project.document, spec, recommendations)
    assert shared_coverage(before, spec, list(recommendations)) is rows  # not worked out again

    section = plan.project.document.sections[0]
    answered = next(row for row in rows if row.evidence)
    plan.update_section(section.id, tags=[*section.tags, answered.recommendation.id])
    for item in list(plan.project.document.sections[1].items):
        plan.remove_item(item.id)
    after = shared_snapshot(plan)
    assert after is not before
    changed = shared_coverage(after, spec, recommendations)
    assert changed is not rows
    assert changed == coverage(plan.project.document, spec, recommendations)
    assert changed != rows
    assert shared_coverage(before, spec, recommendations) is rows  # the one before, still kept
