"""Which parts of a long document the preview puts on its page.

Qt lays out every part it is given, and a 300-section plan laid out in full takes tens of
megabytes. A long document is therefore shown as its front matter (title, details, the full
contents list) and the sections around the part being edited, with a line saying which
sections are left out. Short documents are shown whole. No Qt here.
"""

from __future__ import annotations

from html import escape

from desktop.panels.preview_parts import Part

WHOLE_LIMIT = 40  # parts; a document with more is shown around the part being edited
RADIUS = 3  # sections shown either side of the one being edited


class Window:
    def __init__(self) -> None:
        self.focus = 1  # the part being edited: 1 is the first section, 0 the front matter
        self._gaps: dict[tuple[int, int], Part] = {}

    def visible(self, parts: list[Part]) -> list[Part]:
        """The parts to show, with a note standing in for each run of hidden sections."""
        if len(parts) <= WHOLE_LIMIT:
            return parts
        body = parts[1:]
        centre = min(max(self.focus, 1), len(body)) - 1
        low, high = max(0, centre - RADIUS), min(len(body), centre + RADIUS + 1)
        shown = [parts[0]]
        if low > 0:
            shown.append(self._gap(1, low))
        shown.extend(body[low:high])
        if high < len(body):
            shown.append(self._gap(high + 1, len(body)))
        return shown

    def contains(self, parts: list[Part], number: int) -> bool:
        if len(parts) <= WHOLE_LIMIT or number <= 0:
            return True
        return abs(min(number, len(parts) - 1) - min(max(self.focus, 1), len(parts) - 1)) <= (
            RADIUS
        )

    def _gap(self, first: int, last: int) -> Part:
        key = (first, last)
        if key not in self._gaps:
            which = f"Part {first}" if first == last else f"Parts {first} to {last}"
            html = (
                '<p style="color:#4a4f57; font-style:italic; margin-top:12px; '
                f'margin-bottom:12px;">{escape(which)} of this long document are not shown '
                "here. The preview shows the parts near the one you are editing; choose a "
                "part, or a line of the contents, to see it. Exports always hold everything."
                "</p>"
            )
            self._gaps[key] = Part(("gap", first, last), "", html)
        return self._gaps[key]


def part_number(parts: list[Part], anchor: str) -> int:
    """The number of the part holding ``anchor`` (0 for the front matter), or -1."""
    needle = f'id="{anchor}"'
    for number, part in enumerate(parts):
        if part.anchor == anchor or needle in part.html:
            return number
    return -1
