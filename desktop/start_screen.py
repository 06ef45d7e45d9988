"""The first window: start a charter or a plan, open one, try a sample, or read the briefing.

Each choice says in plain words what it does, for someone who has never seen ReformKit.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCommandLinkButton,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from desktop import palette
from desktop.help_dialogs import show_about
from desktop.session import AppSession
from desktop.text_size import add_text_size_menu

TITLE = "ReformKit"
REASSURANCE = (
    "Everything you write is saved as you go, so there is no Save button. "
    "ReformKit works without the internet."
)


class StartScreen(QMainWindow):
    def __init__(self, session: AppSession):
        super().__init__()
        self.session = session
        self.catalogue_window: QMainWindow | None = None
        self.setWindowTitle(TITLE)
        self.resize(880, 640)
        self.buttons: dict[str, QCommandLinkButton] = {}
        app = QApplication.instance()
        if isinstance(app, QApplication):
            palette.install_style(app)  # the focused choice wears a frame
        self.choice_keys = ChoiceKeys(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 32, 24)
        heading = QLabel(heading_text(session), body)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        reassurance = QLabel(REASSURANCE, body)
        reassurance.setWordWrap(True)
        layout.addWidget(reassurance)
        layout.addSpacing(12)
        grid = QGridLayout()
        layout.addLayout(grid)
        choices: list[tuple[str, str, str, Callable[[], object]]] = [
            (
                spec.kind,
                spec.say.new_label,
                spec.say.description,
                partial(session.new_document, spec.kind, self),
            )
            for spec in session.kinds
        ]
        choices += [
            (
                "open",
                "Open a document…",
                f"Open {_kinds_in_words(session)} kept on this computer or a shared drive.",
                lambda: session.choose_and_open(self),
            ),
            (
                "catalogue",
                "Read the briefing",
                "Browse and search The Reform Dividend's 22 recommendations, principles and "
                "duties, and your own library.",
                self.show_catalogue,
            ),
        ]
        for sample in session.kinds.samples():
            choices.append(
                (
                    sample.name,
                    f"Open the {sample.label.replace('Sample', 'sample')}",
                    sample.description,
                    partial(session.open_sample, sample, self),
                )
            )
        for index, (key, text, description, action) in enumerate(choices):
            button = QCommandLinkButton(text, description, body)
            button.setAccessibleName(text)
            button.setAccessibleDescription(description)
            button.clicked.connect(lambda _checked=False, act=action: act())
            grid.addWidget(button, index // 2, index % 2)
            button.installEventFilter(self.choice_keys)
            self.buttons[key] = button
        self.choice_keys.grid = grid
        layout.addSpacing(12)
        recent_label = QLabel("<b>Recent documents</b>", body)
        layout.addWidget(recent_label)
        self.recent = QListWidget(body)
        self.recent.setAccessibleName("Recent documents")
        recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(self._open_recent)
        layout.addWidget(self.recent, 1)
        self.setCentralWidget(body)
        self._menus()
        self.refresh_recent()
        session.window_opened.connect(lambda _window: self.close())

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        view_menu = self.menuBar().addMenu("&View")
        add_text_size_menu(view_menu, self, self.session.settings)
        help_menu = self.menuBar().addMenu("&Help")
        first = True
        for spec in self.session.kinds:
            action = file_menu.addAction(spec.menu_label)
            if first:
                action.setShortcut(QKeySequence.StandardKey.New)
                first = False
            action.triggered.connect(
                lambda _checked=False, kind=spec.kind: self.session.new_document(kind, self)
            )
        for menu, text, keys, slot in (
            (
                file_menu,
                "&Open…",
                QKeySequence.StandardKey.Open,
                lambda: self.session.choose_and_open(self),
            ),
            (file_menu, "&Quit", QKeySequence("Ctrl+Q"), self.close),
            (
                help_menu,
                "&About ReformKit",
                None,
                lambda: show_about(self, self.session.catalogue.seed.credit),
            ),
        ):
            action = QAction(text, self)
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)

    def come_back(self) -> None:
        """Shown again: after the last document closes, or from File › Start screen."""
        self.refresh_recent()
        self.show()
        self.raise_()
        self.activateWindow()

    def refresh_recent(self) -> None:
        self.recent.clear()
        paths = self.session.recent.paths()
        for path in paths:
            item = QListWidgetItem(f"{path.stem}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if not paths:
            empty = QListWidgetItem(
                "No recent documents yet. Start one above, or open a "
                "sample to see what a finished one looks like."
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.session.open_document(Path(path), self)

    def show_catalogue(self) -> None:
        from desktop.main_window import MainWindow

        if self.catalogue_window is None:
            self.catalogue_window = MainWindow(
                self.session.catalogue, self.session.settings, self.session.kinds.articles()
            )
        self.catalogue_window.show()
        self.catalogue_window.raise_()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focused = self.focusWidget()
        if focused is None or focused is self.recent:
            next(iter(self.buttons.values())).setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)


_MOVES = {
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
}


class ChoiceKeys(QObject):
    """Enter and Space choose the focused choice; the arrow keys move between choices."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.grid: QGridLayout | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QCommandLinkButton):
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            watched.click()
            return True
        if key in _MOVES and self.grid is not None:
            return self._move(watched, *_MOVES[Qt.Key(key)])
        return False

    def _move(self, button: QCommandLinkButton, rows: int, columns: int) -> bool:
        assert self.grid is not None
        index = self.grid.indexOf(button)
        if index < 0:
            return False
        position: tuple[int, int, int, int] = self.grid.getItemPosition(index)  # type: ignore[assignment]
        row, column = position[0], position[1]
        entry = self.grid.itemAtPosition(row + rows, column + columns)
        target = entry.widget() if entry is not None else None
        if target is None:
            return False
        target.setFocus(Qt.FocusReason.TabFocusReason)
        return True


def _kinds_in_words(session: AppSession) -> str:
    """ "a Respect Charter or a Local Reform Plan": every installed kind, joined with "or"."""
    articles = [spec.say.article for spec in session.kinds]
    if len(articles) <= 1:
        return articles[0] if articles else "a document"
    return f"{', '.join(articles[:-1])} or {articles[-1]}"


def heading_text(session: AppSession) -> str:
    return f"Draft {_kinds_in_words(session)}"
