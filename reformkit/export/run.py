"""Exporting a document: lay it out once, then hand it to the writer for the chosen format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reformkit.catalogue.entry import Entry
from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec
from reformkit.export.progress import Progress, no_progress
from reformkit.export.safe_write import ExportError, replacing
from reformkit.layout.engine import lay_out

FORMATS = {"docx": "Word document", "md": "Markdown", "html": "Web page (HTML)"}


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
) -> ExportResult:
    """Write ``document`` to ``target`` as ``fmt`` (docx, md or html)."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError(f"ReformKit cannot export '{fmt}'. Choose one of: {', '.join(FORMATS)}.")
    if template is not None and fmt != "docx":
        raise ExportError("A house template only applies to Word (docx) exports.")
    laid = lay_out(document, spec, recommendations, credit)
    if fmt == "docx":
        from reformkit.export.docx_writer import write_docx

        warnings = write_docx(laid, Path(target), template=template, progress=progress)
        return ExportResult(Path(target), tuple(warnings))
    if fmt == "md":
        from reformkit.export.markdown_writer import write_markdown

        text = write_markdown(laid, progress=progress)
    else:
        from reformkit.export.html_writer import write_html

        text = write_html(laid, progress=progress)
    with replacing(Path(target)) as temporary:
        temporary.write_text(text, encoding="utf-8", newline="\n")
    return ExportResult(Path(target))
