"""Friction removed: dialogs start in Documents/ReformKit and remember the last folder; a
new document asks for its organisation and authors; File › Start screen and the samples in
the Help menu; closing the last document brings back the start screen; a restore after a
crash says what it restored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from charter import CHARTER
from desktop.app import open_settings
from desktop.document_window import DocumentWindow
from desktop.launcher import document_kinds
from desktop.session import AppSession
from desktop.start_screen import StartScreen
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project
from reformkit.paths import AppPaths
from tests.desktop.fakes import FakePrompts


class FolderPrompts(FakePrompts):
    """Records the folder each file dialog would open in."""

    def __init__(self) -> None:
        super().__init__()
        self.folders: list[Path] = []

    def open_path(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        self.folders.append(folder)
        return super().open_path(parent, title, folder)

    def save_path(self, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        self.folders.append(suggested.parent)
        return super().save_path(parent, title, suggested)


@pytest.fixture
def session(qapp: object, catalogue: Catalogue) -> Iterator[AppSession]:
    paths = AppPaths.default()
    settings: QSettings = open_settings(paths.config)
    session = AppSession(catalogue, settings, document_kinds(), paths, FolderPrompts())
    yield session
    for window in list(session.windows):
        window.close()


def _prompts(session: AppSession) -> FolderPrompts:
    assert isinstance(session.prompts, FolderPrompts)
    return session.prompts


def _window(qtbot: QtBot, session: AppSession, count: int = 1) -> DocumentWindow:
    qtbot.waitUntil(lambda: len(session.windows) >= count, timeout=10000)
    return session.windows[-1]


def test_dialogs_start_in_documents_reformkit_and_remember_the_folder(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    prompts = _prompts(session)
    assert not session.paths.documents.exists()
    session.choose_and_open()  # cancelled
    assert prompts.folders[-1] == session.paths.documents
    assert session.paths.documents.is_dir()  # made, so the dialog never opens elsewhere
    elsewhere = tmp_path / "shared drive"
    elsewhere.mkdir()
    prompts.texts += ["Team charter"]
    prompts.paths.append(elsewhere / "team.reformkit")
    session.new_document("charter")
    window = _window(qtbot, session)
    window.close()
    session.choose_and_open()
    assert prompts.folders[-1] == elsewhere


def test_a_new_document_asks_for_its_organisation_and_authors(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    prompts = _prompts(session)
    prompts.texts += ["Northfield charter", "Eastmoor Council", "Amira Khan, Dev Patel"]
    prompts.paths.append(tmp_path / "northfield.reformkit")
    session.new_document("charter")
    window = _window(qtbot, session)
    meta = window.project.document.meta
    assert meta.organisation == "Eastmoor Council"
    assert list(meta.authors) == ["Amira Khan", "Dev Patel"]


def test_closing_the_last_document_brings_back_the_start_screen(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    start = StartScreen(session)
    qtbot.addWidget(start)
    session.start_screen_wanted.connect(start.come_back)
    path = tmp_path / "c.reformkit"
    Project.create(path, CHARTER, "Charter").close()
    session.open_document(path, start)
    window = _window(qtbot, session)
    assert not start.isVisible()
    window.menu_actions["start_screen"].trigger()  # File › Start screen
    assert start.isVisible()
    start.close()
    window.close()
    assert start.isVisible()
    assert start.recent.item(0).text().startswith("c ")  # the recent list is up to date


def test_the_samples_are_in_the_help_menu(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    path = tmp_path / "c.reformkit"
    Project.create(path, CHARTER, "Charter").close()
    session.open_document(path)
    window = _window(qtbot, session)
    samples = list(session.kinds.samples())
    help_texts = [a.text() for a in window.menus["help"].actions()]
    for sample in samples:
        assert any(sample.label.lower() in text.lower() for text in help_texts), help_texts
    window.menu_actions[f"sample_{samples[0].name}"].trigger()
    opened = _window(qtbot, session, 2)
    assert opened is not window


def test_a_restore_after_a_crash_says_what_it_restored(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    paths = []
    for name in ("First charter", "Second charter"):
        path = tmp_path / f"{name}.reformkit"
        Project.create(path, CHARTER, name).close()
        paths.append(path)
    session.restore(paths)
    _window(qtbot, session, 2)
    for window in session.windows:
        said = window.statusBar().currentMessage()
        assert "stopped unexpectedly" in said
        assert "“First charter”" in said and "“Second charter”" in said
