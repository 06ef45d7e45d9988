"""Landscape pages for wide tables, with section breaks placed by reference.

A Word body ends with its section properties (``w:sectPr``); a section break inside it is a
paragraph carrying a copy. ``Sections`` holds on to the final properties and the break that
closed the last landscape part, so each break costs the same however long the document is
(searching a body of thousands of paragraphs for them made long exports quadratic).

A landscape part starts before the heading and lines kept with its table, so a heading never
sits alone at the foot of a portrait page; a wide table straight after another one stays in
the same landscape part instead of leaving a blank portrait page between them.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from docx.oxml.ns import qn

from reformkit.export.docx_xml import PPR_ORDER, element, insert_ordered

_SECTPR_ORDER = (
    "w:headerReference w:footerReference w:footnotePr w:endnotePr w:type w:pgSz w:pgMar "
    "w:paperSrc w:pgBorders w:lnNumType w:pgNumType w:cols w:formProt w:vAlign w:noEndnote "
    "w:titlePg w:textDirection w:bidi w:rtlGutter w:docGrid w:printerSettings w:sectPrChange"
).split()
_SECT_PR = qn("w:sectPr")
_P = qn("w:p")
_PPR = qn("w:pPr")


class Sections:
    """The section breaks of one body, as it is written."""

    def __init__(self, body: Any) -> None:
        try:
            last = body[-1]
        except IndexError:
            last = None
        self.final = last if last is not None and last.tag == _SECT_PR else None
        self._split = False  # whether any section break has been written yet
        self._closing: Any = None  # the break that ended the latest landscape part
        self._landscape: Any = None  # its properties

    @property
    def can_turn(self) -> bool:
        """Whether the body has section properties to make landscape pages from."""
        return self.final is not None

    def start_landscape(self, first: Any) -> int:
        """Start a landscape part at ``first`` (an element already in the body, or the final
        properties to start at the end). Returns the width of its text in twips."""
        assert self.final is not None
        previous = first.getprevious()
        if previous is not None and previous is self._closing:
            # nothing but kept lines since the last landscape part: carry on in it
            previous.getparent().remove(previous)
            self._closing = None
            return _text_width(self._landscape)
        portrait = deepcopy(self.final)
        if self._split:
            _drop_title_page(portrait)  # only the document's first page is a title page
        _drop_title_page(self.final)
        self._split = True
        if (
            previous is not None
            and previous.tag == _P
            and previous.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None
        ):
            properties = previous.find(_PPR)
            if properties is None:
                properties = element("w:pPr")
                previous.insert(0, properties)
            insert_ordered(properties, portrait, PPR_ORDER)
        else:
            first.addprevious(_carrier(portrait))
        self._landscape = _turned(self.final)
        return _text_width(self._landscape)

    def end_landscape(self) -> None:
        """Close the landscape part at the end of the body; portrait pages follow."""
        assert self.final is not None and self._landscape is not None
        self._closing = _carrier(deepcopy(self._landscape))
        self.final.addprevious(self._closing)

    def content_written(self) -> None:
        """Something other than kept lines follows: the next wide table starts afresh."""
        self._closing = None


def _turned(section: Any) -> Any:
    landscape = deepcopy(section)
    size = landscape.find(qn("w:pgSz"))
    if size is None:
        size = insert_ordered(landscape, element("w:pgSz"), _SECTPR_ORDER)
    width, height = size.get(qn("w:w")) or "11906", size.get(qn("w:h")) or "16838"
    if int(width) < int(height):
        size.set(qn("w:w"), height)
        size.set(qn("w:h"), width)
    size.set(qn("w:orient"), "landscape")
    return landscape


def _text_width(section: Any) -> int:
    size = section.find(qn("w:pgSz"))
    margins = section.find(qn("w:pgMar"))
    left = int(margins.get(qn("w:left"), "1417")) if margins is not None else 1417
    right = int(margins.get(qn("w:right"), "1417")) if margins is not None else 1417
    return int(size.get(qn("w:w"))) - left - right


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
