"""The guided builder knows blocks, not kinds: a kind it has never seen (the test tree's
experiment log) gets its steps, pages, ticks and checks from its guide alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.editing.editor import DocumentEditor
from desktop.wizard.blocks_checks import ChecksWidget
from desktop.wizard.blocks_clauses import ClauseWidget
from desktop.wizard.blocks_record import RecordWidget
from desktop.wizard.builder import GuidedBuilder
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project
from tests.desktop.builder_helpers import click, fill, new_row
from tests.kinds.notebook_kind import NOTEBOOK


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = Project.create(tmp_path / "log.reformkit", NOTEBOOK, "Our log", "Eastmoor")
    yield DocumentEditor(project)
    project.close()


def test_a_third_kind_is_built_from_its_guide(
    qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    builder = GuidedBuilder(editor, catalogue)
    qtbot.addWidget(builder)
    builder.resize(1100, 800)
    builder.show()
    qtbot.waitExposed(builder)
    assert builder.step_count() == 4
    assert builder.finish_button.accessibleName() == "Finish and read the whole log"
    assert builder.page(1).counter.text() == "Step 1 of 4 · Part 1: Our team"

    # 1: the record is made on sight, with its defaults (which fill the tick's rule).
    team = builder.page(1).block_of(RecordWidget).slot.card
    assert team is not None and "team" in team.form.widgets
    assert builder.steps.item(0).text().startswith("✓")  # "Our team" fills the rule

    # 2: clauses from the catalogue, and one of our own.
    click(qtbot, builder.next_button)
    ideas = builder.page(2).block_of(ClauseWidget)
    assert ideas.offer_cards and ideas.offer_cards[next(iter(ideas.offer_cards))].status.text() == (
        "✓ In your log"
    )
    click(qtbot, ideas.write_button)
    assert ideas.list.ordered_cards()[-1].is_open()

    # 3: a table.
    click(qtbot, builder.next_button)
    experiments = builder.page(3).tables["experiments"]
    row = new_row(qtbot, experiments)
    fill(qtbot, experiments, row, "experiment", "Open on Saturdays")

    # 4: the kind's own check is listed, a click away from the step that fixes it.
    click(qtbot, builder.next_button)
    checks = builder.page(4).block_of(ChecksWidget)
    assert checks.findings and any("Open on Saturdays" in f for f in checks.findings)
    assert not any(f.startswith("Step") for f in checks.findings)  # every step has content
    assert [builder.steps.item(n).text().startswith("✓") for n in range(4)] == [
        True,
        True,
        True,
        False,
    ]
    assert editor.project.state(NOTEBOOK.guide.state_key) == "4"
