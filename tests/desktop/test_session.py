"""The start screen and the comings and goings of document windows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
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


@pytest.fixture
def session(qapp: object, catalogue: Catalogue) -> Iterator[AppSession]:
    paths = AppPaths.default()
    settings: QSettings = open_settings(paths.config)
    session = AppSession(catalogue, settings, document_kinds(), paths, FakePrompts())
    yield session
    for window in list(session.windows):
        window.close()


def _prompts(session: AppSession) -> FakePrompts:
    assert isinstance(session.prompts, FakePrompts)
    return session.prompts


def _wait_for_window(qtbot: QtBot, session: AppSession, count: int = 1) -> DocumentWindow:
    qtbot.waitUntil(lambda: len(session.windows) >= count, timeout=10000)
    return session.windows[-1]


def test_start_screen_offers_every_way_in(qtbot: QtBot, session: AppSession) -> None:
    start = StartScreen(session)
    qtbot.addWidget(start)
    # A choice for each registered kind and each kind's sample, besides Open and the catalogue.
    kinds = session.kinds
    expected = {*kinds.names(), *(sample.name for sample in kinds.samples())}
    assert {"charter", "plan", "respect-charter", "local-reform-plan"} <= expected
    assert set(start.buttons) >= {"open", "catalogue", *kinds.names()}
    assert len(start.buttons) == 2 + len(kinds.names()) + len(kinds.samples())  # none lost
    for button in start.buttons.values():
        assert button.accessibleDescription()
    assert start.recent.count() == 1 and "No recent documents" in start.recent.item(0).text()


def test_a_sample_opens_in_a_window_and_becomes_recent(qtbot: QtBot, session: AppSession) -> None:
    start = StartScreen(session)
    qtbot.addWidget(start)
    start.show()
    start.buttons["local-reform-plan"].click()
    window = _wait_for_window(qtbot, session)
    assert "Severn Vale" in window.windowTitle() and "all changes saved" in window.windowTitle()
    assert not start.isVisible()
    assert session.recent.paths() == [window.project.path.resolve()]


def test_new_charter_asks_for_a_name_and_place_then_guides(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    prompts = _prompts(session)
    prompts.texts.append("Northfield team charter")
    prompts.paths.append(tmp_path / "northfield.reformkit")
    session.new_document("charter")
    window = _wait_for_window(qtbot, session)
    assert window.project.document.meta.title == "Northfield team charter"
    assert window.centre.currentWidget() is window.guide
    assert (tmp_path / "northfield.reformkit").exists()


def test_cancelling_a_new_document_makes_nothing(session: AppSession, tmp_path: Path) -> None:
    session.new_document("plan")  # no answers queued: the user cancelled
    assert session.windows == [] and list(tmp_path.iterdir()) == []


def test_a_bad_file_gets_a_message_not_a_window(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.reformkit"
    bad.write_text("shopping list", encoding="utf-8")
    session.open_document(bad)
    qtbot.waitUntil(lambda: bool(_prompts(session).errors), timeout=10000)
    title, message = _prompts(session).errors[0]
    assert "cannot open" in title and "not a ReformKit document" in message
    assert session.windows == [] and bad.read_text("utf-8") == "shopping list"


def test_a_document_open_elsewhere_can_be_opened_read_only(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    path = tmp_path / "shared.reformkit"
    Project.create(path, CHARTER, "Shared charter").close()
    with Project.open(path, document_kinds()):  # "another copy of ReformKit" has it open
        _prompts(session).choices.append("Open read-only")
        session.open_document(path)
        window = _wait_for_window(qtbot, session)
        assert window.project.read_only and "read-only" in window.windowTitle()


def test_the_selected_part_is_remembered(qtbot: QtBot, session: AppSession, tmp_path: Path) -> None:
    path = tmp_path / "c.reformkit"
    Project.create(path, CHARTER, "Charter").close()
    session.open_document(path)
    window = _wait_for_window(qtbot, session)
    rights = window.project.document.sections[2].id
    window.tree.select_part(rights)
    assert window.tree.current_part() == ("section", rights)
    window.close()
    assert session.windows == [] and session.left_open_by_a_crash() == []
    session.open_document(path)
    window = _wait_for_window(qtbot, session)
    assert window.tree.current_part() == ("section", rights)


def test_documents_left_open_by_a_crash_are_listed(session: AppSession, tmp_path: Path) -> None:
    path = tmp_path / "c.reformkit"
    Project.create(path, CHARTER, "Charter").close()
    session.settings.setValue("session/open", [str(path), str(tmp_path / "gone.reformkit")])
    assert session.left_open_by_a_crash() == [path]


def test_standard_shortcuts(qtbot: QtBot, session: AppSession, tmp_path: Path) -> None:
    path = tmp_path / "c.reformkit"
    Project.create(path, CHARTER, "Charter").close()
    session.open_document(path)
    window = _wait_for_window(qtbot, session)
    shortcuts = {name: action.shortcut() for name, action in window.menu_actions.items()}
    assert shortcuts["new_charter"] == QKeySequence("Ctrl+N")
    assert shortcuts["open"] == QKeySequence("Ctrl+O")
    assert shortcuts["undo"] == QKeySequence("Ctrl+Z")
    assert shortcuts["redo"] == QKeySequence("Ctrl+Shift+Z")
    assert shortcuts["find"] == QKeySequence("Ctrl+F")
    assert shortcuts["help"] == QKeySequence("F1")


def test_save_a_copy(qtbot: QtBot, session: AppSession, tmp_path: Path) -> None:
    path = tmp_path / "c.reformkit"
    Project.create(path, CHARTER, "Charter").close()
    session.open_document(path)
    window = _wait_for_window(qtbot, session)
    _prompts(session).paths.append(tmp_path / "copy.reformkit")
    window.save_copy()
    with Project.open(tmp_path / "copy.reformkit", document_kinds()) as copy:
        assert copy.document.meta.title == "Charter"
    assert "copy was saved" in window.statusBar().currentMessage()


def test_a_new_plan_opens_in_the_plan_builder(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    from desktop.wizard.builder import GuidedBuilder

    prompts = _prompts(session)
    prompts.texts.append("Severn Vale plan")
    prompts.paths.append(tmp_path / "plan.reformkit")
    session.new_document("plan")
    window = _wait_for_window(qtbot, session)
    assert isinstance(window.guide, GuidedBuilder)
    assert window.guide.guide is window.project.spec.guide
    assert window.centre.currentWidget() is window.guide
    window.guide.close_requested.emit()
    assert window.centre.currentWidget() is window.splitter


def test_a_partner_package_opens_with_its_banner_and_merges_back(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    from desktop.panels.merge_dialog import MergeDialog
    from plans import PLAN
    from reformkit.document.packages import make_package

    main = tmp_path / "plan.reformkit"
    with Project.create(main, PLAN, "Severn Vale plan") as project:
        budget = next(s for s in project.document.sections if s.key == "budget")
        package = make_package(project, ["budget"], tmp_path / "budget.reformkit", "Council")
    with Project.open(package, document_kinds()) as theirs:
        theirs.add_item(
            budget.id,
            "budget_line",
            {"service": "Youth work", "partner": "Council", "amount": "40"},
        )
    session.open_document(package)
    partner_window = _wait_for_window(qtbot, session)
    assert "Council" in partner_window.package_banner.text()
    partner_window.close()

    session.open_document(main)
    window = _wait_for_window(qtbot, session)
    _prompts(session).paths.append(package)
    opened: list[MergeDialog] = []
    original_open = MergeDialog.open
    MergeDialog.open = lambda self: opened.append(self)  # type: ignore[method-assign]
    try:
        window.merge_package()
    finally:
        MergeDialog.open = original_open  # type: ignore[method-assign]
    dialog = opened[0]
    qtbot.addWidget(dialog)
    dialog.merge()
    services = [i.fields.get("service") for _, i in window.project.document.items()]
    assert "Youth work" in services
    assert window.tree.select_part(
        next(
            i.id
            for _, i in window.project.document.items()
            if i.fields.get("service") == "Youth work"
        )
    )
