"""Showing stored values to people: money with commas, dates in words, yes for a flag."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from reformkit.document.fields import DATE, FLAG, MONEY, TEXT_LIST, Field


def money(value: str | Decimal) -> str:
    amount = Decimal(value)
    text = f"£{amount:,.2f}"
    return text[:-3] if text.endswith(".00") else text


def long_date(value: str) -> str:
    """``2027-03-31`` becomes ``31 March 2027``; text that is not a date is kept as it is."""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.day} {day:%B %Y}"


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
