"""The Plain English panel's findings, grouped by part: worked out without Qt, so the whole
document can be checked on a worker thread and one part on the UI thread alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec
from reformkit.plain import INTRO, Finding, Piece, PlainWords, check_text, contexts
from reformkit.plain.check import document_scores, pieces
from reformkit.plain.dismissals import Key, key_of
from reformkit.plain.rules import hard_document


@dataclass(frozen=True)
class Found:
    """One finding with where it is and the words it found."""

    finding: Finding
    kind: str  # "section", "item" or "document"
    where: str  # the field's name as the form shows it
    words: str


@dataclass
class PartFindings:
    part_id: str
    kind: str
    title: str
    found: list[Found] = field(default_factory=list)


def plain_findings(
    document: Document, spec: DocumentSpec, words: PlainWords, dismissed: dict[Key, str]
) -> list[PartFindings]:
    """Every finding not dismissed, grouped by part in document order (Qt-free)."""
    parts: dict[str, PartFindings] = {}
    for piece, context in contexts(document, spec, words):
        _add(parts, spec, piece, check_text(piece.text, context), dismissed)
    whole = hard_document(document_scores(document, spec), document.meta.id)
    if whole is not None and (whole.part_id, whole.rule, "") not in dismissed:
        group = PartFindings(document.meta.id, "document", "The whole document")
        group.found.append(Found(whole, "document", "", ""))
        parts[document.meta.id] = group
    return list(parts.values())


def part_findings(
    document: Document,
    spec: DocumentSpec,
    part_id: str,
    check: Callable[[str, str, str], list[Finding]],
) -> PartFindings | None:
    """The findings in one part's texts, ``check(text, part_id, field)`` giving those not
    dismissed; None when it has none (or is gone)."""
    parts: dict[str, PartFindings] = {}
    for piece in _pieces_of(document, spec, part_id):
        _add(parts, spec, piece, check(piece.text, part_id, piece.field), {})
    return parts.get(part_id)


def _pieces_of(document: Document, spec: DocumentSpec, part_id: str) -> list[Piece]:
    section = next((s for s in document.sections if s.id == part_id), None)
    if section is None:
        try:  # an item: found through the document's index, not by walking every part
            section = document.find_item(part_id)[0]
        except KeyError:
            return []
    alone = replace(document, sections=[section])  # its pieces, not the whole plan's
    return [p for p in pieces(alone, spec) if p.part_id == part_id]


def _add(
    parts: dict[str, PartFindings],
    spec: DocumentSpec,
    piece: Piece,
    findings: list[Finding],
    dismissed: dict[Key, str],
) -> None:
    section_type = spec.section_type(piece.section.key)
    if piece.field == INTRO:
        kind, title, where = "section", piece.section.title, "Introduction"
    else:
        item = next(i for i in piece.section.items if i.id == piece.part_id)
        item_type = section_type.item_type(item.type)
        kind, title = "item", f"{piece.section.title} › {item_type.describe(item.fields)}"
        where = item_type.field(piece.field).label
    for finding in findings:
        if key_of(finding, piece.text) in dismissed:
            continue
        group = parts.setdefault(piece.part_id, PartFindings(piece.part_id, kind, title))
        group.found.append(
            Found(finding, kind, where, piece.text[finding.start : finding.end].strip())
        )


def part_order(document: Document) -> dict[str, int]:
    order: dict[str, int] = {}
    for section in document.sections:
        order[section.id] = len(order)
        for item in section.items:
            order[item.id] = len(order)
    order[document.meta.id] = len(order)  # the whole document's score comes last
    return order
