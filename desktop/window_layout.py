"""The document window's panels: their first sizes, Reset layout, and folding them away
while the guided builder runs.

The side panels own the window's bottom corners, so the bottom panels (coverage, checks) sit
under the document only and can grow until the document reaches its smallest size; a tall
catalogue list no longer stops them.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

Area = Qt.DockWidgetArea
Corner = Qt.Corner

# Shares of the window: the catalogue beside the document, the bottom panels under it.
SIDE_SHARE = 0.22
BOTTOM_SHARE = 0.24
SMALL_SCREEN_HEIGHT = 800  # below this the bottom panels start lower, the document needs room
SMALL_BOTTOM_SHARE = 0.2
SPLITTER_SHARES = (23, 32, 33)  # parts, editor, preview


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
    tall enough for their summary and a few rows."""
    width, height = window.width(), window.height()
    window.resizeDocks([bottom], [int(height * bottom_share(height))], Qt.Orientation.Vertical)
    window.resizeDocks([side], [int(width * SIDE_SHARE)], Qt.Orientation.Horizontal)
    splitter.setSizes([width * share // 100 for share in SPLITTER_SHARES])


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
