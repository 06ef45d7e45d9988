"""Table blocks: the items of one type as an editable table, with the buttons that add
ready-made rows (presets, catalogue starters, a catalogue offer), and two tables side by
side, one for each value of a field (needs and assets)."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.wizard.block_base import BlockWidget, suggester
from desktop.wizard.table_editor import ItemTableEditor
from desktop.wizard.widgets import heading
from reformkit.document.from_catalogue import draft_from_entry
from reformkit.document.guide import Preset, Starter, TableBlock, TwoListsBlock, resolve
from reformkit.errors import ReformKitError

if TYPE_CHECKING:
    from desktop.wizard.page import GuidePage

GROWN_LINES = 60  # a table on a scrolling page grows this far before it scrolls itself


def make_table(
    page: GuidePage, key: str, item_type: str, parent: QWidget, label: str = "", **options: Any
) -> ItemTableEditor:
    """A table of a section's items of a type, known to the page by ``label`` or ``key``."""
    section_id = page.section_id(key)
    assert section_id is not None  # a read-only document missing the section gets no blocks
    table = ItemTableEditor(
        page.editor, section_id, item_type, parent, catalogue=page.catalogue, **options
    )
    table.problem.connect(page.problem)
    page.tables[label or key] = table
    return table


class TableWidget(BlockWidget):
    stretchy = True

    def __init__(self, block: TableBlock, page: GuidePage, parent: QWidget | None = None):
        super().__init__(page, parent)
        self.block = block
        today = date.today()
        document = self.editor.project.document
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        if block.label:
            box.addWidget(heading(block.label, self))
        self.extra = QHBoxLayout()
        box.addLayout(self.extra)
        self.table = make_table(
            page,
            block.section,
            block.item_type,
            self,
            block.label,
            name=block.noun,
            defaults=resolve(block.defaults, document, today),
        )
        self.table.rows_changed.connect(self.layout_changed)
        model = self.table.model
        model.exclusive = block.exclusive
        for name, suggestion in block.suggestions.items():
            model.suggestions[name] = suggester(
                suggestion, lambda: self.editor.project.document, self.catalogue
            )
        self.preset_buttons: dict[str, QPushButton] = {}
        self.starter_buttons: dict[str, QPushButton] = {}
        self.offer_choice: QComboBox | None = None
        self.offer_button: QPushButton | None = None
        self._presets()
        self._starters()
        self._offer()
        if self.extra.count():
            self.extra.addStretch(1)
        box.addWidget(self.table, 1)
        self.refresh()

    def scrolls_with_page(self) -> None:
        self.table.view.max_lines = GROWN_LINES

    # Presets: ready-made rows.
    def _presets(self) -> None:
        if not self.block.presets:
            return
        self.extra.addWidget(QLabel("Start from:", self))
        title = self.table.model.item_type.title_field
        for preset in self.block.presets:
            said = preset.fields.get(title, preset.label)
            button = self.page.button(
                preset.label,
                f"Add the {self.block.noun}: {said}",
                partial(self.add_preset, preset),
                self,
            )
            self.preset_buttons[preset.label] = button
            self.extra.addWidget(button)

    def add_preset(self, preset: Preset) -> str | None:
        fields = resolve(preset.fields, self.editor.project.document, date.today())
        return self.table.add_row(fields, edit=preset.edit_field)

    # Starters: rows drawn from catalogue entries, their source kept.
    def _starters(self) -> None:
        if not self.block.starters:
            return
        self.extra.addWidget(QLabel("Start from the briefing:", self))
        for starter in self.block.starters:
            button = self.page.button(
                starter.label,
                f"Start a {self.block.noun} for {starter.label.lower()}, as the briefing suggests",
                partial(self.start_from, starter),
                self,
            )
            self.starter_buttons[starter.entry_id] = button
            self.extra.addWidget(button)

    def start_from(self, starter: Starter | str) -> str | None:
        if isinstance(starter, str):
            starter = next(s for s in self.block.starters if s.entry_id == starter)
        try:
            entry = self.catalogue.get(starter.entry_id)
        except ReformKitError as error:
            self.problem.emit(str(error))
            return None
        fields = resolve(starter.fields, self.editor.project.document, date.today())
        if starter.wording_field:
            fields[starter.wording_field] = entry.wording
        tags, source = self.page.drawn_from(entry.id, self.block.section)
        return self.table.add_row(fields, tags=tags, source=source, edit=starter.edit_field)

    # An offer: a row for a catalogue entry chosen from a list.
    def _offer(self) -> None:
        offer = self.block.offer
        if offer is None:
            return
        self.offer_choice = QComboBox(self)
        self.offer_choice.setAccessibleName(f"A {offer.kind} from the briefing")
        for entry in self.catalogue.entries(offer.kind):
            if not offer.related or offer.related in entry.related:
                self.offer_choice.addItem(entry.title, entry.id)
        label = QLabel(offer.label, self)
        label.setBuddy(self.offer_choice)
        self.offer_button = self.page.button(
            "Add", f"Add a {self.block.noun} for this {offer.kind}", self.add_offered, self
        )
        self.extra.addWidget(label)
        self.extra.addWidget(self.offer_choice)
        self.extra.addWidget(self.offer_button)

    def add_offered(self, entry_id: str | None = None) -> str | None:
        """A new row for a catalogue entry (the one chosen, unless given), its source kept;
        an entry whose title claims the exclusive flag takes it if no row has it yet."""
        offer, block = self.block.offer, self.block
        assert offer is not None and self.offer_choice is not None
        entry_id = entry_id or str(self.offer_choice.currentData())
        try:
            entry = self.catalogue.get(entry_id)
        except ReformKitError as error:
            self.problem.emit(str(error))
            return None
        section = self.table.model.section()
        section_type = self.editor.project.spec.section_type(block.section)
        drafted = draft_from_entry(section_type, entry, section.tags if section else [])
        fields = resolve(offer.fields, self.editor.project.document, date.today())
        fields[offer.title_field] = entry.title
        if offer.claims_exclusive and block.exclusive:
            taken = any(i.fields.get(block.exclusive) for i in self.table.model.items())
            fields[block.exclusive] = offer.claims_exclusive in entry.title and not taken
        return self.table.add_row(
            fields, tags=drafted.tags, source=drafted.source, edit=offer.edit_field
        )

    def refresh(self) -> None:
        writable = not self.editor.read_only
        items = self.table.model.items()
        title = self.table.model.item_type.title_field
        names = {str(i.fields.get(title)) for i in items}
        for preset in self.block.presets:
            taken = preset.fields.get(title) in names
            self.preset_buttons[preset.label].setEnabled(writable and not taken)
        used = {i.source.entry_id for i in items if i.source is not None}
        for entry_id, button in self.starter_buttons.items():
            button.setEnabled(writable and entry_id not in used)
            button.setToolTip(f"Already in the {self.page.guide.noun}." if entry_id in used else "")


class SideBySide(QWidget):
    """Two columns side by side, or one above the other when there is no room (a small
    screen, or large text)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < 84 * self.fontMetrics().horizontalAdvance("M")
        wanted = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)


class TwoListsWidget(BlockWidget):
    """Two tables, one for each value of a field (needs and assets, barriers and enablers)."""

    stretchy = True

    def __init__(self, block: TwoListsBlock, page: GuidePage, parent: QWidget | None = None):
        super().__init__(page, parent)
        self.tables: list[ItemTableEditor] = []
        both = SideBySide(self)
        for value in block.values:
            column = QWidget(both)
            box = QVBoxLayout(column)
            box.setContentsMargins(0, 0, 0, 0)
            plural = f"{value}s"
            box.addWidget(heading(plural, column))
            table = make_table(
                page,
                block.section,
                block.item_type,
                column,
                label=plural,
                fixed={block.field: value},
                name=value.lower(),
                compact=True,
            )
            table.rows_changed.connect(self.layout_changed)
            self.tables.append(table)
            box.addWidget(table, 1)
            both.box.addWidget(column, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(both)

    def scrolls_with_page(self) -> None:
        for table in self.tables:
            table.view.max_lines = GROWN_LINES
