"""A provision label written as a lawyer cites it: the reverse of ``parser.citations``.

Containers are cited as federal statutes number them: "título tercero", "libro segundo" (ordinal
words), "capítulo II", "sección IV" (Roman numerals); a transitorio is "artículo segundo
transitorio"; párrafos count as decrees count them ("párrafo primero"). The label keeps only the
value of a container's number, not how the statute printed it, so a "Capítulo Primero" is shown
as "capítulo I": the same unit, in the commoner form.
"""

from __future__ import annotations

from .labels import Label, display_number
from .model import Kind
from .vocabulary import int_to_ordinal, int_to_roman

NOUN: dict[Kind, str] = {
    Kind.LIBRO: "libro", Kind.TITULO: "título", Kind.CAPITULO: "capítulo", Kind.SECCION: "sección",
    Kind.ARTICULO: "artículo", Kind.APARTADO: "apartado", Kind.PARRAFO: "párrafo",
    Kind.FRACCION: "fracción", Kind.INCISO: "inciso", Kind.NUMERAL: "numeral",
    Kind.TRANSITORIO: "transitorio",
}
PLURAL: dict[Kind, str] = {
    Kind.LIBRO: "libros", Kind.TITULO: "títulos", Kind.CAPITULO: "capítulos", Kind.SECCION: "secciones",
    Kind.ARTICULO: "artículos", Kind.APARTADO: "apartados", Kind.PARRAFO: "párrafos",
    Kind.FRACCION: "fracciones", Kind.INCISO: "incisos", Kind.NUMERAL: "numerales",
    Kind.TRANSITORIO: "transitorios",
}
_ORDINAL_KINDS = (Kind.LIBRO, Kind.TITULO, Kind.PARRAFO, Kind.TRANSITORIO)
_ROMAN_KINDS = (Kind.CAPITULO, Kind.SECCION)


def _head_and_rest(number: str) -> tuple[int | None, str]:
    """'3-bis' -> (3, ' Bis'); a number that does not start with digits -> (None, number)."""
    head, _, rest = number.partition("-")
    if not head.isdigit():
        return None, number
    shown = display_number(Kind.ARTICULO, "0-" + rest)[1:] if rest else ""
    return int(head), shown


def cite_part(kind: Kind, number: str) -> str:
    """One part of a citation: 'fracción IX', 'título tercero', 'capítulo II Bis'.

    >>> cite_part(Kind.FRACCION, "xxix-nn"), cite_part(Kind.INCISO, "h"), cite_part(Kind.TITULO, "3")
    ('fracción XXIX-Ñ', 'inciso h)', 'título tercero')
    >>> cite_part(Kind.CAPITULO, "2-bis"), cite_part(Kind.PARRAFO, "1"), cite_part(Kind.SECCION, "10")
    ('capítulo II Bis', 'párrafo primero', 'sección X')
    """
    noun = NOUN[kind]
    if kind in _ORDINAL_KINDS or kind in _ROMAN_KINDS:
        value, rest = _head_and_rest(number)
        if value is not None and 0 < value < 100:
            words = int_to_ordinal(value, feminine=kind is Kind.SECCION) if kind in _ORDINAL_KINDS \
                else int_to_roman(value)
            return f"{noun} {words}{rest}"
    return f"{noun} {display_number(kind, number)}"


def cite(label: str | Label) -> str:
    """The label as a citation, outermost unit first; a transitorio reads "artículo … transitorio".

    >>> cite("art_57__frac_ix"), cite("art_57-bis"), cite("tra_2")
    ('artículo 57, fracción IX', 'artículo 57 Bis', 'artículo segundo transitorio')
    >>> cite("tit_3__cap_2__sec_4"), cite("art_56__par_1")
    ('título tercero, capítulo II, sección IV', 'artículo 56, párrafo primero')
    >>> cite("art_11__frac_iii__inc_h"), cite("art_123__apt_b__frac_xiii")
    ('artículo 11, fracción III, inciso h)', 'artículo 123, apartado B, fracción XIII')
    >>> cite("tra_3__frac_ii"), cite("")
    ('artículo tercero transitorio, fracción II', 'el documento')
    """
    parsed = label if isinstance(label, Label) else Label.parse(label)
    if not parsed:
        return "el documento"
    pieces = []
    for kind, number in parsed.parts:
        if kind is Kind.TRANSITORIO:
            ordinal = cite_part(kind, number).removeprefix(NOUN[kind] + " ")
            pieces.append(f"artículo {ordinal} transitorio")
        else:
            pieces.append(cite_part(kind, number))
    return ", ".join(pieces)


def cite_or_label(label: str | Label) -> str:
    """``cite``, or the label as it is when it is not one (a message must not fail on it).

    >>> cite_or_label("art_57__frac_ix"), cite_or_label("foo")
    ('artículo 57, fracción IX', 'foo')
    """
    try:
        return cite(label)
    except ValueError:
        return str(label)


__all__ = ["NOUN", "PLURAL", "cite", "cite_or_label", "cite_part"]
