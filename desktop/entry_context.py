"""Gathering what the detail pane shows around an entry: its parent, children and links.

No Qt here. Links go both ways: an entry shows the ids it names and the entries that name
it (so R18 lists the duty of candour, which names R18).
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.entry_html import EntryContext
from reformkit.catalogue.entry import Entry
from reformkit.catalogue.store import Catalogue
from reformkit.errors import UnknownEntryError


class EntryLinks:
    """Builds an :class:`EntryContext` for any entry; call :meth:`forget` after a change."""

    def __init__(self, catalogue: Catalogue, articles: Mapping[str, str] | None = None):
        self._catalogue = catalogue
        self._articles = dict(articles or {})  # kind name -> "a Respect Charter"
        self._linked_from: dict[str, list[str]] | None = None

    def forget(self) -> None:
        self._linked_from = None

    def get(self, entry_id: str) -> Entry | None:
        try:
            return self._catalogue.get(entry_id)
        except UnknownEntryError:
            return None

    def linked_from(self, entry_id: str) -> list[str]:
        """Ids of the entries that name ``entry_id`` among their related entries."""
        if self._linked_from is None:
            self._linked_from = {}
            for other in self._catalogue.entries():
                for target in other.related:
                    self._linked_from.setdefault(target, []).append(other.id)
        return list(self._linked_from.get(entry_id, ()))

    def context(self, entry: Entry) -> EntryContext:
        parent = self.get(entry.parent) if entry.parent else None
        related: list[Entry] = []
        missing: list[str] = []
        for related_id in dict.fromkeys([*entry.related, *self.linked_from(entry.id)]):
            found = self.get(related_id)
            if found is None:
                missing.append(related_id)
            elif found.id != entry.id:
                related.append(found)
        return EntryContext(
            entry=entry,
            parent=parent,
            children=self._catalogue.children(entry.id),
            related=related,
            credit=self._catalogue.seed.credit,
            missing_related=tuple(missing),
            documents=tuple(self._articles.get(kind, kind) for kind in entry.expected_in),
        )
