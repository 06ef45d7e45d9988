"""Words, sentences and syllables of English text, and the reading scores made from them.

Syllables come from pyphen's bundled en_GB hyphenation dictionary (hyphenation points + 1),
never from data downloaded at run time. The dictionary marks only where a line may break, so
it misses syllables near a word's ends (com-mu-nity) and splits no short word: a word counts
the larger of its points + 1 and its vowel groups (less a silent final e or -ed), which
matched 49 of 55 common words counted by hand against 44 for the points alone. Capitals are
read letter by letter (NHS, ICB) and numbers one syllable a digit, at most four.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen  # type: ignore[import-untyped]

WORD = re.compile(r"[A-Za-z0-9£$€%]+(?:['’\-][A-Za-z0-9]+)*")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n+")
_VOWELS = re.compile(r"[aeiouy]+")
_DIGITS = re.compile(r"\d")
_CLITIC = re.compile(r"['’](s|d|ll|re|ve|m)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    """pyphen's en_GB dictionary, read on first use (about 0.1 s): importing the check, as
    the document window does while it opens, does not wait for it."""
    return pyphen.Pyphen(lang="en_GB")


@dataclass(frozen=True)
class Span:
    """A stretch of text: ``text[start:end]``."""

    start: int
    end: int


def words(text: str) -> list[re.Match[str]]:
    """Every word, with where it is; hyphenated words and ``it's`` are one word each."""
    return [m for m in WORD.finditer(text) if any(c.isalnum() for c in m.group())]


def sentences(text: str) -> list[Span]:
    """Each sentence that holds a word: split after . ! ? (then a space) and at line ends.

    A line without a full stop (a title, a list entry) is a sentence of its own. A full stop
    after a one-letter capital or a common abbreviation (``e.g.``, ``p.13``) ends nothing.
    """
    spans: list[Span] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if end.group().startswith(".") and _abbreviation_before(text, end.start()):
            continue
        if WORD.search(text, start, end.start()):
            spans.append(Span(start, end.end()))
        start = end.end()
    if WORD.search(text, start):
        spans.append(Span(start, len(text)))
    return [_trimmed(text, span) for span in spans]


_ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "etc", "p", "pp", "eg", "ie", "mr", "mrs", "ms", "dr", "no"}
)


def _abbreviation_before(text: str, dot: int) -> bool:
    before = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 6) : dot])
    if before is None:
        return False
    token = before.group(1).lower().lstrip(".")
    return token in _ABBREVIATIONS or (len(token) == 1 and text[dot - 1].isupper())


def _trimmed(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word, at least 1."""
    if _DIGITS.search(word) and not any(c.isalpha() for c in word):
        return min(4, max(1, len(_DIGITS.findall(word))))
    word = _CLITIC.sub("", word)  # citizens' → citizens, we'll → we
    parts = [p for p in re.split(r"[-'’]", word) if p]
    if len(parts) > 1:
        return sum(syllables(part) for part in parts)
    bare = parts[0] if parts else word
    letters = "".join(c for c in bare if c.isalpha())
    if not letters:
        return 1
    if len(letters) >= 2 and letters.isupper() and not _VOWELS.search(letters.lower()[1:-1]):
        return len(letters)  # read letter by letter: NHS, ICB, GP
    if len(letters) >= 2 and letters.isupper() and len(letters) <= 3:
        return len(letters)  # short capitals are spelt out too: CEO, SEN
    points = len(_hyphenator().positions(letters.lower()))
    return max(points + 1, _vowel_groups(letters.lower()))


def _vowel_groups(word: str) -> int:
    """The fallback: groups of vowels, less a silent final e (but not -le) or -ed."""
    count = len(_VOWELS.findall(word))
    silent_e = word.endswith("e") and not word.endswith(("le", "ee", "ye"))
    silent_ed = word.endswith("ed") and not word.endswith(("ted", "ded"))
    if (silent_e or silent_ed) and count > 1:
        count -= 1
    elif word.endswith("es") and not word.endswith(("ses", "zes", "ces", "ges", "xes")):
        count -= 1 if count > 1 else 0
    return max(1, count)


@dataclass(frozen=True)
class Scores:
    """The counts behind a reading score, and the scores themselves.

    Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word
    (higher is easier; 60–70 is plain English). Flesch–Kincaid grade: 0.39 × words per
    sentence + 11.8 × syllables per word − 15.59, a US school grade; the reading age is the
    grade + 5 (grade 4 is read at about 9, GOV.UK's aim for the public).
    """

    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def reading_ease(self) -> float:
        if not self.words:
            return 100.0
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables_per_word

    @property
    def grade(self) -> float:
        if not self.words:
            return 0.0
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59

    @property
    def reading_age(self) -> float:
        """The age of a reader who can read it: the grade + 5, never below 5."""
        return max(5.0, self.grade + 5)

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.words + other.words,
            self.sentences + other.sentences,
            self.syllables + other.syllables,
        )


def scores(text: str) -> Scores:
    """The counts and reading scores of a text."""
    found = words(text)
    return Scores(
        len(found),
        len(sentences(text)) if found else 0,
        sum(syllables(m.group()) for m in found),
    )
