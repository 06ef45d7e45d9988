"""The accessibility checker the exports are tested with: :mod:`reformkit.docx_check`.

It moved there so that ``reformkit check-docx`` can check any Word file with the same rules;
this name stays for the export's own read-back check and its tests.
"""

from __future__ import annotations

from reformkit.docx_check import Problem, check_docx
from reformkit.docx_check.structure import MEANINGLESS_LINKS

__all__ = ["MEANINGLESS_LINKS", "Problem", "check_docx"]
