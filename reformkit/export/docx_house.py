"""ReformKit's own styles in a house template's colours and fonts.

A house template rarely has ReformKit's extra styles (clause titles, notes, the table style,
captions), so the writer adds them. Added as they are, they stay ReformKit blue in a green
template. Instead they take the template's heading colour and heading font (read from its
``heading 1``, or ``Title``, following ``basedOn``), and the light fills of notes and table
headers become tints of that colour. Body styles are based on the template's Normal, so they
already take its body font. A heading colour too pale to read on white (under WCAG AA's
4.5:1) is not copied: ReformKit's dark blue stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from docx.oxml.ns import qn

from reformkit.export.docx_styles import DARK_BLUE, StyleDef, find_style

NOTE_FILL = "E8EEF7"
HEADER_FILL = "DCE4F2"
_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")
_FONT_ATTRIBUTES = ("ascii", "hAnsi", "cs", "eastAsia", "asciiTheme", "hAnsiTheme", "cstheme")


@dataclass(frozen=True)
class HouseLook:
    """What ReformKit's added styles borrow from a template."""

    colour: str = ""  # "1E5631": the headings' colour, if it can be read on white
    fonts: tuple[tuple[str, str], ...] = ()  # the headings' w:rFonts attributes


def house_look(root: Any) -> HouseLook:
    """The heading colour and font of the styles in ``root`` (empty where it sets none)."""
    style = find_style(root, "heading 1", "paragraph")
    if style is None:
        style = find_style(root, "Title", "paragraph")
    if style is None:
        return HouseLook()
    colour = _inherited(root, style, "w:color")
    value = (colour.get(qn("w:val")) or "") if colour is not None else ""
    if not _HEX.match(value) or contrast_on_white(value) < 4.5:
        value = ""
    fonts = _inherited(root, style, "w:rFonts")
    attributes: tuple[tuple[str, str], ...] = ()
    if fonts is not None:
        attributes = tuple(
            (name, str(fonts.get(qn(f"w:{name}"))))
            for name in _FONT_ATTRIBUTES
            if fonts.get(qn(f"w:{name}"))
        )
    return HouseLook(value.upper(), attributes)


def adapt(definition: StyleDef, look: HouseLook) -> StyleDef:
    """``definition`` in the house colour and heading font, where it uses ReformKit's."""
    body = definition.body
    if look.colour and look.colour != DARK_BLUE:
        body = body.replace(f'w:color w:val="{DARK_BLUE}"', f'w:color w:val="{look.colour}"')
        body = body.replace(f'w:color="{DARK_BLUE}"', f'w:color="{look.colour}"')
        body = body.replace(f'w:fill="{NOTE_FILL}"', f'w:fill="{tint(look.colour, 0.88)}"')
        body = body.replace(f'w:fill="{HEADER_FILL}"', f'w:fill="{tint(look.colour, 0.82)}"')
    heading_like = f'w:color w:val="{look.colour or DARK_BLUE}"/>' in body
    if look.fonts and heading_like and "<w:rFonts" not in body:
        fonts = " ".join(f'w:{name}="{value}"' for name, value in look.fonts)
        body = body.replace("<w:rPr>", f"<w:rPr><w:rFonts {fonts}/>", 1)
    return definition if body == definition.body else replace(definition, body=body)


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white: ``amount`` 0.85 is a pale fill of it."""
    channels = [int(colour[n : n + 2], 16) for n in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


def contrast_on_white(colour: str) -> float:
    """The WCAG contrast ratio of text in ``colour`` on white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[n : n + 2], 16)) for n in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def _inherited(root: Any, style: Any, tag: str) -> Any | None:
    """The ``tag`` in ``style``'s run properties, or in a style it is based on."""
    seen = set()
    while style is not None and id(style) not in seen:
        seen.add(id(style))
        found = style.find(f"{qn('w:rPr')}/{qn(tag)}")
        if found is not None:
            return found
        based = style.find(qn("w:basedOn"))
        if based is None:
            return None
        wanted = based.get(qn("w:val"))
        style = next(
            (s for s in root.iterchildren(qn("w:style")) if s.get(qn("w:styleId")) == wanted),
            None,
        )
    return None
