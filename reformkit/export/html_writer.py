"""The HTML writer: one self-contained page, for the desktop app's live preview and export.

The page is written for Qt's rich-text engine (QTextBrowser), which understands a subset of
HTML 4 and CSS 2: plain block elements, tables with borders and padding, class selectors, no
boxes around ``div``s. Notes are therefore one-cell tables. The page is also valid HTML5 and
reads well in any browser.

Nothing on the page can reach the network or run code: a Content-Security-Policy forbids
everything but inline styles and ``data:`` pictures, there are no scripts, links only go to
anchors on the page (a web address is shown as text), pictures are embedded from local files,
and every piece of the user's text is escaped with :func:`html.escape`.

Each heading and clause carries an ``id`` (``section-3``, ``item-<item id>``) so the preview
can scroll to the part being edited. The app re-renders on every keystroke, so the writer is
kept to plain string building.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

from reformkit.export.progress import Progress, no_progress
from reformkit.export.text_escape import html_lines, html_text, one_line, paragraphs
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

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
NOTE_LABELS = {"info": "Note", "warning": "Warning"}
REVIEW_LABEL = "To review"
DEFAULT_REVIEW_NOTE = "Check this wording, then mark it as reviewed."
PICTURE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".bmp": "image/bmp",
}
MAX_PICTURE_BYTES = 8 * 1024 * 1024
PIXELS_PER_CM = 37.8
# For sharing a table's width between columns: characters in a line of the preview, in a long
# word (kept whole), and the padding and border around a cell's text.
LINE_CHARACTERS = 110
WORD_CHARACTERS = 12
CELL_PADDING_CHARACTERS = 3

# Qt's rich text reads this subset of CSS; browsers read it the same way. Tables draw their grid
# from each cell's right and bottom borders (plus the first column's left and the header's top)
# rather than with border-collapse, and keep the body's font size: with either of those, Qt
# makes columns too narrow for their longest word and breaks words apart.
STYLE = """
body { font-family: 'Segoe UI', Calibri, Arial, sans-serif; font-size: 10pt; color: #1b1b1b;
  background-color: #ffffff; }
h1 { font-size: 20pt; font-weight: bold; color: #1d3557; margin-top: 6px; margin-bottom: 4px; }
h2 { font-size: 15pt; font-weight: bold; color: #1d3557; margin-top: 22px; margin-bottom: 6px; }
h3 { font-size: 12.5pt; font-weight: bold; color: #1d3557; margin-top: 16px;
  margin-bottom: 4px; }
h4, h5, h6 { font-size: 11pt; font-weight: bold; margin-top: 12px; margin-bottom: 4px; }
p { margin-top: 0px; margin-bottom: 8px; }
ul, ol { margin-top: 0px; margin-bottom: 8px; }
li { margin-bottom: 2px; }
.subtitle { font-size: 13pt; color: #3d4a5c; margin-bottom: 10px; }
.meta { color: #3d4a5c; }
.lead { font-size: 12pt; }
.small { font-size: 9pt; color: #4f5b6a; }
.contents-title { font-size: 13pt; font-weight: bold; color: #1d3557; margin-top: 14px; }
.clause-title { font-weight: bold; margin-top: 10px; margin-bottom: 3px; }
.details { margin-bottom: 4px; }
.caption { font-size: 9.5pt; font-weight: bold; color: #3d4a5c; margin-top: 6px;
  margin-bottom: 3px; }
table.data { margin-bottom: 12px; }
table.data th { background-color: #e6ecf3; font-weight: bold; text-align: left;
  border-top: 1px solid #9aa7b6; }
table.data th, table.data td { border-right: 1px solid #9aa7b6; border-bottom: 1px solid #9aa7b6;
  padding: 4px; vertical-align: top; }
table.data .first { border-left: 1px solid #9aa7b6; }
table.box { border-collapse: collapse; margin-top: 4px; margin-bottom: 10px; }
table.box td { padding: 6px; }
table.info td { background-color: #eaf2fb; border: 1px solid #9dbbe0; }
table.warning td { background-color: #fff3de; border: 1px solid #e0b25e; }
table.review td { background-color: #fff3de; border: 1px solid #e0b25e; }
.picture-missing { color: #4f5b6a; font-style: italic; }
"""

_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
#: Every element that holds text takes its direction from its own first strong letter, so a
#: paragraph or cell in Arabic or Hebrew reads right to left inside an English page. (User
#: text is escaped, so a ``<p`` in the page is always one of ours.)
_AUTO_DIRECTION = re.compile(r"<(p|h[1-6]|li|td|th|caption|figcaption)(?=[ >])")


def write_html(laid: LaidOut, progress: Progress = no_progress, anchor_ids: bool = True) -> str:
    """The whole document as one HTML page. With ``anchor_ids`` off, no element has an id and
    the contents are not links (for embedding the page where ids could clash)."""
    writer = _Writer(laid, anchor_ids)
    total = len(laid.blocks)
    step = max(1, total // 100)
    out = writer.out
    writer.head()
    for done, block in enumerate(laid.blocks, 1):
        writer.block(block)
        if done % step == 0 or done == total:
            progress(done, total)
    if laid.credit.strip() and not _ends_with_credit(laid):
        out.append(f'<p class="small">{html_text(laid.credit)}</p>\n')
    out.append("</body>\n</html>\n")
    return _AUTO_DIRECTION.sub(r'<\1 dir="auto"', "".join(out))


def anchor(name: str) -> str:
    """An id as written: only letters, digits, ``_`` and ``-``."""
    return _ANCHOR_UNSAFE.sub("-", name)


class _Writer:
    def __init__(self, laid: LaidOut, anchor_ids: bool) -> None:
        self.laid = laid
        self.anchor_ids = anchor_ids
        self.out: list[str] = []
        self.used: set[str] = set()

    def id_attr(self, name: str) -> str:
        """`` id="…"`` for a new anchor, or nothing; a repeated name gets a number added."""
        if not (self.anchor_ids and name):
            return ""
        name = anchor(name)
        if name in self.used:
            number = 2
            while f"{name}-{number}" in self.used:
                number += 1
            name = f"{name}-{number}"
        self.used.add(name)
        return f' id="{name}"'

    def head(self) -> None:
        laid = self.laid
        language = html_text(one_line(laid.language) or "en-GB")
        self.out.append(
            "<!DOCTYPE html>\n"
            f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
            f"<title>{html_text(one_line(laid.title))}</title>\n"
            f'<meta name="author" content="{html_text(", ".join(laid.authors))}">\n'
            f'<meta name="description" content="{html_text(one_line(laid.subject))}">\n'
            f'<meta name="keywords" content="{html_text(", ".join(laid.keywords))}">\n'
            f"<style>{STYLE}</style>\n</head>\n<body>\n"
        )
        self.out.append(f"<h1{self.id_attr('title')}>{html_text(one_line(laid.title))}</h1>\n")
        if laid.subtitle.strip():
            self.out.append(f'<p class="subtitle">{html_text(one_line(laid.subtitle))}</p>\n')
        details = [
            f"<b>{html_text(one_line(label))}:</b> {html_text(one_line(value))}"
            for label, value in laid.metadata
            if value.strip()
        ]
        if details:
            self.out.append(f'<p class="meta">{"<br>".join(details)}</p>\n')

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Clause):
            self.clause(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Heading):
            level = min(block.level + 1, 6)
            self.out.append(
                f"<h{level}{self.id_attr(block.anchor)}>"
                f"{html_text(one_line(block.display))}</h{level}>\n"
            )
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{self.spans(item)}</li>\n" for item in block.items)
            self.out.append(f"<{tag}>\n{items}</{tag}>\n")
        elif isinstance(block, Note):
            kind = "warning" if block.kind == "warning" else "info"
            self.box(kind, NOTE_LABELS[kind], block.text)
        elif isinstance(block, Image):
            self.image(block)
        elif isinstance(block, PageBreak):
            self.out.append("<hr>\n")
        elif isinstance(block, TableOfContents):
            self.contents(block.depth)
        else:
            raise TypeError(f"The HTML writer does not know {type(block).__name__} blocks")

    def paragraph(self, block: Paragraph) -> None:
        css = "" if block.style == "body" else f' class="{html_text(block.style)}"'
        if len(block.spans) == 1 and not _styled(block.spans[0]):
            # The common case: one plain run, perhaps of several paragraphs.
            parts = paragraphs(block.spans[0].text)
            self.out.extend(f"<p{css}>{html_lines(part)}</p>\n" for part in parts)
            return
        text = self.spans(block.spans)
        if text:
            self.out.append(f"<p{css}>{text}</p>\n")

    def spans(self, spans: tuple[Span, ...]) -> str:
        out = []
        for span in spans:
            text = html_lines(span.text)
            link = span.link.strip()
            if link.startswith("#") and len(link) > 1:
                text = f'<a href="#{anchor(link[1:])}">{text}</a>'
            elif link and one_line(link) != one_line(span.text):
                text = f"{text} ({html_text(one_line(link))})"
            if span.italic:
                text = f"<i>{text}</i>"
            if span.bold:
                text = f"<b>{text}</b>"
            out.append(text)
        return "".join(out).strip()

    def clause(self, clause: Clause) -> None:
        out = self.out
        out.append(f'<div class="clause"{self.id_attr(_item_anchor(clause.item_id))}>\n')
        title = one_line(clause.title)
        if title:
            out.append(f'<p class="clause-title">{html_text(title)}</p>\n')
        if clause.needs_review:
            self.box("review", REVIEW_LABEL, clause.review_note or DEFAULT_REVIEW_NOTE)
        out.extend(f"<p>{html_lines(part)}</p>\n" for part in paragraphs(clause.text))
        details = [
            f"<b>{html_text(one_line(label))}:</b> {html_lines(value.strip())}"
            for label, value in clause.details
            if value.strip()
        ]
        if details:
            out.append(f'<p class="details">{"<br>".join(details)}</p>\n')
        small = []
        if clause.source.strip():
            small.append(html_text(one_line(clause.source)))
        if clause.provenance.strip():
            small.append(f"<i>{html_text(one_line(clause.provenance))}</i>")
        if clause.tags:
            small.append(f"<b>Answers:</b> {html_text(', '.join(clause.tags))}")
        if small:
            out.append(f'<p class="small">{"<br>".join(small)}</p>\n')
        out.append("</div>\n")

    def table(self, table: Table) -> None:
        width = max([len(table.header), *(len(row) for row in table.rows)])
        if width == 0:
            return
        out = self.out
        if table.caption.strip():
            out.append(f'<p class="caption">{html_text(one_line(table.caption))}</p>\n')
        widths = _percentages(table.widths, width) or _column_widths(table, width)
        out.append(
            '<table class="data" border="0" cellspacing="0" cellpadding="4" width="100%">\n'
            "<thead><tr>"
        )
        for number, cell in enumerate(table.header + ("",) * (width - len(table.header))):
            first = ' class="first"' if number == 0 else ""
            out.append(f'<th scope="col"{first} width="{widths[number]}%">{_cell(cell)}</th>')
        out.append("</tr></thead>\n<tbody>\n")
        for number, row in enumerate(table.rows):
            cells = "</td><td>".join(_cell(cell) for cell in row)
            padding = "<td></td>" * (width - max(1, len(row)))
            out.append(f'<tr><td class="first">{cells}</td>{padding}</tr>\n')
            note = one_line(table.note(number))
            if note:  # where the row came from, on a line of its own under it
                out.append(
                    f'<tr class="provenance"><td class="first" colspan="{width}">'
                    f"<i>{html_text(note)}</i></td></tr>\n"
                )
        out.append("</tbody>\n</table>\n")

    def box(self, kind: str, label: str, text: str) -> None:
        parts = paragraphs(text) or [""]
        body = "<br><br>".join(html_lines(part) for part in parts)
        self.out.append(
            f'<table class="box {kind}" role="note" width="100%" cellspacing="0" '
            f'cellpadding="6"><tr><td><b>{label}:</b> {body}</td></tr></table>\n'
        )

    def image(self, image: Image) -> None:
        alt = html_text(one_line(image.alt))
        source = _picture(Path(image.path))
        if source is None:
            self.out.append(f'<p class="picture-missing">[Picture: {alt}]</p>\n')
            return
        pixels = max(1, round(image.width_cm * PIXELS_PER_CM))
        self.out.append(f'<p><img src="{source}" alt="{alt}" width="{pixels}"></p>\n')

    def contents(self, depth: int) -> None:
        headings = self.laid.headings(depth)
        if not headings:
            return
        out = self.out
        out.append(f'<p class="contents-title"{self.id_attr("contents")}>Contents</p>\n')
        level = 0
        for heading in headings:
            # A nested list sits inside its parent's item, one level deeper at most.
            target = max(1, min(heading.level, level + 1))
            if target > level:
                out.append("<ul>\n")
                level = target
            else:
                out.append("</li>\n")
                while level > target:
                    out.append("</ul></li>\n")
                    level -= 1
            text = html_text(one_line(heading.display))
            if self.anchor_ids and heading.anchor:
                text = f'<a href="#{anchor(heading.anchor)}">{text}</a>'
            out.append(f"<li>{text}")
        out.append("</li>\n" + "</ul></li>\n" * (level - 1) + "</ul>\n")


def _cell(text: str) -> str:
    return html_lines(text.strip())


def _column_widths(table: Table, columns: int) -> list[int]:
    """Column widths in percent, from the length of what each column holds.

    Qt lays out a table without widths by its own rules, which split words apart once the
    table is squeezed. Here each column gets room for its longest text if the table fits in
    about a line of text; otherwise every column keeps room for a long word and the rest of
    the line is shared out in proportion to how much more each column holds.
    """
    # Header text is bold, so a little wider than its count of characters.
    longest = [len(cell) + 2.0 for cell in table.header] + [0.0] * (columns - len(table.header))
    for row in table.rows:
        for number, cell in enumerate(row):
            if len(cell) > longest[number]:
                longest[number] = len(cell)
    # A column is never narrower than a long word, nor than its header's longest word (bold).
    header_words = [1.5 * max(map(len, cell.split()), default=0) for cell in table.header]
    header_words += [0.0] * (columns - len(table.header))
    least = [
        max(min(length, WORD_CHARACTERS), word)
        for length, word in zip(longest, header_words, strict=True)
    ]
    longest = [max(n, m) for n, m in zip(longest, least, strict=True)]
    spare = LINE_CHARACTERS - sum(least)
    wanted = sum(longest) - sum(least)
    chars: list[float]
    if sum(longest) <= LINE_CHARACTERS or spare <= 0 or wanted <= 0:
        chars = longest if sum(longest) <= LINE_CHARACTERS else least
    else:
        chars = [m + (n - m) * spare / wanted for m, n in zip(least, longest, strict=True)]
    return _shares([c + CELL_PADDING_CHARACTERS for c in chars])


def _shares(amounts: list[float]) -> list[int]:
    """Whole percentages in proportion to ``amounts`` that add up to no more than 100."""
    total = sum(amounts)
    shares = [max(1, int(100 * a / total)) for a in amounts]
    shares[shares.index(max(shares))] += max(0, 100 - sum(shares))
    return shares


def _styled(span: Span) -> bool:
    return span.bold or span.italic or bool(span.link)


def _item_anchor(item_id: str) -> str:
    return f"item-{item_id}" if item_id.strip() else ""


def _percentages(widths: tuple[float, ...], columns: int) -> list[int]:
    if len(widths) != columns or any(w <= 0 for w in widths):
        return []
    return _shares(list(widths))


def _ends_with_credit(laid: LaidOut) -> bool:
    last = laid.blocks[-1] if laid.blocks else None
    return isinstance(last, Paragraph) and one_line(last.text) == one_line(laid.credit)


@lru_cache(maxsize=32)
def _encoded(path: str, modified: int, size: int, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def _picture(path: Path) -> str | None:
    """A ``data:`` address holding the picture, or None if it cannot be shown."""
    mime = PICTURE_TYPES.get(path.suffix.lower())
    if mime is None:
        return None
    try:
        status = path.stat()
        if not path.is_file() or status.st_size > MAX_PICTURE_BYTES:
            return None
        return _encoded(str(path.resolve()), status.st_mtime_ns, status.st_size, mime)
    except OSError:
        return None
