"""The workshop record's exports: Markdown against reference files, Word read back with
python-docx, the record lifted out of a charter, the command line, and PDF through
LibreOffice when it is installed.

When a change is meant to change the Markdown, regenerate the references and review them::

    REFORMKIT_UPDATE_REFERENCES=1 .venv/bin/pytest tests/workshop/test_export_record.py
    git diff tests/workshop/reference
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from charter.kind import CHARTER
from reformkit.catalogue.store import Catalogue
from reformkit.document.interchange import from_json
from reformkit.document.model import Document
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds
from reformkit.export.markdown_writer import write_markdown
from reformkit.layout.engine import COPRODUCTION_TITLE, lay_out
from tests.workshop.export_helpers import charter_with_record, record_document
from workshop.canvas import TABLE_ONE
from workshop.errors import WorkshopError
from workshop.export_cli import add_export_command
from workshop.kind import WORKSHOP
from workshop.record_export import export_record
from workshop.record_export import record_document as lift_record

REFERENCES = Path(__file__).parent / "reference"
KINDS = DocumentKinds([CHARTER, WORKSHOP])
HIDDEN = "rude words"
NOTE = "From the Tynedale workshop, 3 March 2027, 5 votes"


def sample_record() -> Document:
    """The shipped sample: the Hexham workshop."""
    data = json.loads(WORKSHOP.sample.source.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    return from_json(data, KINDS)


DOCUMENTS: dict[str, Callable[[], Document]] = {
    "sample-workshop": sample_record,
    "tynedale-record": record_document,
    "tynedale-charter": charter_with_record,
}
_ID = re.compile(r"\b(session-1|right-rest|[acgptv]\d)\b")
_CODE = re.compile(r"\bR\d{1,2}\b")


def markdown(document: Document, catalogue: Catalogue) -> str:
    laid = lay_out(
        document,
        KINDS.get(document.kind),
        catalogue.entries("recommendation"),
        catalogue.seed.credit,
    )
    return write_markdown(laid)


def body(text: str) -> str:
    """The text before the coverage appendix (which names the recommendations by design)."""
    return text.split("How this document answers the 22 recommendations")[-2]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_markdown_matches_its_reference(name: str, catalogue: Catalogue) -> None:
    text = markdown(DOCUMENTS[name](), catalogue)
    reference = REFERENCES / f"{name}.md"
    if os.environ.get("REFORMKIT_UPDATE_REFERENCES"):
        reference.parent.mkdir(exist_ok=True)
        reference.write_text(text, encoding="utf-8")
    assert text == reference.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_no_ids_codes_or_hidden_words_in_the_body(name: str, catalogue: Catalogue) -> None:
    text = markdown(DOCUMENTS[name](), catalogue)
    shown = re.sub(r'<span id="[^"]*"></span>|\(#[^)]*\)', "", body(text))
    assert not _ID.search(shown)
    assert not _CODE.search(shown.split("*Workshop record*")[-1].split("## Contents")[-1])
    assert HIDDEN not in text


def test_the_record_in_word(tmp_path: Path, catalogue: Catalogue) -> None:
    target = tmp_path / "record.docx"
    export_record(record_document(), KINDS, catalogue.entries("recommendation"), "", "docx", target)
    word = docx.Document(str(target))
    headings = [p.text for p in word.paragraphs if style(p).startswith("Heading")]
    assert headings[:6] == [
        "1 The session",
        "2 Who took part",
        "3 Activities",
        "Ideas",
        "Time to rest",
        "Say in rotas",
    ]
    assert "Today" in headings and "Vote" in headings
    assert "Why people placed themselves there" in headings
    tables = {t.rows[0].cells[0].text: t for t in word.tables}
    people = tables["Group"]
    assert [c.text for c in people.rows[-1].cells] == ["Total", "10", ""]
    canvas = tables["From … to"]
    assert len(canvas.rows) == 7  # the header and Table 1's six rows
    for row, principle in zip(canvas.rows[1:], TABLE_ONE, strict=True):
        assert f"From: {principle.from_words}" in row.cells[0].text
        assert f"To: {principle.to_words}" in row.cells[0].text
    assert [c.text for c in canvas.rows[1].cells[1:]] == ["0", "1", "0", "1", "0"]
    assert any("The Reform Dividend, p.11" in p.text for p in word.paragraphs)
    vote = tables["Rank"]
    assert [c.text for c in vote.rows[1].cells] == ["1", "Time to rest", "5", "●●●●●"]
    said = [t for t in word.tables if t.rows[0].cells[0].text == "What was said"]
    texts = [row.cells[0].text for table in said for row in table.rows[1:]]
    assert texts == ["Breaks we can take", "Time to talk to families", "A say in the rota"]
    assert HIDDEN not in "\n".join(p.text for p in word.paragraphs)


def test_the_charter_in_word_shows_provenance_and_the_appendix(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    from reformkit.export.run import export_document

    target = tmp_path / "charter.docx"
    recommendations = catalogue.entries("recommendation")
    export_document(
        charter_with_record(), KINDS.get("charter"), recommendations, "", "docx", target
    )
    word = docx.Document(str(target))
    lines = [p for p in word.paragraphs if p.text == NOTE]
    assert len(lines) == 1 and all(run.italic for run in lines[0].runs)
    top = ("Heading 1", "Heading 2")
    headings = [p.text for p in word.paragraphs if style(p) in top]
    start = headings.index(COPRODUCTION_TITLE)
    assert headings[start + 1 : start + 5] == [
        "The workshop",
        "Who took part",
        "What people said",
        "You said, we did",
    ]
    contents = [
        "".join(t.text or "" for t in p._p.iter(qn("w:t")))
        for p in word.paragraphs
        if style(p).lower().startswith("toc")
    ]
    assert any(line.startswith(COPRODUCTION_TITLE) for line in contents)
    said_did = next(t for t in word.tables if t.rows[0].cells[0].text == "You said")
    rows = [[c.text for c in row.cells] for row in said_did.rows[1:]]
    assert rows == [
        ["Time to rest", "Rights of staff: Time to rest"],
        ["Say in rotas", "Not used yet"],
    ]


def test_a_record_lifted_from_a_charter_keeps_ids_and_finds_what_it_became(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    charter = charter_with_record()
    lifted = lift_record(charter)
    assert lifted.kind == "workshop" and lifted.meta.title == "Tynedale workshop"
    assert [s.key for s in lifted.sections] == [s.key for s in charter.sections[1:]]
    assert {i.id for _, i in lifted.items()} == {i.id for _, i in charter.items()} - {"right-rest"}
    target = tmp_path / "lifted.md"
    export_record(charter, KINDS, [], "", "md", target)
    text = target.read_text(encoding="utf-8")
    assert "**What became of it:** Rights of staff: Time to rest" in text
    assert "Staff may take breaks." not in text  # the charter's own parts stay behind


def test_a_document_without_a_record_cannot_be_exported_as_one() -> None:
    charter = charter_with_record()
    charter.sections = charter.sections[:1]
    with pytest.raises(WorkshopError, match="holds no workshop record"):
        lift_record(charter)


def _saved(tmp_path: Path, document: Document) -> Path:
    path = tmp_path / f"{document.kind}.reformkit"
    Project.create_from(path, document, KINDS.get(document.kind)).close()
    return path


def test_reformkit_export_no_coproduction(tmp_path: Path) -> None:
    from reformkit.cli.main import main

    path = _saved(tmp_path, charter_with_record())
    kept, left = tmp_path / "with.md", tmp_path / "without.md"
    assert main(["export", str(path), "-o", str(kept)], load_kinds=lambda: KINDS) == 0
    argv = ["export", str(path), "-o", str(left), "--no-coproduction"]
    assert main(argv, load_kinds=lambda: KINDS) == 0
    assert COPRODUCTION_TITLE in kept.read_text(encoding="utf-8")
    without = left.read_text(encoding="utf-8")
    assert COPRODUCTION_TITLE not in without and "You said, we did" not in without
    assert NOTE in without  # the clause still says where it came from


def _workshop_export(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", default=None)
    add_export_command(parser.add_subparsers(dest="verb", required=True))
    args = parser.parse_args(argv)
    args.load_kinds = lambda: KINDS
    result: int = args.handler(args)
    return result


def test_reformkit_workshop_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _saved(tmp_path, charter_with_record())
    target = tmp_path / "record.md"
    assert _workshop_export(["export", str(path), "-o", str(target)]) == 0
    assert "Exported the workshop record" in capsys.readouterr().out
    text = target.read_text(encoding="utf-8")
    assert "*Workshop record*" in text and "Where people placed their service today" in text


def test_workshop_export_refuses_an_unknown_ending(tmp_path: Path) -> None:
    from reformkit.export.safe_write import ExportError

    path = _saved(tmp_path, record_document())
    with pytest.raises(ExportError, match="--format docx, md or pdf"):
        _workshop_export(["export", str(path), "-o", str(tmp_path / "record.html")])


@pytest.mark.slow
def test_the_record_as_pdf(tmp_path: Path) -> None:
    missing = [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]
    if missing:
        message = f"needs {', '.join(missing)}"
        if os.environ.get("REFORMKIT_REQUIRE_CONVERTERS"):
            pytest.fail(message)
        pytest.skip(message)
    target = tmp_path / "record.pdf"
    export_record(charter_with_record(), KINDS, [], "", "pdf", target)
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in (
        "The session",
        "Who took part",
        "Why people placed themselves there",
        "Rights of staff: Time to rest",
        "The Reform Dividend, p.11",
    ):
        assert words in text
    assert HIDDEN not in text


def style(paragraph: Any) -> str:
    """A Word paragraph's style name ("" when it has none)."""
    return str(paragraph.style.name) if paragraph.style is not None else ""
