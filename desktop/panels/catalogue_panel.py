"""The catalogue side panel of the document window: find an entry, read it, add it to a part.

With the search box empty the list shows the entries that suit the chosen part first, then
everything, grouped by kind. Typing searches as you type. The chosen entry's full text and
source appear below the list. "Add to <part>" (or Enter, or a double click) drafts the entry
into the part through the DocumentEditor, so it can be undone; entries can also be dragged
onto the document's parts tree.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from desktop import entry_html
from desktop.catalogue_tree import ID_ROLE
from desktop.detail_view import DetailView
from desktop.editing.editor import DocumentEditor
from desktop.entry_context import EntryLinks
from desktop.panels.catalogue_list import EntryListModel, EntryRowDelegate
from desktop.panels.library_entry_dialog import LibraryEntryDialog
from desktop.search_box import SearchBox
from desktop.search_results import SEARCH_LIMIT, count_message
from reformkit.catalogue.entry import Entry
from reformkit.catalogue.kinds import KINDS, user_kinds
from reformkit.catalogue.store import Catalogue
from reformkit.document.from_catalogue import draft_from_entry, suitable
from reformkit.document.model import Section
from reformkit.document.spec import SectionType
from reformkit.errors import ReformKitError, UnknownEntryError

ADD_NO_TARGET = "Add to the document"
NO_TARGET_TIP = "Choose a part of the document first, then add entries to it."
READ_ONLY_TIP = "This document is open read-only, so nothing can be added to it."
NEW_ENTRY = "New entry in my library…"
BROWSE_NO_TARGET = (
    "Everything in the catalogue, by kind. Choose a part of the document to see the entries "
    "that suit it."
)
NOTHING_CHOSEN_TITLE = "The catalogue"
NOTHING_CHOSEN_TEXT = (
    "Choose an entry above to read it here.\n"
    "Press Enter, or use the button below, to add it to the chosen part of the document. "
    "You can also drag it onto a part."
)
_TITLE_ROOM = 40  # characters of a part's title shown on the Add button
# The kinds a drafter reaches for most come first; any other kind follows in catalogue order.
BROWSE_ORDER = (
    *("recommendation", "principle", "duty", "right", "clause", "rule", "idea", "body"),
    *("role", "shift", "theme", "challenge", "figure"),
)


def browse_kinds() -> list[str]:
    return [*(k for k in BROWSE_ORDER if k in KINDS), *(k for k in KINDS if k not in BROWSE_ORDER)]


def add_label(title: str) -> str:
    """The Add button's words for a part; very long titles are shortened."""
    short = title if len(title) <= _TITLE_ROOM else title[: _TITLE_ROOM - 1].rstrip() + "…"
    return f"Add to {short}"


class _CatalogueRelay(QObject):
    """Turns the catalogue's plain callbacks into a Qt signal; quiet once the panel is gone."""

    changed = Signal(str, str)

    def listener(self, change: str, entry_id: str) -> None:
        if Shiboken.isValid(self):
            self.changed.emit(change, entry_id)


class CataloguePanel(QWidget):
    """Search, browse and read catalogue entries, and add them to the chosen part."""

    item_added = Signal(str)  # the new item's id
    current_entry_changed = Signal(str)  # the id of the entry now shown ("" for none)

    def __init__(
        self,
        catalogue: Catalogue,
        editor: DocumentEditor,
        parent: QWidget | None = None,
        articles: Mapping[str, str] | None = None,
    ):
        super().__init__(parent)
        self.catalogue = catalogue
        self.editor = editor
        self.links = EntryLinks(catalogue, articles)
        self._section_id: str | None = None
        self._query = ""
        self.current_entry_id: str | None = None
        self.setAccessibleName("Catalogue panel")

        self.search_box = SearchBox()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("What the list shows")
        self.model = EntryListModel(self)
        self.view = self._make_view()
        self.detail = DetailView()
        self.detail.setMinimumHeight(120)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.add_button = QPushButton(ADD_NO_TARGET)
        self.add_button.setDefault(False)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_current)
        self.new_button = QPushButton(NEW_ENTRY)
        self.new_button.setAccessibleName("New entry in my library")
        self.new_button.setToolTip("Add your own right, duty, principle or clause.")
        self.new_button.clicked.connect(self.new_entry)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName("Last action")
        self._lay_out()

        self.search_box.search_requested.connect(self.search)
        self.search_box.leave_requested.connect(self._focus_list)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.activated.connect(self._activated)
        self.detail.entry_link_activated.connect(self.show_entry)
        self.relay = _CatalogueRelay(self)
        self.relay.changed.connect(self._catalogue_changed)
        catalogue.subscribe(self.relay.listener)
        editor.changed.connect(self._document_changed)

        self.refresh()
        self._update_add_button()
        self._show_nothing()

    # Building.
    def _make_view(self) -> QListView:
        view = QListView()
        view.setModel(self.model)
        view.setItemDelegate(EntryRowDelegate(view))
        view.setWordWrap(True)
        view.setUniformItemSizes(False)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setDragEnabled(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        view.setDefaultDropAction(Qt.DropAction.CopyAction)
        view.setAccessibleName("Catalogue entries")
        view.setAccessibleDescription(
            "Press Enter to add the chosen entry to the document, or drag it onto a part."
        )
        return view

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.new_button)
        layout.addWidget(self.feedback)
        self.setTabOrder(self.search_box, self.view)
        self.setTabOrder(self.view, self.detail)
        self.setTabOrder(self.detail, self.add_button)
        self.setTabOrder(self.add_button, self.new_button)

    # The part entries are added to.
    def set_target_section(self, section_id: str | None) -> None:
        """Entries are added to this section (``None``: no part is chosen)."""
        if section_id == self._section_id:
            return
        self._section_id = section_id
        self.refresh()
        self._update_add_button()

    def target_section(self) -> Section | None:
        if self._section_id is None:
            return None
        try:
            return self.editor.project.document.section(self._section_id)
        except KeyError:
            return None

    def _target_type(self) -> SectionType | None:
        section = self.target_section()
        if section is None:
            return None
        try:
            return self.editor.project.spec.section_type(section.key)
        except ReformKitError:
            return None

    def is_suitable(self, entry: Entry) -> bool:
        section_type = self._target_type()
        return section_type is not None and suitable(section_type, entry)

    # Listing.
    def search(self, text: str) -> None:
        """Show the matches for ``text``; with no text, show the browse list."""
        self._query = text.strip()
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list from the catalogue, keeping the chosen entry if it is still there."""
        keep = self.current_entry_id
        blocked = self.view.selectionModel().blockSignals(True)
        try:
            self.model.clear_rows()
            if self._query:
                self._fill_search()
            else:
                self._fill_browse()
        finally:
            self.view.selectionModel().blockSignals(blocked)
        if keep and not self.select_entry(keep):
            self.view.selectionModel().clearCurrentIndex()
        self.view.scrollToTop()  # the entries that suit the part, or the best matches

    def _fill_search(self) -> None:
        hits = self.catalogue.search(self._query, limit=SEARCH_LIMIT)
        suits = self._suits_label()
        for hit in hits:
            self.model.add_entry(
                hit.entry, hit.snippet, suits if self.is_suitable(hit.entry) else ""
            )
        self.status.setText(count_message(self._query, len(hits)))

    def _fill_browse(self) -> None:
        entries = self.catalogue.entries()
        section = self.target_section()
        suits = self._suits_label()
        fitting = [e for e in entries if self.is_suitable(e)]
        if section is not None:
            if fitting:
                self.model.add_heading(f"Suits “{section.title}” ({len(fitting)})")
                for entry in fitting:
                    self.model.add_entry(entry, suits=suits)
                self.status.setText(
                    f"Entries that suit “{section.title}” come first, then everything else."
                )
            else:
                self.status.setText(
                    f"No entry is made for “{section.title}”; any entry you add becomes a "
                    "paragraph."
                )
        else:
            self.status.setText(BROWSE_NO_TARGET)
        fitting_ids = {e.id for e in fitting}
        for kind in (KINDS[name] for name in browse_kinds()):
            members = [e for e in entries if e.kind == kind.name]
            if not members:
                continue
            self.model.add_heading(f"{kind.plural} ({len(members)})")
            for entry in members:
                self.model.add_entry(entry, suits=suits if entry.id in fitting_ids else "")

    def _suits_label(self) -> str:
        section = self.target_section()
        return section.title if section is not None else ""

    # Choosing and reading entries.
    def current_entry(self) -> Entry | None:
        if self.current_entry_id is None:
            return None
        try:
            return self.catalogue.get(self.current_entry_id)
        except UnknownEntryError:
            return None

    def select_entry(self, entry_id: str) -> bool:
        """Make ``entry_id`` the chosen row, if the list shows it."""
        row = self.model.first_row_of(entry_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)
        return True

    def show_entry(self, entry_id: str) -> None:
        """Show ``entry_id`` below the list (choosing its row when the list shows it)."""
        if self.select_entry(entry_id):
            return
        self._show(entry_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = current.data(ID_ROLE) if current.isValid() else None
        if entry_id:
            self._show(str(entry_id))

    def _show(self, entry_id: str) -> None:
        try:
            entry = self.catalogue.get(entry_id)
        except UnknownEntryError:
            self._show_nothing()
            return
        self.current_entry_id = entry.id
        self.detail.setHtml(entry_html.render_entry(self.links.context(entry)))
        self._update_add_button()
        self.current_entry_changed.emit(entry.id)

    def _show_nothing(self) -> None:
        self.current_entry_id = None
        self.detail.setHtml(entry_html.render_message(NOTHING_CHOSEN_TITLE, NOTHING_CHOSEN_TEXT))
        self._update_add_button()
        self.current_entry_changed.emit("")

    def focus_search(self) -> None:
        """Put the cursor in the search box, its words selected (for Ctrl+F)."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid():
            ids = self.model.entry_ids()
            if ids:
                self.select_entry(ids[0])

    # Adding to the document.
    def _update_add_button(self) -> None:
        section = self.target_section()
        if section is None:
            self.add_button.setText(ADD_NO_TARGET)
            self.add_button.setAccessibleName(ADD_NO_TARGET)
            self.add_button.setToolTip(NO_TARGET_TIP)
            self.add_button.setEnabled(False)
            return
        self.add_button.setText(add_label(section.title))
        self.add_button.setAccessibleName(f"Add to {section.title}")
        if self.editor.read_only:
            self.add_button.setToolTip(READ_ONLY_TIP)
            self.add_button.setEnabled(False)
            return
        entry = self.current_entry()
        if entry is None:
            self.add_button.setToolTip("Choose an entry in the list first.")
        elif self.is_suitable(entry):
            self.add_button.setToolTip(f"Add “{entry.title}” to “{section.title}”.")
        else:
            self.add_button.setToolTip(
                f"“{entry.title}” is not made for “{section.title}”, so it is added as a paragraph."
            )
        self.add_button.setEnabled(entry is not None)

    def add_current(self) -> str | None:
        """Add the chosen entry to the chosen part; return the new item's id."""
        entry = self.current_entry()
        section = self.target_section()
        section_type = self._target_type()
        if entry is None or section is None or section_type is None or self.editor.read_only:
            return None
        drafted = draft_from_entry(section_type, entry, section.tags)
        try:
            item_id = self.editor.add_item(
                section.id,
                drafted.item_type.name,
                drafted.fields,
                tags=drafted.tags,
                source=drafted.source,
            )
        except ReformKitError as error:
            self.show_problem(str(error))
            return None
        self.feedback.setText(f"Added “{entry.title}” to “{section.title}”.")
        self.item_added.emit(item_id)
        return item_id

    def _activated(self, index: QModelIndex) -> None:
        if index.data(ID_ROLE) and self.add_button.isEnabled():
            self.add_current()

    def show_problem(self, message: str) -> None:
        QMessageBox.warning(self, "ReformKit could not add the entry", message)

    # The user's own entries.
    def _suggested_kind(self) -> str | None:
        section_type = self._target_type()
        if section_type is None:
            return None
        for item_type in section_type.item_types:
            for kind in item_type.catalogue_kinds:
                if kind in user_kinds():
                    return kind
        return None

    def make_entry_dialog(self) -> LibraryEntryDialog:
        section = self.target_section()
        related = section.tags if section is not None else ()
        return LibraryEntryDialog(self.catalogue, self._suggested_kind(), related, self)

    def new_entry(self) -> Entry | None:
        """Ask for a new library entry; once added, choose it in the list."""
        dialog = self.make_entry_dialog()
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            entry = dialog.entry if accepted else None
        finally:
            dialog.deleteLater()
        if entry is None:
            return None
        self.show_entry(entry.id)
        self.feedback.setText(f"Added “{entry.title}” to your library.")
        return entry

    # Keeping up with changes.
    def _catalogue_changed(self, _change: str, _entry_id: str) -> None:
        self.links.forget()
        shown = self.current_entry_id
        self.refresh()
        if shown and self.current_entry_id == shown:
            self._show(shown)  # its words may have changed
        elif shown and self.current_entry() is None:
            self._show_nothing()

    def _document_changed(self, change: str, target_id: str) -> None:
        if self._section_id is None:
            return
        if self.target_section() is None:  # the part was removed
            self._section_id = None
            self.refresh()
        elif change == "section-changed" and target_id == self._section_id:
            self.refresh()  # its title may have changed
        self._update_add_button()
