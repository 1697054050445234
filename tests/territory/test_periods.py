from datetime import UTC, date, datetime

import pytest

from frontwatch.errors import InputError
from frontwatch.territory.periods import day_end_utc, local_date, month_bounds, parse_date, resolve_period


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2024-03", (date(2024, 2, 29), date(2024, 3, 31))),  # leap year
        ("2023-03", (date(2023, 2, 28), date(2023, 3, 31))),
        ("2024-01", (date(2023, 12, 31), date(2024, 1, 31))),  # previous month in the previous year
        ("2024-12", (date(2024, 11, 30), date(2024, 12, 31))),
    ],
)
def test_month_runs_from_last_day_of_previous_month(period, expected):
    assert resolve_period(period=period) == expected


def test_from_to_dates():
    assert resolve_period(start="2024-05-08", end="2024-05-15") == (date(2024, 5, 8), date(2024, 5, 15))
    assert resolve_period(start=date(2024, 5, 8), end="2024-05-08") == (date(2024, 5, 8), date(2024, 5, 8))


@pytest.mark.parametrize("bad", ["2024-13", "2024-00", "24-03", "2024/03", "March 2024", ""])
def test_bad_month_names_the_value(bad):
    with pytest.raises(InputError, match="YYYY-MM"):
        month_bounds(bad)


@pytest.mark.parametrize("bad", ["2024-02-30", "2024-5-1x", "yesterday", "15/05/2024"])
def test_bad_date_names_the_value(bad):
    with pytest.raises(InputError, match="YYYY-MM-DD") as info:
        parse_date(bad)
    assert repr(bad) in str(info.value)


def test_inverted_range_is_refused():
    with pytest.raises(InputError, match="inverted"):
        resolve_period(start="2024-05-15", end="2024-05-08")


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"start": "2024-05-01"}, {"end": "2024-05-01"}, {"period": "2024-03", "start": "2024-03-01"}],
)
def test_period_needs_exactly_one_form(kwargs):
    with pytest.raises(InputError):
        resolve_period(**kwargs)


def test_day_end_in_a_time_zone():
    assert day_end_utc(date(2024, 5, 15)) == datetime(2024, 5, 15, 23, 59, 59, tzinfo=UTC)
    # Kyiv is UTC+3 in summer (EEST), UTC+2 in winter
    assert day_end_utc(date(2024, 5, 15), "Europe/Kyiv") == datetime(2024, 5, 15, 20, 59, 59, tzinfo=UTC)
    assert day_end_utc(date(2024, 1, 15), "Europe/Kyiv") == datetime(2024, 1, 15, 21, 59, 59, tzinfo=UTC)
    assert local_date(datetime(2024, 5, 15, 22, 0, tzinfo=UTC), "Europe/Kyiv") == date(2024, 5, 16)


def test_unknown_time_zone():
    with pytest.raises(InputError, match="time zone"):
        day_end_utc(date(2024, 5, 15), "Mars/Olympus")
