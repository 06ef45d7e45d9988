"""A list delegate that draws each row's text as a small piece of HTML (for bold matches)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

HTML_ROLE = Qt.ItemDataRole.UserRole + 10

_PADDING = 6

Index = QModelIndex | QPersistentModelIndex


class HtmlDelegate(QStyledItemDelegate):
    """Draws ``HTML_ROLE`` as rich text; the plain display text stays for screen readers."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        style = options.widget.style() if options.widget else QApplication.style()
        document = self._document(options, index)

        options.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)

        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, options.palette.color(role))

        painter.save()
        painter.translate(options.rect.left() + _PADDING, options.rect.top() + _PADDING)
        clip = QRectF(0, 0, options.rect.width() - _PADDING, options.rect.height() - _PADDING)
        painter.setClipRect(clip)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        document = self._document(options, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2 * _PADDING)

    def _document(self, options: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(options.font)
        document.setDocumentMargin(0)
        width = options.rect.width()
        viewport = getattr(options.widget, "viewport", None)
        if viewport is not None:
            width = viewport().width()
        document.setTextWidth(max(width - 2 * _PADDING, 100))
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        return document
