"""The plain-English check: reading scores, long sentences, hidden actors, words to avoid,
acronyms and jargon, for one text as it is typed or for a whole document. No Qt here.

    from reformkit.plain import PlainWords, TextContext, check_document, check_text

    words = PlainWords.bundled()            # or load_words(AppPaths.default().config / USER_FILE)
    check_text("We will leverage synergies.", TextContext(words))
    check_document(document, spec, words)   # every Finding, part by part
"""

from reformkit.plain.check import (
    INTRO,
    Piece,
    check_document,
    check_text,
    context_for,
    contexts,
    document_scores,
    section_scores,
)
from reformkit.plain.finding import RULE_TITLES, RULES, Finding
from reformkit.plain.rules import TextContext
from reformkit.plain.text import Scores, scores, syllables
from reformkit.plain.wordlists import USER_FILE, PlainWords, WordListError, load_words

__all__ = [
    "INTRO",
    "RULES",
    "RULE_TITLES",
    "USER_FILE",
    "Finding",
    "Piece",
    "PlainWords",
    "Scores",
    "TextContext",
    "WordListError",
    "check_document",
    "check_text",
    "context_for",
    "contexts",
    "document_scores",
    "load_words",
    "scores",
    "section_scores",
    "syllables",
]
