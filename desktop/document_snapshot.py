"""A copy of a document that a worker thread may read while the user goes on editing.

Edits replace an item's fields and tags with new values and change sections and the
metadata attribute by attribute; they never reach into a copy. So a copy of the structure
(every section, item, their lists and field mappings) is enough: the strings, numbers and
catalogue sources inside are shared, as they are never changed in place.
"""

from __future__ import annotations

import copy

from reformkit.document.model import Document, Item, Section


def snapshot(document: Document) -> Document:
    """The document as it stands now, safe to read on another thread."""
    meta = copy.copy(document.meta)
    meta.authors = list(meta.authors)
    return Document(document.kind, meta, [_section(s) for s in document.sections])


def _section(section: Section) -> Section:
    return Section(
        key=section.key,
        title=section.title,
        intro=section.intro,
        tags=list(section.tags),
        items=[_item(i) for i in section.items],
        id=section.id,
        owner=section.owner,
    )


def _item(item: Item) -> Item:
    copied: Item = object.__new__(Item)
    copied.__dict__.update(item.__dict__)
    copied.fields = {k: list(v) if type(v) is list else v for k, v in item.fields.items()}
    copied.tags = list(item.tags)
    return copied
