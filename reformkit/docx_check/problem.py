"""What one accessibility fault in a Word file is: its rule, where it is, and the fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reformkit.errors import ReformKitError


class DocxReadError(ReformKitError):
    """The file is not a Word document that can be checked (not a zip, damaged, too big)."""


@dataclass(frozen=True)
class Problem:
    """One fault. ``where`` is a place a person can find in Word: "paragraph 12 'Rights of
    staff'", "table 3", "style 'Small'"; ``fix`` is the steps in Word that remove it."""

    rule: str
    where: str
    message: str
    fix: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "where": self.where, "message": self.message, "fix": self.fix}


def quote(text: str, limit: int = 50) -> str:
    """The start of ``text`` on one line, for saying where a fault is."""
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def paragraph_place(number: int, text: str) -> str:
    shown = quote(text)
    return f"paragraph {number}" + (f" '{shown}'" if shown else " (empty)")
