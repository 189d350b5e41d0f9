"""The structural check of a parsed text: does the tree look like a statute as it is published?

juriscraper runs ``_check_sanity`` on every scrape so that drift in a source shows up as a
warning, not as silently wrong data. This is the same for a provision tree, run on every parse
(``parse_statute``) and on every text the store versions: numbering that goes backwards or skips
(artículos 57, 57 Bis, 58 …; fracciones I, II, II Bis, III …; incisos a … n, ñ, o …; numerales
1, 2 …; transitorios; títulos, capítulos and secciones within their parent), and text a
provision should never hold: a título/capítulo/sección heading swallowed into it, page
furniture of the Cámara or DOF PDFs, a Cámara history note
("Fracción reformada DOF 01-12-2004").

Consolidated texts print derogated articles ("Artículo 2o.- (Se deroga).") so a gap in the
artículos is a finding too. Pure and linear: one walk over the tree, then a few regex scans
over all texts joined; a 1.4 MB code is checked in a few milliseconds (4-8 % of its parse).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from . import labels
from .annotations import DATE
from .furniture import DOF_DATE, DOF_SECTION
from .model import CONTAINER_KINDS, Document, Finding, FindingKind, Kind, Provision
from .vocabulary import LETTERS

# Units numbered in a list under one parent; the parent's label scopes the sequence.
_LIST_KINDS = frozenset({Kind.FRACCION, Kind.INCISO, Kind.NUMERAL})
# Units numbered across the whole document (articles are unique within one, DESIGN §1.2).
_DOCUMENT_KINDS = frozenset({Kind.ARTICULO, Kind.TRANSITORIO})
# Top-level numerales of a text with no artículos (a manual, a NOM) are numbered like articles.
_TOP_LEVEL_UNITS = frozenset({Kind.NUMERAL})
_NOUN = {Kind.LIBRO: "libro", Kind.TITULO: "título", Kind.CAPITULO: "capítulo", Kind.SECCION: "sección",
         Kind.ARTICULO: "artículo", Kind.TRANSITORIO: "transitorio", Kind.FRACCION: "fracción",
         Kind.INCISO: "inciso", Kind.NUMERAL: "numeral"}
# Incisos run a … n, ñ, o … z (vocabulary.LETTERS: "ñ" is "nn" in labels, DESIGN §1.2).
_LETTER_VALUE = {letter: index for index, letter in enumerate(LETTERS, start=1)}
_N, _O = _LETTER_VALUE["n"], _LETTER_VALUE["o"]

_NUMBER_WORD = (r"(?:[IVXLC]+|\d+|PRIMER[OA]?|SEGUND[OA]|TERCER[OA]?|CUART[OA]|QUINT[OA]|SEXT[OA]"
                r"|S[ÉE]PTIM[OA]|OCTAV[OA]|NOVEN[OA]|(?:D[ÉE]CIM[OA]|VIG[ÉE]SIM[OA])(?:\s?[A-ZÉ]+)?"
                r"|UND[ÉE]CIM[OA]|DUOD[ÉE]CIM[OA]|[ÚU]NIC[OA]|PRELIMINAR)")
_NUMBER_WORD_TITLE = (r"(?:[IVXLC]+|\d+|Primer[oa]?|Segund[oa]|Tercer[oa]?|Cuart[oa]|Quint[oa]"
                      r"|Sext[oa]|S[ée]ptim[oa]|Octav[oa]|Noven[oa]|(?:D[ée]cim[oa]|Vig[ée]sim[oa])"
                      r"(?:\s[A-Za-zé]+)?|Und[ée]cim[oa]|Duod[ée]cim[oa]|[ÚU]nic[oa]|Preliminar)")
# All texts are checked at once, joined by NUL (which no text holds): a handful of regex scans
# over one string instead of a dozen calls per provision. Each pattern starts with a literal or a
# small character set, so the scan skips ahead instead of trying every position.
_JOIN = "\x00"
# A heading inside a text: in capitals anywhere ("… de la Ley. CAPÍTULO II De las …"), or in
# title case where a text or sentence starts and a title follows ("Sección Primera Disposiciones
# …"); prose cites "el Capítulo II del Título Tercero" in title case, never so. The lines of the
# Cámara running header are found in the same scan (every branch opens with C, L, S or T, and one
# scan for that set of letters costs what one for a literal does): "CÁMARA DE DIPUTADOS DEL H.
# CONGRESO DE LA UNIÓN", or its two Secretarías one after the other; each Secretaría alone, or
# the Centro de Documentación, is a real body that the Cámara's own instruments name in prose.
_UPPER_HEADING = rf"\s+{_NUMBER_WORD}\b(?!\s+(?:de|del|y|o)\b)"
_TITLE_HEADING = rf"\s+{_NUMBER_WORD_TITLE}(?:\s+Bis)?(?=\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]|\s*{_JOIN})"
_OUT_OF_PLACE = re.compile(  # one flat alternation: only then does re scan for the first letters
    rf"LIBRO{_UPPER_HEADING}|T[ÍI]TULO{_UPPER_HEADING}|CAP[ÍI]TULO{_UPPER_HEADING}"
    rf"|SECCI[ÓO]N{_UPPER_HEADING}|Libro{_TITLE_HEADING}|T[íi]tulo{_TITLE_HEADING}"
    rf"|Cap[íi]tulo{_TITLE_HEADING}|Secci[óo]n{_TITLE_HEADING}"
    r"|C[ÁA]MARA DE DIPUTADOS DEL H\. CONGRESO DE LA UNI[ÓO]N"
    r"|Secretar[íi]a General\s+Secretar[íi]a de Servicios Parlamentarios")
_SENTENCE_START = re.compile(rf"(?:^|{_JOIN}|[.;]\s+)$")
# A heading in capitals cited by a decree's clause: "la denominación del CAPÍTULO II, del TÍTULO
# SEGUNDO", "se adiciona un CAPÍTULO I Bis denominado …" (DOF 1 April 2024, Código de Comercio).
_CITED = re.compile(r"\b(?:del|de|el|al|la|las|los|un|una|en|y|e|o|u|a)\s+$", re.IGNORECASE)
# The other furniture parser.furniture removes line by line: "Última Reforma DOF dd-mm-yyyy" is
# found with the history notes by its "DOF dd-mm-yyyy", and DOF edition headers ("Viernes 17 de
# enero de 2025 DIARIO OFICIAL (Primera Sección)") by "DIARIO OFICIAL" and what stands around it.
_DIARIO = re.compile("DIARIO OFICIAL")
_DIARIO_BEFORE = re.compile(rf"(?:{DOF_DATE}|{DOF_SECTION})\s*$")
_DIARIO_AFTER = re.compile(rf"\s*(?:{DOF_DATE}|{DOF_SECTION})")
_DOF_DATE = re.compile(rf"DOF\s+{DATE}")
_LAST_REFORM_BEFORE = re.compile(r"[ÚU]ltimas?\s+Reformas?\s+$")
# A Cámara history note: "[Fracción] reformada DOF 01-12-2004", "Párrafo adicionado DOF …".
_NOTE_BEFORE = re.compile(
    r"(?:\b(?:Art[íi]culo|P[áa]rrafo|Fracci[óo]n|Inciso|Numeral|Apartado|Cap[íi]tulo|Secci[óo]n"
    r"|T[íi]tulo|Denominaci[óo]n)s?\s+(?:con\s+\w+\s+)?)?"
    r"\b(?:[Rr]eformad|[Aa]dicionad|[Dd]erogad|[Rr]ecorrid|[Rr]eubicad|[Rr]enumerad)[oa]s?"
    r"\s+(?:(?:por|en)\s+(?:el\s+)?)?$")
# An "N de M" page counter left at the end of a text, after its last full stop (N <= M is checked
# after: "31 de 12" is no page). Inside a text one is not looked for: no pattern tells it from
# prose cheaply, and it comes with the running header, which is found.
_PAGE_AT_END = re.compile(r"[.;:]\s+(\d{1,4})\s+de\s+(\d{1,4})\s*$")


@dataclass(slots=True)
class _Last:
    """The previous unit of one numbered sequence: its number, as a value and as a sort key."""

    number: str
    value: int | None
    key: tuple[tuple[int, int, str], ...]


def check_document(document: Document) -> tuple[Finding, ...]:
    """Every structural doubt about ``document``, in document order (line unknown: None).

    >>> from parser.model import Provision, Kind
    >>> arts = [Provision(f"art_{n}", Kind.ARTICULO, str(n), text="Texto.") for n in (1, 2, 4)]
    >>> [str(f) for f in check_document(Document("Ley", tuple(arts)))]
    ['artículo 4 después de 2: falta 3 [art_4]']
    """
    walk = _Walk()
    walk.visit(document.provisions, True)
    found = [(index, 0, finding) for index, finding in walk.findings]
    found.extend((index, 1, finding) for index, finding in _check_texts(walk.texts))
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(finding for _, _, finding in found)


def with_check(document: Document, opened: Mapping[str, int] | None = None) -> Document:
    """``document`` with the check's findings after its reading's; a doubt the reading already
    raised on a provision (same kind, same label) is not repeated.

    ``opened`` (label -> input line on which the provision opened, ``parser.tree``) gives each
    check finding its line: the line of the provision it names - for a gap ("falta III"), the
    unit after the gap; for text out of place, the provision holding it."""
    raised = {(finding.kind, finding.label) for finding in document.findings}
    checked = tuple(f for f in check_document(document) if (f.kind, f.label) not in raised)
    if opened:
        checked = tuple(_located(finding, opened) for finding in checked)
    return replace(document, findings=document.findings + checked) if checked else document


def _located(finding: Finding, opened: Mapping[str, int]) -> Finding:
    """``finding`` with the line its label opened on, when it has none and the line is known."""
    if finding.line is not None or finding.label is None:
        return finding
    line = opened.get(finding.label)
    return replace(finding, line=line) if line else finding


@dataclass(slots=True)
class _Walk:
    """One walk over the tree: numbering findings as it goes, texts kept for one joined scan.

    Each finding is paired with the number of texts seen before its provision, so the two kinds
    merge back into document order."""

    texts: list[Provision] = field(default_factory=list)
    findings: list[tuple[int, Finding]] = field(default_factory=list)
    document_level: dict[tuple[Kind, bool], _Last] = field(default_factory=dict)

    def visit(self, children: Iterable[Provision], top: bool) -> None:
        """Check ``children`` (siblings, in order) and below; ``top``: their parent is the
        document or a container, where articles, transitorios and top-level numerales hang."""
        siblings: dict[tuple[Kind, bool], _Last] = {}
        for child in children:
            kind = child.kind
            if kind in CONTAINER_KINDS:  # títulos in a libro, capítulos in a título: no first number
                found = _step(siblings, child, first_is_one=False)
            elif kind in _DOCUMENT_KINDS or top and kind in _TOP_LEVEL_UNITS:
                found = _step(self.document_level, child, first_is_one=False)
            elif kind in _LIST_KINDS:
                found = _step(siblings, child, first_is_one=True)
            else:
                found = None
            if found is not None:
                self.findings.append((len(self.texts), found))
            if child.text:
                self.texts.append(child)
            if child.children:
                self.visit(child.children, kind in CONTAINER_KINDS)


def _number(label: str) -> str:
    """The number of a label's last part: 'art_57__frac_iii' -> 'iii'."""
    return labels.Label.parse(label).number


@lru_cache(maxsize=4096)
def _position(kind: Kind, number: str) -> tuple[bool, int | None, tuple[tuple[int, int, str], ...]]:
    """(subnumeral?, base value, sort key) of a unit number; value None when it cannot be read.

    Subnumerales ('i', 'ii' under an inciso) are numerales in lowercase Roman: a list of their
    own next to the Arabic one.
    """
    head, _, rest = number.partition("-")
    qualifiers = labels.number_sort_key("0-" + rest)[1:] if rest else ()
    subnumeral = False
    value: int | None
    if kind is Kind.INCISO:
        value = _LETTER_VALUE.get(head)
        if value is None and len(head) == 2 and head[0] == head[1] and head[0] in _LETTER_VALUE:
            value = len(LETTERS) + _LETTER_VALUE[head[0]]  # aa), bb) after z)
    elif head.isdigit():
        value = int(head)
    else:
        try:
            value = labels.roman_to_int(head)
        except ValueError:
            value = None
        subnumeral = kind is Kind.NUMERAL
    return subnumeral, value, ((2, value if value is not None else 0, head), *qualifiers)


def _step(sequences: dict[tuple[Kind, bool], _Last], unit: Provision, *,
          first_is_one: bool) -> Finding | None:
    """Compare ``unit`` with the unit before it in its sequence; remember it as the last."""
    kind = unit.kind
    number = _number(unit.label)
    subnumeral, value, key = _position(kind, number)
    sequence = (kind, subnumeral)
    last = sequences.get(sequence)
    sequences[sequence] = _Last(number, value, key)
    if value is None:
        return None
    if last is None:
        if first_is_one and value > 1 and not key[1:]:
            return Finding(FindingKind.GAP, f"la lista abre con {_noun(kind, subnumeral)} "
                           f"{_shown(kind, number)}: {_missing(kind, subnumeral, 0, value)}",
                           label=unit.label)
        return None
    if last.value is None:
        return None
    if key <= last.key:
        return Finding(FindingKind.ORDER, f"{_noun(kind, subnumeral)} {_shown(kind, number)} "
                       f"después de {_shown(kind, last.number)}", label=unit.label)
    if value > last.value + 1 and not (kind is Kind.INCISO and last.value == _N and value == _O):
        return Finding(FindingKind.GAP, f"{_noun(kind, subnumeral)} {_shown(kind, number)} después "
                       f"de {_shown(kind, last.number)}: {_missing(kind, subnumeral, last.value, value)}",
                       label=unit.label)
    return None


def _noun(kind: Kind, subnumeral: bool) -> str:
    return "subnumeral" if subnumeral else _NOUN[kind]


def _shown(kind: Kind, number: str) -> str:
    """A label number as the text prints it: '57-bis' -> '57 Bis', 'iii' -> 'III', 'nn' -> 'ñ)'."""
    return labels.display_number(kind, number)


def _missing(kind: Kind, subnumeral: bool, after: int, before: int) -> str:
    """'falta III' or 'faltan III a V': the numbers between two values of a sequence."""
    first, last = _written(kind, subnumeral, after + 1), _written(kind, subnumeral, before - 1)
    if first == last:
        return f"falta {first}"
    return f"faltan {first} {'y' if before - after == 3 else 'a'} {last}"


def _written(kind: Kind, subnumeral: bool, value: int) -> str:
    if kind is Kind.INCISO:
        letter = LETTERS[(value - 1) % len(LETTERS)]
        return ("ñ" if letter == "nn" else letter * (1 + (value - 1) // len(LETTERS))) + ")"
    if kind is Kind.FRACCION:
        return labels.int_to_roman(value)
    if subnumeral:
        return labels.int_to_roman(value).lower()
    return str(value)


def _check_texts(texts: Sequence[Provision]) -> Iterator[tuple[int, Finding]]:
    """Headings, page furniture and history notes have no place inside a provision's text: each
    found is a finding (one per provision and kind), with the index of its provision."""
    joined = _JOIN.join(p.text for p in texts) + _JOIN
    starts = list(accumulate((len(p.text) + 1 for p in texts), initial=0))
    seen: set[tuple[int, FindingKind]] = set()
    for kind, what, start, end in _scan(joined, starts):
        index = bisect_right(starts, start) - 1
        if (index, kind) in seen:
            continue
        seen.add((index, kind))
        excerpt = _excerpt(joined[start:end])
        yield index, Finding(kind, f"{what} dentro del texto: «{excerpt}»", label=texts[index].label)


def _scan(joined: str, starts: Sequence[int]) -> Iterator[tuple[FindingKind, str, int, int]]:
    """(kind, what, start, end) of everything out of place in the joined texts (``starts``: where
    each text starts; the last is the end)."""
    heading = FindingKind.HEADING_IN_TEXT, "encabezado"
    furniture = FindingKind.FURNITURE, "texto de página (encabezado o folio)"
    for found in _OUT_OF_PLACE.finditer(joined):
        start = found.start()
        text = found.group()
        if text.startswith(("CÁMARA", "CAMARA", "Secretar")):
            yield *furniture, start, found.end()
        elif text[1].isupper() and not _CITED.search(joined, max(0, start - 12), start) or \
                text[1].islower() and _SENTENCE_START.search(joined, max(0, start - 4), start):
            yield *heading, start, found.end()  # title case only where a sentence starts
    for found in _DIARIO.finditer(joined):
        window = max(0, found.start() - 48)
        before = _DIARIO_BEFORE.search(joined, window, found.start())
        after = _DIARIO_AFTER.match(joined, found.end())
        if before or after:
            yield (*furniture, before.start() if before else found.start(),
                   after.end() if after else found.end())
    for end in starts[1:]:
        page = _PAGE_AT_END.search(joined, max(0, end - 24), end - 1)
        if page is not None and int(page.group(1)) <= int(page.group(2)):
            yield *furniture, page.start(1), page.end()
    yield from _dated(joined)


def _dated(joined: str) -> Iterator[tuple[FindingKind, str, int, int]]:
    """What a "DOF dd-mm-yyyy" closes: "Última Reforma DOF …" (furniture) or a history note."""
    for found in _DOF_DATE.finditer(joined):
        opened = joined.rfind(_JOIN, 0, found.start()) + 1
        window = max(opened, found.start() - 80)
        reform = _LAST_REFORM_BEFORE.search(joined, window, found.start())
        if reform is not None:
            yield FindingKind.FURNITURE, "texto de página (encabezado o folio)", reform.start(), found.end()
            continue
        note = _NOTE_BEFORE.search(joined, window, found.start())
        if note is not None:
            yield FindingKind.ANNOTATION_IN_TEXT, "nota de reforma", note.start(), found.end()


def _excerpt(text: str, width: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


__all__ = ["check_document", "with_check"]
