"""How an exported clause credits the catalogue entry it was drawn from.

A clause drawn from the briefing says so, with the page; one drawn from a ReformKit
suggestion says it is ours and gives no page; the user's own entries need no note. The
bundled seed settles which is which, so the layout needs no catalogue to ask.
"""

from __future__ import annotations

from functools import lru_cache

from reformkit.catalogue.entry import Entry
from reformkit.catalogue.seed import load_seed

USER_PREFIX = "U-"


@lru_cache(maxsize=1)
def _bundled() -> dict[str, Entry]:
    return {entry.id: entry for entry in load_seed().entries}


def drawn_from(entry_id: str) -> str:
    """'Adapted from the briefing, page 20', 'A ReformKit suggestion, not from the briefing',
    or '' for the user's own entries. The briefing's caveat goes with it. A reader of the
    document sees pages, never the catalogue's codes (D1, W4)."""
    if entry_id.startswith(USER_PREFIX):
        return ""
    entry = _bundled().get(entry_id)
    if entry is None:
        return "Drawn from the ReformKit catalogue"
    if entry.is_suggestion:
        return "A ReformKit suggestion, not from the briefing"
    text = "Adapted from the briefing" + (f", page {entry.page}" if entry.page else "")
    if entry.caveat:
        text += f", which proposes it “{entry.caveat}”"
    return text
