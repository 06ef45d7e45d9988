"""The Word writer: a laid-out document as a .docx, in ReformKit's style or a house style.

``write_docx`` opens the template (``docx_template``), makes sure every style it needs exists
(``docx_styles``), writes a title page and then each block in turn, and saves through
``replacing`` so that a failure never leaves a broken file or spoils a good one. It returns
warnings for the person exporting: a style the template lacked, a picture not found, a link
to nowhere. Text is cleaned of characters XML cannot hold on the way in.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from reformkit.export.docx_columns import WORD_CAP, column_widths, minimum_widths
from reformkit.export.docx_lists import Lists
from reformkit.export.docx_pages import heading_pages
from reformkit.export.docx_parts import (
    hyperlink,
    mark_run,
    page_number_footer,
    picture,
    safe_url,
    table_element,
)
from reformkit.export.docx_sections import Sections
from reformkit.export.docx_styles import TEXT_WIDTH_TWIPS, prepare_styles, set_language, style_id
from reformkit.export.docx_template import open_template
from reformkit.export.docx_toc import Entry, height, toc_paragraphs
from reformkit.export.docx_xml import (
    SETTINGS_ORDER,
    bookmark,
    bookmark_name,
    clean,
    element,
    insert_ordered,
    is_right_to_left,
    set_ppr,
    text_run,
)
from reformkit.export.progress import Progress, no_progress
from reformkit.export.safe_write import replacing
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

__all__ = ["column_widths", "write_docx"]

DEFAULT_LANGUAGE = "en-GB"
COMMENT_AUTHOR = "ReformKit"
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
WIDE_TABLE = 7  # columns; a table this wide goes on a landscape page
_PARAGRAPH_STYLES = {"lead": "Lead", "small": "Small"}
_SECT_PR = qn("w:sectPr")
_P = qn("w:p")
_KEEP_NEXT = f"{qn('w:pPr')}/{qn('w:keepNext')}"
_CARRIES_SECTION = f"{qn('w:pPr')}/{qn('w:sectPr')}"
_KEPT_AT_MOST = 8  # paragraphs carried to a landscape page with their table


def write_docx(
    laid: LaidOut,
    target: Path,
    template: Path | None = None,
    progress: Progress = no_progress,
) -> list[str]:
    """Write ``laid`` to ``target`` as a Word document; return warnings for the user."""
    notes: list[str] = []  # what the template needed changing (links outside it dropped)
    document = open_template(template, notes)
    writer = _Writer(document, laid)
    total = len(laid.blocks) + 2
    progress(0, total)
    writer.title_page()
    progress(1, total)
    for done, block in enumerate(laid.blocks, 2):
        writer.block(block)
        progress(done, total)
    writer.finish()
    from reformkit.export.docx_readable import make_readable

    readable = make_readable(document)  # a house template's pale or tiny styles, made readable
    # Build the whole file in memory first: if writing to disk then fails (a full disk),
    # no half-made zip is left open for Python to complain about later.
    content = io.BytesIO()
    document.save(content)
    with replacing(Path(target)) as temporary:
        temporary.write_bytes(content.getvalue())
    progress(total, total)
    return list(dict.fromkeys([*notes, *writer.warnings, *readable]))


class _Writer:
    def __init__(self, document: Any, laid: LaidOut) -> None:
        self.document = document
        self.laid = laid
        self.warnings: list[str] = []
        self.styles = prepare_styles(document)
        if self.styles.missing:
            self.warnings.append(
                "The template has no "
                + ", ".join(f"'{name}'" for name in self.styles.missing)
                + (" style" if len(self.styles.missing) == 1 else " styles")
                + ", so ReformKit added its own. Add them to your template to control how "
                "they look."
            )
        self.lists = Lists(document)
        self.text_width = _text_width(document)
        self.page_height = _page_height(document)
        self.sections = Sections(document.element.body)
        self._wide: dict[int, bool] = {}
        self.bookmarks = _bookmark_names(laid)
        self._next_bookmark = 1
        self._headings_seen = 0
        self._keep_next = False

    # -- the title page and the finishing touches ------------------------------------------

    def title_page(self) -> None:
        laid = self.laid
        self.paragraph(laid.title.strip() or "Untitled document", "Title")
        if laid.subtitle.strip():
            self.paragraph(laid.subtitle, "Subtitle")
        shown = " ".join(value for _, value in laid.metadata)
        if laid.organisation.strip() and laid.organisation not in shown:
            self.paragraph(laid.organisation, "Lead")
        extra = [
            ("Written by", ", ".join(laid.authors)),
            ("Date", laid.date),
        ]
        pairs = list(laid.metadata) + [(k, v) for k, v in extra if v and v not in shown]
        for label, value in pairs:
            paragraph = self.paragraph("", "Clause Detail")
            self.spans(paragraph, (Span(f"{label}: ", bold=True), Span(value)))
        self.page_break()

    def finish(self) -> None:
        laid = self.laid
        texts = [b.text for b in laid.blocks if isinstance(b, Paragraph)]
        if laid.credit.strip() and not any(laid.credit in text for text in texts):
            self.paragraph(laid.credit, "Small")
        language = laid.language.strip() or DEFAULT_LANGUAGE
        if not _LANGUAGE_TAG.match(language):
            self.warnings.append(
                f"The document language '{clean(language)}' is not a language code like "
                f"'en-GB'; {DEFAULT_LANGUAGE} was used."
            )
            language = DEFAULT_LANGUAGE
        set_language(self.document, language)
        settings = self.document.settings.element
        insert_ordered(settings, element("w:updateFields", {"w:val": "true"}), SETTINGS_ORDER)
        insert_ordered(settings, element("w:themeFontLang", {"w:val": language}), SETTINGS_ORDER)
        footer_style = style_id(self.document.styles.element, "footer", "paragraph")
        page_number_footer(self.document.sections[0], footer_style)  # later ones inherit it
        core = self.document.core_properties
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        core.title = _short(laid.title)
        core.subject = _short(laid.subject)
        core.author = _short(", ".join(laid.authors))
        core.keywords = _short(", ".join(laid.keywords))
        core.category = _short(laid.subtitle)
        core.language = language
        core.last_modified_by = COMMENT_AUTHOR
        core.comments = ""
        core.revision = 1
        core.created = now
        core.modified = now

    # -- blocks ----------------------------------------------------------------------------

    def block(self, block: Block) -> None:
        follows_heading = self._keep_next
        self._keep_next = isinstance(block, Heading)
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            paragraph = self.paragraph("", _PARAGRAPH_STYLES.get(block.style, ""))
            self.spans(paragraph, block.spans)
            if follows_heading and block.style == "small":
                # a heading's "Answers:" and "Written by:" lines stay with what follows
                set_ppr(paragraph, element("w:keepNext"))
                self._keep_next = True
        elif isinstance(block, ListBlock):
            self.list_block(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Clause):
            self.clause(block)
        elif isinstance(block, Note):
            warning = block.kind == "warning"
            paragraph = self.paragraph("", "Warning Note" if warning else "Note")
            label = "Warning: " if warning else "Note: "
            self.spans(paragraph, (Span(label, bold=True), Span(block.text)))
        elif isinstance(block, Image):
            self.image(block)
        elif isinstance(block, PageBreak):
            self.page_break()
        elif isinstance(block, TableOfContents):
            self.contents(block)

    def heading(self, heading: Heading) -> None:
        self._headings_seen += 1
        level = min(max(heading.level, 1), 3)
        text = heading.display.strip()
        if not text:
            text = "Untitled section"
            self.warnings.append("A section without a title was called 'Untitled section'.")
        paragraph = self.paragraph(text, f"Heading {level}")
        set_ppr(paragraph, element("w:keepNext"))  # also under a house style without it
        name = self.bookmarks.get(heading.anchor or f"#{self._headings_seen}")
        if name:
            bookmark(paragraph._p, name, self._next_bookmark)
            self._next_bookmark += 1

    def contents(self, block: TableOfContents) -> None:
        depth = min(max(block.depth, 1), 2)
        self.paragraph("Contents", "TOC Heading")
        listed = []
        for number, heading in enumerate(self.laid.headings(), 1):
            name = self.bookmarks.get(heading.anchor or f"#{number}")
            if heading.level <= depth and name:
                listed.append((number - 1, heading, name))
        guesses = [Entry(h.level, h.display, name, 0) for _, h, name in listed]
        tall = height(guesses, close=height(guesses) > self.page_height)
        pages = heading_pages(
            self.laid,
            self.text_width,
            self.page_height,
            self.is_wide,
            contents_pages=-(-tall // self.page_height),
        )
        entries = [
            Entry(h.level, h.display.strip() or "Untitled section", name, pages[index])
            for index, h, name in listed
        ]
        levels = {1: self.styles["TOC 1"], 2: self.styles["TOC 2"]}
        for made in toc_paragraphs(entries, levels, self.text_width, self.page_height):
            self._append(made)
        self.page_break()

    def clause(self, clause: Clause) -> None:
        title = self.paragraph("", "Clause Title")
        runs = self.spans(title, (Span(clause.title.strip() or "Untitled clause"),))
        if clause.needs_review:
            note = clean(clause.review_note).strip() or "Check this clause before you publish."
            self.document.add_comment(runs, text=note, author=COMMENT_AUTHOR, initials="RK")
        parts = [title]
        if clause.text.strip():
            parts.append(self.paragraph(clause.text, ""))
        for label, value in clause.details:
            detail = self.paragraph("", "Clause Detail")
            self.spans(detail, (Span(f"{label}: ", bold=True), Span(value)))
            parts.append(detail)
        if clause.source.strip():
            parts.append(self.paragraph(clause.source, "Small"))
        if clause.provenance.strip():
            provenance = self.paragraph("", "Small")
            self.spans(provenance, (Span(clause.provenance, italic=True),))
            parts.append(provenance)
        if clause.tags:
            tags = self.paragraph("", "Small")
            self.spans(tags, (Span("Answers: ", bold=True), Span(", ".join(clause.tags))))
            parts.append(tags)
        for part in parts[1:-1]:  # keep a clause's text, details and tags on one page
            set_ppr(part, element("w:keepNext"))

    def list_block(self, block: ListBlock) -> None:
        num_id = self.lists.new_numbered() if block.ordered else self.lists.bullets()
        style = "List Number" if block.ordered else "List Bullet"
        for item in block.items:
            paragraph = self.paragraph("", style)
            numbering = element("w:numPr")
            numbering.append(element("w:ilvl", {"w:val": "0"}))
            numbering.append(element("w:numId", {"w:val": num_id}))
            set_ppr(paragraph, numbering)
            self.spans(paragraph, item)

    def table(self, table: Table) -> None:
        """A table, after its caption; a wide one on landscape pages, taking with it the
        heading and lines kept with it so that none is left alone on the page before."""
        before = self._last()
        if before is not None and before.tag == _P and before.find(_CARRIES_SECTION) is None:
            set_ppr(DocxParagraph(before, self.document._body), element("w:keepNext"))
        landscape = self.is_wide(table) and self.sections.can_turn
        width = self.text_width
        if landscape:
            width = self.sections.start_landscape(self._kept_start())
        if table.caption.strip():
            caption = self.paragraph(table.caption, "Caption")
            set_ppr(caption, element("w:keepNext"))
        made, _ = table_element(table, self.styles.table, self.styles["Table Text"], width)
        self._append(made)
        if landscape:
            self.sections.end_landscape()

    def is_wide(self, table: Table) -> bool:
        """Whether ``table`` goes on landscape pages; measured once per table."""
        key = id(table)
        if key not in self._wide:
            self._wide[key] = _is_wide(table, self.text_width)
        return self._wide[key]

    def _last(self) -> Any:
        """The last element written to the body (before its final section properties)."""
        try:
            last = self.document.element.body[-1]  # len() would count every child
        except IndexError:
            return None
        return last.getprevious() if last.tag == _SECT_PR else last

    def _kept_start(self) -> Any:
        """The first of the paragraphs just written that are kept with what follows (or the
        end of the body if none is). Looks back a few elements only, never through the body."""
        first = self.sections.final
        current = self._last()
        for _ in range(_KEPT_AT_MOST):
            if current is None or current.tag != _P or current.find(_KEEP_NEXT) is None:
                break
            first, current = current, current.getprevious()
        return first

    def page_break(self) -> None:
        paragraph = element("w:p")
        run = element("w:r")
        run.append(element("w:br", {"w:type": "page"}))
        paragraph.append(run)
        self._append(paragraph)

    def _append(self, made: Any) -> None:
        """Add ``made`` at the end of the body, before the final section settings.

        The body's last child is looked at directly: searching a body of thousands of
        paragraphs for its ``w:sectPr`` each time made long exports slow.
        """
        body = self.document.element.body
        try:
            last = body[-1]
        except IndexError:
            last = None
        if last is not None and last.tag == _SECT_PR:
            last.addprevious(made)
        else:
            body.append(made)

    def image(self, image: Image) -> None:
        alt = clean(image.alt).strip()
        if not alt:
            self.warnings.append(f"The picture {image.path.name} has no description (alt text).")
        paragraph = self.paragraph("", "")
        width = min(image.width_cm, self.text_width / 567)
        try:
            picture(paragraph.add_run(), str(image.path), alt, width)
        except Exception:  # missing, unreadable or not a picture python-docx understands
            paragraph._p.getparent().remove(paragraph._p)
            self.warnings.append(
                f"The picture {image.path.name} could not be read, so its description was "
                "written instead."
            )
            note = self.paragraph("", "Note")
            self.spans(note, (Span("Picture: ", bold=True), Span(alt or image.path.name)))

    # -- paragraphs and runs ---------------------------------------------------------------

    def paragraph(self, text: str, style: str) -> Any:
        """A new paragraph at the end of the body in the style called ``style`` ("" for the
        default), holding ``text``."""
        made = element("w:p")
        self._append(made)
        paragraph = DocxParagraph(made, self.document._body)
        if style:
            found = self.styles.ids.get(style) or style_id(
                self.document.styles.element, style, "paragraph"
            )
            if found:
                set_ppr(paragraph, element("w:pStyle", {"w:val": found}))
        if text:
            self.spans(paragraph, (Span(text),))
        return paragraph

    def spans(self, paragraph: Any, spans: tuple[Span, ...] | list[Span]) -> list[Any]:
        runs = []
        for span in spans:
            text = clean(span.text)
            if not text:
                continue
            made = text_run(text, span.bold, span.italic)
            paragraph._p.append(made)
            run = Run(made, paragraph)
            runs.append(run)
            if span.link:
                self._link(paragraph, run, span.link)
        if is_right_to_left(clean("".join(s.text for s in spans))):
            set_ppr(paragraph, element("w:bidi"))
        return runs

    def _link(self, paragraph: DocxParagraph, run: Any, link: str) -> None:
        link = link.strip()
        if link.startswith("#"):
            target = self.bookmarks.get(link[1:])
            if target is None:
                self.warnings.append(f"A link points to '{clean(link)}', which is not a heading.")
                return
        else:
            found = safe_url(link)
            if found is None:
                self.warnings.append(f"'{clean(link)[:80]}' is not a web address; not linked.")
                return
            target = found
        mark_run(run, self.styles["Hyperlink"])
        hyperlink(self.document, paragraph, [run], target)


def _bookmark_names(laid: LaidOut) -> dict[str, str]:
    """A unique bookmark name for every heading, by anchor (or "#n" for the nth heading)."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for number, heading in enumerate(laid.headings(), 1):
        key = heading.anchor or f"#{number}"
        if key in names:
            continue
        base = bookmark_name("_Toc_" + (heading.anchor or f"heading_{number}"))
        name, suffix = base, 2
        while name in used:
            name = f"{base[:36]}_{suffix}"
            suffix += 1
        used.add(name)
        names[key] = name
    return names


def _is_wide(table: Table, text_width: int) -> bool:
    """Whether ``table`` goes on a landscape page: many columns, or words that do not fit."""
    columns = max([len(table.header), *(len(row) for row in table.rows)], default=1)
    header = table.header + ("",) * (columns - len(table.header))
    rows = [row + ("",) * (columns - len(row)) for row in table.rows]
    cap = int(text_width * WORD_CAP)
    least = sum(min(width, cap) for width in minimum_widths(header, rows))
    return columns >= WIDE_TABLE or least > text_width


def _page_height(document: Any) -> int:
    """The height a page has for text, in twips (A4 with 2.5 cm margins if unknown)."""
    section = document.sections[-1]
    try:
        twips = int(section.page_height - section.top_margin - section.bottom_margin) // 635
    except TypeError:
        return 13_200
    return twips if twips > 2880 else 13_200


def _text_width(document: Any) -> int:
    section = document.sections[-1]
    try:
        twips = int(section.page_width - section.left_margin - section.right_margin) // 635
    except TypeError:  # a template without page size or margins
        return TEXT_WIDTH_TWIPS
    return twips if twips > 1440 else TEXT_WIDTH_TWIPS


def _short(text: str) -> str:
    """Core properties hold at most 255 characters."""
    return clean(text).replace("\n", " ")[:255]
