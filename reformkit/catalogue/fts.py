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


def build_query(text: str) -> str:
    """Return an FTS5 MATCH expression for ``text``, or ``""`` when there is nothing to find."""
    terms = words(text)
    if not terms:
        return ""
    quoted = [f'"{term}"' for term in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def mark(snippet: str, start: str, end: str) -> str:
    """Replace the match markers in a snippet with ``start`` and ``end``."""
    return snippet.replace(MATCH_START, start).replace(MATCH_END, end)
