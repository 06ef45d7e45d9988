"""Building the larger pieces of a Word body: tables, pictures, hyperlinks and the footer.

Each function takes python-docx objects or lxml elements and returns what it made; the
writer (``docx_writer``) decides where they go.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Sequence
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm

from reformkit.export.docx_columns import column_widths
from reformkit.export.docx_xml import (
    PPR_ORDER,
    TBLPR_ORDER,
    TRPR_ORDER,
    clean,
    element,
    field_runs,
    insert_ordered,
    is_right_to_left,
    set_rpr,
    text_run,
)
from reformkit.layout.blocks import Table

_SCHEMES = ("http", "https", "mailto")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def table_element(
    table: Table, style_id: str, text_style_id: str, text_width_twips: int
) -> tuple[Any, int]:
    """A ``w:tbl`` for ``table``: bordered style, header row that repeats on every page,
    description for screen readers, column widths. Returns it and its columns."""
    columns = max([len(table.header), *(len(row) for row in table.rows)], default=1) or 1
    header = _pad(table.header, columns)
    rows = [_pad(row, columns) for row in table.rows]
    widths = column_widths(header, rows, table.widths, text_width_twips)
    tbl = element("w:tbl")
    tbl_pr = element("w:tblPr")
    for part in (
        element("w:tblStyle", {"w:val": style_id}),
        element("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}),
        element("w:tblLayout", {"w:type": "fixed"}),
        element(
            "w:tblLook",
            {
                "w:val": "04A0",
                "w:firstRow": "1",
                "w:lastRow": "0",
                "w:firstColumn": "0",
                "w:lastColumn": "0",
                "w:noHBand": "1",
                "w:noVBand": "1",
            },
        ),
    ):
        insert_ordered(tbl_pr, part, TBLPR_ORDER)
    described = ", ".join(clean(h) for h in header if clean(h).strip())
    # The caption is the visible Caption paragraph the writer puts just before the table.
    # Repeating it as w:tblCaption or in the description made pandoc, which joins those two
    # into its table caption, read it twice; the alt text says only what the table holds.
    description = f"{len(rows)} rows; columns: {described}." if described else ""
    if description:
        insert_ordered(
            tbl_pr, element("w:tblDescription", {"w:val": description[:1000]}), TBLPR_ORDER
        )
    tbl.append(tbl_pr)
    grid = element("w:tblGrid")
    for width in widths:
        grid.append(element("w:gridCol", {"w:w": str(width)}))
    tbl.append(grid)
    amounts = {n for n in table.amounts if 0 <= n < columns}
    tbl.append(_row(header, widths, text_style_id, amounts, bold=True, header=True))
    for number, row in enumerate(rows):
        last = number == len(rows) - 1
        note = clean(table.note(number)).strip()
        tbl.append(
            _row(
                row,
                widths,
                text_style_id,
                amounts,
                bold=table.total and last and len(rows) > 1,
                # a header never stands alone at a page foot, nor a row without its note
                keep=(number == 0 and not last) or bool(note),
            )
        )
        if note:
            tbl.append(_note_row(note, widths, text_style_id))
    return tbl, columns


def _note_row(note: str, widths: Sequence[int], text_style_id: str) -> Any:
    """A ``w:tr`` of one cell across the table, holding in italics where the row above came
    from (the document's own provenance)."""
    row = element("w:tr")
    tr_pr = element("w:trPr")
    insert_ordered(tr_pr, element("w:cantSplit"), TRPR_ORDER)
    row.append(tr_pr)
    cell = element("w:tc")
    tc_pr = element("w:tcPr")
    tc_pr.append(element("w:tcW", {"w:w": str(sum(widths)), "w:type": "dxa"}))
    if len(widths) > 1:
        tc_pr.append(element("w:gridSpan", {"w:val": str(len(widths))}))
    cell.append(tc_pr)
    paragraph = element("w:p")
    ppr = element("w:pPr")
    ppr.append(element("w:pStyle", {"w:val": text_style_id}))
    paragraph.append(ppr)
    paragraph.append(text_run(note, italic=True))
    cell.append(paragraph)
    row.append(cell)
    return row


def _pad(cells: Sequence[str], columns: int) -> tuple[str, ...]:
    return tuple(cells) + ("",) * (columns - len(cells))


def _row(
    cells: Sequence[str],
    widths: Sequence[int],
    text_style_id: str,
    amounts: set[int],
    bold: bool = False,
    header: bool = False,
    keep: bool = False,
) -> Any:
    """A ``w:tr`` that never splits across pages; amounts right-aligned; ``keep`` keeps it
    with the next row (the header row is always kept with the first)."""
    row = element("w:tr")
    tr_pr = element("w:trPr")
    insert_ordered(tr_pr, element("w:cantSplit"), TRPR_ORDER)
    if header:
        insert_ordered(tr_pr, element("w:tblHeader"), TRPR_ORDER)
    row.append(tr_pr)
    for column, (text, width) in enumerate(zip(cells, widths, strict=True)):
        cell = element("w:tc")
        tc_pr = element("w:tcPr")
        tc_pr.append(element("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
        cell.append(tc_pr)
        paragraph = element("w:p")
        ppr = element("w:pPr")
        ppr.append(element("w:pStyle", {"w:val": text_style_id}))
        if keep or header:
            insert_ordered(ppr, element("w:keepNext"), PPR_ORDER)
        if column in amounts:
            insert_ordered(ppr, element("w:jc", {"w:val": "right"}), PPR_ORDER)
        value = clean(text)
        if is_right_to_left(value):
            insert_ordered(ppr, element("w:bidi"), PPR_ORDER)
        paragraph.append(ppr)
        cell.append(paragraph)
        if value:
            paragraph.append(text_run(value, bold=bold))
        row.append(cell)
    return row


def safe_url(address: str) -> str | None:
    """A web or mail address fit for a hyperlink, or None if it is not one."""
    address = clean(address).strip()
    if re.match(r"(?i)^www\.", address):
        address = "https://" + address
    scheme = address.split(":", 1)[0].lower() if ":" in address else ""
    if scheme not in _SCHEMES or re.search(r"\s", address):
        return None
    return urllib.parse.quote(address, safe=_URL_SAFE)


def hyperlink(document: Any, paragraph: Any, runs: Sequence[Any], target: str) -> Any:
    """Wrap ``runs`` of ``paragraph`` in a ``w:hyperlink`` to ``target``: a bookmark name,
    or (when it has a scheme) a web address kept as an external relationship."""
    if ":" in target:
        rel_id = document.part.relate_to(target, RT.HYPERLINK, is_external=True)
        link = element("w:hyperlink", {"r:id": rel_id, "w:history": "1"})
    else:
        link = element("w:hyperlink", {"w:anchor": target, "w:history": "1"})
    for run in runs:
        link.append(run._r)
    paragraph._p.append(link)
    return link


def picture(run: Any, path: str, alt: str, width_cm: float) -> None:
    """Add the picture at ``path`` to ``run`` with ``alt`` as its description and title."""
    run.add_picture(path, width=Cm(width_cm))
    for doc_pr in run._r.iter(qn("wp:docPr")):
        doc_pr.set("descr", alt)
        doc_pr.set("title", alt[:250])


def page_number_footer(section: Any, footer_style_id: str | None) -> bool:
    """Give ``section`` a centred "Page N" footer. A template's own footer is kept, and the
    page number added below its text unless it already shows one (a PAGE field).

    Returns whether a page number was added."""
    footer = section.footer
    if not footer.is_linked_to_previous and _has_content(footer._element):
        if _has_page_number(footer._element):
            return False
    else:
        footer.is_linked_to_previous = False
        for old in list(footer._element):
            footer._element.remove(old)
    paragraph = footer.add_paragraph()
    ppr = paragraph._p.get_or_add_pPr()
    if footer_style_id:
        insert_ordered(ppr, element("w:pStyle", {"w:val": footer_style_id}), PPR_ORDER)
    insert_ordered(ppr, element("w:jc", {"w:val": "center"}), PPR_ORDER)
    paragraph.add_run("Page ")
    for run in field_runs("PAGE", "1"):
        paragraph._p.append(run)
    return True


def mark_run(run: Any, style_id: str) -> None:
    set_rpr(run._r, element("w:rStyle", {"w:val": style_id}))


def _has_page_number(part: Any) -> bool:
    """Whether a header or footer shows the page number (a PAGE field, simple or complex)."""
    instructions = [t.text or "" for t in part.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr")) or "" for f in part.iter(qn("w:fldSimple"))]
    return any(i.split()[:1] == ["PAGE"] for i in instructions)


def _has_content(part: Any) -> bool:
    for node in part.iter(qn("w:t"), qn("w:instrText"), qn("w:fldSimple"), qn("w:drawing")):
        if node.tag != qn("w:t") or (node.text or "").strip():
            return True
    return any(True for _ in part.iter(qn("w:pict")))
