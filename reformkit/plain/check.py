"""The plain-English check of one text (as a clause is typed) and of a whole document.

:func:`check_text` runs every rule on one text; :func:`check_document` walks a document's
texts in order (each section's introduction, then each item's text fields), so an acronym
spelled out in one part is known in the next, and adds the whole document's reading score.
Which parts citizens read (where the briefing's jargon is reported) is the kind's to say,
in ``DocumentSpec.citizen_parts``.
"""

from __future__ import annotations

from dataclasses import dataclass

from reformkit.document.fields import LONG_TEXT, TEXT, TEXT_LIST
from reformkit.document.model import Document, Section
from reformkit.document.spec import DocumentSpec, DocumentSpecError
from reformkit.plain import rules
from reformkit.plain.finding import Finding
from reformkit.plain.rules import TextContext
from reformkit.plain.text import Scores, scores
from reformkit.plain.wordlists import PlainWords

INTRO = "intro"  # the field name of a section's introduction


@dataclass(frozen=True)
class Piece:
    """One text of a document the check reads, and where it is."""

    section: Section
    part_id: str  # the item's id, or the section's for its introduction
    field: str
    text: str
    prose: bool  # running text (an introduction, a long-text field), given a reading score


def check_text(text: str, context: TextContext) -> list[Finding]:
    """Every finding in one text, in text order."""
    found, _ = _check(text, context)
    return found


def _check(text: str, context: TextContext) -> tuple[list[Finding], frozenset[str]]:
    found = rules.reading(text, context) if context.prose else []
    found += rules.long_sentences(text, context)
    found += rules.passives(text, context)
    found += rules.terms(text, context)
    acronyms, known = rules.acronyms(text, context)
    found += acronyms
    found.sort(key=lambda f: (f.start, f.end))
    return found, known


def pieces(document: Document, spec: DocumentSpec) -> list[Piece]:
    """Every text the check reads, in document order; a list field's entries one a line.

    An attached kind's parts (a workshop's record in a charter) hold what people said in
    their own words, which are quoted as they are: they are not checked. Neither is a field
    marked ``quoted`` anywhere else (what was said, in a workshop record of its own).
    """
    found = []
    for section in document.sections:
        if spec.attached_kind(section.key) is not None:
            continue
        if section.intro.strip():
            found.append(Piece(section, section.id, INTRO, section.intro, True))
        try:
            section_type = spec.section_type(section.key)
        except DocumentSpecError:
            continue
        for item in section.items:
            try:
                item_type = section_type.item_type(item.type)
            except DocumentSpecError:
                continue
            for field in item_type.fields:
                if field.quoted:
                    continue  # somebody's own words, quoted as they said them
                value = item.fields.get(field.name)
                if field.type == TEXT_LIST and isinstance(value, list):
                    value = "\n".join(str(entry) for entry in value)
                if field.type not in (TEXT, LONG_TEXT, TEXT_LIST) or not isinstance(value, str):
                    continue
                if value.strip():
                    prose = field.type == LONG_TEXT
                    found.append(Piece(section, item.id, field.name, value, prose))
    return found


def contexts(
    document: Document, spec: DocumentSpec, words: PlainWords
) -> list[tuple[Piece, TextContext]]:
    """Each text with the context it is checked in: whether citizens read its part, and
    the acronyms spelled out (or already reported) in the texts before it."""
    citizen = frozenset(spec.citizen_parts)
    known: frozenset[str] = frozenset()
    found = []
    for piece in pieces(document, spec):
        context = TextContext(
            words,
            citizens_read=piece.section.key in citizen,
            known=known,
            part_id=piece.part_id,
            field=piece.field,
            prose=piece.prose,
        )
        found.append((piece, context))
        known = rules.acronyms(piece.text, context)[1]
    return found


def context_for(
    document: Document, spec: DocumentSpec, words: PlainWords, part_id: str, field: str
) -> TextContext:
    """The context for checking one part's field as it is typed (the editor's question).

    A part not yet in the document gets the context of the end of the document.
    """
    known: frozenset[str] = frozenset()
    for piece, context in contexts(document, spec, words):
        if piece.part_id == part_id and piece.field == field:
            return context
        known = context.known
    citizen = False
    for section in document.sections:
        if section.id == part_id or any(item.id == part_id for item in section.items):
            citizen = section.key in spec.citizen_parts
    return TextContext(words, citizen, known, part_id, field, field in (INTRO, "text"))


def check_document(document: Document, spec: DocumentSpec, words: PlainWords) -> list[Finding]:
    """Every finding in the document, part by part, then its overall reading score."""
    found: list[Finding] = []
    for piece, context in contexts(document, spec, words):
        found += check_text(piece.text, context)
    whole = rules.hard_document(document_scores(document, spec), document.meta.id)
    return found if whole is None else [*found, whole]


def document_scores(document: Document, spec: DocumentSpec) -> Scores:
    """The reading counts of the document's running text (introductions and long texts)."""
    total = Scores(0, 0, 0)
    for piece in pieces(document, spec):
        if piece.prose:
            total = total + scores(piece.text)
    return total


def section_scores(document: Document, spec: DocumentSpec) -> dict[str, Scores]:
    """The reading counts of each section's running text, by section id."""
    totals = {section.id: Scores(0, 0, 0) for section in document.sections}
    for piece in pieces(document, spec):
        if piece.prose:
            totals[piece.section.id] = totals[piece.section.id] + scores(piece.text)
    return totals
