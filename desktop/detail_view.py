"""The detail pane: one entry as a page of text, with links to the entries around it."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.entry_html import LINK_SCHEME


class DetailView(QTextBrowser):
    """Read-only rich text. Links to other entries emit ``entry_link_activated``.

    Nothing is ever loaded from outside: links are not followed by the browser itself and
    every resource request (an image, a style sheet) is answered with nothing.
    """

    entry_link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.document().setDocumentMargin(14)
        self.setAccessibleName("Entry details")
        self.setAccessibleDescription("The full text of the chosen entry and where it comes from.")
        self.anchorClicked.connect(self._anchor_clicked)

    def loadResource(self, _type: int, _name: QUrl | str) -> object:
        return None

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == LINK_SCHEME:
            self.entry_link_activated.emit(url.path())
