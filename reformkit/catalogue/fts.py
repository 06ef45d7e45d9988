"""Turning what a person types into a safe SQLite FTS5 query.

Typed text never reaches FTS5 syntax: each word becomes a quoted term, and the last one also
matches as a prefix, so results appear while someone is still typing.
"""

import re

_WORD = re.compile(r"\w+", re.UNICODE)

MATCH_START = "\x02"
MATCH_END = "\x03"


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# Words too common to say anything about which recommendation a sentence answers.
STOP_WORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or our that the their "
    "them they this to we will with you your".split()
)


def build_query(text: str, match_any: bool = False) -> str:
    """Return an FTS5 MATCH expression for ``text``, or ``""`` when there is nothing to find.

    By default every word must match and the last may be the start of a word (typing);
    with ``match_any`` any meaningful word may match (suggesting tags for a sentence).
    """
    terms = words(text)
    if match_any:
        terms = list(dict.fromkeys(t for t in terms if t.lower() not in STOP_WORDS))
        return " OR ".join(f'"{term}"' for term in terms[:64])
    if not terms:
        return ""
    quoted = [f'"{term}"' for term in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def mark(snippet: str, start: str, end: str) -> str:
    """Replace the match markers in a snippet with ``start`` and ``end``."""
    return snippet.replace(MATCH_START, start).replace(MATCH_END, end)
