"""The Export dialog: runs off the UI thread, reports progress, says where the file went."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThread, QUrl
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from charter import CHARTER
from desktop.app import open_settings
from desktop.panels import export_dialog as export_dialog_module
from desktop.panels.export_dialog import (
    ExportDialog,
    default_file_name,
    file_filter,
    with_extension,
)
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Document
from reformkit.document.project import Project
from reformkit.export import run as export_run
from reformkit.export.run import ExportResult
from reformkit.export.safe_write import replacing
from tests.reformkit.export import fake_format

TITLE = "Northfield Team: Respect Charter"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    project = Project.create(tmp_path / "c.reformkit", CHARTER, TITLE, "Eastmoor")
    rights = project.document.sections[2]
    project.add_item(rights.id, "right", {"title": "Pay", "text": "Fair pay."}, tags=["R18"])
    yield project
    project.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return open_settings(tmp_path / "config")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace the writers with one that writes text safely and reports progress."""
    seen: list[dict[str, Any]] = []

    def fake_export(
        document: Document, spec: Any, recommendations: Any, credit: str, fmt: str, target: Path,
        template: Path | None = None, progress: Any = None, tags: str = "appendix",
        coproduction: bool = True,
    ) -> ExportResult:  # fmt: skip
        seen.append(
            {
                "thread": QThread.currentThread(),
                "ident": threading.get_ident(),
                "document": document,
                "fmt": fmt,
                "template": template,
                "tags": tags,
                "coproduction": coproduction,
                "recommendations": len(recommendations),
            }
        )
        total = 40
        for done in range(total + 1):
            progress(done, total)
        with replacing(Path(target)) as temporary:
            temporary.write_text(f"# {document.meta.title}\n", encoding="utf-8")
        return ExportResult(Path(target), ("The template has no style called 'Quote'.",))

    monkeypatch.setattr(export_run, "export_document", fake_export)
    return seen


def _dialog(qtbot: QtBot, project: Project, catalogue: Catalogue, settings: QSettings) -> Any:
    dialog = ExportDialog(project, catalogue, settings)
    qtbot.addWidget(dialog)
    return dialog


def test_export_runs_off_the_ui_thread_and_offers_to_open(
    qtbot: QtBot,
    project: Project,
    catalogue: Catalogue,
    settings: QSettings,
    out: Path,
    calls: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _dialog(qtbot, project, catalogue, settings)
    dialog.set_format("md")
    target = out / "charter.md"
    monkeypatch.setattr(
        export_dialog_module.QFileDialog, "getSaveFileName", lambda *_: (str(target), "")
    )
    dialog.destination_button.click()
    assert dialog.destination_field.text() == str(target)
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.export_finished, timeout=10000) as finished:
        assert dialog.export()
        assert not dialog.close_button.isEnabled() and not dialog.export_button.isEnabled()
    assert finished.args == [True]
    assert target.read_text(encoding="utf-8") == f"# {TITLE}\n"
    assert dialog.progress.value() == dialog.progress.maximum() == 100
    assert 0 < min(values) < 100  # it moved on the way
    [call] = calls
    assert call["thread"] is not QThread.currentThread()
    assert call["ident"] != threading.get_ident()
    assert call["document"] is not project.document  # a copy taken on the UI thread
    assert call["document"].meta.title == TITLE
    assert call["fmt"] == "md" and call["template"] is None and call["recommendations"] == 22
    assert dialog.message.text() == f"Saved to {target}"
    assert "no style called 'Quote'" in dialog.notes.text() and dialog.notes.isVisibleTo(dialog)
    assert dialog.close_button.isEnabled()

    opened: list[QUrl] = []

    class FakeServices:
        @staticmethod
        def openUrl(url: QUrl) -> bool:
            opened.append(url)
            return True

    monkeypatch.setattr(export_dialog_module, "QDesktopServices", FakeServices)
    assert dialog.open_button.isVisibleTo(dialog)
    dialog.open_button.click()
    dialog.folder_button.click()
    assert [Path(url.toLocalFile()) for url in opened] == [target, out]


def test_a_failed_export_says_why_and_can_be_tried_again(
    qtbot: QtBot,
    project: Project,
    catalogue: Catalogue,
    settings: QSettings,
    tmp_path: Path,
    calls: list[dict[str, Any]],
) -> None:
    dialog = _dialog(qtbot, project, catalogue, settings)
    dialog.set_format("md")
    missing = tmp_path / "no such folder" / "charter.md"
    dialog.set_destination(missing)
    with qtbot.waitSignal(dialog.export_finished, timeout=10000) as finished:
        dialog.export()
    assert finished.args == [False]
    assert "does not exist" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    assert not missing.exists() and not missing.parent.exists()
    assert not dialog.open_button.isVisibleTo(dialog)
    assert dialog.export_button.isEnabled() and dialog.close_button.isEnabled()
    dialog.set_destination(tmp_path / "charter.md")  # try again somewhere that exists
    with qtbot.waitSignal(dialog.export_finished, timeout=10000) as finished:
        dialog.export()
    assert finished.args == [True] and (tmp_path / "charter.md").exists()


def test_an_unexpected_error_is_reported_in_plain_words(
    qtbot: QtBot,
    project: Project,
    catalogue: Catalogue,
    settings: QSettings,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> ExportResult:
        raise RuntimeError("boom")

    monkeypatch.setattr(export_run, "export_document", broken)
    dialog = _dialog(qtbot, project, catalogue, settings)
    dialog.set_destination(out / "charter.docx")
    with qtbot.waitSignal(dialog.export_finished, timeout=10000):
        dialog.export()
    assert "Something went wrong while exporting" in dialog.message.text()
    assert "Nothing was saved" in dialog.message.text()


def test_the_dialog_cannot_be_closed_while_exporting(
    qtbot: QtBot,
    project: Project,
    catalogue: Catalogue,
    settings: QSettings,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()

    def slow(*_args: Any, target: Path, **_kwargs: Any) -> ExportResult:
        release.wait(10)
        Path(target).write_text("done", encoding="utf-8")
        return ExportResult(Path(target))

    monkeypatch.setattr(
        export_run,
        "export_document",
        lambda d, s, r, c, f, target, **k: slow(d, s, r, c, f, target=target, **k),
    )
    dialog = _dialog(qtbot, project, catalogue, settings)
    dialog.show()
    dialog.set_destination(out / "charter.docx")
    try:
        assert dialog.export()
        assert not dialog.export()  # one export at a time
        qtbot.wait(50)  # the UI thread is free while the job waits
        assert dialog.running and dialog.progress.maximum() == 0  # busy
        dialog.reject()
        assert dialog.isVisible()
        assert not dialog.close()
        assert dialog.isVisible()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert (out / "charter.docx").read_text(encoding="utf-8") == "done"
    dialog.reject()
    assert not dialog.isVisible()


def test_choices_are_remembered(
    qtbot: QtBot,
    project: Project,
    catalogue: Catalogue,
    settings: QSettings,
    out: Path,
    calls: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    template = out / "house.dotx"
    template.write_bytes(b"not really a template; the fake writer does not read it")
    first = _dialog(qtbot, project, catalogue, settings)
    assert first.format() == "docx"
    assert first.destination == project.path.parent / "Northfield Team - Respect Charter.docx"
    monkeypatch.setattr(first, "choose_template", lambda: template)
    first.template_button.click()
    assert first.template_field.text() == "house.dotx"
    first.set_destination(out / "mine.docx")
    with qtbot.waitSignal(first.export_finished, timeout=10000):
        first.export()
    assert calls[-1]["template"] == template and calls[-1]["fmt"] == "docx"
    first.set_format("html")  # the template is for Word only
    assert first.destination == out / "mine.html" and not first.template_box.isEnabled()
    with qtbot.waitSignal(first.export_finished, timeout=10000):
        first.export()
    assert calls[-1]["template"] is None and calls[-1]["fmt"] == "html"

    again = _dialog(qtbot, project, catalogue, settings)
    assert again.format() == "html"
    assert again.template == template
    assert again.destination == out / "Northfield Team - Respect Charter.html"


def test_an_existing_file_is_not_replaced_without_asking(
    qtbot: QtBot,
    project: Project,
    catalogue: Catalogue,
    settings: QSettings,
    calls: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _dialog(qtbot, project, catalogue, settings)
    dialog.set_format("md")
    existing = dialog.destination
    existing.write_text("keep me", encoding="utf-8")
    asked: list[bool] = []
    monkeypatch.setattr(dialog, "choose_destination", lambda: asked.append(True))
    assert not dialog.export()  # the user cancelled the save dialog
    assert asked and existing.read_text(encoding="utf-8") == "keep me" and not calls


def test_file_dialogs_are_native_calls_that_can_be_cancelled(
    qtbot: QtBot,
    project: Project,
    catalogue: Catalogue,
    settings: QSettings,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[str, str]] = []

    def save_name(_parent: object, _caption: str, start: str, filters: str) -> tuple[str, str]:
        asked.append((start, filters))
        return str(out / "chosen"), filters

    monkeypatch.setattr(export_dialog_module.QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(export_dialog_module.QFileDialog, "getOpenFileName", lambda *a: ("", ""))
    dialog = _dialog(qtbot, project, catalogue, settings)
    assert dialog.choose_destination() == out / "chosen.docx"
    assert asked[0][0].endswith(".docx") and "*.docx" in asked[0][1]
    assert dialog.choose_template() is None


def test_file_names() -> None:
    assert default_file_name("Team: Charter", "docx") == "Team - Charter.docx"
    assert default_file_name('a/b\\c*?"<>|', "md") == "a-b-c.md"
    assert default_file_name("   ", "html") == "Untitled.html"
    assert with_extension(Path("x.docx"), "md") == Path("x.md")
    assert with_extension(Path("notes.v2"), "md") == Path("notes.v2.md")
    assert with_extension(Path("x.markdown"), "md") == Path("x.markdown")


def test_a_real_markdown_export(
    qtbot: QtBot, project: Project, catalogue: Catalogue, settings: QSettings, out: Path
) -> None:
    pytest.importorskip("reformkit.export.markdown_writer")
    dialog = _dialog(qtbot, project, catalogue, settings)
    dialog.set_format("md")
    dialog.set_destination(out / "charter.md")
    with qtbot.waitSignal(dialog.export_finished, timeout=30000) as finished:
        dialog.export()
    assert finished.args == [True], dialog.message.text()
    assert "Fair pay." in (out / "charter.md").read_text(encoding="utf-8")
    assert dialog.progress.value() == 100


def test_a_registered_format_is_offered_and_written(
    qtbot: QtBot, project: Project, catalogue: Catalogue, settings: QSettings, out: Path
) -> None:
    with fake_format.registered() as fake:
        dialog = _dialog(qtbot, project, catalogue, settings)
        button = dialog.format_buttons[fake_format.KEY]
        assert button.text() == "Plain text (.txt)" and button.accessibleName() == "Plain text"
        assert dialog.template_box.isEnabled()  # Word, the first format, takes a template
        dialog.set_format(fake_format.KEY)
        assert not dialog.template_box.isEnabled()
        assert dialog.destination is not None and dialog.destination.suffix == ".txt"
        dialog.set_destination(out / "charter.text")  # its other ending is kept
        assert dialog.destination == out / "charter.text"
        assert file_filter(fake_format.KEY) == "Plain text (*.txt *.text)"
        with qtbot.waitSignal(dialog.export_finished, timeout=30000) as finished:
            assert dialog.export()
        assert finished.args == [True], dialog.message.text()
        assert fake.calls[0]["template"] is None
        assert (out / "charter.text").read_text(encoding="utf-8").startswith(TITLE + "\n")
        assert fake_format.NOTE in dialog.notes.text()
        remembered = _dialog(qtbot, project, catalogue, settings)
        assert remembered.format() == fake_format.KEY
    # Once the format is gone, a remembered choice of it falls back to the first format.
    again = _dialog(qtbot, project, catalogue, settings)
    assert fake_format.KEY not in again.format_buttons and again.format() == "docx"


def test_a_template_box_follows_the_format_not_its_name(
    qtbot: QtBot,
    project: Project,
    catalogue: Catalogue,
    settings: QSettings,
    out: Path,
    calls: list[dict[str, Any]],
) -> None:
    template = out / "house.dotx"
    template.write_bytes(b"not really a template; the fake export does not read it")
    with fake_format.registered(takes_template=True):
        dialog = _dialog(qtbot, project, catalogue, settings)
        dialog.set_template(template)
        dialog.set_format(fake_format.KEY)
        assert dialog.template_box.isEnabled()
        dialog.set_destination(out / "styled.txt")
        with qtbot.waitSignal(dialog.export_finished, timeout=10000):
            dialog.export()
    assert calls[-1]["fmt"] == fake_format.KEY and calls[-1]["template"] == template


def test_an_export_outlives_its_dialog(
    qtbot: QtBot,
    project: Project,
    catalogue: Catalogue,
    settings: QSettings,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()

    def slow(*args: Any, **_kwargs: Any) -> ExportResult:
        release.wait(10)
        Path(args[5]).write_text("done", encoding="utf-8")
        return ExportResult(Path(args[5]))

    monkeypatch.setattr(export_run, "export_document", slow)
    dialog = ExportDialog(project, catalogue, settings)
    dialog.set_destination(out / "charter.docx")
    assert dialog.export()
    job = dialog.job
    assert job is not None
    ended: list[bool] = []
    job.finished.connect(lambda: ended.append(True))
    Shiboken.delete(dialog)  # the window closed under it
    release.set()
    qtbot.waitUntil(lambda: bool(ended), timeout=10000)
    assert (out / "charter.docx").read_text(encoding="utf-8") == "done"


def test_a_format_this_computer_cannot_write_is_greyed_out_with_the_reason(
    qtbot: QtBot,
    project: Project,
    catalogue: Catalogue,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reformkit.export import pdf_writer

    monkeypatch.setenv("PATH", str(tmp_path))  # no LibreOffice anywhere
    monkeypatch.setattr(pdf_writer, "INSTALL_FOLDERS", ())
    settings.setValue(export_dialog_module.FORMAT_KEY, "pdf")  # chosen last time, elsewhere
    dialog = _dialog(qtbot, project, catalogue, settings)
    pdf = dialog.format_buttons["pdf"]
    assert not pdf.isEnabled() and pdf.toolTip() == pdf_writer.MISSING
    assert dialog.unavailable_note.text() == pdf_writer.MISSING
    assert not dialog.unavailable_note.isHidden()
    assert dialog.format() == "docx"
    assert dialog.format_buttons["md"].isEnabled()


def test_the_tag_placement_reaches_the_export_and_is_remembered(
    qtbot: QtBot,
    project: Project,
    catalogue: Catalogue,
    settings: QSettings,
    out: Path,
    calls: list[dict[str, Any]],
) -> None:
    dialog = _dialog(qtbot, project, catalogue, settings)
    assert dialog.tags() == "appendix"  # what a reader wants, by default
    dialog.set_tags("part")
    dialog.set_format("md")
    dialog.set_destination(out / "charter.md")
    with qtbot.waitSignal(dialog.export_finished, timeout=10000):
        assert dialog.export()
    assert calls[0]["tags"] == "part"
    again = _dialog(qtbot, project, catalogue, settings)
    assert again.tags() == "part"
