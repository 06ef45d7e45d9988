"""The blocks of a laid-out document. Plain, frozen data: easy to test, compare and write.

Text in blocks is the user's text exactly as typed; each writer escapes it for its format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

#: How a note is shown: as a plain note, or as a warning (a part with nothing in it).
NoteKind = Literal["info", "warning"]


@dataclass(frozen=True)
class Span:
    """A run of inline text. ``link`` is a target inside the document (``#anchor``) or a
    web address shown as text; writers never fetch anything."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""


@dataclass(frozen=True)
class Heading:
    level: int  # 1 for a section, 2 for a part of one, 3 below that
    text: str
    number: str = ""  # "3", "3.2": written before the text, the same in every format
    anchor: str = ""  # a stable id for the table of contents and cross-references

    @property
    def display(self) -> str:
        return f"{self.number} {self.text}" if self.number else self.text


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]
    style: str = "body"  # body, lead (larger), small (tags, credits)

    @classmethod
    def of(cls, text: str, style: str = "body") -> Paragraph:
        return cls((Span(text),), style)

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class ListBlock:
    items: tuple[tuple[Span, ...], ...]
    ordered: bool = False  # an ordered list always starts again at 1


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""  # said before the table; also its accessible description
    widths: tuple[float, ...] = ()  # relative column widths; empty means from the content
    amounts: tuple[int, ...] = ()  # the columns holding money: aligned to the right
    total: bool = False  # the last row is a total: shown in bold
    # One line per row ("" for none): where that row came from, shown in italics on a line of
    # its own under the row (the document's own provenance, like a clause's).
    notes: tuple[str, ...] = ()

    def note(self, row: int) -> str:
        """The provenance line under row ``row``, or ``""``."""
        return self.notes[row] if row < len(self.notes) else ""


@dataclass(frozen=True)
class Clause:
    """A titled clause with the recommendations it answers, e.g. a right or a duty."""

    title: str
    text: str
    tags: tuple[str, ...] = ()
    source: str = ""  # where it came from, e.g. "Adapted from the briefing: D1, page 20"
    needs_review: bool = False
    review_note: str = ""
    item_id: str = ""
    details: tuple[tuple[str, str], ...] = ()  # further labelled fields (owner, due date…)
    # The document's own record of where the clause came from ("From the Hexham workshop,
    # 3 March 2027, 14 votes"): shown in italics under it, in every format.
    provenance: str = ""


@dataclass(frozen=True)
class Note:
    text: str
    kind: NoteKind = "info"


@dataclass(frozen=True)
class Image:
    path: Path
    alt: str  # required: every picture is described for people who cannot see it
    width_cm: float = 12.0


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class TableOfContents:
    """Where the contents go. Writers list every heading of ``depth`` or above."""

    depth: int = 2


@dataclass(frozen=True)
class ShownElsewhere:
    """Not a block: what a kind's ``section_layout`` returns for a section whose content it
    shows under another section (a workshop's votes, under each activity). The engine then
    leaves the section out, heading and number too."""


Block = (
    Heading | Paragraph | ListBlock | Table | Clause | Note | Image | PageBreak | (TableOfContents)
)


@dataclass(frozen=True)
class LaidOut:
    """A whole document, ready for any writer."""

    title: str
    subtitle: str
    organisation: str
    authors: tuple[str, ...]
    date: str
    language: str
    subject: str
    keywords: tuple[str, ...]
    blocks: tuple[Block, ...]
    credit: str
    metadata: tuple[tuple[str, str], ...] = field(default=())  # shown on the title page

    def headings(self, depth: int = 6) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and b.level <= depth]
