"""Stage one of statute parsing: text -> classified logical lines.

Each logical line (a paragraph, or the line that opens a unit) becomes a frozen ``Line`` saying
what it is: a structural heading, an article, a fracción, an ellipsis standing for unchanged
units, a Cámara history note, plain prose, or furniture. Amendment bodies use this stage too,
so ``classify_lines`` keeps its signature and its kinds stable.

Heading detection is case-sensitive on purpose (mx-amendment-grammar.md §11.2): "Artículo 5o."
and "ARTÍCULO PRIMERO." open articles, "el artículo 3o." inside a sentence does not, and a
sentence wrapped so that a line begins "Capítulo VI del Título Cuarto" is not a chapter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from enum import StrEnum
from functools import lru_cache

from . import annotations as notes
from . import labels
from .furniture import logical_rows
from .model import Annotation, Kind
from .vocabulary import (
    CARDINAL,
    ELLIPSIS_RUN,
    LATIN,
    LATIN_PRINTED,
    ORDINAL,
    UNSPACED_ELLIPSIS,
    is_derogation,
    is_ellipsis,
    is_roman,
)


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
# through object.__setattr__, which costs more than classifying a prose line. ``_line`` sets the
# slots directly (Line has no __post_init__) and makes an equal Line in ~40 % of the time; the
# unpacking fails at import if Line's fields ever change.
_new = object.__new__
(_set_kind, _set_text, _set_number, _set_unit, _set_to_number, _set_elided, _set_derogated,
 _set_annotations, _set_raw, _set_lineno) = (getattr(Line, f.name).__set__ for f in fields(Line))


def _line(kind: LineKind, text: str, number: str, unit: Kind | None, elided: bool, derogated: bool,
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


# Latin qualifiers, ordinal and cardinal words and ellipses are parser.vocabulary's fragments.

# Arabic number with ordinal mark and qualifiers ("2o.-A", "77 bis 35-J", "15-B Bis"), or words.
_ART_NUM = (
    rf"(?:\d+(?:o(?![a-záéíóúñ])|[º°ª])?"
    rf"(?:\s*\.?\s*[-–]\s*(?:[A-ZÑ](?![a-záéíóúñA-Z])|\d+|{LATIN_PRINTED}\b)"
    rf"|\.?\s*(?i:{LATIN})\b(?:\s+\d+\b)?"
    rf"|\s+[A-ZÑ](?=\s*(?:\.|-|:|$)))*"
    rf"|(?i:{ORDINAL})(?:\s+(?i:{LATIN})\b)?)"
)
# "Disposición 5.- Niveles de decisión …": the CFE's Disposiciones Generales number their units
# as a statute numbers artículos, under the heading word of their own; read as artículos (the
# clause grammar reads "las Disposiciones 5, fracción I, …" so too, parser.clause_tokens._AGENCY).
_ART_KW = r"(?:Art[ií]culo|ART[ÍI]CULO|Art\.|ART\.|Disposici[óo]n|DISPOSICI[ÓO]N)"
_SEP = r"(?:\s*\.\s*[-–—]\s*|\s*[-–—:]\s*|\s*\.\s*|\s+(?=[\[(…]|\.\.\.)|\s*$)"

_ARTICLE_RE = re.compile(rf"{_ART_KW}\s+(?P<num>{_ART_NUM}){_SEP}(?P<rest>.*)$", re.DOTALL)
_ORDINAL_ITEM_RE = re.compile(
    rf"(?P<num>(?=[A-ZÁÉÍÓÚ])(?i:{ORDINAL}))\s*(?:\.\s*[-–—]?|[-–—:])\s*(?P<rest>.*)$", re.DOTALL)
_FRAC_NUM = rf"[IVXL]+(?:\s*-\s*[A-ZÑ](?![a-záéíóúñ])|\s+(?i:{LATIN})\b)*"
_FRACCION_RE = re.compile(
    rf"(?P<num>{_FRAC_NUM})(?:\s*\.\s*[-–—]?|\s*[-–—)])(?:\s+|$)(?P<rest>.*)$", re.DOTALL)
# "e).- Difundir …" (CFF 33): the closing parenthesis may take a full stop and a dash too
_INCISO_RE = re.compile(rf"(?P<num>[a-zñ]{{1,2}}\)(?:\s+(?i:{LATIN})\b)?)\.?(?:-\s*|\s+|$)(?P<rest>.*)$",
                        re.DOTALL)
_NUMERAL_RE = re.compile(r"(?P<num>\d{1,3}|[l\d]{2,3})\s*(?:\.\s*[-–—]|\.|\))(?:\s+|$)(?P<rest>.*)$",
                         re.DOTALL)
_APARTADO_RE = re.compile(
    rf"(?:Apartado|APARTADO)\s+(?P<num>[A-Z](?:\s+(?i:{LATIN}))?)(?:\s*[.:)]\s*[-–]?\s*|\s*[-–]\s*|\s*$)"
    r"(?P<rest>.*)$|(?P<bare>[A-H])\.\s*[-–]?\s+(?P<bare_rest>[A-ZÁÉÍÓÚÑ].*)$", re.DOTALL)
# "C." and "D." also open sentences ("C. Presidente de la República", the citizen's title): a bare
# one is an apartado only where it continues a lettered list ("A. …", "B. …", "C. …").
_CONTEXT_LETTERS = "CD"
# "7 Bis. Unidad de Inteligencia …": a numeral with a suffix, in texts made of numerales only
# (read_numeral_suffixes); where artículos are, such a line is left to the prose it wraps in.
_NUMERAL_BIS_RE = re.compile(
    rf"(?P<num>\d{{1,3}}\s+(?i:{LATIN}))\b\s*(?:\.\s*[-–—]?|[-–—])(?:\s+|$)(?P<rest>.*)$", re.DOTALL)
# "TÍTULO ESPECIAL BIS", "TÍTULO PRELIMINAR" (Código de Comercio): containers named, not numbered.
_NAMED_CONTAINER = r"(?:ESPECIAL|Especial|PRELIMINAR|Preliminar)\b"
_CONTAINER_NUM = (rf"(?:(?i:{ORDINAL})\b|(?i:{CARDINAL})\b|[IVXLC]+\b|\d+\b|{_NAMED_CONTAINER})"
                  rf"(?:\s+(?i:{LATIN})\b)?")
_HEADING_RE = re.compile(
    rf"(?P<kw>LIBRO|Libro|T[ÍI]TULO|T[íi]tulo|CAP[ÍI]TULO|Cap[íi]tulo|SECCI[ÓO]N|Secci[óo]n)"
    rf"\s+(?P<num>{_CONTAINER_NUM})\s*(?:(?:[.:]\s*[-–]?|[-–])\s*(?P<rest>.*)|(?P<caps>[^a-z]*))$",
    re.DOTALL)
_HEADING_KIND = {"l": Kind.LIBRO, "t": Kind.TITULO, "c": Kind.CAPITULO, "s": Kind.SECCION}
_TRANSITORIOS_RE = re.compile(
    r"(?:ART[ÍI]CULOS?\s+|Art[íi]culos?\s+)?(?:TRANSITORIOS?|Transitorios?)"
    r"(?:\s+(?:DEL|DE LA|DE)\s+[^a-záéíóú]*)?\s*[.:]?$")
_APPENDIX_RE = re.compile(r"ART[ÍI]CULOS\s+TRANSITORIOS\s+DE\s+DECRETOS\s+DE\s+REFORMA")
_SIGNATURE_RE = re.compile(
    r"(?:M[ée]xico,\s*D\.\s*F\.\s*,?\s*a\s|Ciudad de M[ée]xico,?\s+a\s|Dado en\s|SAL[ÓO]N DE SESIONES"
    r"|Sala de Sesiones|Sufragio Efectivo|En cumplimiento de lo dispuesto por la fracci[óo]n I del"
    r"\s+[Aa]rt[íi]culo 89|Atentamente|ATENTAMENTE|R[úu]bricas?\.?$)")
# The words every _SIGNATURE_RE alternative starts with: a cheap test before the regex.
_SIGNATURE_WORDS = ("Méx", "Mex", "Ciudad de M", "Dado en", "SAL", "Sala de", "Sufragio", "En cumplimiento",
                     "Atentamente", "ATENTAMENTE", "Rúbrica", "Rubrica")
_RANGE_WORD = r"(?:a|al|y|A|AL|Y)"


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


# Every marker pattern opens with a capital (Artículo, LIBRO, TRANSITORIOS, Apartado, "A."), so
# the first character tells which of them can match at all; a lower-case "a" or "l" never does.
_HEADINGS_BY_FIRST = {"L": (_HEADING_RE,), "C": (_HEADING_RE,), "S": (_HEADING_RE,),
                      "T": (_HEADING_RE, _TRANSITORIOS_RE), "A": (_TRANSITORIOS_RE, _APPENDIX_RE)}


def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Words grouped by their first letter: one dict look-up picks the few a line may start with."""
    out: dict[str, tuple[str, ...]] = {}
    for word in words:
        out[word[0]] = (*out.get(word[0], ()), word)
    return out


_NOTE_NOUNS = _by_first(notes.NOTE_NOUNS)
_SIGNATURE_STARTS = _by_first(_SIGNATURE_WORDS)
_AFTER_SENTENCE_FIRSTS = frozenset(_NOTE_NOUNS) | frozenset(_SIGNATURE_STARTS)


def starts_unit(line: str) -> str:
    """For joining wrapped lines: '' prose, 'note', 'heading' (container or transitorios), 'unit'."""
    first = line[:1]
    # A note names the DOF, opens with a date or is "Nota:"/"N. de E.:" (is_annotation's own test).
    if ("DOF" in line or first.isdigit() or first == "N") and notes.is_annotation(line):
        return "note"
    headings = _HEADINGS_BY_FIRST.get(first)
    if headings is not None and any(pattern.match(line) for pattern in headings):
        return "heading"
    if _opens_unit(line):
        return "unit"
    return ""


def after_sentence(line: str) -> str:
    """For joining wrapped lines, a prose line after the end of a sentence or a note: 'unit' for
    a signature, 'note' for a note whose 'DOF' wrapped onto its next line, else ''."""
    first = line[:1]
    signature = _SIGNATURE_STARTS.get(first)
    if signature is not None and line.startswith(signature) and _SIGNATURE_RE.match(line):
        return "unit"  # "México, D.F., a 14 de julio de 1990.- …" never continues a paragraph
    nouns = _NOTE_NOUNS.get(first)
    if nouns is not None and line.startswith(nouns) and notes.is_undated_note(line):
        return "note"  # "Párrafo declarado inválido … 25-11-2022" / "y publicada DOF …"
    return ""


def _opens_unit(line: str) -> bool:
    first = line[:1]
    if first == "A" and (_ARTICLE_RE.match(line) or _APARTADO_RE.match(line)):
        return True
    if first == "D" and _ARTICLE_RE.match(line):
        return True
    if first in "BCDEFGH" and line[1:2] == "." and _APARTADO_RE.match(line):
        return True
    if first in "IVXL" and _FRACCION_RE.match(line):
        return True
    if first == "l" and (line[1:3] in (".-", ". ") or _NUMERAL_RE.match(line) or _ell_fraccion(line)):
        return True
    if first.islower() and _INCISO_RE.match(line):
        return True
    if first in "ivx" and _LONG_SUBNUMERAL_RE.match(line):
        return True
    if first.isdigit() and (_NUMERAL_RE.match(line) or _NUMERAL_BIS_RE.match(line)):
        return True
    if first in ".…[":
        return is_ellipsis(line)
    if first.isupper() and _ORDINAL_ITEM_RE.match(line) is not None:
        return True
    # Ranges: "ARTICULOS QUINTO A TRIGESIMO TERCERO.- ......", "SEGUNDO A CUARTO.- ......"
    return ("..." in line or "…" in line) and _elision(line) is not None


def _split_glued(number: int, line: str) -> list[tuple[int, str]]:
    """Cut history notes glued inside a line into lines of their own (recursively)."""
    glued = notes.split_glued(line)
    if glued is None:
        return [(number, line)]
    before, note, after = glued
    out = [(number, before)] if before else []
    out.append((number, note))
    if after:
        out.extend(_split_glued(number, after))
    return out


def classify_lines(text: str) -> tuple[Line, ...]:
    """Every logical line of a statute or amendment body, classified, in order.

    Context matters in two ways only: after a TRANSITORIOS heading, article-like and ordinal
    lines ("Artículo Primero.-", "SEGUNDO.") are transitorios; and a bare "C." or "D." opens an
    apartado only where a lettered list ("A. …", "B. …") goes on, until the unit holding it ends.

    >>> [(l.kind.value, l.number) for l in classify_lines("Artículo 57 Bis.- Texto.\\nI. a III. ...")]
    [('article', '57 Bis'), ('elision', 'I')]
    """
    out: list[Line] = []
    in_transitorios = False
    letter = ""  # "C" or "D" where a bare lettered apartado would go on the list ("A. …", "B. …")
    sub = _NO_SUBNUMERALS  # which subnumeral ("i.", "ii.") an open inciso may go on with
    for number, logical, furniture, first, single in logical_rows(
            text, starts_unit, (_AFTER_SENTENCE_FIRSTS, after_sentence)):
        if furniture:
            out.append(_line(LineKind.FURNITURE, logical, "", None, False, False, logical, number))
            continue
        if "DOF" not in logical and (first == "" or first == "unit" and single) and \
                not (letter and logical[:1] == letter):
            # most lines: no marker, no note; or starts_unit saw this very string (no note,
            # heading, table or appendix)
            made = _prose(logical, number) if first == "" else \
                _opening(logical, in_transitorios, number)
            made, sub = _subnumeral(made, sub)
            out.append(made)
            if letter or made.unit is Kind.APARTADO:
                letter = _letter_after(made, letter)
            continue
        for lineno, piece in _split_glued(number, logical):
            classified = classify_line(piece, in_transitorios, lineno)
            if letter and classified.kind is LineKind.PARAGRAPH and piece[:1] == letter:
                classified = _apartado(piece, lineno) or classified
            classified, sub = _subnumeral(classified, sub)
            if classified.kind is LineKind.TRANSITORIOS_HEADING:
                in_transitorios = True
            elif classified.kind in (LineKind.HEADING, LineKind.APPENDIX):
                in_transitorios = False
            out.append(classified)
            if letter or classified.unit is Kind.APARTADO:
                letter = _letter_after(classified, letter)
    return tuple(out)


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
_LONG_SUBNUMERAL_RE = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})\)\s+[A-ZÁÉÍÓÚÑ]")


@dataclass(frozen=True, slots=True)
class _Subnumerals:
    """Inside an inciso: the last subnumeral read (0: "i." may open the list) and how many bare
    ellipses followed it; outside one, ``open`` is False."""

    open: bool = False
    last: int = 0
    skipped: int = 0
    letter: str = ""  # the open inciso's letter: "i)" after "h)" is the next inciso
    colon: bool = False  # the inciso's last text ends with ":", announcing a list


_NO_SUBNUMERALS = _Subnumerals()
_KEEPS_SUBNUMERALS = frozenset({LineKind.PARAGRAPH, LineKind.ANNOTATION, LineKind.FURNITURE})


def _subnumeral(line: Line, state: _Subnumerals) -> tuple[Line, _Subnumerals]:
    """``line`` read as a subnumeral where the open inciso's list goes on with it; the state
    after it."""
    kind = line.kind
    if kind is LineKind.INCISO and state.open and line.number[:1] in "ivx":
        made = _parenthesised_subnumeral(line, state)
        if made is not None:
            return made, _Subnumerals(True, labels.roman_to_int(made.number.upper()), 0, state.letter)
    if kind is LineKind.INCISO or kind is LineKind.ELISION and line.unit is Kind.INCISO \
            and line.number and line.to_number in ("", line.number):
        return line, _Subnumerals(open=True, letter=line.to_number or line.number,
                                  colon=line.raw.endswith(":"))
    if not state.open:
        return line, state
    if kind is LineKind.ELISION and line.unit is None and state.last:
        return line, _Subnumerals(True, state.last, state.skipped + 1, state.letter)
    if kind is LineKind.PARAGRAPH and line.raw[:1] in "ivx":
        found = _SUBNUMERAL_RE.match(line.raw)
        if found is not None and found.group("num"):
            value = labels.roman_to_int(found.group("num").upper())
            if state.last < value <= state.last + 1 + state.skipped:
                made = _make(LineKind.NUMERAL, Kind.NUMERAL, found.group("num"), found.group("rest"),
                             line.raw, line.lineno)
                return made, _Subnumerals(True, value, 0, state.letter)
    if kind is LineKind.PARAGRAPH and state.colon != line.raw.endswith(":"):
        return line, _Subnumerals(state.open, state.last, state.skipped, state.letter, not state.colon)
    if kind in _KEEPS_SUBNUMERALS:
        return line, state
    return line, _NO_SUBNUMERALS


_ROMAN_ITEM_RE = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")


def _parenthesised_subnumeral(line: Line, state: _Subnumerals) -> Line | None:
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
    return _make(LineKind.NUMERAL, Kind.NUMERAL, number, line.text, line.raw, line.lineno)


_LIST_ENDS = frozenset({LineKind.ARTICLE, LineKind.HEADING, LineKind.TRANSITORIO,
                        LineKind.TRANSITORIOS_HEADING, LineKind.APPENDIX, LineKind.SIGNATURE})


def _letter_after(line: Line, letter: str) -> str:
    """The context letter after ``line``: set by an apartado, kept through its content, reset
    where the unit holding the list ends."""
    if line.unit is Kind.APARTADO and line.kind in (LineKind.APARTADO, LineKind.ELISION):
        following = _next_letter(line)
        return following if following in _CONTEXT_LETTERS else ""
    return "" if line.kind in _LIST_ENDS else letter


def _prose(line: str, lineno: int) -> Line:
    """A line whose start is no unit marker, heading or note: prose, a table row, a signature,
    or an elision that opens with its ellipsis ("… III. y IV. …")."""
    first = line[:1]
    if first == "|":
        return Line(LineKind.TABLE, line, raw=line, lineno=lineno)
    if first in "MCDSRAE" and _SIGNATURE_RE.match(line):
        return Line(LineKind.SIGNATURE, line, raw=line, lineno=lineno)
    if first in ".…[":
        return classify_line(line, False, lineno)
    return _line(LineKind.PARAGRAPH, line, "", None, False, False, line, lineno)


def classify_line(line: str, in_transitorios: bool = False, lineno: int = 0) -> Line:
    """One logical line, classified on its own (plus whether transitorios have begun)."""
    first = line[:1]
    if notes.is_annotation(line):
        note = notes.read_note(line)
        return Line(LineKind.ANNOTATION, line, unit=note.kind, annotations=note.annotations,
                    raw=line, lineno=lineno)
    if first == "|":
        return Line(LineKind.TABLE, line, raw=line, lineno=lineno)
    if first == "A" and _APPENDIX_RE.match(line):
        return Line(LineKind.APPENDIX, line, raw=line, lineno=lineno)
    if first in "AT" and _TRANSITORIOS_RE.match(line):
        return Line(LineKind.TRANSITORIOS_HEADING, line, raw=line, lineno=lineno)
    if first in "LTCS":
        heading = _HEADING_RE.match(line)
        if heading:
            kind = _HEADING_KIND[heading.group("kw")[0].lower()]
            rest = (heading.group("rest") or heading.group("caps") or "").strip()
            return Line(LineKind.HEADING, rest, _clean(heading.group("num")), kind, raw=line,
                        lineno=lineno)
    return _opening(line, in_transitorios, lineno)


def _opening(line: str, in_transitorios: bool, lineno: int) -> Line:
    """The rest of ``classify_line``, for a line known to be no note, table, heading or appendix."""
    if _SIGNATURE_RE.match(line):
        return Line(LineKind.SIGNATURE, line, raw=line, lineno=lineno)
    elision = _elision(line)
    if elision is not None:
        return Line(LineKind.ELISION, "", elision[1], elision[0], elision[2], elided=True, raw=line,
                    lineno=lineno)
    unit = _unit_line(line, in_transitorios, lineno)
    if unit is not None:
        return unit
    return _line(LineKind.PARAGRAPH, line, "", None, False, False, line, lineno)


_LEADING_ELL_RE = re.compile(rf"{UNSPACED_ELLIPSIS}\s+(?=\S)")
_TRAILING_ELL_RE = re.compile(rf"(?<=\S)\s+{UNSPACED_ELLIPSIS}$")
_ENDS_WITH_ELL_RE = re.compile(rf"(?:^|\s|(?<=[.)\-–]))\s*{UNSPACED_ELLIPSIS}$")


def split_elision_runs(lines: Iterable[Line]) -> tuple[Line, ...]:
    """Several ellipses on one line, each its own sibling: "… … I. a III. … …" is "…", "…",
    "I. a III. …", "…"; "… …" and "[...] [...]" are two (grammar §5 rule 2: one ellipsis, one
    unchanged sibling). A body printed from PDF loses the breaks between them; the clause then
    counts the paragraphs as if they were there (the CFE Modificación of 1 April 2024:
    "98, segundo párrafo" and "98, quinto párrafo" only fit if "… …" is two). An ellipsis
    spaced inside itself (". . .", "…  …" as one run of dots) stays one; so does a unit's own
    "I. a III. …".
    """
    out: list[Line] = []
    for line in lines:
        out.extend(_split_run(line) if line.kind in (LineKind.ELISION, LineKind.PARAGRAPH)
                   and ("…" in line.raw or "..." in line.raw) else (line,))
    return tuple(out)


def _split_run(line: Line) -> tuple[Line, ...]:
    rest = line.raw.strip()
    leading = 0
    while (found := _LEADING_ELL_RE.match(rest)) is not None:
        leading, rest = leading + 1, rest[found.end():]
    trailing = 0
    while (found := _TRAILING_ELL_RE.search(rest)) is not None and \
            _ENDS_WITH_ELL_RE.search(rest[:found.start()]) is not None:
        trailing, rest = trailing + 1, rest[:found.start()]
    if not leading and not trailing:
        return (line,)
    middle = classify_line(rest, lineno=line.lineno)
    if middle.kind is not LineKind.ELISION:
        return (line,)  # prose that happens to hold ellipses: left as it was
    # the ellipses before a unit marker are siblings in that unit's list ("unit" set, no number)
    lead = Line(LineKind.ELISION, unit=middle.unit, elided=True, raw="…", lineno=line.lineno)
    bare = Line(LineKind.ELISION, elided=True, raw="…", lineno=line.lineno)
    return (*(lead,) * leading, middle, *(bare,) * trailing)


def _elision(line: str) -> tuple[Kind | None, str, str] | None:
    """(unit kind, from, to) if the line only says 'these units are unchanged'."""
    first = line[:1]
    if first in ".…[" and is_ellipsis(line):
        return None, "", ""
    if not ("..." in line or "…" in line or ". ." in line):
        return _bare_range(line)
    if first == "A":
        words = _ART_RANGE_WORDS.match(line)
        if words:
            return Kind.ARTICULO, _clean(words.group("a")), _clean(words.group("b"))
    for pattern, unit in (*_ELISION_RANGES, _ORD_RANGE):
        found = pattern.match(line)
        if found and unit in (Kind.ARTICULO, Kind.TRANSITORIO) and not found.group("b"):
            continue  # "Artículo 2. ..." restates the article: an ARTICLE whose text is elided
        if found:
            low = _clean(found.group("a"))
            high = _clean(found.group("b") or low)
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
            low, high = _clean(found.group("a")), _clean(found.group("b"))
            if unit is Kind.FRACCION and not (is_roman(low.split()[0].split("-")[0])
                                              and is_roman(high.split()[0].split("-")[0])):
                return None
            return unit, low, high
    return None


_DOT_DASH = re.compile(r"\.-")
_SPACED_DASH = re.compile(r"\s*-\s*")
_LL = re.compile(r"l{2,3}")


@lru_cache(maxsize=1024)
def _roman_head(number: str) -> bool:
    """Is a fracción number ('XXIX-A', 'I Bis') headed by a Roman numeral? (Few distinct values.)"""
    return is_roman(number.split()[0].split("-")[0])


def _clean(number: str) -> str:
    """A unit number as written, without trailing punctuation or doubled spaces."""
    if number.isalnum():
        return number  # "III", "57", "a": nothing to clean
    cleaned = " ".join(number.replace("–", "-").split()).strip(" .:-)")
    return _SPACED_DASH.sub("-", _DOT_DASH.sub("-", cleaned))


def _unit_line(line: str, in_transitorios: bool, lineno: int) -> Line | None:
    first = line[:1]
    if first in "AD":
        article = _ARTICLE_RE.match(line)
        if article:
            kind = LineKind.TRANSITORIO if in_transitorios else LineKind.ARTICLE
            unit = Kind.TRANSITORIO if in_transitorios else Kind.ARTICULO
            return _make(kind, unit, article.group("num"), article.group("rest"), line, lineno)
    if first in "ABEFGH" and (first == "A" or line[1:2] == "."):
        apartado = _apartado(line, lineno)
        if apartado is not None:
            return apartado
    if first in "IVXL":
        fraccion = _FRACCION_RE.match(line)
        if fraccion and _roman_head(fraccion.group("num")):
            return _make(LineKind.FRACCION, Kind.FRACCION, fraccion.group("num"),
                         fraccion.group("rest"), line, lineno)
    if first == "l" and line[1:3] in (".-", ". "):
        # "l.-" is fracción I typed with a lowercase L (LIVA art. 41); incisos close with ")".
        return _make(LineKind.FRACCION, Kind.FRACCION, "I", line[3:].lstrip(" -"), line, lineno)
    if first == "l":
        fraccion = _ell_fraccion(line)  # "lV." (LFT art. 539)
        if fraccion is not None:
            return _make(LineKind.FRACCION, Kind.FRACCION, fraccion.group("num"), fraccion.group("rest"),
                         line, lineno)
    if first.islower():
        inciso = _INCISO_RE.match(line)
        if inciso:
            return _make(LineKind.INCISO, Kind.INCISO, inciso.group("num").replace(")", ""),
                         inciso.group("rest"), line, lineno)
    if first.isdigit() or first == "l":
        numeral = _NUMERAL_RE.match(line)
        if numeral and any(c.isdigit() for c in numeral.group("num")) or (
                numeral and _LL.fullmatch(numeral.group("num"))):
            assert numeral is not None
            value = numeral.group("num").replace("l", "1")
            return _make(LineKind.NUMERAL, Kind.NUMERAL, value, numeral.group("rest"), line, lineno)
    if first.isupper():
        item = _ORDINAL_ITEM_RE.match(line)
        if item and (in_transitorios or _masculine(item.group("num"))):
            kind = LineKind.TRANSITORIO if in_transitorios else LineKind.ARTICLE
            unit = Kind.TRANSITORIO if in_transitorios else Kind.ARTICULO
            return _make(kind, unit, item.group("num"), item.group("rest"), line, lineno)
    return None


def _ell_fraccion(line: str) -> re.Match[str] | None:
    """'lV. En materia de …': a fracción whose first I was printed as a lowercase L."""
    if line[1:2] not in ("I", "V", "X"):
        return None
    found = _FRACCION_RE.match("I" + line[1:])
    return found if found is not None and _roman_head(found.group("num")) else None


def _apartado(line: str, lineno: int) -> Line | None:
    """'Apartado B.- …' or a bare 'B. Del 2 de agosto.' as an APARTADO line."""
    apartado = _APARTADO_RE.match(line)
    if apartado is None:
        return None
    num = apartado.group("num") or apartado.group("bare")
    rest = apartado.group("rest") if apartado.group("num") else apartado.group("bare_rest")
    return _make(LineKind.APARTADO, Kind.APARTADO, num, rest or "", line, lineno)


def _next_letter(line: Line) -> str:
    """The letter a lettered list goes on with after ``line`` ('B' after apartado A), or ''."""
    number = line.to_number or line.number
    if line.unit is Kind.APARTADO and len(number) == 1 and "A" <= number < "H":
        return chr(ord(number) + 1)
    return ""


_TITLED_ARTICLE_RE = re.compile(r"(?:Disposici[óo]n|DISPOSICI[ÓO]N)\s")
_TITLE_RE = re.compile(r"[^.:;]{1,150}\.?")


def article_title(line: Line) -> str:
    """The title a 'Disposición 5.- Niveles de decisión …' line gives its unit, or ''.

    Disposiciones Generales (CFE) print every Disposición with a title on its heading line and
    its text below, so the title is the unit's heading, not its first paragraph ("tercer
    párrafo" counts from the text). An "Artículo 5.- …" line keeps its text: there it is the
    article's first paragraph far more often than a title.
    """
    if line.kind is not LineKind.ARTICLE or not _TITLED_ARTICLE_RE.match(line.raw) or \
            line.elided or line.derogated:
        return ""
    return line.text if _TITLE_RE.fullmatch(line.text) else ""


def _masculine(number: str) -> bool:
    """'PRIMERO', 'Décimo Segundo', 'ÚNICO': articles; 'PRIMERA' numbers cláusulas and bases."""
    return not number.rstrip().lower().endswith("a")


def _make(kind: LineKind, unit: Kind, number: str, rest: str, raw: str, lineno: int) -> Line:
    text = rest.strip()
    head = text[:1]
    elided = head in ".…[" and is_ellipsis(text)
    derogated = head in "(SsDd" and len(text) < 40 and is_derogation(text)
    return _line(kind, "" if elided else text, _clean(number), unit, elided, derogated, raw, lineno)


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
            found = _NUMERAL_BIS_RE.match(line.text)
            if found is not None:
                out[index] = _make(LineKind.NUMERAL, Kind.NUMERAL, found.group("num"),
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


__all__ = ["TOP_LEVEL_KINDS", "UNIT_KINDS", "Line", "LineKind", "TopLevel", "article_title",
           "classify_line",
           "classify_lines", "heading_like", "read_numeral_suffixes", "starts_unit", "top_level"]
