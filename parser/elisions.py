"""Reading an elision line: the units a line says are unchanged ("I. a III. ...", "…").

An elision is a marker, or a range of two, followed by an ellipsis; a range whose ellipsis was
lost in printing ("IV. a IX.") counts too, where no unit's text could be only another marker.
"""

from __future__ import annotations

import re

from .line_values import clean_number
from .markers import _ART_KW, _ART_NUM, _FRAC_NUM, _RANGE_WORD
from .model import Kind
from .vocabulary import ELLIPSIS_RUN, ORDINAL, is_ellipsis, is_roman


def _marker(kind: str) -> str:
    """Pattern of one unit marker (with its punctuation) for elision ranges."""
    return {
        "frac": rf"(?P<{{g}}>{_FRAC_NUM})\s*(?:\.\s*[-–]?|[-–)])",
        "inc": r"(?P<{g}>[a-zñ]{{1,2}})\s*\)",
        "num": r"(?P<{g}>\d{{1,3}})\s*(?:\.\s*[-–]?|\))",
        "apt": r"(?P<{g}>[A-H])\s*\.\s*[-–]?",
        "art": rf"{_ART_KW}[Ss]?\s+(?P<{{g}}>{_ART_NUM})\s*(?:\.\s*[-–]?|[-–:])?",
        "ord": rf"(?P<{{g}}>(?=[A-ZÁÉÍÓÚ])(?i:{ORDINAL}))\s*(?:\.\s*[-–]?|[-–:])?",
    }[kind]


def _range_re(kind: str, unit: Kind) -> tuple[re.Pattern[str], Kind]:
    first = _marker(kind).replace("{g}", "a").replace("{{", "{").replace("}}", "}")
    second = _marker(kind).replace("{g}", "b").replace("{{", "{").replace("}}", "}")
    if kind == "art":
        second = second.replace(rf"{_ART_KW}[Ss]?\s+", rf"(?:{_ART_KW}[Ss]?\s+)?")
    pattern = rf"(?:{ELLIPSIS_RUN}\s*)?{first}(?:\s*{_RANGE_WORD}\s+{second})?\s*{ELLIPSIS_RUN}\s*$"
    return re.compile(pattern), unit


_ELISION_RANGES = tuple(_range_re(k, u) for k, u in (
    ("art", Kind.ARTICULO), ("frac", Kind.FRACCION), ("inc", Kind.INCISO), ("num", Kind.NUMERAL),
    ("apt", Kind.APARTADO),
))
_ORD_RANGE = _range_re("ord", Kind.TRANSITORIO)


def _bare_range_re(kind: str, unit: Kind) -> tuple[re.Pattern[str], Kind]:
    """'IV. a IX.' with its ellipsis lost in printing: no unit's text is only another marker."""
    first = _marker(kind).replace("{g}", "a").replace("{{", "{").replace("}}", "}")
    second = _marker(kind).replace("{g}", "b").replace("{{", "{").replace("}}", "}")
    return re.compile(rf"{first}\s*{_RANGE_WORD}\s+{second}\s*$"), unit


_BARE_RANGES = tuple(_bare_range_re(k, u) for k, u in (
    ("frac", Kind.FRACCION), ("inc", Kind.INCISO), ("num", Kind.NUMERAL)))
_ART_RANGE_WORDS = re.compile(
    rf"{_ART_KW}S?\s+(?P<a>(?i:{ORDINAL}))\s+{_RANGE_WORD}\s+(?P<b>(?i:{ORDINAL}))\s*(?:\.\s*[-–]?|[-–:])?\s*"
    rf"(?:{ELLIPSIS_RUN}\s*)?$")


def _elision(line: str) -> tuple[Kind | None, str, str] | None:
    """(unit kind, from, to) if the line only says 'these units are unchanged'."""
    first = line[:1]
    if first in ".…[(" and is_ellipsis(line):
        return None, "", ""
    if not ("..." in line or "…" in line or ". ." in line):
        return _bare_range(line)
    if first == "A":
        words = _ART_RANGE_WORDS.match(line)
        if words:
            return Kind.ARTICULO, clean_number(words.group("a")), clean_number(words.group("b"))
    for pattern, unit in (*_ELISION_RANGES, _ORD_RANGE):
        found = pattern.match(line)
        if found and unit in (Kind.ARTICULO, Kind.TRANSITORIO) and not found.group("b"):
            continue  # "Artículo 2. ..." restates the article: an ARTICLE whose text is elided
        if found:
            low = clean_number(found.group("a"))
            high = clean_number(found.group("b") or low)
            if unit is Kind.FRACCION and not is_roman(low.split()[0].split("-")[0]):
                continue
            return unit, low, high
    return None


def _bare_range(line: str) -> tuple[Kind | None, str, str] | None:
    if len(line) > 24 or " " not in line:
        return None
    for pattern, unit in _BARE_RANGES:
        found = pattern.match(line)
        if found:
            low, high = clean_number(found.group("a")), clean_number(found.group("b"))
            if unit is Kind.FRACCION and not (is_roman(low.split()[0].split("-")[0])
                                              and is_roman(high.split()[0].split("-")[0])):
                return None
            return unit, low, high
    return None
