"""Which of the 22 recommendations a document answers, and where.

A recommendation addressed to central government alone is never a "gap" in a local
document: it is shown as national context, and as answered if the document responds anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from reformkit.catalogue.entry import Entry
from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec


class CoverageStatus(StrEnum):
    """Where a recommendation stands in a document. The values are what JSON output says."""

    ANSWERED = "answered"
    MISSING = "missing"
    NATIONAL = "national"
    NOT_EXPECTED = "not-expected"


# The members under short names, as the checks and panels use them.
ANSWERED = CoverageStatus.ANSWERED
MISSING = CoverageStatus.MISSING
NATIONAL = CoverageStatus.NATIONAL
NOT_EXPECTED = CoverageStatus.NOT_EXPECTED

STATUS_LABELS = {
    ANSWERED: "Answered",
    MISSING: "Expected but missing",
    NATIONAL: "National — for context",
    NOT_EXPECTED: "Not expected here",
}


@dataclass(frozen=True)
class Answer:
    """One part of the document that answers a recommendation."""

    section_id: str
    section_title: str
    item_id: str | None
    label: str


@dataclass(frozen=True)
class CoverageRow:
    recommendation: Entry
    status: CoverageStatus
    expected: bool
    answers: tuple[Answer, ...] = field(default=())

    @property
    def label(self) -> str:
        if self.status == ANSWERED and self.recommendation.is_national_context:
            return "Answered (national)"
        return STATUS_LABELS[self.status]


def coverage(
    document: Document, spec: DocumentSpec, recommendations: Iterable[Entry]
) -> list[CoverageRow]:
    """One row for each recommendation, in number order."""
    answers: dict[str, list[Answer]] = {}
    for section in document.sections:
        has_content = bool(section.items or section.intro.strip())
        if has_content:
            for tag in section.tags:
                answers.setdefault(tag, []).append(
                    Answer(section.id, section.title, None, section.title)
                )
        section_type = spec.section_type(section.key)
        for item in section.items:
            label = section_type.item_type(item.type).describe(item.fields)
            for tag in item.tags:
                if tag not in section.tags or not has_content:
                    answers.setdefault(tag, []).append(
                        Answer(section.id, section.title, item.id, label)
                    )
    rows = []
    for entry in sorted(recommendations, key=lambda e: e.number or 0):
        expected = document.kind in entry.expected_in
        found = tuple(answers.get(entry.id, ()))
        if found:
            status = ANSWERED
        elif entry.is_national_context:
            status = NATIONAL
        elif expected:
            status = MISSING
        else:
            status = NOT_EXPECTED
        rows.append(CoverageRow(entry, status, expected, found))
    return rows


def gaps(rows: Iterable[CoverageRow]) -> list[CoverageRow]:
    return [row for row in rows if row.status == MISSING]
