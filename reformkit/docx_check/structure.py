"""The rules about a Word file's structure: title, language, headings, tables, pictures, links.

- ``title``: the document has a title in its properties (``dc:title``).
- ``language``: a language is set in ``w:lang``, in the style defaults or the default
  paragraph style. That is what Word and screen readers read the text in; ``dc:language``
  in the properties and ``w:themeFontLang`` in settings only choose fonts or label the
  file, so they are not enough.
- ``headings``: at least one heading, and no level skipped (1 then 3 is a fault).
- ``empty-heading``: no heading without text.
- ``table-header``: every table's first row repeats as a header row (``w:tblHeader``).
- ``alt-text``: every picture has a description (``wp:docPr descr``) and every table a
  description or caption (``w:tblDescription``, ``w:tblCaption``).
- ``link-text``: every link says where it goes: not empty, not "click here", not a bare URL.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from reformkit.docx_check.problem import Problem, paragraph_place, quote

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DC = "{http://purl.org/dc/elements/1.1/}"
MEANINGLESS_LINKS = {
    "click here",
    "here",
    "link",
    "this link",
    "click",
    "more",
    "read more",
    "find out more",
    "more information",
    "this",
    "click this link",
    "this page",
}
_BARE_URL = re.compile(r"^(?:https?://|www\.|mailto:)\S+$", re.IGNORECASE)
_HEADING_NAME = re.compile(r"^heading ([1-9])$", re.IGNORECASE)
_OFF = ("0", "false", "off")

FIX_TITLE = (
    "In Word choose File › Info, click 'Add a title' under Properties and type the "
    "document's title (on a Mac: File › Properties › Summary › Title). Save the file."
)
FIX_LANGUAGE = (
    "Select all the text (Ctrl+A), choose Review › Language › Set Proofing Language, pick "
    "the language (for example English (United Kingdom)) and click Set As Default."
)
FIX_SKIPPED = (
    "Click in the heading and, on the Home tab, choose the heading style one level below "
    "the heading before it (Heading 2 after Heading 1, Heading 3 after Heading 2)."
)
FIX_EMPTY_HEADING = (
    "Click in the empty heading and type its text, or delete the paragraph (or set it to "
    "the Normal style on the Home tab)."
)
FIX_NO_HEADINGS = (
    "Select each section's title and, on the Home tab, choose Heading 1 (and Heading 2 "
    "for the parts within it) from the Styles gallery."
)
FIX_TABLE_HEADER = (
    "Click in the table's first row, open the Table Layout tab (Layout) and turn on "
    "Repeat Header Rows; make sure that row holds the column headings."
)
FIX_PICTURE = (
    "Right-click the picture, choose View Alt Text (Edit Alt Text) and describe what the "
    "picture shows; tick 'Mark as decorative' only if it adds nothing."
)
FIX_TABLE_TEXT = (
    "Right-click the table, choose Table Properties, open the Alt Text tab and type a "
    "title and a description of what the table shows."
)
FIX_LINK = (
    "Right-click the link, choose Edit Hyperlink and, in 'Text to display', write where "
    "the link goes (for example 'the Demos briefing' rather than 'click here')."
)


def paragraph_text(node: ElementTree.Element) -> str:
    return "".join(t.text or "" for t in node.iter(f"{W}t"))


def title(core: ElementTree.Element | None) -> list[Problem]:
    node = core.find(f"{DC}title") if core is not None else None
    if node is None or not (node.text or "").strip():
        message = "The document has no title. Screen readers announce the title when it opens."
        return [Problem("title", "document properties", message, FIX_TITLE)]
    return []


def language(styles: ElementTree.Element | None) -> list[Problem]:
    found: list[ElementTree.Element | None] = []
    if styles is not None:
        found.append(styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang"))
        for style in styles.iter(f"{W}style"):
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
                found.append(style.find(f"{W}rPr/{W}lang"))
    if any(node is not None and node.get(f"{W}val") for node in found):
        return []
    message = (
        "No document language is set (w:lang), so screen readers may read it in the wrong language."
    )
    return [Problem("language", "the document's styles", message, FIX_LANGUAGE)]


def heading_levels(styles: ElementTree.Element | None) -> dict[str, int]:
    """Heading level by paragraph style id, from the style name or its outline level."""
    if styles is None:
        return {}
    by_id = {s.get(f"{W}styleId", ""): s for s in styles.iter(f"{W}style")}
    levels: dict[str, int] = {}
    for style_id, style in by_id.items():
        if style.get(f"{W}type") != "paragraph":
            continue
        seen: set[str] = set()
        current: ElementTree.Element | None = style
        while current is not None and style_id not in levels:
            name = current.find(f"{W}name")
            match = _HEADING_NAME.match(name.get(f"{W}val", "") if name is not None else "")
            outline = current.find(f"{W}pPr/{W}outlineLvl")
            if outline is not None:
                value = int(outline.get(f"{W}val", "9"))
                if value < 9:
                    levels[style_id] = value + 1
                break
            if match:
                levels[style_id] = int(match.group(1))
                break
            based = current.find(f"{W}basedOn")
            parent = based.get(f"{W}val", "") if based is not None else ""
            if not parent or parent in seen:
                break
            seen.add(parent)
            current = by_id.get(parent)
    return levels


def headings(paragraphs: list[ElementTree.Element], outline: dict[str, int]) -> list[Problem]:
    problems = []
    previous = 0
    count = 0
    for number, paragraph in enumerate(paragraphs, 1):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        level = outline.get(style.get(f"{W}val", "") if style is not None else "")
        own = paragraph.find(f"{W}pPr/{W}outlineLvl")
        if own is not None:
            value = int(own.get(f"{W}val", "9"))
            level = value + 1 if value < 9 else None
        if level is None:
            continue
        count += 1
        text = paragraph_text(paragraph).strip()
        where = paragraph_place(number, text)
        if not text:
            problems.append(
                Problem(
                    "empty-heading",
                    where,
                    "A heading has no text; screen readers announce an empty heading.",
                    FIX_EMPTY_HEADING,
                )
            )
        if level > previous + 1:
            problems.append(
                Problem(
                    "headings",
                    where,
                    f"A level {level} heading follows a level {previous or 'no'} heading; "
                    "heading levels must not be skipped.",
                    FIX_SKIPPED,
                )
            )
        previous = level
    if count == 0:
        problems.append(
            Problem(
                "headings",
                "document",
                "The document has no headings, so nobody can move through it by heading.",
                FIX_NO_HEADINGS,
            )
        )
    return problems


def tables(document: ElementTree.Element) -> list[Problem]:
    problems = []
    for number, table in enumerate(document.iter(f"{W}tbl"), 1):
        caption = table.find(f"{W}tblPr/{W}tblCaption")
        description = table.find(f"{W}tblPr/{W}tblDescription")
        named = (caption.get(f"{W}val") or "").strip() if caption is not None else ""
        described = (description.get(f"{W}val") or "").strip() if description is not None else ""
        first = table.find(f"{W}tr")
        first_text = quote(paragraph_text(first if first is not None else table), 40)
        where = f"table {number}" + (f" '{quote(named, 40)}'" if named else "")
        where += f" (starting '{first_text}')" if first_text and not named else ""
        mark = first.find(f"{W}trPr/{W}tblHeader") if first is not None else None
        if mark is None or mark.get(f"{W}val", "true") in _OFF:
            problems.append(
                Problem(
                    "table-header",
                    where,
                    "The table's first row is not marked as a header row, so it is not "
                    "repeated on each page or announced by screen readers.",
                    FIX_TABLE_HEADER,
                )
            )
        if not named and not described:
            problems.append(
                Problem(
                    "alt-text",
                    where,
                    "The table has no title or description (alt text), so a screen reader "
                    "user cannot tell what it holds before reading it cell by cell.",
                    FIX_TABLE_TEXT,
                )
            )
    return problems


def pictures(document: ElementTree.Element) -> list[Problem]:
    problems = []
    for number, picture in enumerate(document.iter(f"{WP}docPr"), 1):
        decorative = any(child.tag.endswith("}decorative") for child in picture.iter())
        if not (picture.get("descr") or "").strip() and not decorative:
            name = picture.get("name") or ""
            where = f"picture {number}" + (f" '{quote(name, 40)}'" if name else "")
            problems.append(
                Problem(
                    "alt-text", where, "The picture has no description (alt text).", FIX_PICTURE
                )
            )
    return problems


def links(paragraphs: list[ElementTree.Element]) -> list[Problem]:
    problems = []
    for number, paragraph in enumerate(paragraphs, 1):
        for link in paragraph.findall(f".//{W}hyperlink"):
            text = " ".join(paragraph_text(link).split())
            if not text:
                message = "The link has no text."
            elif text.lower().strip(".:!") in MEANINGLESS_LINKS:
                message = f"The link text '{text}' does not say where the link goes."
            elif _BARE_URL.match(text):
                message = "The link text is a bare web address; say where it goes in words."
            else:
                continue
            where = paragraph_place(number, paragraph_text(paragraph))
            problems.append(Problem("link-text", where, message, FIX_LINK))
    return problems
