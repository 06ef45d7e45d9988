"""The ranked search results shown in place of the tree while a search is active."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from desktop.catalogue_tree import ID_ROLE
from desktop.entry_html import kind_label
from desktop.html_delegate import HTML_ROLE, HtmlDelegate
from reformkit.catalogue import fts
from reformkit.catalogue.store import SearchHit

SEARCH_LIMIT = 50


def result_html(hit: SearchHit) -> str:
    """One result: id and title in bold, then the kind and the snippet with matches in bold."""
    entry = hit.entry
    snippet = fts.mark(escape(hit.snippet), "<b>", "</b>")
    return (
        f"<b>{escape(entry.id)}&nbsp;&nbsp;{escape(entry.title)}</b><br>"
        f"<i>{escape(kind_label(entry.kind))}</i>"
        f"{' — ' + snippet if snippet else ''}"
    )


def result_text(hit: SearchHit) -> str:
    """The same result as plain text, for screen readers."""
    snippet = hit.snippet_marked("", "")
    return f"{hit.entry.id}  {hit.entry.title}. {kind_label(hit.entry.kind)}. {snippet}"


def count_message(text: str, found: int) -> str:
    words = f"“{text}”"
    if found == 0:
        return f"Nothing matches {words}. Try fewer words, or check the spelling."
    if found >= SEARCH_LIMIT:
        return f"The best {found} matches for {words}. Add a word to narrow them down."
    return f"{found} {'match' if found == 1 else 'matches'} for {words}, best first."


class SearchResults(QWidget):
    """A label saying how many matched, and the list of matches, best first."""

    current_entry_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Number of search results")
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(HtmlDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleName("Search results")
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.view)

    def show_hits(self, text: str, hits: list[SearchHit]) -> None:
        self.model.clear()
        for hit in hits:
            item = QStandardItem(result_text(hit))
            item.setEditable(False)
            item.setData(hit.entry.id, ID_ROLE)
            item.setData(result_html(hit), HTML_ROLE)
            item.setData(result_text(hit), Qt.ItemDataRole.AccessibleTextRole)
            self.model.appendRow(item)
        self.label.setText(count_message(text, len(hits)))

    def entry_ids(self) -> list[str]:
        return [self.model.item(row).data(ID_ROLE) for row in range(self.model.rowCount())]

    def select_first(self) -> None:
        if self.model.rowCount():
            self._select_row(0)

    def select(self, entry_id: str) -> bool:
        """Select the result for ``entry_id``, if it is among the results."""
        ids = self.entry_ids()
        if entry_id not in ids:
            return False
        self._select_row(ids.index(entry_id))
        return True

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)

    def _current_changed(self, current: object, _previous: object) -> None:
        entry_id = current.data(ID_ROLE) if current.isValid() else None  # type: ignore[attr-defined]
        if entry_id:
            self.current_entry_changed.emit(entry_id)
