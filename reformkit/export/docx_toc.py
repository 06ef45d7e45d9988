"""A table of contents that shows everywhere: a real TOC field whose result is already filled.

Word can refresh the field (References → Update Table); LibreOffice and other readers show
the entries as written. Each entry links to its heading's bookmark.

The written entries carry no page numbers: only a program that lays out the pages can know
them, and LibreOffice shows a field's stored result as it is (a PAGEREF stays as written).
Word fills them in when it refreshes the contents, which the document asks it to do on
opening (``w:updateFields`` in settings); in LibreOffice, Tools → Update → Update All.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reformkit.export.docx_xml import (
    PPR_ORDER,
    clean,
    element,
    field_begin,
    field_end,
    field_runs,
    insert_ordered,
    text_run,
)


def toc_paragraphs(
    entries: Sequence[tuple[int, str, str]],
    depth: int,
    style_ids: dict[int, str],
    text_width_twips: int,
) -> list[Any]:
    """The ``w:p`` elements of a contents list.

    ``entries`` are (level, text, bookmark name) for each heading down to ``depth``;
    ``style_ids`` maps a level to its "toc N" style id."""
    instruction = f'TOC \\o "1-{depth}" \\h \\z \\u'
    if not entries:
        paragraph = _entry_paragraph(style_ids[1], text_width_twips)
        paragraph.extend(field_runs(instruction, "No headings yet."))
        return [paragraph]
    paragraphs = []
    for index, (level, text, name) in enumerate(entries):
        paragraph = _entry_paragraph(style_ids.get(level, style_ids[1]), text_width_twips)
        if index == 0:
            paragraph.extend(field_begin(instruction))
        link = element("w:hyperlink", {"w:anchor": name, "w:history": "1"})
        link.append(text_run(clean(text)))
        paragraph.append(link)
        if index == len(entries) - 1:
            paragraph.append(field_end())
        paragraphs.append(paragraph)
    return paragraphs


def _entry_paragraph(style_id: str, text_width_twips: int) -> Any:
    paragraph = element("w:p")
    ppr = element("w:pPr")
    ppr.append(element("w:pStyle", {"w:val": style_id}))
    tabs = element("w:tabs")
    tabs.append(
        element("w:tab", {"w:val": "right", "w:leader": "dot", "w:pos": str(text_width_twips)})
    )
    insert_ordered(ppr, tabs, PPR_ORDER)
    paragraph.append(ppr)
    return paragraph
