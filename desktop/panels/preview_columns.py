"""Table columns in the preview sized like the exports: no word or amount cut in two.

Qt's rich text breaks a line anywhere once a column is narrower than a word ("Quarterl y",
"£184,00 / 0"). The preview therefore breaks lines only between words, so a column is never
narrower than its longest word; short cells (an amount, a date, a one-word status or
heading) are kept on one line; and the text's sizes follow the app's text size. A short
cell of several words ("Answered in", "58% of staff") may still break between them: kept
whole, such cells made a table wider than a narrow preview that fits it once they break
(the writer already joins a date's words with no-break spaces). Only a table whose words
and amounts alone are wider than the preview scrolls sideways. No Qt here, only the page's
HTML and CSS.
"""

from __future__ import annotations

import html
import re

SHORT_CELL = 14  # characters: a cell this short (a date, "Quarterly") stays on one line
_CELL = re.compile(r"<(td|th)((?:\s[^>]*)?)>(.*?)</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_MONEY = re.compile(r"^[£$€]?\s?[-+]?[\d.,]+\s?(%|[kmb]n?|m|bn)?$", re.I)
_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt\b")
NOWRAP = ' style="white-space: nowrap"'


def cell_text(cell_html: str) -> str:
    """What a cell says, without its markup."""
    return html.unescape(_TAG.sub(" ", cell_html)).strip()


def keeps_whole(text: str) -> bool:
    """Whether a cell's text is short enough, or an amount, to stay on one line."""
    if "\n" in text:
        return False
    if _MONEY.match(text.replace(" ", "")):
        return True
    return len(text) <= SHORT_CELL and " " not in text.strip()


def keep_short_cells_whole(page_html: str) -> str:
    """Every short cell of every table marked to stay on one line."""

    def mark(found: re.Match[str]) -> str:
        tag, attributes, body = found.group(1), found.group(2), found.group(3)
        if "style=" in attributes or "<br" in body.lower() or not keeps_whole(cell_text(body)):
            return found.group(0)
        return f"<{tag}{attributes}{NOWRAP}>{body}</{tag}>"

    return _CELL.sub(mark, page_html)


def scaled_css(css: str, factor: float) -> str:
    """The page's style sheet with every size in points multiplied by ``factor``."""
    if abs(factor - 1.0) < 1e-6:
        return css
    return _POINTS.sub(lambda m: f"{float(m.group(1)) * factor:.4g}pt", css)
