"""Cámara de Diputados history notes: 'Fracción adicionada DOF 30-12-2002. Reformada DOF ...'.

Consolidated texts print, after each unit, a line naming the unit and what the DOF did to it on
which dates (mx-amendment-grammar.md §7.1). Those lines are history, not law: they are lifted out
of the text into ``Annotation`` values attached to the unit they describe. Editorial notes
("Nota: ...", "Reforma DOF dd-mm-yyyy: Derogó del artículo el entonces párrafo segundo") are
history too and go the same way, with their words kept in ``note``.

PDF extraction often glues a note to the end of a text line ("..., y Fracción reformada DOF
31-05-2019 IV.- Firma ..."), so ``split_glued`` finds one inside a line and cuts it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .labels import fold
from .model import Annotation, Kind

DATE = r"\d{1,2}-\d{1,2}-\d{4}"
_DATE_RE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_DATES_RE = re.compile(rf"{DATE}(?:\s*(?:,|\by\b)\s*(?:DOF\s+)?{DATE})*")

_PARTICIPLE = (r"(?:reformad|adicionad|derogad|recorrid|reubicad|renumerad|reestructurad|publicad"
               r"|declarad|modificad|suprimid|actualizad|aclarad|trasladad|reordenad|reformulad"
               r"|compilad)[oa]s?")
_UNIT = (r"(?:Art[ií]culos?|P[aá]rrafos?|Fracci(?:[oó]n|ones)|Incisos?|Subincisos?|Numeral(?:es)?"
         r"|Apartados?|Bases?|Cap[ií]tulos?|Secci(?:[oó]n|ones)|T[ií]tulos?|Libros?|Denominaci[oó]n"
         r"|Ep[ií]grafes?|Encabezados?|Tablas?|Rubros?|Tarifas?|Cuotas?|Anexos?|Nombre|Texto"
         r"|Multas?|Cantidad(?:es)?|Definici(?:[oó]n|ones)|Disposici[oó]n\s+derogatoria)")

# A line that *is* a note: it starts like one and names a date.
_VERB = rf"(?:{_PARTICIPLE}\b|sin\s+efectos?\b)"  # "Fracción parcialmente “sin efecto” DOF …"
# Rarer starts, tried only when the common ones fail (each alternative costs every note line).
_RARE_START_RE = re.compile(
    rf"{_UNIT}\b.{{0,80}}?\bsin\s+efectos?\b|Disposici[oó]n\s+derogatoria\b.{{0,80}}?DOF\s+{DATE}")
_START_RE = re.compile(
    rf"(?:{_UNIT}\b.{{0,80}}?\b{_PARTICIPLE}\b"
    rf"|(?i:fe de erratas)\b|Aclaraci[oó]n\b|Reforma\s+DOF\b|Cantidades\s+actualizadas\b"
    rf"|(?i:{_PARTICIPLE})\b.{{0,30}}?(?:DOF\s+)?{DATE}|DOF\s+{DATE}|{DATE})"
)
_NOTE_RE = re.compile(r"(?:Nota|NOTA|N\.\s?de\s?E\.)\s*:")
# A note whose "DOF" was wrapped onto its next line: "Párrafo declarado inválido por sentencia de
# la SCJN … notificada para efectos legales 25-11-2022" / "y publicada DOF 20-08-2025".
_UNDATED_START_RE = re.compile(rf"{_UNIT}\b.{{0,80}}?\b{_VERB}")
_DATE_SEARCH = re.compile(DATE)

# A note glued after text on the same line: " ... y Fracción reformada DOF 31-05-2019".
_GLUED_RE = re.compile(
    rf"\s(?={_UNIT}(?:\s+(?:con|e|y|de|del|de la|al|a la)\s+[\wáéíóúñ]+){{0,3}}\s+{_PARTICIPLE}\b"
    rf"[^\n]{{0,120}}?DOF\s+{DATE})"
)
# Where a note's chain of verbs and dates ends, so text glued after it can be cut off.
_CHAIN_RE = re.compile(
    rf"(?:[^\d\n]{{0,160}}?(?:DOF\s+)?{DATE}(?:\s*(?:,|\by\b)\s*(?:DOF\s+)?{DATE})*"
    rf"(?:\s*\([^)\n]{{0,200}}\))?\.?)+"
)

_SPECIAL_VERBS = (
    ("sin efecto", "sin efecto"),
    ("fe de erratas", "fe de erratas"),
    ("aclaraci", "aclaracion"),
    ("cantidades actualizadas", "cantidades actualizadas"),
    ("publicado sin cambios", "publicado sin cambios"),
    ("declarado invalid", "declarado invalido"),
    ("declarada invalid", "declarado invalido"),
)
_STEM_RE = re.compile(r"(reformad|adicionad|derogad|recorrid|reubicad|renumerad|reestructurad"
                      r"|publicad|declarad|modificad|suprimid|actualizad|aclarad|trasladad"
                      r"|reordenad|reformulad|compilad)[oa]s?\b")

_UNIT_KIND: tuple[tuple[str, Kind], ...] = (
    ("denominacion del capitulo", Kind.CAPITULO), ("denominacion de la seccion", Kind.SECCION),
    ("denominacion del titulo", Kind.TITULO), ("denominacion del libro", Kind.LIBRO),
    ("articulo", Kind.ARTICULO), ("parrafo", Kind.PARRAFO), ("fraccion", Kind.FRACCION),
    ("subinciso", Kind.NUMERAL), ("inciso", Kind.INCISO), ("numeral", Kind.NUMERAL),
    ("apartado", Kind.APARTADO), ("base", Kind.FRACCION), ("capitulo", Kind.CAPITULO),
    ("seccion", Kind.SECCION), ("titulo", Kind.TITULO), ("libro", Kind.LIBRO),
    ("encabezado del articulo", Kind.ARTICULO), ("epigrafe", Kind.ARTICULO),
)


@dataclass(frozen=True, slots=True)
class Note:
    """One history line read: the unit it names (folded words and kind) and its annotations."""

    unit: str
    kind: Kind | None
    annotations: tuple[Annotation, ...]


def is_annotation(line: str) -> bool:
    """True if the whole (stripped) line is a Cámara history note or editorial note.

    >>> is_annotation("Fracción adicionada DOF 30-12-2002. Reformada DOF 01-12-2004")
    True
    >>> is_annotation("Derogada DOF 23-04-2021"), is_annotation("El artículo 5 dice.")
    (True, False)
    """
    if "DOF" not in line and not line[:1].isdigit():
        # Every other note names the DOF or opens with a date; "Nota:" and "N. de E.:" open with N
        # (a first line whose DOF wrapped onto the next: ``is_undated_note``).
        return line[:1] == "N" and _NOTE_RE.match(line) is not None
    if _NOTE_RE.match(line):
        return True
    if len(line) > 600 or not _DATE_SEARCH.search(line):
        return False
    return _START_RE.match(line) is not None or _RARE_START_RE.match(line) is not None


# The nouns a note opens with (the start of _UNIT), for a test cheaper than any regex.
NOTE_NOUNS = ("Art", "Pár", "Par", "Fracc", "Inciso", "Subinciso", "Numeral", "Apartado", "Base", "Cap",
              "Secci", "Tít", "Tit", "Libro", "Denominaci", "Ep", "Encabezado", "Tabla", "Rubro", "Tarifa",
              "Cuota", "Anexo", "Nombre", "Texto", "Multa", "Cantidad", "Definici", "Disposici")


def is_undated_note(line: str) -> bool:
    """The first line of a note whose 'DOF' wrapped onto the next line: 'Párrafo declarado
    inválido por sentencia de la SCJN … notificada para efectos legales 25-11-2022' (callers test
    first that it opens with one of ``NOTE_NOUNS``)."""
    return len(line) <= 400 and ("-20" in line or "-19" in line) and \
        _UNDATED_START_RE.match(line) is not None and _DATE_SEARCH.search(line) is not None


def is_continuation(line: str) -> bool:
    """A note wrapped onto a new line: it starts with a verb, 'DOF' or a date, not a unit noun."""
    if not _DATE_SEARCH.search(line) or len(line) > 400:
        return False
    return re.match(rf"(?:(?i:{_PARTICIPLE})\b|DOF\s|{DATE}|\(|y\s+{DATE})", line) is not None


def split_glued(line: str) -> tuple[str, str, str] | None:
    """(text before, note, text after) if a note is glued inside ``line``; None otherwise.

    >>> split_glued("III.- Índice de Contenido, y Fracción reformada DOF 31-05-2019 IV.- Firma")
    ('III.- Índice de Contenido, y', 'Fracción reformada DOF 31-05-2019', 'IV.- Firma')
    """
    if "DOF" not in line:
        return None
    found = _GLUED_RE.search(line)
    if found is None:
        return None
    start = found.end()
    chain = _CHAIN_RE.match(line, start)
    end = chain.end() if chain else len(line)
    return line[:found.start()].rstrip(), line[start:end].strip(), line[end:].strip()


_NOTA_FOLDED = re.compile(r"(?:nota|n\.\s?de\s?e\.)\s*:")
_ERRATAS_FOLDED = re.compile(
    r"(?:fe de erratas|aclaracion)\s+(?:al|a la|del|de la)\s+([a-z ]+?)\s*(?:dof|\d|$)")
_PAREN_TAIL = re.compile(r"\(.*")
_LETTER = re.compile(r"[a-z]")
_QUALIFIER = re.compile(r"\([^)]*\)")
_NAMED_UNIT = re.compile(r"\b(?:del|de la|al|a la)\s+(articulo|fraccion|inciso|numeral|apartado)\b")


@lru_cache(maxsize=4096)
def _dates(text: str) -> tuple[date, ...]:
    """The dates of a chain ('10-07-1997, 03-11-1983'); memoised, as reform dates recur."""
    out = []
    for day, month, year in _DATE_RE.findall(text):
        try:
            out.append(date(int(year), int(month), int(day)))
        except ValueError:
            continue  # a misprinted date is dropped, never invented
    return tuple(out)


@lru_cache(maxsize=2048)
def _verb(phrase: str) -> str:
    """The normalised verb of one segment: 'Reformada y recorrida' -> 'reformado y recorrido'.

    Memoised: a consolidated law repeats the same few phrases ('. Reformado DOF ') thousands
    of times, and folding is the costly part.
    """
    folded = fold(phrase)
    for needle, verb in _SPECIAL_VERBS:
        if needle in folded:
            return verb
    stems = _STEM_RE.findall(folded)
    if stems:
        return " y ".join(dict.fromkeys(stem + "o" for stem in stems))
    if folded.strip().startswith("reforma"):
        return "reforma"
    return "nota"


_AMOUNT_OF = re.compile(r"(?:multas?|cantidad(?:es)?)\s+(?:de\s+la|de\s+las|de\s+los|del)\s+")


def unit_kind(unit: str) -> Kind | None:
    """The kind of provision a note's unit noun names ('parrafo con fracciones' -> PARRAFO;
    'multa de la fraccion' -> FRACCION: the amounts of that fracción were updated)."""
    unit = _AMOUNT_OF.sub("", unit, count=1)
    for prefix, kind in _UNIT_KIND:
        if unit.startswith(prefix):
            return kind
    return None


def _unit_of(folded: str) -> str:
    """The words naming the unit, before the first verb: 'Párrafo con fracciones' -> folded.

    Takes the note already folded (``read_note`` folds it once for all its uses).
    """
    if _NOTA_FOLDED.match(folded):
        return ""
    erratas = _ERRATAS_FOLDED.match(folded)
    if erratas:
        return erratas.group(1).strip()
    verb = _STEM_RE.search(folded)
    head = folded[:verb.start()] if verb else ""
    head = _PAREN_TAIL.sub("", head)
    if not _LETTER.match(head):
        return ""
    return " ".join(head.split())


def read_note(text: str) -> Note:
    """Every (verb, dates) segment of one note, in order, plus the unit it names.

    >>> n = read_note("Fracción adicionada DOF 30-12-2002. Reformada DOF 01-12-2004, 07-06-2005.")
    >>> n.unit, [(a.verb, [d.isoformat() for d in a.dates]) for a in n.annotations]
    ('fraccion', [('adicionado', ['2002-12-30']), ('reformado', ['2004-12-01', '2005-06-07'])])
    """
    return _read_note(text)


@lru_cache(maxsize=4096)
def _read_note(text: str) -> Note:
    """``read_note``, memoised: a reform touches many units, and the Ley de Amparo repeats 62
    distinct notes 427 times ("Párrafo reformado DOF 13-03-2025" 116 times). Notes are frozen."""
    text = " ".join(text.split())
    folded = fold(text)
    unit = _unit_of(folded)
    if _NOTE_RE.match(text) or folded.startswith("reforma dof"):
        verb = "nota" if _NOTE_RE.match(text) else "reforma"
        # "Reforma DOF ...: Derogó del artículo el entonces párrafo segundo" is about the article.
        named = _NAMED_UNIT.search(folded) if verb == "reforma" else None
        unit = named.group(1) if named else ""
        return Note(unit, unit_kind(unit), (Annotation(verb, _dates(text), unit, text),))
    out: list[Annotation] = []
    previous = 0
    for match in _DATES_RE.finditer(text):
        phrase = text[previous:match.start()]
        qualifier = " ".join(_QUALIFIER.findall(phrase))
        out.append(Annotation(_verb(phrase), _dates(match.group()), unit, qualifier))
        previous = match.end()
    tail = text[previous:].strip(" .,;")
    if tail and out:
        last = out[-1]
        extra = f"{last.note} {tail}".strip()
        out[-1] = Annotation(last.verb, last.dates, last.unit, extra)
    elif tail:
        out.append(Annotation(_verb(tail), (), unit, tail))
    return Note(unit, unit_kind(unit), tuple(out))


__all__ = ["DATE", "NOTE_NOUNS", "Note", "is_annotation", "is_continuation", "is_undated_note", "read_note",
           "split_glued", "unit_kind"]
