"""A cascade block: items in levels, each serving one at the level above (national mission
metric → metro mission → local mission).

The items are one indented table, each shown under the one it serves. A new item is added
under the selected one, straight after that one's own, so the table (and the export) reads
top down. The levels are the choices of the block's level field, top first.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.wizard.block_base import BlockWidget, suggester
from desktop.wizard.blocks_table import GROWN_LINES, make_table
from reformkit.document.guide import CascadeBlock
from reformkit.document.model import Item

if TYPE_CHECKING:
    from desktop.wizard.page import GuidePage


class CascadeWidget(BlockWidget):
    stretchy = True

    def __init__(self, block: CascadeBlock, page: GuidePage, parent: QWidget | None = None):
        super().__init__(page, parent)
        self.block = block
        self.table = make_table(page, block.section, block.item_type, self, name=block.noun)
        model = self.table.model
        self.levels = model.item_type.field(block.level_field).choices
        buttons = QHBoxLayout()
        self.level_buttons: list[QPushButton] = []
        for number, level in enumerate(self.levels):
            name = level.lower()
            if number == 0:
                text = said = f"Add a {name}"
            else:
                text = f"Add a {name} under this"
                said = f"Add a {name} under the selected {self.levels[number - 1].lower()}"
            button = page.button(text, said, partial(self.add_at, number), self)
            self.level_buttons.append(button)
            buttons.addWidget(button)
        buttons.addStretch(1)
        model.depth = self.level_of
        model.choices[block.parent_field] = self._parents_for
        for name, suggestion in block.suggestions.items():
            model.suggestions[name] = suggester(
                suggestion, lambda: self.editor.project.document, self.catalogue
            )
        self.table.add_button.hide()  # items are added in their place, with the buttons above
        self.table.selection_changed.connect(lambda _id: self._update_buttons())
        self.table.rows_changed.connect(self._update_buttons)
        self.table.rows_changed.connect(self.layout_changed)
        self.editor.changed.connect(self._document_changed)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addWidget(self.table, 1)
        self._update_buttons()

    def _document_changed(self, _change: str, _target: str) -> None:
        self._update_buttons()

    def scrolls_with_page(self) -> None:
        self.table.view.max_lines = GROWN_LINES

    def level_of(self, item: Item) -> int:
        level = item.fields.get(self.block.level_field)
        return self.levels.index(level) if level in self.levels else 0

    def _parents_for(self, item: Item | None) -> list[tuple[str, str]]:
        """An item serves one at the level above it."""
        level = self.level_of(item) if item is not None else 1
        if level == 0:
            return []
        above = self.levels[level - 1]
        kind = self.table.model.item_type
        return [
            (other.id, kind.describe(other.fields))
            for other in self.table.model.items()
            if other.fields.get(self.block.level_field) == above
        ]

    def _selected(self) -> Item | None:
        item_id = self.table.selected_item_id()
        return self.editor.project.document.find_item(item_id)[1] if item_id else None

    def _parent_for_new(self, level: int) -> Item | None:
        """The item a new one at ``level`` will serve: the selected one if it is the level
        above, or the selected one's own parent if it is at the same level."""
        selected = self._selected()
        if selected is None or level == 0:
            return None
        if self.level_of(selected) == level - 1:
            return selected
        parent_id = selected.fields.get(self.block.parent_field)
        if self.level_of(selected) == level and parent_id:
            try:
                return self.editor.project.document.find_item(str(parent_id))[1]
            except KeyError:
                return None
        return None

    def _update_buttons(self) -> None:
        writable = not self.editor.read_only
        for level, button in enumerate(self.level_buttons[1:], start=1):
            button.setEnabled(writable and self._parent_for_new(level) is not None)

    def add_at(self, level: int) -> str | None:
        """A new item at ``level``, under the one it serves."""
        parent = self._parent_for_new(level)
        if level and parent is None:
            self.problem.emit(
                f"Select the {self.levels[level - 1].lower()} it serves first, then add it."
            )
            return None
        title = self.table.model.item_type.title_field
        fields = {self.block.level_field: self.levels[level]}
        if title:
            fields[title] = f"New {self.levels[level].lower()}"
        index = None
        if parent is not None:
            fields[self.block.parent_field] = parent.id
            index = self._after_family(parent)
        return self.table.add_row(fields, index=index)

    def _after_family(self, parent: Item) -> int:
        """The section position just after ``parent`` and the items that serve it."""
        section = self.table.model.section()
        assert section is not None
        family = {parent.id}
        position = section.items.index(parent) + 1
        while position < len(section.items):
            item = section.items[position]
            served = item.fields.get(self.block.parent_field)
            if item.type != self.block.item_type or served not in family:
                break
            family.add(item.id)
            position += 1
        return position
