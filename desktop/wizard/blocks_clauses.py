"""A clause block: the catalogue's entries for an item type as cards to use, beside what
the document says so far, each card a form to reword; or, instead of entries, prompts from
other items (rights, when writing managers' commitments). And a button for the user's own."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.wizard.block_base import BlockWidget
from desktop.wizard.cards import OfferCard
from desktop.wizard.item_list import ItemList
from desktop.wizard.offers import offered_entries
from desktop.wizard.table_model import starting_values
from desktop.wizard.widgets import Card, heading, scrolling, wrapped
from reformkit.document.from_catalogue import draft_from_entry
from reformkit.document.guide import ClauseBlock, Prompts, resolve
from reformkit.document.model import Item
from reformkit.document.spec import PARAGRAPH
from reformkit.errors import ReformKitError

if TYPE_CHECKING:
    from desktop.wizard.page import GuidePage


class ClauseWidget(BlockWidget):
    """Use the briefing's words or write your own."""

    stretchy = True

    def __init__(self, block: ClauseBlock, page: GuidePage, parent: QWidget | None = None):
        super().__init__(page, parent)
        self.block = block
        editor, catalogue, noun = self.editor, self.catalogue, page.guide.noun
        spec = editor.project.spec
        self.section_type = spec.section_type(block.section)
        self.item_type = self.section_type.item_type(block.item_type)
        self.offer_cards: dict[str, OfferCard] = {}
        self.prompt_cards: dict[str, Card] = {}

        left = QWidget()
        self.offers_box = QVBoxLayout(left)
        prompts = block.prompts
        if prompts is not None:
            self.offers_box.addWidget(heading(prompts.heading, left))
            self.no_prompts = wrapped(prompts.empty_text, left, italic=True)
            self.offers_box.addWidget(self.no_prompts)
        if block.offers:
            self.offers_box.addWidget(heading("From the briefing and your library", left))
            for entry in offered_entries(catalogue, self.item_type, spec.answers):
                card = OfferCard(entry, noun, left)
                card.use.connect(self.use)
                card.unuse.connect(self.unuse)
                card.use_button.setEnabled(not editor.read_only)
                card.remove_button.setEnabled(not editor.read_only)
                self.offer_cards[entry.id] = card
                self.offers_box.addWidget(card)
        self.offers_box.addStretch(1)

        right = QWidget()
        right_box = QVBoxLayout(right)
        says = block.label or f"What your {noun} says"  # two blocks on a page, two headings
        self.heading = heading(says, right)
        right_box.addWidget(self.heading)
        right_box.addWidget(
            wrapped(
                "These words are a starting point. Press Reword to say each one "
                "the way your team would.",
                right,
            )
        )
        self.list = ItemList(
            editor,
            catalogue,
            self.items,
            "Nothing yet. Use something from the briefing, or write your own.",
            parent=right,
            text_field=block.text_field,
        )
        self.list.problem.connect(self.problem)
        self.list.cards_changed.connect(self.layout_changed)
        right_box.addWidget(self.list)
        label = self.item_type.label.lower()
        self.write_button = page.button(
            block.own_label, f"{block.own_label} {label}", self.write_own, right
        )
        right_box.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignLeft)
        right_box.addStretch(1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.offers_area = scrolling(left, "From the briefing", self.splitter)
        self.document_area = scrolling(right, says, self.splitter)
        self.splitter.addWidget(self.offers_area)
        self.splitter.addWidget(self.document_area)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 1100])  # about half each; the forms get a little more
        if not block.offers and prompts is None:
            # Nothing to offer: no empty half-page beside the list, and the page's spare
            # height goes to a block that offers something (it was squeezed to a sliver).
            self.offers_area.hide()
            self.stretchy = False
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.splitter)
        self.refresh()

    def items(self) -> list[Item]:
        """The clauses in the section (and any paragraphs among them)."""
        document = self.editor.project.document
        section = next((s for s in document.sections if s.key == self.block.section), None)
        if section is None:
            return []
        kinds = {self.block.item_type} | {
            t.name for t in self.section_type.item_types if t.presentation == PARAGRAPH.presentation
        }
        return [i for i in section.items if i.type in kinds]

    def refresh(self) -> None:
        self.list.sync()
        used = {i.source.entry_id for i in self.items() if i.source is not None}
        for entry_id, card in self.offer_cards.items():
            card.set_used(entry_id in used)

    def shown(self) -> None:
        if self.block.prompts is not None:
            self._show_prompts(self.block.prompts)
        self.refresh()

    # Using the briefing's words.
    def use(self, entry_id: str) -> str | None:
        try:
            entry = self.catalogue.get(entry_id)
            section_id = self.page.section_id(self.block.section)
            if section_id is None:
                return None
            section = self.editor.project.document.section(section_id)
            drafted = draft_from_entry(self.section_type, entry, section.tags)
            return self.editor.add_item(
                section_id,
                drafted.item_type.name,
                drafted.fields,
                tags=drafted.tags,
                source=drafted.source,
            )
        except ReformKitError as error:
            self.problem.emit(str(error))
            return None

    def unuse(self, entry_id: str) -> None:
        for item in self.items():
            if item.source is not None and item.source.entry_id == entry_id:
                try:
                    self.editor.remove_item(item.id)
                except ReformKitError as error:
                    self.problem.emit(str(error))
                    return

    # Writing your own.
    def write_own(self) -> str | None:
        fields = resolve(self.block.own_fields, self.editor.project.document, date.today())
        return self._start(fields, self.block.own_edit or self.item_type.title_field)

    def _start(
        self, fields: dict[str, object], edit: str, tags: list[str] | None = None
    ) -> str | None:
        label = self.item_type.label.lower()
        fields = starting_values(self.item_type, fields, label)
        item_id = self.page.add(self.block.section, self.block.item_type, fields, tags=tags)
        if item_id is not None:
            self.list.sync()
            self.list.card(item_id).open_form(edit or None)
        return item_id

    # Prompts from other items.
    def _show_prompts(self, prompts: Prompts) -> None:
        document = self.editor.project.document
        others = [i for _s, i in document.items() if i.type == prompts.item_type]
        for card in self.prompt_cards.values():
            self.offers_box.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.prompt_cards = {}
        for position, other in enumerate(others):
            card = Card()
            title = self._describe(other)
            card.box.addWidget(heading(title, card))
            if prompts.shown_field:
                card.box.addWidget(wrapped(str(other.fields.get(prompts.shown_field) or ""), card))
            button = self.page.button(
                prompts.button_label,
                f"{prompts.button_label}: {title}",
                partial(self.answer, other),
                card,
            )
            card.box.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
            self.offers_box.insertWidget(2 + position, card)
            card.show()
            self.prompt_cards[other.id] = card
        self.no_prompts.setVisible(not others)
        self.layout_changed.emit()

    def _describe(self, item: Item) -> str:
        for section, other in self.editor.project.document.items():
            if other.id == item.id:
                kind = self.editor.project.spec.section_type(section.key).item_type(item.type)
                return kind.describe(item.fields)
        return ""

    def answer(self, other: Item) -> str | None:
        """Start a clause answering ``other`` (a commitment for a right), with its tags."""
        prompts = self.block.prompts
        assert prompts is not None
        fields = resolve(prompts.fields, self.editor.project.document, date.today())
        for mine, theirs in prompts.copy.items():
            fields[mine] = other.fields.get(theirs) or fields.get(mine) or ""
        return self._start(fields, prompts.edit_field, tags=list(other.tags))

    def prompt_button(self, item_id: str) -> QPushButton:
        return self.prompt_cards[item_id].findChild(QPushButton)  # type: ignore[return-value]
