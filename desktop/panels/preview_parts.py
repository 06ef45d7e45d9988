"""The preview's page cut into parts, so that a keystroke re-writes one part, not the page.

A laid-out document is cut before every top-level heading: the front matter (title, details,
contents), then one part per section, then one per appendix. A long table with set column
widths (a workshop's record of everything said, thousands of rows) is cut too, every
TABLE_ROWS_PER_PART rows, so rows arriving at its end re-write and re-parse only its last
part rather than the whole table (hundreds of milliseconds on the UI thread). Each part is
written by the one HTML writer and keeps what it was written from (its ``key``); the preview
compares keys to find the parts an edit changed and replaces only those. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from desktop.panels.preview_columns import keep_short_cells_whole
from reformkit.export.html_writer import anchor, write_html
from reformkit.layout.blocks import Block, Heading, LaidOut, Table

_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)
_EMPTY_TITLE = re.compile(r'\s*<h1[^>]*id="title"[^>]*>\s*</h1>\s*', re.I)
TABLE_ROWS_PER_PART = 150  # a longer table with set column widths is cut into parts this long


@dataclass(frozen=True)
class Part:
    key: Any  # what the part was written from; equal keys mean equal HTML
    anchor: str  # the id of its heading ("" for the front matter)
    html: str  # the body of the part, with no <html>, <head> or <body>


def cut(laid: LaidOut) -> list[tuple[Any, tuple[Block, ...]]]:
    """The document's blocks in parts, each with the key that decides whether it changed."""
    blocks = laid.blocks
    starts = [n for n, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1]
    first = starts[0] if starts else len(blocks)
    front = blocks[:first]
    # The front matter shows the title, details and contents: its key holds all three.
    parts: list[tuple[Any, tuple[Block, ...]]] = [
        ((laid.title, laid.subtitle, laid.metadata, front, tuple(laid.headings())), front)
    ]
    for start, end in zip(starts, [*starts[1:], len(blocks)], strict=True):
        for part in _cut_long_tables(blocks[start:end]):
            parts.append((part, part))
    return parts


def _cut_long_tables(blocks: tuple[Block, ...]) -> list[tuple[Block, ...]]:
    """``blocks`` as one part, or more where a long table with set widths is cut into
    pieces: the first piece ends the part it starts in, each later one begins a part
    (repeating the table's header), and what follows the table joins the last piece."""
    parts: list[list[Block]] = [[]]
    for block in blocks:
        if not (isinstance(block, Table) and block.widths) or (
            len(block.rows) <= TABLE_ROWS_PER_PART
        ):
            parts[-1].append(block)
            continue
        pieces = table_pieces(block)
        parts[-1].append(pieces[0])
        parts.extend([piece] for piece in pieces[1:])
    return [tuple(part) for part in parts]


def table_pieces(table: Table) -> list[Table]:
    """A table as pieces of TABLE_ROWS_PER_PART rows, cut at the same rows however many
    follow, so rows added at its end change only its last piece."""
    pieces = []
    last = len(table.rows)
    for start in range(0, last, TABLE_ROWS_PER_PART):
        end = min(start + TABLE_ROWS_PER_PART, last)
        pieces.append(
            replace(
                table,
                rows=table.rows[start:end],
                caption=table.caption if start == 0 else "",
                notes=table.notes[start:end],
                total=table.total and end == last,
            )
        )
    return pieces


def write_part(laid: LaidOut, blocks: tuple[Block, ...], front: bool) -> Part:
    """One part's HTML, written by the document's HTML writer."""
    if front:
        # The contents list every heading, so the writer sees them all; the page is cut off
        # where the first section begins.
        headings = tuple(laid.headings())
        page = write_html(replace(laid, blocks=blocks + headings, credit=""))
        body = _body(page)
        if headings:
            body = body[: _tag_start(body, headings[0].anchor)]
        return Part(None, "", keep_short_cells_whole(body))
    heading = blocks[0]
    page = write_html(replace(laid, title="", subtitle="", metadata=(), credit="", blocks=blocks))
    body = _body(page)
    if not isinstance(heading, Heading):  # a later piece of a long table
        found = _EMPTY_TITLE.match(body)
        return Part(None, "", keep_short_cells_whole(body[found.end() if found else 0 :]))
    body = body[_tag_start(body, heading.anchor) :]
    return Part(None, heading.anchor, keep_short_cells_whole(body))


def write_parts(laid: LaidOut, previous: list[Part] | None = None) -> tuple[list[Part], int]:
    """Every part of the page, and how many were written afresh: a part whose key equals that
    of the part at the same place in ``previous`` is reused as it is."""
    previous = previous or []
    parts, written = [], 0
    for number, (key, blocks) in enumerate(cut(laid)):
        if number < len(previous) and previous[number].key == key:
            parts.append(previous[number])
            continue
        part = write_part(laid, blocks, front=number == 0)
        parts.append(Part(key, part.anchor, part.html))
        written += 1
    return parts, written


def style_sheet(laid: LaidOut) -> str:
    """The CSS the writer puts in the page's head."""
    page = write_html(replace(laid, blocks=(), credit=""))
    found = _STYLE.search(page)
    return found.group(1) if found else ""


def _body(page: str) -> str:
    found = _BODY.search(page)
    return found.group(1) if found else page


def _tag_start(body: str, anchor_name: str) -> int:
    """Where the tag carrying ``id="anchor_name"`` begins."""
    at = body.find(f'id="{anchor(anchor_name)}"')
    if at < 0:
        return 0
    return body.rfind("<", 0, at)
