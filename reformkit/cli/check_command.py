"""``reformkit check FILE [--json]``: what a document still needs, part by part.

Coverage gaps (a recommendation expected but missing, or partly answered) and every check of
the document's kind, grouped under the part they belong to, each check with the briefing
page it stands on. The exit code says whether anything needs attention (1) or not (0); a
file that cannot be read is bad input (2), as for every command.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reformkit.document.checks import Problem
    from reformkit.document.coverage import CoverageRow
    from reformkit.document.model import Document
    from reformkit.document.spec import DocumentKinds, DocumentSpec

WHOLE_DOCUMENT = "The whole document"
NOTHING_NEEDED = "Nothing needs attention."


def add_parser(commands: Any) -> None:
    check = commands.add_parser(
        "check", help="what a document still needs: coverage gaps and checks, by part"
    )
    check.add_argument("file", type=Path, help="a .reformkit document or a JSON document")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(handler=check_file, inputs={"file": "a ReformKit document or JSON document"})


@dataclass
class PartReport:
    """One part of the document, with what needs attention in it."""

    title: str
    section_id: str | None
    gaps: list[CoverageRow] = field(default_factory=list)
    problems: list[tuple[Problem, str]] = field(default_factory=list)  # with the item's name

    def to_json(self) -> dict[str, Any]:
        return {
            "part": self.title,
            "section_id": self.section_id,
            "coverage": [row.to_json() for row in self.gaps],
            "checks": [
                {
                    "rule": problem.rule,
                    "severity": str(problem.severity),
                    "message": problem.message,
                    "page": problem.page,
                    "source": problem.source,
                    "part_kind": str(problem.part_kind),
                    "part_id": problem.part_id,
                    "item": item,
                }
                for problem, item in self.problems
            ],
        }

    def lines(self) -> list[str]:
        lines = [self.title]
        for row in self.gaps:
            detail = f" ({row.detail})" if row.detail else ""
            lines.append(
                f"  coverage  {row.recommendation.id} {row.label}: "
                f"{row.recommendation.title}{detail}"
            )
        for problem, item in self.problems:
            where = f"{item}: " if item else ""
            lines.append(f"  {problem.severity:<8}  {where}{problem.message}")
        return lines


def check_file(args: argparse.Namespace) -> int:
    from reformkit.cli.catalogue_commands import open_catalogue

    kinds: DocumentKinds = args.load_kinds()
    document, spec = read_document(Path(args.file), kinds)
    with open_catalogue(args) as catalogue:
        recommendations = catalogue.entries("recommendation")
    parts = report(document, spec, recommendations)
    attention = any(part.gaps or part.problems for part in parts)
    if args.json:
        json.dump(
            {
                "title": document.meta.title,
                "kind": document.kind,
                "needs_attention": attention,
                "parts": [part.to_json() for part in parts if part.gaps or part.problems],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        print("\n".join(text_lines(document, spec, parts)))
    return 1 if attention else 0


def read_document(path: Path, kinds: DocumentKinds) -> tuple[Document, DocumentSpec]:
    """A ``.reformkit`` file read-only, or a JSON document read as ``reformkit import`` would."""
    if path.suffix.lower() == ".json":
        from reformkit.document.errors import ProjectError
        from reformkit.document.interchange import loads
        from reformkit.document.limits import MAX_JSON_BYTES
        from reformkit.input_files import read_input_bytes

        data = read_input_bytes(path, "a JSON document", MAX_JSON_BYTES)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ProjectError(
                f"{path} cannot be read: it is not UTF-8 text (byte {error.start:,} is not)."
            ) from None
        document = loads(text, kinds)
        return document, kinds.get(document.kind)
    from reformkit.document.project import Project

    with Project.open(path, kinds, read_only=True) as project:
        return project.document, project.spec


def report(document: Document, spec: DocumentSpec, recommendations: Any) -> list[PartReport]:
    """Every part, in document order, then the whole document, with its gaps and problems."""
    from reformkit.document.checks import (
        ITEM,
        RECOMMENDATION_MISSING,
        SECTION,
        check_document,
        home_section,
    )
    from reformkit.document.coverage import NEEDS_ATTENTION, coverage

    parts = {s.id: PartReport(s.title, s.id) for s in document.sections}
    whole = PartReport(WHOLE_DOCUMENT, None)
    for row in coverage(document, spec, recommendations):
        if row.status in NEEDS_ATTENTION:
            home = home_section(document, spec, row.recommendation.id)
            (parts[home.id] if home is not None else whole).gaps.append(row)
    items = {item.id: (section, item) for section, item in document.items()}
    for problem in check_document(document, spec, recommendations):
        if problem.rule == RECOMMENDATION_MISSING:
            continue  # shown as a coverage gap, with its evidence and missing elements
        if problem.part_kind == ITEM and problem.part_id in items:
            section, item = items[problem.part_id]
            name = spec.section_type(section.key).item_type(item.type).describe(item.fields)
            parts[section.id].problems.append((problem, name))
        elif problem.part_kind == SECTION and problem.part_id in parts:
            parts[problem.part_id].problems.append((problem, ""))
        else:
            whole.problems.append((problem, ""))
    return [*parts.values(), whole]


def text_lines(document: Document, spec: DocumentSpec, parts: list[PartReport]) -> list[str]:
    needing = [part for part in parts if part.gaps or part.problems]
    gaps = sum(len(part.gaps) for part in needing)
    checks = sum(len(part.problems) for part in needing)
    lines = [f"{document.meta.title} ({spec.label})"]
    if not needing:
        return [*lines, NOTHING_NEEDED]
    counted = [_count(n, noun) for n, noun in ((gaps, "coverage gap"), (checks, "check")) if n]
    lines.append(f"{' and '.join(counted)} in {_count(len(needing), 'part')} need attention.")
    for part in needing:
        lines.extend(("", *part.lines()))
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
