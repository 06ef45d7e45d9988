"""Making the styles an export uses readable, whatever the house template set.

A house template may carry Word's older defaults: ``heading 2`` in a pale blue (#4F81BD,
4:1 on white) or ``caption`` in 9 pt. An export must pass ReformKit's own accessibility
check (:mod:`reformkit.docx_check`), so each style the written document uses is looked at
as the checker does, and one that is too small is set to 10 pt, one too pale is darkened
in its own hue until it reaches WCAG AA's contrast. Each change is a note for the user.
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

from docx.oxml.ns import qn

from reformkit.docx_check.colour import contrast_ratio
from reformkit.docx_check.styles import StyleSheet
from reformkit.docx_check.text_look import LARGE_CONTRAST, MINIMUM_HALF_POINTS, NORMAL_CONTRAST
from reformkit.export.docx_xml import RPR_ORDER, element, insert_ordered

_THEME_ATTRIBUTES = ("w:themeColor", "w:themeTint", "w:themeShade")


def make_readable(document: Any) -> list[str]:
    """Fix the styles the body uses in place; return a note for each style changed."""
    root = document.styles.element
    sheet = StyleSheet(root, _theme(document), document.element)
    body = document.element.body
    used = {(node.get(qn("w:val")) or "", "") for node in body.iter(qn("w:pStyle"))}
    used |= {
        (sheet.default_paragraph, node.get(qn("w:val")) or "") for node in body.iter(qn("w:rStyle"))
    }
    notes = []
    for paragraph_style, character_style in sorted(used):
        own = character_style or paragraph_style
        style = next(
            (s for s in root.iterchildren(qn("w:style")) if s.get(qn("w:styleId")) == own), None
        )
        if style is None:
            continue
        look = sheet.style_look(paragraph_style, character_style)
        name = sheet.name(own)
        if look.half_points < MINIMUM_HALF_POINTS:
            for tag in ("w:sz", "w:szCs"):
                _set(style, tag, str(MINIMUM_HALF_POINTS))
            notes.append(
                f"The template's style '{name}' was {look.half_points / 2:g} pt; it is 10 pt in "
                "this export, so it can be read."
            )
            look = sheet.style_look(paragraph_style, character_style)
        if look.colour is None:
            continue
        large = look.half_points >= 36 or (look.bold and look.half_points >= 28)
        needed = LARGE_CONTRAST if large else NORMAL_CONTRAST
        if contrast_ratio(look.colour, look.background) >= needed:
            continue
        darker = darken(look.colour, look.background, needed)
        colour = _set(style, "w:color", darker)
        for attribute in _THEME_ATTRIBUTES:
            colour.attrib.pop(qn(attribute), None)
        notes.append(
            f"The template's style '{name}' was too pale to read (#{look.colour}); it is "
            f"#{darker} in this export."
        )
    return notes


def darken(colour: str, background: str, needed: float) -> str:
    """``colour`` darkened step by step, in its own hue, until it contrasts enough."""
    channels = [int(colour[n : n + 2], 16) for n in (0, 2, 4)]
    for step in range(1, 21):
        factor = 1 - step / 20
        candidate = "".join(f"{round(c * factor):02X}" for c in channels)
        if contrast_ratio(candidate, background) >= needed + 0.05:
            return candidate
    return "000000"


def _set(style: Any, tag: str, value: str) -> Any:
    rpr = style.find(qn("w:rPr"))
    if rpr is None:
        rpr = element("w:rPr")
        style.append(rpr)
    node = rpr.find(qn(tag))
    if node is None:
        node = insert_ordered(rpr, element(tag), RPR_ORDER)
    node.set(qn("w:val"), value)
    return node


def _theme(document: Any) -> ElementTree.Element | None:
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme") and not rel.is_external:
            try:
                return ElementTree.fromstring(rel.target_part.blob)
            except (ElementTree.ParseError, AttributeError):
                return None
    return None
