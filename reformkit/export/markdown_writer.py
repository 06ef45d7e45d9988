"""The Markdown writer: CommonMark with GFM tables, YAML front matter first.

Headings carry explicit anchors as an empty ``<span id="section-3"></span>`` at the start of
the heading: CommonMark, GFM and Python-Markdown pass it through as HTML, and pandoc reads it
as a native span, so the contents' ``[3 Rights of staff](#section-3)`` links work in each and
survive pandoc's conversion to Word. That span, ``<br>`` in table cells and ``<!-- -->``
between two lists are the only HTML the writer produces; the user's text is escaped so that
none of it becomes markup (see :mod:`reformkit.export.text_escape`).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import quote

from reformkit.export.progress import Progress, no_progress
from reformkit.export.text_escape import (
    clean,
    markdown_block,
    markdown_cell,
    markdown_inline,
    markdown_line_start,
    markdown_paragraphs,
    markdown_run,
    one_line,
    yaml_string,
)
from reformkit.layout.blocks import (
    Block,
    Clause,
    Heading,
    Image,
    LaidOut,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Span,
    Table,
    TableOfContents,
)

NOTE_LABELS = {"info": "Note", "warning": "Warning"}
REVIEW_LABEL = "To review"
DEFAULT_REVIEW_NOTE = "Check this wording, then mark it as reviewed."
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_URL_SAFE = ":/?#@!$&'*+,;=%"
_WEB_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


def write_markdown(laid: LaidOut, progress: Progress = no_progress) -> str:
    """The whole document as Markdown text, ending with one newline."""
    out = [_front_matter(laid), *_title_page(laid)]
    total = len(laid.blocks)
    step = max(1, total // 100)
    previous: Block | None = None
    for done, block in enumerate(laid.blocks, 1):
        if isinstance(block, ListBlock) and isinstance(previous, ListBlock):
            out.append("<!-- -->")  # or the two lists would run together as one
        text = _block(block, laid)
        if text:
            out.append(text)
        previous = block
        if done % step == 0 or done == total:
            progress(done, total)
    if not _ends_with_credit(laid) and laid.credit.strip():
        out.append(markdown_block(laid.credit))
    return "\n\n".join(out) + "\n"


def anchor(name: str) -> str:
    """An anchor name as written: only letters, digits, ``_`` and ``-``."""
    return _ANCHOR_UNSAFE.sub("-", name)


def _front_matter(laid: LaidOut) -> str:
    lines = ["---"]
    for key, value in (
        ("title", laid.title),
        ("subtitle", laid.subtitle),
        ("organisation", laid.organisation),
        ("authors", laid.authors),
        ("date", laid.date),
        ("lang", laid.language),
        ("subject", laid.subject),
        ("keywords", laid.keywords),
    ):
        if isinstance(value, str):
            lines.append(f"{key}: {yaml_string(value)}")
        elif value:
            lines.append(f"{key}:")
            lines.extend(f"  - {yaml_string(item)}" for item in value)
        else:
            lines.append(f"{key}: []")
    lines.append("---")
    return "\n".join(lines)


def _title_page(laid: LaidOut) -> list[str]:
    out = [f"# {markdown_inline(laid.title)}".rstrip()]
    if laid.subtitle.strip():
        out.append(f"*{markdown_inline(laid.subtitle)}*")
    details = [
        f"- **{markdown_inline(label)}:** {markdown_inline(value)}"
        for label, value in laid.metadata
        if value.strip()
    ]
    if details:
        out.append("\n".join(details))
    return out


def _block(block: Block, laid: LaidOut) -> str:
    if isinstance(block, Heading):
        return _heading(block)
    if isinstance(block, Paragraph):
        return markdown_paragraphs(_spans(block.spans))
    if isinstance(block, Clause):
        return _clause(block)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, ListBlock):
        return _list(block)
    if isinstance(block, Note):
        label = NOTE_LABELS.get(block.kind, "Note")
        return _quote(f"**{label}:** " + markdown_block(block.text))
    if isinstance(block, Image):
        return f"![{markdown_inline(block.alt)}]({_image_target(block.path)})"
    if isinstance(block, PageBreak):
        return "---"
    if isinstance(block, TableOfContents):
        return _contents(laid, block.depth)
    raise TypeError(f"The Markdown writer does not know {type(block).__name__} blocks")


def _heading(heading: Heading) -> str:
    marks = "#" * min(heading.level + 1, 6)
    target = f'<span id="{anchor(heading.anchor)}"></span>' if heading.anchor else ""
    return f"{marks} {target}{markdown_inline(heading.display)}".rstrip()


def _contents(laid: LaidOut, depth: int) -> str:
    lines = []
    indent = -1
    for heading in laid.headings(depth):
        # A nested item needs a parent one level up; never indent more than one step deeper.
        indent = min(heading.level - 1, indent + 1)
        text = markdown_inline(heading.display)
        item = f"[{text}](#{anchor(heading.anchor)})" if heading.anchor else text
        lines.append(f"{'    ' * indent}- {item}")
    return "## Contents\n\n" + "\n".join(lines) if lines else ""


def _spans(spans: tuple[Span, ...]) -> str:
    """Escaped text with the writer's own emphasis and links; line starts not yet escaped."""
    # Each piece: text before the marks, the marks, the text inside them, text after them.
    pieces: list[tuple[str, str, str, str]] = []
    for span in spans:
        if not (span.bold or span.italic or span.link):
            pieces.append(("", "", markdown_run(span.text), ""))
            continue
        raw = clean(span.text)
        text = markdown_inline(raw)
        if not text:
            pieces.append((" " if raw[:1].isspace() else "", "", "", ""))
            continue
        link = span.link.strip()
        if link.startswith("#"):
            text = f"[{text}](#{anchor(link[1:])})"
        elif _WEB_LINK.match(link):
            text = f"[{text}]({quote(one_line(link), safe=_URL_SAFE)})"
        elif link and one_line(link) != one_line(span.text):
            text = f"{text} ({markdown_inline(link)})"
        mark = "*" * ((2 if span.bold else 0) + (1 if span.italic else 0))
        # Emphasis must hug its text: spaces at either end go outside the marks.
        before = " " if raw[:1].isspace() else ""
        after = " " if raw[-1:].isspace() else ""
        pieces.append((before, mark, text, after))
    out: list[str] = []
    for number, (before, mark, text, after) in enumerate(pieces):
        if mark:
            previous = (before or "".join(out)[-1:]) or " "
            following = (after or _first_char(pieces[number + 1 :])) or " "
            if not _can_emphasise(previous, text, following):
                mark = ""  # CommonMark would show the marks as text: keep the text only
        out.append(f"{before}{mark}{text}{mark}{after}")
    return "".join(out)


def _first_char(pieces: list[tuple[str, str, str, str]]) -> str:
    for before, mark, text, after in pieces:
        whole = before + mark + text + after
        if whole:
            return whole[0]
    return ""


def _can_emphasise(previous: str, text: str, following: str) -> bool:
    """Whether ``*`` marks around ``text``, between those characters, open and close emphasis
    under CommonMark's flanking rules (Python-Markdown is less strict)."""

    def loose(char: str) -> bool:
        return _is_space(char) or _is_punctuation(char)

    opens = not _is_space(text[0]) and (not _is_punctuation(text[0]) or loose(previous))
    closes = not _is_space(text[-1]) and (not _is_punctuation(text[-1]) or loose(following))
    return opens and closes


def _is_space(char: str) -> bool:
    """CommonMark's Unicode whitespace: narrower than ``str.isspace``."""
    return char in " \t\n\r\f" or unicodedata.category(char) == "Zs"


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith(("P", "S"))


def _clause(clause: Clause) -> str:
    out = []
    title = markdown_inline(clause.title)
    if title:
        out.append(f"**{title}**")
    if clause.needs_review:
        note = markdown_inline(clause.review_note) or DEFAULT_REVIEW_NOTE
        out.append(f"> **{REVIEW_LABEL}:** {note}")
    text = markdown_block(clause.text)
    if text:
        out.append(text)
    details = [
        f"- **{markdown_inline(label)}:** {markdown_inline(value)}"
        for label, value in clause.details
        if value.strip()
    ]
    if details:
        out.append("\n".join(details))
    source = markdown_inline(clause.source)
    if source:
        out.append(f"*{source}*")
    provenance = markdown_inline(clause.provenance)
    if provenance:
        out.append(f"*{provenance}*")
    tags = markdown_inline(", ".join(clause.tags))
    if tags:
        out.append(f"*Answers: {tags}*")
    return "\n\n".join(out)


def _table(table: Table) -> str:
    width = max([len(table.header), *(len(row) for row in table.rows)])
    if width == 0:
        return ""

    def row(cells: tuple[str, ...]) -> str:
        padded = [markdown_cell(cell) for cell in cells] + [" "] * (width - len(cells))
        return "| " + " | ".join(padded) + " |"

    lines = [row(table.header), "|" + " --- |" * width]
    for number, cells in enumerate(table.rows):
        lines.append(row(cells))
        note = markdown_inline(one_line(table.note(number)))
        if note:  # a row of its own under the row: the note in the first cell, in italics
            lines.append(f"| *{note}* |" + "   |" * (width - 1))
    caption = markdown_inline(table.caption)
    return (f"*{caption}*\n\n" if caption else "") + "\n".join(lines)


def _list(block: ListBlock) -> str:
    lines = []
    for number, spans in enumerate(block.items, 1):
        marker = f"{number}." if block.ordered else "-"
        text = markdown_line_start(" ".join(_spans(spans).split()))
        lines.append(f"{marker} {text or '&#32;'}")
    return "\n".join(lines)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def _image_target(path: Path) -> str:
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")


def _ends_with_credit(laid: LaidOut) -> bool:
    last = laid.blocks[-1] if laid.blocks else None
    return isinstance(last, Paragraph) and one_line(last.text) == one_line(laid.credit)
