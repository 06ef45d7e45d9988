"""How the coverage panel shows a status, and the words it uses. No Qt here.

A status is never shown by colour alone: each has a symbol and words as well, and every
colour pair below has a contrast ratio above 7:1 (text on its background).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reformkit.document.coverage import (
    ANSWERED,
    MISSING,
    NATIONAL,
    NOT_EXPECTED,
    OPTIONAL,
    PARTLY,
    STATUS_LABELS,
    CoverageRow,
)
from reformkit.document.coverage import summary as coverage_summary
from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec


@dataclass(frozen=True)
class StatusStyle:
    symbol: str
    short: str  # the legend's words
    foreground: str
    background: str


STYLES = {
    ANSWERED: StatusStyle("✓", STATUS_LABELS[ANSWERED], "#14532d", "#dcf2e3"),
    PARTLY: StatusStyle("◐", STATUS_LABELS[PARTLY], "#5c3d00", "#fdf0d2"),
    MISSING: StatusStyle("✗", STATUS_LABELS[MISSING], "#8a1111", "#fde2e2"),
    OPTIONAL: StatusStyle("◇", STATUS_LABELS[OPTIONAL], "#4a2470", "#efe6f7"),
    NATIONAL: StatusStyle("○", STATUS_LABELS[NATIONAL], "#1e3a6e", "#e3ebf8"),
    NOT_EXPECTED: StatusStyle("–", STATUS_LABELS[NOT_EXPECTED], "#3d3d3d", "#f0f0f0"),
}
ORDER = (ANSWERED, PARTLY, MISSING, OPTIONAL, NATIONAL, NOT_EXPECTED)


def status_text(row: CoverageRow) -> str:
    """``✓ Answered``, ``✗ Expected but missing``…"""
    return f"{STYLES[row.status].symbol} {row.label}"


def summary(rows: Sequence[CoverageRow]) -> str:
    """``14 of 22 answered · 1 partly answered: R4 · …``: the command line's words too."""
    return coverage_summary(rows)


def answered_by(row: CoverageRow, numbers: dict[str, int], most: int | None = None) -> str:
    """The parts that answer a recommendation, in one line: ``3 Missions; 7 Working together``;
    past ``most`` of them, how many more (a line naming a thousand parts took the list
    a second to draw, and the row's children name them all)."""
    names: list[str] = []
    for answer in row.answers:
        number = numbers.get(answer.section_id)
        where = f"{number} {answer.section_title}" if number else answer.section_title
        names.append(where if answer.item_id is None else f"{where}: {answer.label}")
        if answer.reason:
            names[-1] += f" ({answer.reason})"
    unique = list(dict.fromkeys(names))
    if most is not None and len(unique) > most:
        return "; ".join(unique[:most]) + f"; and {len(unique) - most} more"
    return "; ".join(unique)


def answering_types(spec: DocumentSpec, recommendation_id: str) -> list[str]:
    """The titles of the kinds of section that answer a recommendation by default."""
    return [t.title for t in spec.section_types if recommendation_id in t.default_tags]


def answering_sections(document: Document, spec: DocumentSpec, recommendation_id: str) -> list[str]:
    """Ids of this document's sections whose kind answers the recommendation by default."""
    keys = {t.key for t in spec.section_types if recommendation_id in t.default_tags}
    return [s.id for s in document.sections if s.key in keys or recommendation_id in s.tags]


def missing_hint(row: CoverageRow, document: Document, spec: DocumentSpec) -> str:
    """What the user can do about a recommendation that is expected but not answered."""
    entry = row.recommendation
    text = f"{entry.id} ({entry.title}) is expected in a {spec.label} but nothing answers it yet. "
    present = [
        s.title for s in document.sections if s.id in answering_sections(document, spec, entry.id)
    ]
    types = answering_types(spec, entry.id)
    if present:
        return text + (
            f"Write what answers it in {_join(present[:3])} and tag it with {entry.id}: "
            "a part's text alone is not an answer."
        )
    if types:
        return text + f"Add a {_join(types)} section, or tag a clause with {entry.id}."
    return text + f"Tag a clause that answers it with {entry.id}."


def expected_where(row: CoverageRow, spec: DocumentSpec) -> str:
    """For the list's "Answered by" column of a gap: where the answer belongs."""
    types = answering_types(spec, row.recommendation.id)
    return f"Belongs in {_join(types)}" if types else "Tag a clause that answers it"


def _join(names: Sequence[str]) -> str:
    quoted = [f"‘{name}’" for name in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
