"""Workshop › Export the record…: Word and Markdown written off the UI thread and read back,
PDF greyed out with the reason when LibreOffice is missing, no file replaced that nobody
chose, and a failure said in plain words."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.session import AppSession
from desktop.workshop import record_export_dialog
from desktop.workshop.record_export_dialog import FORMAT_KEY, RecordExportDialog
from desktop.workshop.window import WorkshopWindow
from reformkit.errors import ReformKitError
from tests.desktop.workshop.conftest import document_window, run_workshop
from tests.desktop.workshop.test_full_workshop import add_activity, capture
from workshop.parts import Method
from workshop.promote import promote
from workshop.record import read_record

CLAUSE = "Tell your story once"


class Chosen:
    """Stands in for the native save dialog: answers from a queue, and counts the asking."""

    def __init__(self) -> None:
        self.answers: list[Path | None] = []
        self.asked: list[Path] = []

    def ask(self, start: Path) -> Path | None:
        self.asked.append(start)
        return self.answers.pop(0) if self.answers else None


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> Chosen:
    answers = Chosen()
    monkeypatch.setattr(RecordExportDialog, "ask_path", lambda _dialog, start: answers.ask(start))
    return answers


@pytest.fixture
def workshop(qtbot: QtBot, session: AppSession, tmp_path: Path) -> WorkshopWindow:
    """A workshop run from a charter: two points said, the second used as a charter clause."""
    window = run_workshop(qtbot, document_window(qtbot, session, tmp_path))
    add_activity(qtbot, window, "What matters", Method.IDEAS, "What matters most to you?")
    capture(qtbot, window, ["Staff: we need time to build relationships", "Families: one story"])
    target = session.kinds.get("charter").promotion_targets[0]
    point = read_record(window.project.document).contributions[1]
    window.run(
        "Use", lambda: promote(window.project, session.kinds, point.id, target, title=CLAUSE)
    )
    return window


def open_dialog(qtbot: QtBot, window: WorkshopWindow) -> RecordExportDialog:
    window.actions_by_name["export"].trigger()
    dialog = window.findChild(RecordExportDialog)
    assert isinstance(dialog, RecordExportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def export_and_wait(qtbot: QtBot, dialog: RecordExportDialog) -> None:
    QTest.keyClick(dialog.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)


def word_text(path: Path) -> str:
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def test_the_menu_and_a_button_offer_the_export(workshop: WorkshopWindow) -> None:
    action = workshop.actions_by_name["export"]
    assert action.shortcut().toString() == "Ctrl+E"
    menu = workshop.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu) and action in menu.actions()
    assert workshop.export_button.isVisible()
    assert "Export the record" in workshop.export_button.text().replace("&", "")


def test_word_export_holds_what_was_said_and_what_became_of_it(
    qtbot: QtBot, workshop: WorkshopWindow, chosen: Chosen, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, workshop)
    assert list(dialog.format_buttons) == ["docx", "md", "pdf"]
    dialog.set_format("docx")
    assert dialog.destination is not None
    assert dialog.destination.parent == workshop.session.folder()  # Documents/ReformKit
    assert dialog.destination.name == "Hexham workshop.docx"
    target = tmp_path / "out" / "record"
    target.parent.mkdir()
    chosen.answers.append(target)
    dialog.destination_button.click()
    assert dialog.destination == target.with_name("record.docx")
    assert workshop.session.folder() == target.parent  # remembered for the next dialog
    export_and_wait(qtbot, dialog)
    written = target.with_name("record.docx")
    assert dialog.export_result is not None and dialog.export_result.path == written
    assert "Saved to" in dialog.message.text()
    text = word_text(written)
    assert "we need time to build relationships" in text
    assert "What matters most to you?" in text
    charter = workshop.project.document
    section = next(
        s for s in charter.sections if any(i.fields.get("title") == CLAUSE for i in s.items)
    )
    assert f"{section.title}: {CLAUSE}" in text  # what became of the point used
    assert workshop.session.settings.value(FORMAT_KEY) == "docx"


def test_markdown_never_replaces_a_file_nobody_chose(
    qtbot: QtBot, workshop: WorkshopWindow, chosen: Chosen, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, workshop)
    dialog.set_format("md")
    assert dialog.destination is not None
    there = dialog.destination
    there.parent.mkdir(parents=True, exist_ok=True)
    there.write_text("Somebody's own notes", encoding="utf-8")
    # The suggested file exists and was not chosen: the save dialog is asked; cancelled.
    assert not dialog.export()
    assert chosen.asked and there.read_text(encoding="utf-8") == "Somebody's own notes"
    # Chosen in the save dialog (which asks before replacing): now it is written.
    chosen.answers.append(there)
    export_and_wait(qtbot, dialog)
    text = there.read_text(encoding="utf-8")
    assert "Families" in text and "one story" in text
    assert CLAUSE in text


def test_pdf_is_greyed_out_with_the_reason_without_libreoffice(
    qtbot: QtBot, workshop: WorkshopWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reformkit.export import pdf_writer

    monkeypatch.setattr(pdf_writer, "find_office", lambda *args, **kwargs: None)
    workshop.session.settings.setValue(FORMAT_KEY, "pdf")  # last time, on a computer with it
    dialog = open_dialog(qtbot, workshop)
    button = dialog.format_buttons["pdf"]
    assert not button.isEnabled()
    assert "LibreOffice" in button.toolTip()
    assert dialog.unavailable_note.isVisibleTo(dialog)
    assert "LibreOffice" in dialog.unavailable_note.text()
    assert dialog.format() == "docx"


def test_a_failure_is_said_in_plain_words(
    qtbot: QtBot,
    workshop: WorkshopWindow,
    chosen: Chosen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise ReformKitError("The folder is full.")

    monkeypatch.setattr(record_export_dialog, "export_record", refuse)
    dialog = open_dialog(qtbot, workshop)
    dialog.set_destination(tmp_path / "record.md")
    export_and_wait(qtbot, dialog)
    assert dialog.message.text() == "The record was not exported. The folder is full."
    assert dialog.export_button.isEnabled() and dialog.close_button.isEnabled()

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyError("activity")

    monkeypatch.setattr(record_export_dialog, "export_record", crash)
    export_and_wait(qtbot, dialog)
    assert "Something went wrong" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    assert not (tmp_path / "record.md").exists()
