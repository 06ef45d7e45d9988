"""The main window's menus, with standard shortcuts wherever the platform has one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from desktop.text_size import add_text_size_menu

StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class MenuHandlers:
    quit: Callable[[], object]
    find: Callable[[], object]
    expand_all: Callable[[], object]
    collapse_all: Callable[[], object]
    help: Callable[[], object]
    about: Callable[[], object]


def build_menus(window: QMainWindow, handlers: MenuHandlers) -> dict[str, QAction]:
    """Add File, Edit, View and Help to ``window``; return the actions by name."""
    bar = window.menuBar()
    actions: dict[str, QAction] = {}

    def add(
        menu_name: str,
        key: str,
        text: str,
        slot: Callable[[], object],
        shortcut: StandardKey | str | None = None,
    ) -> QAction:
        menu = menus[menu_name]
        action = QAction(text, window)
        if isinstance(shortcut, StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        actions[key] = action
        return action

    menus = {
        "file": bar.addMenu("&File"),
        "edit": bar.addMenu("&Edit"),
        "view": bar.addMenu("&View"),
        "help": bar.addMenu("&Help"),
    }
    quit_action = add("file", "quit", "&Quit", handlers.quit, StandardKey.Quit)
    if quit_action.shortcut().isEmpty():  # Windows has no standard Quit key
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    add("edit", "find", "&Find…", handlers.find, StandardKey.Find)
    add("view", "expand", "&Expand all", handlers.expand_all, "Ctrl+Shift+Down")
    add("view", "collapse", "&Collapse all", handlers.collapse_all, "Ctrl+Shift+Up")
    menus["view"].addSeparator()
    settings = getattr(window, "settings", None)
    add_text_size_menu(menus["view"], window, settings if isinstance(settings, QSettings) else None)
    add("help", "help", "&How to use the catalogue", handlers.help, StandardKey.HelpContents)
    menus["help"].addSeparator()
    add("help", "about", "&About ReformKit", handlers.about)
    return actions
