"""The federal calendar of días hábiles: weekends and the mandatory rest days.

Ley Federal del Trabajo art. 74: 1 January; the first Monday of February; the third Monday of
March; 1 May; 16 September; the third Monday of November; 25 December; and, every six years,
the day the Poder Ejecutivo Federal is handed over (1 October from 2024, 1 December before).
Until the reform of DOF 17-01-2006 the February, March and November days were the 5th, the
21st and the 20th. Election days (fracción IX) are local and are not counted here.
Pure functions: a transitorio's "días hábiles" are counted with them.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

_MONDAY_RULE_FROM = 2006       # LFT art. 74 reform, DOF 17-01-2006
_OCTOBER_HANDOVER_FROM = 2024  # the Ejecutivo takes office on 1 October since 2024
_SEXENIO = 6


def nth_monday(year: int, month: int, nth: int) -> date:
    """The ``nth`` Monday of a month.

    >>> nth_monday(2025, 2, 1), nth_monday(2025, 3, 3)
    (datetime.date(2025, 2, 3), datetime.date(2025, 3, 17))
    """
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (nth - 1))


@lru_cache(maxsize=256)
def rest_days(year: int) -> frozenset[date]:
    """The LFT art. 74 mandatory rest days of a year.

    >>> sorted(d.isoformat() for d in rest_days(2024))[:3]
    ['2024-01-01', '2024-02-05', '2024-03-18']
    """
    days = {date(year, 1, 1), date(year, 5, 1), date(year, 9, 16), date(year, 12, 25)}
    if year >= _MONDAY_RULE_FROM:
        days |= {nth_monday(year, 2, 1), nth_monday(year, 3, 3), nth_monday(year, 11, 3)}
    else:
        days |= {date(year, 2, 5), date(year, 3, 21), date(year, 11, 20)}
    if (year - _OCTOBER_HANDOVER_FROM) % _SEXENIO == 0:
        days.add(date(year, 10, 1) if year >= _OCTOBER_HANDOVER_FROM else date(year, 12, 1))
    return frozenset(days)


def is_business_day(day: date) -> bool:
    """A día hábil: Monday to Friday and no mandatory rest day.

    >>> is_business_day(date(2025, 1, 1)), is_business_day(date(2025, 1, 2))
    (False, True)
    """
    return day.weekday() < 5 and day not in rest_days(day.year)


def add_business_days(start: date, count: int) -> date:
    """The ``count``-th día hábil after ``start`` (``start`` itself when ``count`` is 0).

    >>> add_business_days(date(2024, 12, 31), 1)  # 1 January is a rest day
    datetime.date(2025, 1, 2)
    """
    if count < 0:
        raise ValueError(f"cannot count {count} días hábiles")
    day = start
    for _ in range(count):
        day += timedelta(days=1)
        while not is_business_day(day):
            day += timedelta(days=1)
    return day


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has none.

    >>> add_months(date(2024, 8, 31), 6)
    datetime.date(2025, 2, 28)
    """
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    for day in range(start.day, 0, -1):
        try:
            return date(year, month + 1, day)
        except ValueError:
            continue
    raise ValueError(f"no day {months} months after {start}")  # pragma: no cover


__all__ = ["add_business_days", "add_months", "is_business_day", "nth_monday", "rest_days"]
