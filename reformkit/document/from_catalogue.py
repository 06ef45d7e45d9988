"""Turning a catalogue entry into an item of a document, keeping where it came from.

A right from the briefing dropped into "Rights of staff" becomes a right clause with the
entry's title and words, and a note of the entry and wording it came from (so a later change
to the entry flags the clause for review). The recommendations the catalogue links the entry
to are *suggested* tags, each with its reason, never applied: the user accepts them in the
tag editor. Only a recommendation drawn in itself is tagged with its own number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reformkit.catalogue.entry import Entry
from reformkit.document.model import Source, clean_tags
from reformkit.document.spec import PARAGRAPH, ItemType, SectionType
from reformkit.document.starters import starter_fields
from reformkit.document.tagging import Suggestion, related_suggestions


@dataclass(frozen=True)
class Drafted:
    """What to add: the item type, its fields, tags and source."""

    item_type: ItemType
    fields: dict[str, Any]
    tags: list[str]
    source: Source
    suggested: tuple[Suggestion, ...] = ()  # the entry's links, for the user to accept


def suitable(section_type: SectionType, entry: Entry) -> bool:
    """Whether the section has an item type made for entries of this kind."""
    return any(entry.kind in t.catalogue_kinds for t in section_type.item_types)


def draft_from_entry(
    section_type: SectionType, entry: Entry, section_tags: list[str] | tuple[str, ...] = ()
) -> Drafted:
    item_type = next((t for t in section_type.item_types if entry.kind in t.catalogue_kinds), None)
    suited = item_type is not None
    words = entry.wording
    if item_type is None:
        item_type = (
            PARAGRAPH if PARAGRAPH in section_type.item_types else (section_type.item_types[0])
        )
    fields: dict[str, Any] = {}
    names = item_type.field_names
    if item_type is PARAGRAPH:
        fields["text"] = f"{entry.title}: {words}"
    else:
        title_field = item_type.entry_title_field if suited else item_type.title_field
        if title_field:
            fields[title_field] = entry.title
        if "text" in names and title_field != "text":
            fields["text"] = words
        # What the entry does not say (a member's name, a pot's total) is still to be written.
        fields = {**starter_fields(item_type), **fields}
    # ``section_tags`` are the part's: suggestions too (tagging.part_suggestions), not copied.
    tags = clean_tags([entry.id] if entry.kind == "recommendation" else [])
    suggested = tuple(s for s in related_suggestions(entry) if s.tag not in tags)
    return Drafted(item_type, fields, tags, Source(entry.id, entry.revision), suggested)
