"""Fe de erratas, Aclaraciones and Notas aclaratorias -> the publication they correct and each
correction: where (as written, and as a label), the wrong text and the right one.

The DOF prints them in a few stable forms (the Cámara's consolidated texts quote many, e.g. the
CFF's "FE de erratas … publicado el 12 de diciembre de 2011"; see the fixtures in
fixtures/errata/):

* a heading naming the publication: "FE de erratas al Decreto por el que se reforman …,
  publicado el 15 de mayo de 2024" (also "ACLARACIÓN a la …", "NOTA Aclaratoria al …", with
  "Primera Sección" or "Edición Vespertina" when the DOF had several that day);
* items "En la página 5, primera columna, en el artículo 57, fracción IX, dice: … Debe decir:
  …", the place on its own line or before "dice:" on the same one, "Dice:" alone, or no place
  at all (the words quoted are then the place); "Primera Sección, página 20, renglones 38 al 41."
  then "Artículo 82. ......" then "Dice:" (the quoted article's marker, with an ellipsis);
* a two-column table "DICE | DEBE DECIR", with a first column for the place when there is one.

Reading is pure and tolerant: a place that names no provision leaves the label ``None`` (the
words are then searched in the whole text); what cannot be read (a "dice" with no "debe
decir") is a ``Finding`` with its line, never dropped. Where a correction lands is decided
against a text by ``diffing.errata``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from errors import InputError

from . import labels
from .amendments import read_amendment_text
from .citations import parse_citation
from .dates import find_date
from .furniture import physical_lines
from .lines import classify_lines
from .model import Finding, FindingKind, Kind
from .print_layout import printed_text
from .vocabulary import ELLIPSIS_RUN, fold_text


class ErrataKind(StrEnum):
    FE_DE_ERRATAS = "fe de erratas"
    ACLARACION = "aclaracion"
    NOTA_ACLARATORIA = "nota aclaratoria"


class Scope(StrEnum):
    """What a correction corrects."""

    PROVISION = "provision"  # the text of a provision (its label, or found by the words quoted)
    CLAUSE = "clause"        # the amending clause itself ("Se REFORMAN …, para quedar como sigue:")
    OUTSIDE = "outside"      # considerandos, preamble, signatures: no provision's text


@dataclass(frozen=True, slots=True)
class Publication:
    """The publication an erratum corrects, as its heading names it."""

    title: str                 # "Decreto por el que se reforman … del Código Fiscal de la Federación"
    published: date | None     # "publicado el 12 de diciembre de 2011"
    section: str = ""          # "Primera Sección", when given
    edition: str = ""          # "Vespertina", when given


@dataclass(frozen=True, slots=True)
class Correction:
    """One "dice: … Debe decir: …" item."""

    place: str                 # as written: "En la página 5, primera columna, en el artículo 57, …"
    label: str | None          # what the place names (None: find the words in the whole text)
    wrong: str                 # what the publication says (lines kept)
    right: str                 # what it must say
    line: int                  # 1-based line of its "dice" in the text read
    scope: Scope = Scope.PROVISION


@dataclass(frozen=True, slots=True)
class Errata:
    kind: ErrataKind
    corrects: Publication
    corrections: tuple[Correction, ...]
    # what the print left (parser.print_layout) and items that could not be read (UNREADABLE)
    findings: tuple[Finding, ...] = ()


# --- patterns (on folded text: lowercase ASCII, same length as the original) --------------------
_HEAD = re.compile(r"\s*(fe\s+de\s+erratas|aclaracion(?:es)?|nota\s+aclaratoria)\b")
_KINDS = {"fe": ErrataKind.FE_DE_ERRATAS, "ac": ErrataKind.ACLARACION, "no": ErrataKind.NOTA_ACLARATORIA}
_CONNECTOR = re.compile(r"[\s,.:]*(?:que\s+emiten?\s+.*?\s+(?=(?:al|a\s+la|a\s+los|a\s+las)\s))?"
                        r"(?:(?:a\s+la|a\s+los|a\s+las|al|a|de\s+la|"
                        r"de\s+los|de\s+las|del|de|en\s+relacion\s+(?:con\s+)?(?:el|la|los|las)?)\s+)?")
_PUBLISHED = re.compile(r",?\s*publicad[oa]s?\b")
_SECTION = re.compile(r"\b(primera|segunda|tercera|cuarta|quinta|sexta|septima|octava|novena|decima)"
                      r"\s+seccion\b")
_EDITION = re.compile(r"\bedicion\s+(matutina|vespertina|extraordinaria)\b")
_DICE = re.compile(r"(?:^|(?<=[\s,.;:]))(?:se\s+)?dice\s*:")
_DEBE = re.compile(r"(?:^|(?<=[\s,.;:]))debe\s+decir\s*:")
_SEAL = re.compile(r"\s*al\s+margen\b")
_PLACE_START = re.compile(
    r"\s*(?:en\s+)?(?:(?:la|el)\s+)?(?:(?:primera|segunda|tercera|cuarta|quinta|sexta)\s+seccion\b"
    r"|paginas?\s+\d|edicion\s+(?:matutina|vespertina|extraordinaria)\b)"
    r"|\s*en\s+(?:el|la|los|las)\s+(?:articulo|fraccion|inciso|numeral|parrafo|transitorio|titulo"
    r"|capitulo|seccion|apartado|anexo|denominacion|considerando|preambulo|proemio|tabla|cuadro"
    r"|rubro|encabezado|unico|primero|segundo|tercero|cuarto|quinto|sexto|septimo|octavo|noveno"
    r"|decimo)\b")
_CLOSING = re.compile(
    r"\s*(?:atentamente|sufragio\s+efectivo|ciudad\s+de\s+mexico,?\s+a\s+\d|mexico,\s+d\.\s*f\.,?\s+a\s"
    r"|dado\s+en\b|la\s+presente\s+(?:fe\s+de\s+erratas|aclaracion|nota)\b)"
    r"|.*[.-]\s*rubricas?\.?\s*$")
# Where in the printed edition: page, column, line, section and edition say nothing of the provision.
_PRINT_PLACE = re.compile(
    r"(?:\b(?:en\s+)?(?:la\s+)?(?:primera|segunda|tercera|cuarta|quinta|sexta|septima|octava|novena"
    r"|decima)\s+(?:seccion|columna)\b"
    r"|\b(?:en\s+)?(?:la\s+)?paginas?\s+\d+(?:\s*(?:,|y|a|al)\s*\d+)*"
    r"|\b(?:\w+\s+)?(?:renglon(?:es)?|lineas?)(?:\s+\d+(?:\s*(?:,|y|a|al)\s*\d+)*)?"
    r"|\b(?:\w+\s+)?columna\b"
    r"|\bedicion\s+\w+|\bdel?\s+(?:diario\s+oficial|dof)\b(?:\s+de\s+la\s+federacion)?"
    r"|(?:\bse\s+)?\bdice\s*:?)")
# The heading of the next instrument (a compilation's next decree): the last item ended before it.
_NEXT_INSTRUMENT = re.compile(r"(?:DECRETO|ACUERDO|RESOLUCI[ÓO]N|MODIFICACI[ÓO]N|FE de erratas|ACLARACI[ÓO]N"
                              r"|NOTA [Aa]claratoria)\s+(?:por|que|mediante|al?|del?)\b")
_OUTSIDE_PLACE = re.compile(r"\b(?:considerandos?|preambulo|proemio|exposicion\s+de\s+motivos|sello"
                            r"|firmas?|rubricas?|sumario|indice|antecedentes?|fundamento)\b")
_CLAUSE_TEXT = re.compile(
    r"para\s+quedar\s+(?:como\s+sigue|de\s+la\s+siguiente\s+manera|en\s+los\s+siguientes\s+terminos)"
    r"|^\s*(?:articulo\s+\w+|unico)\s*[.:-]+\s*se\s+(?:reforma|adiciona|deroga|modifica)")
_ELLIPSIS = re.compile(ELLIPSIS_RUN)
# the words around a citation in a place ("en el artículo 57, fracción IX, dice:"): the strict
# citation reader refuses words it does not know, so the place's own prose is cut first
_PLACE_HEAD = re.compile(r"^[\s,;:]*(?:(?:en|el|la|los|las|del|de|al|y"
                         r"|denominaci[oó]n|rubro|ep[ií]grafe|nombre|texto)\s+)+", re.IGNORECASE)
_PLACE_TAIL = re.compile(r"[\s,;:]*(?:dice|debe\s+decir)?[\s,;:.]*$", re.IGNORECASE)
_TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")


def read_errata(data: bytes, name: str = "") -> Errata:
    """An erratum's bytes (plain text, or the HTML of a DOF note) -> its ``Errata``."""
    return parse_errata(read_amendment_text(data, name))


def parse_errata(text: str) -> Errata:
    """The ``Errata`` of an erratum's text in any layout ``parser.print_layout`` reads.

    >>> e = parse_errata("FE de erratas al Acuerdo X, publicado el 14 de mayo de 2024.\\n"
    ...                  "En la página 5, en el artículo 3, fracción II, dice:\\nsalud\\n"
    ...                  "Debe decir:\\nsalubridad\\n")
    >>> e.corrects.published, [(c.label, c.wrong, c.right) for c in e.corrections]
    (datetime.date(2024, 5, 14), [('art_3__frac_ii', 'salud', 'salubridad')])
    """
    printed = printed_text(text)
    lines = [" ".join(line.split()) for line in printed.text.split("\n")]
    for row in physical_lines(printed.text):
        if row.furniture:  # a running header or page counter inside a quoted text
            lines[row.lineno - 1] = ""
    reader = _Reader(lines)
    reader.read()
    kind, publication = _publication(lines)
    return Errata(kind, publication, tuple(reader.corrections),
                  (*printed.findings, *reader.findings))


# --- the heading --------------------------------------------------------------------------------
def _publication(lines: list[str]) -> tuple[ErrataKind, Publication]:
    """The erratum's kind and the publication its heading names (the lines before the first item)."""
    heading: list[str] = []
    for line in lines:
        folded = fold_text(line)
        if not line or _SEAL.match(folded):
            if heading:
                break
            continue
        if _DICE.search(folded) or _DEBE.search(folded) or line.startswith("|") or \
                (heading and _PLACE_START.match(folded)):
            break
        if heading or _HEAD.match(folded):
            heading.append(line)
        said = _PUBLISHED.search(fold_text(" ".join(heading))) if heading else None
        if said is not None and find_date(" ".join(heading)[said.start():]) is not None:
            break  # "…, publicado el 15 de mayo" / "de 2024.": the heading ends with its date
    text = " ".join(heading)
    folded = fold_text(text)
    head = _HEAD.match(folded)
    if head is None:
        raise InputError("no es una fe de erratas: no tiene el encabezado «Fe de erratas», «Aclaración» "
                         "ni «Nota aclaratoria»")
    kind = _KINDS[head.group(1)[:2]]
    start = _CONNECTOR.match(folded, head.end())
    rest_at = start.end() if start else head.end()
    published = _PUBLISHED.search(folded, rest_at)
    title = text[rest_at:published.start() if published else len(text)].strip(" ,.")
    when = find_date(text[published.start():]) if published else None
    section = _SECTION.search(folded)
    edition = _EDITION.search(folded)
    return kind, Publication(
        title[:1].upper() + title[1:], when.on() if when else None,
        text[section.start():section.end()] if section else "",
        text[edition.start(1):edition.end(1)].capitalize() if edition else "")


# --- the items ----------------------------------------------------------------------------------
class _Reader:
    """A small state machine over the lines: place -> dice -> debe decir -> (place | dice | end)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.corrections: list[Correction] = []
        self.findings: list[Finding] = []
        self.place: list[str] = []
        self.wrong: list[str] | None = None
        self.right: list[str] | None = None
        self.dice_line = 0
        self.header: list[str] | None = None  # a DICE | DEBE DECIR table's header cells, folded
        self.header_text: list[str] = []      # and as written

    def read(self) -> None:
        started = False
        for number, line in enumerate(self.lines, start=1):
            folded = fold_text(line)
            if not line:
                continue
            if _SEAL.match(folded):
                continue  # "Al margen un sello …, que dice: …": not a correction
            if line.startswith("|"):
                self._table_row(number, line)
                started = True
                continue
            self.header = None
            if not started and not (_DICE.search(folded) or _PLACE_START.match(folded)):
                continue  # the heading, the seal, an introduction
            started = True
            if self.right is not None and (_CLOSING.match(folded) or _NEXT_INSTRUMENT.match(line)):
                self._close()
                started = False
                continue
            self._line(number, line, folded)
        self._close()

    def _line(self, number: int, line: str, folded: str) -> None:
        dice, debe = _DICE.search(folded), _DEBE.search(folded)
        if debe is not None and (dice is None or dice.start() > debe.start()):
            before, after = line[:debe.start()].strip(), line[debe.end():].strip()
            if self.wrong is None:
                self.findings.append(Finding(FindingKind.UNREADABLE, "«Debe decir» sin «dice» antes: "
                                             "no se sabe qué corrige", number))
                self.wrong = []
            elif before:
                self.wrong.append(before)
            if self.right is not None:
                self._close()
            self.right = [after] if after else []
            return
        if dice is not None:
            if self.wrong is not None:
                self._close()
            self.place.append(line[:dice.start()].strip())
            after = line[dice.end():].strip()
            self.wrong, self.dice_line = ([after] if after else []), number
            return
        if self.right is not None:
            if _PLACE_START.match(folded):
                self._close()
                self.place.append(line)
            else:
                self.right.append(line)
        elif self.wrong is not None:
            self.wrong.append(line)
        else:
            self.place.append(line)

    def _close(self) -> None:
        """The item read so far is complete (or, without its "Debe decir", a finding)."""
        if self.wrong is not None and self.right is None:
            self.findings.append(Finding(FindingKind.UNREADABLE, "«dice» sin «Debe decir»: la "
                                         "corrección no se puede aplicar", self.dice_line))
        elif self.wrong is not None and self.right is not None:
            self._add(" ".join(p for p in self.place if p), "\n".join(self.wrong),
                      "\n".join(self.right), self.dice_line)
        self.place, self.wrong, self.right = [], None, None

    def _add(self, place: str, wrong: str, right: str, line: int) -> None:
        scope = _scope(place, wrong, right)
        label = place_label(place, wrong) if scope is not Scope.CLAUSE else None
        self.corrections.append(Correction(place, label, wrong, right, line, scope))

    def _table_row(self, number: int, line: str) -> None:
        if _TABLE_RULE.fullmatch(line):
            return
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        folded = [" ".join(fold_text(c).rstrip(":").split()) for c in cells]
        if "dice" in folded and "debe decir" in folded:
            self._close()
            self.header, self.header_text = folded, cells
            return
        if self.header is None or len(cells) != len(self.header):
            if self.wrong is not None and self.right is None:
                self.wrong.append(line)
            elif self.right is not None:
                self.right.append(line)
            return
        wrong, right = cells[self.header.index("dice")], cells[self.header.index("debe decir")]
        place = ", ".join(_table_place(head, shown, cell) for head, shown, cell
                          in zip(self.header, self.header_text, cells, strict=True)
                          if head not in ("dice", "debe decir") and cell)
        if wrong or right:
            self._add(" ".join([*self.place, place]).strip(), wrong, right, number)


def _table_place(head: str, shown: str, cell: str) -> str:
    """A place cell as a place: "Artículo | 57, fracción IX" -> "Artículo 57, fracción IX"."""
    if not cell[:1].isdigit() or head in ("ubicacion", "referencia", "lugar"):
        return cell
    return f"{shown} {cell}"


def place_label(place: str, wrong: str = "") -> str | None:
    """The provision a place names, page, column and line left out; refined by the marker the
    quoted text opens with ("Artículo 82. ……" then "IV. De …" is fracción IV of artículo 82).

    >>> place_label("En la página 5, primera columna, en el artículo 57, fracción IX, dice:")
    'art_57__frac_ix'
    >>> place_label("Primera Sección, página 24, en el Artículo Segundo Transitorio, segundo párrafo")
    'tra_2__par_2'
    >>> place_label("En la página 19, primera columna, párrafo antepenúltimo") is None
    True
    """
    folded = fold_text(place)
    kept = list(place)
    for match in _PRINT_PLACE.finditer(folded):
        kept[match.start():match.end()] = " " * (match.end() - match.start())
    rest = _ELLIPSIS.sub(" ", "".join(kept))
    label = _place_citation(_PLACE_TAIL.sub("", _PLACE_HEAD.sub("", rest.strip(" ,.;:"))))
    return _refined(label, wrong)


def _place_citation(rest: str) -> str | None:
    """The citation a place ends with: the whole of it, else its longest readable tail of
    comma-separated parts ("ÚNICO, numeral 7": the amending article's own name, then the unit it
    amends). Where the words then land is still checked: a wrong place is an unplaced correction."""
    parts = rest.split(",")
    for start in range(len(parts)):
        tail = _PLACE_HEAD.sub("", ",".join(parts[start:]).strip(" ,.;:"))
        if not re.search(r"\w", tail):
            return None
        try:
            return parse_citation(tail)
        except InputError:
            continue
    return None


_CHILD_OF_ARTICLE = {Kind.FRACCION, Kind.APARTADO}


def _refined(label: str | None, wrong: str) -> str | None:
    first = next((line for line in classify_lines(wrong) if line.unit is not None and line.number),
                 None) if wrong.strip() else None
    if first is None or first.unit is None:
        return label
    try:
        part = labels.part(first.unit, first.number)
    except ValueError:
        return label
    if label is None:
        return part if first.unit is Kind.ARTICULO else None
    kinds = [kind for kind, _ in labels.split(label)]
    if kinds[-1] is Kind.ARTICULO and first.unit in _CHILD_OF_ARTICLE:
        return labels.join(label, part)
    return label


def _scope(place: str, wrong: str, right: str) -> Scope:
    if _CLAUSE_TEXT.search(fold_text(wrong)) or _CLAUSE_TEXT.search(fold_text(right)):
        return Scope.CLAUSE
    if _OUTSIDE_PLACE.search(fold_text(place)):
        return Scope.OUTSIDE
    return Scope.PROVISION


__all__ = ["Correction", "Errata", "ErrataKind", "Publication", "Scope", "parse_errata", "place_label",
           "read_errata"]
