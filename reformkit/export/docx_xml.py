"""Small helpers for the WordprocessingML that python-docx has no API for.

Everything here builds or edits lxml elements through ``docx.oxml``; none of it knows what a
charter or a plan is. Word is strict about the order of child elements, so elements are
inserted in schema order (see ``insert_ordered``).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser

# Characters XML 1.0 cannot hold: C0 controls except tab, newline and carriage return; lone
# surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Schema order of the children this package adds or touches (ECMA-376 part 1, 17.3 and 17.4).
PPR_ORDER = (
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr "
    "w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap "
    "w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd "
    "w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc "
    "w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle w:rPr "
    "w:sectPr w:pPrChange"
).split()
RPR_ORDER = (
    "w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike w:dstrike w:outline "
    "w:shadow w:emboss w:imprint w:noProof w:snapToGrid w:vanish w:webHidden w:color w:spacing "
    "w:w w:kern w:position w:sz w:szCs w:highlight w:u w:effect w:bdr w:shd w:fitText "
    "w:vertAlign w:rtl w:cs w:em w:lang w:eastAsianLayout w:specVanish w:oMath"
).split()
TBLPR_ORDER = (
    "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize "
    "w:tblStyleColBandSize w:tblW w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd "
    "w:tblLayout w:tblCellMar w:tblLook w:tblCaption w:tblDescription"
).split()
TRPR_ORDER = (
    "w:cnfStyle w:divId w:gridBefore w:gridAfter w:wBefore w:wAfter w:cantSplit w:trHeight "
    "w:tblHeader w:tblCellSpacing w:jc w:hidden"
).split()
SETTINGS_ORDER = (
    "w:writeProtection w:view w:zoom w:removePersonalInformation w:removeDateAndTime "
    "w:doNotDisplayPageBoundaries w:displayBackgroundShape w:printPostScriptOverText "
    "w:printFractionalCharacterWidth w:printFormsData w:embedTrueTypeFonts w:embedSystemFonts "
    "w:saveSubsetFonts w:saveFormsData w:mirrorMargins w:alignBordersAndEdges "
    "w:bordersDoNotSurroundHeader w:bordersDoNotSurroundFooter w:gutterAtTop "
    "w:hideSpellingErrors w:hideGrammaticalErrors w:activeWritingStyle w:proofState "
    "w:formsDesign w:attachedTemplate w:linkStyles w:stylePaneFormatFilter "
    "w:stylePaneSortMethod w:documentType w:mailMerge w:revisionView w:trackRevisions "
    "w:doNotTrackMoves w:doNotTrackFormatting w:documentProtection w:autoFormatOverride "
    "w:styleLockTheme w:styleLockQFSet w:defaultTabStop w:autoHyphenation "
    "w:consecutiveHyphenLimit w:hyphenationZone w:doNotHyphenateCaps w:showEnvelope "
    "w:summaryLength w:clickAndTypeStyle w:defaultTableStyle w:evenAndOddHeaders "
    "w:bookFoldRevPrinting w:bookFoldPrinting w:bookFoldPrintingSheets "
    "w:drawingGridHorizontalSpacing w:drawingGridVerticalSpacing "
    "w:displayHorizontalDrawingGridEvery w:displayVerticalDrawingGridEvery "
    "w:doNotUseMarginsForDrawingGridOrigin w:drawingGridHorizontalOrigin "
    "w:drawingGridVerticalOrigin w:doNotShadeFormData w:noPunctuationKerning "
    "w:characterSpacingControl w:printTwoOnOne w:strictFirstAndLastChars w:noLineBreaksAfter "
    "w:noLineBreaksBefore w:savePreviewPicture w:doNotValidateAgainstSchema w:saveInvalidXml "
    "w:ignoreMixedContent w:alwaysShowPlaceholderText w:doNotDemarcateInvalidXml "
    "w:saveXmlDataOnly w:useXSLTWhenSaving w:saveThroughXslt w:showXMLTags "
    "w:alwaysMergeEmptyNamespace w:updateFields w:hdrShapeDefaults w:footnotePr w:endnotePr "
    "w:compat w:docVars w:rsids m:mathPr w:attachedSchema w:themeFontLang w:clrSchemeMapping "
    "w:doNotIncludeSubdocsInStats w:doNotAutoCompressPictures w:forceUpgrade w:captions "
    "w:readModeInkLockDown w:smartTagType sl:schemaLibrary w:shapeDefaults "
    "w:doNotEmbedSmartTags w:decimalSymbol w:listSeparator"
).split()

_RTL_CLASSES = {"R", "AL"}
_LTR_CLASSES = {"L"}


def clean(text: object) -> str:
    """``text`` with every character XML cannot hold removed and line ends made ``\\n``."""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", value)


def is_right_to_left(text: str) -> bool:
    """Whether the first strongly directional character of ``text`` is right-to-left."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _RTL_CLASSES:
            return True
        if kind in _LTR_CLASSES:
            return False
    return False


@cache
def _clark(tag: str) -> str:
    return str(qn(tag))


@cache
def _namespace(tag: str) -> dict[str, str]:
    prefix = tag.split(":", 1)[0]
    return {prefix: nsmap[prefix]}


def element(tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> Any:
    """A new ``tag`` element, e.g. ``element("w:lang", {"w:val": "en-GB"})``.

    The same as python-docx's ``OxmlElement``, with the name lookups cached: a long export
    makes a hundred thousand elements.
    """
    made = oxml_parser.makeelement(_clark(tag), nsmap=_namespace(tag))
    for name, value in (attrs or {}).items():
        made.set(_clark(name), value)
    if text is not None:
        made.text = text
        if text != text.strip():
            made.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return made


_TEXT_PIECES = re.compile(r"(\n|\t)")


def text_run(text: str, bold: bool = False, italic: bool = False, style_id: str = "") -> Any:
    """A ``w:r`` holding ``text`` (already cleaned), line breaks and tabs as Word wants them.

    Built directly rather than through python-docx's run API, which handles text one
    character at a time and is the slowest part of a long export.
    """
    run = element("w:r")
    rtl = is_right_to_left(text)  # Arabic, Hebrew…: Word orders the run right to left
    if bold or italic or style_id or rtl:
        properties = element("w:rPr")
        if style_id:
            properties.append(element("w:rStyle", {"w:val": style_id}))
        if bold:
            properties.append(element("w:b"))
        if italic:
            properties.append(element("w:i"))
        if rtl:
            properties.append(element("w:rtl"))
        run.append(properties)
    for piece in _TEXT_PIECES.split(text):
        if piece == "\n":
            run.append(element("w:br"))
        elif piece == "\t":
            run.append(element("w:tab"))
        elif piece:
            run.append(element("w:t", text=piece))
    return run


@lru_cache(maxsize=64)
def _clark_list(order: tuple[str, ...]) -> list[str]:
    return [_clark(tag) for tag in order]


def insert_ordered(parent: Any, child: Any, order: Sequence[str]) -> Any:
    """Put ``child`` into ``parent`` in schema order, replacing one of the same tag."""
    tags = _clark_list(tuple(order))
    existing = parent.find(child.tag)
    if existing is not None:
        parent.replace(existing, child)
        return child
    position = tags.index(child.tag) if child.tag in tags else len(tags)
    later = set(tags[position + 1 :])
    for index, sibling in enumerate(parent):
        if sibling.tag in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def child(parent: Any, tag: str, order: Sequence[str]) -> Any:
    """The ``tag`` child of ``parent``, added in schema order if missing."""
    found = parent.find(qn(tag))
    return found if found is not None else insert_ordered(parent, element(tag), order)


def ppr(paragraph: Any) -> Any:
    """The ``w:pPr`` of a python-docx paragraph (its element), added if missing."""
    return paragraph._p.get_or_add_pPr()


def set_ppr(paragraph: Any, new: Any) -> Any:
    return insert_ordered(ppr(paragraph), new, PPR_ORDER)


def set_rpr(run_element: Any, new: Any) -> Any:
    return insert_ordered(run_element.get_or_add_rPr(), new, RPR_ORDER)


def field_runs(instruction: str, result: str = "") -> list[Any]:
    """The runs of a complex field: begin, instruction, separate, cached result, end."""
    runs = [
        _fld_char("begin"),
        _run(element("w:instrText", text=f" {instruction} ")),
        _fld_char("separate"),
    ]
    if result:
        runs.append(_run(element("w:t", text=result)))
    runs.append(_fld_char("end"))
    return runs


def field_begin(instruction: str) -> list[Any]:
    return [
        _fld_char("begin"),
        _run(element("w:instrText", text=f" {instruction} ")),
        _fld_char("separate"),
    ]


def field_end() -> Any:
    return _fld_char("end")


def bookmark(paragraph_element: Any, name: str, bookmark_id: int) -> None:
    """Wrap the whole content of a paragraph in a bookmark called ``name``."""
    start = element("w:bookmarkStart", {"w:id": str(bookmark_id), "w:name": name})
    end = element("w:bookmarkEnd", {"w:id": str(bookmark_id)})
    ppr_element = paragraph_element.find(qn("w:pPr"))
    index = 0 if ppr_element is None else list(paragraph_element).index(ppr_element) + 1
    paragraph_element.insert(index, start)
    paragraph_element.append(end)


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for an anchor: letters, digits and underscores, at most 40."""
    safe = re.sub(r"[^A-Za-z0-9_]", "_", anchor)
    if not safe or not (safe[0].isalpha() or safe.startswith("_")):
        safe = "rk_" + safe
    if len(safe) > 40:
        digest = f"{zlib.crc32(anchor.encode()):08x}"
        safe = safe[:31] + "_" + digest
    return safe


def _fld_char(kind: str) -> Any:
    return _run(element("w:fldChar", {"w:fldCharType": kind}))


def _run(content: Any) -> Any:
    run = element("w:r")
    run.append(content)
    return run
