"""Canonical provision labels (DESIGN.md §1.2) and the numbers they are made of.

A label is lowercase ASCII, parts joined by ``__``, each part ``kind_number``:
``tit_2__cap_3__sec_10``, ``art_57-bis``, ``art_57__frac_iii``, ``art_11__frac_iii__inc_h``.
Numbers are read as Mexican statutes write them: Roman numerals, arabic with ordinal marks
("1o.", "1º"), ordinal words ("Décima Segunda", "VIGESIMOCUARTO"), cardinal words ("Trece"),
Latin qualifiers ("Bis", "Quáter", "Quintus") and hyphenated letters ("2o.-A", "XXIX-Y").
"""

from __future__ import annotations

import re
import unicodedata

from .model import Kind

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

# Latin qualifiers in their legal order; "quintus" is a real variant of "quinquies" (LFD 257 Quintus).
LATIN_RANK: dict[str, int] = {
    "bis": 2, "ter": 3, "quater": 4, "quinquies": 5, "quintus": 5, "sexies": 6, "sextus": 6,
    "septies": 7, "octies": 8, "nonies": 9, "novies": 9, "decies": 10, "undecies": 11,
    "duodecies": 12, "terdecies": 13, "quaterdecies": 14, "quindecies": 15,
}

_UNITS_ORD = {
    "primero": 1, "primer": 1, "primera": 1, "segundo": 2, "tercero": 3, "tercer": 3,
    "cuarto": 4, "quinto": 5, "sexto": 6, "septimo": 7, "setimo": 7, "octavo": 8,
    "noveno": 9, "nono": 9,
}
_TENS_ORD = {
    "decimo": 10, "vigesimo": 20, "trigesimo": 30, "cuadragesimo": 40,
    "quincuagesimo": 50, "sexagesimo": 60, "septuagesimo": 70, "octogesimo": 80,
    "nonagesimo": 90,
}
_SPECIAL_ORD = {"unico": 1, "undecimo": 11, "duodecimo": 12, "centesimo": 100}
_CARDINAL = {
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veinte": 20,
}
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_RE = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ORD_UNITS_OUT = ["", "primero", "segundo", "tercero", "cuarto", "quinto", "sexto",
                  "séptimo", "octavo", "noveno"]
_ORD_TENS_OUT = ["", "décimo", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo",
                 "sexagésimo", "septuagésimo", "octogésimo", "nonagésimo"]


def fold(text: str) -> str:
    """Lowercase ASCII with accents removed: the alphabet of labels.

    >>> fold("Quáter Ñ")
    'quater n'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def roman_to_int(numeral: str) -> int:
    """Value of a Roman numeral; ``ValueError`` if it is not one.

    >>> roman_to_int("XXIX")
    29
    """
    low = numeral.strip().lower()
    if not low or not _ROMAN_RE.match(low):
        raise ValueError(f"not a Roman numeral: {numeral!r}")
    total = 0
    for current, following in zip(low, low[1:] + " ", strict=True):
        value = _ROMAN_VALUES[current]
        total += -value if following != " " and _ROMAN_VALUES[following] > value else value
    return total


def int_to_roman(value: int) -> str:
    """Upper-case Roman numeral of 1..3999.

    >>> int_to_roman(14)
    'XIV'
    """
    if not 0 < value < 4000:
        raise ValueError(f"no Roman numeral for {value}")
    out = []
    for amount, symbol in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        count, value = divmod(value, amount)
        out.append(symbol * count)
    return "".join(out)


def _split_ordinal_words(folded: str) -> list[str]:
    """'vigesimocuarto' and 'decimo segundo' both become word lists."""
    words: list[str] = []
    for word in folded.replace("-", " ").split():
        for tens in _TENS_ORD:
            if word.startswith(tens) and word != tens and word[len(tens):] in _UNITS_ORD:
                words.extend((tens, word[len(tens):]))
                break
        else:
            words.append(word)
    return words


def ordinal_to_int(words: str) -> int:
    """Value of a Spanish ordinal in words, either gender, accents and case ignored.

    >>> ordinal_to_int("Décima Segunda"), ordinal_to_int("VIGESIMOCUARTO"), ordinal_to_int("Único")
    (12, 24, 1)
    """
    parts = _split_ordinal_words(fold(words).strip().rstrip("."))
    if not parts:
        raise ValueError(f"not an ordinal: {words!r}")
    total = 0
    for part in parts:
        stem = re.sub(r"a$", "o", part) if part not in ("nona",) else "nono"
        if stem in _SPECIAL_ORD and len(parts) == 1:
            return _SPECIAL_ORD[stem]
        if stem in _TENS_ORD:
            total += _TENS_ORD[stem]
        elif stem in _UNITS_ORD or part in _UNITS_ORD:
            total += _UNITS_ORD.get(stem, _UNITS_ORD.get(part, 0))
        else:
            raise ValueError(f"not an ordinal: {words!r}")
    return total


def int_to_ordinal(value: int, feminine: bool = False) -> str:
    """Spanish ordinal words for 1..99, as statutes write them.

    >>> int_to_ordinal(12, feminine=True)
    'décima segunda'
    """
    if not 0 < value < 100:
        raise ValueError(f"no ordinal words for {value}")
    tens, units = divmod(value, 10)
    words = [w for w in (_ORD_TENS_OUT[tens], _ORD_UNITS_OUT[units]) if w]
    if feminine:
        words = [w[:-1] + "a" for w in words]
    return " ".join(words)


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
    if raw in _CARDINAL:
        return _CARDINAL[raw]
    try:
        return roman_to_int(raw)
    except ValueError:
        return ordinal_to_int(raw)


_GLUED_LATIN_RE = re.compile(rf"(?<=\d)(?=(?:{'|'.join(sorted(LATIN_RANK, key=len, reverse=True))})\b)")


def _qualifier_parts(rest: str) -> list[str]:
    """'Bis 35-J' -> ['bis', '35', 'j'] ; '-A' -> ['a'] ; ' Quáter' -> ['quater'] ; '7bis' -> ['7', 'bis']."""
    return [p for p in re.split(r"[\s\-.,]+", _GLUED_LATIN_RE.sub(" ", fold(rest))) if p]


def article_number(number: str) -> str:
    """The number part of an article label.

    >>> [article_number(n) for n in ("1o.", "57 Bis", "84 Quáter", "2o.-A", "77 bis 35-J", "37bis")]
    ['1', '57-bis', '84-quater', '2-a', '77-bis-35-j', '37-bis']
    >>> article_number("Primero"), article_number("Único")
    ('1', '1')
    """
    text = _GLUED_LATIN_RE.sub(" ", fold(number).strip().rstrip(".-:").strip())  # "37bis"
    match = re.match(r"(\d+)\s*(?:o|a|º|°|ª)?\.?(?![a-z])(.*)$", text)
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
    if isinstance(number, int):
        value = str(number)
    elif kind is Kind.ARTICULO:
        value = article_number(number)
    elif kind is Kind.FRACCION:
        value = fraccion_number(number)
    elif kind in (Kind.INCISO, Kind.NUMERAL, Kind.APARTADO):
        value = simple_number(number)
    else:
        value = container_number(number)
    return f"{PREFIX[kind]}_{value}"


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
    """A label number as people write it: '57-bis' -> '57 Bis', 'xxix-y' -> 'XXIX-Y'."""
    pieces = number.split("-")
    if kind is Kind.FRACCION:
        head = pieces[0].upper()
    elif kind in (Kind.INCISO,):
        head = pieces[0] + ")"
    elif kind is Kind.APARTADO:
        head = pieces[0].upper()
    else:
        head = pieces[0]
    out = head
    previous_latin = False
    for piece in pieces[1:]:
        if piece in LATIN_RANK:
            out += " " + piece.capitalize().replace("Quater", "Quáter")
        else:
            out += (" " if previous_latin and piece.isdigit() else "-") + piece.upper()
        previous_latin = piece in LATIN_RANK
    return out
