"""``reformkit check FILE [--json]``: what a document still needs, part by part.

Coverage gaps (a recommendation expected but missing, or partly answered), every check of
the document's kind and the plain-English findings (reformkit.plain), grouped under the part
they belong to, each check with the briefing page it stands on. A part lists its first
``PLAIN_SHOWN`` plain-English findings and counts the rest, unless ``--all`` is given.
The exit code says whether anything needs attention (1) or not (0); a
file that cannot be read is bad input (2), as for every command.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reformkit.document.checks import Problem
    from reformkit.document.coverage import CoverageRow
    from reformkit.document.model import Document
    from reformkit.document.spec import DocumentKinds, DocumentSpec
    from reformkit.plain import Finding, Scores

WHOLE_DOCUMENT = "The whole document"
NOTHING_NEEDED = "Nothing needs attention."
PLAIN_SHOWN = 5  # plain-English findings listed per part without --all


def add_parser(commands: Any) -> None:
    check = commands.add_parser(
        "check", help="what a document still needs: coverage gaps and checks, by part"
    )
    check.add_argument("file", type=Path, help="a .reformkit document or a JSON document")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.add_argument(
        "--all",
        action="store_true",
        help=f"list every plain-English finding (otherwise {PLAIN_SHOWN} a part, then a count)",
    )
    check.set_defaults(handler=check_file, inputs={"file": "a ReformKit document or JSON document"})


@dataclass
class PartReport:
    """One part of the document, with what needs attention in it."""

    title: str
    section_id: str | None
    gaps: list[CoverageRow] = field(default_factory=list)
    problems: list[tuple[Problem, str]] = field(default_factory=list)  # with the item's name
    plain: list[tuple[Finding, str, str]] = field(default_factory=list)  # where, words found

    @property
    def needs_attention(self) -> bool:
        return bool(self.gaps or self.problems or self.plain)

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
            "plain_english": [
                {**finding.to_json(), "title": finding.title, "where": where, "text": words}
                for finding, where, words in self.plain
            ],
        }

    def lines(self, every: bool = False) -> list[str]:
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
        shown = self.plain if every else self.plain[:PLAIN_SHOWN]
        for finding, where, _ in shown:
            place = f"{where}: " if where else ""
            lines.append(f"  plain     {finding.title}. {place}{finding.message}")
            lines.append(f"            Instead: {finding.suggestion} Why: {finding.why}")
        if len(shown) < len(self.plain):
            rest = len(self.plain) - len(shown)
            lines.append(f"  … and {_count(rest, 'more plain-English finding')} (--all lists them)")
        return lines


def check_file(args: argparse.Namespace) -> int:
    from reformkit.cli.catalogue_commands import open_catalogue

    kinds: DocumentKinds = args.load_kinds()
    document, spec = read_document(Path(args.file), kinds)
    with open_catalogue(args) as catalogue:
        recommendations = catalogue.entries("recommendation")
    from reformkit.plain.dismissals import read_dismissed

    dismissed = read_dismissed(Path(args.file), kinds)  # findings a writer set aside
    parts = report(document, spec, recommendations, dismissed)
    attention = any(part.needs_attention for part in parts)
    reading = _reading(document, spec)
    if args.json:
        json.dump(
            {
                "title": document.meta.title,
                "kind": document.kind,
                "needs_attention": attention,
                "reading": {
                    "reading_ease": round(reading.reading_ease, 1),
                    "reading_age": round(reading.reading_age, 1),
                    "words": reading.words,
                    "sentences": reading.sentences,
                    "syllables": reading.syllables,
                },
                "parts": [part.to_json() for part in parts if part.needs_attention],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        print("\n".join(text_lines(document, spec, parts, reading, args.all)))
    return 1 if attention else 0


def _reading(document: Document, spec: DocumentSpec) -> Scores:
    from reformkit.plain import document_scores

    return document_scores(document, spec)


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


def report(
    document: Document,
    spec: DocumentSpec,
    recommendations: Any,
    dismissed: Mapping[tuple[str, str, str], str] | None = None,
) -> list[PartReport]:
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
    _add_plain(document, spec, parts, whole, dismissed or {})
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


def _add_plain(
    document: Document,
    spec: DocumentSpec,
    parts: dict[str, PartReport],
    whole: PartReport,
    dismissed: Mapping[tuple[str, str, str], str],
) -> None:
    """Each plain-English finding under its part, named by its item and field."""
    from reformkit.paths import AppPaths
    from reformkit.plain import INTRO, USER_FILE, check_document, contexts, load_words
    from reformkit.plain.dismissals import key_of

    words = load_words(AppPaths.default().config / USER_FILE)
    texts = {(piece.part_id, piece.field): piece for piece, _ in contexts(document, spec, words)}
    for finding in check_document(document, spec, words):
        piece = texts.get((finding.part_id, finding.field))
        if piece is not None and key_of(finding, piece.text) in dismissed:
            continue
        if piece is None:
            whole.plain.append((finding, "", ""))
            continue
        section_type = spec.section_type(piece.section.key)
        if finding.field == INTRO:
            where = "Introduction"
        else:
            item = next(i for i in piece.section.items if i.id == piece.part_id)
            item_type = section_type.item_type(item.type)
            label = item_type.field(finding.field).label
            where = f"{item_type.describe(item.fields)} › {label}"
        words_found = piece.text[finding.start : finding.end]
        parts[piece.section.id].plain.append((finding, where, words_found))


def text_lines(
    document: Document,
    spec: DocumentSpec,
    parts: list[PartReport],
    reading: Scores | None = None,
    every: bool = False,
) -> list[str]:
    needing = [part for part in parts if part.needs_attention]
    gaps = sum(len(part.gaps) for part in needing)
    checks = sum(len(part.problems) for part in needing)
    plain = sum(len(part.plain) for part in needing)
    lines = [f"{document.meta.title} ({spec.label})"]
    if reading is not None and reading.words:
        lines.append(
            f"Reading ease {reading.reading_ease:.0f} out of 100, reading age "
            f"{reading.reading_age:.0f} ({reading.words:,} words in "
            f"{_count(reading.sentences, 'sentence')})."
        )
    if not needing:
        return [*lines, NOTHING_NEEDED]
    counted = [
        _count(n, noun)
        for n, noun in ((gaps, "coverage gap"), (checks, "check"), (plain, "plain-English finding"))
        if n
    ]
    lines.append(f"{_joined(counted)} in {_count(len(needing), 'part')} need attention.")
    for part in needing:
        lines.extend(("", *part.lines(every)))
    return lines


def _joined(pieces: list[str]) -> str:
    return pieces[0] if len(pieces) == 1 else f"{', '.join(pieces[:-1])} and {pieces[-1]}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
