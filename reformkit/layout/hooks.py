"""What the layout engine asks of a kind's hooks: the line under each item, a kind's own
layout of a part, and which parts belong to an attached record (a workshop's, in a charter).

Kept apart from :mod:`reformkit.layout.engine` so that both the engine and its appendices
number the sections the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reformkit.document.model import Document, Section
from reformkit.document.spec import DocumentSpec
from reformkit.layout.blocks import Block, Heading, ShownElsewhere


def section_numbers(document: Document, spec: DocumentSpec) -> dict[str, str]:
    """Each numbered section's number by its id: the document's own parts in order, leaving
    out those a kind shows under another and an attached record's (in their appendix)."""
    own, _ = split(document, spec)
    numbers: dict[str, str] = {}
    for section in own:
        if not any(isinstance(b, ShownElsewhere) for b in own_layout(document, section, spec)):
            numbers[section.id] = str(len(numbers) + 1)
    return numbers


def item_notes(document: Document, spec: DocumentSpec) -> Mapping[str, str]:
    """The line each item shows under it (where it came from), by item id."""
    return dict(spec.item_notes(document)) if spec.item_notes is not None else {}


def own_layout(document: Document, section: Section, spec: DocumentSpec) -> list[Any]:
    """The blocks the section's kind lays it out as, or ``[]`` to leave it to the engine."""
    hook = spec.section_layout
    return list(hook(document, section)) if hook is not None else []


def attached_keys(spec: DocumentSpec) -> frozenset[str]:
    """The section types an attachable kind (a workshop record) adds to this kind."""
    return frozenset(t.key for t in spec.attached_section_types)


def split(document: Document, spec: DocumentSpec) -> tuple[list[Section], list[Section]]:
    """The document's own sections, and those of a record attached to it."""
    keys = attached_keys(spec)
    own = [s for s in document.sections if s.key not in keys]
    return own, [s for s in document.sections if s.key in keys]


def one_level_down(blocks: Sequence[Block], anchor: str) -> list[Block]:
    """A section's blocks for the appendix: its own heading (the first block) at level 2,
    unnumbered, and every heading after it one level further down."""
    moved: list[Block] = []
    for count, block in enumerate(blocks):
        if isinstance(block, Heading):
            if count == 0:
                block = Heading(2, block.text, "", anchor)
            else:
                block = Heading(min(block.level + 1, 6), block.text, block.number, block.anchor)
        moved.append(block)
    return moved
