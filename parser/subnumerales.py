"""Subnumerales: the lowercase Roman items ("i.", "ii)") inside an inciso of agency instruments.

``read_subnumeral`` re-reads one classified line as a subnumeral where the open inciso's list goes
on with it, and carries the small state (``Subnumerals``) from line to line; ``classify_lines``
(parser.lines) threads it through a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import labels
from .line_values import Line, LineKind, make_line
from .model import Kind

# --- subnumerales ------------------------------------------------------------------------------
# Agency instruments (convocatorias, lineamientos) number items inside an inciso with lowercase
# Roman numerals and a full stop: "b) … las especialidades siguientes:" / "i. Diseño;" /
# "ii. Construcción;". The DOF calls them "subnumerales" ("el subnumeral i al inciso a) del
# apartado A de la sección III"), so they are NUMERAL lines, labelled num_ plus the numeral as
# written, lowercase ("num_ii"; DESIGN §1.2 gives numerales num_N and fracciones their Roman
# number in lowercase, frac_iii, so the subnumeral keeps its own Roman one and never collides
# with an Arabic num_2). Read so only where nothing else fits: a line "i." directly inside an
# inciso (after it, its paragraphs, or its elision "a) …"), then "ii.", "iii." in order (a bare
# "…" standing for one of them counts as one). An inciso "i)" closes with a parenthesis and is
# no subnumeral; "i.e." and any other lowercase prose stay prose.
# "ii. …" and "iii) …" (an inciso's subnumerales; "i)" and "ii)" are read as incisos first, then
# renamed by _parenthesised_subnumeral: three letters are past what an inciso can be).
_SUBNUMERAL_RE = re.compile(r"(?P<num>x{0,3}(?:ix|iv|v?i{0,3}))[.)](?:\s+|$)(?P<rest>.*)$", re.DOTALL)
# For joining wrapped lines: a subnumeral of three or more letters in parentheses ("iii) Los …").
LONG_SUBNUMERAL_RE = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})\)\s+[A-ZÁÉÍÓÚÑ]")


@dataclass(frozen=True, slots=True)
class Subnumerals:
    """Inside an inciso: the last subnumeral read (0: "i." may open the list) and how many bare
    ellipses followed it; outside one, ``open`` is False."""

    open: bool = False
    last: int = 0
    skipped: int = 0
    letter: str = ""  # the open inciso's letter: "i)" after "h)" is the next inciso
    colon: bool = False  # the inciso's last text ends with ":", announcing a list


NO_SUBNUMERALS = Subnumerals()
_KEEPS_SUBNUMERALS = frozenset({LineKind.PARAGRAPH, LineKind.ANNOTATION, LineKind.FURNITURE})


def read_subnumeral(line: Line, state: Subnumerals) -> tuple[Line, Subnumerals]:
    """``line`` read as a subnumeral where the open inciso's list goes on with it; the state
    after it."""
    kind = line.kind
    if kind is LineKind.INCISO and state.open and line.number[:1] in "ivx":
        made = _parenthesised_subnumeral(line, state)
        if made is not None:
            return made, Subnumerals(True, labels.roman_to_int(made.number.upper()), 0, state.letter)
    if kind is LineKind.INCISO or kind is LineKind.ELISION and line.unit is Kind.INCISO \
            and line.number and line.to_number in ("", line.number):
        return line, Subnumerals(open=True, letter=line.to_number or line.number,
                                  colon=line.raw.endswith(":"))
    if not state.open:
        return line, state
    if kind is LineKind.ELISION and line.unit is None and state.last:
        return line, Subnumerals(True, state.last, state.skipped + 1, state.letter)
    if kind is LineKind.PARAGRAPH and line.raw[:1] in "ivx":
        found = _SUBNUMERAL_RE.match(line.raw)
        if found is not None and found.group("num"):
            value = labels.roman_to_int(found.group("num").upper())
            if state.last < value <= state.last + 1 + state.skipped:
                made = make_line(LineKind.NUMERAL, Kind.NUMERAL, found.group("num"), found.group("rest"),
                             line.raw, line.lineno)
                return made, Subnumerals(True, value, 0, state.letter)
    if kind is LineKind.PARAGRAPH and state.colon != line.raw.endswith(":"):
        return line, Subnumerals(state.open, state.last, state.skipped, state.letter, not state.colon)
    if kind in _KEEPS_SUBNUMERALS:
        return line, state
    return line, NO_SUBNUMERALS


_ROMAN_ITEM_RE = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")


def _parenthesised_subnumeral(line: Line, state: Subnumerals) -> Line | None:
    """'i)', 'ii)' under an inciso (LIC art. 28: 'a) … de inversión:' / 'i) No paga …' / 'ii) …'):
    subnumerales where the inciso announces them (its text ends with a colon) and the letter is
    not the inciso list's next one ('i)' after 'h)', 'v)' after 'u)', 'x)' after 'w)'); then
    in order. An amendment body's 'a) …' / 'i) …' stays two incisos."""
    number = line.number
    if not number or _ROMAN_ITEM_RE.fullmatch(number) is None:
        return None
    value = labels.roman_to_int(number.upper())
    if not state.last < value <= state.last + 1 + state.skipped:
        return None
    if state.last == 0 and not state.colon:
        return None  # a list of subnumerales is announced: "a) Si, por un monto …:"
    if state.last == 0 and len(number) == 1 and state.letter[-1:] and \
            ord(number) == ord(state.letter[-1]) + 1:
        return None  # the next inciso of the list, not a subnumeral
    return make_line(LineKind.NUMERAL, Kind.NUMERAL, number, line.text, line.raw, line.lineno)


__all__ = ["LONG_SUBNUMERAL_RE", "NO_SUBNUMERALS", "Subnumerals", "read_subnumeral"]
