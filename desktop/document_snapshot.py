"""A copy of a document that a worker thread may read while the user goes on editing.

Edits replace an item's fields and tags with new values and change sections and the
metadata attribute by attribute; they never reach into a copy. So a copy of the structure
(every section, item, their lists and field mappings) is enough: the strings, numbers and
catalogue sources inside are shared, as they are never changed in place.

The coverage of a snapshot is worked out once for every panel (:func:`shared_coverage`).

Copying every item of a thousand-section plan took 40-70 ms on the UI thread after each
edit; so a snapshot keeps the copies it made, and the next one reuses an item's copy while
the item still equals it (one comparison of their attributes, made in C). An edit made in
place shows as a difference just as well: the copy holds its own lists and mappings.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Sequence
from typing import Protocol

from reformkit.catalogue.entry import Entry
from reformkit.document.coverage import CoverageRow, coverage
from reformkit.document.model import Document, Item, Section
from reformkit.document.spec import DocumentSpec


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
        self.copies = Copies()
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
        held.live, held.copy = live, snapshot(live, held.copies)
    return held.copy


_KEPT_COVERAGES = 2  # the snapshot being worked on, and the one before
_coverages: list[tuple[Document, DocumentSpec, list[Entry], list[CoverageRow]]] = []
_coverages_lock = threading.Lock()


def shared_coverage(
    document: Document, spec: DocumentSpec, recommendations: Sequence[Entry]
) -> list[CoverageRow]:
    """The coverage of a snapshot, worked out by the first worker that needs it and shared
    with the others (the checks, the coverage panel and the preview's appendices each took
    about as long again on a big plan). ``document`` must be a snapshot, never the live
    document, which changes in place; the rows are shared, so nobody may change them."""
    wanted = list(recommendations)
    with _coverages_lock:
        for held, held_spec, held_entries, rows in _coverages:
            if held is document and held_spec is spec and held_entries == wanted:
                return rows
        rows = coverage(document, spec, wanted)
        _coverages.insert(0, (document, spec, wanted, rows))
        del _coverages[_KEPT_COVERAGES:]
        return rows


class Copies:
    """The item copies the last snapshot made, by the live item they were made from (kept,
    so its id is not reused while the entry lives)."""

    def __init__(self) -> None:
        self.items: dict[int, tuple[Item, Item]] = {}


def snapshot(document: Document, copies: Copies | None = None) -> Document:
    """The document as it stands now, safe to read on another thread; ``copies`` are those
    of the snapshot before, reused where an item has not changed since."""
    meta = copy.copy(document.meta)
    meta.authors = list(meta.authors)
    before = copies.items if copies is not None else {}
    now: dict[int, tuple[Item, Item]] = {}
    sections = [_section(s, before, now) for s in document.sections]
    if copies is not None:
        copies.items = now
    return Document(document.kind, meta, sections)


def _section(
    section: Section, before: dict[int, tuple[Item, Item]], now: dict[int, tuple[Item, Item]]
) -> Section:
    items = []
    for item in section.items:
        kept = before.get(id(item))
        if kept is None or kept[0] is not item or kept[1].__dict__ != item.__dict__:
            kept = (item, _item(item))
        now[id(item)] = kept
        items.append(kept[1])
    return Section(
        key=section.key,
        title=section.title,
        intro=section.intro,
        tags=list(section.tags),
        items=items,
        id=section.id,
        owner=section.owner,
    )


def _item(item: Item) -> Item:
    copied: Item = object.__new__(Item)
    copied.__dict__.update(item.__dict__)
    copied.fields = {k: list(v) if type(v) is list else v for k, v in item.fields.items()}
    copied.tags = list(item.tags)
    return copied
