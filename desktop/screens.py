"""Screens a kind adds to the document window, found through the ``reformkit.screens``
entry-point group, the way kinds themselves are found::

    [project.entry-points."reformkit.screens"]
    workshop = "desktop.workshop.screen:SCREEN"

Each screen offers one menu item in every document window and opens on that window's
project. The desktop core never imports a screen's package and never names its kind, so a
new screen is one package and one line in ``pyproject.toml``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

if TYPE_CHECKING:
    from desktop.editing.editor import DocumentEditor
    from desktop.session import AppSession
    from reformkit.document.project import Project

GROUP = "reformkit.screens"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScreenContext:
    """What a screen opens on: the document window, its project, its editor (whose undo
    stack the screen shares) and the app session (prompts, settings, kinds)."""

    window: QMainWindow
    project: Project
    editor: DocumentEditor
    session: AppSession


@dataclass(frozen=True)
class Screen:
    """A screen a kind offers in the document window."""

    name: str
    menu_title: str  # the menu it sits in: "&Workshop"
    action_label: str  # "Run a &workshop…"
    shortcut: str  # "Ctrl+Shift+W"
    open: Callable[[ScreenContext], object]
    # Documents of this kind open the screen as soon as their window opens ("" for none).
    own_kind: str = ""
    status_tip: str = ""


@cache
def load_screens() -> tuple[Screen, ...]:
    """Every installed screen that loads, sorted by name; one that does not is logged."""
    found = {point.name: point for point in entry_points(group=GROUP)}
    screens = []
    for name in sorted(found):
        try:
            loaded = found[name].load()
        except Exception as error:  # a broken plug-in must not stop the program
            log.error("The screen '%s' could not be loaded: %s", name, error)
            continue
        if isinstance(loaded, Screen):
            screens.append(loaded)
        else:
            log.error("The screen '%s' (%s) is not a screen.", name, found[name].value)
    return tuple(screens)


def context_of(window: QMainWindow) -> ScreenContext:
    """The context a document window offers (it has project, editor and session)."""
    return ScreenContext(
        window=window,
        project=getattr(window, "project"),  # noqa: B009 - any window with these three
        editor=getattr(window, "editor"),  # noqa: B009
        session=getattr(window, "session"),  # noqa: B009
    )


def add_screen_menus(window: QMainWindow, before: QMenu | None = None) -> dict[str, QAction]:
    """One menu item per screen in ``window``'s menu bar (before ``before``); the actions by
    screen name. Disabled for a document open read-only."""
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    read_only = bool(getattr(getattr(window, "project", None), "read_only", False))
    for screen in load_screens():
        menu = menus.get(screen.menu_title)
        if menu is None:
            menu = QMenu(screen.menu_title, window)
            bar = window.menuBar()
            if before is not None:
                bar.insertMenu(before.menuAction(), menu)
            else:
                bar.addMenu(menu)
            menus[screen.menu_title] = menu
        action = QAction(screen.action_label, window)
        if screen.shortcut:
            action.setShortcut(QKeySequence(screen.shortcut))
        action.setStatusTip(screen.status_tip)
        action.setEnabled(not read_only)
        action.triggered.connect(lambda _checked=False, s=screen: s.open(context_of(window)))
        menu.addAction(action)
        actions[screen.name] = action
    return actions


def open_own_screens(window: QMainWindow) -> None:
    """Once ``window`` is shown, open the screens whose kind is the document's own; not
    over a new document's guided builder (the menu item opens them when wanted)."""
    project = getattr(window, "project", None)
    kind = getattr(getattr(project, "spec", None), "kind", "")
    if getattr(project, "read_only", False):
        return
    for screen in load_screens():
        if screen.own_kind and screen.own_kind == kind:
            QTimer.singleShot(0, window, lambda s=screen: _open_unless_building(window, s))


def _open_unless_building(window: QMainWindow, screen: Screen) -> None:
    guide = getattr(window, "guide", None)
    if isinstance(guide, QWidget) and guide.isVisible():
        return
    screen.open(context_of(window))
