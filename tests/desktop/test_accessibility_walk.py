"""Every control of every window has a name a screen reader can read, and the keyboard can get
to it: the start screen, the catalogue browser, the document window with each panel and each
kind of part, the guided builder on every step of every kind's guide, and each dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.document_window import DocumentWindow
from desktop.help_dialogs import DOCUMENT_HELP_HTML, DOCUMENT_HELP_TITLE, HelpDialog, show_about
from desktop.main_window import MainWindow
from desktop.panels.csv_import_dialog import CsvImportDialog
from desktop.panels.export_dialog import ExportDialog
from desktop.panels.merge_dialog import MergeDialog
from desktop.panels.package_dialog import PackageDialog
from desktop.session import AppSession
from desktop.start_screen import StartScreen
from desktop.wizard.table_editor import ItemTableEditor
from reformkit.document.fields import TEXT
from reformkit.document.packages import make_package
from reformkit.document.project import Project
from tests.desktop.accessibility_walk import lacking
from tests.desktop.windows_helpers import new_document, open_sample, session

__all__ = ["session"]

EDITABLE = Qt.ItemFlag.ItemIsEditable


def _shown(qtbot: QtBot, window: QWidget) -> QWidget:
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def _check(found: dict[str, list[str]], where: str, window: QWidget) -> None:
    QApplication.processEvents()
    problems = lacking(window)
    if problems:
        found[where] = problems


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{where}:\n  " + "\n  ".join(lines) for where, lines in found.items())


def test_the_start_screen_and_the_catalogue_browser(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    found: dict[str, list[str]] = {}
    earlier = tmp_path / "Earlier.reformkit"
    earlier.write_bytes(b"")
    session.recent.add(earlier)  # so the start screen lists a recent document
    start = StartScreen(session)
    qtbot.addWidget(start)
    _check(found, "start screen", _shown(qtbot, start))
    browser = MainWindow(session.catalogue, session.settings, session.kinds.articles())
    qtbot.addWidget(browser)
    _check(found, "catalogue browser", _shown(qtbot, browser))
    qtbot.keyClicks(browser.search_box, "trust")  # the search results instead of the tree
    qtbot.waitUntil(browser.results.isVisible, timeout=5000)
    _check(found, "catalogue browser, searching", browser)
    assert not found, _report(found)


def _parts_to_show(window: DocumentWindow) -> Iterator[tuple[str, str, str]]:
    """(what, kind, id): the document's details, a section, and an item of each
    presentation the document has."""
    document = window.project.document
    yield "the document's details", "document", document.meta.id
    if document.sections:
        yield "a part", "section", document.sections[0].id
    seen: set[str] = set()
    for section in document.sections:
        section_type = window.project.spec.section_type(section.key)
        for item in section.items:
            presentation = section_type.item_type(item.type).presentation
            if presentation not in seen:
                seen.add(presentation)
                yield f"an item shown as {presentation}", "item", item.id


def test_the_document_window_with_each_panel_and_each_kind_of_part(
    qtbot: QtBot, session: AppSession
) -> None:
    found: dict[str, list[str]] = {}
    for number, sample in enumerate(session.kinds.samples()):
        window = open_sample(qtbot, session, number)
        for name, dock in window.docks.items():
            dock.show()
            dock.raise_()
            _check(found, f"{sample.name}, {name} panel", window)
        for what, kind, part_id in _parts_to_show(window):
            window.tree.select_part(part_id)
            window.part_selected(kind, part_id)
            _check(found, f"{sample.name}, {what}", window)
        window.close()
    assert not found, _report(found)


def test_the_guided_builder_on_every_step_of_every_guide(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    found: dict[str, list[str]] = {}
    for spec in [spec for spec in session.kinds if spec.guide]:
        window = new_document(qtbot, session, spec.kind, tmp_path)
        guide = window.guide
        assert guide is not None
        for number in range(1, guide.step_count() + 1):
            guide.go_to_step(number)
            guide.fix_tab_order_now()
            where = f"{spec.label}, step {number}"
            _check(found, where, window)
            _check_open_cells(found, where, window, guide.current_page())
        window.close()
    assert not found, _report(found)


def _clashing_package(window: DocumentWindow, tmp_path: Path) -> Path:
    """A partner's package of the first part with words, those words changed both there and
    here since it was sent."""
    project = window.project
    section, item, field = next(
        (section, item, field.name)
        for section in project.document.sections
        for item in section.items
        for field in project.spec.section_type(section.key).item_type(item.type).fields
        if field.type == TEXT and item.fields.get(field.name)
    )
    words = str(item.fields[field])
    package = make_package(project, [section.key], tmp_path / f"{project.spec.kind}.package")
    with Project.open(package, window.session.kinds) as theirs:
        theirs.update_item(item.id, {field: f"{words} (theirs)"})
    window.editor.update_fields(item.id, {field: f"{words} (ours)"})
    return package


def _check_open_cells(
    found: dict[str, list[str]], where: str, window: QWidget, page: QWidget
) -> None:
    """Each column's cell editor of each table on the page, open as Enter opens it (a row
    added first to an empty table)."""
    for table in page.findChildren(ItemTableEditor):
        if not table.isVisible() or not table.add_button.isEnabled():
            continue
        ids = table.model.item_ids() or [table.add_row(edit=None)]
        for column in range(table.model.columnCount()):
            if not table.model.flags(table.model.index(0, column)) & EDITABLE:
                continue
            table.edit_cell(str(ids[0]), table.model.name_at(column))
            _check(found, f"{where}, {table.accessibleName()}, column {column + 1}", window)
            table.finish_editing()


def _dialogs(window: DocumentWindow, tmp_path: Path) -> Iterator[tuple[str, QWidget]]:
    session, project = window.session, window.project
    yield "export", ExportDialog(project, session.catalogue, session.settings, window)
    first = project.document.sections[0].id
    yield "spreadsheet import", CsvImportDialog(window.editor, first, window)
    yield "package", PackageDialog(project, session.settings, window)
    merge = MergeDialog(window.editor, session.kinds, _clashing_package(window, tmp_path), window)
    assert merge.boxes, "the package should clash with the document"
    for box in merge.boxes.values():
        box.combine_button.setChecked(True)  # its boxes for writing the combined words
    yield "merge", merge
    window.versions.list.setCurrentItem(window.versions.list.topLevelItem(0))
    compare = window.versions.compare("now", "now")
    assert compare is not None
    yield "compare", compare
    yield "library entry", window.catalogue_panel.make_entry_dialog()
    yield "help", HelpDialog(window, DOCUMENT_HELP_TITLE, DOCUMENT_HELP_HTML)
    yield "about", show_about(window, session.catalogue.seed.credit)


def test_each_dialog(qtbot: QtBot, session: AppSession, tmp_path: Path) -> None:
    found: dict[str, list[str]] = {}
    for number, sample in enumerate(session.kinds.samples()):
        window = open_sample(qtbot, session, number)
        for name, dialog in _dialogs(window, tmp_path):
            _check(found, f"{sample.name}, {name}", _shown(qtbot, dialog))
            dialog.close()
        window.close()
    assert not found, _report(found)


def test_the_walk_finds_an_unnamed_control_and_one_the_keyboard_cannot_reach(
    qtbot: QtBot,
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    named = QPushButton("&Save", dialog)
    labelled = QLineEdit(dialog)
    unnamed = QLineEdit(dialog)
    choice = QComboBox(dialog)  # Qt on Linux names it by its value: not a name
    choice.addItems(["Monthly", "Yearly"])
    unreachable = QPushButton("Later", dialog)
    unreachable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    trap = QPlainTextEdit(dialog)
    trap.setAccessibleName("Notes")
    form.addRow(named)
    form.addRow("Title", labelled)
    for widget in (unnamed, choice, unreachable, trap):
        form.addRow(widget)
    _shown(qtbot, dialog)
    problems = lacking(dialog)
    assert sorted(problem.split(" in ")[0] for problem in problems) == [
        "Tab types into it and goes no further: QPlainTextEdit ''",
        "no name: QComboBox ''",
        "no name: QLineEdit ''",
        "not reached by the keyboard: QPushButton 'Later'",
    ]
    unnamed.setAccessibleName("Subtitle")
    choice.setAccessibleName("How often")
    unreachable.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    trap.setTabChangesFocus(True)
    assert lacking(dialog) == []
