"""The styles a Word export uses: ReformKit's own definitions, and finding them in a template.

The built-in template (``build_scripts/make_template.py``) is made from these definitions, and
a house template that lacks one of them gets ReformKit's version added, so a style is never
missing when the writer asks for it. Styles are looked up by name (case does not matter, as
in Word) and applied by their id, which differs between languages of Word.

The colours meet WCAG AA on white (contrast of 4.5:1 or more): headings are #1F3864 (about
12:1), small text #404040 (about 10:1), links #1155CC (about 6.5:1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from reformkit.export.docx_xml import RPR_ORDER, element, insert_ordered

DARK_BLUE = "1F3864"
GREY = "404040"
LINK_BLUE = "1155CC"
TEXT_WIDTH_TWIPS = 9071  # A4 (21 cm) less two 2.5 cm margins


@dataclass(frozen=True)
class StyleDef:
    name: str  # as Word writes it in styles.xml ("heading 1", "toc 1", "Title")
    style_id: str
    kind: str = "paragraph"  # paragraph, character or table
    based_on: str = "Normal"  # a style *name*; resolved to the template's own id
    next_style: str = ""
    body: str = ""  # the w:pPr, w:rPr, w:tblPr … children, in schema order
    standard: bool = True  # a house template is expected to have it: warn when it does not

    @property
    def label(self) -> str:
        """The name as Word shows it in its style gallery."""
        if self.name.startswith("toc "):
            return self.name.upper()
        return self.name[0].upper() + self.name[1:] if self.name.islower() else self.name


def _rpr(size_pt: float, bold: bool = False, color: str = "", extra: str = "") -> str:
    half_points = round(size_pt * 2)
    return (
        "<w:rPr>"
        + ("<w:b/><w:bCs/>" if bold else "")
        + (f'<w:color w:val="{color}"/>' if color else "")
        + f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
        + extra
        + "</w:rPr>"
    )


def _heading(level: int, size_pt: float, before: int, after: int) -> StyleDef:
    return StyleDef(
        f"heading {level}",
        f"Heading{level}",
        next_style="Normal",
        body=(
            f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}"'
            f' w:line="264" w:lineRule="auto"/><w:outlineLvl w:val="{level - 1}"/></w:pPr>'
            + _rpr(size_pt, bold=True, color=DARK_BLUE)
        ),
    )


def _toc(level: int) -> StyleDef:
    indent = (level - 1) * 440
    return StyleDef(
        f"toc {level}",
        f"TOC{level}",
        next_style="Normal",
        body=(
            f'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH_TWIPS}"/>'
            f'</w:tabs><w:spacing w:before="{120 if level == 1 else 0}" w:after="60"/>'
            f'<w:ind w:left="{indent}"/></w:pPr>' + _rpr(12, bold=level == 1)
        ),
    )


def _boxed(name: str, style_id: str, border: str, fill: str) -> StyleDef:
    return StyleDef(
        name,
        style_id,
        standard=False,
        body=(
            "<w:pPr><w:pBdr>"
            f'<w:top w:val="single" w:sz="4" w:space="4" w:color="{border}"/>'
            f'<w:left w:val="single" w:sz="24" w:space="6" w:color="{border}"/>'
            f'<w:bottom w:val="single" w:sz="4" w:space="4" w:color="{border}"/>'
            f'<w:right w:val="single" w:sz="4" w:space="6" w:color="{border}"/>'
            f'</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
            '<w:spacing w:before="240" w:after="240"/><w:ind w:left="170" w:right="170"/></w:pPr>'
        ),
    )


_CELL_BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="595959"'

TABLE_STYLE = StyleDef(
    "ReformKit Table",
    "ReformKitTable",
    kind="table",
    based_on="Normal Table",
    standard=False,
    body=(
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="252" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'
        "<w:tblPr><w:tblBorders>"
        f"<w:top {_CELL_BORDER}/><w:left {_CELL_BORDER}/><w:bottom {_CELL_BORDER}/>"
        f"<w:right {_CELL_BORDER}/><w:insideH {_CELL_BORDER}/><w:insideV {_CELL_BORDER}/>"
        '</w:tblBorders><w:tblCellMar><w:top w:w="57" w:type="dxa"/>'
        '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/>'
        '<w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DCE4F2"/></w:tcPr></w:tblStylePr>'
    ),
)

STYLES: tuple[StyleDef, ...] = (
    StyleDef(
        "Title",
        "Title",
        next_style="Subtitle",
        body=(
            '<w:pPr><w:spacing w:before="2400" w:after="240" w:line="240" w:lineRule="auto"/>'
            "</w:pPr>" + _rpr(30, bold=True, color=DARK_BLUE)
        ),
    ),
    StyleDef(
        "Subtitle",
        "Subtitle",
        next_style="Normal",
        body='<w:pPr><w:spacing w:after="600"/></w:pPr>' + _rpr(18, color=GREY),
    ),
    _heading(1, 20, 480, 160),
    _heading(2, 15, 360, 120),
    _heading(3, 13, 240, 80),
    StyleDef(
        "TOC Heading",
        "TOCHeading",
        next_style="Normal",
        body=(
            '<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="240"/><w:outlineLvl w:val="9"/>'
            "</w:pPr>" + _rpr(20, bold=True, color=DARK_BLUE)
        ),
    ),
    _toc(1),
    _toc(2),
    StyleDef(
        "List Bullet",
        "ListBullet",
        body='<w:pPr><w:spacing w:after="80"/><w:ind w:left="360" w:hanging="360"/></w:pPr>',
    ),
    StyleDef(
        "List Number",
        "ListNumber",
        body='<w:pPr><w:spacing w:after="80"/><w:ind w:left="360" w:hanging="360"/></w:pPr>',
    ),
    StyleDef(
        "caption",
        "Caption",
        next_style="Normal",
        body=(
            '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr>'
            + _rpr(11, bold=True, color=DARK_BLUE)
        ),
    ),
    StyleDef(
        "Clause Title",
        "ClauseTitle",
        next_style="Normal",
        standard=False,
        body=(
            '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="60"/></w:pPr>'
            + _rpr(12, bold=True, color=DARK_BLUE)
        ),
    ),
    StyleDef(
        "Clause Detail",
        "ClauseDetail",
        standard=False,
        body='<w:pPr><w:spacing w:after="40"/></w:pPr>',
    ),
    StyleDef(
        "Lead",
        "Lead",
        standard=False,
        body='<w:pPr><w:spacing w:after="240"/></w:pPr>' + _rpr(14),
    ),
    StyleDef(
        "Small",
        "Small",
        standard=False,
        body='<w:pPr><w:spacing w:after="80"/></w:pPr>' + _rpr(10, color=GREY),
    ),
    StyleDef(
        "Table Text",
        "TableText",
        standard=False,
        body='<w:pPr><w:spacing w:before="0" w:after="0" w:line="252" w:lineRule="auto"/></w:pPr>'
        + _rpr(10),
    ),
    _boxed("Note", "Note", DARK_BLUE, "E8EEF7"),
    _boxed("Warning Note", "WarningNote", "9C4A00", "FDF0E1"),
    StyleDef(
        "Hyperlink",
        "Hyperlink",
        kind="character",
        based_on="Default Paragraph Font",
        standard=False,
        body=f'<w:rPr><w:color w:val="{LINK_BLUE}"/><w:u w:val="single"/></w:rPr>',
    ),
    TABLE_STYLE,
)


def styles_root(document: Any) -> Any:
    return document.styles.element


def find_style(root: Any, name: str, kind: str = "") -> Any | None:
    """The ``w:style`` element called ``name`` (any case), or None."""
    wanted = name.lower()
    for style in root.iterchildren(qn("w:style")):
        name_element = style.find(qn("w:name"))
        if name_element is None or (name_element.get(qn("w:val")) or "").lower() != wanted:
            continue
        if not kind or style.get(qn("w:type")) == kind:
            return style
    return None


def style_id(root: Any, name: str, kind: str = "") -> str | None:
    style = find_style(root, name, kind)
    return None if style is None else str(style.get(qn("w:styleId")))


def default_style_id(root: Any, kind: str) -> str | None:
    for style in root.iterchildren(qn("w:style")):
        if style.get(qn("w:type")) == kind and style.get(qn("w:default")) in ("1", "true", "on"):
            return str(style.get(qn("w:styleId")))
    return None


def define(root: Any, definition: StyleDef, replace: bool = False) -> str:
    """Add ``definition`` to the styles (or, with ``replace``, overwrite one of its name).

    Returns the style's id in this document."""
    existing = find_style(root, definition.name, definition.kind)
    if existing is not None and not replace:
        return str(existing.get(qn("w:styleId")))
    taken = {str(s.get(qn("w:styleId"))) for s in root.iterchildren(qn("w:style"))}
    new_id = definition.style_id
    if existing is not None:
        new_id = str(existing.get(qn("w:styleId")))
    while new_id in taken and existing is None:
        new_id += "RK"
    parts = [f'<w:name w:val="{definition.name}"/>']
    based_on = _resolve(root, definition.based_on, definition.kind)
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    next_id = _resolve(root, definition.next_style, "paragraph") if definition.next_style else ""
    if next_id:
        parts.append(f'<w:next w:val="{next_id}"/>')
    parts.append('<w:uiPriority w:val="9"/><w:qFormat/>')
    custom = ' w:customStyle="1"' if not definition.standard else ""
    made = parse_xml(
        f'<w:style {nsdecls("w")} w:type="{definition.kind}"{custom} w:styleId="{new_id}">'
        + "".join(parts)
        + definition.body
        + "</w:style>"
    )
    if existing is not None:
        root.replace(existing, made)
    else:
        root.append(made)
    return new_id


def _resolve(root: Any, name: str, kind: str) -> str:
    if not name:
        return ""
    found = style_id(root, name, kind)
    if found:
        return found
    if name in ("Normal", "Normal Table", "Default Paragraph Font"):
        return default_style_id(root, kind) or ""
    return ""


@dataclass
class StyleMap:
    """The id of each style the writer uses, after adding what the template lacks."""

    ids: dict[str, str]
    table: str
    missing: list[str]

    def __getitem__(self, label: str) -> str:
        return self.ids[label]


def prepare_styles(document: Any) -> StyleMap:
    """Make sure every style the writer needs exists; note the standard ones that did not."""
    from reformkit.export.docx_house import adapt, house_look

    root = styles_root(document)
    look = house_look(root)  # styles ReformKit adds take the template's colour and font
    missing = [d.label for d in STYLES if d.standard and find_style(root, d.name, d.kind) is None]
    ids = {d.label: define(root, adapt(d, look)) for d in STYLES if d.kind != "table"}
    table = style_id(root, TABLE_STYLE.name, "table") or style_id(root, "Table Grid", "table")
    if table is None:
        missing.append(TABLE_STYLE.name)
        table = define(root, adapt(TABLE_STYLE, look))
    return StyleMap(ids, table, missing)


def set_language(document: Any, language: str) -> None:
    """Set the document language in the style defaults (and Normal, if it sets one)."""
    root = styles_root(document)
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = element("w:docDefaults")
        root.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = element("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = element("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = insert_ordered(rpr, element("w:lang"), RPR_ORDER)
    lang.set(qn("w:val"), language)
    normal = default_style_id(root, "paragraph")
    for style in root.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) == normal:
            own = style.find(f"{qn('w:rPr')}/{qn('w:lang')}")
            if own is not None:
                own.set(qn("w:val"), language)
