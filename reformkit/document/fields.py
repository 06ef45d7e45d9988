"""Typed fields for the structured parts of a document, and how each reads bad input.

A budget line's amount is money, a mission's target date is a date: each field type turns
what a person or a JSON file gives into a clean value, or says plainly what is wrong with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from reformkit.dates import DateError, parse_date
from reformkit.document.limits import MAX_INTEGER, MAX_MONEY, MAX_TEXT_CHARS, HugeNumber, shown
from reformkit.errors import ReformKitError


class FieldError(ReformKitError, ValueError):
    """One field's value cannot be used; the message says what to write instead."""


TEXT, LONG_TEXT, DATE, MONEY, INTEGER, CHOICE, FLAG, TEXT_LIST, REFERENCE = (
    "text",
    "long_text",
    "date",
    "money",
    "integer",
    "choice",
    "flag",
    "text_list",
    "reference",
)
FIELD_TYPES = (TEXT, LONG_TEXT, DATE, MONEY, INTEGER, CHOICE, FLAG, TEXT_LIST, REFERENCE)
_PENCE = Decimal("0.01")
_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d*)?")
_MONEY_TEXT = re.compile(r"^\s*£?\s*(-?[\d,]*\.?\d*)\s*$")


@dataclass(frozen=True)
class Field:
    """One field of an item: its name, label for people, type and rules."""

    name: str
    label: str
    type: str = TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""
    refers_to: str = ""  # for REFERENCE: the item type it points at
    # For CHOICE: the choices are suggestions, and the user's own words are kept as typed
    # ("Ready once the contract ends in 2027" is as good an answer as "Ready now").
    free_text: bool = False
    # What somebody said, kept in their own words (a workshop's contributions): quoted as it
    # is, so the plain-English check does not ask the writer to change it.
    quoted: bool = False

    def __post_init__(self) -> None:
        if self.type not in FIELD_TYPES:
            raise ValueError(f"unknown field type {self.type}")

    @property
    def empty(self) -> Any:
        return {TEXT_LIST: [], FLAG: False}.get(
            self.type, None if self.type in (DATE, MONEY, INTEGER) else ""
        )

    def clean(self, value: Any) -> Any:
        """Return the stored form of ``value`` or raise :class:`FieldError`.

        The stored form is also the JSON form: text, lists of text, booleans, whole numbers,
        dates as ``YYYY-MM-DD`` and money as a string of pounds such as ``"1250.50"``.
        """
        if value is None or value == "" or value == []:
            if self.required:
                raise FieldError(f"{self.label} is needed.")
            return self.empty
        reader = getattr(self, f"_read_{self.type}")
        return reader(value)

    def _read_text(self, value: Any) -> str:
        if not isinstance(value, str):
            raise FieldError(f"{self.label} must be text.")
        self._check_length(value)
        return value

    def _check_length(self, value: str) -> None:
        if len(value) > MAX_TEXT_CHARS:
            raise FieldError(
                f"{self.label} is {len(value):,} characters long; ReformKit keeps up to "
                f"{MAX_TEXT_CHARS:,} in one field. Shorten it or split it into several items."
            )

    _read_long_text = _read_text
    _read_reference = _read_text

    def _read_text_list(self, value: Any) -> list[str]:
        if isinstance(value, str):
            return [line for line in value.splitlines() if line.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise FieldError(f"{self.label} must be a list of text.")
        self._check_length("\n".join(value))
        return list(value)

    def _read_flag(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in {"yes", "y", "true", "1"}:
            return True
        if isinstance(value, str) and value.strip().lower() in {"no", "n", "false", "0"}:
            return False
        raise FieldError(f"{self.label} must be yes or no.")

    def _read_choice(self, value: Any) -> str:
        if isinstance(value, str):
            for choice in self.choices:
                if choice.lower() == value.strip().lower():
                    return choice
            if self.free_text and value.strip():
                self._check_length(value)
                return value.strip()
        if self.free_text:
            example = f", such as '{self.choices[0]}'" if self.choices else ""
            raise FieldError(f"{self.label} must be text{example}.")
        raise FieldError(f"{self.label} must be one of: {', '.join(self.choices)}.")

    def _read_integer(self, value: Any) -> int:
        if isinstance(value, bool):
            raise FieldError(f"{self.label} must be a whole number.")
        if isinstance(value, HugeNumber):
            raise self._too_large(value, f"{MAX_INTEGER:,}")
        if isinstance(value, int):
            number = value
        else:
            text = str(value).replace(",", "").strip()
            if len(text.lstrip("+-")) > len(str(MAX_INTEGER)) and text.lstrip("+-").isdigit():
                raise self._too_large(value, f"{MAX_INTEGER:,}")
            try:
                number = int(text)
            except ValueError:
                raise FieldError(
                    f"{self.label} must be a whole number, not '{shown(value)}'."
                ) from None
        if number < 0:
            raise FieldError(f"{self.label} cannot be negative.")
        if number > MAX_INTEGER:
            raise self._too_large(value, f"{MAX_INTEGER:,}")
        return number

    def _too_large(self, value: object, limit: str) -> FieldError:
        return FieldError(
            f"{self.label} is too large ({shown(value)}); ReformKit keeps numbers up to "
            f"{limit} here. Check the value."
        )

    def _read_money(self, value: Any) -> str:
        """Money is kept as a string of pounds with two decimals, so no float rounding."""
        if isinstance(value, bool):
            raise FieldError(f"{self.label} must be an amount in pounds.")
        if isinstance(value, HugeNumber):
            raise self._too_large(value, f"£{MAX_MONEY:,}")
        if isinstance(value, int | float | Decimal):
            amount = Decimal(str(value))
        else:
            match = _MONEY_TEXT.match(str(value))
            if match and "," in match.group(1) and not _THOUSANDS.fullmatch(match.group(1)):
                raise FieldError(
                    f"{self.label}: write pence after a full stop, as in 1250.50; a comma only "
                    f"separates thousands, as in 1,250.50. '{shown(value)}' is not clear."
                )
            try:
                amount = Decimal(match.group(1).replace(",", "")) if match else Decimal("x")
            except InvalidOperation:
                raise FieldError(
                    f"{self.label} must be an amount in pounds, such as 125000 or £1,250.50; "
                    f"'{shown(value)}' is not."
                ) from None
        if not amount.is_finite():
            raise FieldError(f"{self.label} must be an amount in pounds, not '{shown(value)}'.")
        if amount < 0:
            raise FieldError(
                f"{self.label} cannot be negative ({shown(value)}). Enter the amount as a "
                "positive number."
            )
        if amount > MAX_MONEY:
            raise self._too_large(value, f"£{MAX_MONEY:,}")
        if amount != amount.quantize(_PENCE):
            raise FieldError(f"{self.label} has more than two decimal places ({shown(value)}).")
        return str(amount.quantize(_PENCE))

    def _read_date(self, value: Any) -> str:
        """Dates as people in the UK write them: 2027-03-31, 31/03/2027 or 31 March 2027."""
        if isinstance(value, date):
            return value.isoformat()
        try:
            return parse_date(str(value)).isoformat()
        except DateError:
            raise FieldError(
                f"{self.label}: '{shown(value)}' is not a date. Write it as day/month/year or "
                "year-month-day, for example 31/03/2027 or 2027-03-31."
            ) from None
