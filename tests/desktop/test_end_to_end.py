"""A frontline manager's whole path: start screen → guided charter → Word document."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import open_settings
from desktop.document_window import DocumentWindow
from desktop.launcher import document_kinds
from desktop.panels.export_dialog import ExportDialog
from desktop.session import AppSession
from desktop.start_screen import StartScreen
from desktop.wizard.blocks_clauses import ClauseWidget
from desktop.wizard.blocks_record import RecordWidget
from desktop.wizard.builder import GuidedBuilder
from reformkit.catalogue.store import Catalogue
from reformkit.document.interchange import dumps
from reformkit.export.accessibility import check_docx
from reformkit.paths import AppPaths
from tests.desktop.builder_helpers import fill, new_row
from tests.desktop.fakes import FakePrompts


@pytest.fixture
def session(qapp: object, catalogue: Catalogue) -> Iterator[AppSession]:
    paths = AppPaths.default()
    settings: QSettings = open_settings(paths.config)
    session = AppSession(catalogue, settings, document_kinds(), paths, FakePrompts())
    yield session
    for window in list(session.windows):
        window.close()


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.selectAll()
    qtbot.keyClicks(widget, text)


def _click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _content(window: DocumentWindow) -> str:
    return re.sub(r'"(created|modified)": "[^"]*"', "", dumps(window.project.document))


def test_from_the_start_screen_to_a_word_document(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    prompts = session.prompts
    assert isinstance(prompts, FakePrompts)
    prompts.texts.append("Northfield team charter")
    prompts.paths.append(tmp_path / "northfield.reformkit")
    start = StartScreen(session)
    qtbot.addWidget(start)
    start.show()
    _click(qtbot, start.buttons["charter"])
    qtbot.waitUntil(lambda: bool(session.windows), timeout=10000)
    window: DocumentWindow = session.windows[0]
    wizard = window.guide
    assert isinstance(wizard, GuidedBuilder) and window.centre.currentWidget() is wizard

    scope = wizard.page(1).block_of(RecordWidget).slot.card
    assert scope is not None
    _type(qtbot, scope.form.widgets["team"].widget, "Northfield Family Safeguarding Team")
    _click(qtbot, wizard.next_button)
    principles = wizard.page(2).block_of(ClauseWidget)
    for entry_id in ("P5", "D2", "D3"):  # the two principles "subject to further investigation"
        _click(qtbot, principles.offer_cards[entry_id].use_button)
    _click(qtbot, wizard.next_button)
    _click(qtbot, wizard.page(3).block_of(ClauseWidget).offer_cards["W3"].use_button)
    _click(qtbot, wizard.next_button)
    _click(qtbot, wizard.page(4).block_of(ClauseWidget).offer_cards["D1"].use_button)
    wizard.go_to_step(6)
    measures = wizard.page(6).tables["measures"]
    measure = new_row(qtbot, measures)
    fill(qtbot, measures, measure, "measure", "Vacancy rate")
    wizard.go_to_step(7)
    with qtbot.waitSignal(wizard.finished, timeout=2000):
        _click(qtbot, wizard.finish_button)
    assert window.centre.currentWidget() is window.splitter

    # Every step was an undoable edit, and Undo in the window's menu reaches them.
    undo, redo = window.menu_actions["undo"], window.menu_actions["redo"]
    before = _content(window)
    assert window.editor.undo_stack.count() > 8
    undo.trigger()
    assert _content(window) != before
    redo.trigger()
    assert _content(window) == before

    # Export to Word through the dialog, off the UI thread.
    target = tmp_path / "Northfield charter.docx"
    dialog = ExportDialog(window.project, session.catalogue, session.settings, window)
    qtbot.addWidget(dialog)
    dialog.set_format("docx")
    dialog.set_destination(target)
    with qtbot.waitSignal(dialog.export_finished, timeout=60000) as finished:
        dialog.export()
    assert finished.args == [True]
    assert target.exists() and check_docx(target) == []
    with zipfile.ZipFile(target) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    for words in (
        "Northfield team charter",
        "Northfield Family Safeguarding Team",
        "Duty of candour",
        "Collaborative",
        "Vacancy rate",
        "How this document answers the 22 recommendations",
    ):
        assert words in body
