"""A layout that fits a small laptop: panels that grow, fold away and come back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from desktop.document_window import STATE_KEY
from desktop.session import AppSession
from desktop.wizard.table_editor import ItemTableEditor
from tests.desktop.windows_helpers import new_document, open_sample, session

__all__ = ["session"]


def test_the_bottom_panels_can_take_most_of_a_small_window(
    qtbot: QtBot, session: AppSession
) -> None:
    """The divider moves: the coverage panel can be made taller than the document, even
    though the catalogue beside the document has a tall list (the side panels own the bottom
    corners, so they do not hold the bottom panels down)."""
    window = open_sample(qtbot, session, 1)
    window.resize(1280, 720)
    QApplication.processEvents()
    coverage = window.docks["coverage"]
    assert coverage.height() < window.height() // 3  # it starts modestly
    window.resizeDocks([coverage], [window.height() * 6 // 10], Qt.Orientation.Vertical)
    QApplication.processEvents()
    assert coverage.height() > window.height() // 2
    assert window.corner(Qt.Corner.BottomLeftCorner) == Qt.DockWidgetArea.LeftDockWidgetArea
    # The catalogue still runs the full height beside it.
    assert window.docks["catalogue"].height() > coverage.height()


def test_reset_layout_brings_every_panel_back(qtbot: QtBot, session: AppSession) -> None:
    window = open_sample(qtbot, session, 1)
    for name in ("catalogue", "checks", "coverage"):
        window.docks[name].close()
    window.docks["versions"].setFloating(True)
    action = window.menu_actions["reset_layout"]
    assert action.shortcut().toString() and action in window.menus["view"].actions()
    action.trigger()
    QApplication.processEvents()
    assert all(not dock.isFloating() for dock in window.docks.values())
    assert window.docks["catalogue"].isVisible() and window.docks["coverage"].isVisible()


def test_the_builder_gets_the_window_and_the_panels_come_back(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    window = new_document(qtbot, session, "charter", tmp_path)
    assert window.guide is not None and window.guide.isVisible()
    assert not any(dock.isVisible() for dock in window.docks.values())
    window.show_document()
    assert window.docks["catalogue"].isVisible() and window.docks["coverage"].isVisible()
    window.show_guide()
    assert not window.docks["catalogue"].isVisible()
    # Closing now keeps the layout without the builder for next time.
    kept = window.folding.saved
    assert kept is not None
    window.close()
    stored = session.settings.value(STATE_KEY)
    assert isinstance(stored, QByteArray) and stored == kept


def test_a_table_grows_into_the_pages_spare_height(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    """A short table on a scrolling step takes the room below it instead of leaving it
    empty: its rows area is taller than its own size hint asks."""
    window = new_document(qtbot, session, "plan", tmp_path)
    window.resize(1366, 900)
    guide = window.guide
    assert guide is not None
    for number in range(1, guide.step_count() + 1):
        guide.go_to_step(number)
        QApplication.processEvents()
        page = guide.current_page()
        areas = page.findChildren(QScrollArea)
        tables = [t for t in page.findChildren(ItemTableEditor) if t.isVisible()]
        if len(tables) != 1 or not areas:
            continue
        body = areas[0].widget()
        if body is None or body.sizeHint().height() >= areas[0].viewport().height():
            continue  # the page is already taller than the window: nothing spare
        view = tables[0].view
        assert view.height() > view.sizeHint().height(), page.step.title
        return
    raise AssertionError("no step with one table on a scrolling page")
