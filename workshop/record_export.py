"""A workshop record exported on its own, also from the charter or plan that holds it.

:func:`record_document` lifts the record's parts out of the document (ids kept) into a
workshop Document of their own, so the ordinary exporters write it. What became of each
thing said is still looked up in the document it came from (:func:`record_spec`): the
clause "Rights of staff: Time to rest" is in the charter, not in the lifted record.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from reformkit.catalogue.entry import Entry
from reformkit.document.model import Document, Meta, Section
from reformkit.document.spec import DocumentKinds, DocumentSpec
from reformkit.export.run import ExportResult, export_document
from workshop.errors import WorkshopError
from workshop.layout import KIND, layout_section
from workshop.parts import SECTION_KEYS
from workshop.record import has_record, read_record
from workshop.record_blocks import became_in

NO_RECORD = (
    "{name} holds no workshop record. Run a workshop from it first, or open the workshop "
    "record itself."
)


def record_document(document: Document) -> Document:
    """The workshop record in ``document`` as a workshop Document of its own, ids kept.

    A workshop record is copied whole; a charter or plan gives its record's parts, titled
    from the session. Raises :class:`WorkshopError` for a document without a record.
    """
    if document.kind == KIND:
        return copy.deepcopy(document)
    if not has_record(document):
        raise WorkshopError(NO_RECORD.format(name=f"“{document.meta.title}”"))
    sections = [copy.deepcopy(s) for s in document.sections if s.key in SECTION_KEYS]
    title = read_record(document).title.strip() or f"Workshop for {document.meta.title}"
    meta = document.meta
    record_meta = Meta(
        title=title,
        organisation=meta.organisation,
        authors=list(meta.authors),
        language=meta.language,
        created=meta.created,
        modified=meta.modified,
        catalogue_version=meta.catalogue_version,
        app_version=meta.app_version,
    )
    return Document(KIND, record_meta, sections)


def record_spec(document: Document, kinds: DocumentKinds) -> DocumentSpec:
    """The workshop kind, laying a record out with what became of each thing said looked up
    in ``document`` (the charter or plan the record came from, or the record itself)."""
    became = became_in(document)

    def section_layout(record: Document, section: Section) -> Sequence[object]:
        return layout_section(record, section, became)

    return replace(kinds.get(KIND), section_layout=section_layout)


def export_record(
    document: Document,
    kinds: DocumentKinds,
    recommendations: Sequence[Entry],
    credit: str,
    fmt: str,
    target: Path,
    source: Path | None = None,
    template: Path | None = None,
) -> ExportResult:
    """Write the workshop record in ``document`` to ``target`` in the format ``fmt``."""
    record = record_document(document)
    spec = record_spec(document, kinds)
    return export_document(
        record, spec, recommendations, credit, fmt, target, template=template, source=source
    )
