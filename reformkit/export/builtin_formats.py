"""The formats ReformKit ships with: Word, Markdown, a web page and PDF, one registration each.

Each writer and check is wrapped so that its module (and python-docx) is imported only when
a file is written or read back; registering costs nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reformkit.export.formats import ExportFormat, register, write_text

if TYPE_CHECKING:
    from reformkit.export.progress import Progress
    from reformkit.layout.blocks import LaidOut


def _write_docx(
    laid: LaidOut, target: Path, template: Path | None, progress: Progress
) -> Sequence[str]:
    from reformkit.export.docx_writer import write_docx

    return write_docx(laid, target, template=template, progress=progress)


def _write_markdown(
    laid: LaidOut, target: Path, template: Path | None, progress: Progress
) -> Sequence[str]:
    from reformkit.export.markdown_writer import write_markdown

    write_text(target, write_markdown(laid, progress=progress))
    return ()


def _write_html(
    laid: LaidOut, target: Path, template: Path | None, progress: Progress
) -> Sequence[str]:
    from reformkit.export.html_writer import write_html

    write_text(target, write_html(laid, progress=progress))
    return ()


def _write_pdf(
    laid: LaidOut, target: Path, template: Path | None, progress: Progress
) -> Sequence[str]:
    from reformkit.export.pdf_writer import write_pdf

    return write_pdf(laid, target, template=template, progress=progress)


def _pdf_unavailable() -> str:
    from reformkit.export.pdf_writer import unavailable

    return unavailable()


def _check_docx(path: Path, headings: Sequence[str]) -> Sequence[str]:
    from reformkit.export.read_back import check_docx_file

    return check_docx_file(path, headings)


def _check_markdown(path: Path, headings: Sequence[str]) -> Sequence[str]:
    from reformkit.export.read_back import check_markdown_file

    return check_markdown_file(path, headings)


def _check_html(path: Path, headings: Sequence[str]) -> Sequence[str]:
    from reformkit.export.read_back import check_html_file

    return check_html_file(path, headings)


BUILT_IN = (
    ExportFormat(
        "docx",
        "Word document",
        ".docx",
        _write_docx,
        takes_template=True,
        check=_check_docx,
    ),
    ExportFormat(
        "md",
        "Markdown",
        ".md",
        _write_markdown,
        other_suffixes=(".markdown",),
        check=_check_markdown,
    ),
    ExportFormat(
        "html",
        "Web page",
        ".html",
        _write_html,
        other_suffixes=(".htm",),
        check=_check_html,
    ),
    ExportFormat(
        "pdf",
        "PDF",
        ".pdf",
        _write_pdf,
        takes_template=True,
        unavailable=_pdf_unavailable,
    ),
)


def register_all() -> None:
    for fmt in BUILT_IN:
        register(fmt)
