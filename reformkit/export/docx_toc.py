"""A table of contents with page numbers that needs nobody to press "update".

Each heading carries a bookmark (``_Toc…``); each entry is a link to that bookmark holding
the heading's text, a right-aligned tab with a dot leader, and a ``PAGEREF _Toc… \\h`` field
for its page number.

* LibreOffice (and so its PDF) works out every ``PAGEREF`` when it opens the file: the
  contents shows the real page numbers, and the entries are links.
* Word shows the stored results until its fields are updated. The document asks Word to do
  that on opening (``w:updateFields`` in settings): Word asks whether to update the fields,
  and Yes fills in its own page numbers. The stored results are ReformKit's estimate (see
  ``docx_pages``), so a reader that never updates still shows plausible numbers.
* The entries are deliberately not wrapped in a TOC field, as Word's own contents are:
  LibreOffice (checked with 7.4) then shows every page number exactly as stored, even with
  the bookmarks and ``PAGEREF`` fields in place. After editing headings in Word, insert
  Word's own contents (References → Table of Contents) to rebuild the list.

A contents that would spill a line or two onto another page is set closer (no space between
entries), and a section's entry is kept on the page of its first sub-entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reformkit.export.docx_xml import (
    PPR_ORDER,
    clean,
    element,
    field_runs,
    insert_ordered,
    text_run,
)

ROOMY_LINE_TWIPS = 331  # one line of a 12 pt entry at the body's line spacing (1.2)
CLOSE_LINE_TWIPS = 276  # the same at single spacing
HEADING_TWIPS = 800  # the "Contents" heading and the space below it
_ROOMY = {1: (120, 60), 2: (0, 60)}  # (before, after) spacing of the TOC styles, in twips
_CLOSE = {1: (40, 0), 2: (0, 0)}


@dataclass(frozen=True)
class Entry:
    level: int
    text: str
    bookmark: str
    page: int  # the estimated page, stored as the field's result until it is worked out


def toc_paragraphs(
    entries: Sequence[Entry],
    style_ids: dict[int, str],
    text_width_twips: int,
    page_twips: int,
) -> list[Any]:
    """The ``w:p`` elements of a contents list (``entries`` are headings down to a depth).

    ``style_ids`` maps a level to its "toc N" style id; ``page_twips`` is the height a page
    has for text, used to decide whether the list should be set closer."""
    if not entries:
        paragraph = _entry_paragraph(style_ids[1], text_width_twips, None)
        paragraph.append(text_run("No headings yet."))
        return [paragraph]
    spacing = _CLOSE if height(entries) > page_twips else None  # set closer
    paragraphs = []
    for index, entry in enumerate(entries):
        following = entries[index + 1] if index + 1 < len(entries) else None
        paragraph = _entry_paragraph(
            style_ids.get(entry.level, style_ids[1]),
            text_width_twips,
            spacing[min(entry.level, 2)] if spacing else None,
            keep=following is not None and following.level > entry.level,
        )
        link = element("w:hyperlink", {"w:anchor": entry.bookmark, "w:history": "1"})
        link.append(text_run(clean(entry.text)))
        link.append(text_run("\t"))
        link.extend(field_runs(f"PAGEREF {entry.bookmark} \\h", str(entry.page)))
        paragraph.append(link)
        paragraphs.append(paragraph)
    return paragraphs


def height(entries: Sequence[Entry], close: bool = False) -> int:
    """Roughly how tall the list is, in twips, with the contents heading above it; ``close``
    for the list set closer."""
    spacing = _CLOSE if close else _ROOMY
    line = CLOSE_LINE_TWIPS if close else ROOMY_LINE_TWIPS
    total = HEADING_TWIPS
    for entry in entries:
        before, after = spacing[min(entry.level, 2)]
        lines = 1 + len(entry.text) // 80
        total += before + after + lines * line
    return total


def _entry_paragraph(
    style_id: str, text_width_twips: int, spacing: tuple[int, int] | None, keep: bool = False
) -> Any:
    paragraph = element("w:p")
    ppr = element("w:pPr")
    ppr.append(element("w:pStyle", {"w:val": style_id}))
    if keep:
        insert_ordered(ppr, element("w:keepNext"), PPR_ORDER)
    tabs = element("w:tabs")
    tabs.append(
        element("w:tab", {"w:val": "right", "w:leader": "dot", "w:pos": str(text_width_twips)})
    )
    insert_ordered(ppr, tabs, PPR_ORDER)
    if spacing is not None:
        before, after = spacing
        values = {"w:before": str(before), "w:after": str(after), "w:line": "240"}
        values["w:lineRule"] = "auto"
        insert_ordered(ppr, element("w:spacing", values), PPR_ORDER)
    paragraph.append(ppr)
    return paragraph
