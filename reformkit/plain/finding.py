"""One plain-English finding: what is wrong, why it matters, what to write instead, and where."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The rules, by the names findings carry (and a dismissal or a JSON report refers to).
HARD_TO_READ = "hard-to-read"  # a clause or a whole document with a low reading ease
LONG_SENTENCE = "long-sentence"  # over MAX_SENTENCE_WORDS words
PASSIVE = "passive-voice"  # a passive that does not say who acts
WORD_TO_AVOID = "word-to-avoid"  # GOV.UK's words to avoid
ACRONYM = "acronym"  # not spelled out at first use
JARGON = "jargon"  # the briefing's own terms, in a part that citizens read
RULES = (HARD_TO_READ, LONG_SENTENCE, PASSIVE, WORD_TO_AVOID, ACRONYM, JARGON)

# What each rule is called in lists and panels.
RULE_TITLES = {
    HARD_TO_READ: "Hard to read",
    LONG_SENTENCE: "Long sentence",
    PASSIVE: "Passive voice",
    WORD_TO_AVOID: "Word to avoid",
    ACRONYM: "Acronym not spelled out",
    JARGON: "Jargon",
}


@dataclass(frozen=True)
class Finding:
    """A stretch of text to write more plainly.

    ``start`` and ``end`` index the text that was checked (``text[start:end]`` is the words
    found); for a list field the text is its entries joined by new lines. ``part_id`` is the
    item's id, the section's id (for its introduction, ``field == "intro"``) or the
    document's id (for the whole document's reading score, ``field == ""``).
    """

    rule: str
    message: str  # what is wrong
    why: str  # why it matters to a reader
    suggestion: str  # what to write instead
    start: int
    end: int
    part_id: str = ""
    field: str = ""

    @property
    def title(self) -> str:
        return RULE_TITLES.get(self.rule, self.rule)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "message": self.message,
            "why": self.why,
            "suggestion": self.suggestion,
            "start": self.start,
            "end": self.end,
            "part_id": self.part_id,
            "field": self.field,
        }
