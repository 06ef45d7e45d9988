"""What every block widget is, and the suggestions a block's fields can offer.

A block widget is one part of a step's page, built from one block of the kind's guide
(:mod:`reformkit.document.guide`). It edits through the page's DocumentEditor, says its
problems through ``problem``, and says when its controls come and go so Tab can follow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from reformkit.catalogue.store import Catalogue
from reformkit.document.guide import CatalogueTitles, Choices, Suggestion, TitlesOf
from reformkit.document.model import Document

if TYPE_CHECKING:
    from desktop.wizard.page import GuidePage


class BlockWidget(QWidget):
    """One block of a step's page."""

    problem = Signal(str)
    layout_changed = Signal()  # controls came or went: the tab order needs redoing
    stretchy: bool = False  # takes the page's spare height when it is alone (per widget)

    def __init__(self, page: GuidePage, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.editor = page.editor
        self.catalogue = page.catalogue

    def refresh(self) -> None:
        """Show what the file now says (tables and forms follow the file by themselves)."""

    def shown(self) -> None:
        """The page has become the current step."""
        self.refresh()

    def scrolls_with_page(self) -> None:
        """The block shares a scrolling page with others: its tables grow, not scroll."""


def suggester(
    suggestion: Suggestion, document: Callable[[], Document], catalogue: Catalogue
) -> Callable[[], list[str]]:
    """A function giving the values to suggest, read afresh each time a cell opens."""
    if isinstance(suggestion, Choices):
        values = list(suggestion.values)
        return lambda: list(values)
    if isinstance(suggestion, TitlesOf):
        return lambda: titles_of(document(), suggestion)
    return lambda: catalogue_titles(catalogue, suggestion)


def titles_of(document: Document, suggestion: TitlesOf) -> list[str]:
    """The values of a field across the document's items of a type (the Board's names)."""
    names: list[str] = []
    for _section, item in document.items():
        if item.type != suggestion.item_type:
            continue
        name = str(item.fields.get(suggestion.field) or "").strip()
        if name and name not in names:
            names.append(name)
    return names


def catalogue_titles(catalogue: Catalogue, suggestion: CatalogueTitles) -> list[str]:
    return [
        entry.title
        for entry in catalogue.entries(suggestion.kind)
        if not suggestion.related or suggestion.related in entry.related
    ]
