"""The Word exports as a reader sees them: each sample and a large generated plan, turned into
a PDF by LibreOffice (one run for all three) and read back page by page with pdftotext.

On every document: the contents lists every heading with the page it is really on; no page
holds only a heading (or nothing); no word is broken across lines unless it is too long for
its cell; no raw number stands where a label belongs.

Needs LibreOffice and poppler (CI installs them); without them the tests skip, unless
REFORMKIT_REQUIRE_CONVERTERS=1 says they must run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass

import pytest

from benchmarks.generated_plan import generated_plan
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.export.docx_writer import write_docx
from reformkit.layout.blocks import Clause, Heading, LaidOut, ListBlock, Note, Paragraph, Table
from reformkit.layout.engine import lay_out
from tests.reformkit.export import SAMPLES, laid_sample

pytestmark = pytest.mark.slow

TOOLS = ("soffice", "pdftotext")
GENERATED = "generated-plan"
DOCUMENTS = (*SAMPLES, GENERATED)
GENERATED_SECTIONS = 120
LONG_WORD = 20  # letters; a word this long may break inside a narrow cell
# Words the writer adds around the user's text (labels, the footer, the contents heading).
WRITER_WORDS = "Contents Page Note Warning Picture Written by Date Untitled section clause"
_ENTRY = re.compile(r"^(?P<text>.*?)\s*\.{2,}\s*(?P<page>\d+)$")
_FOOTER = re.compile(r"^Page \d+$")
_WORD = re.compile(r"[^\W\d_]+")
_RAW_AMOUNT = re.compile(r"(?<![\d,.])\d{5,}\.\d\d(?!\d)")


@dataclass(frozen=True)
class Rendered:
    laid: LaidOut
    pages: list[list[str]]  # each page's lines, without blank ones


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"needs {', '.join(missing)}"
        if os.environ.get("REFORMKIT_REQUIRE_CONVERTERS"):
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("pages")
    laid = {name: laid_sample(name) for name in SAMPLES}
    catalogue = Catalogue.open(None)
    try:
        laid[GENERATED] = lay_out(
            generated_plan(GENERATED_SECTIONS),
            PLAN,
            catalogue.entries("recommendation"),
            catalogue.seed.credit,
        )
    finally:
        catalogue.close()
    for name in DOCUMENTS:
        assert write_docx(laid[name], folder / f"{name}.docx") == []
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{name}.docx") for name in DOCUMENTS),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    result = {}
    for name in DOCUMENTS:
        text = subprocess.run(
            ["pdftotext", "-layout", str(folder / f"{name}.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages = [
            [line.strip() for line in page.splitlines() if line.strip()]
            for page in unicodedata.normalize("NFKC", text).split("\f")
        ]
        while pages and not pages[-1]:
            pages.pop()
        result[name] = Rendered(laid[name], pages)
    return result


def squeeze(text: str) -> str:
    return " ".join(text.split())


def contents_entries(pages: list[list[str]]) -> list[tuple[str, int]]:
    """(text, page number) of each contents entry, from the page headed "Contents" on."""
    start = next(n for n, page in enumerate(pages) if page and page[0] == "Contents")
    entries: list[tuple[str, int]] = []
    for page in pages[start:]:
        found, pending = [], ""
        for line in page[1:] if page[0] == "Contents" else page:
            match = _ENTRY.match(squeeze(f"{pending} {line}"))
            if match:
                found.append((match["text"], int(match["page"])))
                pending = ""
            elif not _FOOTER.match(line):
                pending = f"{pending} {line}"  # an entry wrapped over two lines
        if not found:
            break
        entries.extend(found)
    return entries


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_contents_gives_the_page_each_heading_is_on(
    rendered: dict[str, Rendered], name: str
) -> None:
    laid, pages = rendered[name].laid, rendered[name].pages
    entries = contents_entries(pages)
    assert [text for text, _ in entries] == [squeeze(h.display) for h in laid.headings(2)]
    for text, number in entries:
        assert 1 < number <= len(pages), f"{text!r} is listed on page {number}"
        page = pages[number - 1]
        assert any(squeeze(line).startswith(text[:30]) for line in page), (
            f"{text!r} is listed on page {number}, but that page reads: {page[:6]}"
        )
        assert f"Page {number}" in page, f"page {number} does not say so in its footer"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_page_holds_only_a_heading(rendered: dict[str, Rendered], name: str) -> None:
    laid, pages = rendered[name].laid, rendered[name].pages
    headings = {squeeze(h.display) for h in laid.headings()}
    for number, page in enumerate(pages, 1):
        content = squeeze(" ".join(line for line in page if not _FOOTER.match(line)))
        assert content, f"page {number} is blank"
        assert content not in headings, f"page {number} holds only the heading {content!r}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_word_is_broken_across_lines(rendered: dict[str, Rendered], name: str) -> None:
    """Every word on every page is a word of the document: a word broken inside a narrow cell
    ("Commissione" / "r") shows as pieces that are not. Only very long words may break."""
    laid, pages = rendered[name].laid, rendered[name].pages
    known = _words(_all_text(laid) + " " + WRITER_WORDS)
    long_words = [word for word in known if len(word) >= LONG_WORD]
    broken = set()
    for page in pages:
        for word in _words(" ".join(page)):
            if word not in known and not any(word in long for long in long_words):
                broken.add(word)
    assert not broken, f"pieces of broken words: {sorted(broken)[:20]}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_raw_number_stands_for_a_label(rendered: dict[str, Rendered], name: str) -> None:
    laid, pages = rendered[name].laid, rendered[name].pages
    for heading in laid.headings():
        assert re.search(r"[^\W\d_]", heading.text), f"the heading {heading.text!r} has no words"
    for number, page in enumerate(pages, 1):
        for line in page:
            assert not _RAW_AMOUNT.search(line), f"page {number}: an unformatted amount: {line}"


def _all_text(laid: LaidOut) -> str:
    texts = [laid.title, laid.subtitle, laid.organisation, laid.date, laid.credit]
    texts += [*laid.authors, *(f"{label} {value}" for label, value in laid.metadata)]
    for block in laid.blocks:
        if isinstance(block, Heading):
            texts.append(block.display)
        elif isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, Clause):
            texts += [block.title, block.text, block.source, *block.tags, block.review_note]
            texts += [f"{label} {value}" for label, value in block.details]
        elif isinstance(block, ListBlock):
            texts += ["".join(span.text for span in item) for item in block.items]
        elif isinstance(block, Table):
            texts += [block.caption, *block.header, *(cell for row in block.rows for cell in row)]
        elif isinstance(block, Note):
            texts.append(block.text)
    return unicodedata.normalize("NFKC", " ".join(texts))


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text) if len(word) > 1}
