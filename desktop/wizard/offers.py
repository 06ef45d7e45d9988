"""Which catalogue entries a step offers, and how to say where each comes from."""

from __future__ import annotations

from reformkit.catalogue.entry import USER, Entry
from reformkit.catalogue.store import Catalogue
from reformkit.document.spec import ItemType

BRIEFING = "The Reform Dividend"
SUGGESTION = "A ReformKit suggestion, not from the briefing"


def offered_entries(
    catalogue: Catalogue, item_type: ItemType, answers: tuple[str, ...] = ()
) -> list[Entry]:
    """Entries of the item type's catalogue kinds: the briefing's first, then ReformKit's
    suggestions, then the user's own.

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
    seed.sort(key=lambda entry: not entry.from_briefing)  # the briefing's, then our suggestions
    return seed + own


def where_from(entry: Entry, reworded: bool = False) -> str:
    """'From The Reform Dividend, page 20'; 'Named in …, page 20; wording by ReformKit' where
    the words offered are ours, not the briefing's; 'A ReformKit suggestion, not from the
    briefing'; or 'From your library'; each ', in your own words' once the user reworded it.
    The briefing's caveat follows, where it has one."""
    own = ", in your own words" if reworded else ""
    if entry.origin == USER:
        return "From your library" + own
    if entry.is_suggestion:
        return SUGGESTION + own
    page = f", page {entry.page}" if entry.page else ""
    if reworded:
        text = f"Based on {BRIEFING}{page}{own}"
    elif entry.wording == entry.body:
        text = f"From {BRIEFING}{page}"
    else:
        text = f"Named in {BRIEFING}{page}; wording by ReformKit"
    if entry.caveat:
        text += f". The briefing proposes it “{entry.caveat}”"
    return text
