"""Hints are placeholders, never stored text: what a builder puts in a new row or clause is
at most a short name to be replaced ("New member"), shown as a greyed hint in an empty box,
so that what is typed replaces it instead of following it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from charter import CHARTER
from desktop.editing.editor import DocumentEditor
from desktop.wizard import GuidedBuilder
from desktop.wizard.blocks_clauses import ClauseWidget
from desktop.wizard.table_editor import ItemTableEditor
from desktop.wizard.table_model import starting_values
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.evidence import is_placeholder, is_real
from reformkit.document.fields import LONG_TEXT, TEXT
from reformkit.document.guide import (
    BudgetBlock,
    ClauseBlock,
    RecordBlock,
    TableBlock,
)
from reformkit.document.project import Project
from reformkit.document.spec import DocumentSpec
from tests.desktop.builder_helpers import cell_editor

KINDS = (CHARTER, PLAN)
# The opening of an instruction: "Say what…", "Describe…", "Write…".
INSTRUCTION = re.compile(
    r"^(say|write|describe|list|add|give|name|enter|type|explain|tell)\b", re.I
)


def _builder_values(spec: DocumentSpec) -> list[tuple[str, object]]:
    """(where, value) for every value a kind's builder puts into a new row or clause
    unasked (a preset, such as "Vacancy rate", is content the user chose)."""
    found: list[tuple[str, object]] = []
    for step in spec.guide.steps if spec.guide else ():
        for block in step.blocks:
            values: dict[str, object] = {}
            if isinstance(block, TableBlock | RecordBlock | BudgetBlock):
                values.update(block.defaults)
            if isinstance(block, TableBlock) and block.offer is not None:
                values.update({f"offer {k}": v for k, v in block.offer.fields.items()})
            if isinstance(block, ClauseBlock):
                values.update(block.own_fields)
                if block.prompts is not None:
                    values.update({f"prompt {k}": v for k, v in block.prompts.fields.items()})
            found += [(f"{spec.kind} step “{step.title}” {k}", v) for k, v in values.items()]
    return found


@pytest.mark.parametrize("spec", KINDS, ids=lambda s: s.kind)
def test_no_builder_default_is_an_instruction(spec: DocumentSpec) -> None:
    values = _builder_values(spec)
    assert values  # the builder does put things in; each is a short name, not a sentence
    for where, value in values:
        if not isinstance(value, str):
            continue
        assert not INSTRUCTION.match(value), f"{where}: {value!r} tells the user what to do"
        assert not value.rstrip().endswith("."), f"{where}: {value!r} is a sentence"
        assert len(value.split()) <= 4, f"{where}: {value!r} is more than a name"


@pytest.mark.parametrize("spec", KINDS, ids=lambda s: s.kind)
def test_what_a_new_row_needs_is_a_placeholder_coverage_ignores(spec: DocumentSpec) -> None:
    for section_type in spec.section_types:
        for item_type in section_type.item_types:
            values = starting_values(item_type, {}, item_type.label.lower())
            for field in item_type.fields:
                if field.required and field.type in (TEXT, LONG_TEXT):
                    value = values[field.name]
                    assert is_placeholder(value, spec.placeholders), (item_type.name, value)
                    assert not is_real(value, spec.placeholders)


def test_placeholders_and_what_people_write_are_told_apart() -> None:
    assert is_placeholder("New member") and is_placeholder("Our team", ("Our team",))
    assert not is_placeholder("Not applicable to us")  # the user's own words: a real answer
    assert not is_placeholder("Residents") and not is_placeholder("") and not is_placeholder(3)


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = Project.create(tmp_path / "team.reformkit", CHARTER, "Our charter", "Eastmoor")
    yield DocumentEditor(project)
    project.close()


def test_a_commitment_of_ones_own_starts_empty_with_a_hint(
    qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    """The charter's step 5: clicking in and typing gives only what was typed."""
    wizard = GuidedBuilder(editor, catalogue)
    qtbot.addWidget(wizard)
    wizard.show()
    step = next(
        n for n, s in enumerate(CHARTER.guide.steps, 1) if s.title == "What managers commit to"
    )
    wizard.go_to_step(step)
    commitments = wizard.page(step).block_of(ClauseWidget)
    item_id = commitments.write_own()
    assert item_id is not None
    card = commitments.list.card(item_id)
    assert card.form is not None
    box = card.form.widgets["text"].widget
    assert isinstance(box, QPlainTextEdit)
    assert box.toPlainText() == "" and box.placeholderText()
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box, "Managers protect five days a year")
    _, item = editor.project.document.find_item(item_id)
    assert item.fields["text"] == "Managers protect five days a year"


def test_a_new_table_row_opens_empty_and_keeps_its_name_if_nothing_is_typed(
    qtbot: QtBot, tmp_path: Path, catalogue: Catalogue
) -> None:
    with Project.create(tmp_path / "plan.reformkit", PLAN, "Plan") as project:
        editor = DocumentEditor(project)
        wizard = GuidedBuilder(editor, catalogue)
        qtbot.addWidget(wizard)
        wizard.show()
        step = next(n for n, s in enumerate(PLAN.guide.steps, 1) if s.title == "Action plan")
        wizard.go_to_step(step)
        table = wizard.page(step).findChildren(ItemTableEditor)[0]
        item_id = table.add_row()
        assert item_id is not None
        cell = cell_editor(table)
        assert isinstance(cell, QLineEdit)
        assert cell.text() == "" and cell.placeholderText()
        table.finish_editing()  # nothing typed: the row keeps its name, refused nothing
        assert project.document.find_item(item_id)[1].fields["action"] == "New action"
        assert table.model.problem() == ""
        table.edit_cell(item_id, "action")
        cell = cell_editor(table)
        assert isinstance(cell, QLineEdit)
        qtbot.keyClicks(cell, "Open the hub")
        table.finish_editing()
        assert project.document.find_item(item_id)[1].fields["action"] == "Open the hub"
