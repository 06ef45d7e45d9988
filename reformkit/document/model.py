"""A charter or plan in memory: metadata, sections, and the items in each section.

Every section and item has a stable id (a UUID), so copies of one document edited on
different laptops can be compared and merged record by record.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from reformkit.errors import ReformKitError

RECOMMENDATION_COUNT = 22
_TAG = re.compile(r"^\s*[Rr]?\s*#?(\d{1,3})\s*$")


class TagError(ReformKitError, ValueError):
    """A recommendation id that is not one of the 22."""


def new_id() -> str:
    return str(uuid.uuid4())


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def clean_tags(tags: Any) -> list[str]:
    """Return recommendation ids as ``R1``…``R22``, in number order, without repeats."""
    if isinstance(tags, str):
        tags = [t for t in re.split(r"[,\s]+", tags) if t]
    if not isinstance(tags, list | tuple):
        raise TagError("Recommendation tags must be a list such as R4, R18.")
    numbers = set()
    for tag in tags:
        match = _TAG.match(str(tag))
        number = int(match.group(1)) if match else 0
        if not 1 <= number <= RECOMMENDATION_COUNT:
            raise TagError(f"'{tag}' is not one of the briefing's recommendations. Use R1 to R22.")
        numbers.add(number)
    return [f"R{n}" for n in sorted(numbers)]


@dataclass
class Source:
    """The catalogue entry an item was drawn from, and the wording it had then."""

    entry_id: str
    revision: str


@dataclass
class Item:
    type: str
    fields: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    source: Source | None = None
    needs_review: bool = False
    author: str = ""
    created: str = field(default_factory=now)
    modified: str = field(default_factory=now)


@dataclass
class Section:
    key: str
    title: str
    intro: str = ""
    tags: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    owner: str = ""  # the partner or person who writes this part


@dataclass
class Meta:
    title: str
    organisation: str = ""
    authors: list[str] = field(default_factory=list)
    language: str = "en-GB"
    created: str = field(default_factory=now)
    modified: str = field(default_factory=now)
    catalogue_version: str = ""
    app_version: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Document:
    kind: str
    meta: Meta
    sections: list[Section] = field(default_factory=list)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def find_item(self, item_id: str) -> tuple[Section, Item]:
        """The item with ``item_id`` and the part holding it, through an index of every item.

        Each keystroke looks its item up, and walking a thousand-section plan for it took
        milliseconds. The index is not kept in step by the edits (sections and items are
        plain lists, changed in many places): it holds each item's place (which part, which
        row), used only while the item at that place still has the id, and is made again on
        a miss.
        """
        known: dict[str, tuple[int, int]] = self.__dict__.get("_item_index", {})
        place = known.get(item_id)
        if place is not None:
            found = _at(self, item_id, *place)
            if found is not None:
                return found
        index: dict[str, tuple[int, int]] = {}
        for s, section in enumerate(self.sections):
            for i, item in enumerate(section.items):
                index.setdefault(item.id, (s, i))
        self.__dict__["_item_index"] = index  # a new dict: a copy of the document keeps its own
        if item_id in index:
            s, i = index[item_id]
            return self.sections[s], self.sections[s].items[i]
        raise KeyError(item_id)

    def items(self) -> list[tuple[Section, Item]]:
        return [(section, item) for section in self.sections for item in section.items]


def _at(document: Document, item_id: str, s: int, i: int) -> tuple[Section, Item] | None:
    """The item at an index entry's place, if it is still the one with ``item_id``."""
    sections = document.sections
    if s < len(sections) and i < len(sections[s].items):
        section = sections[s]
        item = section.items[i]
        if item.id == item_id:
            return section, item
    return None
