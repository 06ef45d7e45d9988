"""An estimate of the page each heading falls on, stored in the contents until it is updated.

Only a program that lays out the pages knows the real numbers: LibreOffice works them out on
opening, Word when it updates its fields. Until then a reader shows what the file stores, so
ReformKit stores a sensible guess rather than nothing: lines are counted block by block at
an average character width, tables row by row, and wide tables on pages of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reformkit.layout.blocks import (
    Block,
    Clause,
    Heading,
    Image,
    LaidOut,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Table,
    TableOfContents,
)

CHAR_TWIPS = 105  # an average character of 11 pt body text
LINE_TWIPS = 300  # a line of body text with a little of its paragraph spacing
_HEADING_LINES = {1: 3.5, 2: 2.5}


def heading_pages(
    laid: LaidOut,
    text_width: int,
    page_height: int,
    is_wide: Callable[[Table], bool],
    contents_pages: int,
) -> list[int]:
    """The estimated page of each of ``laid.headings()``, in order (the title page is 1)."""
    lines_per_page = max(page_height // LINE_TWIPS, 10)
    per_line = max(text_width // CHAR_TWIPS, 20)
    page, line = 2, 0.0
    pages: list[int] = []

    def new_page() -> None:
        nonlocal page, line
        if line > 0:
            page, line = page + 1, 0.0

    def add(lines: float) -> None:
        nonlocal page, line
        line += lines
        while line > lines_per_page:
            page, line = page + 1, line - lines_per_page

    for block in laid.blocks:
        if isinstance(block, TableOfContents):
            page += contents_pages
            line = 0.0
        elif isinstance(block, Heading):
            if line + _HEADING_LINES.get(block.level, 2) + 3 > lines_per_page:
                new_page()  # kept with what follows
            add(_HEADING_LINES.get(block.level, 2))
            pages.append(page)
        elif isinstance(block, PageBreak):
            new_page()
        elif isinstance(block, Table) and is_wide(block):
            new_page()
            add(_table_lines(block, per_line * 3 // 2) * 1.4)  # shorter pages, wider rows
            new_page()
        else:
            add(_lines(block, per_line))
    return pages


def _lines(block: Block, per_line: int) -> float:
    if isinstance(block, Paragraph):
        return _wrapped(block.text, per_line) + 0.5
    if isinstance(block, Clause):
        details = sum(_wrapped(f"{label}: {value}", per_line) for label, value in block.details)
        extra = (1 if block.source else 0) + (1 if block.tags else 0)
        extra += 1 if block.provenance else 0
        return 2 + _wrapped(block.text, per_line) + details + extra
    if isinstance(block, ListBlock):
        return sum(_wrapped("".join(s.text for s in item), per_line) for item in block.items)
    if isinstance(block, Table):
        return _table_lines(block, per_line)
    if isinstance(block, Note):
        return _wrapped(block.text, per_line) + 2
    if isinstance(block, Image):
        return block.width_cm * 2
    return 0.0


def _table_lines(table: Table, per_line: int) -> float:
    columns = max(len(table.header), 1)
    cell = max(per_line // columns, 4)
    rows: Sequence[Sequence[str]] = [table.header, *table.rows]
    lines = sum(max((_wrapped(text, cell) for text in row), default=1) * 0.9 for row in rows)
    lines += sum(_wrapped(note, per_line) * 0.9 for note in table.notes)
    return lines + (2 if table.caption else 1)


def _wrapped(text: str, per_line: int) -> int:
    return sum(1 + len(line) // per_line for line in text.split("\n")) if text else 0
