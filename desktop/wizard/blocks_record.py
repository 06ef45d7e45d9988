"""A record block: the one record of an item type in a section, as a form, or a button that
starts it (the scope, the review date, the Innovation Zone, the single pot)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.wizard.block_base import BlockWidget
from desktop.wizard.parts import RecordCard
from desktop.wizard.widgets import heading
from reformkit.document.guide import RecordBlock, Value, resolve

if TYPE_CHECKING:
    from desktop.wizard.page import GuidePage


class RecordSlot(QWidget):
    """The one record of a type in a section, as a form, or a button to start it."""

    def __init__(
        self,
        page: GuidePage,
        key: str,
        item_type: str,
        start_text: str,
        create: Callable[[], str | None],
        parent: QWidget | None = None,
        removable: bool = True,
    ):
        super().__init__(parent)
        self.page = page
        self.key = key
        self.item_type = item_type
        self.removable = removable
        self._create = create
        self.card: RecordCard | None = None
        self.start_button = page.button(start_text, start_text, self.start, self)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        page.editor.changed.connect(self._document_changed)
        self.sync()

    def _document_changed(self, _change: str, _target: str) -> None:
        self.sync()

    def item_id(self) -> str | None:
        items = self.page.items(self.key, self.item_type)
        return items[0].id if items else None

    def sync(self) -> None:
        wanted = self.item_id()
        if self.card is not None and self.card.item_id != wanted:
            self.box.removeWidget(self.card)
            self.card.hide()
            self.card.deleteLater()
            self.card = None
        if self.card is None and wanted is not None:
            editor, catalogue = self.page.editor, self.page.catalogue
            self.card = RecordCard(editor, catalogue, wanted, self, removable=self.removable)
            self.card.problem.connect(self.page.problem)
            self.box.addWidget(self.card)
        self.start_button.setVisible(wanted is None)

    def start(self, focus: bool = True) -> str | None:
        item_id = self._create()
        self.sync()
        if self.card is not None and focus:
            first = next(iter(self.card.form.widgets.values()))
            first.widget.setFocus()
        return item_id


def create_record(
    page: GuidePage, key: str, item_type: str, defaults: dict[str, Value], source: str
) -> str | None:
    """A new record with its defaults, drawn from catalogue entry ``source`` if it is there."""
    fields = resolve(defaults, page.editor.project.document, date.today())
    tags, drawn = page.drawn_from(source, key) if source else (None, None)
    return page.add(key, item_type, fields, tags=tags, source=drawn)


class RecordWidget(BlockWidget):
    def __init__(self, block: RecordBlock, page: GuidePage, parent: QWidget | None = None):
        super().__init__(page, parent)
        self.block = block
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        if block.label:
            box.addWidget(heading(block.label, self))
        self.slot = RecordSlot(
            page,
            block.section,
            block.item_type,
            block.start_label,
            self.start_record,
            self,
            removable=block.removable,
        )
        box.addWidget(self.slot)

    def start_record(self) -> str | None:
        block = self.block
        return create_record(
            self.page, block.section, block.item_type, dict(block.defaults), block.source
        )

    def shown(self) -> None:
        if self.block.auto_start and self.slot.item_id() is None and not self.editor.read_only:
            self.slot.start(focus=False)
            self.layout_changed.emit()
        self.refresh()

    def refresh(self) -> None:
        self.slot.sync()
