"""The parts tree shows the whole document, follows every edit, and edits through the editor."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from benchmarks.generated_plan import generated_plan
from desktop.editing.editor import DocumentEditor
from desktop.editing.parts_model import ENTRY_MIME, REVIEW_MARK
from desktop.editing.parts_tree import PartsTree
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.fields import DATE
from reformkit.document.interchange import dumps, loads
from reformkit.document.model import Section
from reformkit.document.project import Project
from reformkit.layout.formatting import long_date
from tests.documents import KINDS

SAMPLE = Path(__file__).parents[2] / "resources" / "samples" / "local-reform-plan.json"


@pytest.fixture
def editor(tmp_path: Path, qapp: object) -> Iterator[DocumentEditor]:
    document = loads(SAMPLE.read_text(encoding="utf-8"), KINDS)
    project = Project.create_from(tmp_path / "plan.reformkit", document, KINDS.get("plan"))
    editor = DocumentEditor(project)
    yield editor
    project.close()


@pytest.fixture
def tree(qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue) -> PartsTree:
    tree = PartsTree(editor, catalogue)
    qtbot.addWidget(tree)
    tree.resize(420, 700)
    tree.show()
    qtbot.waitExposed(tree)
    return tree


def _dump(editor: DocumentEditor) -> str:
    """The document as JSON, without the times that every edit (and undo) stamps."""
    return re.sub(r'"(modified|created)": "[^"]*"', "", dumps(editor.project.document))


def _section(editor: DocumentEditor, key: str) -> Section:
    return next(s for s in editor.project.document.sections if s.key == key)


def _shown(tree: PartsTree) -> list[tuple[str, list[str]]]:
    model = tree.parts
    rows = []
    for row in range(1, model.rowCount()):
        section = model.index(row, 0)
        children = [model.index(n, 0, section).data() for n in range(model.rowCount(section))]
        rows.append((section.data(), children))
    return rows


def _expected(editor: DocumentEditor) -> list[tuple[str, list[str]]]:
    rows = []
    for number, section in enumerate(editor.project.document.sections, start=1):
        section_type = PLAN.section_type(section.key)
        names = []
        for item in section.items:
            item_type = section_type.item_type(item.type)
            name = item_type.describe(item.fields)
            if item_type.title_field and item_type.field(item_type.title_field).type == DATE:
                name = long_date(name)
            names.append(f"{REVIEW_MARK}  {name}" if item.needs_review else name)
        rows.append((f"{number}  {section.title}", names))
    return rows


def _menu_action(menu: QMenu, text: str) -> object:
    for action in menu.actions():
        if action.text() == text:
            return action
        if action.menu() is not None:
            found = _menu_action(action.menu(), text)
            if found is not None:
                return found
    return None


def _trigger(tree: PartsTree, text: str) -> None:
    action = _menu_action(tree.context_menu(), text)
    assert action is not None, f"no '{text}' in the menu"
    action.trigger()  # type: ignore[attr-defined]


def test_shows_the_details_then_every_section_and_item(tree: PartsTree, editor: DocumentEditor):
    document = editor.project.document
    assert tree.accessibleName() == "Parts of the document"
    assert tree.parts.index(0, 0).data() == document.meta.title
    assert len(document.sections) == 16 and sum(len(s.items) for s in document.sections) == 80
    assert _shown(tree) == _expected(editor)
    assert _shown(tree)[2][0] == "3  The place: needs and assets"


def test_items_to_review_are_marked(tree: PartsTree, editor: DocumentEditor) -> None:
    item = _section(editor, "board").items[0]
    editor.project.update_item(item.id, needs_review=True)
    index = tree.parts.index_of(item.id)
    assert index.data().startswith(REVIEW_MARK)
    assert "changed" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert _shown(tree) == _expected(editor)


def test_selecting_a_row_says_which_part(qtbot: QtBot, tree: PartsTree, editor: DocumentEditor):
    heard: list[tuple[str, str]] = []
    tree.part_selected.connect(lambda kind, part: heard.append((kind, part)))
    section = _section(editor, "missions")
    index = tree.parts.index_of(section.items[1].id)
    tree.scrollTo(index)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )
    assert heard == [("item", section.items[1].id)]
    assert tree.current_part() == ("item", section.items[1].id)
    tree.select_part(section.id)
    tree.select_part(editor.project.document.meta.id)
    assert heard[1:] == [("section", section.id), ("document", editor.project.document.meta.id)]
    assert not tree.select_part("no-such-part")


def test_add_an_item_from_the_menu_then_undo(tree: PartsTree, editor: DocumentEditor) -> None:
    board = _section(editor, "board")
    before = _dump(editor)
    tree.select_part(board.id)
    menu = tree.context_menu()
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Add board member", "Add paragraph"]
    _trigger(tree, "Add board member")
    assert len(board.items) == 12
    added = board.items[-1]
    assert added.type == "member" and tree.current_part() == ("item", added.id)
    assert _shown(tree) == _expected(editor)
    editor.undo_stack.undo()
    assert _dump(editor) == before
    assert _shown(tree) == _expected(editor)


def test_add_a_section_after_the_current_one(tree: PartsTree, editor: DocumentEditor) -> None:
    tree.select_part(_section(editor, "place").id)
    titles = [a.text() for a in _menu_action(tree.context_menu(), "Add section").menu().actions()]  # type: ignore[attr-defined]
    assert titles == [t.title for t in PLAN.all_section_types]
    # A workshop record's parts come with the workshop, never from this menu.
    attached = {t.title for t in editor.project.spec.attached_section_types}
    assert attached and not attached & set(titles)
    _trigger(tree, "Other section")
    sections = editor.project.document.sections
    assert sections[3].key == "custom" and tree.current_part() == ("section", sections[3].id)
    assert _shown(tree) == _expected(editor)
    assert _shown(tree)[3][0] == "4  Other section"
    editor.undo_stack.undo()
    assert [s.key for s in sections][3] == "missions"
    assert _shown(tree) == _expected(editor)


def test_delete_asks_before_removing_a_section_with_items(
    qtbot: QtBot, tree: PartsTree, editor: DocumentEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    budget = _section(editor, "budget")
    tree.select_part(budget.id)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert "9 items" in asked[0] and budget in editor.project.document.sections
    answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert budget.id not in [s.id for s in editor.project.document.sections]
    assert not tree.parts.has_part(budget.id) and not tree.parts.has_part(budget.items[0].id)
    assert tree.current_part() == ("section", _section(editor, "investment").id)
    assert _shown(tree) == _expected(editor)
    editor.undo_stack.undo()
    restored = _section(editor, "budget")
    assert len(restored.items) == 9
    assert _shown(tree) == _expected(editor)


def test_delete_an_item_without_asking(
    qtbot: QtBot, tree: PartsTree, editor: DocumentEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked"))
    actions = _section(editor, "actions")
    first, second = actions.items[0], actions.items[1]
    tree.select_part(first.id)
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert first not in actions.items and tree.current_part() == ("item", second.id)
    editor.undo_stack.undo()
    assert actions.items[0].id == first.id
    assert _shown(tree) == _expected(editor)


def test_alt_arrows_move_items_and_sections(
    qtbot: QtBot, tree: PartsTree, editor: DocumentEditor
) -> None:
    missions = _section(editor, "missions")
    first = missions.items[0]
    tree.select_part(first.id)
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert missions.items[1] is first and tree.current_part() == ("item", first.id)
    assert _shown(tree) == _expected(editor)
    tree.select_part(missions.id)
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.project.document.sections[2] is missions
    assert tree.current_part() == ("section", missions.id)
    assert tree.isExpanded(tree.parts.index_of(missions.id))
    assert _shown(tree) == _expected(editor)
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert editor.project.document.sections[3] is missions and missions.items[0] is first
    assert _shown(tree) == _expected(editor)


def test_the_selection_stays_when_other_parts_move(tree: PartsTree, editor: DocumentEditor):
    kept = _section(editor, "workforce").items[1]
    tree.select_part(kept.id)
    heard: list[str] = []
    tree.part_selected.connect(lambda _kind, part: heard.append(part))
    editor.move_section(_section(editor, "workforce").id, 0)
    editor.remove_section(_section(editor, "budget").id)
    editor.move_item(kept.id, _section(editor, "workforce").id, 0)
    assert tree.current_part() == ("item", kept.id) and heard == []
    assert _shown(tree) == _expected(editor)


def test_drag_an_item_into_another_section(tree: PartsTree, editor: DocumentEditor) -> None:
    foreword, collaboration = _section(editor, "foreword"), _section(editor, "collaboration")
    moved = foreword.items[0]
    model = tree.parts
    data = model.mimeData([model.index_of(moved.id)])
    target = model.index_of(collaboration.id)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 1, 0, target)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, target)
    assert collaboration.items[1] is moved and moved not in foreword.items
    assert tree.current_part() == ("item", moved.id)
    assert _shown(tree) == _expected(editor)
    editor.undo_stack.undo()
    assert foreword.items[0] is moved
    assert _shown(tree) == _expected(editor)


def test_drag_an_item_down_within_its_section(tree: PartsTree, editor: DocumentEditor) -> None:
    actions = _section(editor, "actions")
    first = actions.items[0]
    model = tree.parts
    data = model.mimeData([model.index_of(first.id)])
    # Dropped onto the fourth item: it goes just before it.
    assert model.dropMimeData(
        data, Qt.DropAction.MoveAction, -1, 0, model.index_of(actions.items[3].id)
    )
    assert actions.items.index(first) == 2
    assert _shown(tree) == _expected(editor)


def test_drag_a_section_to_the_top(tree: PartsTree, editor: DocumentEditor) -> None:
    actions = _section(editor, "actions")
    model = tree.parts
    data = model.mimeData([model.index_of(actions.id)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert editor.project.document.sections[0] is actions
    assert _shown(tree)[0][0] == "1  Action plan"
    assert _shown(tree) == _expected(editor)


def _entry_mime(entry_id: str) -> QMimeData:
    data = QMimeData()
    data.setData(ENTRY_MIME, QByteArray(entry_id.encode("utf-8")))
    return data


def test_drop_a_catalogue_entry_onto_a_section(
    tree: PartsTree, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    board = _section(editor, "board")
    model = tree.parts
    assert model.dropMimeData(
        _entry_mime("BR3"), Qt.DropAction.CopyAction, -1, 0, model.index_of(board.id)
    )
    added = board.items[-1]
    assert added.type == "member" and added.fields["role"] == catalogue.get("BR3").title
    assert added.source is not None and added.source.entry_id == "BR3"
    assert added.source.revision == catalogue.get("BR3").revision
    assert tree.current_part() == ("item", added.id)
    assert _shown(tree) == _expected(editor)
    editor.undo_stack.undo()
    assert added.id not in [i.id for i in board.items]
    # Briefing context can be quoted as a paragraph where paragraphs go.
    budget = _section(editor, "budget")
    assert model.dropMimeData(
        _entry_mime("R14"), Qt.DropAction.CopyAction, 0, 0, model.index_of(budget.id)
    )
    assert budget.items[0].type == "paragraph" and budget.items[0].source.entry_id == "R14"


def test_refused_drops_change_nothing(tree: PartsTree, editor: DocumentEditor) -> None:
    messages: list[str] = []
    tree.status_message.connect(messages.append)
    before = _dump(editor)
    model = tree.parts
    budget = model.index_of(_section(editor, "budget").id)
    # A right from the catalogue has no place in the budget.
    assert not model.canDropMimeData(_entry_mime("W3"), Qt.DropAction.CopyAction, -1, 0, budget)
    assert not model.dropMimeData(_entry_mime("W3"), Qt.DropAction.CopyAction, -1, 0, budget)
    assert "Total Place+ budget" in messages[-1] and "right" in messages[-1]
    # Nor does a Board member.
    member = _section(editor, "board").items[0]
    data = model.mimeData([model.index_of(member.id)])
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, budget)
    assert "cannot hold a board member" in messages[-1]
    assert not model.dropMimeData(_entry_mime("NOPE"), Qt.DropAction.CopyAction, -1, 0, budget)
    assert _dump(editor) == before
    assert editor.undo_stack.count() == 0
    assert _shown(tree) == _expected(editor)


def test_a_read_only_project_offers_no_edits(
    qtbot: QtBot, editor: DocumentEditor, catalogue: Catalogue
) -> None:
    path = editor.project.path
    editor.project.close()
    with Project.open(path, KINDS, read_only=True) as project:
        reader = DocumentEditor(project)
        tree = PartsTree(reader, catalogue)
        qtbot.addWidget(tree)
        board = _section(reader, "board")
        tree.select_part(board.id)
        menu = [a for a in tree.context_menu().actions() if not a.isSeparator()]
        assert len(menu) == 1 and not menu[0].isEnabled()
        assert not tree.remove_action.isEnabled() and not tree.move_down_action.isEnabled()
        assert not tree.remove() and not tree.move_part(1)
        flags = tree.parts.flags(tree.parts.index_of(board.id))
        assert not flags & Qt.ItemFlag.ItemIsDragEnabled
        data = tree.parts.mimeData([tree.parts.index_of(board.items[0].id)])
        assert not tree.parts.dropMimeData(
            data, Qt.DropAction.MoveAction, 0, 0, tree.parts.index_of(board.id)
        )
        assert _shown(tree) == _expected(reader)


def test_a_300_section_plan_is_shown_whole_and_follows_edits(
    qtbot: QtBot, tmp_path: Path, catalogue: Catalogue
) -> None:
    """How fast: ``benchmarks/big_plan_views.py``."""
    project = Project.create_from(tmp_path / "big.reformkit", generated_plan(300), PLAN)
    try:
        editor = DocumentEditor(project)
        tree = PartsTree(editor, catalogue)
        qtbot.addWidget(tree)
        tree.show()
        qtbot.waitExposed(tree)
        assert tree.parts.rowCount() == 301
        editor.move_section(project.document.sections[0].id, 250)
        editor.add_item(project.document.sections[10].id, "paragraph", {"text": "New."}, index=0)
        assert tree.parts.rowCount() == 301
        assert sum(tree.parts.rowCount(tree.parts.index(r, 0)) for r in range(301)) == 3301
        assert _shown(tree) == _expected(editor)
    finally:
        project.close()


def test_drop_several_catalogue_entries_as_one_step(tree: PartsTree, editor: DocumentEditor):
    board = _section(editor, "board")
    before = _dump(editor)
    model = tree.parts
    target = model.index_of(board.items[0].id)  # dropped on the first member: they go before it
    assert model.dropMimeData(_entry_mime("BR1\nBR3"), Qt.DropAction.CopyAction, -1, 0, target)
    assert [i.source.entry_id for i in board.items[:2]] == ["BR1", "BR3"]  # type: ignore[union-attr]
    assert _shown(tree) == _expected(editor)
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert _dump(editor) == before
    # One entry that does not fit refuses the whole drop.
    assert not model.dropMimeData(_entry_mime("BR1\nW3"), Qt.DropAction.CopyAction, -1, 0, target)
    assert _dump(editor) == before


def _drag_onto(tree: PartsTree, data: QMimeData, index: QModelIndex, where: str) -> bool:
    """Drag ``data`` over the view and drop it above, on or below the row at ``index``."""
    rect = tree.visualRect(index)
    y = {"above": rect.top() + 1, "on": rect.center().y(), "below": rect.bottom() - 1}[where]
    point = QPoint(rect.center().x(), y)
    move, left, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    tree.dragEnterEvent(QDragEnterEvent(point, move, data, left, none))
    tree.dragMoveEvent(QDragMoveEvent(point, move, data, left, none))
    drop = QDropEvent(QPointF(point), move, data, left, none)
    tree.dropEvent(drop)
    return drop.isAccepted()


def test_dropping_in_the_view_puts_the_item_where_it_was_dropped(
    tree: PartsTree, editor: DocumentEditor
) -> None:
    foreword, board = _section(editor, "foreword"), _section(editor, "board")
    moved = foreword.items[0]
    model = tree.parts
    # Just below an open section's heading: its first place.
    assert _drag_onto(
        tree, model.mimeData([model.index_of(moved.id)]), model.index_of(board.id), "below"
    )
    assert board.items[0] is moved and len(foreword.items) == 2
    # Onto an item: just before it.
    target = board.items[3]
    assert _drag_onto(
        tree, model.mimeData([model.index_of(moved.id)]), model.index_of(target.id), "on"
    )
    assert board.items[board.items.index(target) - 1] is moved
    # The view never removes the dragged row itself: the tree still matches the document.
    assert _shown(tree) == _expected(editor)
