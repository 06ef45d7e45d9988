"""The word lists the plain-English check reads: bundled in resources/, extended by the user.

``resources/plain_english/`` holds GOV.UK's words to avoid, the briefing's jargon and the
words the rules need to read English (forms of "to be", irregular participles, acronyms
everyone knows). A user's ``plain_english.toml`` in ReformKit's config folder adds entries
under the same tables; an entry for a word already listed replaces the bundled one.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import resources
from reformkit.errors import ReformKitError

USER_FILE = "plain_english.toml"  # in AppPaths.config
_VERB_COMPANIONS = frozenset(
    "to will would can could may might must should shall not does do did we they you which "
    "that who it this these those also directly badly negatively positively won't can't "
    "cannot".split()
)


class WordListError(ReformKitError, ValueError):
    """A word list that cannot be read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Term:
    """A word or phrase to replace, with what to write instead and why."""

    word: str
    instead: str
    why: str = ""
    exceptions: tuple[str, ...] = ()
    verb_only: bool = False

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The word and its forms, at word edges, in any case."""
        body = r"\s+".join(re.escape(piece) for piece in self.word.split())
        if " " not in self.word and self.word[-1:].isalpha():
            if self.word.endswith("e"):
                body = f"{re.escape(self.word[:-1])}(?:e|es|ed|ing)"
            else:
                body = f"{re.escape(self.word)}(?:s|es|ed|ing)?"
        return re.compile(rf"(?<![\w\-]){body}(?![\w\-+])", re.IGNORECASE)

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """Where the term is used as a problem: not inside an excepted phrase, and for a
        verb-only term, in its -ed or -ing form or after a verb's companion (``will impact``)."""
        lowered = text.lower()
        for match in self.pattern.finditer(text):
            if self.counts(lowered, *match.span()):
                yield match.span()

    def counts(self, lowered: str, start: int, end: int) -> bool:
        """Whether a use found at ``lowered[start:end]`` is a problem."""
        if self.verb_only and not self._as_verb(lowered, start, end):
            return False
        return not self._excused(lowered, start, end)

    def _as_verb(self, lowered: str, start: int, end: int) -> bool:
        if lowered[start:end].endswith(("ed", "ing")):
            return True
        before = re.search(r"([a-z']+)\s+$", lowered[max(0, start - 20) : start])
        return before is not None and before.group(1) in _VERB_COMPANIONS

    def _excused(self, lowered: str, start: int, end: int) -> bool:
        for phrase in self.exceptions:
            for found in re.finditer(re.escape(phrase), lowered):
                if found.start() <= start and end <= found.end():
                    return True
        return False


@dataclass(frozen=True)
class PlainWords:
    """Everything the rules look words up in."""

    avoid: tuple[Term, ...]
    jargon: tuple[Term, ...]
    to_be: frozenset[str]
    between: frozenset[str]
    participles: frozenset[str]  # irregular past participles
    not_participles: frozenset[str]  # -ed words that are not passives
    known_acronyms: frozenset[str]
    sources: tuple[Path, ...] = field(default=())  # the files read, bundled first

    @classmethod
    def bundled(cls) -> PlainWords:
        """The lists shipped in ``resources/plain_english``."""
        return load_words(None)


def find_terms(text: str, listed: tuple[Term, ...]) -> list[tuple[Term, tuple[int, int]]]:
    """Each use of a listed term, in text order, the longest where two overlap ("total
    place+" over "total place"). A term whose first letters are nowhere in the text is
    skipped without a regex scan, which makes the check of a long document several times
    quicker."""
    lowered = text.lower()
    uses = [(term, span) for term in listed if term.word[:4] in lowered for span in term.find(text)]
    uses.sort(key=lambda use: (use[1][0], -use[1][1]))
    kept: list[tuple[Term, tuple[int, int]]] = []
    for use in uses:
        if kept and use[1][0] < kept[-1][1][1]:
            continue
        kept.append(use)
    return kept


def load_words(user_file: Path | None) -> PlainWords:
    """The bundled lists, with ``user_file`` (if it exists) merged over them."""
    folder = resources.path("plain_english")
    avoid = _terms(_read(folder / "words_to_avoid.toml"), "word", "word")
    jargon = _terms(_read(folder / "jargon.toml"), "jargon", "term")
    language = _read(folder / "language.toml")
    sources = [folder / "words_to_avoid.toml", folder / "jargon.toml", folder / "language.toml"]
    extra_acronyms: list[str] = []
    if user_file is not None and user_file.is_file():
        user = _read(user_file)
        avoid.update(_terms(user, "word", "word"))
        jargon.update(_terms(user, "jargon", "term"))
        extra_acronyms = _strings(user, "known_acronyms", user_file)
        sources.append(user_file)
    return PlainWords(
        avoid=tuple(avoid.values()),
        jargon=tuple(jargon.values()),
        to_be=frozenset(_strings(language, "to_be", folder)),
        between=frozenset(_strings(language, "between", folder)),
        participles=frozenset(_strings(language, "irregular_participles", folder)),
        not_participles=frozenset(_strings(language, "not_participles", folder)),
        known_acronyms=frozenset([*_strings(language, "known_acronyms", folder), *extra_acronyms]),
        sources=tuple(sources),
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise WordListError(f"The word list {path} cannot be read: {error.strerror}.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise WordListError(f"The word list {path} is not valid TOML: {error}.") from None


def _terms(data: Mapping[str, Any], table: str, key: str) -> dict[str, Term]:
    entries = data.get(table, [])
    if not isinstance(entries, list):
        raise WordListError(f"'{table}' in a word list must be a list of [[{table}]] entries.")
    found: dict[str, Term] = {}
    for entry in entries:
        word = entry.get(key) if isinstance(entry, dict) else None
        instead = entry.get("instead") if isinstance(entry, dict) else None
        if not isinstance(word, str) or not word.strip() or not isinstance(instead, str):
            raise WordListError(
                f"Each [[{table}]] entry needs '{key}' and 'instead' as text; one has {entry!r}."
            )
        exceptions = entry.get("except", [])
        found[word.strip().lower()] = Term(
            word.strip().lower(),
            instead.strip(),
            str(entry.get("why", "")).strip(),
            tuple(str(e).lower() for e in _iterable(exceptions)),
            bool(entry.get("verb_only", False)),
        )
    return found


def _iterable(value: Any) -> Iterable[Any]:
    return value if isinstance(value, list) else [value]


def _strings(data: Mapping[str, Any], key: str, where: Path) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise WordListError(f"'{key}' in {where} must be a list of words.")
    return list(value)
