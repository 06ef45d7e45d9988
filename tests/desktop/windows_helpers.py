"""Opening real windows for the layout, keyboard and text-size tests: a session, a sample
document in its window, a new document with its guided builder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import open_settings
from desktop.document_window import DocumentWindow
from desktop.launcher import document_kinds
from desktop.session import AppSession
from desktop.text_size import text_size
from reformkit.catalogue.store import Catalogue
from reformkit.paths import AppPaths
from tests.desktop.fakes import FakePrompts


@pytest.fixture
def session(qapp: QApplication, catalogue: Catalogue) -> Iterator[AppSession]:
    paths = AppPaths.default()
    made = AppSession(
        catalogue, open_settings(paths.config), document_kinds(), paths, FakePrompts()
    )
    yield made
    for window in list(made.windows):
        window.close()
    text_size(made.settings).reset()  # the next test starts at the normal size


def open_sample(qtbot: QtBot, session: AppSession, number: int) -> DocumentWindow:
    """The ``number``th sample in its window, shown."""
    sample = list(session.kinds.samples())[number]
    session.open_sample(sample)
    qtbot.waitUntil(lambda: bool(session.windows), timeout=10000)
    window = session.windows[-1]
    window.show()
    qtbot.waitExposed(window)
    return window


def new_document(qtbot: QtBot, session: AppSession, kind: str, folder: Path) -> DocumentWindow:
    """A new document of ``kind``, its window open on the guided builder."""
    prompts = session.prompts
    assert isinstance(prompts, FakePrompts)
    prompts.texts.append(f"A new {kind}")
    prompts.paths.append(folder / f"{kind}.reformkit")
    session.new_document(kind)
    qtbot.waitUntil(lambda: bool(session.windows), timeout=10000)
    window = session.windows[-1]
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.guide is not None and window.guide.isVisible(), timeout=5000)
    return window


def inside(widget: QWidget | None, container: QWidget) -> bool:
    while widget is not None:
        if widget is container:
            return True
        widget = widget.parentWidget()
    return False
