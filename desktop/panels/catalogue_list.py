"""The catalogue panel's list: entries as two-line rows under headings, draggable into a document.

Each entry row holds its id in ``ID_ROLE``; heading rows ("Duties (3)") hold ``HEADING_ROLE``
and cannot be selected, so the arrow keys step over them. A dragged entry carries
``ENTRY_MIME_TYPE`` with its id as UTF-8 bytes, which the document's parts tree accepts.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QStyleOptionViewItem

from desktop.catalogue_tree import ID_ROLE
from desktop.entry_html import kind_label
from desktop.html_delegate import HTML_ROLE, HtmlDelegate
from reformkit.catalogue import fts
from reformkit.catalogue.entry import USER, Entry

ENTRY_MIME_TYPE = "application/x-reformkit-entry"
HEADING_ROLE = Qt.ItemDataRole.UserRole + 20
SUITABLE_ROLE = Qt.ItemDataRole.UserRole + 21

BRIEFING = "The Reform Dividend"
YOUR_LIBRARY = "Your library"
SUGGESTION = "ReformKit suggestion, not from the briefing"
# A translucent green reads on light and dark palettes alike; the row also says it in words.
SUITABLE_TINT = QColor(46, 125, 50, 45)
SUITS = "suits this part"  # said in words: a bare tick reads as "already added"
_PADDING = 6

Index = QModelIndex | QPersistentModelIndex


def origin_label(entry: Entry) -> str:
    """Where an entry comes from, in a few words: the briefing's page, ReformKit's
    suggestion (never given a page), or the user's library; with the briefing's caveat."""
    if entry.origin == USER:
        return YOUR_LIBRARY
    if entry.is_suggestion:
        return SUGGESTION
    where = f"{BRIEFING}, page {entry.page}" if entry.page else BRIEFING
    return f"{where}, {entry.caveat}" if entry.caveat else where


def shown_name(entry: Entry) -> str:
    """An entry as people know it: a recommendation by its number, as the briefing
    numbers them ("R4 …"); anything else by its title alone (never "W2" or "U-4ef5…")."""
    return f"{entry.id} {entry.title}" if entry.kind == "recommendation" else entry.title


def entry_row_html(entry: Entry, snippet: str = "", suits: str = "") -> str:
    """One row: the entry's name in bold; then kind, origin and, in words, whether it suits
    the chosen part (``suits`` is that part's title, or empty)."""
    line = f"{escape(kind_label(entry.kind))} · {escape(origin_label(entry))}"
    # Said in words, with the row's tint; the part's name is in the heading, the tooltip
    # and the Add button, which keeps the row short in a narrow panel.
    fits = f"<br><b>{SUITS.capitalize()}</b>" if suits else ""
    html = f"<b>{escape(shown_name(entry))}</b><br><i>{line}</i>{fits}"
    if snippet:
        html += "<br>" + fts.mark(escape(snippet), "<b>", "</b>")
    return html


def entry_row_text(entry: Entry, snippet: str = "", suits: str = "") -> str:
    """The same row as plain text, for screen readers."""
    text = f"{shown_name(entry)}. {kind_label(entry.kind)}, {origin_label(entry)}."
    if suits:
        text += f" {SUITS.capitalize()}: “{suits}”."
    if snippet:
        text += " " + fts.mark(snippet, "", "")
    return text


class EntryListModel(QStandardItemModel):
    """Headings and entry rows; entry rows can be dragged out as ``ENTRY_MIME_TYPE``."""

    def clear_rows(self) -> None:
        self.removeRows(0, self.rowCount())

    def add_heading(self, text: str) -> None:
        item = QStandardItem(text)
        item.setData(True, HEADING_ROLE)
        item.setData(text, Qt.ItemDataRole.AccessibleTextRole)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable: the arrow keys skip it
        self.appendRow(item)

    def add_entry(self, entry: Entry, snippet: str = "", suits: str = "") -> None:
        text = entry_row_text(entry, snippet, suits)
        item = QStandardItem(text)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        item.setData(entry.id, ID_ROLE)
        item.setData(entry_row_html(entry, snippet, suits), HTML_ROLE)
        item.setData(text, Qt.ItemDataRole.AccessibleTextRole)
        tip = f"{entry.title}\n{origin_label(entry)}"
        item.setToolTip(tip + (f"\n{SUITS.capitalize()}: “{suits}”" if suits else ""))
        if suits:
            item.setData(True, SUITABLE_ROLE)
            item.setData(SUITABLE_TINT, Qt.ItemDataRole.BackgroundRole)
        self.appendRow(item)

    def entry_ids(self) -> list[str]:
        """The ids of the entry rows, top to bottom (an entry may appear twice)."""
        ids = (self.item(row).data(ID_ROLE) for row in range(self.rowCount()))
        return [entry_id for entry_id in ids if entry_id]

    def headings(self) -> list[str]:
        rows = (self.item(row) for row in range(self.rowCount()))
        return [item.text() for item in rows if item.data(HEADING_ROLE)]

    def first_row_of(self, entry_id: str) -> int | None:
        for row in range(self.rowCount()):
            if self.item(row).data(ID_ROLE) == entry_id:
                return row
        return None

    # Dragging.
    def mimeTypes(self) -> list[str]:
        return [ENTRY_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [str(i.data(ID_ROLE)) for i in indexes if i.isValid() and i.data(ID_ROLE)]
        return entry_mime_data(list(dict.fromkeys(ids)))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


def entry_mime_data(entry_ids: Sequence[str]) -> QMimeData:
    """Drag data for entries: their ids (one per line) as UTF-8, and the same as plain text."""
    data = QMimeData()
    payload = "\n".join(entry_ids)
    data.setData(ENTRY_MIME_TYPE, payload.encode("utf-8"))
    data.setText(payload)
    return data


class EntryRowDelegate(HtmlDelegate):
    """Entry rows as HTML (see :class:`HtmlDelegate`); heading rows as a bold band."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not index.data(HEADING_ROLE):
            super().paint(painter, option, index)
            return
        normal = QPalette.ColorGroup.Normal
        painter.save()
        painter.fillRect(option.rect, option.palette.color(normal, QPalette.ColorRole.Button))
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(option.palette.color(normal, QPalette.ColorRole.ButtonText))
        text_rect = option.rect.adjusted(_PADDING, 0, -_PADDING, 0)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text_rect, align, str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if not index.data(HEADING_ROLE):
            return super().sizeHint(option, index)
        font = QFont(option.font)
        font.setBold(True)
        return QSize(100, QFontMetrics(font).height() + 2 * _PADDING)
