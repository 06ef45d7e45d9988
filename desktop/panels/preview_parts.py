"""The preview's page cut into parts, so that a keystroke re-writes one part, not the page.

A laid-out document is cut before every top-level heading: the front matter (title, details,
contents), then one part per section, then one per appendix. Each part is written by the one
HTML writer and keeps what it was written from (its ``key``); the preview compares keys to
find the parts an edit changed and replaces only those. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from desktop.panels.preview_columns import keep_short_cells_whole
from reformkit.export.html_writer import anchor, write_html
from reformkit.layout.blocks import Block, Heading, LaidOut

_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)


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
        part = blocks[start:end]
        parts.append((part, part))
    return parts


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
    assert isinstance(heading, Heading)
    page = write_html(replace(laid, title="", subtitle="", metadata=(), credit="", blocks=blocks))
    body = _body(page)
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
