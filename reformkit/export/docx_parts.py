"""Building the larger pieces of a Word body: tables, pictures, hyperlinks and the footer.

Each function takes python-docx objects or lxml elements and returns what it made; the
writer (``docx_writer``) decides where they go.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Sequence
from copy import deepcopy
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm

from reformkit.export.docx_xml import (
    PPR_ORDER,
    TBLPR_ORDER,
    TRPR_ORDER,
    clean,
    element,
    field_runs,
    insert_ordered,
    set_rpr,
    text_run,
)
from reformkit.layout.blocks import Table

_SCHEMES = ("http", "https", "mailto")
_CHAR_TWIPS = 112  # an average character of Arial 10 pt, with a little to spare
_BOLD_CHAR_TWIPS = 122
_CELL_PADDING_TWIPS = 200  # cell margins and borders
_SECTPR_ORDER = (
    "w:headerReference w:footerReference w:footnotePr w:endnotePr w:type w:pgSz w:pgMar "
    "w:paperSrc w:pgBorders w:lnNumType w:pgNumType w:cols w:formProt w:vAlign w:noEndnote "
    "w:titlePg w:textDirection w:bidi w:rtlGutter w:docGrid w:printerSettings w:sectPrChange"
).split()
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def table_element(
    table: Table, style_id: str, text_style_id: str, text_width_twips: int
) -> tuple[Any, int]:
    """A ``w:tbl`` for ``table``: bordered style, header row that repeats on every page,
    caption and description for screen readers, column widths. Returns it and its columns."""
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
    caption = clean(table.caption).strip()
    described = ", ".join(clean(h) for h in header if clean(h).strip())
    if caption:
        insert_ordered(tbl_pr, element("w:tblCaption", {"w:val": caption[:250]}), TBLPR_ORDER)
    description = f"{caption}. " if caption else ""
    description += f"{len(rows)} rows; columns: {described}." if described else ""
    if description:
        insert_ordered(
            tbl_pr, element("w:tblDescription", {"w:val": description[:1000]}), TBLPR_ORDER
        )
    tbl.append(tbl_pr)
    grid = element("w:tblGrid")
    for width in widths:
        grid.append(element("w:gridCol", {"w:w": str(width)}))
    tbl.append(grid)
    tbl.append(_row(header, widths, text_style_id, is_header=True))
    for row in rows:
        tbl.append(_row(row, widths, text_style_id, is_header=False))
    return tbl, columns


def column_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], relative: Sequence[float], total: int
) -> list[int]:
    """Column widths in twentieths of a point that add up to ``total``.

    Given relative widths are used as they are. Otherwise each column first gets room for its
    longest word (so no word is broken across lines), then a share of what is left by how
    much text it holds."""
    columns = len(header)
    if len(relative) == columns and all(w > 0 for w in relative):
        scale = total / sum(relative)
        widths = [int(w * scale) for w in relative]
    else:
        least = minimum_widths(header, rows)
        amounts = []
        for index in range(columns):
            cells = [clean(row[index]) for row in rows] or [""]
            amounts.append(max(sum(len(cell) for cell in cells) / len(cells), 1.0) ** 0.8)
        spare = total - sum(least)
        if spare > 0:
            widths = [
                int(m + spare * a / sum(amounts)) for m, a in zip(least, amounts, strict=True)
            ]
        else:
            widths = [int(m * total / sum(least)) for m in least]
    widths[-1] += total - sum(widths)
    return widths


def minimum_widths(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    """Room for the longest word of each column at 10 pt, header words in bold."""
    least = []
    for index, title in enumerate(header):
        body = max((len(w) for row in rows for w in clean(row[index]).split()), default=1)
        head = max((len(w) for w in clean(title).split()), default=1)
        least.append(max(body * _CHAR_TWIPS, head * _BOLD_CHAR_TWIPS) + _CELL_PADDING_TWIPS)
    return least


def _pad(cells: Sequence[str], columns: int) -> tuple[str, ...]:
    return tuple(cells) + ("",) * (columns - len(cells))


def _row(cells: Sequence[str], widths: Sequence[int], text_style_id: str, is_header: bool) -> Any:
    row = element("w:tr")
    tr_pr = element("w:trPr")
    if is_header:
        insert_ordered(tr_pr, element("w:cantSplit"), TRPR_ORDER)
        insert_ordered(tr_pr, element("w:tblHeader"), TRPR_ORDER)
    if len(tr_pr):
        row.append(tr_pr)
    for text, width in zip(cells, widths, strict=True):
        cell = element("w:tc")
        tc_pr = element("w:tcPr")
        tc_pr.append(element("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
        cell.append(tc_pr)
        paragraph = element("w:p")
        ppr = element("w:pPr")
        ppr.append(element("w:pStyle", {"w:val": text_style_id}))
        paragraph.append(ppr)
        cell.append(paragraph)
        value = clean(text)
        if value:
            paragraph.append(text_run(value, bold=is_header))
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
    """Give ``section`` a centred "Page N" footer unless it has a footer of its own.

    Returns whether a footer was added."""
    footer = section.footer
    if not footer.is_linked_to_previous and _has_content(footer._element):
        return False
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


def _has_content(part: Any) -> bool:
    for node in part.iter(qn("w:t"), qn("w:instrText"), qn("w:fldSimple"), qn("w:drawing")):
        if node.tag != qn("w:t") or (node.text or "").strip():
            return True
    return any(True for _ in part.iter(qn("w:pict")))


def start_landscape(body: Any) -> tuple[Any, int]:
    """End the current section here, so that what follows starts on a landscape page.

    Returns the section properties that will close the landscape part (give them to
    ``end_landscape``) and the width of its text in twips. Only the document's first section
    keeps a different first page (the unnumbered title page)."""
    final = body.find(qn("w:sectPr"))
    first_split = body.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:sectPr')}") is None
    portrait = deepcopy(final)
    if not first_split:
        _drop_title_page(portrait)
    _drop_title_page(final)
    last = final.getprevious()
    if last is not None and last.tag == qn("w:p") and last.find(f".//{qn('w:sectPr')}") is None:
        insert_ordered(last.get_or_add_pPr(), portrait, PPR_ORDER)
    else:
        final.addprevious(_carrier(portrait))
    landscape = deepcopy(final)
    size = landscape.find(qn("w:pgSz"))
    if size is None:
        size = insert_ordered(landscape, element("w:pgSz"), _SECTPR_ORDER)
    width, height = size.get(qn("w:w")) or "11906", size.get(qn("w:h")) or "16838"
    if int(width) < int(height):
        size.set(qn("w:w"), height)
        size.set(qn("w:h"), width)
    size.set(qn("w:orient"), "landscape")
    margins = landscape.find(qn("w:pgMar"))
    left = int(margins.get(qn("w:left"), "1417")) if margins is not None else 1417
    right = int(margins.get(qn("w:right"), "1417")) if margins is not None else 1417
    return landscape, int(size.get(qn("w:w"))) - left - right


def end_landscape(body: Any, landscape: Any) -> None:
    """Close the landscape part started by ``start_landscape``; portrait pages follow."""
    body.find(qn("w:sectPr")).addprevious(_carrier(landscape))


def _carrier(section: Any) -> Any:
    """An empty, tiny paragraph that only carries section properties."""
    paragraph = element("w:p")
    ppr = element("w:pPr")
    ppr.append(
        element(
            "w:spacing", {"w:before": "0", "w:after": "0", "w:line": "20", "w:lineRule": "exact"}
        )
    )
    insert_ordered(ppr, section, PPR_ORDER)
    paragraph.append(ppr)
    return paragraph


def _drop_title_page(section: Any) -> None:
    for tag in ("w:headerReference", "w:footerReference"):
        for reference in section.findall(qn(tag)):
            if reference.get(qn("w:type")) == "first":
                section.remove(reference)
    for title_page in section.findall(qn("w:titlePg")):
        section.remove(title_page)
