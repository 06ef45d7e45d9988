"""Showing stored values to people: money with commas, dates in words, yes for a flag."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reformkit.dates import long_date
from reformkit.document.fields import DATE, FLAG, MONEY, TEXT_LIST, Field

__all__ = ["long_date", "money", "plural", "show"]

#: Words whose plural is not made by adding -s or -es.
_PLURALS = {"person": "people", "child": "children", "staff": "staff", "evidence": "evidence"}


def money(value: str | Decimal) -> str:
    """``£1,234.50``; whole pounds drop the pence. The format spec's ``,`` ignores the locale."""
    amount = Decimal(value)
    text = f"£{amount:,.2f}"
    return text[:-3] if text.endswith(".00") else text


def show(field: Field, value: Any) -> str:
    if value is None or value == "" or value == []:
        return ""
    if field.type == MONEY:
        return money(value)
    if field.type == DATE:
        return long_date(str(value))
    if field.type == FLAG:
        return "Yes" if value else ""
    if field.type == TEXT_LIST:
        return join_list([str(v) for v in value])
    return str(value)


def join_list(values: list[str]) -> str:
    """Items one after another: sentences as they are, phrases with semicolons
    (never ``ring-fences.; Replace``)."""
    values = [v.strip() for v in values if v.strip()]
    if all(v.endswith((".", "!", "?")) for v in values):
        return " ".join(values)
    return "; ".join(v.rstrip(".;") for v in values)


def plural(label: str) -> str:
    """``Board members``, ``Bids or investments``, ``Freedoms sought``: a label's plural,
    for a caption. The noun is the last word, or the first before a past participle."""
    words = label.split()
    if not words:
        return label
    if " or " in label:
        return " or ".join(plural(part) for part in label.split(" or "))
    noun = len(words) - 1
    if len(words) > 1 and words[-1].endswith(("ed", "ght", "en")):
        noun = 0  # "Freedom sought", "Action taken"
    words[noun] = _plural_word(words[noun])
    return " ".join(words)


def _plural_word(word: str) -> str:
    lower = word.lower()
    if lower in _PLURALS:
        made = _PLURALS[lower]
        return made.capitalize() if word[:1].isupper() else made
    if lower.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"
