"""The test-only third kind in the app: offered on the start screen, built with the guided
builder from its own step data, and opened in the document window, with no edit outside
``tests/kinds``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import open_settings
from desktop.document_window import DocumentWindow
from desktop.launcher import document_kinds
from desktop.session import AppSession
from desktop.start_screen import StartScreen
from desktop.wizard import GuidedBuilder
from desktop.wizard.blocks_checks import ChecksWidget
from desktop.wizard.blocks_clauses import ClauseWidget
from desktop.wizard.blocks_record import RecordWidget
from desktop.wizard.blocks_table import TableWidget
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project
from reformkit.paths import AppPaths
from tests.desktop.builder_helpers import fill, new_row
from tests.desktop.fakes import FakePrompts

KINDS_FOLDER = Path(__file__).resolve().parents[1] / "kinds"


@pytest.fixture
def session(
    qapp: object, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppSession]:
    monkeypatch.syspath_prepend(str(KINDS_FOLDER))  # as if the kind's package were installed
    paths = AppPaths.default()
    settings: QSettings = open_settings(paths.config)
    session = AppSession(catalogue, settings, document_kinds(), paths, FakePrompts())
    yield session
    for window in list(session.windows):
        window.close()


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace what a field holds by typing, as a user would."""
    widget.setFocus()
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.selectAll()
    qtbot.keyClicks(widget, text)


def _window(qtbot: QtBot, session: AppSession) -> DocumentWindow:
    qtbot.waitUntil(lambda: bool(session.windows), timeout=10000)
    return session.windows[-1]


def test_the_start_screen_offers_it(qtbot: QtBot, session: AppSession) -> None:
    start = StartScreen(session)
    qtbot.addWidget(start)
    button = start.buttons["notebook"]
    assert button.text() == "New team experiment log"
    assert "small changes" in button.accessibleDescription()
    assert start.buttons["experiment-log"].text() == "Open the sample team experiment log"
    menu = start.menuBar().actions()[0].menu()
    assert menu is not None
    assert "New &experiment log…" in [action.text() for action in menu.actions()]


def test_its_builder_runs_and_the_window_opens_it(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    prompts = session.prompts
    assert isinstance(prompts, FakePrompts)
    prompts.texts.append("Westgate front desk log")
    prompts.paths.append(tmp_path / "log.reformkit")
    start = StartScreen(session)
    qtbot.addWidget(start)
    start.buttons["notebook"].click()
    window = _window(qtbot, session)
    builder = window.guide
    assert isinstance(builder, GuidedBuilder)
    assert window.centre.currentWidget() is builder
    assert builder.step_count() == 4 and builder.current_step() == 1

    # 1: the team record, started for us.
    card = builder.page(1).block_of(RecordWidget).slot.card
    assert card is not None and card.form is not None
    _type(qtbot, card.form.widgets["team"].widget, "Westgate Library front desk")
    qtbot.mouseClick(builder.next_button, Qt.MouseButton.LeftButton)

    # 2: an idea from the briefing's catalogue, offered by the kind's item type.
    ideas = builder.page(2).block_of(ClauseWidget)
    assert ideas.offer_cards
    first = next(iter(ideas.offer_cards))
    qtbot.mouseClick(ideas.offer_cards[first].use_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(builder.next_button, Qt.MouseButton.LeftButton)

    # 3: an experiment in the table, with no one to run it yet.
    table = builder.page(3).block_of(TableWidget).table
    experiment = new_row(qtbot, table)
    fill(qtbot, table, experiment, "experiment", "Quiet hour on Tuesdays")
    qtbot.mouseClick(builder.next_button, Qt.MouseButton.LeftButton)

    # 4: the kind's own check speaks, then Finish opens the whole log.
    checks = builder.page(4).block_of(ChecksWidget)
    qtbot.waitUntil(lambda: any("Quiet hour" in text for text in checks.findings))
    qtbot.mouseClick(builder.finish_button, Qt.MouseButton.LeftButton)
    assert window.centre.currentWidget() is window.splitter

    # Everything is in the file, as the kind's parts hold it.
    window.close()
    with Project.open(tmp_path / "log.reformkit", session.kinds, read_only=True) as project:
        document = project.document
        assert document.kind == "notebook"
        items = {item.type: item for _section, item in document.items()}
        assert items["team"].fields["team"] == "Westgate Library front desk"
        assert items["idea"].source is not None and items["idea"].source.entry_id == first
        assert items["experiment"].fields["experiment"] == "Quiet hour on Tuesdays"


def test_its_sample_opens_in_the_document_window(qtbot: QtBot, session: AppSession) -> None:
    start = StartScreen(session)
    qtbot.addWidget(start)
    start.buttons["experiment-log"].click()
    window = _window(qtbot, session)
    assert window.project.spec.kind == "notebook"
    assert "Westgate Library" in window.windowTitle()
    assert window.centre.currentWidget() is window.splitter
