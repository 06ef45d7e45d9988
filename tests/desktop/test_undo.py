"""Every kind of edit can be undone and redone, and the file follows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from charter import CHARTER
from desktop.editing.editor import DocumentEditor
from reformkit.document.interchange import dumps
from reformkit.document.model import Source
from reformkit.document.project import Project
from tests.documents import KINDS


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    project = Project.create(tmp_path / "c.reformkit", CHARTER, "Charter", "Eastmoor")
    rights = project.document.sections[2]
    project.add_item(rights.id, "right", {"title": "Pay", "text": "Fair pay."})
    project.add_item(rights.id, "right", {"title": "Voice", "text": "A say."})
    project.add_item(rights.id, "paragraph", {"text": "Rights come with duties."})
    editor = DocumentEditor(project)
    yield editor
    project.close()


def _in_file(editor: DocumentEditor) -> str:
    path = editor.project.path
    with Project.open(path, KINDS, read_only=True) as reader:
        return dumps(reader.document)


def _rights(editor: DocumentEditor) -> str:
    return editor.project.document.sections[2].id


EDITS: dict[str, Callable[[DocumentEditor], object]] = {
    "add item": lambda e: e.add_item(_rights(e), "right", {"title": "New", "text": "Text"}),
    "edit text": lambda e: e.update_fields(
        e.project.document.sections[2].items[0].id, {"text": "Fair and stable pay."}
    ),
    "retag": lambda e: e.set_item_tags(e.project.document.sections[2].items[0].id, ["R18", "R20"]),
    "remove item": lambda e: e.remove_item(e.project.document.sections[2].items[0].id),
    "move item": lambda e: e.move_item(
        e.project.document.sections[2].items[2].id, e.project.document.sections[3].id, 0
    ),
    "reorder item": lambda e: e.move_item(
        e.project.document.sections[2].items[0].id, _rights(e), 1
    ),
    "add section": lambda e: e.add_section("custom", "Glossary", 1),
    "edit section": lambda e: e.update_section(_rights(e), intro="What staff can expect."),
    "retag section": lambda e: e.update_section(_rights(e), tags=["R18", "R19"]),
    "remove section": lambda e: e.remove_section(_rights(e)),
    "move section": lambda e: e.move_section(_rights(e), 0),
    "edit details": lambda e: e.set_meta(title="Our charter", organisation="Eastmoor BC"),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_edit_undoes_and_redoes(editor: DocumentEditor, name: str) -> None:
    before = dumps(editor.project.document)
    EDITS[name](editor)
    after = dumps(editor.project.document)
    assert after != before
    assert editor.undo_stack.count() == 1 and editor.undo_stack.canUndo()
    editor.undo_stack.undo()
    assert _without_times(dumps(editor.project.document)) == _without_times(before)
    assert _without_times(_in_file(editor)) == _without_times(before)
    editor.undo_stack.redo()
    assert _without_times(dumps(editor.project.document)) == _without_times(after)
    assert _without_times(_in_file(editor)) == _without_times(after)


def _without_times(text: str) -> str:
    import re

    return re.sub(r'"(modified|created)": "[^"]*"', "", text)


def test_typing_in_one_field_is_one_undo_step(editor: DocumentEditor) -> None:
    item_id = editor.project.document.sections[2].items[0].id
    for text in ("F", "Fa", "Fai", "Fair"):
        editor.update_fields(item_id, {"text": text})
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert editor.project.document.find_item(item_id)[1].fields["text"] == "Fair pay."


def test_a_refused_edit_never_reaches_the_stack(editor: DocumentEditor) -> None:
    from reformkit.document.fields import FieldError

    item_id = editor.project.document.sections[2].items[0].id
    with pytest.raises(FieldError):
        editor.update_fields(item_id, {"text": ""})  # a right must say something
    assert editor.undo_stack.count() == 0


def test_mark_reviewed_is_undoable(editor: DocumentEditor) -> None:
    item_id = editor.project.document.sections[2].items[0].id
    editor.project.update_item(item_id, needs_review=True, source=Source("W4", "old"))
    editor.mark_reviewed(item_id, Source("W4", "new"))
    item = editor.project.document.find_item(item_id)[1]
    assert not item.needs_review and item.source == Source("W4", "new")
    editor.undo_stack.undo()
    item = editor.project.document.find_item(item_id)[1]
    assert item.needs_review and item.source == Source("W4", "old")


def test_changes_are_announced(editor: DocumentEditor) -> None:
    heard: list[tuple[str, str]] = []
    editor.changed.connect(lambda change, target: heard.append((change, target)))
    item_id = editor.add_item(_rights(editor), "right", {"title": "T", "text": "X"})
    editor.undo_stack.undo()
    assert heard == [("item-added", item_id), ("item-removed", item_id)]


def test_typing_in_the_title_is_one_undo_step(editor: DocumentEditor) -> None:
    for title in ("O", "Ou", "Our"):
        editor.set_meta(title=title)
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert editor.project.document.meta.title == "Charter"


def test_an_import_is_one_undo_step(editor: DocumentEditor) -> None:
    before = _without_times(dumps(editor.project.document))
    rows = [{"title": f"Right {n}", "text": "Imported."} for n in range(5)]
    added = editor.project.add_items(_rights(editor), "right", rows)
    editor.add_items(added)
    after = _without_times(dumps(editor.project.document))
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert _without_times(dumps(editor.project.document)) == before
    assert _without_times(_in_file(editor)) == before
    editor.undo_stack.redo()
    assert _without_times(dumps(editor.project.document)) == after
    assert _without_times(_in_file(editor)) == after
