"""Dates in British English from a fixed table: written, read back, and never from the locale."""

from __future__ import annotations

import locale
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reformkit.dates import MONTHS, DateError, long_date, parse_date
from reformkit.document.fields import DATE, Field, FieldError
from reformkit.layout.formatting import money

# Non-English locales a machine may have; .ci/run installs locales-all so CI has all of them.
OTHER_LOCALES = ("de_DE.UTF-8", "fr_FR.UTF-8", "es_ES.UTF-8", "it_IT.UTF-8", "nl_NL.UTF-8")


def test_the_month_table_is_english_whatever_the_locale() -> None:
    assert MONTHS[0] == "January"
    assert MONTHS[8] == "September"
    assert MONTHS[11] == "December"
    assert len(MONTHS) == 12


def test_long_date_writes_the_day_without_a_leading_zero() -> None:
    assert long_date(date(2027, 3, 3)) == "3 March 2027"
    assert long_date("2027-03-31") == "31 March 2027"
    assert long_date("2026-11-30T11:00:00+00:00") == "30 November 2026"


def test_long_date_keeps_text_that_is_not_a_date() -> None:
    assert long_date("next spring") == "next spring"
    assert long_date("") == ""


@pytest.mark.parametrize(
    "text",
    [
        "2027-03-31",
        "31/03/2027",
        "31-03-2027",
        "31.03.2027",
        "31 March 2027",
        "31 Mar 2027",
        "31 MARCH 2027",
        "31 march 2027",
        "31 mar 2027",
        "  31   March\t2027 ",
    ],
)
def test_every_form_people_write_is_read(text: str) -> None:
    assert parse_date(text) == date(2027, 3, 31)


def test_single_digit_days_and_months_are_read() -> None:
    assert parse_date("3/3/2027") == date(2027, 3, 3)
    assert parse_date("2027-3-3") == date(2027, 3, 3)
    assert parse_date("3 Sept 2027") == date(2027, 9, 3)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "March",
        "31/02/2027",
        "31 Marchh 2027",
        "31 März 2027",
        "2027/03/31",
        "31-03/2027",
        "tomorrow",
    ],
)
def test_what_is_not_a_date_is_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)


@given(st.dates(min_value=date(1000, 1, 1)))
def test_a_written_date_reads_back_as_the_same_date(day: date) -> None:
    assert parse_date(long_date(day)) == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(day.strftime("%d/%m/%Y")) == day


@pytest.fixture
def other_locale() -> Iterator[str]:
    """Switch every locale category to a non-English one, as a desktop session might."""
    saved = locale.setlocale(locale.LC_ALL)
    for name in OTHER_LOCALES:
        try:
            locale.setlocale(locale.LC_ALL, name)
        except locale.Error:
            continue
        try:
            yield name
        finally:
            locale.setlocale(locale.LC_ALL, saved)
        return
    pytest.skip("No non-English locale is installed (apt-get install locales-all).")


def test_dates_and_money_ignore_the_locale(other_locale: str) -> None:
    assert date(2027, 3, 1).strftime("%B") != "March"  # the locale really is not English
    assert long_date(date(2027, 3, 1)) == "1 March 2027"
    assert parse_date("1 Mar 2027") == date(2027, 3, 1)
    assert money(Decimal("1234567.5")) == "£1,234,567.50"


def test_a_date_field_reads_english_month_names_under_another_locale(other_locale: str) -> None:
    field = Field("due", "Due", DATE)
    assert field.clean("31 March 2027") == "2027-03-31"
    with pytest.raises(FieldError, match="is not a date"):
        field.clean("31 notamonth 2027")
