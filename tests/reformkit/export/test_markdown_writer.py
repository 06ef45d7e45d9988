"""The Markdown writer: reference files for both samples, escaping, anchors, front matter.

The Markdown of each sample is compared as text with a committed reference file in
``tests/fixtures/exports/markdown/<sample>.md``. When a change to the writer (or to the layout,
the samples or the catalogue) is meant to change the output, look at the new output, then
regenerate the references and review the diff::

    REFORMKIT_UPDATE_REFERENCES=1 .venv/bin/pytest tests/reformkit/export/test_markdown_writer.py
    git diff tests/fixtures/exports/markdown

Escaping is checked by rendering the Markdown with Python-Markdown (and with markdown-it-py, a
CommonMark renderer, when it is installed): hostile text must show as the same literal text,
and no HTML element may appear that the writer did not write itself. Anchors are checked in
Python-Markdown, markdown-it-py and pandoc (when installed).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reformkit.export.markdown_writer import write_markdown
from reformkit.export.text_escape import clean, yaml_string
from reformkit.layout.blocks import (
    Block,
    Clause,
    Heading,
    LaidOut,
    ListBlock,
    Note,
    Paragraph,
    Span,
    Table,
)
from tests.reformkit.export import SAMPLES, every_block, laid_sample, png

REFERENCES = Path(__file__).resolve().parents[2] / "fixtures" / "exports" / "markdown"
EXTENSIONS = ["tables", "attr_list", "toc"]

# Everything the writer itself may produce once rendered; anything else came from user text.
WRITER_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "em", "ul", "ol", "li", "a", "span",
    "table", "thead", "tbody", "tr", "th", "td", "blockquote", "hr", "img", "br",
}  # fmt: skip
INLINE = {"strong", "em", "a", "span", "b", "i", "code"}

HOSTILE = [
    "# Not a heading",
    "###### also not #",
    "| a | b |",
    "a | b\n--|--",
    "> not a quote",
    "- not a list",
    "+ not a list",
    "* not a list",
    "1. not a list",
    "1) not a list",
    "= underline",
    "Setext\n===",
    "Setext\n---",
    "---",
    "***",
    "___",
    "`code`",
    "```\nfenced\n```",
    "~~~\nfenced\n~~~",
    "~~struck~~",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "[x](javascript:alert(1))",
    "![x](http://example.com/x.png)",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "<http://example.com>",
    "&amp; stays &amp; and &#60; and &lt;b&gt;",
    "snake_case, *stars*, **bold**, \\backslash\\ and \\*",
    "a < b > c & d",
    "    indented code",
    "\tindented with a tab",
    "two trailing spaces  \nnext line",
    "{: onclick=alert(1) }",
    "{#id .class}",
    ":--\n: definition",
    "[^1] footnote",
    "<!-- comment -->",
    "Text with \x00 NUL and \x07 bell",
    "javascript:alert(1)",
    "www.example.com and https://example.com",
    "line one\n\nline two after a blank line",
]


def body(text: str) -> str:
    """The Markdown without its YAML front matter, which Python-Markdown does not read."""
    match = re.match(r"---\n.*?\n---\n", text, re.DOTALL)
    assert match, "the Markdown starts with front matter"
    return text[match.end() :]


def rendered(text: str) -> str:
    return markdown.markdown(body(text), extensions=EXTENSIONS)


class Page(HTMLParser):
    """The tags, attributes and visible text of an HTML fragment."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in INLINE:
            self.text.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in INLINE:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append(("!--", {}))

    @property
    def visible(self) -> str:
        return squeeze("".join(self.text))

    def ids(self) -> set[str]:
        return {a["id"] or "" for _, a in self.tags if "id" in a}

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
    """A document holding ``text`` in one place, and the visible text it must render as."""
    if where == "paragraph":
        return minimal(Paragraph.of(text)), f"T {text}"
    if where == "styled spans":
        spans = (Span("Label: ", bold=True), Span(text), Span(text, italic=True))
        return minimal(Paragraph(spans)), f"T Label: {text}{text}"
    if where == "heading":
        return minimal(Heading(1, text, "3", "section-3")), f"T 3 {text}"
    if where == "clause title":
        return minimal(Clause(text, "Body.")), f"T {text} Body."
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
        return minimal(Note(text)), f"T Note: {text}"
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


def assert_literal(laid: LaidOut, expected: str) -> None:
    """The document renders as ``expected`` with no element the writer did not write."""
    page = Page(rendered(write_markdown(laid)))
    assert page.visible == squeeze(expected)
    for tag, attributes in page.tags:
        assert tag in WRITER_TAGS, f"<{tag}> came from the user's text"
        assert tag != "img", "only Image blocks make pictures"
        for name, value in attributes.items():
            assert not name.startswith("on"), f"{name} came from the user's text"
            assert "javascript:" not in (value or "").lower()
        if tag == "a":
            assert (attributes.get("href") or "").startswith("#")
        if tag == "span":
            assert set(attributes) == {"id"}


# Reference files ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLES)
def test_markdown_matches_the_reference_file(name: str) -> None:
    text = write_markdown(laid_sample(name))
    reference = REFERENCES / f"{name}.md"
    if os.environ.get("REFORMKIT_UPDATE_REFERENCES"):
        reference.parent.mkdir(parents=True, exist_ok=True)
        reference.write_text(text, encoding="utf-8", newline="\n")
    assert reference.exists(), "run with REFORMKIT_UPDATE_REFERENCES=1 to create it"
    assert text == reference.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SAMPLES)
def test_the_same_content_as_the_word_file(name: str) -> None:
    laid = laid_sample(name)
    page = Page(rendered(write_markdown(laid)))
    visible = page.visible
    assert visible.startswith(squeeze(laid.title))
    for label, value in laid.metadata:
        assert squeeze(f"{label}: {value}") in visible
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
    assert "How this document answers the 22 recommendations" in visible
    assert "Recommendation 22: Designate Innovation Zones" in visible
    assert visible.endswith(squeeze(laid.credit))
    assert visible.count("CC BY-SA 3.0") == 1
    tables = [b for b in laid.blocks if isinstance(b, Table)]
    assert sum(1 for tag, _ in page.tags if tag == "table") == len(tables)


# Escaping ----------------------------------------------------------------------------------


@pytest.mark.parametrize("where", PLACES)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_shows_as_literal_text(where: str, text: str) -> None:
    laid, expected = placed(where, text)
    assert_literal(laid, expected)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_a_commonmark_renderer(text: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    renderer = markdown_it.MarkdownIt("commonmark").enable("table")
    for where in PLACES:
        laid, expected = placed(where, text)
        page = Page(renderer.render(body(write_markdown(laid))))
        assert page.visible == squeeze(expected), where
        assert {tag for tag, _ in page.tags} <= WRITER_TAGS, where
        assert all(h.startswith("#") for h in page.hrefs()), where


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PLACES), st.text(max_size=60))
def test_any_text_renders_as_itself(where: str, text: str) -> None:
    assume(squeeze(text))  # with no text at all, empty parts are left out
    laid, expected = placed(where, text)
    assert_literal(laid, expected)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="#|>-+*=_`~<&;[]()!:{}\\.1 \n\tab", max_size=30))
def test_markdown_punctuation_renders_as_itself(text: str) -> None:
    for where in ("paragraph", "clause text", "table cell", "list item"):
        laid, expected = placed(where, text)
        assert_literal(laid, expected)


def test_nul_is_stripped() -> None:
    text = write_markdown(minimal(Paragraph.of("a\x00b"), Clause("t\x00", "x\x00y")))
    assert "\x00" not in text
    assert "ab" in text


# Structure ---------------------------------------------------------------------------------


def test_every_kind_of_block(tmp_path: Path) -> None:
    laid = every_block(png(tmp_path / "grey.png"))
    text = write_markdown(laid)
    page = Page(rendered(text))
    tags = [tag for tag, _ in page.tags]
    assert tags.count("ol") == 2 and tags.count("ul") >= 2, "lists next to each other stay apart"
    assert "1. first\n2. second" in text, "ordered lists are numbered from 1"
    assert "1. again first\n2. again second" in text
    assert "> **To review:** The entry changed; check the wording." in text
    assert "> **Warning:** Nothing written yet." in text
    assert "> **Note:** A friendly note." in text
    assert "*Answers: R18, R19*" in text
    assert "- **Owner:** Team manager" in text
    assert "*Adapted from the briefing, page 11*" in text
    assert "[the duties](#section-2)" in text
    assert "[the Demos briefing](https://www.demos.co.uk/research/)" in text
    assert f"![A grey square]({(tmp_path / 'grey.png').as_uri()})" in text
    assert "| Measure | Now | Answers |\n| --- | --- | --- |\n| Vacancies | 28% | R18 |" in text
    assert "\n---\n" in text, "a page break is a thematic break"
    assert text.rstrip().endswith("Credit to Demos (CC BY-SA 3.0).")
    assert '### <span id="section-1-1"></span>1.1 Measures' in text


def test_headings_sit_one_level_below_the_title() -> None:
    laid = laid_sample("respect-charter")
    text = write_markdown(laid)
    assert re.search(r"^# Northfield Family Safeguarding Team: Respect Charter$", text, re.M)
    assert '\n## <span id="section-3"></span>3 Rights of staff\n' in text
    assert '\n### <span id="recommendation-18"></span>Recommendation 18' in text
    assert len(re.findall(r"^# ", text, re.M)) == 1


def test_contents_list_every_heading_as_a_link() -> None:
    laid = laid_sample("local-reform-plan")
    text = write_markdown(laid)
    contents = text[text.index("## Contents") : text.index("\n\n", text.index("- ["))]
    for heading in laid.headings(2):
        indent = "    " if heading.level == 2 else ""
        assert f"\n{indent}- [{heading.display}](#{heading.anchor})" in contents


def _assert_links_resolve(html: str) -> None:
    page = Page(html)
    ids = page.ids()
    links = [href[1:] for href in page.hrefs() if href.startswith("#")]
    assert links, "the contents are links"
    missing = [link for link in links if link not in ids]
    assert not missing


@pytest.mark.parametrize("name", SAMPLES)
def test_contents_links_reach_their_headings_in_python_markdown(name: str) -> None:
    _assert_links_resolve(rendered(write_markdown(laid_sample(name))))


@pytest.mark.parametrize("name", SAMPLES)
def test_contents_links_reach_their_headings_in_commonmark(name: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    renderer = markdown_it.MarkdownIt("commonmark").enable("table")
    _assert_links_resolve(renderer.render(body(write_markdown(laid_sample(name)))))


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="needs pandoc")
@pytest.mark.parametrize("reader", ["gfm", "commonmark", "markdown"])
def test_pandoc_reads_anchors_and_front_matter(reader: str, tmp_path: Path) -> None:
    laid = laid_sample("local-reform-plan")
    source = tmp_path / "plan.md"
    source.write_text(write_markdown(laid), encoding="utf-8")
    html = subprocess.run(
        ["pandoc", "-f", reader, "-t", "html", str(source)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    _assert_links_resolve(html)
    if reader == "markdown":
        # pandoc's own Markdown reads the span as a real anchor, kept in any output format.
        native = subprocess.run(
            ["pandoc", "-f", reader, "-t", "json", str(source)],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        document = json.loads(native)
        assert "section-4" in native and '"t":"Span","c":[["section-4"' in native
        meta = document["meta"]
        assert meta["lang"]["c"] == [{"t": "Str", "c": "en-GB"}]
        assert [item["t"] for item in meta["authors"]["c"]] == ["MetaInlines"] * 3


# Front matter ------------------------------------------------------------------------------


def front_matter(text: str) -> dict[str, object]:
    """A strict reader for the subset of YAML the writer uses: ``key: "json string"``,
    ``key: []``, and ``key:`` followed by ``  - "json string"`` lines."""
    lines = text.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    result: dict[str, object] = {}
    current: list[str] | None = None
    for line in lines[1:end]:
        if line.startswith("  - "):
            assert current is not None
            current.append(json.loads(line[4:]))
            continue
        key, _, value = line.partition(": ")
        assert re.fullmatch(r"[a-z]+", key.rstrip(":")), line
        if line.endswith(":") and not value:
            current = []
            result[key.rstrip(":")] = current
        elif value == "[]":
            result[key] = []
            current = None
        else:
            assert value.startswith('"') and value.endswith('"'), line
            result[key] = json.loads(value)
            current = None
    return result


@pytest.mark.parametrize("name", SAMPLES)
def test_front_matter_holds_the_metadata(name: str) -> None:
    laid = laid_sample(name)
    meta = front_matter(write_markdown(laid))
    assert meta == {
        "title": laid.title,
        "subtitle": laid.subtitle,
        "organisation": laid.organisation,
        "authors": list(laid.authors),
        "date": laid.date,
        "lang": laid.language,
        "subject": laid.subject,
        "keywords": list(laid.keywords),
    }


def test_front_matter_with_no_authors_or_keywords() -> None:
    meta = front_matter(write_markdown(minimal()))
    assert meta["authors"] == [] and meta["keywords"] == []


# Characters a YAML parser will not read raw in a double-quoted scalar, or reads as a break.
YAML_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


@given(st.text())
def test_yaml_strings_are_json_strings_with_nothing_yaml_cannot_hold(text: str) -> None:
    quoted = yaml_string(text)
    assert json.loads(quoted) == clean(text)
    assert not YAML_UNSAFE.search(quoted)
    assert "\n" not in quoted


@given(st.text(), st.lists(st.text(), max_size=3))
def test_any_title_and_authors_read_back_from_front_matter(title: str, authors: list[str]) -> None:
    laid = replace(minimal(), title=title, authors=tuple(authors))
    meta = front_matter(write_markdown(laid))
    assert meta["title"] == clean(title)
    assert meta["authors"] == [clean(a) for a in authors]


# Progress ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLES)
def test_progress_counts_up_to_the_total(name: str) -> None:
    laid = laid_sample(name)
    calls: list[tuple[int, int]] = []
    write_markdown(laid, progress=lambda done, total: calls.append((done, total)))
    assert calls
    done = [d for d, _ in calls]
    assert done == sorted(set(done)), "done only goes up"
    assert {t for _, t in calls} == {len(laid.blocks)}
    assert calls[-1] == (len(laid.blocks), len(laid.blocks))


def test_table_rows_are_padded_to_the_widest_row() -> None:
    table = Table(("a", "b", "c"), ((), ("1",), ("1", "2", "3", "4")))
    page = Page(rendered(write_markdown(minimal(table))))
    tags = [tag for tag, _ in page.tags]
    assert tags.count("tr") == 4
    assert tags.count("td") + tags.count("th") == 16
