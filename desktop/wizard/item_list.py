"""The items a step has put in the document so far, one card each, kept in step with the file.

Cards are kept by item id, so an open form survives other edits; only added and removed
items make cards come and go.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from desktop.editing.editor import DocumentEditor
from desktop.wizard.cards import ItemCard
from desktop.wizard.widgets import wrapped
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Item


class ItemList(QWidget):
    problem = Signal(str)
    cards_changed = Signal()  # cards came, went or opened: the tab order needs redoing

    def __init__(
        self,
        editor: DocumentEditor,
        catalogue: Catalogue,
        items: Callable[[], list[Item]],
        empty_text: str,
        openable: bool = True,
        titled: bool = True,
        removable: bool = True,
        parent: QWidget | None = None,
        text_field: str = "",
    ):
        super().__init__(parent)
        self.editor = editor
        self.catalogue = catalogue
        self._items = items
        self.openable = openable
        self.titled = titled
        self.removable = removable
        self.text_field = text_field
        self.cards: dict[str, ItemCard] = {}
        self.empty = wrapped(empty_text, self, italic=True)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.empty)
        self.sync()

    def sync(self) -> None:
        """Add and remove cards so they match the section's items, in order."""
        items = self._items()
        wanted = [item.id for item in items]
        focus = QApplication.focusWidget()
        lost_focus_at: int | None = None
        for item_id in list(self.cards):
            if item_id not in wanted:
                card = self.cards.pop(item_id)
                if focus is not None and card.isAncestorOf(focus):
                    lost_focus_at = self.box.indexOf(card) - 1
                self.box.removeWidget(card)
                card.hide()
                card.deleteLater()
        for position, item_id in enumerate(wanted):
            found = self.cards.get(item_id)
            if found is None:
                card = ItemCard(
                    self.editor,
                    self.catalogue,
                    item_id,
                    openable=self.openable,
                    removable=self.removable,
                    titled=self.titled,
                    parent=self,
                    text_field=self.text_field,
                )
                card.problem.connect(self.problem)
                card.opened.connect(self.cards_changed)
                self.cards[item_id] = card
            else:
                card = found
            if self.box.indexOf(card) != position + 1:
                self.box.removeWidget(card)
                self.box.insertWidget(position + 1, card)
                card.show()
        self.empty.setVisible(not wanted)
        if lost_focus_at is not None:
            self._refocus(lost_focus_at)
        self.cards_changed.emit()

    def _refocus(self, position: int) -> None:
        """A card with the keyboard focus was removed: give it to its neighbour's button."""
        cards = self.ordered_cards()
        if not cards:
            self.setFocus()
            return
        neighbour = cards[min(position, len(cards) - 1)]
        if neighbour.openable:
            neighbour.reword_button.setFocus()
        elif neighbour.remove_button.isVisibleTo(neighbour):
            neighbour.remove_button.setFocus()
        else:
            neighbour.setFocus()

    def card(self, item_id: str) -> ItemCard:
        return self.cards[item_id]

    def ordered_cards(self) -> list[ItemCard]:
        return [self.cards[item.id] for item in self._items() if item.id in self.cards]
