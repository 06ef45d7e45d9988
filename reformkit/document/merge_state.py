"""The state a merge carries, and the lookups its part and item passes share."""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from reformkit.document.fields import LONG_TEXT, TEXT
from reformkit.document.merge_values import OURS, POSITION, Outcome, Resolution, reordered
from reformkit.document.model import Document, Item, Section
from reformkit.document.spec import DocumentSpec, DocumentSpecError


@dataclass(frozen=True)
class ItemPlace:
    """Where an item stands in one version: its part, and its index among the part's items."""

    section: Section
    index: int
    item: Item


def _places(sections: Iterable[Section]) -> dict[str, ItemPlace]:
    return {i.id: ItemPlace(s, n, i) for s in sections for n, i in enumerate(s.items)}


class MergeState:
    """The three documents, their indexes, and what the passes decide for later."""

    def __init__(
        self,
        ours: Document,
        base: Sequence[Section],
        theirs: Document,
        spec: DocumentSpec,
        partner: str,
        choices: Mapping[str, Resolution],
        pending: Collection[str] = (),
    ):
        self.pending = frozenset(pending)  # unsettled last time: differences stay conflicts
        self.ours, self.base, self.theirs = ours, list(base), theirs
        self.spec, self.partner, self.choices = spec, partner, choices
        self.outcome = Outcome(copy.deepcopy(ours))
        self.merged = self.outcome.merged
        # Each version's parts by id, and where each item stands in it, by item id.
        self.base_parts = {s.id: s for s in self.base}
        self.our_parts = {s.id: s for s in ours.sections}
        self.their_parts = {s.id: s for s in theirs.sections}
        self.base_items, self.our_items, self.their_items = (
            _places(self.base),
            _places(ours.sections),
            _places(theirs.sections),
        )
        # Per part: the items each side put in a different order from the one sent.
        self.moved_by_us = {
            s: reordered(self.base_parts[s], self.our_parts[s])
            for s in self.base_parts
            if s in self.our_parts
        }
        self.moved_by_them = {
            s: reordered(self.base_parts[s], self.their_parts[s])
            for s in self.base_parts
            if s in self.their_parts
        }
        self.held: set[str] = set()  # items whose place a whole-part conflict decides
        self.to_place: dict[str, Item | None] = {}  # placed as in the package; Item if new
        self.drop_parts: list[str] = []
        self.restore_parts: list[str] = []

    # Helpers.
    def resolution(self, conflict_id: str) -> Resolution:
        return self.choices.get(conflict_id, OURS)

    def merged_item(self, item_id: str) -> tuple[Section, Item] | None:
        for section in self.merged.sections:
            for item in section.items:
                if item.id == item_id:
                    return section, item
        return None

    def merged_section(self, section_id: str) -> Section | None:
        return next((s for s in self.merged.sections if s.id == section_id), None)

    def label(self, section: Section, item: Item) -> str:
        try:
            item_type = self.spec.section_type(section.key).item_type(item.type)
        except DocumentSpecError:
            return item.type
        return f"{item_type.label}: {item_type.describe(item.fields) or '(empty)'}"

    def key_label(self, section: Section, item: Item, key: str) -> tuple[str, bool]:
        if key == "tags":
            return "Recommendations", False
        if key == "needs_review":
            return "Needs review", False
        if key == POSITION:
            return "Place", False
        try:
            spec_field = self.spec.section_type(section.key).item_type(item.type).field(key)
        except (DocumentSpecError, KeyError):
            return key, False
        return spec_field.label, spec_field.type in (TEXT, LONG_TEXT)

    def place_changed(
        self, side: dict[str, ItemPlace], moved: dict[str, set[str]], item_id: str
    ) -> bool:
        """Whether one side moved the item to another part or reordered it in its part."""
        before, now = self.base_items[item_id], side[item_id]
        return now.section.id != before.section.id or item_id in moved.get(before.section.id, set())

    def position_text(self, where: ItemPlace | None) -> str:
        if where is None:
            return ""
        if where.index == 0:
            return f"first in '{where.section.title}'"
        before = where.section.items[where.index - 1]
        return f"in '{where.section.title}', after {self.label(where.section, before)}"

    @staticmethod
    def predecessor(section: Section, item_id: str, among: set[str]) -> str:
        last = ""
        for item in section.items:
            if item.id == item_id:
                return last
            if item.id in among:
                last = item.id
        return last
