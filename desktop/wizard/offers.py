"""Which catalogue entries a step offers, and how to say where each comes from."""

from __future__ import annotations

from reformkit.catalogue.entry import USER, Entry
from reformkit.catalogue.store import Catalogue
from reformkit.document.spec import ItemType

BRIEFING = "The Reform Dividend"


def offered_entries(
    catalogue: Catalogue, item_type: ItemType, answers: tuple[str, ...] = ()
) -> list[Entry]:
    """Entries of the item type's catalogue kinds, the briefing's first, then the user's own.

    The briefing holds many "ideas"; only those that bear on the document's own
    recommendations (``answers``) are offered, so the list stays short.
    The user's own entries are always offered.
    """
    seed: list[Entry] = []
    own: list[Entry] = []
    for kind in item_type.catalogue_kinds:
        for entry in catalogue.entries(kind):
            if entry.origin == USER:
                own.append(entry)
            elif kind != "idea" or not answers or set(entry.related) & set(answers):
                seed.append(entry)
    return seed + own


def where_from(entry: Entry) -> str:
    """'From The Reform Dividend, page 20', 'Based on …' where the words are our suggested
    wording rather than the briefing's own, or 'From your library'."""
    if entry.origin == USER:
        return "From your library"
    lead = "From" if entry.wording == entry.body else "Based on"
    if entry.page:
        return f"{lead} {BRIEFING}, page {entry.page}"
    return f"{lead} {BRIEFING}"
