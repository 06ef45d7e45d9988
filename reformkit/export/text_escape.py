"""Making the user's text safe to write into Markdown, YAML front matter and HTML.

Every function takes text exactly as the user typed it and returns text that a renderer shows
as those same characters: nothing the user types becomes a heading, a list, a link, a table
cell boundary or an HTML tag. Characters that no format should carry (NUL and the other C0
control characters, lone surrogates) are dropped; tabs become spaces, and every line ending
becomes ``\\n``.
"""

from __future__ import annotations

import html
import re

# C0 controls except tab and newline, and lone surrogates (they cannot be written as UTF-8).
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff]")
_LINE_ENDINGS = re.compile("\r\n?")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_WHITESPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Drop control characters and lone surrogates; ``\\r\\n`` and ``\\r`` become ``\\n``."""
    if "\r" in text:
        text = _LINE_ENDINGS.sub("\n", text)
    if _UNWANTED.search(text):
        text = _UNWANTED.sub("", text)
    return text.replace("\t", " ") if "\t" in text else text


# Text that one_line would change: unwanted characters, whitespace other than single spaces
# between words.
_NOT_ONE_LINE = re.compile("^\\s|\\s$|\\s\\s|[^\\S ]|[\x00-\x08\x0b-\x1f\ud800-\udfff]")


def one_line(text: str) -> str:
    """The text cleaned, with every run of whitespace (line breaks too) made one space."""
    if _NOT_ONE_LINE.search(text) is None:
        return text
    return _WHITESPACE.sub(" ", clean(text)).strip()


def paragraphs(text: str) -> list[str]:
    """The text cleaned and split at blank lines, each part stripped; no empty parts."""
    parts = _BLANK_LINES.split(clean(text).strip())
    return [part.strip() for part in parts if part.strip()]


# Markdown ----------------------------------------------------------------------------------

# Escaped wherever they appear. Backslash escapes are understood by CommonMark, GFM, pandoc and
# Python-Markdown (with its tables extension for ``|``); ``<`` and ``~`` have no backslash
# escape in Python-Markdown, so they become character references, which every renderer reads.
_MARKDOWN_INLINE = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "{": "\\{",
        "}": "\\}",
        "#": "\\#",
        "|": "\\|",
        "<": "&lt;",
        "~": "&#126;",
    }
)
# Anything markdown_run would change; most text has none of it.
_MARKDOWN_SPECIAL = re.compile("[\\\\`*_\\[\\]{}#|<~&\t\r\x00-\x08\x0b-\x1f\ud800-\udfff]")
# An ampersand that would start a character reference (``&amp;``, ``&#60;``) is written as
# ``&amp;`` so that the reference shows as typed.
_REFERENCE_START = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What starts a block at the beginning of a line: quotes, lists, setext underlines, GFM table
# delimiter rows (``:--``) and ordered-list numbers (``1.``, ``1)``).
_LINE_START = re.compile(r"^(?:([>+\-])|(=)|(:)|(\d+)([.)]))")


def _line_start(match: re.Match[str]) -> str:
    mark, equals, colon, number, dot = match.groups()
    if mark:
        return "\\" + mark
    if equals:
        return "&#61;"
    if colon:
        return "&#58;"
    return f"{number}\\{dot}"


def markdown_run(text: str) -> str:
    """``text`` with every Markdown-significant character escaped, its spacing and line breaks
    kept. Line starts are not yet escaped: :func:`markdown_paragraphs` does that."""
    if _MARKDOWN_SPECIAL.search(text) is None:
        return text
    text = clean(text)
    if "&" in text:
        text = _REFERENCE_START.sub("&amp;", text)
    return text.translate(_MARKDOWN_INLINE)


def markdown_inline(text: str) -> str:
    """One line of Markdown that shows ``text`` literally, wherever on a line it is placed
    after some other text (in a heading, a table cell, a link's text, after ``**``)."""
    return markdown_run(one_line(text))


def markdown_line_start(line: str) -> str:
    """Escape what would start a block if ``line`` (already escaped inline) began a line."""
    return _LINE_START.sub(_line_start, line, count=1)


def markdown_paragraphs(escaped: str) -> str:
    """Lay out escaped text (from :func:`markdown_run`, perhaps with the writer's own ``**``
    and links) as Markdown paragraphs: blank lines separate paragraphs, single line breaks
    stay soft breaks, and each line is stripped and escaped at its start."""
    out = []
    for part in _BLANK_LINES.split(escaped.strip()):
        lines = (markdown_line_start(line.strip(" ")) for line in part.split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            out.append(text)
    return "\n\n".join(out)


def markdown_block(text: str) -> str:
    """Paragraphs of Markdown that show ``text`` literally: blank lines in the text separate
    paragraphs, and single line breaks are kept as soft breaks."""
    return markdown_paragraphs(markdown_run(text))


def markdown_cell(text: str) -> str:
    """A GFM table cell: literal text, line breaks as ``<br>``, never empty."""
    if "\n" not in text and "\r" not in text:
        return markdown_inline(text) or " "
    lines = [markdown_inline(line) for line in clean(text).split("\n")]
    return "<br>".join(line for line in lines if line) or " "


# YAML front matter ------------------------------------------------------------------------

# Characters a YAML 1.1 or 1.2 parser will not read raw inside a double-quoted scalar, or reads
# as a line break: written as ``\\uXXXX`` escapes (which JSON and YAML both understand).
_YAML_ESCAPE = {
    **{code: f"\\u{code:04x}" for code in range(0x20)},
    ord('"'): '\\"',
    ord("\\"): "\\\\",
    ord("\n"): "\\n",
    **{code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)},
    **{code: f"\\u{code:04x}" for code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)},
}


def yaml_string(text: str) -> str:
    """``text`` as a double-quoted scalar that is both valid YAML and a valid JSON string."""
    return '"' + clean(text).translate(_YAML_ESCAPE) + '"'


# HTML -------------------------------------------------------------------------------------


# Anything html.escape or clean would change. Most text has none of it, and the preview is
# rebuilt on every keystroke, so such text is returned as it is without further work.
_HTML_SPECIAL = re.compile("[&<>\"'\x00-\x08\x0b-\x1f\t\ud800-\udfff]")


def html_text(text: str) -> str:
    """``text`` cleaned and escaped for HTML content or a quoted attribute value."""
    if _HTML_SPECIAL.search(text) is None:
        return text
    return html.escape(clean(text), quote=True)


def html_lines(text: str) -> str:
    """:func:`html_text`, with line breaks in the text kept as ``<br>``."""
    text = html_text(text)
    return text.replace("\n", "<br>") if "\n" in text else text
