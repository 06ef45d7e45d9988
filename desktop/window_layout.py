"""The document window's size and panels: where it first opens, the panels' first sizes,
Reset layout, and folding them away while the guided builder runs.

The side panels own the window's bottom corners, so the bottom panels (coverage, checks) sit
under the document only and can grow until the document reaches its smallest size; a tall
catalogue list no longer stops them. A window first opens on most of the screen (all of a
small one); after that, where the user left it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
    QStyle,
    QWidget,
)

Area = Qt.DockWidgetArea
Corner = Qt.Corner

# Shares of the window: the catalogue beside the document, the bottom panels under it.
SIDE_SHARE = 0.2
BOTTOM_SHARE = 0.24
SMALL_SCREEN_HEIGHT = 800  # below this the bottom panels start lower, the document needs room
SMALL_BOTTOM_SHARE = 0.2
MAX_BOTTOM_SHARE = 0.32  # the bottom panels never start taller than this
FIRST_ROWS = 9  # rows the coverage list shows at first, room permitting
SPLITTER_SHARES = (23, 30, 35)  # parts, editor, preview (whose tables need the room)
MAX_PARTS_SHARE = 0.34  # of the centre: the parts list widens this far to show whole titles
SCREEN_SHARE = 0.9  # a first window on a big screen: nine tenths of it, centred
SMALL_SCREEN_WIDTH = 1366  # on a screen this wide or narrower, a first window is maximised


@runtime_checkable
class ShowsRows(Protocol):
    """A panel that can say how tall it must be to show a number of rows."""

    def height_for_rows(self, rows: int) -> int: ...


@runtime_checkable
class WantsWidth(Protocol):
    """A view that can say how wide it must be to show its text whole."""

    def wanted_width(self) -> int: ...


def first_geometry(room: QRect) -> tuple[QRect, bool]:
    """Where a first window opens in ``room`` (a screen's available geometry), and whether
    maximised: all of a small screen, nine tenths of a bigger one, centred."""
    if room.width() <= SMALL_SCREEN_WIDTH:
        return QRect(room), True
    size = QSize(round(room.width() * SCREEN_SHARE), round(room.height() * SCREEN_SHARE))
    placed = QRect(room.topLeft(), size)
    placed.moveCenter(room.center())
    return placed, False


def open_at_first_size(window: QWidget) -> None:
    """Give a window that has never been opened before its first size (before it shows)."""
    geometry, maximised = first_geometry(window.screen().availableGeometry())
    window.setGeometry(geometry)
    if maximised:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def own_corners(window: QMainWindow) -> None:
    """The side dock areas run the full height; the bottom area sits under the centre."""
    window.setCorner(Corner.BottomLeftCorner, Area.LeftDockWidgetArea)
    window.setCorner(Corner.BottomRightCorner, Area.RightDockWidgetArea)
    window.setCorner(Corner.TopLeftCorner, Area.LeftDockWidgetArea)
    window.setCorner(Corner.TopRightCorner, Area.RightDockWidgetArea)


def bottom_share(height: int) -> float:
    return SMALL_BOTTOM_SHARE if height < SMALL_SCREEN_HEIGHT else BOTTOM_SHARE


def first_sizes(
    window: QMainWindow, side: QDockWidget, bottom: QDockWidget, splitter: QSplitter
) -> None:
    """Give the document most of the room, the catalogue a column, the bottom panels a band
    tall enough for their summary and about nine rows, and the parts list its titles."""
    width, height = window.width(), window.height()
    window.resizeDocks([bottom], [bottom_height(bottom, height)], Qt.Orientation.Vertical)
    side_width = int(width * SIDE_SHARE)
    window.resizeDocks([side], [side_width], Qt.Orientation.Horizontal)
    splitter.setSizes(splitter_sizes(window, side, splitter, side_width))


def splitter_sizes(
    window: QMainWindow, side: QDockWidget, splitter: QSplitter, side_width: int
) -> list[int]:
    """The parts list, editor and preview by their shares of the centre, the parts list
    widened (within a share) to show its section titles whole."""
    total = sum(SPLITTER_SHARES)
    parts: object = splitter.widget(0)
    separator = window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent)
    centre = window.width() - max(side_width, side.minimumSizeHint().width()) - 2 * separator
    if not isinstance(parts, WantsWidth) or centre <= 0:
        return [centre * share // total for share in SPLITTER_SHARES]
    wanted = min(parts.wanted_width(), int(centre * MAX_PARTS_SHARE))
    first = max(centre * SPLITTER_SHARES[0] // total, wanted)
    rest = sum(SPLITTER_SHARES[1:])
    return [first] + [(centre - first) * share // rest for share in SPLITTER_SHARES[1:]]


def bottom_height(bottom: QDockWidget, height: int) -> int:
    """The bottom panels' first height in a window ``height`` tall: enough for the first
    panel's rows where it can say, within a share of the window."""
    share = int(height * bottom_share(height))
    panel: object = bottom.widget()
    if not isinstance(panel, ShowsRows):
        return share
    title = bottom.titleBarWidget()
    chrome = bottom.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, bottom)
    if title is not None:
        chrome = title.sizeHint().height()
    wanted = panel.height_for_rows(FIRST_ROWS) + chrome
    return min(max(share, wanted), int(height * MAX_BOTTOM_SHARE))


class DockFolding:
    """Folds every panel away (remembering how they were) and brings them back as they were."""

    def __init__(self, window: QMainWindow, docks: list[QDockWidget]):
        self.window = window
        self.docks = docks
        self.saved: QByteArray | None = None

    @property
    def folded(self) -> bool:
        return self.saved is not None

    def fold(self) -> None:
        if self.saved is None:
            self.saved = self.window.saveState()
        for dock in self.docks:
            dock.hide()

    def unfold(self) -> None:
        if self.saved is None:
            return
        state, self.saved = self.saved, None
        self.window.restoreState(state)

    def state_to_keep(self) -> QByteArray:
        """What the window looks like without the builder: saved for the next opening."""
        return self.saved if self.saved is not None else self.window.saveState()
