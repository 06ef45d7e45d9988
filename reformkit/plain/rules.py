"""The plain-English rules, each reading one text and saying what a reader would stumble on.

Every rule is a function of the text and a :class:`TextContext`, returning findings that
point into the text. The thresholds are GOV.UK's (25 words to a sentence) or, for the
reading score of one clause, deliberately loose: a short clause scores noisily, so only a
clause that is very hard (graduate level) is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reformkit.plain.finding import (
    ACRONYM,
    HARD_TO_READ,
    JARGON,
    LONG_SENTENCE,
    PASSIVE,
    WORD_TO_AVOID,
    Finding,
)
from reformkit.plain.text import WORD, Scores, scores, sentences, words
from reformkit.plain.wordlists import PlainWords, Term, find_terms

MAX_SENTENCE_WORDS = 25  # GOV.UK: sentences of 25 words or fewer
CLAUSE_MIN_WORDS = 20  # a reading score of fewer words says little
CLAUSE_MIN_EASE = 30.0  # below 30 is "very difficult": graduate level
DOCUMENT_MIN_EASE = 50.0  # below 50 is "difficult": a document most residents struggle with

ACRONYM_WORD = re.compile(r"(?<![\w\-])([A-Z]{2,6})(s?)(?![\w\-])")
_AGENT = re.compile(r"\bby\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.!?()\n—–]")


@dataclass(frozen=True)
class TextContext:
    """What a rule needs to know beyond the text.

    ``known`` holds the acronyms spelled out (or already reported) earlier in the document,
    so an acronym is reported at its first use only. ``prose`` is False for short fields
    (a name, a title, an owner), where sentence rules and reading scores make no sense.
    """

    words: PlainWords
    citizens_read: bool = False
    known: frozenset[str] = frozenset()
    part_id: str = ""
    field: str = ""
    prose: bool = True


def reading(text: str, context: TextContext) -> list[Finding]:
    """A clause of 20 words or more whose reading ease is below 30."""
    counted = scores(text)
    if counted.words < CLAUSE_MIN_WORDS or counted.reading_ease >= CLAUSE_MIN_EASE:
        return []
    return [_hard(counted, "This text", len(text.rstrip()), context.part_id, context.field)]


def hard_document(counted: Scores, part_id: str) -> Finding | None:
    """The whole document, when its reading ease is below 50."""
    if counted.words == 0 or counted.reading_ease >= DOCUMENT_MIN_EASE:
        return None
    return _hard(counted, "The document as a whole", 0, part_id, "")


def _hard(counted: Scores, what: str, end: int, part_id: str, field: str) -> Finding:
    return Finding(
        HARD_TO_READ,
        f"{what} is hard to read: reading ease {counted.reading_ease:.0f} out of 100, "
        f"reading age {counted.reading_age:.0f} ({counted.words} words in "
        f"{counted.sentences} sentences, {counted.syllables_per_word:.1f} syllables a word).",
        "Long sentences and long words tire readers and lose many of them; GOV.UK writes "
        "for a reading age of 9 because most adults read best at that level.",
        "Split long sentences and use shorter, everyday words: aim for a reading ease of "
        "60 or more.",
        0,
        end,
        part_id,
        field,
    )


def long_sentences(text: str, context: TextContext) -> list[Finding]:
    """Each sentence of more than 25 words."""
    found = []
    for span in sentences(text):
        count = len(words(text[span.start : span.end]))
        if count > MAX_SENTENCE_WORDS:
            found.append(
                Finding(
                    LONG_SENTENCE,
                    f"The sentence '{_opening(text[span.start : span.end])}' has {count} words.",
                    "Readers understand sentences of 25 words or fewer far better; in a long "
                    "one they lose the start before they reach the end.",
                    "Split it into two or three sentences, one idea each.",
                    span.start,
                    span.end,
                    context.part_id,
                    context.field,
                )
            )
    return found


def _opening(sentence: str, count: int = 6) -> str:
    """The first few words of a sentence, to name it."""
    found = words(sentence)
    if len(found) <= count:
        return sentence
    return sentence[: found[count - 1].end()] + "…"


def passives(text: str, context: TextContext) -> list[Finding]:
    """A form of "to be" and a past participle, with no "by …" after it in the same clause."""
    lexicon = context.words
    found = []
    tokens = words(text)
    for index, token in enumerate(tokens):
        if token.group().lower() not in lexicon.to_be:
            continue
        following = index + 1
        while following < len(tokens) and _between(tokens[following].group(), lexicon):
            following += 1
        if following >= len(tokens) or any(
            _gap(text, tokens[i - 1].end(), tokens[i].start())
            for i in range(index + 1, following + 1)
        ):
            continue
        participle = tokens[following]
        if not _participle(participle.group(), lexicon):
            continue
        clause_end = _CLAUSE_END.search(text, participle.end())
        rest = text[participle.end() : clause_end.start() if clause_end else len(text)]
        if _AGENT.search(rest):
            continue
        phrase = text[token.start() : participle.end()]
        found.append(
            Finding(
                PASSIVE,
                f"'{phrase}' does not say who does it.",
                "A passive without 'by …' hides who acts; readers need to know who will do "
                "what, and who to ask.",
                f"Name who does it: 'we will …', 'the Board …', or add 'by …' after "
                f"'{participle.group()}'.",
                token.start(),
                participle.end(),
                context.part_id,
                context.field,
            )
        )
    return found


def _between(word: str, lexicon: PlainWords) -> bool:
    lowered = word.lower()
    return lowered in lexicon.between or (lowered.endswith("ly") and len(lowered) > 4)


def _gap(text: str, start: int, end: int) -> bool:
    """Whether anything but spaces separates two words (a comma ends the phrase)."""
    return bool(text[start:end].strip())


def _participle(word: str, lexicon: PlainWords) -> bool:
    lowered = word.lower()
    if lowered in lexicon.not_participles:
        return False
    if lowered in lexicon.participles:
        return True
    return lowered.endswith("ed") and len(lowered) > 4 and lowered.isalpha()


def terms(text: str, context: TextContext) -> list[Finding]:
    """GOV.UK's words to avoid, anywhere; the briefing's jargon where citizens read."""
    found = [
        _term(text, span, term, WORD_TO_AVOID, context)
        for term, span in _uses(text, context.words.avoid)
    ]
    if context.citizens_read:
        found += [
            _term(text, span, term, JARGON, context)
            for term, span in _uses(text, context.words.jargon)
        ]
    return found


def _uses(text: str, listed: tuple[Term, ...]) -> list[tuple[Term, tuple[int, int]]]:
    return find_terms(text, listed)


def _term(text: str, span: tuple[int, int], term: Term, rule: str, context: TextContext) -> Finding:
    used = text[span[0] : span[1]]
    if rule == JARGON:
        message = f"'{used}' is the briefing's jargon; residents may not know what it means."
        why = term.why or (
            "People who read this part do not work in government; a term they have to guess "
            "at loses them."
        )
    else:
        message = f"'{used}' is one of the words to avoid in plain English."
        why = term.why or "It is vague or a metaphor: readers have to work out what it means."
    return Finding(
        rule,
        message,
        why,
        f"Write: {term.instead}.",
        span[0],
        span[1],
        context.part_id,
        context.field,
    )


def acronyms(text: str, context: TextContext) -> tuple[list[Finding], frozenset[str]]:
    """Acronyms used before they are spelled out, and every acronym now known afterwards.

    An acronym is spelled out by "Full Words (ABC)" or "ABC (full words)". Once reported or
    spelled out it is known, so each is reported once in a document.
    """
    known = set(context.known)
    found = []
    for match in ACRONYM_WORD.finditer(text):
        acronym = match.group(1)
        if acronym in known or acronym in context.words.known_acronyms:
            continue
        known.add(acronym)
        if _spelled_out(text, match):
            continue
        found.append(
            Finding(
                ACRONYM,
                f"'{acronym}' is not spelled out before it is first used.",
                "Readers who do not know an acronym cannot look it up in a printed document, "
                "and screen readers may read it as a word.",
                f"Write it in full the first time, then the acronym in brackets: '… ({acronym})'.",
                match.start(1),
                match.end(1),
                context.part_id,
                context.field,
            )
        )
    return found, frozenset(known)


def _spelled_out(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()].rstrip()
    after = text[match.end() :].lstrip()
    in_brackets = before.endswith("(") and after.startswith(")") and WORD.search(before[-80:])
    return bool(in_brackets) or bool(re.match(r"\(\s*[A-Za-z][a-z]+", after))


def spelled_out(text: str) -> frozenset[str]:
    """The acronyms a text spells out ("Integrated Care Board (ICB)")."""
    return frozenset(m.group(1) for m in ACRONYM_WORD.finditer(text) if _spelled_out(text, m))
