"""How big a document ReformKit takes in, and why each limit is where it is.

Each limit is far above any real plan: the sample Local Reform Plan has 16 parts, 80 items,
no text longer than 501 characters and JSON nested 7 levels deep; a very large plan has a few
hundred parts and a few thousand items. The limits exist so that a hostile or mistaken file
(a million items, a 5,000-digit number, ``/dev/zero``) is refused at once with a sentence
instead of taking minutes and gigabytes. They are listed in ``docs/json-format.md`` and the
README.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

MEGABYTE = 1024 * 1024
MAX_JSON_BYTES = 64 * MEGABYTE  # a JSON document to import
MAX_SECTIONS = 5_000  # parts in one document
MAX_ITEMS = 100_000  # items in one document, all parts together
MAX_TEXT_CHARS = 100_000  # any one piece of text: a title, a paragraph, a cell
MAX_DEPTH = 64  # JSON nesting; the format itself needs 7
MAX_AUTHORS = 200
MAX_OBJECTS = 4 * MAX_ITEMS  # JSON objects of any kind: an item is at most three
MAX_COMMAS = 5_000_000  # an upper bound on the values in a JSON document
MAX_INTEGER = 10**12  # a whole-number field such as "How many people"
MAX_MONEY = Decimal(10**12)  # £1 trillion: more than the whole of UK public spending
MAX_NUMBER_DIGITS = 30  # a JSON number longer than this is never read as a number


@dataclass(frozen=True)
class HugeNumber:
    """A JSON number with too many digits to be meant (a 5,000-digit integer, say).

    It is kept as a marker rather than converted, so the field it lands in can say which
    field is wrong; Python would refuse to convert it anyway past 4,300 digits.
    """

    digits: str

    def __str__(self) -> str:
        return f"{self.digits[:12]}… ({len(self.digits):,} digits)"


def read_json_int(digits: str) -> int | HugeNumber:
    """``parse_int`` for :func:`json.loads`: a number, or a marker if it is absurdly long."""
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        return HugeNumber(digits)
    return int(digits)


def shown(value: object, width: int = 40) -> str:
    """``value`` as text for a message, cut short: a message never pastes a whole file."""
    text = str(value)
    return text if len(text) <= width else f"{text[:width]}… ({len(text):,} characters)"
