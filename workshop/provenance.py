"""The line under an item that came from a workshop: "From the Hexham workshop, 3 March 2027,
14 votes". Exports show it (through the kind's ``item_notes``), so a reader of a charter or
plan sees which clauses the room shaped.
"""

from __future__ import annotations

from collections.abc import Mapping

from reformkit.dates import long_date
from reformkit.document.model import Document
from workshop.record import Contribution, Theme, WorkshopRecord, read_record

_WORKSHOP = "workshop"


def workshop_name(record: WorkshopRecord) -> str:
    """ "the Hexham workshop" from a session titled "Hexham" or "Hexham workshop"."""
    title = " ".join(record.title.split())
    if title.casefold().startswith("the "):
        title = title[4:]
    if not title:
        return "a workshop"
    if title.casefold().endswith(_WORKSHOP):
        return f"the {title}"
    return f"the {title} {_WORKSHOP}"


def sources_of(record: WorkshopRecord, item_id: str) -> list[Contribution | Theme]:
    """The themes, then the contributions, that were promoted into ``item_id``."""
    themes: list[Contribution | Theme] = [t for t in record.themes if item_id in t.promoted_to]
    said = [c for c in record.contributions if item_id in c.promoted_to]
    return [*themes, *said]


def votes_for(record: WorkshopRecord, source: Contribution | Theme) -> int:
    """The dots a theme's name (or a contribution's words) got in the record's votes."""
    if isinstance(source, Theme):
        return record.theme_votes(source)
    words = _key(source.text)
    return sum(vote.dots for vote in record.votes if words and _key(vote.option) == words)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def provenance(record: WorkshopRecord, item_id: str) -> str:
    """ "From the Hexham workshop, 3 March 2027, 14 votes": the date left out when the
    session has none, the votes when there were none. "" for an item not from the record."""
    sources = sources_of(record, item_id)
    if not sources:
        return ""
    parts = [f"From {workshop_name(record)}"]
    if record.date:
        parts.append(long_date(record.date))
    votes = sum(votes_for(record, source) for source in sources)
    if votes:
        parts.append(f"{votes} vote{'' if votes == 1 else 's'}")
    return ", ".join(parts)


def item_notes(document: Document) -> Mapping[str, str]:
    """The provenance line of every item in ``document`` that came from its workshop."""
    record = read_record(document)
    present = {item.id for _, item in document.items()}
    sources: list[Contribution | Theme] = [*record.themes, *record.contributions]
    promoted = {i for source in sources for i in source.promoted_to if i in present}
    return {item_id: provenance(record, item_id) for item_id in sorted(promoted)}
