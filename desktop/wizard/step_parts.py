"""Which parts of the document a builder step edits, in the document's own numbering.

The builder counts steps and the parts list counts parts, and the two differ ("Step 9" edits
"part 11"), so every step says its parts the way the parts list, the preview and the Checks
panel number them: the document's sections counted from 1. No Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from reformkit.document.guide import GuidedStep
from reformkit.document.model import Document

Part = tuple[int, str]  # (its number in the document, from 1; its title)


def part_numbers(document: Document) -> dict[str, Part]:
    """Each kind of section's first part in the document: its number and its title."""
    found: dict[str, Part] = {}
    for number, section in enumerate(document.sections, start=1):
        found.setdefault(section.key, (number, section.title))
    return found


def parts_of(step: GuidedStep, numbers: dict[str, Part]) -> list[Part]:
    """The parts ``step`` edits, in the document's order (a part not in it is left out)."""
    return sorted({numbers[key] for key in step.sections if key in numbers})


def parts_heading(parts: Sequence[Part]) -> str:
    """``Part 11: Total Place+ budget``; ``Parts 6 to 8: Prevention; Barriers; Enablers``."""
    if not parts:
        return ""
    titles = "; ".join(title for _, title in parts)
    return f"{_numbered(parts).capitalize()}: {titles}"


def parts_note(parts: Sequence[Part]) -> str:
    """``part 11``, ``parts 3 and 4``, ``parts 6 to 8``, ``parts 2, 5 and 9``; or ''."""
    return _numbered(parts) if parts else ""


def _numbered(parts: Sequence[Part]) -> str:
    numbers = sorted({number for number, _ in parts})
    if len(numbers) == 1:
        return f"part {numbers[0]}"
    if len(numbers) > 2 and numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"parts {numbers[0]} to {numbers[-1]}"
    listed = ", ".join(str(n) for n in numbers[:-1])
    return f"parts {listed} and {numbers[-1]}"
