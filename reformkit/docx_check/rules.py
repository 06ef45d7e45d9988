"""Every accessibility rule run over one Word file, in the order a reader meets them.

The rules live in :mod:`reformkit.docx_check.structure` (title, language, headings,
tables, pictures, links) and :mod:`reformkit.docx_check.text_look` (font size, contrast).
"""

from __future__ import annotations

from pathlib import Path

from reformkit.docx_check.package import read_package
from reformkit.docx_check.problem import DocxReadError, Problem
from reformkit.docx_check.structure import (
    heading_levels,
    headings,
    language,
    links,
    pictures,
    tables,
    title,
)
from reformkit.docx_check.styles import StyleSheet, cells
from reformkit.docx_check.text_look import text_looks
from reformkit.input_files import InputFileError

RULES = (
    "title",
    "language",
    "headings",
    "empty-heading",
    "table-header",
    "alt-text",
    "link-text",
    "font-size",
    "contrast",
)


def inspect_docx(path: Path) -> list[Problem]:
    """Every accessibility problem in the Word file at ``path``; a file that cannot be read
    raises :class:`DocxReadError` or :class:`~reformkit.input_files.InputFileError`."""
    package = read_package(Path(path))
    placed = list(cells(package.document))
    paragraphs = [paragraph for paragraph, _ in placed]
    sheet = StyleSheet(package.styles, package.theme, package.document)
    problems = title(package.core) + language(package.styles)
    problems += headings(paragraphs, heading_levels(package.styles))
    problems += tables(package.document) + pictures(package.document) + links(paragraphs)
    problems += text_looks(sheet, placed)
    return problems


def check_docx(path: Path) -> list[Problem]:
    """Like :func:`inspect_docx`, but a file that cannot be read is one ``file`` problem."""
    try:
        return inspect_docx(path)
    except (DocxReadError, InputFileError) as error:
        return [Problem("file", str(path), str(error), "Save it again from Word as .docx.")]
