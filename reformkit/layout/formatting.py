"""Showing stored values to people: money with commas, dates in words, yes for a flag."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reformkit.dates import long_date
from reformkit.document.fields import DATE, FLAG, MONEY, TEXT_LIST, Field

__all__ = ["long_date", "money", "show"]


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
        return "; ".join(str(v) for v in value)
    return str(value)
