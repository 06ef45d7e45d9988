"""What a document still needs: the problems a checks panel lists, each pointing at a part.

:func:`check_document` runs the checks every document shares (an expected recommendation
not answered, a part with nothing written in it) and then the document kind's own checks,
which ``charter/`` and ``plans/`` attach to their :class:`DocumentSpec` as ``checks``.

Each :class:`Problem` names the part to fix by id (the document, a section or an item), so
a window can take the user straight to it, and says in plain words what to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from reformkit.catalogue.entry import Entry
from reformkit.document.coverage import MISSING, CoverageRow, coverage
from reformkit.document.model import Document, Section
from reformkit.document.spec import DocumentSpec


class PartKind(StrEnum):
    """What a problem points at."""

    DOCUMENT = "document"
    SECTION = "section"
    ITEM = "item"


class Severity(StrEnum):
    """``ERROR`` makes the document wrong; ``WARNING`` is missing or worth a second look."""

    WARNING = "warning"
    ERROR = "error"


# The members under short names, as the kinds' checks and the panels use them.
DOCUMENT, SECTION, ITEM = PartKind.DOCUMENT, PartKind.SECTION, PartKind.ITEM
WARNING, ERROR = Severity.WARNING, Severity.ERROR

BRIEFING = "The Reform Dividend"  # the briefing every page number refers to

RECOMMENDATION_MISSING = "recommendation-missing"
SECTION_EMPTY = "section-empty"


@dataclass(frozen=True)
class Problem:
    """One thing to fix, and where: ``part_kind`` is document, section or item.

    ``severity`` is ``"error"`` for something that makes the document wrong (a budget that
    does not add up) and ``"warning"`` for something missing or worth a second look.
    ``page`` is the briefing's page a check is grounded in; the message cites it too.
    """

    rule: str
    message: str
    part_kind: PartKind
    part_id: str
    severity: Severity = Severity.WARNING
    page: int | None = None

    @property
    def source(self) -> str:
        """``The Reform Dividend, p.13``, or "" for a check of ReformKit's own."""
        return f"{BRIEFING}, p.{self.page}" if self.page else ""


def cite(page: int) -> str:
    """The words a message ends with to name its page: ``(The Reform Dividend, p.13)``."""
    return f"({BRIEFING}, p.{page})"


def check_document(
    document: Document,
    spec: DocumentSpec,
    recommendations: Sequence[Entry],
    rows: Sequence[CoverageRow] | None = None,
) -> list[Problem]:
    """Every problem found: the generic checks first, then the spec's own, in part order.
    ``rows`` is the document's coverage, if the caller has it already."""
    problems = missing_recommendations(document, spec, recommendations, rows)
    problems += empty_sections(document, spec)
    if spec.checks is not None:
        problems += spec.checks(document, spec)
    return problems


def missing_recommendations(
    document: Document,
    spec: DocumentSpec,
    recommendations: Iterable[Entry],
    rows: Sequence[CoverageRow] | None = None,
) -> list[Problem]:
    """Each recommendation this kind of document is expected to answer and does not.

    The problem points at the first section whose type answers it by default (that is where
    the answer belongs), or at the document when it has no such section.
    """
    problems = []
    for row in coverage(document, spec, recommendations) if rows is None else rows:
        if row.status != MISSING:
            continue
        entry = row.recommendation
        home = home_section(document, spec, entry.id)
        what = f"{entry.id} ({entry.title})" if entry.title else entry.id
        if home is not None:
            problems.append(
                Problem(
                    RECOMMENDATION_MISSING,
                    f"Nothing in '{home.title}' answers recommendation {what} yet. "
                    f"Write how this {spec.label} answers it.",
                    SECTION,
                    home.id,
                )
            )
        else:
            home_title = _home_title(spec, entry.id)
            hint = f"Add the '{home_title}' part and write" if home_title else "Write"
            problems.append(
                Problem(
                    RECOMMENDATION_MISSING,
                    f"This {spec.label} does not answer recommendation {what}. "
                    f"{hint} how it answers it, or tag a part that does with {entry.id}.",
                    DOCUMENT,
                    document.meta.id,
                )
            )
    return problems


def empty_sections(document: Document, spec: DocumentSpec | None = None) -> list[Problem]:
    """Sections with no items and no introduction. An attached kind's parts (a workshop's
    record in a charter) are not the document's own, so an empty one is not asked about."""
    return [
        Problem(
            SECTION_EMPTY,
            f"Nothing is written in '{section.title}' yet. Write something, or remove the "
            "part if this document does not need it.",
            SECTION,
            section.id,
        )
        for section in document.sections
        if not section.items
        and not section.intro.strip()
        and (spec is None or spec.attached_kind(section.key) is None)
    ]


def home_section(document: Document, spec: DocumentSpec, tag: str) -> Section | None:
    """The first part whose kind answers ``tag`` by default: where its answer belongs."""
    for section in document.sections:
        try:
            section_type = spec.section_type(section.key)
        except ValueError:
            continue
        if tag in section_type.default_tags:
            return section
    return None


def _home_title(spec: DocumentSpec, tag: str) -> str:
    return next((t.title for t in spec.section_types if tag in t.default_tags), "")


def first_section(document: Document, key: str) -> Section | None:
    """The first section of a kind, for checks that point at where something belongs."""
    return next((s for s in document.sections if s.key == key), None)


def where(document: Document, key: str) -> tuple[PartKind, str]:
    """``(part_kind, part_id)`` of the first section with ``key``, else of the document."""
    section = first_section(document, key)
    return (SECTION, section.id) if section else (DOCUMENT, document.meta.id)
