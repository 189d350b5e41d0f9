"""'recorriéndose en su orden los subsecuentes' spelled out against a base text.

An addition that shifts (``Directive.shifts``) pushes the base's units of its kind, from its
own number on, down by as many units as are added there: "se adiciona una fracción III,
recorriéndose en su orden las subsecuentes" to a base with fracciones I-V renumbers III, IV
and V to IV, V and VI. The clause names no moved unit, so only the base can say which move;
each move becomes an explicit ``RENUMERA`` directive, and the change list records the moved
units as renumbered, never as modified.

Párrafos have no number of their own (the statute counts them), so their shift is left to the
positional alignment of ``diffing.apply``; a clause that spells its moves out ("para pasar a
ser IV a VI") is taken at its word and nothing is added for that parent and kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from . import labels
from .directives import Directive
from .labels import Label
from .model import Document, Kind, Provision, Verb
from .vocabulary import LETTERS, PLAIN_LETTERS

_SHIFTABLE = frozenset({Kind.FRACCION, Kind.INCISO, Kind.NUMERAL, Kind.APARTADO})
_Slot = tuple[str, Kind]          # (parent label, kind of the units that move)


def with_shifts(directives: Sequence[Directive], base: Document) -> list[Directive]:
    """``directives`` plus the renumberings their shifting additions imply in ``base``."""
    added: dict[_Slot, list[Directive]] = {}
    for directive in directives:
        if directive.verb is Verb.ADICIONA and directive.shifts and directive.target and \
                directive.target[-1][0] in _SHIFTABLE:
            added.setdefault(_slot(directive), []).append(directive)
    explicit = {_slot(d) for d in directives if d.verb is Verb.RENUMERA and d.target}
    index = base.index()
    out = list(directives)
    for slot, additions in added.items():
        parent = index.get(slot[0]) if slot[0] else None
        if slot in explicit or parent is None:
            continue
        out.extend(_moves(parent, slot[1], additions))
    return out


def _slot(directive: Directive) -> _Slot:
    return labels.parent(directive.label), directive.target[-1][0]


def _moves(parent: Provision, kind: Kind, additions: Iterable[Directive]) -> list[Directive]:
    """Each base unit of ``kind`` at or after the first added number, one place per addition."""
    letters = _alphabet(parent, kind)
    values = [_value(kind, d.target[-1][1], letters) for d in additions]
    if not values or any(v is None for v in values):
        return []                       # "III Bis" added: no unit has to move for it
    first, count = min(v for v in values if v is not None), len(values)
    source = next(iter(additions)).source
    moves = []
    for child in parent.children:
        if child.kind is not kind:
            continue
        target = Label.parse(child.label).parts
        head, dash, qualifier = target[-1][1].partition("-")
        value = _value(kind, head, letters)
        if value is None or value < first:
            continue
        number = _number(kind, value + count, letters)
        if number is None:
            continue                    # past 'z': no letter to move to
        new = (*target[:-1], (kind, number + dash + qualifier))
        moves.append(Directive(Verb.RENUMERA, target, source, new=new, actual=True))
    return moves


def _alphabet(parent: Provision, kind: Kind) -> tuple[str, ...]:
    """The letters ``parent`` letters its units of ``kind`` with: Ñ counts where one is Ñ (LFT
    353-N, 353-Ñ, 353-O), not where the list goes from N to O (LFT 291-N, 291-O)."""
    lettered_nn = any(Label.parse(child.label).number.partition("-")[0] == "nn"
                      for child in parent.children if child.kind is kind)
    return LETTERS if lettered_nn else PLAIN_LETTERS


def _value(kind: Kind, number: str, letters: tuple[str, ...]) -> int | None:
    if kind is Kind.FRACCION or (kind is Kind.APARTADO and re.fullmatch(r"[ivxlc]{2,}", number)):
        try:
            return labels.roman_to_int(number)
        except ValueError:
            return None
    if kind in (Kind.INCISO, Kind.APARTADO) and number in letters:
        return letters.index(number) + 1
    return int(number) if number.isdigit() else None


def _number(kind: Kind, value: int, letters: tuple[str, ...]) -> str | None:
    if kind is Kind.FRACCION:
        return labels.int_to_roman(value).lower()
    if kind in (Kind.INCISO, Kind.APARTADO):
        return letters[value - 1] if value <= len(letters) else None
    return str(value)


__all__ = ["with_shifts"]
