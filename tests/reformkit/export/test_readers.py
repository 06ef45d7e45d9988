"""What other readers make of the exports: right-to-left text is marked as such in Word
(``w:rtl`` on its runs, ``w:bidi`` on its paragraphs and cells) and in HTML (``dir="auto"``),
and pandoc reads each table's caption once."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from reformkit.export.docx_writer import write_docx
from reformkit.export.html_writer import write_html
from reformkit.layout.blocks import Clause, Heading, LaidOut, Paragraph, Table, TableOfContents
from tests.reformkit.export import W, laid_sample, xml

ARABIC = "حقوق الموظفين"
HEBREW = "זכויות העובדים"


def _mixed() -> LaidOut:
    return LaidOut(
        title="Rights in two scripts",
        subtitle="Respect Charter",
        organisation="Testing Borough Council",
        authors=("Ada Author",),
        date="1 January 2027",
        language="en-GB",
        subject="A test",
        keywords=(),
        credit="Credit.",
        blocks=(
            TableOfContents(2),
            Heading(1, "Rights", "1", "section-1"),
            Paragraph.of("An English paragraph."),
            Paragraph.of(f"{ARABIC}: حق الاختيار"),
            Clause(HEBREW, f"{HEBREW} בעבודה", item_id="c1"),
            Table(("Name", "Role"), ((ARABIC, "Team manager"),), caption="People"),
        ),
    )


def _text(element: object) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))  # type: ignore[attr-defined]


def test_right_to_left_text_is_marked_in_word(tmp_path: Path) -> None:
    target = tmp_path / "mixed.docx"
    write_docx(_mixed(), target)
    root = xml(target, "word/document.xml")
    runs = {_text(r): r.find(f"{W}rPr/{W}rtl") is not None for r in root.iter(f"{W}r")}
    assert runs[f"{ARABIC}: حق الاختيار"] and runs[f"{HEBREW} בעבודה"] and runs[ARABIC]
    assert not runs["An English paragraph."] and not runs["Team manager"]
    paragraphs = {_text(p): p.find(f"{W}pPr/{W}bidi") is not None for p in root.iter(f"{W}p")}
    assert paragraphs[f"{ARABIC}: حق الاختيار"] and paragraphs[ARABIC]  # a cell's paragraph too
    assert not paragraphs["An English paragraph."] and not paragraphs["Team manager"]


def test_right_to_left_text_is_marked_in_html() -> None:
    html = write_html(_mixed())
    assert f'<p dir="auto">{ARABIC}: حق الاختيار</p>' in html
    assert f'<td dir="auto" class="first">{ARABIC}</td>' in html
    assert '<p dir="auto">An English paragraph.</p>' in html  # auto: left to right here


@pytest.mark.parametrize("name", ["respect-charter", "local-reform-plan"])
def test_pandoc_reads_each_table_caption_once(tmp_path: Path, name: str) -> None:
    if shutil.which("pandoc") is None:
        if os.environ.get("REFORMKIT_REQUIRE_CONVERTERS"):
            pytest.fail("needs pandoc")
        pytest.skip("needs pandoc")
    laid = laid_sample(name)
    target = tmp_path / f"{name}.docx"
    write_docx(laid, target)
    text = subprocess.run(
        ["pandoc", "-t", "plain", "--wrap=none", str(target)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [line.strip() for line in text.splitlines()]
    captions = [b.caption for b in laid.blocks if isinstance(b, Table) and b.caption]
    assert captions
    for caption in set(captions):
        shown = sum(1 for line in lines if line in (caption, f": {caption}"))
        assert shown == captions.count(caption), f"{caption!r} read {shown} times"
        assert not any(caption + caption in line for line in lines)
