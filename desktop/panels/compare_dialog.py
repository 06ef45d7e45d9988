"""A window showing what changed between two versions of a document, side by side."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.panels.compare_html import LEGEND, compare_html, count_line
from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec
from reformkit.document.versions import Change, diff


class CompareDialog(QDialog):
    """Older on the left, newer on the right; changes grouped by section. Not modal, so the
    user can keep editing while it is open."""

    def __init__(
        self,
        older: Document,
        newer: Document,
        spec: DocumentSpec,
        older_label: str,
        newer_label: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.older_label, self.newer_label = older_label, newer_label
        self.changes: list[Change] = diff(older, newer, spec)
        self.setWindowTitle(f"Compare ‘{older_label}’ with ‘{newer_label}’")
        self.setModal(False)
        self.resize(980, 680)

        self.summary_label = QLabel(count_line(self.changes))
        self.summary_label.setAccessibleName("Summary of changes")
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)

        self.view = _Sandboxed()
        self.view.setAccessibleName("Changes, older version on the left, newer on the right")
        order = [
            "Document",
            *(s.title for s in newer.sections),
            *(s.title for s in older.sections),
        ]
        self.html = compare_html(self.changes, older_label, newer_label, order)
        self.view.setHtml(self.html)

        legend = QLabel(LEGEND)
        legend.setAccessibleName("How changes are marked")
        legend.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)
        layout.addWidget(buttons)


class _Sandboxed(QTextBrowser):
    """Read-only rich text that follows no link and loads nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, _kind: int, _url: QUrl | str) -> object:
        return QByteArray(b" ")  # not null, so Qt does not go looking for a file instead
