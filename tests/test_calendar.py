"""The federal calendar of días hábiles (LFT art. 74), year by year, and its arithmetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parser.calendar import add_business_days, add_months, is_business_day, rest_days


@pytest.mark.parametrize(("year", "expected"), [
    # before the reform of DOF 17-01-2006: fixed days; 1 December, the 2000 handover
    (2000, ["01-01", "02-05", "03-21", "05-01", "09-16", "11-20", "12-01", "12-25"]),
    (2005, ["01-01", "02-05", "03-21", "05-01", "09-16", "11-20", "12-25"]),
    # Mondays since 2006; 2018 was a handover year (1 December)
    (2018, ["01-01", "02-05", "03-19", "05-01", "09-16", "11-19", "12-01", "12-25"]),
    (2023, ["01-01", "02-06", "03-20", "05-01", "09-16", "11-20", "12-25"]),
    # 2024: the handover moved to 1 October
    (2024, ["01-01", "02-05", "03-18", "05-01", "09-16", "10-01", "11-18", "12-25"]),
    (2025, ["01-01", "02-03", "03-17", "05-01", "09-16", "11-17", "12-25"]),
    (2026, ["01-01", "02-02", "03-16", "05-01", "09-16", "11-16", "12-25"]),
    (2030, ["01-01", "02-04", "03-18", "05-01", "09-16", "10-01", "11-18", "12-25"]),
])
def test_rest_days_per_year(year: int, expected: list[str]) -> None:
    assert sorted(d.strftime("%m-%d") for d in rest_days(year)) == expected


@pytest.mark.parametrize(("start", "count", "expected"), [
    (date(2024, 12, 31), 1, date(2025, 1, 2)),     # 1 January
    (date(2025, 1, 31), 1, date(2025, 2, 4)),      # weekend, then Monday 3 February
    (date(2025, 3, 14), 1, date(2025, 3, 18)),     # Friday; Monday 17 March is a rest day
    (date(2024, 9, 30), 1, date(2024, 10, 2)),     # 1 October 2024, the handover
    (date(2025, 12, 19), 5, date(2025, 12, 29)),   # 22-24, 26 (25 is a rest day), 29
    (date(2025, 12, 9), 10, date(2025, 12, 23)),
    (date(2025, 6, 7), 0, date(2025, 6, 7)),       # a Saturday stays itself with no count
])
def test_add_business_days(start: date, count: int, expected: date) -> None:
    assert add_business_days(start, count) == expected


def test_negative_count_is_refused() -> None:
    with pytest.raises(ValueError):
        add_business_days(date(2025, 1, 1), -1)


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2024, 8, 31), 6, date(2025, 2, 28)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2025, 1, 15), 18, date(2026, 7, 15)),
    (date(2025, 11, 30), 3, date(2026, 2, 28)),
])
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


_DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@given(_DAYS)
def test_zero_business_days_is_identity(day: date) -> None:
    assert add_business_days(day, 0) == day


@given(_DAYS, st.integers(min_value=1, max_value=400))
def test_business_days_never_land_on_a_weekend_or_rest_day(day: date, count: int) -> None:
    landed = add_business_days(day, count)
    assert landed.weekday() < 5
    assert landed not in rest_days(landed.year)
    assert is_business_day(landed)


@given(_DAYS, st.integers(min_value=0, max_value=200))
def test_business_days_counted_between_are_the_count(day: date, count: int) -> None:
    landed = add_business_days(day, count)
    between = sum(is_business_day(day + timedelta(days=i)) for i in range(1, (landed - day).days + 1))
    assert between == count


@given(_DAYS, st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200))
def test_business_days_compose(day: date, first: int, second: int) -> None:
    assert add_business_days(add_business_days(day, first), second) == \
        add_business_days(day, first + second)


@given(st.integers(min_value=1900, max_value=2100))
def test_every_year_has_its_fixed_rest_days(year: int) -> None:
    days = rest_days(year)
    assert {date(year, 1, 1), date(year, 5, 1), date(year, 9, 16), date(year, 12, 25)} <= days
    assert len(days) in (7, 8)
