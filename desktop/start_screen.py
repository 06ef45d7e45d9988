"""The first window: start a charter or a plan, open one, try a sample, or read the briefing.

Each choice says in plain words what it does, for someone who has never seen ReformKit.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from desktop.help_dialogs import show_about
from desktop.session import AppSession

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
            self.buttons[key] = button
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

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)


def _kinds_in_words(session: AppSession) -> str:
    """ "a Respect Charter or a Local Reform Plan": every installed kind, joined with "or"."""
    articles = [spec.say.article for spec in session.kinds]
    if len(articles) <= 1:
        return articles[0] if articles else "a document"
    return f"{', '.join(articles[:-1])} or {articles[-1]}"


def heading_text(session: AppSession) -> str:
    return f"Draft {_kinds_in_words(session)}"
