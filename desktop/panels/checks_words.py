"""How the checks panel names parts, orders and counts problems, and the words it uses. No Qt.

A severity is never shown by colour alone: each has a symbol and a word as well, and each
colour pair below has a contrast ratio above 7:1 (text on its background).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reformkit.document.checks import DOCUMENT, ERROR, ITEM, SECTION, WARNING, Problem, Severity
from reformkit.document.fields import DATE
from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec, DocumentSpecError
from reformkit.layout.formatting import long_date


@dataclass(frozen=True)
class SeverityStyle:
    symbol: str
    word: str
    foreground: str
    background: str

    @property
    def text(self) -> str:
        """``✗ Problem``, ``⚠ Warning``."""
        return f"{self.symbol} {self.word}"


SEVERITIES = {
    ERROR: SeverityStyle("✗", "Problem", "#8a1111", "#fde2e2"),
    WARNING: SeverityStyle("⚠", "Warning", "#5a3b00", "#fff1c7"),
}
ORDER = (ERROR, WARNING)

ALL_CLEAR_OTHER = "✓ Nothing to check: every part has something in it and nothing is missing."


def style(problem: Problem) -> SeverityStyle:
    return SEVERITIES.get(problem.severity, SEVERITIES[WARNING])


@dataclass(frozen=True)
class PartGroup:
    """The problems of one part, under one heading."""

    kind: str  # document, section or item
    part_id: str
    name: str
    problems: tuple[Problem, ...]

    @property
    def worst(self) -> Severity:
        return ERROR if any(p.severity == ERROR for p in self.problems) else WARNING


def group_problems(
    problems: Sequence[Problem], document: Document, spec: DocumentSpec
) -> list[PartGroup]:
    """One group per part, in the document's order (the document first, then each section
    followed by its items); within a part, problems before warnings, else as found."""
    places = _places(document)
    index = _PartIndex(document)
    found: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        found.setdefault((problem.part_kind, problem.part_id), []).append(problem)
    groups = []
    for (kind, part_id), listed in found.items():
        ordered = sorted(
            listed, key=lambda p: ORDER.index(p.severity) if p.severity in ORDER else 1
        )
        name = part_name(document, spec, kind, part_id, index)
        groups.append(PartGroup(kind, part_id, name, tuple(ordered)))
    last = len(places) + 1
    groups.sort(key=lambda g: places.get(g.part_id, last))
    return groups


class _PartIndex:
    """Each part found by its id in one pass, so naming a thousand parts stays linear."""

    def __init__(self, document: Document):
        self.numbers = {s.id: n for n, s in enumerate(document.sections, 1)}
        self.sections = {s.id: s for s in document.sections}
        self.items = {i.id: (s, i) for s in document.sections for i in s.items}


def part_name(
    document: Document,
    spec: DocumentSpec,
    kind: str,
    part_id: str,
    index: _PartIndex | None = None,
) -> str:
    """How a part is named in the list, as the parts tree names it.

    ``The whole Local Reform Plan: Severn Vale…``; ``Total Place+ budget (part 11)``;
    ``Budget line ‘Early help’ in Total Place+ budget (part 11)``.
    """
    if kind == DOCUMENT or part_id == document.meta.id:
        return f"The whole {spec.label}: {document.meta.title}"
    index = index or _PartIndex(document)
    numbers = index.numbers
    if kind == SECTION:
        if part_id not in index.sections:
            return "A part that is no longer there"
        section = index.sections[part_id]
        return f"{section.title} (part {numbers[section.id]})"
    if kind == ITEM:
        if part_id not in index.items:
            return "A part that is no longer there"
        section, item = index.items[part_id]
        where = f"{section.title} (part {numbers[section.id]})"
        try:
            item_type = spec.section_type(section.key).item_type(item.type)
        except DocumentSpecError:
            return f"An item in {where}"
        if not item_type.title_field:
            return f"{item_type.label} in {where}"
        name = item_type.describe(item.fields)
        if name and item_type.field(item_type.title_field).type == DATE:
            name = long_date(name)
        if not name:
            return f"{item_type.label} with no words, in {where}"
        return f"{item_type.label} ‘{name}’ in {where}"
    return part_id


def summary(problems: Sequence[Problem], spec: DocumentSpec) -> str:
    """``3 things to check: 1 problem, 2 warnings`` or the all-clear for the kind."""
    if not problems:
        return spec.say.all_clear or ALL_CLEAR_OTHER
    errors = sum(1 for p in problems if p.severity == ERROR)
    warnings = len(problems) - errors
    head = f"{len(problems)} thing{'s' if len(problems) != 1 else ''} to check"
    parts = []
    if errors:
        parts.append(f"{errors} problem{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"{head}: {', '.join(parts)}"


def _places(document: Document) -> dict[str, int]:
    places = {document.meta.id: 0}
    for section in document.sections:
        places[section.id] = len(places)
        for item in section.items:
            places[item.id] = len(places)
    return places
