"""Dates written and read in British English, whatever the machine's locale says.

``strftime("%B")`` and ``strptime("%b")`` follow ``LC_TIME``, and a ``QApplication`` sets the
locale from the desktop, so the same export could say "März" in the app and "March" on the
command line. Month names come from this fixed table instead, in both directions.
"""

from __future__ import annotations

import re
from datetime import date

from reformkit.errors import ReformKitError

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT_MONTHS = tuple(name[:3] for name in MONTHS)

# Every spelling of a month a reader accepts, lower-cased: "march", "mar", and "sept".
_MONTH_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(MONTHS, start=1)},
    **{name.lower(): number for number, name in enumerate(SHORT_MONTHS, start=1)},
    "sept": 9,
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_WORDS = re.compile(r"(\d{1,2}) ([a-z]+)\.? (\d{4})")


class DateError(ReformKitError, ValueError):
    """Text that is not a date in any of the forms ReformKit reads."""


def long_date(value: date | str) -> str:
    """``2027-03-31`` or ``date(2027, 3, 31)`` becomes ``31 March 2027``.

    Text that does not start with an ISO date is returned as it is, so a stored value that
    was never a date still shows.
    """
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def parse_date(text: str) -> date:
    """Read a date as people in the UK write it.

    Accepts 2027-03-31, 31/03/2027, 31-03-2027, 31.03.2027, 31 March 2027 and 31 Mar 2027,
    in any case and with any spacing. Raises DateError for anything else, including a day
    that does not exist such as 31/02/2027.
    """
    cleaned = " ".join(text.split()).lower()
    if match := _ISO.fullmatch(cleaned):
        year, month, day = (int(part) for part in match.groups())
    elif match := _NUMERIC.fullmatch(cleaned):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    elif (match := _WORDS.fullmatch(cleaned)) and match[2] in _MONTH_NUMBERS:
        day, month, year = int(match[1]), _MONTH_NUMBERS[match[2]], int(match[3])
    else:
        raise DateError(f"'{text}' is not a date.")
    try:
        return date(year, month, day)
    except ValueError as error:
        raise DateError(f"'{text}' is not a date: {error}.") from error
