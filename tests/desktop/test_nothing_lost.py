"""Nothing typed is lost: text in a table cell, a field or a form is in the file after the
window closes, the step changes or the part changes, with no Enter pressed; and the window
says "All changes saved" only when it is true."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import open_settings
from desktop.document_window import EDITING, SAVED, DocumentWindow
from desktop.editing.item_form import ItemForm
from desktop.launcher import document_kinds
from desktop.session import AppSession
from desktop.wizard.builder import GuidedBuilder
from desktop.wizard.table_editor import ItemTableEditor
from desktop.wizard.table_model import TAGS
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.fields import CHOICE, DATE, INTEGER, LONG_TEXT, MONEY, TEXT
from reformkit.document.project import Project
from reformkit.paths import AppPaths
from tests.desktop.builder_helpers import cell_editor
from tests.desktop.fakes import FakePrompts

# One cell of each kind: what is typed, and what the file then holds.
TYPED = {
    TEXT: ("Typed with no Enter", "Typed with no Enter"),
    LONG_TEXT: ("Long words typed with no Enter", "Long words typed with no Enter"),
    MONEY: ("1234", "1234.00"),
    DATE: ("31/03/2027", "2027-03-31"),
    INTEGER: ("42", 42),
    "suggested": ("Our own words", "Our own words"),
    TAGS: ("R4", ["R4"]),
}


@pytest.fixture
def session(qapp: object, catalogue: Catalogue) -> Iterator[AppSession]:
    paths = AppPaths.default()
    settings: QSettings = open_settings(paths.config)
    session = AppSession(catalogue, settings, document_kinds(), paths, FakePrompts())
    yield session
    for window in list(session.windows):
        window.close()


def _open(qtbot: QtBot, session: AppSession, path: Path) -> DocumentWindow:
    session.open_document(path)
    qtbot.waitUntil(lambda: len(session.windows) == 1, timeout=10000)
    return session.windows[0]


def _builder(window: DocumentWindow) -> GuidedBuilder:
    window.show_guide()
    assert isinstance(window.guide, GuidedBuilder)
    return window.guide


def _kind_of(table: ItemTableEditor, column: int) -> str:
    field = table.model.field_at(column)
    if field is None:
        return TAGS
    if field.name in table.model.suggestions or (field.type == CHOICE and field.free_text):
        return "suggested"
    return field.type


def _find_cells(builder: GuidedBuilder) -> dict[str, tuple[int, int]]:
    """For each kind of cell, the first (step, table number, column) that has one."""
    found: dict[str, tuple[int, int]] = {}
    for step in range(1, builder.step_count() + 1):
        builder.go_to_step(step)
        for number, table in enumerate(builder.current_page().findChildren(ItemTableEditor)):
            for column in range(table.model.columnCount()):
                kind = _kind_of(table, column)
                if kind in TYPED and kind not in found:
                    found[kind] = (step, number * 100 + column)
    return found


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.reformkit"
    Project.create(path, PLAN, "Plan").close()
    return path


def _type_into(qtbot: QtBot, table: ItemTableEditor, column: int, text: str) -> str:
    """Add a row, open one of its cells as a click does, and type: no Enter, no Tab."""
    item_id = table.add_row(edit=None)
    assert item_id is not None
    table.edit_cell(item_id, table.model.name_at(column))
    cell = cell_editor(table)
    assert cell is not None
    line: QWidget = cell.lineEdit() if isinstance(cell, QComboBox) else cell  # type: ignore[assignment]
    assert isinstance(line, QLineEdit | QPlainTextEdit)
    line.selectAll()
    qtbot.keyClicks(line, text)
    return item_id


def _stored(path: Path, item_id: str, name: str) -> Any:
    with Project.open(path, document_kinds()) as project:
        _, item = project.document.find_item(item_id)
        return list(item.tags) if name == TAGS else item.fields.get(name)


@pytest.mark.parametrize("kind", list(TYPED))
def test_a_cell_typed_in_is_saved_when_the_window_closes(
    qtbot: QtBot, session: AppSession, tmp_path: Path, kind: str
) -> None:
    path = _plan(tmp_path)
    window = _open(qtbot, session, path)
    builder = _builder(window)
    cells = _find_cells(builder)
    assert kind in cells, f"the plan builder has no {kind} cell"
    step, where = cells[kind]
    builder.go_to_step(step)
    table = builder.current_page().findChildren(ItemTableEditor)[where // 100]
    column = where % 100
    typed, expected = TYPED[kind]
    item_id = _type_into(qtbot, table, column, typed)
    assert window.saved_label.text() == EDITING
    assert SAVED.lower() not in window.windowTitle()
    name = table.model.name_at(column)
    window.close()
    assert _stored(path, item_id, name) == expected


def test_a_cell_typed_in_is_saved_when_the_step_changes(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    path = _plan(tmp_path)
    window = _open(qtbot, session, path)
    builder = _builder(window)
    step, where = _find_cells(builder)[TEXT]
    builder.go_to_step(step)
    table = builder.current_page().findChildren(ItemTableEditor)[where // 100]
    item_id = _type_into(qtbot, table, where % 100, "Kept by Next")
    builder.next()  # as Alt+N does, with the focus left in the cell
    assert window.saved_label.text() == SAVED
    assert _read_now(window, item_id, table.model.name_at(where % 100)) == "Kept by Next"


def _read_now(window: DocumentWindow, item_id: str, name: str) -> Any:
    _, item = window.project.document.find_item(item_id)
    return item.fields.get(name)


def test_a_cell_typed_in_is_saved_when_leaving_the_builder(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    path = _plan(tmp_path)
    window = _open(qtbot, session, path)
    builder = _builder(window)
    step, where = _find_cells(builder)[MONEY]
    builder.go_to_step(step)
    table = builder.current_page().findChildren(ItemTableEditor)[where // 100]
    item_id = _type_into(qtbot, table, where % 100, "250")
    window.menu_actions["document"].trigger()  # View › The whole document (Ctrl+D)
    window.tree.select_part(window.project.document.meta.id)
    assert str(_read_now(window, item_id, table.model.name_at(where % 100))) == "250.00"
    assert window.saved_label.text() == SAVED


def test_fields_and_forms_typed_in_are_saved_when_the_window_closes(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    path = tmp_path / "forms.reformkit"
    with Project.create(path, PLAN, "Plan") as project:
        section = next(s for s in project.document.sections if s.key == "actions")
        item = project.add_item(section.id, "action", {"action": "Open the hub"})
        section_id, item_id = section.id, item.id
    window = _open(qtbot, session, path)
    window.tree.select_part(window.project.document.meta.id)
    details = window.part_editor
    organisation = next(
        w for w in details.findChildren(QLineEdit) if w.accessibleName() == "Organisation"
    )
    qtbot.keyClicks(organisation, "Severn Vale")
    window.tree.select_part(section_id)
    intro = next(
        w for w in window.part_editor.findChildren(QPlainTextEdit) if w.isVisibleTo(window)
    )
    qtbot.keyClicks(intro, "An introduction")
    window.tree.select_part(item_id)
    form = window.part_editor.findChildren(ItemForm)[0]
    owner = form.widgets["owner"].widget
    line = owner.lineEdit() if isinstance(owner, QComboBox) else owner
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "Dana")
    window.close()
    with Project.open(path, document_kinds()) as project:
        assert project.document.meta.organisation == "Severn Vale"
        assert project.document.section(section_id).intro == "An introduction"
        assert project.document.find_item(item_id)[1].fields["owner"] == "Dana"


def test_quitting_keeps_a_cell_typed_in(qtbot: QtBot, session: AppSession, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    path = _plan(tmp_path)
    window = _open(qtbot, session, path)
    builder = _builder(window)
    step, where = _find_cells(builder)[LONG_TEXT]
    builder.go_to_step(step)
    table = builder.current_page().findChildren(ItemTableEditor)[where // 100]
    item_id = _type_into(qtbot, table, where % 100, "Kept on quitting")
    name = table.model.name_at(where % 100)
    QApplication.closeAllWindows()  # File › Quit
    assert _stored(path, item_id, name) == "Kept on quitting"
