"""A copy of a document that a worker thread may read while the user goes on editing.

Edits replace an item's fields and tags with new values and change sections and the
metadata attribute by attribute; they never reach into a copy. So a copy of the structure
(every section, item, their lists and field mappings) is enough: the strings, numbers and
catalogue sources inside are shared, as they are never changed in place.
"""

from __future__ import annotations

import copy
from typing import Protocol

from reformkit.document.model import Document, Item, Section


class _Signal(Protocol):
    def connect(self, slot: object) -> object: ...


class _Project(Protocol):
    document: Document


class _Editor(Protocol):
    """What of a DocumentEditor is needed: its document and the signal it sends on change."""

    @property
    def project(self) -> _Project: ...

    @property
    def changed(self) -> _Signal: ...


class _Held:
    """The snapshot of one editor's document, dropped when the editor says it changed."""

    def __init__(self, editor: _Editor):
        self.live: Document | None = None
        self.copy: Document | None = None
        editor.changed.connect(self.drop)

    def drop(self, *_: object) -> None:
        self.live = self.copy = None


def shared_snapshot(editor: _Editor) -> Document:
    """One snapshot per edit, shared by every panel that works on a worker thread (the
    checks, the coverage, the preview), so a change is copied once, not once a panel.
    Read-only: nobody may change it."""
    held = getattr(editor, "_shared_snapshot", None)
    if not isinstance(held, _Held):
        held = _Held(editor)
        editor._shared_snapshot = held  # type: ignore[attr-defined]
    live = editor.project.document
    if held.copy is None or held.live is not live:
        held.live, held.copy = live, snapshot(live)
    return held.copy


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
