"""The layout engine's hooks for an attachable kind, with a small stand-in kind (not the
workshop): lines under items saying where they came from, a kind's own layout of its parts,
and the appendix on how people shaped a document, in every format."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from reformkit.document.fields import INTEGER, LONG_TEXT, TEXT, Field
from reformkit.document.model import Document, Item, Meta, Section
from reformkit.document.spec import CLAUSE, DocumentKinds, DocumentSpec, ItemType, SectionType
from reformkit.export.docx_writer import write_docx
from reformkit.export.html_writer import write_html
from reformkit.export.markdown_writer import write_markdown
from reformkit.layout.blocks import (
    Clause,
    Heading,
    LaidOut,
    Paragraph,
    ShownElsewhere,
    Table,
)
from reformkit.layout.engine import COPRODUCTION_TITLE, lay_out, section_numbers

RIGHT = ItemType(
    "right",
    "Right",
    (Field("title", "Title", TEXT), Field("text", "Text", LONG_TEXT)),
    "title",
    presentation=CLAUSE,
)
LINE = ItemType("line", "Line", (Field("name", "Name", TEXT), Field("count", "Count", INTEGER)))
HOST = DocumentSpec(
    "host",
    "Host document",
    (
        SectionType("rights", "Rights", "", (RIGHT,)),
        SectionType("lines", "Lines", "", (LINE,)),
    ),
)
REMARK = ItemType("remark", "Remark", (Field("text", "What was said", LONG_TEXT),), "text")
FOLDED = "Shown with the remarks above."
NOTE = "From the Tynedale workshop, 3 March 2027, 14 votes"


def remark_layout(document: Document, section: Section) -> Sequence[Any]:
    """Remarks as a list under a heading of their own; tallies shown with them."""
    if section.key == "remarks":
        said = [str(i.fields["text"]) for _, i in document.items() if i.type == "remark"]
        return [Heading(1, "You said, we did"), *(Paragraph.of(text) for text in said)]
    if section.key == "tally":
        return [ShownElsewhere()]
    return []


def remark_notes(document: Document) -> Mapping[str, str]:
    return {item.id: NOTE for _, item in document.items() if item.fields.get("title") == "Rest"}


REMARKS = DocumentSpec(
    "remarks",
    "Remarks",
    (
        SectionType("remarks", "What people said", "", (REMARK,)),
        SectionType("tally", "Tally", "", (REMARK,)),
    ),
    attachable=True,
    item_notes=remark_notes,
    section_layout=remark_layout,
)
KINDS = DocumentKinds([HOST, REMARKS])


def host_document(with_record: bool = True) -> Document:
    rest = Item("right", {"title": "Rest", "text": "Time to think."}, id="rest")
    pay = Item("right", {"title": "Pay", "text": "Fair pay."}, id="pay")
    lines = [Item("line", {"name": "Rest", "count": 2}, id="line-1")]
    sections = [
        Section("rights", "Rights", items=[rest, pay], id="s-rights"),
        Section("lines", "Lines", items=lines, id="s-lines"),
    ]
    if with_record:
        said = Item("remark", {"text": "We need rest."}, id="said")
        sections += [
            Section("remarks", "What people said", items=[said], id="s-remarks"),
            Section("tally", "Tally", items=[Item("remark", {"text": "x"})], id="s-tally"),
        ]
    return Document("host", Meta("Our charter"), sections)


def laid_out(document: Document, coproduction: bool = True) -> LaidOut:
    spec = KINDS.get(document.kind)
    return lay_out(document, spec, [], "Credit line.", coproduction=coproduction)


def notes_for_lines(document: Document) -> Mapping[str, str]:
    return {"line-1": NOTE}


def test_a_clause_carries_its_note_and_others_none() -> None:
    laid = laid_out(host_document())
    clauses = {b.item_id: b for b in laid.blocks if isinstance(b, Clause)}
    assert clauses["rest"].provenance == NOTE
    assert clauses["pay"].provenance == ""


def test_the_record_goes_last_under_the_appendix_heading_in_the_contents() -> None:
    laid = laid_out(host_document())
    headings = [(h.level, h.display) for h in laid.headings(2)]
    assert headings[:2] == [(1, "1 Rights"), (1, "2 Lines")]
    assert headings[2] == (1, COPRODUCTION_TITLE)
    assert headings[3] == (2, "You said, we did")  # the kind's own title for its part
    assert "Tally" not in [text for _, text in headings]  # shown elsewhere: left out
    appendix = laid.blocks.index(laid.headings(2)[2])
    assert laid.blocks[appendix + 2] == Paragraph.of("We need rest.")
    assert all(h.anchor for h in laid.headings(2))
    assert len({h.anchor for h in laid.headings()}) == len(laid.headings())


def test_no_coproduction_leaves_the_record_out() -> None:
    laid = laid_out(host_document(), coproduction=False)
    texts = [h.text for h in laid.headings()]
    assert COPRODUCTION_TITLE not in texts
    assert "You said, we did" not in texts
    assert Paragraph.of("We need rest.") not in laid.blocks


def test_a_document_without_a_record_has_no_appendix() -> None:
    laid = laid_out(host_document(with_record=False))
    assert COPRODUCTION_TITLE not in [h.text for h in laid.headings()]


def test_a_kinds_own_section_layout_in_its_own_document() -> None:
    """Standalone, the kind's parts are numbered body sections; a folded one has no number."""
    document = host_document()
    document.kind = "remarks"
    document.sections = document.sections[2:]
    spec = KINDS.get("remarks")
    laid = lay_out(document, spec, [], "Credit line.")
    assert [h.display for h in laid.headings(1)][:1] == ["1 You said, we did"]
    assert section_numbers(document, spec) == {"s-remarks": "1"}
    assert COPRODUCTION_TITLE not in [h.text for h in laid.headings()]


def test_table_rows_carry_notes_in_every_format(tmp_path: Path) -> None:
    noted = replace(KINDS.get("host"), item_notes=notes_for_lines)
    laid = lay_out(host_document(), noted, [], "Credit line.")
    table = next(b for b in laid.blocks if isinstance(b, Table) and b.caption == "Lines")
    assert table.notes == (NOTE,)
    markdown = write_markdown(laid)
    assert f"| Rest | 2 |\n| *{NOTE}* |   |" in markdown
    html = write_html(laid)
    assert f'class="first" colspan="2"><i>{NOTE}</i></td></tr>' in html
    target = tmp_path / "noted.docx"
    write_docx(laid, target)
    word = docx.Document(io.BytesIO(target.read_bytes()))
    lines = next(t for t in word.tables if t.rows[0].cells[0].text == "Name")
    assert [c.text for c in lines.rows[1].cells] == ["Rest", "2"]
    under = lines.rows[2].cells[0]
    assert under.text == NOTE and under.paragraphs[0].runs[0].italic
    assert len(lines.rows[2].cells) == 2 and lines.rows[2].cells[1].text == NOTE  # one merged


def test_clause_notes_in_every_format(tmp_path: Path) -> None:
    laid = laid_out(host_document())
    assert f"*{NOTE}*" in write_markdown(laid)
    assert f"<i>{NOTE}</i>" in write_html(laid)
    target = tmp_path / "charter.docx"
    write_docx(laid, target)
    word = docx.Document(io.BytesIO(target.read_bytes()))
    found = [p for p in word.paragraphs if p.text == NOTE]
    assert found and all(run.italic for run in found[0].runs)
    headings = [p.text for p in word.paragraphs if style(p).startswith("Heading")]
    assert COPRODUCTION_TITLE in headings and "You said, we did" in headings
    contents = [all_text(p) for p in word.paragraphs if style(p).lower().startswith("toc")]
    assert any(line.startswith(COPRODUCTION_TITLE) for line in contents)
    assert any(line.startswith("You said, we did") for line in contents)


def all_text(paragraph: Any) -> str:
    """A Word paragraph's text, links included (a contents entry is one)."""
    return "".join(t.text or "" for t in paragraph._p.iter(qn("w:t")))


@pytest.mark.parametrize("coproduction", [True, False])
def test_export_document_passes_the_choice_on(tmp_path: Path, coproduction: bool) -> None:
    from reformkit.export.run import export_document

    target = tmp_path / "out.md"
    export_document(
        host_document(), KINDS.get("host"), [], "Credit.", "md", target, coproduction=coproduction
    )
    assert (COPRODUCTION_TITLE in target.read_text(encoding="utf-8")) is coproduction


def style(paragraph: Any) -> str:
    """A Word paragraph's style name ("" when it has none)."""
    return str(paragraph.style.name) if paragraph.style is not None else ""
