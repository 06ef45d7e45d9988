"""How each run of text in a Word file looks: its size, colour, weight and background.

Word layers a run's formatting: the document defaults, then the table's style (and its
header-row formatting), the paragraph's style and the styles it is based on, the run's
character style, then formatting typed on the run itself. Each property remembers the
layer it came from, so a fault can be reported against the style to change, or against
the paragraph where it was typed directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

from reformkit.docx_check.colour import HIGHLIGHTS, WHITE, resolve, theme_colours

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DIRECT = ""  # the origin of formatting typed on the paragraph or run, not in a style
PAGE = "the page"  # the origin of the page colour behind text with no shading
DEFAULT_HALF_POINTS = 20  # Word's size when nothing sets one: 10 pt


@dataclass(frozen=True)
class Cell:
    """The table a paragraph sits in, as far as its look goes."""

    table_style: str
    first_row: bool
    fill: str | None  # the cell's own shading


@dataclass(frozen=True)
class Look:
    """A run's effective formatting; each ``*_from`` is a style name or ``DIRECT``."""

    half_points: int
    size_from: str
    colour: str | None  # None: automatic, which Word keeps readable
    colour_from: str
    bold: bool
    background: str
    background_from: str


@dataclass
class _Layer:
    origin: str
    rpr: ElementTree.Element | None = None
    fill: str | None = None  # shading this layer puts behind the text


class StyleSheet:
    """The styles, theme and page colour of one Word file."""

    def __init__(
        self,
        styles: ElementTree.Element | None,
        theme: ElementTree.Element | None,
        document: ElementTree.Element,
    ) -> None:
        self.theme = theme_colours(theme)
        self.by_id: dict[str, ElementTree.Element] = {}
        self.defaults: ElementTree.Element | None = None
        self.default_paragraph = self.default_character = ""
        if styles is not None:
            self.defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
            for style in styles.iter(f"{W}style"):
                style_id = style.get(f"{W}styleId", "")
                self.by_id[style_id] = style
                if style.get(f"{W}default") in ("1", "true", "on"):
                    if style.get(f"{W}type") == "paragraph":
                        self.default_paragraph = style_id
                    elif style.get(f"{W}type") == "character":
                        self.default_character = style_id
        page = document.find(f"{W}background")
        self.page = (
            self._colour(page, "color", "themeColor", "themeTint", "themeShade")
            if page is not None
            else None
        ) or WHITE

    def name(self, style_id: str) -> str:
        style = self.by_id.get(style_id)
        node = style.find(f"{W}name") if style is not None else None
        return (node.get(f"{W}val") if node is not None else None) or style_id

    def chain(self, style_id: str) -> list[ElementTree.Element]:
        """``style_id`` and the styles it is based on, the root first."""
        chain: list[ElementTree.Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            chain.append(style)
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val", "") if based is not None else ""
        return chain[::-1]

    def look(
        self, paragraph: ElementTree.Element, run: ElementTree.Element, cell: Cell | None
    ) -> Look:
        """The effective formatting of ``run`` in ``paragraph`` (in ``cell``, if any)."""
        layers = list(self._layers(paragraph, run, cell))
        half_points, size_from = DEFAULT_HALF_POINTS, self._normal_name()
        colour: str | None = None
        colour_from = self._normal_name()
        bold = False
        background, background_from = self.page, PAGE
        for layer in layers:
            if layer.fill is not None:
                background, background_from = layer.fill, layer.origin
            if layer.rpr is None:
                continue
            size = layer.rpr.find(f"{W}sz")
            if size is not None and (size.get(f"{W}val") or "").isdigit():
                half_points, size_from = int(size.get(f"{W}val", "20")), layer.origin
            found = layer.rpr.find(f"{W}color")
            if found is not None:
                colour = self._colour(found, "val", "themeColor", "themeTint", "themeShade")
                colour_from = layer.origin
            weight = layer.rpr.find(f"{W}b")
            if weight is not None:
                bold = weight.get(f"{W}val", "true") not in ("0", "false", "off")
        return Look(half_points, size_from, colour, colour_from, bold, background, background_from)

    def style_look(self, paragraph_style: str, character_style: str = "") -> Look:
        """The formatting text takes from a paragraph style (and a character style) alone."""
        paragraph = ElementTree.Element(f"{W}p")
        ElementTree.SubElement(ElementTree.SubElement(paragraph, f"{W}pPr"), f"{W}pStyle").set(
            f"{W}val", paragraph_style
        )
        run = ElementTree.Element(f"{W}r")
        if character_style:
            ElementTree.SubElement(ElementTree.SubElement(run, f"{W}rPr"), f"{W}rStyle").set(
                f"{W}val", character_style
            )
        return self.look(paragraph, run, None)

    def _normal_name(self) -> str:
        return self.name(self.default_paragraph) if self.default_paragraph else "Normal"

    def _layers(
        self, paragraph: ElementTree.Element, run: ElementTree.Element, cell: Cell | None
    ) -> Iterator[_Layer]:
        yield _Layer(self._normal_name(), self.defaults)
        if cell is not None:
            for style in self.chain(cell.table_style):
                name = self.name(style.get(f"{W}styleId", ""))
                yield _Layer(name, style.find(f"{W}rPr"), self._fill(style.find(f"{W}tcPr")))
                if cell.first_row:
                    for conditional in style.findall(f"{W}tblStylePr"):
                        if conditional.get(f"{W}type") == "firstRow":
                            yield _Layer(
                                name,
                                conditional.find(f"{W}rPr"),
                                self._fill(conditional.find(f"{W}tcPr")),
                            )
            if cell.fill is not None:
                yield _Layer(DIRECT, None, cell.fill)
        own = paragraph.find(f"{W}pPr/{W}pStyle")
        paragraph_style = own.get(f"{W}val", "") if own is not None else self.default_paragraph
        for style in self.chain(paragraph_style):
            name = self.name(style.get(f"{W}styleId", ""))
            yield _Layer(name, style.find(f"{W}rPr"), self._fill(style.find(f"{W}pPr")))
        yield _Layer(DIRECT, None, self._fill(paragraph.find(f"{W}pPr")))
        character = run.find(f"{W}rPr/{W}rStyle")
        character_style = (
            character.get(f"{W}val", "") if character is not None else self.default_character
        )
        for style in self.chain(character_style):
            rpr = style.find(f"{W}rPr")
            yield _Layer(self.name(style.get(f"{W}styleId", "")), rpr, self._run_fill(rpr))
        direct = run.find(f"{W}rPr")
        yield _Layer(DIRECT, direct, self._run_fill(direct))

    def _fill(self, properties: ElementTree.Element | None) -> str | None:
        shading = properties.find(f"{W}shd") if properties is not None else None
        if shading is None:
            return None
        if shading.get(f"{W}val") == "solid":
            solid = self._colour(shading, "color", "themeColor", "themeTint", "themeShade")
            if solid is not None:
                return solid
        return self._colour(shading, "fill", "themeFill", "themeFillTint", "themeFillShade")

    def _run_fill(self, rpr: ElementTree.Element | None) -> str | None:
        if rpr is None:
            return None
        highlight = rpr.find(f"{W}highlight")
        if highlight is not None and highlight.get(f"{W}val") in HIGHLIGHTS:
            return HIGHLIGHTS[highlight.get(f"{W}val", "")]
        return self._fill(rpr)

    def _colour(
        self, node: ElementTree.Element, value: str, theme: str, tint: str, shade: str
    ) -> str | None:
        return resolve(
            node.get(f"{W}{value}"),
            node.get(f"{W}{theme}"),
            node.get(f"{W}{tint}"),
            node.get(f"{W}{shade}"),
            self.theme,
        )


def cells(document: ElementTree.Element) -> Iterator[tuple[ElementTree.Element, Cell | None]]:
    """Every paragraph in document order, with the table cell it sits in (if any)."""
    body = document.find(f"{W}body")
    yield from _walk(body if body is not None else document, None)


def _walk(
    node: ElementTree.Element, cell: Cell | None
) -> Iterator[tuple[ElementTree.Element, Cell | None]]:
    for child in node:
        if child.tag == f"{W}p":
            yield child, cell
            yield from _walk(child, cell)  # text boxes hold paragraphs of their own
        elif child.tag == f"{W}tbl":
            style = child.find(f"{W}tblPr/{W}tblStyle")
            table_style = style.get(f"{W}val", "") if style is not None else ""
            for number, row in enumerate(child.findall(f"{W}tr")):
                for table_cell in row.findall(f"{W}tc"):
                    shading = table_cell.find(f"{W}tcPr/{W}shd")
                    fill = shading.get(f"{W}fill") if shading is not None else None
                    here = Cell(
                        table_style,
                        number == 0,
                        fill.upper() if fill and fill.lower() != "auto" else None,
                    )
                    yield from _walk(table_cell, here)
        else:
            yield from _walk(child, cell)
