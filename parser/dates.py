"""Spanish dates and counts as the DOF prints them.

"1o. de enero de 2025", "1.° de enero de 2023", "1 de enero de 2025", "primero de enero del año
dos mil veinticinco", "treinta y uno de diciembre de dos mil veinticuatro", "el día primero de
junio del presente año", "a los veinte días del mes de marzo de dos mil veinticuatro"; and
counts in words up to 9999 ("ciento ochenta", "doscientos setenta"). Units and tens come from
``parser.vocabulary``; hundreds and thousands are here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

from .vocabulary import CARDINAL, cardinal_to_int, fold_text

MONTHS = {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
          "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
          "diciembre": 12}
_HUNDREDS = {"cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300,
             "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700,
             "ochocientos": 800, "novecientos": 900}
_HUNDREDS_RE = "|".join(sorted((w[:-2] + "(?:os|as)" if w.endswith("os") else w
                                for w in _HUNDREDS), key=len, reverse=True))
# A count in words (folded text): "dos mil veinticinco", "ciento ochenta", "treinta y uno".
_TENS_UNITS = rf"{CARDINAL}(?:\s+y\s+{CARDINAL})?"
_BELOW_THOUSAND = rf"(?:(?:{_HUNDREDS_RE})(?:\s+{_TENS_UNITS})?|{_TENS_UNITS})"
NUMBER_WORDS = rf"(?:(?:{_BELOW_THOUSAND}\s+)?mil(?:\s+{_BELOW_THOUSAND})?|{_BELOW_THOUSAND})"
# A count as printed: digits, or words.
COUNT = rf"(?:\d{{1,4}}|{NUMBER_WORDS})"
_MONTH_RE = "|".join(MONTHS)
_DAY = rf"(?:\d{{1,2}}\s*(?:o\.?|\.?\s*[°º]\.?)?|primero|{NUMBER_WORDS})"
_YEAR = (rf"(?:\d{{4}}|(?P<rel>presente|siguiente|posterior|proximo|dicho|mismo)\s+ano"
         rf"(?:\s+(?:a|de)\s+(?:su|la)\s+publicacion)?|ano\s+(?P<relafter>siguiente|posterior)"
         rf"(?:\s+(?:a|de|al\s+de)\s+(?:su|la)\s+publicacion)?|(?>{NUMBER_WORDS})(?!\s+[oy]\s))")
# A date in folded text (see ``fold_text``); groups day, month, year.
# ("a los veinte días del mes de marzo de dos mil veinticuatro", "a 1 del mes de marzo de …":
# the signing day as agencies write it)
DATE = (rf"(?:d[ií]a\s+)?(?P<day>{_DAY})\s+(?:dias\s+)?(?:del\s+mes\s+)?de\s+(?P<month>{_MONTH_RE})\s+"
        rf"(?:de|del)\s+(?:ano\s+)?(?P<year>{_YEAR})\b")


@cache
def _date_re() -> re.Pattern[str]:
    """``DATE`` compiled on first use: ~50 ms that a command printing dates never needs."""
    return re.compile(DATE)


class YearOf(StrEnum):
    """Whose year a date without digits for it means."""

    WRITTEN = "written"            # "de 2025", "de dos mil veinticinco"
    PUBLICATION = "publication"    # "del presente año"
    NEXT = "next"                  # "del año siguiente / posterior a su publicación"
    CONTEXT = "context"            # "de dicho año", "del mismo año": the year named before


_YEAR_WORDS = {"presente": YearOf.PUBLICATION, "siguiente": YearOf.NEXT,
               "posterior": YearOf.NEXT, "proximo": YearOf.NEXT, "dicho": YearOf.CONTEXT,
               "mismo": YearOf.CONTEXT}


def words_to_int(words: str) -> int:
    """A count in Spanish words, 0..9999.

    >>> words_to_int("dos mil veinticinco"), words_to_int("ciento ochenta")
    (2025, 180)
    >>> words_to_int("mil novecientos ochenta"), words_to_int("trescientos sesenta y cinco")
    (1980, 365)
    """
    folded = " ".join(fold_text(words).split())
    thousands, has_mil, rest = folded.rpartition("mil") if re.search(r"\bmil\b", folded) \
        else ("", "", folded)
    total = (_below_thousand(thousands) or 1) * 1000 if has_mil else 0
    return total + _below_thousand(rest)


def _below_thousand(words: str) -> int:
    words = words.strip()
    if not words:
        return 0
    head, _, tail = words.partition(" ")
    hundreds = _HUNDREDS.get(head, _HUNDREDS.get(head[:-2] + "os", 0) if head.endswith("as") else 0)
    if hundreds:
        return hundreds + (cardinal_to_int(tail) if tail else 0)
    return cardinal_to_int(words)


def count_value(text: str) -> int:
    """A count as printed: '180' or 'ciento ochenta'."""
    text = text.strip()
    return int(text) if text.isdigit() else words_to_int(text)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date written in a text: where (folded offsets), its day and month, and its year —
    written (``year``) or relative (``year_of``) to the publication or a year named before."""

    start: int
    end: int
    month: int
    day: int
    year: int | None
    year_of: YearOf = YearOf.WRITTEN

    def on(self, published: date | None = None, context_year: int | None = None) -> date | None:
        """The day it names, where the year is known."""
        year = {YearOf.WRITTEN: self.year, YearOf.CONTEXT: context_year,
                YearOf.PUBLICATION: published.year if published else None,
                YearOf.NEXT: published.year + 1 if published else None}[self.year_of]
        try:
            return date(year, self.month, self.day) if year is not None else None
        except ValueError:
            return None


def find_date(text: str) -> FoundDate | None:
    """The first valid date written in ``text``, in any DOF form.

    >>> find_date("el 1o. de enero de 2025").on()
    datetime.date(2025, 1, 1)
    >>> find_date("treinta y uno de diciembre de dos mil veinticuatro").on()
    datetime.date(2024, 12, 31)
    >>> find_date("el primero de enero del año posterior a su publicación").year_of
    <YearOf.NEXT: 'next'>
    """
    folded = fold_text(text)
    for match in _date_re().finditer(folded):
        found = _found(match)
        if found is not None:
            return found
    return None


def _found(match: re.Match[str]) -> FoundDate | None:
    raw_day = re.sub(r"[^\w\s]|(?<=\d)o", "", match.group("day")).strip()
    relative = match.group("rel") or match.group("relafter")
    try:
        day = 1 if raw_day == "primero" else count_value(raw_day)
        year = None if relative else count_value(match.group("year"))
        found = FoundDate(match.start(), match.end(), MONTHS[match.group("month")], day, year,
                          _YEAR_WORDS[relative] if relative else YearOf.WRITTEN)
        date(2000, found.month, found.day)  # a day no month has: "30 de febrero"
    except ValueError:
        return None
    return found


def parse_date(text: str) -> date | None:
    """The date ``text`` names with its year written, or None."""
    found = find_date(text)
    return found.on() if found else None


_MONTH_NAMES = tuple(name for name in MONTHS if name != "setiembre")


def month_name(month: int) -> str:
    """'mayo' for 5 ("septiembre", never "setiembre")."""
    return _MONTH_NAMES[month - 1]


def long_date(day: date) -> str:
    """A date as lawyers write it in running text.

    >>> long_date(date(2024, 5, 16)), long_date(date(2025, 1, 1))
    ('16 de mayo de 2024', '1 de enero de 2025')
    """
    return f"{day.day} de {_MONTH_NAMES[day.month - 1]} de {day.year}"


__all__ = ["COUNT", "DATE", "MONTHS", "NUMBER_WORDS", "FoundDate", "YearOf", "count_value", "find_date",
           "long_date", "month_name", "parse_date", "words_to_int"]
