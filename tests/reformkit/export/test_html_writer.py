"""The HTML writer: a safe, self-contained page with anchors for the preview to scroll to.

Safety: no scripts, nothing loaded from the network, links only to anchors on the page, a
Content-Security-Policy, and the user's text shown exactly as typed (checked with
``html.parser`` for hostile and arbitrary text in every place text can go). Structure: an id
on every heading and clause, contents that link to them. Speed is not asserted here: a
300-section plan is rendered and checked, and ``benchmarks/big_plan_views.py`` times it.
"""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from benchmarks.generated_plan import generated_plan
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.export.html_writer import CONTENT_SECURITY_POLICY, write_html
from reformkit.export.text_escape import clean
from reformkit.layout.blocks import (
    Block,
    Clause,
    Heading,
    Image,
    LaidOut,
    ListBlock,
    Note,
    Paragraph,
    Span,
    Table,
)
from reformkit.layout.engine import lay_out
from tests.reformkit.export import SAMPLES, every_block, laid_sample, png

WRITER_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "h5", "h6", "p",
    "b", "i", "a", "br", "ul", "ol", "li", "div", "table", "thead", "tbody", "tr", "th", "td",
    "hr", "img",
}  # fmt: skip
INLINE = {"b", "i", "a"}

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    "<a href='javascript:alert(1)'>x</a>",
    "[x](javascript:alert(1))",
    "&amp; stays &amp; and &#60; and &lt;b&gt;",
    "</p></div></body></html>",
    "<!-- comment --> <![CDATA[x]]>",
    "<style>body{display:none}</style>",
    "# Not a heading | a | b |",
    "Text with \x00 NUL, \x07 bell and \x1b[31m escapes",
    "line one\nline two\n\nafter a blank line",
    "\r\nWindows\rand old Mac line ends",
    "https://example.com/tracker.png",
]


class Page(HTMLParser):
    """Tags, attributes, ids and the visible text of the page's body."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.in_body = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.in_body = self.in_body or tag == "body"
        if tag not in INLINE:
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag not in INLINE:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if self.in_body:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append(("!--", {}))

    @property
    def visible(self) -> str:
        return squeeze("".join(self.text))

    def ids(self) -> list[str]:
        return [a["id"] or "" for _, a in self.tags if "id" in a]

    def hrefs(self) -> list[str]:
        return [a["href"] or "" for t, a in self.tags if t == "a" and "href" in a]


def squeeze(text: str) -> str:
    return " ".join(clean(text).split())


def minimal(*blocks: Block) -> LaidOut:
    return LaidOut(
        title="T",
        subtitle="",
        organisation="",
        authors=(),
        date="",
        language="en-GB",
        subject="",
        keywords=(),
        blocks=blocks,
        credit="",
    )


def placed(where: str, text: str) -> tuple[LaidOut, str]:
    """A document holding ``text`` in one place, and the visible text it must show as."""
    if where == "paragraph":
        return minimal(Paragraph.of(text)), f"T {text}"
    if where == "styled spans":
        spans = (Span("Label: ", bold=True), Span(text), Span(text, italic=True, link="#x"))
        return minimal(Paragraph(spans, "small")), f"T Label: {text}{text}"
    if where == "heading":
        return minimal(Heading(1, text, "3", "section-3")), f"T 3 {text}"
    if where == "clause title":
        return minimal(Clause(text, "Body.", item_id=text)), f"T {text} Body."
    if where == "clause text":
        return minimal(Clause("Title", text, ("R18",))), f"T Title {text} Answers: R18"
    if where == "clause details":
        clause = Clause("Title", "", details=((text, text),), source=text)
        return minimal(clause), f"T Title {squeeze(text)}: {text} {text}"
    if where == "review note":
        clause = Clause("Title", "Body.", needs_review=True, review_note=text)
        return minimal(clause), f"T Title To review: {text} Body."
    if where == "table cell":
        table = Table(("Head", text), ((text, "x"), ("y", text)), caption=text)
        return minimal(table), f"T {text} Head {text} {text} x y {text}"
    if where == "list item":
        return minimal(ListBlock(((Span(text),), (Span("next"),)))), f"T {text} next"
    if where == "note":
        return minimal(Note(text, "warning")), f"T Warning: {text}"
    if where == "title":
        laid = replace(minimal(), title=text, metadata=(("Written by", text),))
        return laid, f"{text} Written by: {text}"
    raise AssertionError(where)


PLACES = [
    "paragraph",
    "styled spans",
    "heading",
    "clause title",
    "clause text",
    "clause details",
    "review note",
    "table cell",
    "list item",
    "note",
    "title",
]


def assert_safe(html: str) -> Page:
    """No element or attribute the writer did not write; nothing that loads or runs."""
    lowered = html.lower()
    assert "<script" not in lowered
    assert '="javascript:' not in lowered  # as text, "javascript:" is harmless
    assert 'src="http' not in lowered and 'href="http' not in lowered
    page = Page(html)
    for tag, attributes in page.tags:
        assert tag in WRITER_TAGS, f"<{tag}> came from the user's text"
        for name, value in attributes.items():
            assert not name.startswith("on"), f"{name} came from the user's text"
            assert "javascript:" not in (value or "").lower()
            if name == "href":
                assert (value or "").startswith("#")
            if name == "src":
                assert (value or "").startswith("data:image/")
    metas = [a for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert metas == [{"http-equiv": "Content-Security-Policy", "content": CONTENT_SECURITY_POLICY}]
    assert CONTENT_SECURITY_POLICY == (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    )
    return page


def assert_shown(laid: LaidOut, expected: str) -> None:
    page = assert_safe(write_html(laid))
    assert page.visible == squeeze(expected)


# The samples -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_page_is_self_contained_and_safe(name: str) -> None:
    html = write_html(laid_sample(name))
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">')
    assert html.endswith("</body>\n</html>\n")
    page = assert_safe(html)
    assert ("html", {"lang": "en-GB"}) in page.tags


@pytest.mark.parametrize("name", SAMPLES)
def test_every_heading_and_clause_has_an_anchor(name: str) -> None:
    laid = laid_sample(name)
    page = Page(write_html(laid))
    ids = page.ids()
    assert len(ids) == len(set(ids)), "ids are unique"
    for heading in laid.headings():
        assert heading.anchor in ids
    clauses = [b for b in laid.blocks if isinstance(b, Clause)]
    assert clauses
    for clause in clauses:
        assert f"item-{clause.item_id}" in ids
    links = [href[1:] for href in page.hrefs()]
    assert {h.anchor for h in laid.headings(2)} <= set(links), "the contents link every heading"
    assert set(links) <= set(ids), "every link reaches an anchor"


@pytest.mark.parametrize("name", SAMPLES)
def test_the_same_content_as_the_other_formats(name: str) -> None:
    laid = laid_sample(name)
    visible = Page(write_html(laid)).visible
    assert visible.startswith(squeeze(f"{laid.title} {laid.subtitle}"))
    for heading in laid.headings():
        assert squeeze(heading.display) in visible
    for block in laid.blocks:
        if isinstance(block, Clause):
            assert squeeze(f"{block.title} {block.text}") in visible
            if block.tags:
                assert f"Answers: {', '.join(block.tags)}" in visible
        elif isinstance(block, Table):
            for row in block.rows:
                assert squeeze(" ".join(c for c in row if c.strip())) in visible
    assert "Recommendation 22: Designate Innovation Zones" in visible
    assert visible.endswith(squeeze(laid.credit))


# Every kind of block -----------------------------------------------------------------------


def test_every_kind_of_block(tmp_path: Path) -> None:
    picture = png(tmp_path / "grey.png")
    html = write_html(every_block(picture))
    page = assert_safe(html)
    tags = [tag for tag, _ in page.tags]
    assert tags.count("ol") == 2 and tags.count("ul") >= 2
    assert tags.count("hr") == 1, "a page break is a rule"
    assert '<a href="#section-2">the duties</a>' in html
    assert "the Demos briefing (https://www.demos.co.uk/research/)" in html, "shown, not linked"
    assert '<div class="clause" id="item-c1">' in html
    assert "<b>To review:</b> The entry changed; check the wording." in html
    assert "<b>Warning:</b> Nothing written yet." in html
    assert "<b>Note:</b> A friendly note." in html
    assert "<b>Owner:</b> Team manager" in html
    assert "<b>Answers:</b> R18, R19" in html
    assert '<p dir="auto" class="small">Small print.</p>' in html
    assert '<p dir="auto" class="lead">A lead.</p>' in html
    assert '<h3 dir="auto" id="section-1-1">1.1 Measures</h3>' in html
    assert '<th dir="auto" scope="col" class="first"' in html
    sources = [a["src"] or "" for t, a in page.tags if t == "img"]
    assert len(sources) == 1
    prefix = "data:image/png;base64,"
    assert sources[0].startswith(prefix)
    assert base64.b64decode(sources[0][len(prefix) :]) == picture.read_bytes()
    assert ("img", {"src": sources[0], "alt": "A grey square", "width": "113"}) in page.tags
    assert page.visible.endswith("Credit to Demos (CC BY-SA 3.0).")


@pytest.mark.parametrize(
    "path",
    [
        "missing.png",
        "https://example.com/tracker.png",
        "javascript:alert(1).png",
        "notes.txt",
        "picture.svg",
    ],
)
def test_a_picture_that_cannot_be_embedded_shows_its_description(path: str) -> None:
    html = write_html(minimal(Image(Path(path), "Our team <at work>")))
    page = assert_safe(html)
    assert "img" not in [tag for tag, _ in page.tags]
    assert "[Picture: Our team <at work>]" in page.visible


def test_a_folder_or_huge_file_is_not_embedded(tmp_path: Path) -> None:
    folder = tmp_path / "folder.png"
    folder.mkdir()
    huge = tmp_path / "huge.png"
    with huge.open("wb") as handle:
        handle.truncate(9 * 1024 * 1024)
    html = write_html(minimal(Image(folder, "a folder"), Image(huge, "too big")))
    assert "<img" not in html and "[Picture: a folder]" in html and "[Picture: too big]" in html


def test_without_anchor_ids_nothing_has_an_id() -> None:
    laid = laid_sample("respect-charter")
    html = write_html(laid, anchor_ids=False)
    assert " id=" not in html
    assert "href=" not in html, "the contents are not links when there is nothing to reach"
    assert "1 Purpose and scope" in html


def test_repeated_anchors_are_made_unique() -> None:
    laid = minimal(
        Heading(1, "One", "1", "section-1"),
        Heading(1, "Again", "1", "section-1"),
        Clause("A", "a", item_id="x"),
        Clause("B", "b", item_id="x"),
        Heading(1, "Odd", "", 'bad "id" <here>'),
    )
    ids = Page(write_html(laid)).ids()
    assert ids == ["title", "section-1", "section-1-2", "item-x", "item-x-2", "bad--id---here-"]


def test_language_and_metadata_are_escaped() -> None:
    laid = replace(
        minimal(),
        language='cy"><script>',
        authors=('Ann "A" <b>',),
        keywords=("x'y",),
        subject="a & b",
    )
    html = write_html(laid)
    assert_safe(html)
    assert '<html lang="cy&quot;&gt;&lt;script&gt;">' in html
    assert '<meta name="author" content="Ann &quot;A&quot; &lt;b&gt;">' in html
    assert '<meta name="keywords" content="x&#x27;y">' in html


def test_rows_are_padded_to_the_widest_row() -> None:
    table = Table(("a", "b", "c"), ((), ("1",), ("1", "2", "3", "4")))
    html = write_html(minimal(table))
    for row in re.findall(r"<tr>(.*?)</tr>", html):
        assert row.count("<td") + row.count("<th") == 4


def test_explicit_column_widths_are_kept() -> None:
    table = Table(("a", "b"), (("1", "2"),), widths=(1, 3))
    html = write_html(minimal(table))
    assert 'width="25%">a</th>' in html and 'width="75%">b</th>' in html


def test_table_widths_add_up_to_no_more_than_the_page() -> None:
    for laid in (laid_sample(n) for n in SAMPLES):
        html = write_html(laid)
        for head in re.findall(r"<thead><tr>(.*?)</tr></thead>", html):
            widths = [int(w) for w in re.findall(r'width="(\d+)%"', head)]
            assert widths and sum(widths) == 100


# Escaping ----------------------------------------------------------------------------------


@pytest.mark.parametrize("where", PLACES)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_shows_as_typed(where: str, text: str) -> None:
    laid, expected = placed(where, text)
    assert_shown(laid, expected)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PLACES), st.text(max_size=60))
def test_any_text_shows_as_typed(where: str, text: str) -> None:
    assume(squeeze(text))  # with no text at all, empty parts are left out
    laid, expected = placed(where, text)
    assert_shown(laid, expected)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>&\"';=/!-[]#x \n\r\t\x00\x0b", max_size=40))
def test_markup_characters_show_as_typed(text: str) -> None:
    assume(squeeze(text))
    for where in ("paragraph", "clause title", "table cell", "title"):
        laid, expected = placed(where, text)
        assert_shown(laid, expected)


# A large plan and progress -----------------------------------------------------------------


def test_a_300_section_plan_renders(catalogue: Catalogue) -> None:
    laid = lay_out(
        generated_plan(300), PLAN, catalogue.entries("recommendation"), catalogue.seed.credit
    )
    html = write_html(laid)  # how fast: benchmarks/big_plan_views.py
    assert len(re.findall(r'<h2 dir="auto" id="section-\d+">', html)) == 300
    ids = Page(html).ids()
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", SAMPLES)
def test_progress_counts_up_to_the_total(name: str) -> None:
    laid = laid_sample(name)
    calls: list[tuple[int, int]] = []
    write_html(laid, progress=lambda done, total: calls.append((done, total)))
    done = [d for d, _ in calls]
    assert done and done == sorted(set(done)), "done only goes up"
    assert {t for _, t in calls} == {len(laid.blocks)}
    assert calls[-1] == (len(laid.blocks), len(laid.blocks))
