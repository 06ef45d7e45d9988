"""A big plan's parts tree: the items of its first sections get rows at once, the others
after the window's first paint, a turn at a time. Whatever is asked for or changed before
then is shown as it is, and the finished tree equals one built in one go."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from benchmarks.generated_plan import generated_plan
from desktop.editing.editor import DocumentEditor
from desktop.editing.parts_model import FIRST_SECTIONS
from desktop.editing.parts_tree import PartsTree
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project
from tests.desktop.test_parts_tree import _expected, _shown

SECTIONS = FIRST_SECTIONS + 60


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = Project.create_from(tmp_path / "big.reformkit", generated_plan(SECTIONS), PLAN)
    try:
        yield DocumentEditor(project)
    finally:
        project.close()


@pytest.fixture
def tree(qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue) -> PartsTree:
    tree = PartsTree(editor, catalogue)
    qtbot.addWidget(tree)
    return tree


def _children(tree: PartsTree, number: int) -> int:
    return tree.parts.rowCount(tree.parts.index(number, 0))


def _every_section_expanded(tree: PartsTree) -> bool:
    root = QModelIndex()
    return all(tree.isExpanded(tree.parts.index(r, 0, root)) for r in range(1, SECTIONS + 1))


def test_the_rest_of_the_rows_come_after_the_first_paint(qtbot: QtBot, tree: PartsTree) -> None:
    assert not tree.parts.filled
    assert tree.parts.rowCount() == SECTIONS + 1  # every section's row is there at once
    assert _children(tree, FIRST_SECTIONS) > 0 and _children(tree, SECTIONS) == 0
    tree.show()
    qtbot.waitUntil(lambda: tree.parts.filled, timeout=5000)
    assert _shown(tree) == _expected(tree.editor)
    assert _every_section_expanded(tree)


def test_a_part_asked_for_first_gets_its_row_at_once(tree: PartsTree) -> None:
    document = tree.editor.project.document
    last = document.sections[-1].items[-1]
    assert tree.select_part(last.id)
    assert tree.current_part() == ("item", last.id)
    assert not tree.parts.filled  # only that part's section was filled
    assert _children(tree, SECTIONS - 1) == 0
    assert not tree.parts.has_part("no-such-part")


def test_changes_before_the_rows_are_made_are_shown(tree: PartsTree) -> None:
    editor = tree.editor
    sections = editor.project.document.sections
    editor.add_item(sections[-1].id, "paragraph", {"text": "Added at once."}, index=0)
    assert tree.parts.filled  # a change makes every row first
    editor.remove_item(sections[FIRST_SECTIONS + 5].items[0].id)
    editor.move_section(sections[-2].id, 3)
    editor.undo_stack.undo()
    assert _shown(tree) == _expected(editor)
    assert _every_section_expanded(tree)


def test_a_folded_section_stays_folded_when_the_rows_are_made_again(
    qtbot: QtBot, tree: PartsTree
) -> None:
    tree.show()
    qtbot.waitUntil(lambda: tree.parts.filled, timeout=5000)
    folded = tree.parts.index(SECTIONS - 3, 0)
    tree.collapse(folded)
    tree.refresh()
    assert not tree.parts.filled
    qtbot.waitUntil(lambda: tree.parts.filled, timeout=5000)
    root = QModelIndex()
    expanded = [tree.isExpanded(tree.parts.index(r, 0, root)) for r in range(1, SECTIONS + 1)]
    assert expanded.count(False) == 1 and not expanded[SECTIONS - 4]
    assert _shown(tree) == _expected(tree.editor)
