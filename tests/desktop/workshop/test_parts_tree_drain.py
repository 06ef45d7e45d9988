"""The document window's parts tree follows a room's drains by adding the new rows at the end
of their parts, not by building every row again; what it cannot follow so (an item put back
in the middle, a part added) it builds again. Either way it shows the document as it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QStandardItem
from pytestqt.qtbot import QtBot

from desktop.editing.editor import DocumentEditor
from desktop.editing.parts_tree import PartsTree
from reformkit.catalogue.store import Catalogue
from reformkit.document.inbox import InboxWriter
from reformkit.document.project import Project
from tests.desktop.workshop.conftest import workshop_kinds
from workshop import operations
from workshop.parts import Method


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    kinds = workshop_kinds()
    project = Project.create(tmp_path / "w.reformkit", kinds.get("workshop"), "Hexham")
    operations.ensure_record(project, "Hexham")
    yield DocumentEditor(project)
    project.close()


@pytest.fixture
def tree(qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue) -> PartsTree:
    tree = PartsTree(editor, catalogue)
    qtbot.addWidget(tree)
    return tree


def shown(tree: PartsTree) -> list[list[str]]:
    model = tree.parts
    return [
        [
            str(model.index(n, 0, model.index(row, 0)).data())
            for n in range(model.rowCount(model.index(row, 0)))
        ]
        for row in range(1, model.rowCount())
    ]


def expected(editor: DocumentEditor) -> list[list[str]]:
    spec = editor.project.spec
    return [
        [spec.section_type(s.key).item_type(i.type).describe(i.fields) for i in s.items]
        for s in editor.project.document.sections
    ]


def rows_of(tree: PartsTree, editor: DocumentEditor) -> dict[str, QStandardItem]:
    model = tree.parts
    found = {}
    for _, item in editor.project.document.items():
        row = model.itemFromIndex(model.index_of(item.id))
        assert row is not None
        found[item.id] = row
    return found


def send(editor: DocumentEditor, activity_id: str, texts: list[str]) -> int:
    with InboxWriter(editor.project.path) as writer:
        for text in texts:
            writer.put("contribution", {"activity": activity_id, "text": text})
    return editor.project.drain_inbox()


def test_a_drain_adds_rows_at_the_end_and_keeps_the_others(
    tree: PartsTree, editor: DocumentEditor
) -> None:
    ideas = operations.add_activity(editor.project, "Ideas", Method.IDEAS, "What would help?")
    assert send(editor, ideas.id, ["One", "Two"]) == 2
    before = rows_of(tree, editor)
    assert send(editor, ideas.id, ["Three"]) == 1
    after = rows_of(tree, editor)
    assert all(after[item_id] is row for item_id, row in before.items())
    assert shown(tree) == expected(editor)
    assert "Three" in shown(tree)[3]


def test_items_put_back_in_the_middle_build_the_tree_again(
    tree: PartsTree, editor: DocumentEditor
) -> None:
    ideas = operations.add_activity(editor.project, "Ideas", Method.IDEAS, "What would help?")
    send(editor, ideas.id, ["One", "Two", "Three"])
    middle = [i.id for _, i in editor.project.document.items() if i.fields.get("text") == "Two"]
    removed = editor.project.remove_items(middle)
    assert shown(tree) == expected(editor)
    editor.project.restore_items(removed)  # an undo: ("items-added", the section's id)
    assert shown(tree) == expected(editor)
    send(editor, ideas.id, ["Four"])
    assert shown(tree) == expected(editor)


def test_a_drain_into_a_part_not_yet_there_builds_the_tree_again(
    tree: PartsTree, editor: DocumentEditor
) -> None:
    ideas = operations.add_activity(editor.project, "Ideas", Method.IDEAS, "What would help?")
    said = next(s for s in editor.project.document.sections if s.key == "contributions")
    editor.project.remove_section(said.id)
    assert send(editor, ideas.id, ["Back again"]) == 1
    assert shown(tree) == expected(editor)
