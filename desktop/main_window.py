"""The catalogue browser: search at the top, the tree or the results on the left, details right."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QByteArray, QModelIndex, QObject, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from desktop import entry_html
from desktop.catalogue_tree import (
    GROUP_ROLE,
    GROUP_SUMMARIES,
    ID_ROLE,
    STRUCTURE_GROUP,
    CatalogueTreeModel,
)
from desktop.detail_view import DetailView
from desktop.entry_context import EntryLinks
from desktop.help_dialogs import HelpDialog, show_about
from desktop.search_box import SearchBox
from desktop.search_results import SEARCH_LIMIT, SearchResults
from desktop.window_menus import MenuHandlers, build_menus
from reformkit.catalogue.store import Catalogue
from reformkit.errors import UnknownEntryError

WINDOW_TITLE = "ReformKit — Catalogue"
DEFAULT_SIZE = (1100, 700)
GEOMETRY_KEY = "main_window/geometry"
SPLITTER_KEY = "main_window/splitter"

WELCOME_TITLE = "The Reform Dividend: the catalogue"
WELCOME_TEXT = (
    "Choose an entry on the left to read it here.\n"
    "Or search: press Ctrl+F and type a word, such as “candour”.\n"
    "Press F1 for help."
)


class CatalogueNotifier(QObject):
    """Turns the catalogue's plain callbacks into a Qt signal (safe from any thread)."""

    changed = Signal(str, str)

    def listener(self, change: str, entry_id: str) -> None:
        if Shiboken.isValid(self):  # the window may already be gone
            self.changed.emit(change, entry_id)


class MainWindow(QMainWindow):
    def __init__(
        self, catalogue: Catalogue, settings: QSettings, articles: Mapping[str, str] | None = None
    ):
        super().__init__()
        self.catalogue = catalogue
        self.settings = settings
        self.current_entry_id: str | None = None
        self.links = EntryLinks(catalogue, articles)
        self._help: HelpDialog | None = None
        self.setWindowTitle(WINDOW_TITLE)

        self.search_box = SearchBox()
        self.tree_model = CatalogueTreeModel(catalogue, self)
        self.tree = self._make_tree()
        self.results = SearchResults()
        self.left = QStackedWidget()
        self.left.addWidget(self.tree)
        self.left.addWidget(self.results)
        self.detail = DetailView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label, 1)
        self._lay_out()
        self.menu_actions = build_menus(
            self,
            MenuHandlers(
                quit=self.close,
                find=self.focus_search,
                expand_all=lambda: self._show_tree_then(self.tree.expandAll),
                collapse_all=lambda: self._show_tree_then(self.tree.collapseAll),
                help=self.show_help,
                about=lambda: show_about(self, catalogue.seed.credit),
            ),
        )
        self._connect()
        self.notifier = CatalogueNotifier(self)
        self.notifier.changed.connect(self._catalogue_changed)
        catalogue.subscribe(self.notifier.listener)
        self._expand_structure()
        self._update_status()
        self.detail.setHtml(entry_html.render_message(WELCOME_TITLE, WELCOME_TEXT))
        self._restore_settings()

    # Building.
    def _make_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setModel(self.tree_model)
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(True)
        tree.setAccessibleName("Catalogue")
        tree.setAccessibleDescription("The briefing's entries, grouped, and your own entries.")
        return tree

    def _lay_out(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.setTabOrder(self.search_box, self.tree)
        self.setTabOrder(self.tree, self.results.view)
        self.setTabOrder(self.results.view, self.detail)

    def _connect(self) -> None:
        self.search_box.search_requested.connect(self.search)
        self.search_box.leave_requested.connect(self._focus_list)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.tree.activated.connect(self._activated)
        self.results.current_entry_changed.connect(self.show_entry)
        self.results.view.activated.connect(self._activated)
        self.detail.entry_link_activated.connect(self.go_to)

    def _expand_structure(self) -> None:
        group = self.tree_model.group_item(STRUCTURE_GROUP)
        if group is not None:
            self.tree.expandRecursively(group.index())

    # Settings.
    def _restore_settings(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(self._default_size())
        state = self.settings.value(SPLITTER_KEY)
        if not (isinstance(state, QByteArray) and self.splitter.restoreState(state)):
            self.splitter.setSizes([400, DEFAULT_SIZE[0] - 400])

    def _default_size(self) -> QSize:
        """1100 × 700, or less on a small screen."""
        size = QSize(*DEFAULT_SIZE)
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry().size() * 0.9
            size = size.boundedTo(room)
        return size

    def save_settings(self) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

    # Searching.
    @property
    def searching(self) -> bool:
        return self.left.currentWidget() is self.results

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search(self, text: str) -> None:
        """Show the ranked matches for ``text``; with no text, go back to the tree."""
        if not text:
            self.left.setCurrentWidget(self.tree)
            self._tree_current_changed(self.tree.currentIndex())
            return
        shown = self.current_entry_id if self.searching else None
        hits = self.catalogue.search(text, limit=SEARCH_LIMIT)
        self.results.show_hits(text, hits)
        self.left.setCurrentWidget(self.results)
        if not (shown and self.results.select(shown)):
            self.results.select_first()

    def _show_tree_then(self, action: object) -> None:
        if self.searching:
            self.search_box.clear()
        action()  # type: ignore[operator]

    def _focus_list(self) -> None:
        if self.searching:
            self.results.view.setFocus()
            if not self.results.view.currentIndex().isValid():
                self.results.select_first()
        else:
            self.tree.setFocus()
            if not self.tree.currentIndex().isValid():
                self.tree.setCurrentIndex(self.tree_model.index(0, 0))

    # Showing entries.
    def _tree_current_changed(self, current: QModelIndex, _previous: object = None) -> None:
        if not current.isValid():
            return
        entry_id = current.data(ID_ROLE)
        if entry_id:
            self.show_entry(entry_id)
        elif current.data(GROUP_ROLE):
            self.show_group(current.data(GROUP_ROLE))

    def _activated(self, index: QModelIndex) -> None:
        if index.data(ID_ROLE) and not index.model().hasChildren(index):
            self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_group(self, key: str) -> None:
        title = self.tree_model.group_title(key)
        members = self.tree_model.group_members(key)
        summary = GROUP_SUMMARIES.get(key, "")
        if not members:
            summary += " There is nothing here yet."
        self.current_entry_id = None
        self.detail.setHtml(entry_html.render_group(title, summary, members))

    def show_entry(self, entry_id: str) -> None:
        try:
            entry = self.catalogue.get(entry_id)
        except UnknownEntryError:
            self.current_entry_id = None
            self.detail.setHtml(
                entry_html.render_message(
                    "Not in the catalogue", f"{entry_id} is no longer in the catalogue."
                )
            )
            return
        self.current_entry_id = entry.id
        self.detail.setHtml(entry_html.render_entry(self.links.context(entry)))

    def go_to(self, entry_id: str) -> None:
        """Follow a link: select the entry in the tree (or just show it while searching)."""
        item = self.tree_model.item_for(entry_id)
        if item is not None and not self.searching:
            self.tree.setCurrentIndex(item.index())
            self.tree.scrollTo(item.index())
        else:
            self.show_entry(entry_id)

    def select_entry(self, entry_id: str) -> bool:
        """Select ``entry_id`` in the tree, going back to the tree if a search is showing."""
        if self.searching:
            self.search_box.clear()
        item = self.tree_model.item_for(entry_id)
        if item is None:
            return False
        self.tree.setCurrentIndex(item.index())
        self.tree.scrollTo(item.index())
        return True

    # Changes in the catalogue.
    def _catalogue_changed(self, _change: str, _entry_id: str) -> None:
        shown = self.current_entry_id  # rebuilding the group may move the tree's selection
        self.links.forget()
        self.tree_model.reload_user_group()
        self._update_status()
        if self.searching:
            self.search(self.search_box.text().strip())
        elif shown is not None:
            self.go_to(shown)
            self.show_entry(shown)

    def _update_status(self) -> None:
        recommendations = self.catalogue.count("recommendation")
        total = self.catalogue.count()
        own = self.catalogue.count(origin="user")
        self.status_label.setText(
            f"{recommendations} recommendations · {total} entries in the catalogue · "
            f"{own} of your own"
        )

    def show_help(self) -> None:
        if self._help is None:
            self._help = HelpDialog(self)
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()
