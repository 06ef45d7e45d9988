"""Exporting a document: lay it out once, then hand it to the chosen format's writer.

The formats themselves are listed in :mod:`reformkit.export.formats`; nothing here names one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reformkit.catalogue.entry import Entry
from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec
from reformkit.export.formats import find_format, template_labels
from reformkit.export.progress import Progress, no_progress
from reformkit.export.safe_write import ExportError
from reformkit.layout.engine import lay_out
from reformkit.layout.tags import DEFAULT_TAGS, tag_placement
from reformkit.safe_files import check_target


@dataclass(frozen=True)
class ExportResult:
    path: Path
    warnings: tuple[str, ...] = ()


def export_document(
    document: Document,
    spec: DocumentSpec,
    recommendations: Sequence[Entry],
    credit: str,
    fmt: str,
    target: Path,
    template: Path | None = None,
    progress: Progress = no_progress,
    source: Path | None = None,
    tags: str = DEFAULT_TAGS,
    coproduction: bool = True,
) -> ExportResult:
    """Write ``document`` to ``target`` in the registered format called ``fmt``.

    ``source`` is the document's own file: the export is refused before any work if it
    would land on it (or on any ReformKit document, a folder or a device). ``tags`` says
    where the recommendations each part answers are shown (:mod:`reformkit.layout.tags`).
    ``coproduction`` keeps a workshop record held in the document as its appendix on how
    people shaped it (it changes nothing in a document without one).
    """
    check_target(Path(target), open_document=source, error=ExportError)
    chosen = find_format(fmt)
    if template is not None and not chosen.takes_template:
        raise ExportError(
            f"A house template only applies to {template_labels() or 'no'} exports, "
            f"not to {chosen.label} ({chosen.suffix})."
        )
    try:
        placement = tag_placement(tags)
    except ValueError as error:
        raise ExportError(str(error)) from None
    laid = lay_out(
        document, spec, recommendations, credit, tags=placement, coproduction=coproduction
    )
    warnings = chosen.write(laid, Path(target), template, progress)
    return ExportResult(Path(target), tuple(dict.fromkeys(warnings)))
