"""A session that knows the workshop kind and its screen, and a charter to run a workshop in.

Until the entry points are installed, the workshop kind and screen are added by hand, so the
tests run the same before and after ``pip install -e .``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import screens
from desktop.app import open_settings
from desktop.document_window import DocumentWindow
from desktop.session import AppSession
from desktop.text_size import text_size
from desktop.workshop.screen import SCREEN
from desktop.workshop.window import WorkshopWindow
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project
from reformkit.document.registry import load_kinds
from reformkit.document.spec import DocumentKinds
from reformkit.paths import AppPaths
from tests.desktop.fakes import FakePrompts
from workshop.kind import WORKSHOP


def workshop_kinds() -> DocumentKinds:
    kinds = list(load_kinds())
    if all(spec.kind != "workshop" for spec in kinds):
        kinds.append(WORKSHOP)
    return DocumentKinds(kinds)


@pytest.fixture(autouse=True)
def workshop_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screens, "load_screens", lambda: (SCREEN,))


@pytest.fixture
def session(qapp: QApplication, catalogue: Catalogue) -> Iterator[AppSession]:
    paths = AppPaths.default()
    made = AppSession(
        catalogue, open_settings(paths.config), workshop_kinds(), paths, FakePrompts()
    )
    yield made
    for window in list(made.windows):
        window.close()
    text_size(made.settings).reset()


def prompts_of(session: AppSession) -> FakePrompts:
    prompts = session.prompts
    assert isinstance(prompts, FakePrompts)
    return prompts


def document_window(
    qtbot: QtBot, session: AppSession, tmp_path: Path, kind: str = "charter"
) -> DocumentWindow:
    spec = session.kinds.get(kind)
    project = Project.create(tmp_path / f"{kind}.reformkit", spec, f"Our {spec.label}")
    window = session._show(project)
    qtbot.waitExposed(window)
    return window


def run_workshop(qtbot: QtBot, window: DocumentWindow) -> WorkshopWindow:
    """Workshop › Run a workshop… on ``window``, answering its three questions."""
    prompts_of(window.session).texts += ["Hexham workshop", "3 March 2027", "Hexham library"]
    window.menu_actions["screen_workshop"].trigger()
    found = window.findChild(WorkshopWindow)
    assert isinstance(found, WorkshopWindow)
    qtbot.waitExposed(found)
    return found
