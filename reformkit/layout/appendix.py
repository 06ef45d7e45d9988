"""The appendices every export ends with: how the document maps to the 22 recommendations
(with the evidence for each), and the recommendations' own words, credited to Demos."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reformkit.catalogue.entry import Entry
from reformkit.document.coverage import (
    ANSWERED,
    MISSING,
    NATIONAL,
    NEEDS_ATTENTION,
    NOT_EXPECTED,
    OPTIONAL,
    PARTLY,
    STATUS_LABELS,
    CoverageRow,
)
from reformkit.document.model import Document
from reformkit.layout.blocks import Block, Heading, ListBlock, PageBreak, Paragraph, Span, Table

MAPPING_TITLE = "How this document answers the 22 recommendations"
EVIDENCE_TITLE = "The evidence for each recommendation"
TEXT_TITLE = "The 22 recommendations"
MOST_EVIDENCE = 10  # lines listed per recommendation; the rest are counted


def in_a_sentence(rows: Sequence[CoverageRow]) -> str:
    """``Of the 22 recommendations, 15 are answered and 7 are national, for context.``, with
    the coverage states' own words and the grammar a person would use."""
    phrases = []
    for status in (ANSWERED, PARTLY, MISSING, OPTIONAL, NATIONAL, NOT_EXPECTED):
        count = sum(1 for row in rows if row.status == status)
        if count:
            verb = "is" if count == 1 else "are"
            phrases.append(f"{count} {verb} {STATUS_LABELS[status].lower()}")
    if not phrases:
        return ""
    listed = phrases[0] if len(phrases) == 1 else "; ".join(phrases[:-1]) + "; and " + phrases[-1]
    sentence = f"Of the {len(rows)} recommendations, {listed}."
    if not any(row.status in NEEDS_ATTENTION for row in rows):
        sentence += " Nothing expected of this document is missing."
    return sentence


def evidence_lines(row: CoverageRow, numbers: Mapping[str, str]) -> list[str]:
    """What answers ``row``, one line per part or entry, its reasons together:
    ``4 Missions: Good work for all (tagged R9; a metro mission)``."""
    reasons: dict[tuple[str, str], list[str]] = {}
    for answer in row.answers:
        where = f"{numbers.get(answer.section_id, '')} {answer.section_title}".strip()
        what = answer.label if answer.item_id is not None else ""
        found = reasons.setdefault((where, what), [])
        if answer.reason and answer.reason not in found:
            found.append(answer.reason)
    lines = []
    # What the details show first; entries that count only because they are tagged after.
    ranked = sorted(reasons.items(), key=lambda pair: all(r.startswith("tagged") for r in pair[1]))
    for (where, what), why in ranked:
        line = f"{where}: {what}" if what else where
        lines.append(f"{line} ({'; '.join(why)})" if why else line)
    if len(lines) > MOST_EVIDENCE:
        more = len(lines) - MOST_EVIDENCE + 1
        lines = [*lines[: MOST_EVIDENCE - 1], f"and {more} more entries"]
    return lines


def appendix(
    document: Document,
    rows: Sequence[CoverageRow],
    recommendations: Sequence[Entry],
    credit: str,
    numbers: Mapping[str, str] | None = None,
) -> list[Block]:
    """``numbers`` gives each numbered section's number by its id (by default every section
    in order); a section without one is named by its title alone."""
    if numbers is None:
        numbers = {section.id: str(n) for n, section in enumerate(document.sections, 1)}
    matrix = []
    for row in rows:
        sections = list(
            dict.fromkeys(
                f"{numbers.get(a.section_id, '')} {a.section_title}".strip() for a in row.answers
            )
        )
        matrix.append(
            (row.recommendation.id, row.recommendation.title, _status(row), "; ".join(sections))
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
            f"expected to answer them. {in_a_sentence(rows)}"
        ),
        Table(
            ("No.", "Recommendation", "Status", "Answered in"),
            tuple(matrix),
            caption="Coverage of the 22 recommendations",
            widths=(1, 4, 2.5, 4.5),
        ),
    ]
    answered = [row for row in rows if row.answers]
    if answered:
        blocks.append(Heading(2, EVIDENCE_TITLE, "A.1", "appendix-a-evidence"))
        blocks.append(
            Paragraph.of(
                "For each recommendation this document answers, the parts and entries that "
                "answer it, and why each counts."
            )
        )
    for row in answered:
        entry = row.recommendation
        blocks.append(Heading(3, f"{entry.id} {entry.title}", "", f"evidence-{entry.id.lower()}"))
        blocks.append(Paragraph((Span("Status: ", bold=True), Span(_status(row))), "small"))
        blocks.append(ListBlock(tuple((Span(line),) for line in evidence_lines(row, numbers))))
    blocks.append(Heading(1, TEXT_TITLE, "B", "appendix-b"))
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


def _status(row: CoverageRow) -> str:
    return f"{row.label}: {row.detail}" if row.detail else row.label
