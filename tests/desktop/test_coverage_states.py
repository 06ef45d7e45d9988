"""The app shows the evidence-based states: Partly answered with what is missing, Optional
here for the national trials, and catalogue links as suggestions with their reason."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.editing.editor import DocumentEditor
from desktop.editing.tag_editor import TagEditor
from desktop.panels.coverage_panel import CoveragePanel
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project
from reformkit.document.tagging import related_suggestions


@pytest.fixture
def empty_plan(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = Project.create(tmp_path / "plan.reformkit", PLAN, "Our plan", "Severn Vale")
    yield DocumentEditor(project)
    project.close()


def _row_texts(panel: CoveragePanel, recommendation: str) -> list[str]:
    view = panel.list_view
    top = next(
        view.topLevelItem(n)
        for n in range(view.topLevelItemCount())
        if view.topLevelItem(n).text(0) == recommendation
    )
    return [top.text(c) for c in range(4)]


def test_a_blank_plan_shows_the_national_trials_as_optional_here(
    qtbot, empty_plan: DocumentEditor, catalogue: Catalogue
) -> None:
    """R13 (p.16, one Mayoral Combined Authority) and R22 (p.21, a select number)."""
    panel = CoveragePanel(empty_plan, catalogue)
    qtbot.addWidget(panel)
    r13 = _row_texts(panel, "R13")
    assert r13[2] == "◇ Optional here"
    assert "one Mayoral Combined Authority" in r13[3]
    assert _row_texts(panel, "R22")[2] == "◇ Optional here"
    assert _row_texts(panel, "R17")[2] == "○ National, for context"
    assert "Optional here" in panel.legend_label.text()


def test_partly_answered_names_the_missing_elements(
    qtbot, empty_plan: DocumentEditor, catalogue: Catalogue
) -> None:
    """p.13: prevention is one of the five contents of a Local Reform Plan."""
    prevention = next(s for s in empty_plan.project.document.sections if s.key == "prevention")
    empty_plan.add_item(prevention.id, "paragraph", {"text": "Short grants stop early help."})
    panel = CoveragePanel(empty_plan, catalogue)
    qtbot.addWidget(panel)
    r4 = _row_texts(panel, "R4")
    assert r4[2] == "◐ Partly answered"
    assert r4[3].startswith("1 of 5 elements; missing: the whole-system shift")
    panel.list_view.setCurrentItem(panel.list_view.topLevelItem(3))
    assert "partly answered" in panel.hint_label.text()


def test_the_tag_editor_offers_catalogue_links_with_their_reason(
    qtbot, catalogue: Catalogue
) -> None:
    editor = TagEditor(catalogue)
    qtbot.addWidget(editor)
    editor.set_tags([])
    editor.set_offered(related_suggestions(catalogue.get("P4")))
    assert editor.offered_tags() == ["R22", "R16"]
    assert "links P4" in editor.offered.text()
    with qtbot.waitSignal(editor.tags_changed) as signal:
        editor.offered.linkActivated.emit("R16")
    assert signal.args == [["R16"]]
    assert editor.offered_tags() == ["R22"]
