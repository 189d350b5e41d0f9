"""Stage one of statute parsing: text -> classified logical lines.

Each logical line (a paragraph, or the line that opens a unit) becomes a frozen ``Line`` saying
what it is: a structural heading, an article, a fracción, an ellipsis standing for unchanged
units, a Cámara history note, plain prose, or furniture. Amendment bodies use this stage too,
so ``classify_lines`` keeps its signature and its kinds stable.

Heading detection is case-sensitive on purpose (mx-amendment-grammar.md §11.2): "Artículo 5o."
and "ARTÍCULO PRIMERO." open articles, "el artículo 3o." inside a sentence does not, and a
sentence wrapped so that a line begins "Capítulo VI del Título Cuarto" is not a chapter.

This module holds the decisions (unit starts for joining wrapped lines, classification,
ellipsis runs, apartado context letters); the marker patterns are in ``parser.markers``, the
reading of one elision line in ``parser.elisions``, the unit a marker opens in
``parser.unit_lines``, the ``Line`` values in ``parser.line_values``, subnumerales in
``parser.subnumerales`` and texts made of top-level numbered units in ``parser.top_level``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import annotations as notes
from .elisions import _elision
from .line_values import UNIT_KINDS, Line, LineKind, clean_number, fast_line
from .markers import (
    _APARTADO_RE,
    _APPENDIX_RE,
    _ARTICLE_RE,
    _FRACCION_RE,
    _HEADING_KIND,
    _HEADING_RE,
    _INCISO_RE,
    _NUMERAL_RE,
    _ORDINAL_ITEM_RE,
    _TRANSITORIOS_RE,
)
from .model import Kind
from .signatures import SIGNATURE_RE, SIGNATURE_WORDS
from .subnumerales import LONG_SUBNUMERAL_RE, NO_SUBNUMERALS, read_subnumeral
from .top_level import (
    NUMERAL_BIS_RE,
    TOP_LEVEL_KINDS,
    TopLevel,
    heading_like,
    read_numeral_suffixes,
    top_level,
)
from .unit_lines import _apartado, _ell_fraccion, _unit_line
from .vocabulary import UNSPACED_ELLIPSIS, is_ellipsis
from .wrapping import logical_rows

# "C." and "D." also open sentences ("C. Presidente de la República", the citizen's title): a bare
# one is an apartado only where it continues a lettered list ("A. …", "B. …", "C. …").
_CONTEXT_LETTERS = "CD"


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
_SIGNATURE_STARTS = _by_first(SIGNATURE_WORDS)
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
    if signature is not None and line.startswith(signature) and SIGNATURE_RE.match(line):
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
    if first in "ivx" and LONG_SUBNUMERAL_RE.match(line):
        return True
    if first.isdigit() and (_NUMERAL_RE.match(line) or NUMERAL_BIS_RE.match(line)):
        return True
    if first in ".…[(":
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
    sub = NO_SUBNUMERALS  # which subnumeral ("i.", "ii.") an open inciso may go on with
    for number, logical, furniture, first, single in logical_rows(
            text, starts_unit, (_AFTER_SENTENCE_FIRSTS, after_sentence)):
        if furniture:
            out.append(fast_line(LineKind.FURNITURE, logical, "", None, False, False, logical, number))
            continue
        if "DOF" not in logical and (first == "" or first == "unit" and single) and \
                not (letter and logical[:1] == letter):
            # most lines: no marker, no note; or starts_unit saw this very string (no note,
            # heading, table or appendix)
            made = _prose(logical, number) if first == "" else \
                _opening(logical, in_transitorios, number)
            made, sub = read_subnumeral(made, sub)
            out.append(made)
            if letter or made.unit is Kind.APARTADO:
                letter = _letter_after(made, letter)
            continue
        for lineno, piece in _split_glued(number, logical):
            classified = classify_line(piece, in_transitorios, lineno)
            if letter and classified.kind is LineKind.PARAGRAPH and piece[:1] == letter:
                classified = _apartado(piece, lineno) or classified
            classified, sub = read_subnumeral(classified, sub)
            if classified.kind is LineKind.TRANSITORIOS_HEADING:
                in_transitorios = True
            elif classified.kind in (LineKind.HEADING, LineKind.APPENDIX):
                in_transitorios = False
            out.append(classified)
            if letter or classified.unit is Kind.APARTADO:
                letter = _letter_after(classified, letter)
    return tuple(out)


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
    if first in "MCDSRAE" and SIGNATURE_RE.match(line):
        return Line(LineKind.SIGNATURE, line, raw=line, lineno=lineno)
    if first in ".…[(":
        return classify_line(line, False, lineno)
    return fast_line(LineKind.PARAGRAPH, line, "", None, False, False, line, lineno)


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
            return Line(LineKind.HEADING, rest, clean_number(heading.group("num")), kind, raw=line,
                        lineno=lineno)
    return _opening(line, in_transitorios, lineno)


def _opening(line: str, in_transitorios: bool, lineno: int) -> Line:
    """The rest of ``classify_line``, for a line known to be no note, table, heading or appendix."""
    if SIGNATURE_RE.match(line):
        return Line(LineKind.SIGNATURE, line, raw=line, lineno=lineno)
    elision = _elision(line)
    if elision is not None:
        return Line(LineKind.ELISION, "", elision[1], elision[0], elision[2], elided=True, raw=line,
                    lineno=lineno)
    unit = _unit_line(line, in_transitorios, lineno)
    if unit is not None:
        return unit
    return fast_line(LineKind.PARAGRAPH, line, "", None, False, False, line, lineno)


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


__all__ = ["TOP_LEVEL_KINDS", "UNIT_KINDS", "Line", "LineKind", "TopLevel", "article_title",
           "classify_line",
           "classify_lines", "heading_like", "read_numeral_suffixes", "starts_unit", "top_level"]
