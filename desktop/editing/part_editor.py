"""The editor beside the parts tree: the form for whichever part is selected.

The document's details, a section, or an item each have their own form; all of them write
through the DocumentEditor as the person types, and show the stored values again after undo.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QWidget

from desktop.editing.details_form import DetailsForm
from desktop.editing.editor import DocumentEditor
from desktop.editing.open_editors import commit_open_editors
from desktop.editing.part_item_page import ItemPage
from desktop.editing.section_form import SectionForm
from reformkit.catalogue.store import Catalogue

NOTHING_CHOSEN = "Choose a part of the document on the left to edit it."
REMOVED = "This part was removed."
READ_ONLY = "This document is open read-only. You can read it here but not change it."


class PartEditor(QStackedWidget):
    def __init__(self, editor: DocumentEditor, catalogue: Catalogue, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.catalogue = catalogue
        self.setAccessibleName("Part editor")
        self.shown: tuple[str, str] | None = None
        self.form: QWidget | None = None
        self.message = QLabel(NOTHING_CHOSEN, self)
        self.message.setAccessibleName("Part editor message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMargin(24)
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_scroll.setAccessibleName("Part form")
        self.addWidget(self.message)
        self.addWidget(self.form_scroll)
        editor.changed.connect(self._document_changed)

    def show_part(self, kind: str, part_id: str) -> None:
        """Show the form for a part: kind is "document", "section" or "item"."""
        commit_open_editors(self)  # the part shown now keeps what was typed in its cells
        self.shown = (kind, part_id)
        if not self._exists(kind, part_id):
            self._show_message(REMOVED)
            return
        if kind == "document":
            form: QWidget = DetailsForm(self.editor)
        elif kind == "section":
            form = SectionForm(self.editor, self.catalogue, part_id)
        else:
            form = ItemPage(self.editor, self.catalogue, part_id)
        if self.editor.read_only:
            form.setToolTip(READ_ONLY)
        self._replace(form)
        self.setCurrentWidget(self.form_scroll)

    def clear(self) -> None:
        """Show nothing (no part is selected)."""
        self.shown = None
        self._show_message(NOTHING_CHOSEN)

    def _replace(self, form: QWidget | None) -> None:
        old = self.form_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form = form
        if form is not None:
            self.form_scroll.setWidget(form)

    def _show_message(self, text: str) -> None:
        self._replace(None)
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    def _exists(self, kind: str, part_id: str) -> bool:
        document = self.editor.project.document
        if kind == "document":
            return True
        try:
            if kind == "section":
                document.section(part_id)
            else:
                document.find_item(part_id)
        except KeyError:
            return False
        return True

    def _document_changed(self, change: str, target: str) -> None:
        if self.shown is None:
            return
        kind, part_id = self.shown
        if change.endswith("-removed") and self.form is not None:
            if not self._exists(kind, part_id):
                self._show_message(REMOVED)
        elif change.endswith("-added") and self.form is None and self._exists(kind, part_id):
            self.show_part(kind, part_id)  # undo brought it back
