"""Canonical provision labels (DESIGN.md §1.2) and the numbers they are made of.

A label is lowercase ASCII, parts joined by ``__``, each part ``kind_number``:
``tit_2__cap_3__sec_10``, ``art_57-bis``, ``art_57__frac_iii``, ``art_11__frac_iii__inc_h``.
Numbers are read as Mexican statutes write them: Roman numerals, arabic with ordinal marks
("1o.", "1º"), ordinal words ("Décima Segunda", "VIGESIMOCUARTO"), cardinal words ("Trece"),
Latin qualifiers ("Bis", "Quáter", "Quintus") and hyphenated letters ("2o.-A", "XXIX-Y").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .model import Kind
from .vocabulary import (
    LATIN_RANK,
    cardinal_to_int,
    fold_label,
    fold_text,
    int_to_ordinal,
    int_to_roman,
    is_roman,
    ordinal_to_int,
    roman_to_int,
    show_latin,
    unfold_label,
)

SEPARATOR = "__"

PREFIX: dict[Kind, str] = {
    Kind.LIBRO: "lib",
    Kind.TITULO: "tit",
    Kind.CAPITULO: "cap",
    Kind.SECCION: "sec",
    Kind.ARTICULO: "art",
    Kind.APARTADO: "apt",
    Kind.PARRAFO: "par",
    Kind.FRACCION: "frac",
    Kind.INCISO: "inc",
    Kind.NUMERAL: "num",
    Kind.TRANSITORIO: "tra",
}
KIND_OF_PREFIX: dict[str, Kind] = {prefix: kind for kind, prefix in PREFIX.items()}

# The matching fold (ñ is n); label numbers use vocabulary.fold_label (Ñ is nn).
fold = fold_text

__all__ = [
    "LATIN_RANK", "KIND_OF_PREFIX", "PREFIX", "SEPARATOR", "Label", "article_number",
    "container_number", "display_number", "fold", "fraccion_number", "int_to_ordinal",
    "int_to_roman", "is_label", "is_roman", "join", "last_part", "number_sort_key",
    "number_value", "ordinal_to_int", "parent", "part", "roman_to_int", "simple_number", "split",
    "unit_number",
]


def number_value(token: str) -> int:
    """The integer a heading or transitorio number stands for, however it is written.

    Accepts arabic ("2", "1o.", "1º"), Roman ("III"), ordinal words ("Segundo", "Décima
    Segunda") and cardinal words ("Trece").

    >>> [number_value(t) for t in ("1o.", "III", "Décimo Segundo", "trece", "ÚNICO")]
    [1, 3, 12, 13, 1]
    """
    raw = fold(token).strip().rstrip(".-: ")
    raw = re.sub(r"(?<=\d)\s*(o|a|º|°|ª)\.?$", "", raw)
    if raw.isdigit():
        return int(raw)
    for reader in (cardinal_to_int, roman_to_int):
        try:
            return reader(raw)
        except ValueError:
            pass
    return ordinal_to_int(raw)


_GLUED_LATIN_RE = re.compile(rf"(?<=\d)(?=(?:{'|'.join(sorted(LATIN_RANK, key=len, reverse=True))})\b)")


def _qualifier_parts(rest: str) -> list[str]:
    """'Bis 35-J' -> ['bis', '35', 'j'] ; '-A' -> ['a'] ; ' Quáter' -> ['quater'] ; '7bis' -> ['7', 'bis']."""
    return [p for p in re.split(r"[\s\-.,]+", _GLUED_LATIN_RE.sub(" ", fold_label(rest))) if p]


# Digits, then maybe an ordinal mark written against them ("1o.", "1º", "2a", "8°": folded, º is
# o; the degree sign stands for it in many prints): "118 A" is article 118 A, not 118 with a mark.
_ARTICLE_HEAD_RE = re.compile(r"(\d+)(?:[oa°]|\s+o(?=\.|$))?\.?(?![a-z])(.*)$")


def article_number(number: str) -> str:
    """The number part of an article label.

    >>> [article_number(n) for n in ("1o.", "57 Bis", "84 Quáter", "2o.-A", "77 bis 35-J", "37bis", "8°")]
    ['1', '57-bis', '84-quater', '2-a', '77-bis-35-j', '37-bis', '8']
    >>> article_number("Primero"), article_number("Único")
    ('1', '1')
    """
    text = _GLUED_LATIN_RE.sub(" ", fold_label(number).strip().rstrip(".-:").strip())  # "37bis"
    match = _ARTICLE_HEAD_RE.match(text)
    if match is None:
        # "Artículo Primero" in acuerdos and estatutos: an ordinal word, maybe with qualifiers.
        words = text.split()
        for cut in range(len(words), 0, -1):
            try:
                base = ordinal_to_int(" ".join(words[:cut]))
            except ValueError:
                continue
            return "-".join([str(base), *_qualifier_parts(" ".join(words[cut:]))])
        raise ValueError(f"not an article number: {number!r}")
    return "-".join([match.group(1), *_qualifier_parts(match.group(2))])


def fraccion_number(number: str) -> str:
    """The number part of a fracción label.

    >>> [fraccion_number(n) for n in ("III", "XXIX-Y", "I Bis", "XXIII Bis.")]
    ['iii', 'xxix-y', 'i-bis', 'xxiii-bis']
    """
    parts = _qualifier_parts(number)
    if not parts:
        raise ValueError(f"not a fracción number: {number!r}")
    roman_to_int(parts[0])
    return "-".join(parts)


def simple_number(number: str) -> str:
    """Number part of incisos, numerales and apartados: 'a)' -> 'a', 'c) Ter' -> 'c-ter'."""
    parts = _qualifier_parts(number.replace(")", " "))
    if not parts:
        raise ValueError(f"not a unit number: {number!r}")
    return "-".join(parts)


def part(kind: Kind, number: str | int) -> str:
    """One label part for a unit of ``kind`` numbered as written.

    >>> part(Kind.SECCION, "Décima Segunda"), part(Kind.ARTICULO, "57 Bis"), part(Kind.PARRAFO, 3)
    ('sec_12', 'art_57-bis', 'par_3')
    """
    return f"{PREFIX[kind]}_{unit_number(kind, number)}"


def unit_number(kind: Kind, number: str | int) -> str:
    """The number part of a label for a unit of ``kind`` numbered as written.

    >>> unit_number(Kind.FRACCION, "XXIX-Ñ"), unit_number(Kind.ARTICULO, "112 Séptimus")
    ('xxix-nn', '112-septimus')
    """
    if isinstance(number, int):
        return str(number)
    if kind is Kind.ARTICULO:
        return article_number(number)
    if kind is Kind.FRACCION:
        return fraccion_number(number)
    if kind in (Kind.INCISO, Kind.NUMERAL, Kind.APARTADO):
        return simple_number(number)
    return container_number(number)


def container_number(number: str) -> str:
    """Libros, títulos, capítulos, secciones, párrafos, transitorios: arabic plus qualifiers.

    >>> container_number("Tercero Bis"), container_number("I BIS"), container_number("Único")
    ('3-bis', '1-bis', '1')
    """
    words = fold(number).strip().rstrip(".-:").split()
    for cut in range(len(words), 0, -1):
        try:
            base = number_value(" ".join(words[:cut]))
        except ValueError:
            continue
        return "-".join([str(base), *_qualifier_parts(" ".join(words[cut:]))])
    raise ValueError(f"not a number: {number!r}")


def join(*parts: str) -> str:
    """Join label parts, skipping empty ones."""
    return SEPARATOR.join(p for p in parts if p)


def split(label: str) -> list[tuple[Kind, str]]:
    """A label's parts as (kind, number) pairs; ``ValueError`` if it is not a label.

    >>> split("art_57__frac_iii")
    [(<Kind.ARTICULO: 'articulo'>, '57'), (<Kind.FRACCION: 'fraccion'>, 'iii')]
    """
    out = []
    for piece in label.split(SEPARATOR):
        prefix, _, number = piece.partition("_")
        if prefix not in KIND_OF_PREFIX or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", number):
            raise ValueError(f"not a provision label: {label!r}")
        out.append((KIND_OF_PREFIX[prefix], number))
    return out


def is_label(text: str) -> bool:
    try:
        split(text)
    except ValueError:
        return False
    return True


def parent(label: str) -> str:
    """The label one level up ('' at the top)."""
    return label.rpartition(SEPARATOR)[0]


def last_part(label: str) -> str:
    return label.rpartition(SEPARATOR)[2]


def _qualifier_key(token: str) -> tuple[int, int, str]:
    if token.isdigit():
        return (2, int(token), "")
    if token in LATIN_RANK:
        return (0, LATIN_RANK[token], "")
    return (1, 0, token)


def number_sort_key(number: str) -> tuple[tuple[int, int, str], ...]:
    """Order of label numbers as statutes order them: 54, 54-bis, 54-quater, 54-quintus, 55.

    >>> sorted(["55", "54-quintus", "54-quater", "54", "54-a"], key=number_sort_key)
    ['54', '54-quater', '54-quintus', '54-a', '55']
    """
    pieces = number.split("-")
    head = pieces[0]
    if head.isdigit():
        first = (2, int(head), "")
    else:
        try:
            first = (2, roman_to_int(head), "")
        except ValueError:
            first = (1, 0, head)
    return (first, *(_qualifier_key(p) for p in pieces[1:]))


def display_number(kind: Kind, number: str) -> str:
    """A label number as people write it.

    >>> display_number(Kind.ARTICULO, "57-bis"), display_number(Kind.FRACCION, "xxix-y")
    ('57 Bis', 'XXIX-Y')
    >>> display_number(Kind.ARTICULO, "353-nn"), display_number(Kind.ARTICULO, "1390-bis-1")
    ('353-Ñ', '1390 Bis 1')
    >>> display_number(Kind.ARTICULO, "257-septimus"), display_number(Kind.INCISO, "nn")
    ('257 Séptimus', 'ñ)')
    """
    pieces = number.split("-")
    if kind in (Kind.FRACCION, Kind.APARTADO):
        head = unfold_label(pieces[0])
    elif kind is Kind.INCISO:
        head = unfold_label(pieces[0]).lower() + ")"
    else:
        head = pieces[0]
    out = head
    previous_latin = False
    for piece in pieces[1:]:
        if piece in LATIN_RANK:
            out += " " + show_latin(piece)
        else:
            out += (" " if previous_latin and piece.isdigit() else "-") + unfold_label(piece)
        previous_latin = piece in LATIN_RANK
    return out


_RANK = {kind: rank for rank, kind in enumerate(PREFIX)}


@dataclass(frozen=True, slots=True)
class Label:
    """A provision label parsed once: its parts as (kind, number) pairs, outermost first.

    >>> label = Label.parse("art_57__frac_iii")
    >>> label.kind, label.number, str(label.parent), label.last_part
    (<Kind.FRACCION: 'fraccion'>, 'iii', 'art_57', 'frac_iii')
    >>> str(label.child(Kind.INCISO, "a")), str(label.with_last(Kind.FRACCION, "iv"))
    ('art_57__frac_iii__inc_a', 'art_57__frac_iv')
    >>> label.is_under(Label.parse("art_57")), label.is_under(label), label.within(label)
    (True, False, True)

    The empty label is the document itself (the parent of a top-level unit).
    """

    parts: tuple[tuple[Kind, str], ...] = ()

    @staticmethod
    def parse(text: str) -> Label:
        """The label ``text`` spells; ``ValueError`` if a part has no known kind or no number."""
        return _parse(text)

    @property
    def kind(self) -> Kind:
        return self._last[0]

    @property
    def number(self) -> str:
        return self._last[1]

    @property
    def last(self) -> tuple[Kind, str]:
        """The innermost part as a (kind, number) pair."""
        return self._last

    @property
    def last_part(self) -> str:
        """The innermost part as written in the label: 'frac_iii'."""
        kind, number = self._last
        return f"{PREFIX[kind]}_{number}"

    @property
    def _last(self) -> tuple[Kind, str]:
        if not self.parts:
            raise ValueError("the empty label has no parts")
        return self.parts[-1]

    @property
    def parent(self) -> Label:
        return Label(self.parts[:-1])

    def child(self, kind: Kind, number: str) -> Label:
        return Label((*self.parts, (kind, number)))

    def with_last(self, kind: Kind, number: str) -> Label:
        """The same label with its innermost part replaced."""
        return Label((*self.parts[:-1], (kind, number)))

    def is_under(self, other: Label) -> bool:
        """Whether this label is strictly inside ``other``."""
        return len(self.parts) > len(other.parts) and self.parts[:len(other.parts)] == other.parts

    def within(self, other: Label) -> bool:
        """Whether this label is ``other`` or inside it."""
        return self == other or self.is_under(other)

    def sort_key(self) -> tuple[tuple[int, tuple[tuple[int, int, str], ...]], ...]:
        """Order as statutes order their units: 57 < 57 Bis < 58; frac_ix < frac_x."""
        return tuple((_RANK[kind], number_sort_key(number)) for kind, number in self.parts)

    def __bool__(self) -> bool:
        return bool(self.parts)

    def __len__(self) -> int:
        return len(self.parts)

    def __str__(self) -> str:
        return SEPARATOR.join(f"{PREFIX[kind]}_{number}" for kind, number in self.parts)


@lru_cache(maxsize=1 << 16)
def _parse(text: str) -> Label:
    if not text:
        return Label()
    parts = []
    for piece in text.split(SEPARATOR):
        prefix, _, number = piece.partition("_")
        kind = KIND_OF_PREFIX.get(prefix)
        if kind is None or not number:
            raise ValueError(f"not a provision label: {text!r}")
        parts.append((kind, number))
    return Label(tuple(parts))
