"""Table column widths from the content, the way a browser sizes an automatic table.

Each column has a least width (its longest word, so no word shorter than the cell is broken)
and a natural width (its longest cell on one line). When every column fits at its natural
width they get that, and what is left is shared out; otherwise each gets its least width and
the rest of the room is shared by how much more each would like. A very long word (a web
address, a reference number) counts for at most a capped share of the table, so it breaks
inside its own cell instead of squeezing every other column.

Widths are measured with the character widths of Arial (Liberation Sans has the same), with a
margin for other sans-serif fonts; a house font a little wider still fits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reformkit.export.docx_xml import clean

TEXT_POINTS = 10  # the "Table Text" size
CELL_PADDING_TWIPS = 230  # left and right cell margins (85 each), borders and rounding
WORD_CAP = 0.3  # a column's longest word counts for at most this share of the table
_SAFETY = 1.12  # room for fonts a little wider than Arial
_BOLD = 1.08  # bold Arial is about this much wider

# Advance widths of Arial in thousandths of an em, grouped by width.
_GROUPS = {
    191: "'",
    222: "ijl|",
    278: " !,./:;I[\\]ft",
    333: '()-r`{}"',
    389: "*",
    469: "^",
    500: "Jcksvxyz",
    556: "0123456789#$?L_abdeghnopqu£€–",
    584: "+<=>~",
    611: "FTZ",
    667: "&ABEKPSVXY",
    722: "CDHNRUw",
    778: "GOQ",
    833: "Mm",
    889: "%",
    944: "W",
    1000: "—…",
    1015: "@",
}
_OTHER = 600  # letters with accents, other scripts: about an average capital
_WIDE = 1000  # CJK and other full-width characters


class _Widths(dict[str, int]):
    def __missing__(self, char: str) -> int:
        width = _WIDE if ord(char) >= 0x2E80 else _OTHER
        self[char] = width
        return width


_WIDTH = _Widths({char: width for width, chars in _GROUPS.items() for char in chars})
_BREAKS = re.compile(r"\s+|(?<=-)")  # lines break at spaces and after hyphens


def text_twips(text: str, bold: bool = False, points: float = TEXT_POINTS) -> int:
    """The width of ``text`` on one line, in twentieths of a point."""
    units = sum(map(_WIDTH.__getitem__, text))
    factor = _SAFETY * (_BOLD if bold else 1.0)
    return int(units * points * 20 / 1000 * factor) + 1


def longest_word_twips(text: str, bold: bool = False) -> int:
    """The width of the widest piece of ``text`` that cannot be broken between lines."""
    return max((text_twips(word, bold) for word in _BREAKS.split(clean(text)) if word), default=0)


def longest_line_twips(text: str, bold: bool = False) -> int:
    """The width of ``text``'s longest line when nothing is wrapped."""
    return max((text_twips(line.strip(), bold) for line in clean(text).split("\n")), default=0)


def minimum_widths(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    """Room for the longest word of each column, header words in bold, without any cap."""
    least = []
    for index, title in enumerate(header):
        body = max((longest_word_twips(row[index]) for row in rows), default=0)
        least.append(max(body, longest_word_twips(title, bold=True)) + CELL_PADDING_TWIPS)
    return least


def natural_widths(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    """Room for the longest cell of each column on one line."""
    most = []
    for index, title in enumerate(header):
        body = max((longest_line_twips(row[index]) for row in rows), default=0)
        most.append(max(body, longest_line_twips(title, bold=True)) + CELL_PADDING_TWIPS)
    return most


def column_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], relative: Sequence[float], total: int
) -> list[int]:
    """Column widths in twentieths of a point that add up to ``total``.

    Given relative widths are used as they are; otherwise the widths come from the content
    (see the module's description)."""
    columns = len(header)
    if columns == 0:
        return []
    if len(relative) == columns and all(w > 0 for w in relative):
        scale = total / sum(relative)
        widths = [int(w * scale) for w in relative]
    else:
        least = _fit([min(w, int(total * WORD_CAP)) for w in minimum_widths(header, rows)], total)
        most = [max(m, n) for m, n in zip(least, natural_widths(header, rows), strict=True)]
        if sum(most) <= total:
            spare = total - sum(most)
            widths = [int(m + spare * m / sum(most)) for m in most]
        else:
            room = total - sum(least)
            wants = sum(most) - sum(least)
            widths = [
                int(low + room * (high - low) / wants)
                for low, high in zip(least, most, strict=True)
            ]
    widths[-1] += total - sum(widths)
    return widths


def _fit(least: list[int], total: int) -> list[int]:
    """Least widths that add up to at most ``total``: the widest are capped first, so only
    the longest words break, and only inside their own cells."""
    if sum(least) <= total:
        return least
    cap = total / len(least)
    for width in sorted(least):
        smaller = [w for w in least if w < width]
        larger = len(least) - len(smaller)
        candidate = (total - sum(smaller)) / larger
        if candidate <= width:
            cap = candidate
            break
    return [int(min(w, cap)) for w in least]
