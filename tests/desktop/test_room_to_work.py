"""A layout that fits: the document window opens on most of the screen, the coverage list
shows a useful number of rows, and nothing the user must read is cut short (the parts
list's titles, a table's headings) or pushed sideways (the preview of a table that fits)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle
from pytestqt.qtbot import QtBot

from desktop import palette
from desktop.document_window import DocumentWindow
from desktop.panels.coverage_status import ORDER, STYLES
from desktop.session import AppSession
from desktop.window_layout import first_geometry
from desktop.wizard.table_editor import ItemTableEditor
from tests.desktop.windows_helpers import new_document, open_sample, session

__all__ = ["session"]

SMALL_LAPTOP = (1280, 720)  # also what a 1920x1080 screen at 150% gives the app


def _at_small_laptop_size(
    qtbot: QtBot, window: DocumentWindow, size: tuple[int, int] = SMALL_LAPTOP
) -> None:
    """The window at 1280x720 with its panels at their first sizes, as on a first start."""
    window.showNormal()
    window.resize(*size)
    window.reset_layout()
    qtbot.wait(100)  # the docks and splitter have settled


def _rows_in_sight(view: QAbstractItemView) -> int:
    """Rows of the view's model the user sees whole, by the view's own geometry."""
    model, shown = view.model(), view.viewport().rect()
    return sum(
        1 for row in range(model.rowCount()) if shown.contains(view.visualRect(model.index(row, 0)))
    )


def test_the_coverage_list_shows_nine_rows_on_a_small_laptop(
    qtbot: QtBot, session: AppSession
) -> None:
    window = open_sample(qtbot, session, 0)
    _at_small_laptop_size(qtbot, window)
    panel = window.coverage
    assert _rows_in_sight(panel.list_view) >= 8
    # The list says each status in words; its key is a tooltip, and shows under the grid.
    assert not panel.legend_label.isVisible()
    tip = panel.list_view.headerItem().toolTip(2)
    assert all(STYLES[status].short in tip for status in ORDER)
    panel.show_grid()
    assert panel.legend_label.isVisible()
    panel.show_grid(False)
    assert not panel.hint_label.isVisible()  # nothing to say yet, so it takes no room
    # The coverage band still leaves the document most of the window.
    assert window.docks["coverage"].height() < window.centralWidget().height()


def test_a_first_window_opens_on_most_of_the_screen_and_is_remembered(
    qtbot: QtBot, session: AppSession
) -> None:
    window = open_sample(qtbot, session, 0)
    room = window.screen().availableGeometry()
    shown = window.frameGeometry()
    assert shown.width() >= room.width() * 0.85 and shown.height() >= room.height() * 0.85
    assert room.contains(window.geometry())
    if room.width() <= 1366:  # a small screen: all of it
        assert window.isMaximized() or window.geometry().size() == room.size()
    # After that, where the user left it.
    window.showNormal()
    window.setGeometry(room.adjusted(0, 0, -room.width() // 5, -room.height() // 5))
    left = window.geometry()
    assert left.size() != room.size()
    window.close()
    again = open_sample(qtbot, session, 0)
    assert again.geometry().size() == left.size()


def test_first_sizes_by_screen() -> None:
    """Maximised on a small screen (1280x720, 1366x768); nine tenths of a bigger one,
    centred."""
    for small in (QRect(0, 0, 1280, 720), QRect(0, 0, 1366, 768)):
        assert first_geometry(small) == (small, True)
    big = QRect(0, 0, 1920, 1080)
    placed, maximised = first_geometry(big)
    assert not maximised and big.contains(placed) and placed.center() == big.center()
    assert placed.width() >= big.width() * 0.85 and placed.height() >= big.height() * 0.85


@pytest.mark.parametrize("size", [SMALL_LAPTOP, (1024, 640)])
def test_the_parts_list_shows_every_section_title_whole(
    qtbot: QtBot, session: AppSession, tmp_path: Path, size: tuple[int, int]
) -> None:
    window = new_document(qtbot, session, "charter", tmp_path)
    window.show_document()
    _at_small_laptop_size(qtbot, window, size)
    tree = window.tree
    model = tree.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        text = str(index.data())
        font = index.data(Qt.ItemDataRole.FontRole) or tree.font()
        metrics = tree.fontMetrics() if font is None else type(tree.fontMetrics())(font)
        rect = tree.visualRect(index)
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree)
        assert metrics.horizontalAdvance(text) + 2 * margin <= rect.width(), text
        assert rect.right() <= tree.viewport().width(), text


def test_table_headings_wrap_instead_of_being_cut(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    window = new_document(qtbot, session, "charter", tmp_path)
    _at_small_laptop_size(qtbot, window)
    guide = window.guide
    assert guide is not None
    guide.go_to_step(6)  # the measures: seven columns, long headings
    qtbot.wait(50)
    table = guide.current_page().findChildren(ItemTableEditor)[0]
    header = table.view.horizontalHeader()
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    wrapped = 0
    for column in range(header.count()):
        text = str(table.model.headerData(column, Qt.Orientation.Horizontal))
        room = header.sectionSize(column) - 2 * margin
        if metrics.horizontalAdvance(text) <= room:
            continue  # fits on one line
        wrapped += 1
        assert header.defaultAlignment() & Qt.TextFlag.TextWordWrap
        assert all(metrics.horizontalAdvance(word) <= room for word in text.split()), text
        flags = int(Qt.TextFlag.TextWordWrap)
        needed = metrics.boundingRect(QRect(0, 0, room, 10_000), flags, text).height()
        assert needed <= header.height(), text
    assert wrapped, "no heading was wider than its column: widen the test's words"


def test_the_preview_scrolls_sideways_only_for_a_table_too_wide_for_it(
    qtbot: QtBot, session: AppSession, tmp_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette.install_style(app)  # the app's frames, as the real app has them
    window = new_document(qtbot, session, "charter", tmp_path)
    window.show_document()
    _at_small_laptop_size(qtbot, window)
    preview = window.preview
    preview.render_now()
    document = preview.document()
    document.documentLayout().documentSize()
    tables, block = 0, document.begin()
    while block.isValid():
        tables += QTextCursor(block).currentTable() is not None
        block = block.next()
    assert tables  # the coverage appendix, with its short headings ("Answered in")
    QApplication.processEvents()
    assert preview.horizontalScrollBar().maximum() == 0
