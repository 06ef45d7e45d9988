"""Colours in a Word file as RGB, and the WCAG 2 contrast ratio between two of them.

A colour may be written as hex (``1F3864``), ``auto`` (Word picks black or white against
the background, so it always reads), a theme colour (``accent1`` with an optional tint or
shade, resolved from ``theme1.xml``) or a highlight name (``yellow``). Tints and shades are
applied in RGB, close to what Word shows.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.etree import ElementTree

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WHITE = "FFFFFF"
RGB = tuple[int, int, int]

_THEME_SLOTS = {
    "dark1": "dk1",
    "text1": "dk1",
    "light1": "lt1",
    "background1": "lt1",
    "dark2": "dk2",
    "text2": "dk2",
    "light2": "lt2",
    "background2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
    **{f"accent{n}": f"accent{n}" for n in range(1, 7)},
}
# Office's default theme, used when a file names a theme colour but has no theme part.
_OFFICE_THEME = {
    "dk1": "000000",
    "lt1": "FFFFFF",
    "dk2": "44546A",
    "lt2": "E7E6E6",
    "accent1": "4472C4",
    "accent2": "ED7D31",
    "accent3": "A5A5A5",
    "accent4": "FFC000",
    "accent5": "5B9BD5",
    "accent6": "70AD47",
    "hlink": "0563C1",
    "folHlink": "954F72",
}
HIGHLIGHTS = {
    "black": "000000",
    "blue": "0000FF",
    "cyan": "00FFFF",
    "green": "00FF00",
    "magenta": "FF00FF",
    "red": "FF0000",
    "yellow": "FFFF00",
    "white": "FFFFFF",
    "darkBlue": "000080",
    "darkCyan": "008080",
    "darkGreen": "008000",
    "darkMagenta": "800080",
    "darkRed": "800000",
    "darkYellow": "808000",
    "darkGray": "808080",
    "lightGray": "C0C0C0",
}


def theme_colours(theme: ElementTree.Element | None) -> dict[str, str]:
    """Hex colour by scheme slot (``dk1``, ``accent1``…) from a theme part."""
    colours = dict(_OFFICE_THEME)
    scheme = theme.find(f"{A}themeElements/{A}clrScheme") if theme is not None else None
    for slot in list(scheme) if scheme is not None else []:
        key = slot.tag.removeprefix(A)
        srgb = slot.find(f"{A}srgbClr")
        system = slot.find(f"{A}sysClr")
        value = srgb.get("val") if srgb is not None else None
        if value is None and system is not None:
            value = system.get("lastClr")
        if value and _is_hex(value):
            colours[key] = value.upper()
    return colours


def resolve(
    value: str | None,
    theme_name: str | None,
    tint: str | None,
    shade: str | None,
    theme: dict[str, str],
) -> str | None:
    """The hex colour meant, or ``None`` for automatic (or unreadable) colour."""
    colour: str | None = None
    if theme_name and _THEME_SLOTS.get(theme_name) in theme:
        colour = theme[_THEME_SLOTS[theme_name]]
    elif value and value.lower() != "auto" and _is_hex(value):
        colour = value.upper()
    if colour is None:
        return None
    if tint and _is_hex(tint, 2):
        amount = int(tint, 16) / 255
        colour = _mix(colour, lambda c: c * amount + 255 * (1 - amount))
    if shade and _is_hex(shade, 2):
        amount = int(shade, 16) / 255
        colour = _mix(colour, lambda c: c * amount)
    return colour


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2's contrast ratio of two hex colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(value) for value in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _channels(colour: str) -> RGB:
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _mix(colour: str, change: Callable[[int], float]) -> str:
    return "".join(f"{max(0, min(255, round(change(c)))):02X}" for c in _channels(colour))


def _is_hex(value: str, length: int = 6) -> bool:
    return len(value) == length and all(c in "0123456789abcdefABCDEF" for c in value)
