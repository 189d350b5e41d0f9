"""Dates, periods and entry-into-force rules written as Mexican lawyers read them.

"15 de mayo de 2024"; a period of validity "del 6 de octubre de 2023 al 15 de mayo de 2024",
both days included (the store keeps the end exclusive: the first day the next version holds);
"al día siguiente de su publicación". Month names come from ``parser.dates``; the words of an
entry-into-force rule mirror the transitorio forms ``parser.entry_rules`` reads.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from .dates import long_date, month_name
from .vocabulary import int_to_cardinal

if TYPE_CHECKING:
    from .entry_rules import EntryIntoForce


def period(start: date, end: date | None, *, today: str = "a la fecha") -> str:
    """A period of validity, inclusive; ``end`` is exclusive, as the store keeps it (None: open).

    >>> period(date(2023, 10, 6), date(2024, 5, 16))
    'del 6 de octubre de 2023 al 15 de mayo de 2024'
    >>> period(date(2024, 5, 16), None), period(date(2024, 5, 16), date(2024, 5, 17))
    ('desde el 16 de mayo de 2024 (a la fecha)', 'solo el 16 de mayo de 2024')
    """
    if end is None:
        return f"desde el {long_date(start)} ({today})"
    last = end - timedelta(days=1)
    return f"solo el {long_date(start)}" if last <= start else span(start, last)


def span(first: date, last: date) -> str:
    """Two days, both included: 'del 13 al 17 de mayo de 2024' reads shorter, but lawyers write
    both dates whole, so the range is never ambiguous across months or years.

    >>> span(date(2024, 5, 13), date(2024, 5, 17))
    'del 13 de mayo de 2024 al 17 de mayo de 2024'
    >>> span(date(2024, 5, 13), date(2024, 5, 13))
    'el 13 de mayo de 2024'
    """
    if first == last:
        return f"el {long_date(first)}"
    return f"del {long_date(first)} al {long_date(last)}"


def _count(value: int | None, one: str, many: str) -> str:
    """'a los treinta días', 'al mes': how a transitorio counts a period."""
    number = value or 0
    if number == 1:
        return f"al {one}"
    return f"a los {int_to_cardinal(number) if number <= 30 else number} {many}"


def _following(count: int | None) -> str:
    return "siguiente" if count == 1 else "siguientes"


def entry_words(rule: EntryIntoForce) -> str:
    """When the rule says the text takes effect, in the words of a transitorio.

    >>> from parser.entry_rules import EntryIntoForce, RuleKind
    >>> entry_words(EntryIntoForce(RuleKind.DAY_AFTER_PUBLICATION))
    'al día siguiente de su publicación'
    >>> entry_words(EntryIntoForce(RuleKind.FIXED_DATE, on=date(2025, 1, 1)))
    'el 1 de enero de 2025'
    >>> entry_words(EntryIntoForce(RuleKind.BUSINESS_DAYS_AFTER_PUBLICATION, days=30))
    'a los treinta días hábiles siguientes a su publicación'
    """
    from .entry_rules import RuleKind  # here: the rules' grammar costs ~80 ms to compile at import

    kind = rule.kind
    fixed = {
        RuleKind.DAY_AFTER_PUBLICATION: "al día siguiente de su publicación",
        RuleKind.BUSINESS_DAY_AFTER_PUBLICATION: "al día hábil siguiente de su publicación",
        RuleKind.PUBLICATION_DAY: "el día de su publicación",
        RuleKind.DECLARATORIA: "en la fecha que fije una declaratoria",
        RuleKind.CONDITION: "cuando ocurra el hecho que señalan sus transitorios",
        RuleKind.ELSEWHERE: "en la fecha que fija otra disposición",
        RuleKind.DEFAULT_CCF_3: ("tres días después de su publicación (artículo 3o. del Código Civil "
                                 "Federal: sus transitorios no fijan fecha)"),
        RuleKind.UNRECOGNIZED: "en una fecha que no se pudo leer de sus transitorios",
    }
    if kind in fixed:
        return fixed[kind]
    if kind in (RuleKind.FIXED_DATE, RuleKind.FISCAL_YEAR) and rule.on is not None:
        return f"el {long_date(rule.on)}"
    if kind is RuleKind.DATE_IN_YEAR_OF_PUBLICATION and rule.month_day is not None:
        month, day = rule.month_day
        after = rule.years_after
        year = ("del año de su publicación" if not after else "del año siguiente a su publicación"
                if after == 1 else f"del año {after} posterior a su publicación")
        return f"el {day} de {month_name(month)} {year}"
    if kind is RuleKind.DAYS_AFTER_PUBLICATION:
        days = _count(rule.days, "día natural", "días naturales")
        return f"{days} {_following(rule.days)} a su publicación"
    if kind is RuleKind.BUSINESS_DAYS_AFTER_PUBLICATION:
        days = _count(rule.days, "día hábil", "días hábiles")
        return f"{days} {_following(rule.days)} a su publicación"
    if kind is RuleKind.MONTHS_AFTER_PUBLICATION:
        return f"{_count(rule.months, 'mes', 'meses')} de su publicación"
    if kind is RuleKind.DAYS_AFTER_ENTRY_INTO_FORCE:
        return f"{_count(rule.days, 'día', 'días')} de la entrada en vigor del decreto"
    if kind is RuleKind.MONTHS_AFTER_ENTRY_INTO_FORCE:
        return f"{_count(rule.months, 'mes', 'meses')} de la entrada en vigor del decreto"
    return fixed[RuleKind.UNRECOGNIZED]


__all__ = ["entry_words", "long_date", "period", "span"]
