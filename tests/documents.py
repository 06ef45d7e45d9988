"""Helpers and hypothesis strategies that build charters and plans for tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from charter import CHARTER
from plans import PLAN
from reformkit.document.fields import (
    CHOICE,
    DATE,
    FLAG,
    INTEGER,
    LONG_TEXT,
    MONEY,
    REFERENCE,
    TEXT,
    TEXT_LIST,
    Field,
)
from reformkit.document.model import Document, Item, Meta, Section, Source
from reformkit.document.spec import DocumentKinds, DocumentSpec, ItemType
from workshop.kind import WORKSHOP

KINDS = DocumentKinds([CHARTER, PLAN, WORKSHOP])

# Any text at all, including control characters, emoji and right-to-left script.
any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40
) | st.sampled_from(["", "مرحبا بالعالم", "👩‍⚕️ care", "line\nbreak", "\x00\x07\x1b[31m"])
some_text = any_text.filter(lambda s: bool(s.strip()))
tags = st.lists(st.integers(1, 22), max_size=4, unique=True).map(
    lambda ns: [f"R{n}" for n in sorted(ns)]
)
timestamps = st.datetimes().map(lambda d: d.isoformat(timespec="seconds"))


def field_value(field: Field) -> st.SearchStrategy[Any]:
    if field.type == REFERENCE:
        return st.just("")  # links between generated items are tested on their own
    if field.type in (TEXT, LONG_TEXT):
        return some_text if field.required else any_text
    value: st.SearchStrategy[Any]
    if field.type == DATE:
        value = st.dates().map(lambda d: d.isoformat())
    elif field.type == MONEY:
        value = st.decimals(0, 10**12, places=2).map(lambda d: str(d.quantize(d.__class__("0.01"))))
    elif field.type == INTEGER:
        value = st.integers(0, 10**9)
    elif field.type == CHOICE:
        value = st.sampled_from(field.choices)
    elif field.type == FLAG:
        return st.booleans()
    elif field.type == TEXT_LIST:
        return st.lists(some_text, max_size=3)
    else:
        raise AssertionError(field.type)
    return value if field.required else st.none() | value


@st.composite
def items(draw: st.DrawFn, item_type: ItemType) -> Item:
    fields = {f.name: draw(field_value(f)) for f in item_type.fields}
    source = draw(
        st.none()
        | st.builds(
            Source,
            st.sampled_from(["R18", "D1", "P3", "U-1"]),
            st.text("0123456789abcdef", min_size=16, max_size=16),
        )
    )
    return Item(
        type=item_type.name,
        fields=item_type.clean(fields),
        tags=draw(tags),
        source=source,
        needs_review=draw(st.booleans()),
        author=draw(any_text),
        created=draw(timestamps),
        modified=draw(timestamps),
    )


@st.composite
def documents(draw: st.DrawFn, spec: DocumentSpec | None = None) -> Document:
    spec = spec or draw(st.sampled_from([CHARTER, PLAN]))
    meta = Meta(
        title=draw(some_text),
        organisation=draw(any_text),
        authors=draw(st.lists(any_text, max_size=3)),
        created=draw(timestamps),
        modified=draw(timestamps),
        catalogue_version="2024.12.1",
        app_version="0.1.0",
    )
    sections = []
    for section_type in draw(st.lists(st.sampled_from(spec.all_section_types), max_size=6)):
        section = Section(
            key=section_type.key,
            title=draw(some_text),
            intro=draw(any_text),
            tags=draw(tags),
            owner=draw(any_text),
        )
        for item_type in draw(st.lists(st.sampled_from(section_type.item_types), max_size=3)):
            section.items.append(draw(items(item_type)))
        sections.append(section)
    return Document(spec.kind, meta, sections)
