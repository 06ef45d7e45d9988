"""Checking a Word file for the accessibility faults a public-sector document must not have.

``check_docx`` reads the package with zipfile and ElementTree (no Word, no python-docx) and
returns one ``Problem`` per fault found; an empty list means every rule passed. The rules
follow the usual public-sector checks (GOV.UK, WCAG 2.2 AA as it applies to documents):

- ``title``: the document has a title in its properties.
- ``language``: a language is set in ``w:lang`` (style defaults or the Normal style).
- ``headings``: at least one heading, and no level skipped (1 then 3 is a fault).
- ``empty-heading``: no heading without text.
- ``table-header``: every table's first row is marked as a header row (``w:tblHeader``).
- ``alt-text``: every picture (``wp:docPr``) has a description.
- ``link-text``: every link says where it goes: not empty, not "click here", not a bare URL.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

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
    "this",
    "click this link",
}
_BARE_URL = re.compile(r"^(?:https?://|www\.|mailto:)\S+$", re.IGNORECASE)
_HEADING_NAME = re.compile(r"^heading ([1-9])$", re.IGNORECASE)
_MAX_PART = 64 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    rule: str
    where: str  # a place a person can find: "heading 'Rights of staff'", "table 3"
    message: str


def check_docx(path: Path) -> list[Problem]:
    """Every accessibility problem found in the Word file at ``path``."""
    try:
        with zipfile.ZipFile(path) as package:
            document = _parse(package, "word/document.xml")
            if document is None:
                return [Problem("file", str(path), "This is not a Word document.")]
            styles = _parse(package, "word/styles.xml")
            core = _parse(package, "docProps/core.xml")
    except (zipfile.BadZipFile, OSError, ElementTree.ParseError) as error:
        return [Problem("file", str(path), f"The file could not be read: {error}")]
    outline = _heading_levels(styles)
    problems = _title(core) + _language(styles)
    problems += _headings(document, outline)
    problems += _tables(document) + _pictures(document) + _links(document)
    return problems


def _parse(package: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_PART:
        raise OSError(f"{name} is too large")
    return ElementTree.fromstring(package.read(info))


def _text(node: ElementTree.Element) -> str:
    return "".join(t.text or "" for t in node.iter(f"{W}t"))


def _title(core: ElementTree.Element | None) -> list[Problem]:
    title = core.find(f"{DC}title") if core is not None else None
    if title is None or not (title.text or "").strip():
        return [
            Problem(
                "title",
                "document properties",
                "The document has no title. Screen readers announce the title when it opens.",
            )
        ]
    return []


def _language(styles: ElementTree.Element | None) -> list[Problem]:
    if styles is not None:
        default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        if default is not None and default.get(f"{W}val"):
            return []
        for style in styles.iter(f"{W}style"):
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
                own = style.find(f"{W}rPr/{W}lang")
                if own is not None and own.get(f"{W}val"):
                    return []
    return [
        Problem(
            "language",
            "styles",
            "No document language is set (w:lang), so screen readers may read it in the wrong "
            "language.",
        )
    ]


def _heading_levels(styles: ElementTree.Element | None) -> dict[str, int]:
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


def _headings(document: ElementTree.Element, outline: dict[str, int]) -> list[Problem]:
    problems = []
    previous = 0
    count = 0
    for paragraph in document.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        level = outline.get(style.get(f"{W}val", "") if style is not None else "")
        own = paragraph.find(f"{W}pPr/{W}outlineLvl")
        if own is not None:
            value = int(own.get(f"{W}val", "9"))
            level = value + 1 if value < 9 else None
        if level is None:
            continue
        count += 1
        text = _text(paragraph).strip()
        where = f"heading {count}" + (f" '{text[:60]}'" if text else "")
        if not text:
            problems.append(
                Problem("empty-heading", where, "A heading has no text; give it one or remove it.")
            )
        if level > previous + 1:
            problems.append(
                Problem(
                    "headings",
                    where,
                    f"A level {level} heading follows a level {previous or 'no'} heading; "
                    "heading levels must not be skipped.",
                )
            )
        previous = level
    if count == 0:
        problems.append(
            Problem(
                "headings",
                "document",
                "The document has no headings, so nobody can move through it by heading.",
            )
        )
    return problems


def _tables(document: ElementTree.Element) -> list[Problem]:
    problems = []
    for number, table in enumerate(document.iter(f"{W}tbl"), 1):
        first = table.find(f"{W}tr")
        mark = first.find(f"{W}trPr/{W}tblHeader") if first is not None else None
        if mark is None or mark.get(f"{W}val", "true") in ("0", "false", "off"):
            caption = table.find(f"{W}tblPr/{W}tblCaption")
            name = f" '{caption.get(f'{W}val')}'" if caption is not None else ""
            problems.append(
                Problem(
                    "table-header",
                    f"table {number}{name}",
                    "The table's first row is not marked as a header row, so it is not "
                    "repeated on each page or announced by screen readers.",
                )
            )
    return problems


def _pictures(document: ElementTree.Element) -> list[Problem]:
    problems = []
    for number, picture in enumerate(document.iter(f"{WP}docPr"), 1):
        if not (picture.get("descr") or "").strip():
            name = picture.get("name") or f"picture {number}"
            problems.append(Problem("alt-text", name, "The picture has no description (alt text)."))
    return problems


def _links(document: ElementTree.Element) -> list[Problem]:
    problems = []
    for number, link in enumerate(document.iter(f"{W}hyperlink"), 1):
        text = " ".join(_text(link).split())
        where = f"link {number}" + (f" '{text[:60]}'" if text else "")
        if not text:
            message = "The link has no text."
        elif text.lower().strip(".:!") in MEANINGLESS_LINKS:
            message = f"The link text '{text}' does not say where the link goes."
        elif _BARE_URL.match(text):
            message = "The link text is a bare web address; say where it goes in words."
        else:
            continue
        problems.append(Problem("link-text", where, message))
    return problems
