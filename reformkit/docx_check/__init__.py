"""Checking any Word file for the accessibility faults a public-sector document must not have.

The exports are tested with this checker, and ``reformkit check-docx`` runs it on any .docx a
user or a partner wrote. It reads the package with zipfile and ElementTree (no Word, no
python-docx), within the size limits the template reader uses. Each :class:`Problem` says
where the fault is (a paragraph number and the start of its text, a table, a style) and how
to fix it in Word. The rules are listed in :mod:`reformkit.docx_check.rules`.
"""

from __future__ import annotations

from reformkit.docx_check.problem import DocxReadError, Problem
from reformkit.docx_check.rules import check_docx, inspect_docx

__all__ = ["DocxReadError", "Problem", "check_docx", "inspect_docx"]
