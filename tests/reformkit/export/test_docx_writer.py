"""What the Word writer puts in the file: contents field with its entries, headings with
bookmarks, tables with header rows, lists that restart, review comments, notes, pictures
with alt text, links, language, page numbers; and hostile text that must not crash it."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from reformkit.export.docx_writer import write_docx
from reformkit.export.docx_xml import bookmark_name, clean
from reformkit.layout.blocks import (
    Clause,
    Heading,
    Image,
    LaidOut,
    Paragraph,
    Span,
    Table,
)
from tests.reformkit.export import W, every_block, laid_sample, parts, png, read_part, xml

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("every")
    target = folder / "every.docx"
    calls: list[tuple[int, int]] = []
    warnings = write_docx(
        every_block(png(folder / "p.png")), target, progress=lambda d, t: calls.append((d, t))
    )
    assert warnings == []
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    return target


def test_contents_entries_link_to_their_headings_with_page_fields(written: Path) -> None:
    body = read_part(written, "word/document.xml")
    assert " TOC " not in body  # LibreOffice would show a TOC field's stored numbers as they are
    root = xml(written, "word/document.xml")
    entries = [p for p in root.iter(f"{W}p") if _style(p) in ("TOC1", "TOC2")]
    assert [_entry_text(p) for p in entries] == ["1 Rights", "1.1 Measures", "2 Duties"]
    anchors = [p.find(f"{W}hyperlink").get(f"{W}anchor") for p in entries]
    bookmarks = {b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")}
    assert set(anchors) <= bookmarks and len(anchors) == 3
    for entry, anchor in zip(entries, anchors, strict=True):
        # the page number is a PAGEREF to the heading's bookmark, inside the link, after a
        # right-aligned dot-leader tab, with an estimated page stored until it is worked out
        link = entry.find(f"{W}hyperlink")
        instructions = [i.text.strip() for i in link.iter(f"{W}instrText")]
        assert instructions == [f"PAGEREF {anchor} \\h"]
        assert link.find(f"{W}r/{W}tab") is not None
        tab = entry.find(f"{W}pPr/{W}tabs/{W}tab")
        assert (tab.get(f"{W}val"), tab.get(f"{W}leader")) == ("right", "dot")
        assert "".join(t.text for t in link.iter(f"{W}t")).endswith(("2", "3", "4"))
    settings = read_part(written, "word/settings.xml")
    assert '<w:updateFields w:val="true"/>' in settings  # Word fills them in on opening
    contents = next(p for p in root.iter(f"{W}p") if _style(p) == "TOCHeading")
    assert "".join(t.text for t in contents.iter(f"{W}t")) == "Contents"


@pytest.mark.parametrize("name", ["respect-charter", "local-reform-plan"])
def test_sample_contents_hold_every_section(name: str, tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    laid = laid_sample(name)
    write_docx(laid, target)
    root = xml(target, "word/document.xml")
    listed = [_entry_text(p) for p in root.iter(f"{W}p") if _style(p) in ("TOC1", "TOC2")]
    assert listed == [h.display for h in laid.headings(2)]
    headings = [
        "".join(t.text for t in p.iter(f"{W}t"))
        for p in root.iter(f"{W}p")
        if (_style(p) or "").startswith("Heading")
    ]
    assert headings == [h.display for h in laid.headings()]
    tables = list(root.iter(f"{W}tbl"))
    assert len(tables) == sum(1 for b in laid.blocks if isinstance(b, Table))
    for table in tables:
        assert table.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None
        assert table.find(f"{W}tblPr/{W}tblCaption") is None  # the Caption paragraph names it
        assert table.find(f"{W}tblPr/{W}tblDescription") is not None


def test_tables_have_a_bordered_style_header_row_and_widths(written: Path) -> None:
    root = xml(written, "word/document.xml")
    table = next(root.iter(f"{W}tbl"))
    assert table.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "ReformKitTable"
    header = table.find(f"{W}tr")
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}rPr/{W}b") is not None for r in header.iter(f"{W}r"))
    description = table.find(f"{W}tblPr/{W}tblDescription").get(f"{W}val")
    assert re.match(r"\d+ rows; columns: ", description) and "Rights" not in description
    widths = [int(c.get(f"{W}w")) for c in table.iter(f"{W}gridCol")]
    assert len(widths) == 3 and abs(sum(widths) - 9071) <= 3
    caption = table.getprevious()
    assert _style(caption) == "Caption"
    styles = read_part(written, "word/styles.xml")
    assert re.search(r'w:styleId="ReformKitTable".*?<w:insideH w:val="single"', styles, re.S)


def test_a_wide_table_goes_on_a_landscape_page(tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    write_docx(laid_sample("local-reform-plan"), target)
    root = xml(target, "word/document.xml")
    sizes = [s.find(f"{W}pgSz") for s in root.iter(f"{W}sectPr")]
    orients = [s.get(f"{W}orient") for s in sizes]
    assert "landscape" in orients and orients[-1] != "landscape"
    title_pages = [s.find(f"{W}titlePg") is not None for s in root.iter(f"{W}sectPr")]
    assert title_pages == [True] + [False] * (len(title_pages) - 1)


def test_ordered_lists_restart_and_bullets_are_real_numbering(written: Path) -> None:
    root = xml(written, "word/document.xml")
    numbering = xml(written, "word/numbering.xml")
    by_style: dict[str, list[str]] = {}
    for p in root.iter(f"{W}p"):
        num = p.find(f"{W}pPr/{W}numPr/{W}numId")
        if num is not None:
            by_style.setdefault(_style(p) or "", []).append(num.get(f"{W}val"))
    numbered = by_style["ListNumber"]
    assert len(numbered) == 4 and numbered[0] == numbered[1] != numbered[2] == numbered[3]
    for num_id in set(numbered):
        num = next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id)
        assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"
    formats = {
        a.get(f"{W}abstractNumId"): a.find(f"{W}lvl/{W}numFmt").get(f"{W}val")
        for a in numbering.iter(f"{W}abstractNum")
    }
    bullet = next(
        n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == by_style["ListBullet"][0]
    )
    assert formats[bullet.find(f"{W}abstractNumId").get(f"{W}val")] == "bullet"


def test_review_clauses_become_comments_on_their_title(written: Path) -> None:
    comments = xml(written, "word/comments.xml")
    texts = ["".join(t.text for t in c.iter(f"{W}t")) for c in comments.iter(f"{W}comment")]
    assert texts == ["The entry changed; check the wording."]
    assert comments.find(f"{W}comment").get(f"{W}author") == "ReformKit"
    root = xml(written, "word/document.xml")
    start = next(root.iter(f"{W}commentRangeStart"))
    title = start.getparent()
    assert _style(title) == "ClauseTitle" and "Discretion" in "".join(
        t.text for t in title.iter(f"{W}t")
    )


def test_clause_parts_notes_and_small_text(written: Path) -> None:
    made = docx.Document(str(written))
    texts = [(p.style.name, p.text) for p in made.paragraphs]
    assert ("Clause Title", "Discretion") in texts
    assert ("Clause Detail", "Owner: Team manager") in texts
    assert ("Small", "Adapted from the briefing, page 11") in texts
    assert ("Small", "Answers: R18, R19") in texts
    assert ("Warning Note", "Warning: Nothing written yet.") in texts
    assert ("Note", "Note: A friendly note.") in texts
    assert ("Lead", "A lead.") in texts


def test_pictures_have_alt_text_and_links_are_real(written: Path) -> None:
    root = xml(written, "word/document.xml")
    picture = next(root.iter(f"{WP}docPr"))
    assert picture.get("descr") == "A grey square" and picture.get("title") == "A grey square"
    links = list(root.iter(f"{W}hyperlink"))
    internal = [x for x in links if x.get(f"{W}anchor") == bookmark_name("_Toc_section-2")]
    assert any("the duties" in "".join(t.text for t in x.iter(f"{W}t")) for x in internal)
    external = [x for x in links if x.get(f"{R}id")]
    assert len(external) == 1
    rels = read_part(written, "word/_rels/document.xml.rels")
    assert 'Target="https://www.demos.co.uk/research/" TargetMode="External"' in rels


def test_language_title_page_properties_and_page_numbers(written: Path) -> None:
    styles = xml(written, "word/styles.xml")
    assert styles.find(f"{W}docDefaults//{W}lang").get(f"{W}val") == "en-GB"
    settings = read_part(written, "word/settings.xml")
    assert '<w:themeFontLang w:val="en-GB"/>' in settings
    made = docx.Document(str(written))
    core = made.core_properties
    assert (core.title, core.author, core.language) == (
        "Every block",
        "Ada Author, Ben Writer",
        "en-GB",
    )
    assert core.keywords == "test, R18"
    assert made.paragraphs[0].style.name == "Title"
    footers = [read_part(written, n) for n in parts(written) if n.startswith("word/footer")]
    assert any("PAGE" in f and "Page " in f for f in footers)


def test_unsafe_and_unknown_links_are_text_with_a_warning(tmp_path: Path) -> None:
    laid = _one(
        Paragraph(
            (
                Span("run me", link="javascript:alert(1)"),
                Span(" and "),
                Span("nowhere", link="#no-such-heading"),
            )
        )
    )
    target = tmp_path / "links.docx"
    warnings = write_docx(laid, target)
    assert len(warnings) == 2
    assert "w:hyperlink" not in read_part(target, "word/document.xml").split("Contents")[-1]
    assert "run me and nowhere" in [p.text for p in docx.Document(str(target)).paragraphs]


def test_a_missing_picture_is_described_instead(tmp_path: Path) -> None:
    target = tmp_path / "pic.docx"
    warnings = write_docx(_one(Image(tmp_path / "gone.png", "A map of the area")), target)
    assert warnings and "gone.png" in warnings[0]
    assert "Picture: A map of the area" in [p.text for p in docx.Document(str(target)).paragraphs]


HOSTILE = {
    "nul and controls": "a\x00b\x01c\x08d\x0be\x0cf\x1fg\x7fh",
    "lone surrogate": "before\ud800after\udfff",
    "non-characters": "x\ufffey\uffffz",
    "emoji": "👩‍⚕️ care 🏳️‍🌈 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "right to left": "مرحبا بالعالم שלום",
    "markup": "<w:p> & </w:t> ]]> \"quotes\" 'apostrophes'",
    "line ends": "one\ntwo\r\nthree\rfour\tfive",
    "a megabyte": "word " * 210_000,
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_text_exports_and_opens(case: str, tmp_path: Path) -> None:
    text = HOSTILE[case]
    target = tmp_path / "hostile.docx"
    laid = every_block(png(tmp_path / "p.png"), text)
    laid = LaidOut(**{**laid.__dict__, "authors": (text,), "subject": text, "keywords": (text,)})
    write_docx(laid, target)
    made = docx.Document(str(target))
    body = "\n".join(p.text for p in made.paragraphs)
    kept = clean(text).replace("\t", "").replace("\n", "")[:50]
    assert kept in body.replace("\t", "").replace("\n", "")
    if case == "right to left":
        heading = next(p for p in made.paragraphs if p.text.startswith("1 Rights"))
        assert heading._p.find(f"{W}pPr/{W}bidi") is None  # starts with Latin text
        detail = next(p for p in made.paragraphs if p.text.startswith("Owner:"))
        assert detail._p.find(f"{W}pPr/{W}bidi") is None
    assert made.core_properties.title.startswith("Every block")


def test_right_to_left_paragraphs_are_marked(tmp_path: Path) -> None:
    target = tmp_path / "rtl.docx"
    write_docx(_one(Paragraph.of("مرحبا بالعالم")), target)
    paragraph = next(p for p in docx.Document(str(target)).paragraphs if "مرحبا" in p.text)
    assert paragraph._p.find(f"{W}pPr/{W}bidi") is not None


def test_an_empty_heading_and_clause_get_placeholder_text(tmp_path: Path) -> None:
    target = tmp_path / "empty.docx"
    warnings = write_docx(_one(Heading(2, "  "), Clause("", "")), target)
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "Untitled section" in texts and "Untitled clause" in texts and warnings


def test_a_failed_save_leaves_the_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keep.docx"
    target.write_bytes(b"the good old file")

    real_write_bytes = Path.write_bytes

    def explode(self: Path, data: bytes) -> int:
        if self.suffix == ".docx" and self.name.startswith(".reformkit-tmp-"):
            real_write_bytes(self, data[:4])  # half written, then the disk is full
            raise OSError(28, "No space left on device")
        return real_write_bytes(self, data)

    monkeypatch.setattr(Path, "write_bytes", explode)
    with pytest.raises(Exception, match="could not save"):
        write_docx(laid_sample("respect-charter"), target)
    assert target.read_bytes() == b"the good old file"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.docx"]


def _one(*blocks: object) -> LaidOut:
    return LaidOut(
        "One", "", "", (), "", "en-GB", "", (), (Heading(1, "Only", "1", "only"), *blocks), ""
    )


def _style(paragraph: object) -> str | None:
    found = paragraph.find(f"{W}pPr/{W}pStyle")  # type: ignore[attr-defined]
    return None if found is None else found.get(f"{W}val")


def _entry_text(paragraph: object) -> str:
    """A contents entry's text, before the tab and its page number."""
    text = []
    for run in paragraph.iter(f"{W}r"):  # type: ignore[attr-defined]
        if run.find(f"{W}tab") is not None:
            break
        text.extend(t.text for t in run.iter(f"{W}t"))
    return "".join(text)
