"""The rules about how text looks: a minimum size, and enough contrast to be read.

- ``font-size``: no text smaller than 10 pt. GOV.UK's guidance on accessible documents and
  the RNIB's Clear Print guidance ask for 12 pt body text; smaller text is hard to read for
  the many people with low vision who never zoom. ReformKit treats 10 pt as the floor for
  any text, so captions, notes and table cells (which are often set smaller than the body)
  stay readable; 12 pt remains the advice for body text.
- ``contrast``: text contrasts with what is behind it (the page colour, the paragraph's or
  cell's shading, a highlight) by at least 4.5:1, WCAG 2's level AA for normal text
  (success criterion 1.4.3), or 3:1 for large text (18 pt, or 14 pt bold). Automatic text
  colour is never a fault: Word shows it black or white to suit the background.

A fault that comes from a style is reported once, against the style, because changing the
style fixes every paragraph that uses it; one typed on the text itself is reported against
its paragraph.
"""

from __future__ import annotations

from xml.etree import ElementTree

from reformkit.docx_check.colour import contrast_ratio
from reformkit.docx_check.problem import Problem, paragraph_place
from reformkit.docx_check.styles import DIRECT, Cell, Look, StyleSheet

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MINIMUM_HALF_POINTS = 20  # 10 pt
NORMAL_CONTRAST = 4.5
LARGE_CONTRAST = 3.0


def fix_size(origin: str) -> str:
    if origin == DIRECT:
        return (
            "Select the paragraph's text and set the size to 10 or more in the Font Size box "
            "on the Home tab (or press Ctrl+Space to let it take its style's size)."
        )
    return (
        f"On the Home tab, right-click '{origin}' in the Styles gallery (or the Styles pane), "
        "choose Modify and set the size to 10 or more (12 for body text)."
    )


def fix_contrast(origin: str) -> str:
    if origin == DIRECT:
        return (
            "Select the paragraph's text and, on the Home tab, set Font Color to Automatic or a "
            "darker colour; remove or lighten any shading or highlight behind it."
        )
    return (
        f"On the Home tab, right-click '{origin}' in the Styles gallery, choose Modify, and "
        "pick a darker font colour (Format › Border for a lighter shading)."
    )


def text_looks(
    sheet: StyleSheet,
    paragraphs: list[tuple[ElementTree.Element, Cell | None]],
) -> list[Problem]:
    """One problem per style (or per paragraph, for direct formatting) and rule."""
    problems: dict[tuple[str, str], Problem] = {}
    for number, (paragraph, cell) in enumerate(paragraphs, 1):
        for run in _runs(paragraph):
            look = sheet.look(paragraph, run, cell)
            place = paragraph_place(number, "".join(t.text or "" for t in paragraph.iter(f"{W}t")))
            _size(look, place, problems)
            _contrast(look, place, problems)
    return list(problems.values())


def _runs(paragraph: ElementTree.Element) -> list[ElementTree.Element]:
    """The runs with visible text in ``paragraph`` (not in a text box within it)."""
    found = []
    for child in paragraph:
        if child.tag == f"{W}r":
            runs = [child]
        elif child.tag in (f"{W}hyperlink", f"{W}ins", f"{W}smartTag", f"{W}fldSimple"):
            runs = list(child.iter(f"{W}r"))
        else:
            continue
        for run in runs:
            hidden = run.find(f"{W}rPr/{W}vanish")
            shown = hidden is None or hidden.get(f"{W}val") in ("0", "false", "off")
            if shown and any((t.text or "").strip() for t in run.findall(f"{W}t")):
                found.append(run)
    return found


def _where(origin: str, place: str) -> str:
    return place if origin == DIRECT else f"style '{origin}'"


def _size(look: Look, place: str, problems: dict[tuple[str, str], Problem]) -> None:
    if look.half_points >= MINIMUM_HALF_POINTS:
        return
    where = _where(look.size_from, place)
    points = f"{look.half_points / 2:g}"
    problems.setdefault(
        ("font-size", where),
        Problem(
            "font-size",
            where,
            f"Text is set in {points} pt, smaller than the 10 pt minimum.",
            fix_size(look.size_from),
        ),
    )


def _contrast(look: Look, place: str, problems: dict[tuple[str, str], Problem]) -> None:
    if look.colour is None:
        return
    ratio = contrast_ratio(look.colour, look.background)
    large = look.half_points >= 36 or (look.bold and look.half_points >= 28)
    needed = LARGE_CONTRAST if large else NORMAL_CONTRAST
    if ratio >= needed:
        return
    typed = DIRECT in (look.colour_from, look.background_from)
    origin = DIRECT if typed else look.colour_from
    where = _where(origin, place)
    problems.setdefault(
        ("contrast", where),
        Problem(
            "contrast",
            where,
            f"Text in #{look.colour} on #{look.background} has a contrast of {ratio:.1f}:1, "
            f"under the {needed:g}:1 that {'large' if large else 'normal'} text needs.",
            fix_contrast(origin),
        ),
    )
