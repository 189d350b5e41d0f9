"""An independent census of the real Cámara codes: articles, derogations, transitorios, units.

    .venv/bin/python tests/tools/real_codes_report.py [CODE ...] [--labels] [--doubtful] ...

This is the yardstick ``tests/test_real_codes.py`` judges ``read_statute`` by, so it shares no code
with ``parser/``: it removes the Cámara page furniture by its exact block shape, cuts the law body
at the law's own "TRANSITORIOS" line, and finds article headings with one regex written from the
real layouts (``Artículo 1o.-``, ``Artículo 20-Bis.-``, ``Artículo 353-Ñ.-``, ``Artículo 5o. Bis 5.-``,
``Artículo 99 A.-``, ``Artículo 1o.-A BIS.-``, cnpp's ``Artículo 211. Etapas del procedimiento``).
The report's ``--doubtful`` prints every line of the body that starts like an article but is not read as a
heading, and every heading out of numeric order, for a person to check; the answers are in the
comments of ``tests/real_codes_expected.py``. ``--labels`` prints the ordered label lists in the
form that module records them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "dof-samples"

# code -> path under dof-samples
SOURCES: dict[str, str] = {
    "cff": "consolidated-tezca/cff.txt",
    "cnpp": "consolidated-tezca/cnpp.txt",
    "lft": "consolidated-tezca/lft.txt",
    "lic": "consolidated-tezca/lic.txt",
    "ccom": "consolidated-tezca/ccom.txt",
    "lamp": "consolidated/LAmp_ley_de_amparo_diputados_ultima-reforma-DOF-16-10-2025.txt",
    "liva": "consolidated/LIVA_ley_impuesto_valor_agregado_diputados_ultima-reforma-DOF-12-11-2021.txt",
}

_PAGE_COUNTER = re.compile(r"\s*\d+ de \d+\s*")
_LATIN = r"(?:bis|ter|qu[aá]ter|quinquies|quintus|sextus|sexies|s[eé]ptimus|septies|octies|nonies|decies)"
# A qualifier after the number: "-A", "-Ñ", " Bis", "-Bis", ". Bis" (3o. Bis), ".-A" (1o.-A), " 1" after a
# Latin word (Bis 1), a lone capital before the closing period ("99 A.-", "118 A.").
_QUALIFIER = (rf"(?:(?:\.-|-|\.?\s)(?i:{_LATIN})(?![a-záéíóú])"
              r"|(?:\.-|-)[A-ZÑ](?![a-záéíóúñ])"
              r"|\s[A-ZÑ](?=\.)"
              r"|(?<=[a-z])\s\d+(?=[.\s-]))")
HEADING = re.compile(
    rf"Art[íi]culo\s+(?P<number>\d+(?:o|º|°)?(?:{_QUALIFIER})*)\s*(?P<sep>\.-|\.|-)(?:\s+|$)(?P<rest>.*)$")
_ARTICLE_LIKE = re.compile(r"\s*Art[íi]culo\s+\d")
_DEROGATED = re.compile(r"\(?(?:Se deroga|Se Deroga|Derogado|Derogada)\)?\.?\)?\.?\s*$")
# A transitorio of the law: "Artículo Primero.-", "ARTICULO DECIMOPRIMERO.-", "Artículo 1º.-", "ARTÍCULO
# PRIMERO. Declaratoria", or a bare "PRIMERO." / "DÉCIMO PRIMERO." (Ley de Amparo).
TRANSITORIO = re.compile(
    r"(?:(?:Art[íi]culo|ART[ÍI]CULO)\s+"
    r"(?P<n>\d+[º°o]?|[A-ZÁÉÍÓÚ][a-záéíóúA-ZÁÉÍÓÚ]+(?: [A-ZÁÉÍÓÚa-záéíóú]+)?)"
    r"|(?P<bare>[A-ZÁÉÍÓÚ]{4,}(?: [A-ZÁÉÍÓÚ]{4,})?))\s*[.:]-?(?:\s|$)")
_ORDINAL_PARTS = {
    "primero": 1, "segundo": 2, "tercero": 3, "cuarto": 4, "quinto": 5, "sexto": 6, "septimo": 7,
    "octavo": 8, "noveno": 9, "decimo": 10, "undecimo": 11, "duodecimo": 12, "vigesimo": 20,
    "trigesimo": 30, "unico": 1, "decimoctavo": 18,
}


@dataclass(frozen=True, slots=True)
class Heading:
    line: int  # 1-based line in the sample
    number: str  # as printed: "353-Ñ", "5o. Bis 5"
    label: str  # DESIGN §1.2: art_353-nn, art_5-bis-5
    derogated: bool
    text: str  # the heading line as printed


@dataclass(frozen=True, slots=True)
class Census:
    code: str
    body: tuple[int, int]  # 1-based lines: the first article heading, the law's "TRANSITORIOS"
    transitorios: tuple[int, int]  # the law's own TRANSITORIOS section
    headings: tuple[Heading, ...]
    transitorio_lines: tuple[int, ...]

    @property
    def labels(self) -> list[str]:
        return [h.label for h in self.headings]

    @property
    def derogated(self) -> int:
        return sum(h.derogated for h in self.headings)


def fold(text: str) -> str:
    text = text.replace("Ñ", "nn").replace("ñ", "nn")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def article_label(number: str) -> str:
    """'353-Ñ' -> 'art_353-nn'; '5o. Bis 5' -> 'art_5-bis-5'; '1o.-A BIS' -> 'art_1-a-bis'."""
    match = re.match(r"(\d+)(?:o|º|°)?(.*)$", number)
    assert match is not None, number
    parts = [match.group(1), *re.findall(r"[A-Za-zÑñÁÉÍÓÚáéíóú]+|\d+", match.group(2))]
    return "art_" + "-".join(fold(p) for p in parts)


def furniture_lines(lines: Sequence[str]) -> set[int]:
    """0-based indices of page furniture, by the two block shapes of the Cámara PDFs.

    consolidated-tezca: "N de M", running title, "CÁMARA … Última Reforma DOF …", "Secretaría
    General", "Secretaría de Servicios Parlamentarios" (5 lines). pdftotext (consolidated/): from the
    line holding the form feed down to the "N de M" counter (title, CÁMARA, Secretarías, Última Reforma).
    """
    furniture: set[int] = set()
    for index, line in enumerate(lines):
        if not _PAGE_COUNTER.fullmatch(line):
            continue
        if index + 4 < len(lines) and lines[index + 2].startswith("CÁMARA DE DIPUTADOS"):
            furniture.update(range(index, index + 5))
            continue
        start = index
        while start > 0 and "\f" not in lines[start] and index - start < 12:
            start -= 1
        if "\f" in lines[start]:
            furniture.update(range(start, index + 1))
        else:
            furniture.add(index)
    return furniture


def clean_lines(lines: Sequence[str], start: int, stop: int) -> Iterator[tuple[int, str]]:
    furniture = furniture_lines(lines)
    for index in range(start, stop):
        line = lines[index]
        if index in furniture:
            line = line.split("\f")[0] if "\f" in line else ""  # text before a form feed is the page's
        if line.strip():
            yield index, line.rstrip()


def _law_end(lines: Sequence[str]) -> int:
    """0-based index of the law's own 'TRANSITORIOS' line (the first line that is only that word)."""
    return next(i for i, line in enumerate(lines) if line.strip() == "TRANSITORIOS")


def _appendix(lines: Sequence[str], after: int) -> int:
    return next(i for i, line in enumerate(lines)
                if i > after and line.strip().startswith("ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA"))


def ordinal_value(word: str) -> int | None:
    """'DECIMOPRIMERO' -> 11, 'Décimo Primero' -> 11, '1º' -> 1, 'Declaratoria' -> None."""
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    folded = fold(word).replace(" ", "")
    total = 0
    while folded:
        for part, value in sorted(_ORDINAL_PARTS.items(), key=lambda item: -len(item[0])):
            if folded.startswith(part):
                total += value
                folded = folded[len(part):]
                break
        else:
            return None
    return total


def _transitorios(lines: Sequence[str], start: int, stop: int) -> tuple[int, ...]:
    """Lines of the law's own transitorios: an unbroken ordinal run 1, 2, 3 ...

    The run stops where numbering does not go on (Ley de Amparo: "DÉCIMO PRIMERO." is followed by the
    enacting decree's elided "ARTÍCULO SEGUNDO. ……….", which is not a transitorio of the law).
    """
    found: list[int] = []
    for index, line in clean_lines(lines, start, stop):
        match = TRANSITORIO.match(line)
        value = ordinal_value(match.group("n") or match.group("bare")) if match else None
        if value is None:
            continue
        if value != len(found) + 1:
            break
        found.append(index + 1)
    return tuple(found)


def _is_derogated(rest: str, following: str) -> bool:
    text = rest.strip() or following.strip()
    return bool(_DEROGATED.fullmatch(text))


def census(code: str, text: str) -> Census:
    lines = text.split("\n")
    end = _law_end(lines)
    appendix = _appendix(lines, end)
    body = list(clean_lines(lines, 0, end))
    headings = []
    for position, (index, line) in enumerate(body):
        match = HEADING.match(line)
        if match is None:
            continue
        following = body[position + 1][1] if position + 1 < len(body) else ""
        number = match.group("number")
        headings.append(Heading(index + 1, number, article_label(number),
                                _is_derogated(match.group("rest"), following), line))
    transitorio_lines = _transitorios(lines, end + 1, appendix)
    first = headings[0].line if headings else 1
    return Census(code, (first, end + 1), (end + 1, appendix + 1), tuple(headings), transitorio_lines)


# Unit markers at line start for the counts: "I.", "IV.-", "XVI Bis.", "VII bis.", "l." and "lV." (I and
# IV typed with a lowercase L, lft 17483 and 12121); "a)", "a). " (lft 151).
_COUNTED_FRACCION = re.compile(r"(?:[IVXL]+|l[IVXL]*)(?:-[A-ZÑ])?(?: (?i:bis|ter|qu[aá]ter))?\s?\.-?\s")
_COUNTED_INCISO = re.compile(r"(?P<n>[a-zñ])\)\.?-?\s")  # "c).-  Hielo …" (LIVA 358)
_REFERENCE_END = re.compile(r"\b(?:inciso|incisos|fracción|fracciones)\s*$")


@dataclass(frozen=True, slots=True)
class Units:
    fracciones: tuple[int, ...]  # 1-based lines
    incisos: tuple[int, ...]


def units(code: str, text: str) -> Units:
    """Fracción and inciso lines of the law body's articles.

    Not counted: a marker-like line right after a line ending "inciso" or "fracción" (a
    wrapped reference: cff 4199 "… el inciso" / "a) de la fracción III"); an "i)" under an inciso other
    than "h)" (a subnumeral, lic 1134).
    """
    lines = text.split("\n")
    found = census(code, text)
    body = list(clean_lines(lines, found.body[0] - 1, found.body[1] - 1))
    starts = {h.line - 1 for h in found.headings}
    fracciones: list[int] = []
    incisos: list[int] = []
    last_inciso = ""
    for position, (index, line) in enumerate(body):
        if index in starts:
            last_inciso = ""
        previous = body[position - 1][1] if position else ""
        if _REFERENCE_END.search(previous):
            continue
        if _COUNTED_FRACCION.match(line):
            fracciones.append(index + 1)
            last_inciso = ""
        elif (match := _COUNTED_INCISO.match(line)) is not None:
            letter = match.group("n")
            if letter == "i" and last_inciso not in ("", "h"):
                continue
            incisos.append(index + 1)
            last_inciso = letter
    return Units(tuple(fracciones), tuple(incisos))


_ORDINAL_WORD = (r"(?:PRIMER|SEGUND|TERCER|CUART|QUINT|SEXT|S[ÉE]PTIM|OCTAV|NOVEN|D[ÉE]CIM"
                 r"|UND[ÉE]CIM|DUOD[ÉE]CIM|VIG[ÉE]SIM)[OA]")
_NUMERAL = (rf"(?:[IVXL]+|[ÚU]NIC[OA]|[ÚU]nic[oa]|PRELIMINAR|ESPECIAL|{_ORDINAL_WORD}(?: {_ORDINAL_WORD})?"
            r"|(?i:primer|segund|tercer|cuart|quint|sext|s[ée]ptim|octav|noven|d[ée]cim)[oa]"
            r"|ONCE|DOCE|TRECE|CATORCE|QUINCE|DIECIS[ÉE]IS|DIECISIETE)")
_CONTAINERS = {
    "libro": "LIBRO", "titulo": "T[ÍI]TULO", "capitulo": "(?:CAP[ÍI]TULO|Cap[íi]tulo)",
    "seccion": "(?:SECCI[ÓO]N|Secci[óo]n)",
}
_CONTAINER_LINE = {kind: re.compile(rf"{word}\s+{_NUMERAL}(?:[ -](?i:bis|ter))?\s*")
                   for kind, word in _CONTAINERS.items()}


def containers(code: str, text: str) -> dict[str, tuple[int, ...]]:
    """Lines of the libros, títulos, capítulos and secciones before the law's transitorios.

    A heading is a whole line: the word and its number only ("TITULO TRECE BIS", "TÍTULO ESPECIAL",
    "SECCIÓN ÚNICA", "Capitulo XIII Bis"); "Capítulo II del …", "Sección adicionada DOF …" and
    "Capítulo, relativo a …" are wrapped prose or notes.
    """
    lines = text.split("\n")
    found = census(code, text)
    clean = list(clean_lines(lines, 0, found.body[1] - 1))
    return {kind: tuple(index + 1 for index, line in clean if pattern.fullmatch(line.strip()))
            for kind, pattern in _CONTAINER_LINE.items()}


def doubtful(code: str, text: str) -> Iterator[str]:
    """Lines a person must look at: article-like lines not read as headings, order breaks, repeats."""
    lines = text.split("\n")
    found = census(code, text)
    heading_lines = {h.line for h in found.headings}
    for index, line in clean_lines(lines, found.body[0] - 1, found.body[1] - 1):
        if _ARTICLE_LIKE.match(line) and index + 1 not in heading_lines:
            yield f"{code}:{index + 1}: not a heading: {line[:100]}"
    previous = 0
    seen: set[str] = set()
    for heading in found.headings:
        base = int(heading.number[:len(heading.number) - len(heading.number.lstrip("0123456789"))])
        if base < previous:
            yield f"{code}:{heading.line}: out of order after {previous}: {heading.text[:100]}"
        if heading.label in seen:
            yield f"{code}:{heading.line}: repeated {heading.label}: {heading.text[:100]}"
        seen.add(heading.label)
        previous = max(previous, base)
