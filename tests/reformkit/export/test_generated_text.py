"""Every sentence, label and caption ReformKit writes reads as a person would write it:
fields with their labels, records with real titles, one Board in the opening sentence, the
coverage in grammatical English, captions without dashes, and recommendation tags where
the export asks for them (only the appendix by default, never on signatures)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import resources
from plans.kind import board_name
from reformkit.catalogue.store import Catalogue
from reformkit.document.coverage import coverage
from reformkit.document.fields import TEXT_LIST, Field
from reformkit.document.interchange import loads
from reformkit.document.model import Document
from reformkit.export.markdown_writer import write_markdown
from reformkit.layout.appendix import EVIDENCE_TITLE, evidence_lines, in_a_sentence
from reformkit.layout.blocks import (
    Block,
    Clause,
    Heading,
    LaidOut,
    ListBlock,
    PageBreak,
    Paragraph,
    Table,
)
from reformkit.layout.engine import lay_out
from reformkit.layout.formatting import plural, show
from reformkit.layout.tags import TAG_PLACEMENTS, TagPlacement
from tests.documents import KINDS

RAW_NUMBER = re.compile(r"^[\d.,£\s]+$")


def _sample(name: str) -> Document:
    return loads(resources.path("samples", f"{name}.json").read_text("utf-8"), KINDS)


def _lay_out(document: Document, catalogue: Catalogue, tags: TagPlacement = "appendix") -> LaidOut:
    return lay_out(
        document,
        KINDS.get(document.kind),
        catalogue.entries("recommendation"),
        catalogue.seed.credit,
        tags=tags,
    )


def _items(document: Document, item_type: str) -> list[object]:
    return [i for s in document.sections for i in s.items if i.type == item_type]


def _clause(laid: LaidOut, title: str) -> Clause:
    return next(b for b in laid.blocks if isinstance(b, Clause) and b.title.startswith(title))


def test_a_budget_pot_without_a_period_has_a_title_not_an_amount(catalogue: Catalogue) -> None:
    document = _sample("local-reform-plan")
    (pot,) = _items(document, "budget_pot")
    pot.fields["period"] = ""  # type: ignore[attr-defined]
    laid = _lay_out(document, catalogue)
    clause = _clause(laid, "Single pot")
    assert clause.title == "Single pot"
    assert ("Single pot total (£)", "£312,450,000") in clause.details
    for block in laid.blocks:
        title = block.title if isinstance(block, Clause) else getattr(block, "text", "")
        if isinstance(block, Clause | Heading):
            assert not RAW_NUMBER.match(title), f"a raw number where a title belongs: {title}"


@pytest.mark.parametrize("name", ["respect-charter", "local-reform-plan"])
def test_every_field_of_a_record_shows_with_its_label(catalogue: Catalogue, name: str) -> None:
    document = _sample(name)
    spec = KINDS.get(document.kind)
    laid = _lay_out(document, catalogue)
    records = [b for b in laid.blocks if isinstance(b, Clause) and not b.text]
    assert records
    labels = {f.label for st in spec.section_types for t in st.item_types for f in t.fields}
    for record in records:
        assert all(label in labels for label, _ in record.details)
    if name == "local-reform-plan":
        zone = _clause(laid, "Innovation Zone")
        shown = dict(zone.details)
        assert zone.title == "Innovation Zone"  # its area has a colon: shown as a detail
        assert shown["Area"].startswith("North Brackenford: ")
        assert {"Freedoms sought", "Safeguards", "How it will be evaluated"} <= set(shown)
        assert ".;" not in shown["Safeguards"]
    else:
        review = _clause(laid, "Review")
        assert review.title == "Review" and review.text == ""
        assert dict(review.details)["Review date"] == "30 November 2027"


def test_a_list_of_sentences_reads_as_sentences() -> None:
    field = Field("safeguards", "Safeguards", TEXT_LIST)
    assert show(field, ["No duty changes.", "Care stays."]) == "No duty changes. Care stays."
    assert show(field, ["pooled budgets", "one report"]) == "pooled budgets; one report"


@pytest.mark.parametrize(
    ("organisation", "board"),
    [
        ("Severn Vale Combined Authority", "the Severn Vale Combined Authority's Public Service"),
        (
            "Severn Vale Combined Authority — Public Service Reform Board",
            "the Public Service Reform Board of Severn Vale Combined Authority",
        ),
        ("Severn Vale Public Service Reform Board", "the Severn Vale Public Service Reform Board"),
    ],
)
def test_the_opening_sentence_names_the_board_once(
    catalogue: Catalogue, organisation: str, board: str
) -> None:
    assert board_name(organisation).startswith(board)
    document = _sample("local-reform-plan")
    document.meta.organisation = organisation
    laid = _lay_out(document, catalogue)
    opening = next(b.text for b in laid.blocks if isinstance(b, Paragraph) and b.style == "lead")
    assert opening.count("Board") == 2  # the Board named once, then "the Board will pursue"
    assert board in opening


def test_the_coverage_reads_as_a_sentence(catalogue: Catalogue) -> None:
    document = _sample("respect-charter")
    rows = coverage(document, KINDS.get(document.kind), catalogue.entries("recommendation"))
    sentence = in_a_sentence(rows)
    assert sentence.startswith("Of the 22 recommendations, 1 is answered; ")
    assert " are national, for context" in sentence and "·" not in sentence
    assert "are answered" not in sentence.split(";")[0]


@pytest.mark.parametrize("name", ["respect-charter", "local-reform-plan"])
def test_captions_are_real_names(catalogue: Catalogue, name: str) -> None:
    laid = _lay_out(_sample(name), catalogue)
    captions = [b.caption for b in laid.blocks if isinstance(b, Table)]
    assert captions and all(" — " not in c for c in captions)
    expected = {"respect-charter": "Signatures", "local-reform-plan": "Board members"}[name]
    assert expected in captions
    assert plural("Freedom sought") == "Freedoms sought"
    assert plural("Bid or investment") == "Bids or investments"


def _body(laid: LaidOut) -> list[Block]:
    end = next(n for n, b in enumerate(laid.blocks) if isinstance(b, Heading) and b.number == "A")
    return [b for b in laid.blocks[:end] if not isinstance(b, PageBreak)]


@pytest.mark.parametrize("name", ["respect-charter", "local-reform-plan"])
def test_by_default_tags_appear_only_in_the_appendix(catalogue: Catalogue, name: str) -> None:
    laid = _lay_out(_sample(name), catalogue)
    body = _body(laid)
    assert not [b for b in body if isinstance(b, Paragraph) and "answers:" in b.text.lower()]
    assert not [b for b in body if isinstance(b, Clause) and b.tags]
    assert not [b for b in body if isinstance(b, Table) and "Answers" in b.header]
    text = write_markdown(laid)
    assert "Answers:" not in text.split("How this document answers")[0]
    assert "| R18 |" in text  # the appendix still maps every recommendation


def test_at_the_end_of_each_part_one_line_closes_each_tagged_part(catalogue: Catalogue) -> None:
    document = _sample("local-reform-plan")
    laid = _lay_out(document, catalogue, "part")
    body = _body(laid)
    lines = [
        n
        for n, b in enumerate(body)
        if isinstance(b, Paragraph) and b.text.startswith("This part answers: ")
    ]
    tagged = [s for s in document.sections if s.tags or any(i.tags for i in s.items)]
    assert len(lines) == len(tagged)
    for n in lines:  # each is the last block of its part
        assert n + 1 == len(body) or (isinstance(body[n + 1], Heading) and body[n + 1].level == 1)
    assert not [b for b in body if isinstance(b, Clause) and b.tags]
    assert not [b for b in body if isinstance(b, Table) and "Answers" in b.header]


def test_beside_each_clause_tags_show_where_they_add_to_the_part(catalogue: Catalogue) -> None:
    document = _sample("respect-charter")
    signatures = _items(document, "signatory")
    assert signatures
    for signature in signatures:
        signature.tags = ["R3"]  # type: ignore[attr-defined]  # even tagged apart: never shown
    laid = _lay_out(document, catalogue, "beside")
    body = _body(laid)
    assert [b for b in body if isinstance(b, Paragraph) and b.text.startswith("Answers: ")]
    signed = next(b for b in body if isinstance(b, Table) and b.caption == "Signatures")
    assert "Answers" not in signed.header
    for section in document.sections:
        for item in section.items:
            if set(item.tags) <= set(section.tags):
                clause = next(
                    (b for b in body if isinstance(b, Clause) and b.item_id == item.id), None
                )
                assert clause is None or clause.tags == ()


def test_the_tag_choices_are_the_three_places() -> None:
    assert list(TAG_PLACEMENTS) == ["appendix", "part", "beside"]


def test_the_appendix_lists_the_evidence_for_each_recommendation(catalogue: Catalogue) -> None:
    document = _sample("local-reform-plan")
    laid = _lay_out(document, catalogue)
    blocks = list(laid.blocks)
    start = next(
        n for n, b in enumerate(blocks) if isinstance(b, Heading) and b.text == EVIDENCE_TITLE
    )
    r9 = next(
        n for n, b in enumerate(blocks) if isinstance(b, Heading) and b.text.startswith("R9 ")
    )
    assert r9 > start
    listed = next(b for b in blocks[r9:] if isinstance(b, ListBlock))
    lines = ["".join(s.text for s in item) for item in listed.items]
    assert lines[0].startswith("4 Missions: ") and "a metro mission" in lines[0]
    rows = coverage(document, KINDS.get(document.kind), catalogue.entries("recommendation"))
    r3 = next(r for r in rows if r.recommendation.id == "R3")
    assert len(evidence_lines(r3, {})) <= 10 and evidence_lines(r3, {})[-1].startswith("and ")


@pytest.mark.parametrize(("tags", "expected"), [("part", True), ("appendix", False)])
def test_the_cli_places_the_tags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tags: str, expected: bool
) -> None:
    from desktop.launcher import document_kinds
    from reformkit.cli import main

    sample = tmp_path / "plan.json"
    sample.write_bytes(resources.path("samples", "respect-charter.json").read_bytes())
    made = tmp_path / "charter.reformkit"
    assert main(["import", str(sample), "-o", str(made)], load_kinds=document_kinds) == 0
    target = tmp_path / "out.md"
    code = main(["export", str(made), "-o", str(target), "--tags", tags], load_kinds=document_kinds)
    assert code == 0, capsys.readouterr().err
    text = target.read_text("utf-8")
    assert ("This part answers:" in text) is expected
    assert "Answers:" not in text
    with pytest.raises(SystemExit):  # argparse names the three choices
        main(["export", str(made), "-o", str(target), "--tags", "nowhere"])
    assert "choose from 'appendix', 'part', 'beside'" in capsys.readouterr().err
