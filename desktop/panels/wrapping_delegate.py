"""Word-wrapped tree rows whose heights are measured once per text, font and width.

A tree with word wrap on asks every row's size each time it lays itself out; measuring
wrapped text is slow, so a list of thousands of findings took about a second to lay out
after each update. The sizes are kept, so a row is measured again only when its words,
font or column width change.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget

_WRAP = int(Qt.TextFlag.TextWordWrap)
_KEPT_AT_MOST = 50_000


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their words at the column's width, so no text is cut short; a
    heading whose first column spans the row wraps at the view's width."""

    def __init__(self, view: QTreeWidget):
        super().__init__(view)
        self.view = view
        self.sizes: dict[tuple[str, str, int, int], QSize] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.view
        top = not index.parent().isValid()
        if index.column() == 0 and top and view.isFirstColumnSpanned(index.row(), index.parent()):
            width = view.viewport().width() - view.indentation()
        else:
            indent = view.indentation() if index.column() == 0 and not top else 0
            width = view.columnWidth(index.column()) - indent
        margin = view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin)
        width -= 2 * margin + 6
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        key = (text, font.key(), width, index.column())
        size = self.sizes.get(key)
        if size is None:
            if len(self.sizes) > _KEPT_AT_MOST:
                self.sizes.clear()
            base = super().sizeHint(option, index)
            box = QFontMetrics(font).boundingRect(QRect(0, 0, max(width, 40), 100_000), _WRAP, text)
            size = self.sizes[key] = QSize(base.width(), max(base.height(), box.height() + 6))
        return size
