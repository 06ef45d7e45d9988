"""The first window: start a document of any kind, open one, try a sample, or read the
briefing.

Each choice says in plain words what it does, for someone who has never seen ReformKit. The
window fits the screen; larger text on a small screen gets fewer columns, then scrolls.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import palette
from desktop.help_dialogs import show_about
from desktop.session import AppSession
from desktop.start_choices import Choice, ChoiceGrid
from desktop.text_size import add_text_size_menu

TITLE = "ReformKit"
REASSURANCE = (
    "Everything you write is saved as you go, so there is no Save button. "
    "ReformKit works without the internet."
)

WIDEST, TALLEST = 1180, 800  # the window's size on a large screen
MARGIN = 32


class StartScreen(QMainWindow):
    def __init__(self, session: AppSession):
        super().__init__()
        self.session = session
        self.catalogue_window: QMainWindow | None = None
        self.setWindowTitle(TITLE)
        self._fit_screen()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            palette.install_style(app)  # the focused choice wears a frame
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(MARGIN, 24, MARGIN, 24)
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
        new_choices: list[Choice] = [
            (
                spec.kind,
                spec.say.new_label,
                spec.say.description,
                partial(session.new_document, spec.kind, self),
            )
            for spec in session.kinds
        ]
        # A sample's key is its name, unless a kind has that name (the workshop's sample).
        names = set(session.kinds.names())
        self.sample_keys = {
            sample.name: f"{sample.name}-sample" if sample.name in names else sample.name
            for sample in session.kinds.samples()
        }
        samples: list[Choice] = [
            (
                self.sample_keys[sample.name],
                f"Open the {sample.label.replace('Sample', 'sample')}",
                sample.description,
                partial(session.open_sample, sample, self),
            )
            for sample in session.kinds.samples()
        ]
        others: list[Choice] = [
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
        self.choices = ChoiceGrid(
            (
                ("Start something new", new_choices),
                ("See a finished example", samples),
                ("Or", others),
            ),
            max(2, len(new_choices)),  # a column per kind, so a sample sits under its kind
            body,
        )
        self.buttons = self.choices.buttons
        layout.addWidget(self.choices)
        layout.addSpacing(12)
        recent_label = QLabel("<b>Recent documents</b>", body)
        layout.addWidget(recent_label)
        self.recent = RecentList(body)
        self.recent.setAccessibleName("Recent documents")
        recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(self._open_recent)
        layout.addWidget(self.recent, 1)
        # Larger text on a small screen scrolls, rather than squeezing the choices' words.
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(body)
        self.setCentralWidget(scroller)
        self.scroller = scroller
        self._menus()
        self.refresh_recent()
        session.window_opened.connect(lambda _window: self.close())

    def _fit_screen(self) -> None:
        """Large enough for three choices a row, never larger than the screen, centred."""
        room = self.screen().availableGeometry()
        width = min(WIDEST, int(room.width() * 0.92))
        self.resize(width, min(TALLEST, int(room.height() * 0.92)))
        frame = self.frameGeometry()
        frame.moveCenter(room.center())
        self.move(frame.topLeft())

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # View › Text size
            QTimer.singleShot(0, self, self._reflow)  # once the choices have their new size

    def _reflow(self) -> None:
        """Fewer columns of choices when three no longer fit (larger text, a small screen)."""
        if not hasattr(self, "scroller"):  # sized before it was built
            return
        # The window's width, not the scroll area's: that is resized only after this.
        bar = self.scroller.verticalScrollBar().sizeHint().width()
        self.choices.lay_out(self.choices.columns_for(self.width() - 2 * MARGIN - bar))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focused = self.focusWidget()
        if focused is None or focused is self.recent:
            next(iter(self.buttons.values())).setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)


class RecentList(QListWidget):
    """The recent documents: a few rows tall by preference, taller when there is room."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.fontMetrics().height() * 5)


def _kinds_in_words(session: AppSession) -> str:
    """ "a Respect Charter or a Local Reform Plan": every installed kind, joined with "or"."""
    articles = [spec.say.article for spec in session.kinds]
    if len(articles) <= 1:
        return articles[0] if articles else "a document"
    return f"{', '.join(articles[:-1])} or {articles[-1]}"


def heading_text(session: AppSession) -> str:
    return f"Draft {_kinds_in_words(session)}"
