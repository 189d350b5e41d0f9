"""The values stage one makes: ``LineKind``, the frozen ``Line``, and how a unit's line is made.

``fast_line`` builds a ``Line`` without the frozen dataclass's per-field ``__setattr__`` (the
classifier makes them by the ten thousand); ``make_line`` builds the line that opens a unit from
its marker's number and the text after it (ellipsis and "Se deroga." placeholders read),
``clean_number`` tidies a number as written. Used by parser.lines and its helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from enum import StrEnum

from .model import Annotation, Kind
from .vocabulary import is_derogation, is_ellipsis


class LineKind(StrEnum):
    """What one logical line of a statute or amendment body is."""

    HEADING = "heading"                    # libro / título / capítulo / sección + number
    ARTICLE = "article"                    # "Artículo 57 Bis.- text"
    FRACCION = "fraccion"                  # "III.- text"
    INCISO = "inciso"                      # "a) text"
    NUMERAL = "numeral"                    # "1.- text"
    APARTADO = "apartado"                  # "Apartado A. ..." or "A. ..."
    TRANSITORIOS_HEADING = "transitorios_heading"  # "TRANSITORIOS", "ARTÍCULOS TRANSITORIOS"
    TRANSITORIO = "transitorio"            # "PRIMERO.- text" after a transitorios heading
    ELISION = "elision"                    # "...", "I. a III. ...", "a) a d) …": units left as they were
    ANNOTATION = "annotation"              # Cámara history or editorial note
    PARAGRAPH = "paragraph"                # prose
    TABLE = "table"                        # one row of a table: "| cell | cell |"
    APPENDIX = "appendix"                  # "ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA"
    SIGNATURE = "signature"                # "Dado en la Residencia ...", "México, D.F., a ..."
    FURNITURE = "furniture"                # running headers, page numbers


# Kinds whose line opens a unit with a number.
UNIT_KINDS = frozenset({LineKind.ARTICLE, LineKind.FRACCION, LineKind.INCISO, LineKind.NUMERAL,
                        LineKind.APARTADO, LineKind.TRANSITORIO})


@dataclass(frozen=True, slots=True)
class Line:
    """One classified logical line.

    ``number`` is the unit's number as written ("57 Bis", "XXIX-A", "a", "Primero"); for an
    ELISION it is the first unit of the range and ``to_number`` the last (both "" for a bare
    ellipsis); ``unit`` is the kind of provision the line opens or the range covers.
    ``text`` is what follows the marker; ``elided`` says that text is only an ellipsis, and
    ``derogated`` that it is a placeholder like "Se deroga.". ``raw`` is the whole line.
    """

    kind: LineKind
    text: str = ""
    number: str = ""
    unit: Kind | None = None
    to_number: str = ""
    elided: bool = False
    derogated: bool = False
    annotations: tuple[Annotation, ...] = ()
    raw: str = ""
    lineno: int = 0


# A text makes Lines by the ten thousand, and a frozen dataclass's __init__ sets every field
# through object.__setattr__, which costs more than classifying a prose line. ``fast_line`` sets the
# slots directly (Line has no __post_init__) and makes an equal Line in ~40 % of the time; the
# unpacking fails at import if Line's fields ever change.
_new = object.__new__
(_set_kind, _set_text, _set_number, _set_unit, _set_to_number, _set_elided, _set_derogated,
 _set_annotations, _set_raw, _set_lineno) = (getattr(Line, f.name).__set__ for f in fields(Line))


def fast_line(kind: LineKind, text: str, number: str, unit: Kind | None, elided: bool, derogated: bool,
          raw: str, lineno: int) -> Line:
    """``Line(kind, text, number, unit, elided=elided, derogated=derogated, raw=raw, lineno=lineno)``."""
    line: Line = _new(Line)
    _set_kind(line, kind)
    _set_text(line, text)
    _set_number(line, number)
    _set_unit(line, unit)
    _set_to_number(line, "")
    _set_elided(line, elided)
    _set_derogated(line, derogated)
    _set_annotations(line, ())
    _set_raw(line, raw)
    _set_lineno(line, lineno)
    return line


_DOT_DASH = re.compile(r"\.-")
_SPACED_DASH = re.compile(r"\s*-\s*")


def clean_number(number: str) -> str:
    """A unit number as written, without trailing punctuation or doubled spaces."""
    if number.isalnum():
        return number  # "III", "57", "a": nothing to clean
    cleaned = " ".join(number.replace("–", "-").split()).strip(" .:-)")
    return _SPACED_DASH.sub("-", _DOT_DASH.sub("-", cleaned))


def make_line(kind: LineKind, unit: Kind, number: str, rest: str, raw: str, lineno: int) -> Line:
    text = rest.strip()
    head = text[:1]
    elided = head in ".…[(" and is_ellipsis(text)
    derogated = head in "(SsDd" and len(text) < 40 and is_derogation(text)
    return fast_line(kind, "" if elided else text, clean_number(number), unit, elided, derogated, raw, lineno)


__all__ = ["UNIT_KINDS", "Line", "LineKind", "clean_number", "fast_line", "make_line"]
