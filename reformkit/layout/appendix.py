"""The appendices every export ends with: how the document maps to the 22 recommendations,
and the recommendations' own words, credited to Demos."""

from __future__ import annotations

from collections.abc import Sequence

from reformkit.catalogue.entry import Entry
from reformkit.document.coverage import CoverageRow, summary
from reformkit.document.model import Document
from reformkit.layout.blocks import Block, Heading, PageBreak, Paragraph, Table

MAPPING_TITLE = "How this document answers the 22 recommendations"
TEXT_TITLE = "The 22 recommendations"


def appendix(
    document: Document, rows: Sequence[CoverageRow], recommendations: Sequence[Entry], credit: str
) -> list[Block]:
    numbers = {section.id: str(n) for n, section in enumerate(document.sections, 1)}
    matrix = []
    for row in rows:
        sections = list(
            dict.fromkeys(f"{numbers[a.section_id]} {a.section_title}" for a in row.answers)
        )
        status = f"{row.label}: {row.detail}" if row.detail else row.label
        matrix.append(
            (row.recommendation.id, row.recommendation.title, status, "; ".join(sections))
        )
    blocks: list[Block] = [
        PageBreak(),
        Heading(1, MAPPING_TITLE, "A", "appendix-a"),
        Paragraph.of(
            f"This table shows, for each of the 22 recommendations of The Reform Dividend, "
            "which sections of this document answer it. A recommendation counts as answered "
            "only where the document gives evidence: a part tagged to it, or details that "
            "answer it. Recommendations addressed to central government alone are shown as "
            "national context, and national trials as optional: a local document is not "
            f"expected to answer them. {summary(rows)}."
        ),
        Table(
            ("No.", "Recommendation", "Status", "Answered in"),
            tuple(matrix),
            caption="Coverage of the 22 recommendations",
            widths=(1, 4, 2.5, 4.5),
        ),
        Heading(1, TEXT_TITLE, "B", "appendix-b"),
    ]
    for entry in sorted(recommendations, key=lambda e: e.number or 0):
        blocks.append(
            Heading(
                2,
                f"Recommendation {entry.number}: {entry.title}",
                "",
                f"recommendation-{entry.number}",
            )
        )
        blocks.append(Paragraph.of(entry.quote))
        blocks.append(Paragraph.of(entry.source, "small"))
    blocks.append(Paragraph.of(credit, "small"))
    return blocks
