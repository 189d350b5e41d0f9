"""Texts made of top-level numbered units: which numbered lines open a unit, which are list items.

A manual, lineamientos or a convocatoria has no artículos; ``top_level`` finds its top-level
numerales or apartados, ``read_numeral_suffixes`` reads "7 Bis." lines as numerales there, and
``heading_like`` tells a unit's title from a sentence. Used by the statute and amendment parsers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import labels
from .line_values import Line, LineKind, make_line
from .model import Kind
from .vocabulary import LATIN

# "7 Bis. Unidad de Inteligencia …": a numeral with a suffix, in texts made of numerales only
# (read_numeral_suffixes); where artículos are, such a line is left to the prose it wraps in.
NUMERAL_BIS_RE = re.compile(
    rf"(?P<num>\d{{1,3}}\s+(?i:{LATIN}))\b\s*(?:\.\s*[-–—]?|[-–—])(?:\s+|$)(?P<rest>.*)$", re.DOTALL)


# --- texts made of top-level numbered units ---------------------------------------------------
# A manual de organización, lineamientos or a convocatoria has no artículos: its top level is a
# list of numerales ("1. Objetivo", "7 Bis. …") or of apartados ("IV. Atribuciones", "B. …").
# Which numbered lines open such a unit, and which are items of a list inside one, is decided
# here, once, for the statute parser and for amendment bodies alike.

# The family of a top-level list (the ``unit`` of its lines) -> the kind of its units.
TOP_LEVEL_KINDS = {Kind.NUMERAL: Kind.NUMERAL, Kind.FRACCION: Kind.APARTADO,
                   Kind.APARTADO: Kind.APARTADO}
_TOP_LINE_KINDS = frozenset({LineKind.NUMERAL, LineKind.FRACCION, LineKind.APARTADO})
_TOP_ENDS = frozenset({LineKind.TRANSITORIOS_HEADING, LineKind.TRANSITORIO, LineKind.APPENDIX,
                       LineKind.SIGNATURE, LineKind.ARTICLE})
_Order = tuple[int, tuple[tuple[int, int, str], ...]]
_LIST_ITEM_END = re.compile(r"\s(?:y|o|e|u)$")  # "…, y": an item of a list, not a title


@dataclass(frozen=True, slots=True)
class TopLevel:
    """The top level of a text without artículos: what its units are and which lines open them.

    ``kind`` is NUMERAL ("1.", "7 Bis.") or APARTADO ("IV." in a manual, "B."); ``opens`` holds
    the indices of the lines that open a top-level unit or, in an amendment body, stand for
    some ("3. a 6. ...", and a bare "..." before the first unit).
    """

    kind: Kind
    opens: frozenset[int]


def read_numeral_suffixes(lines: Sequence[Line]) -> tuple[Line, ...]:
    """'7 Bis. Unidad de …' as the NUMERAL it is, in a text with no artículo headings.

    Only there: in a statute, a line that starts "18 Bis." is a wrapped citation far more
    often than a numeral, so the caller decides (``has_articles``).
    """
    out = list(lines)
    for index, line in enumerate(out):
        if line.kind is LineKind.PARAGRAPH and line.text[:1].isdigit():
            found = NUMERAL_BIS_RE.match(line.text)
            if found is not None:
                out[index] = make_line(LineKind.NUMERAL, Kind.NUMERAL, found.group("num"),
                                   found.group("rest"), line.raw, line.lineno)
    return tuple(out)


def heading_like(text: str) -> bool:
    """'Objetivo', 'MARCO JURÍDICO', 'Descripción de funciones': a unit's title, not a sentence.

    >>> heading_like("Objetivo"), heading_like("Marco jurídico: la Ley General de Salud.")
    (True, False)
    """
    stripped = text.strip()
    if not stripped or len(stripped) > 100:
        return False
    if stripped.upper() == stripped:
        return True
    return not stripped.endswith((".", ";", ":", ",")) and _LIST_ITEM_END.search(stripped) is None


def top_level(lines: Sequence[Line], start: int = 0, *,
              partial: bool = False) -> TopLevel | None:
    """Which lines open the top-level units of a text with no artículos (None: it has none).

    The first numbered line from ``start`` on sets the list: Arabic numerals, Roman numerals or
    capital letters. In a whole text (``partial`` False) it must be the list's first item ("1.",
    "I.", "A."), so a stray number in a preamble opens nothing; in an amendment body, which
    restates only what changes, any number will do, and bare ellipses before it stand for units
    before it (none can stand before a "1."). After that, a line of the same family opens
    a new top-level unit when its number comes after the open unit's ("8.", "7 Bis." after
    "7."); one that does not ("1." again) is an item of a list inside the open unit. Where both
    lists could go on ("3." after "2." and after an inner "2."), the line opens a top-level
    unit only if it is the very next number and reads as a title ("3. Misión"), not a sentence.
    The list ends at transitorios, a signature or an artículo.
    """
    family: Kind | None = None
    top: _Order | None = None
    inner: _Order | None = None
    opens: set[int] = set()
    bare: list[int] = []  # bare ellipses before the first unit
    for index in range(start, len(lines)):
        line = lines[index]
        if line.kind in _TOP_ENDS:
            break
        numbered = line.unit in TOP_LEVEL_KINDS and (
            line.kind in _TOP_LINE_KINDS or partial and line.kind is LineKind.ELISION)
        if partial and family is None and line.kind is LineKind.ELISION and not line.number:
            bare.append(index)
            continue
        if not numbered or (family is not None and line.unit is not family):
            continue
        order = _order(line)
        if order is None:
            continue
        if family is None:
            if not partial and (order[0] != 1 or order[1] or line.kind is LineKind.ELISION):
                continue
            family = line.unit
            assert family is not None
            if order > (1, ()):
                opens.update(bare)  # "…" then "2. …": the ellipsis stands for unit 1
        elif top is not None and not _opens_top(line, order, top, inner):
            inner = _order(line, last=True) or order
            continue
        opens.add(index)
        top = _order(line, last=True) or order
        inner = None
    if family is None:
        return None
    return TopLevel(TOP_LEVEL_KINDS[family], frozenset(opens))


def _opens_top(line: Line, order: _Order, top: _Order, inner: _Order | None) -> bool:
    if order <= top:
        return False
    if inner is not None and _goes_on(inner, order):
        return _goes_on(top, order) and line.kind is not LineKind.ELISION and heading_like(line.text)
    return True


def _goes_on(previous: _Order, order: _Order) -> bool:
    """Is ``order`` the number after ``previous`` in one list ('8' or '7 Bis' after '7')?"""
    return order[0] == previous[0] + 1 or (order[0] == previous[0] and order > previous)


def _order(line: Line, last: bool = False) -> _Order | None:
    """(value, suffix key) of a numbered line: '7 Bis' -> (7, (bis,)), 'IV' -> (4, ()), 'B' -> (2, ())."""
    written = line.to_number if last and line.to_number else line.number
    unit = line.unit
    if not written or unit is None:
        return None
    try:
        number = labels.unit_number(unit, written)
        head, _, rest = number.partition("-")
        if unit is Kind.FRACCION:
            value = labels.roman_to_int(head)
        elif unit is Kind.APARTADO:
            value = ord(head) - ord("a") + 1 if len(head) == 1 and head.isalpha() else 0
        else:
            value = int(head) if head.isdigit() else 0
    except ValueError:
        return None
    if value <= 0:
        return None
    return value, labels.number_sort_key(f"0-{rest}")[1:] if rest else ()


__all__ = ["NUMERAL_BIS_RE", "TOP_LEVEL_KINDS", "TopLevel", "heading_like", "read_numeral_suffixes",
           "top_level"]
