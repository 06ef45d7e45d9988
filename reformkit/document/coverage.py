"""Which of the 22 recommendations a document answers, with the evidence for each.

A recommendation is answered only by evidence (see :mod:`reformkit.document.evidence`). Where
the briefing lists what an answer holds (R4's contents of a plan, R3's minimum Board), the
kind declares those elements and coverage counts them. A recommendation addressed to central
government alone is never a gap in a local document: it is national context. A national
trial (R13 in one Mayoral Combined Authority) is optional. The app, the command line and
every export's appendix show these rows through :func:`coverage` and :data:`STATUS_LABELS`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from reformkit.catalogue.entry import Entry
from reformkit.document.evidence import Found, items_by_type, shown_by, tagged
from reformkit.document.model import Document, Item, Section
from reformkit.document.spec import DocumentSpec, Element


class CoverageStatus(StrEnum):
    """Where a recommendation stands in a document. The values are what JSON output says."""

    ANSWERED = "answered"
    PARTLY = "partly-answered"
    MISSING = "missing"
    OPTIONAL = "optional"
    NATIONAL = "national"
    NOT_EXPECTED = "not-expected"


# The members under short names, as the checks and panels use them.
ANSWERED = CoverageStatus.ANSWERED
PARTLY = CoverageStatus.PARTLY
MISSING = CoverageStatus.MISSING
OPTIONAL = CoverageStatus.OPTIONAL
NATIONAL = CoverageStatus.NATIONAL
NOT_EXPECTED = CoverageStatus.NOT_EXPECTED

# The one wording table: the app, the command line and the exports all say these.
STATUS_LABELS = {
    ANSWERED: "Answered",
    PARTLY: "Partly answered",
    MISSING: "Expected but missing",
    OPTIONAL: "Optional here",
    NATIONAL: "National, for context",
    NOT_EXPECTED: "Not expected here",
}
# Statuses that need the user's attention.
NEEDS_ATTENTION = (PARTLY, MISSING)


@dataclass(frozen=True)
class Answer:
    """One part of the document that answers a recommendation, and why it counts."""

    section_id: str
    section_title: str
    item_id: str | None
    label: str
    reason: str = ""


@dataclass(frozen=True)
class CoverageRow:
    recommendation: Entry
    status: CoverageStatus
    expected: bool
    answers: tuple[Answer, ...] = field(default=())
    elements: tuple[str, ...] = ()  # every element the briefing lists, by name
    missing: tuple[str, ...] = ()  # the elements nothing shows yet
    note: str = ""  # why it is optional here, in the briefing's words

    @property
    def label(self) -> str:
        if self.status == ANSWERED and self.recommendation.is_national_context:
            return "Answered (national)"
        return STATUS_LABELS[self.status]

    @property
    def counted(self) -> str:
        """``3 of 5 elements``, or "" where the briefing lists none."""
        if not self.elements:
            return ""
        have = len(self.elements) - len(self.missing)
        return f"{have} of {len(self.elements)} elements"

    @property
    def detail(self) -> str:
        """What is missing, or why it is optional: the words every view shows after the label."""
        if self.missing:
            return f"{self.counted}; missing: {'; '.join(self.missing)}"
        if self.counted:
            return self.counted
        return self.note if self.status == OPTIONAL else ""

    @property
    def evidence(self) -> list[str]:
        """Each answer in one line: ``Budget: 2026-29 (an Accounting Officer is named)``."""
        lines = []
        for answer in self.answers:
            what = answer.section_title
            if answer.item_id is not None:
                what = f"{what}: {answer.label}"
            lines.append(f"{what} ({answer.reason})" if answer.reason else what)
        return list(dict.fromkeys(lines))

    def to_json(self) -> dict[str, Any]:
        """The row as ``reformkit coverage --json`` prints it."""
        return {
            "id": self.recommendation.id,
            "title": self.recommendation.title,
            "status": str(self.status),
            "label": self.label,
            "expected": self.expected,
            "detail": self.detail,
            "elements": list(self.elements),
            "missing": list(self.missing),
            "answered_by": [
                {
                    "section": a.section_title,
                    "item": a.label,
                    "section_id": a.section_id,
                    "item_id": a.item_id,
                    "reason": a.reason,
                }
                for a in self.answers
            ],
        }


def coverage(
    document: Document, spec: DocumentSpec, recommendations: Iterable[Entry]
) -> list[CoverageRow]:
    """One row for each recommendation, in number order."""
    found = tagged(document, spec)
    by_type = items_by_type(document)
    for declared in spec.evidence:
        found.setdefault(declared.recommendation, []).extend(
            shown_by(document, spec, declared, by_type)
        )
    optional = {o.recommendation: o.reason for o in spec.optional}
    answers_of = _Answers(spec)
    rows = []
    for entry in sorted(recommendations, key=lambda e: e.number or 0):
        elements = [e for e in spec.elements if e.recommendation == entry.id]
        shown = {e.name: _element_evidence(document, spec, e, by_type) for e in elements}
        evidence = [*found.get(entry.id, ()), *(f for fs in shown.values() for f in fs)]
        answers = answers_of(evidence)
        missing = tuple(name for name, fs in shown.items() if not fs)
        expected = document.kind in entry.expected_in and entry.id not in optional
        if answers:
            status = PARTLY if missing else ANSWERED
        elif entry.is_national_context:
            status = NATIONAL
        elif entry.id in optional:
            status = OPTIONAL
        elif expected:
            status = MISSING
        else:
            status = NOT_EXPECTED
        rows.append(
            CoverageRow(
                entry,
                status,
                expected,
                answers,
                tuple(shown),
                missing if answers or expected else (),
                optional.get(entry.id, ""),
            )
        )
    return rows


def _element_evidence(
    document: Document,
    spec: DocumentSpec,
    element: Element,
    by_type: dict[str, list[tuple[Section, Item]]] | None = None,
) -> list[Found]:
    found: list[Found] = []
    for evidence in element.evidence:
        found.extend(shown_by(document, spec, evidence, by_type))
    return [
        Found(
            f.section,
            f.item,
            element.name if f.reason == element.name else f"{element.name}: {f.reason}",
        )
        for f in found
    ]


def _answer(found: Found, spec: DocumentSpec) -> Answer:
    section, item = found.section, found.item
    if item is None:
        return Answer(section.id, section.title, None, section.title, found.reason)
    item_type = spec.section_type(section.key).item_type(item.type)
    return Answer(section.id, section.title, item.id, item_type.describe(item.fields), found.reason)


class _Answers:
    """Evidence as answers, each once, in order: what :func:`_answer` and :func:`_unique`
    give, with each part's and item's words worked out once for a whole coverage (a big
    plan's items answer many recommendations, and each was described again each time)."""

    def __init__(self, spec: DocumentSpec):
        self.spec = spec
        self.places: dict[tuple[int, int], tuple[str, str, str | None, str]] = {}

    def __call__(self, evidence: Iterable[Found]) -> tuple[Answer, ...]:
        unique: dict[tuple[str, str, str | None, str, str], None] = {}
        for found in evidence:
            place = self._place(found)
            unique[(*place, found.reason)] = None
        return tuple(Answer(*key) for key in unique)

    def _place(self, found: Found) -> tuple[str, str, str | None, str]:
        key = (id(found.section), id(found.item))  # both are alive while the coverage runs
        place = self.places.get(key)
        if place is None:
            answer = _answer(Found(found.section, found.item, ""), self.spec)
            place = (answer.section_id, answer.section_title, answer.item_id, answer.label)
            self.places[key] = place
        return place


def _unique(answers: Iterable[Answer]) -> tuple[Answer, ...]:
    return tuple(dict.fromkeys(answers))


def gaps(rows: Iterable[CoverageRow]) -> list[CoverageRow]:
    """Rows that need the user's attention: expected but missing, or partly answered."""
    return [row for row in rows if row.status in NEEDS_ATTENTION]


def summary(rows: Iterable[CoverageRow]) -> str:
    """``14 of 22 answered · 1 partly answered: R4 · 2 expected but missing: R5, R13``."""
    rows = list(rows)
    answered = sum(1 for row in rows if row.status == ANSWERED)
    parts = [f"{answered} of {len(rows)} answered"]
    for status in (PARTLY, MISSING):
        ids = [row.recommendation.id for row in rows if row.status == status]
        if ids:
            parts.append(f"{len(ids)} {STATUS_LABELS[status].lower()}: {', '.join(ids)}")
    if not any(row.status in NEEDS_ATTENTION for row in rows):
        parts.append("nothing expected is missing")
    for status in (OPTIONAL, NATIONAL):
        count = sum(1 for row in rows if row.status == status)
        if count:
            parts.append(f"{count} {STATUS_LABELS[status].lower()}")
    return " · ".join(parts)


def report_lines(rows: Iterable[CoverageRow]) -> list[str]:
    """The coverage as plain text, one recommendation then its evidence or what is missing."""
    rows = list(rows)
    lines = []
    for row in rows:
        lines.append(f"{row.recommendation.id:<4} {row.label:<22} {row.recommendation.title}")
        if row.detail:
            lines.append(f"     {row.detail}")
        lines.extend(f"     ← {line}" for line in row.evidence)
    lines.extend(("", summary(rows) + "."))
    return lines
