"""Table 1 of the briefing, "Six principles of 'liberated public services'" (p.11), as the
rows of the "Where we are today" canvas.

The cells are read from the catalogue's bundled seed (entries P1 to P6), never retyped, so
the canvas quotes the briefing exactly as the rest of ReformKit does.
"""

from __future__ import annotations

from dataclasses import dataclass

from reformkit.catalogue.entry import Entry
from reformkit.catalogue.seed import load_seed
from workshop.parts import CANVAS_ROWS

PRINCIPLE_IDS = tuple(f"P{number}" for number in range(1, CANVAS_ROWS + 1))


@dataclass(frozen=True)
class CanvasRow:
    """One "from … to" row: ``theme`` is the row's opening words ("The world is...")."""

    number: int
    theme: str
    from_words: str
    to_words: str
    page: int


def table_one(entries: tuple[Entry, ...] | None = None) -> tuple[CanvasRow, ...]:
    """Table 1's six rows, in order, from the catalogue's principles P1 to P6."""
    by_id = {entry.id: entry for entry in (load_seed().entries if entries is None else entries)}
    rows = []
    for number, entry_id in enumerate(PRINCIPLE_IDS, start=1):
        entry = by_id[entry_id]
        rows.append(
            CanvasRow(number, entry.theme, entry.from_text, entry.to_text, entry.page or 11)
        )
    return tuple(rows)


TABLE_ONE: tuple[CanvasRow, ...] = table_one()


def canvas_row(number: int) -> CanvasRow:
    """The row with Table 1's ``number`` (1 to 6)."""
    return TABLE_ONE[number - 1]
