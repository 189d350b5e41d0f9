"""From raw statute text to logical lines: page furniture out, wrapped lines joined.

Statutes reach us in three shapes (dof-source.md §5, §9):

* PDF extractions of Cámara consolidated texts: lines wrapped at ~100 columns, paragraphs
  separated by blank lines, a running header on every page ("LEY DE AMPARO ... / CÁMARA DE
  DIPUTADOS ... / Última Reforma DOF dd-mm-yyyy / N de M") and form feeds between pages;
* one paragraph per line (our HTML reader, marker's Markdown, hand-made text);
* marker Markdown with ``**bold**``, ``#`` headings, ``- `` bullets, pipe tables and
  ``{N}------`` page separators.

``logical_lines`` removes the furniture and returns one string per paragraph or unit line.
Wrapped mode is decided once per text from its shape (short lines in multi-line runs), never per
line, because a sentence ending at the end of a wrapped line must not start a paragraph.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import annotations as notes

_PAGE_NUMBER = re.compile(r"\d{1,4}\s+de\s+\d{1,4}")
_CAMARA = "CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN"
_CAMARA_LINES = frozenset({
    _CAMARA, "Secretaría General", "Secretaría de Servicios Parlamentarios",
    "Centro de Documentación, Información y Análisis",
})
_LAST_REFORM = re.compile(r"Últimas?\s+Reformas?\s+DOF\s+\d{1,2}-\d{1,2}-\d{4}")
# A second extractor prints the Cámara header and the reform date on one line.
_CAMARA_DATED = re.compile(re.escape(_CAMARA) + r"\s+" + _LAST_REFORM.pattern)
# The pieces of a DOF edition's running header ("Viernes 17 de enero de 2025 DIARIO OFICIAL
# (Primera Sección) 5"), shared by every reader that must find one: here line by line,
# parser.print_layout glued to a decree's lines, parser.check left inside a provision.
DOF_WEEKDAY = r"(?:Lunes|Martes|Mi[eé]rcoles|Jueves|Viernes|S[aá]bado|Domingo)"
DOF_DATE = rf"{DOF_WEEKDAY}\s+\d{{1,2}}\s+de\s+[a-z]+\s+de\s+\d{{4}}"
DOF_SECTION = (r"\(\s*(?:Primera|Segunda|Tercera|Cuarta|Quinta|Sexta|S[eé]ptima|Octava)"
               r"\s+Secci[oó]n\s*\)")
_DOF_HEADER = re.compile(
    rf"(?:\d{{1,4}}\s+)?\(?(?:Primera|Segunda|Tercera|Cuarta|Quinta)?\s*(?:Secci[oó]n\)?\s*)?"
    rf"DIARIO OFICIAL\s*(?:{DOF_DATE})?\s*\d{{0,4}}"
    rf"|{DOF_DATE}\s+DIARIO OFICIAL(?:\s+\d{{1,4}})?"
)
_MARKER_PAGE = re.compile(r"\{\d+\}-{3,}")
_MD_BOLD = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_MD_HEAD = re.compile(r"#{1,6}\s+")
_MD_BULLET = re.compile(r"[-*+]\s+")
_TABLE_SEP = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
_TERMINAL = (".", ":", ";", "…")
_SENTENCE_END = frozenset(".:;…)]”\"0123456789")
_UNIT_AT_END = re.compile(
    r"\b(?:Art[ií]culo|P[aá]rrafo|Fracci[oó]n|Inciso|Numeral|Apartado|Cap[ií]tulo|Secci[oó]n)"
    r"(?:\s+con\s+\w+)?$")
_INCISO_START = re.compile(r"[a-zñ]{1,2}\)")
_NEXT_INCISO = re.compile(r"[a-zñ]\)\s+[A-ZÁÉÍÓÚÑ]")
_LETTERS = "abcdefghijklmnñopqrstuvwxyz"
# Columns a justified line may fall short of the wrap width (p90 of line lengths) and still be
# full: 'fits' counts only with this much room to spare.
_WRAP_SLACK = 6
# A line that opens an article: "Artículo 16.- …", "Artículo 371. Declarantes …" (the classifier
# decides the number; this only tells an opener from a wrapped citation "el\nArtículo 21 de …").
_ARTICLE_OPENER = re.compile(r"(?:Art[íi]culo|ART[ÍI]CULO)\s+\d")
# Words a sentence ends a line with just before it cites an article on the next: "conforme al",
# "lo dispuesto en el", "los artículos 2o. o": after them "Artículo 21." is a citation.
_CITING_END = re.compile(
    r"(?:^|\s)(?:el|del|al|los|las|la|en|y|o|e|u|a|de|que|conforme|según|su|sus|este|dicho|mismo"
    r"|artículos?|Artículos?|por|con|[,(])$")
# A note left open at the end of its line: a parenthesis or a quotation not closed, or a
# connecting word ("… con “Tabla de enfermedades” y “Tabla para la").
_NOTE_OPEN_WORDS = frozenset({"y", "e", "o", "la", "el", "los", "las", "de", "del", "con", "por", "para",
                              "en", "al"})
_LIST_ENDINGS = (", y", ", o", ", e", ", u", " y", " o", " y,", " o,")  # "…; y," (LFT 504, 529)


@dataclass(frozen=True, slots=True)
class Physical:
    """A physical line after furniture removal, with its 1-based line number."""

    lineno: int
    text: str
    page_break: bool = False  # page furniture was removed just before this line
    furniture: bool = False


def _is_markdown(text: str) -> bool:
    return "**" in text[:20000] or "\n#" in text[:20000] or _MARKER_PAGE.search(text[:20000]) is not None


def _clean_markdown(line: str) -> str:
    stripped = line.strip()
    stripped = _MD_HEAD.sub("", stripped, count=1) if stripped.startswith("#") else stripped
    stripped = _MD_BULLET.sub("", stripped, count=1) if stripped[:1] in "-*+" and not \
        stripped.startswith("**") else stripped
    stripped = _MD_BOLD.sub("", stripped)
    return stripped.replace("<br>", " ").replace("<br/>", " ")


def _table_row(line: str) -> str | None:
    """A Markdown pipe row: a unit laid out as a table becomes its text, data stays a row."""
    if _TABLE_SEP.fullmatch(line):
        return ""
    cells = [" ".join(c.replace("<br>", " ").split()) for c in line.strip().strip("|").split("|")]
    cells = [c for c in cells if c]
    if not cells:
        return ""
    joined = " ".join(cells)
    joined = joined.replace("<br>", " ").replace("<br/>", " ")
    if _DOF_HEADER.fullmatch(joined):
        return None
    if re.fullmatch(r"[IVXL]+\s*[.)-]|[a-zñ]\)|\d{1,3}\.", cells[0]):
        return joined
    return "| " + " | ".join(cells) + " |"


def _title_above(lines: list[str], index: int) -> list[str]:
    """The upper-case lines just above line ``index`` (a 'CÁMARA DE DIPUTADOS' line), stopping
    at a blank line or at the end of the previous page (the line that carries the form feed)."""
    back = index - 1
    while back >= 0 and not lines[back].strip():
        back -= 1
    found: list[str] = []
    while back >= 0 and "\f" not in lines[back]:
        line = lines[back].strip()
        if not line or line.upper() != line:
            break
        found.insert(0, line)
        back -= 1
    return found


def _running_title(lines: list[str]) -> frozenset[str]:
    """The law's running title: the lines printed above 'CÁMARA DE DIPUTADOS ...' on most pages.

    Counting matters: a heading that ends a page ("CAPÍTULO II") sits above the next page's
    header once, the running title on every page.
    """
    seen: Counter[str] = Counter()
    headers = 0
    for index, line in enumerate(lines):
        if _CAMARA in line and _is_camara_header(line.strip()):
            headers += 1
            seen.update(set(_title_above(lines, index)))
    return frozenset(line for line, count in seen.items() if count * 2 >= headers)


def _is_camara_header(line: str) -> bool:
    """'CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN', alone or with 'Última Reforma DOF …'."""
    return line == _CAMARA or line.startswith(_CAMARA) and _CAMARA_DATED.fullmatch(line) is not None


def running_title(text: str) -> str:
    """The statute's name from a Cámara running header ('' if it has none)."""
    found = text.find(_CAMARA)
    while found != -1:  # the first line that is the header, not only mentions it
        end = text.find("\n", found)
        end = len(text) if end == -1 else end
        if _is_camara_header(text[text.rfind("\n", 0, found) + 1:end].strip()):
            lines = text[:end].split("\n")  # up to the header: all that _title_above reads
            return " ".join(_title_above(lines, len(lines) - 1))
        found = text.find(_CAMARA, found + 1)
    return ""


# A physical line as the hot loops pass it: (line number, text, page_break, furniture), the
# fields of ``Physical`` without the cost of building an object per line.
_Row = tuple[int, str, bool, bool]


def physical_lines(text: str) -> list[Physical]:
    """Strip each line, drop page furniture, mark where a page break fell."""
    return [Physical(*row) for row in _rows(text)]


def _rows(text: str) -> list[_Row]:
    markdown = _is_markdown(text)
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title_lines = _running_title(raw) if _CAMARA in text else frozenset()
    if markdown:
        return _drop_blanks_around_breaks(_marked_rows(raw, title_lines))
    return _plain_rows(raw, title_lines, "DIARIO OFICIAL" in text, "\f" in text)


def _plain_rows(raw: list[str], title_lines: frozenset[str], dof_header: bool,
                form_feeds: bool) -> list[_Row]:
    """``_marked_rows`` for text without Markdown, at a fraction of the cost.

    Furniture is tested only on lines that can be furniture: a Cámara header line or title, or
    a line that starts with a digit ('12 de 140', '4 DIARIO OFICIAL ...'), with 'Ú' ('Última
    Reforma DOF ...') or holds 'DIARIO OFICIAL'. Blank lines next to furniture are dropped as
    the rows are made (what ``_drop_blanks_around_breaks`` does in a second pass).
    """
    out: list[_Row] = []
    append = out.append
    known = _CAMARA_LINES | title_lines
    page_break = False
    for number, original in enumerate(raw, start=1):
        if form_feeds and "\f" in original:
            page_break = True
            original = original.replace("\f", " ")
        line = original.strip()
        if not line:
            if not (out and out[-1][3]):
                append((number, line, False, False))
            continue
        first = line[0]
        if (line in known or first.isdigit() or first == "Ú" or first == "C" and line.startswith(_CAMARA)
                or dof_header and "DIARIO OFICIAL" in line) \
                and _is_furniture(line, title_lines):
            page_break = True
            while out and not out[-1][1] and not out[-1][3]:
                out.pop()
            append((number, line, False, True))
            continue
        append((number, line, page_break, False))
        page_break = False
    return out


def _marked_rows(raw: list[str], title_lines: frozenset[str]) -> list[_Row]:
    """Rows of Markdown text (marker's), which may also have form feeds."""
    out: list[_Row] = []
    page_break = False
    for number, original in enumerate(raw, start=1):
        line = original
        if "\f" in line:
            page_break = True
            line = line.replace("\f", " ")
        line = line.strip()
        if line:
            if _MARKER_PAGE.fullmatch(line):
                page_break = True
                continue
            if line.startswith("|"):
                row = _table_row(line)
                if row is None:
                    page_break = True
                    continue
                line = row
            else:
                line = _clean_markdown(line)
        if line and _is_furniture(line, title_lines):
            page_break = True
            out.append((number, line, False, True))
            continue
        out.append((number, line, page_break and bool(line), False))
        if line:
            page_break = False
    return out


def _is_furniture(line: str, title_lines: frozenset[str]) -> bool:
    if line in _CAMARA_LINES or line in title_lines:
        return True
    first = line[:1]
    if first == "C":
        return line.startswith(_CAMARA) and _CAMARA_DATED.fullmatch(line) is not None
    if first.isdigit() and _PAGE_NUMBER.fullmatch(line) or first == "Ú" and _LAST_REFORM.fullmatch(line):
        return True
    return "DIARIO OFICIAL" in line and _DOF_HEADER.fullmatch(line) is not None


def _drop_blanks_around_breaks(lines: list[_Row]) -> list[_Row]:
    """Blank lines next to removed furniture say nothing about paragraphs; drop them."""
    out: list[_Row] = []
    for line in lines:
        if line[3]:
            while out and not out[-1][1] and not out[-1][3]:
                out.pop()
        elif not line[1] and out and out[-1][3]:
            continue
        out.append(line)
    return out


def line_width(lines: list[Physical]) -> int:
    """The wrap width of PDF-style text, or 0 when each line is a paragraph of its own.

    Wrapped text shows it in its line pairs: a line that ends mid-sentence followed by one that
    starts in lower case ("... los derechos humanos\nreconocidos y las garantías"). Text with
    one paragraph per line almost never does, whatever its line lengths.
    """
    return _width([(p.lineno, p.text, p.page_break, p.furniture) for p in lines])


def _width(rows: list[_Row]) -> int:
    texts = [row[1] if not row[3] else "" for row in rows]  # furniture pairs with nothing
    lengths = sorted(map(len, filter(None, texts)))
    if len(lengths) < 8:
        return 0
    p90 = lengths[int(len(lengths) * 0.9)]
    if p90 > 160:
        return 0  # too long to be a wrap width, whatever the pairs say
    following = texts[1:]
    pairs = sum(map(operator.and_, map(bool, texts), map(bool, following)))
    joined = 0
    for first, second in zip(texts, following, strict=False):
        if first and second[:1].islower() and not first.endswith(_TERMINAL) \
                and not _INCISO_START.match(second):
            joined += 1
            if joined / pairs >= 0.15:
                return p90  # wrapped: the rest of the pairs cannot undo it
    return 0


def logical_lines(text: str, starts_unit: Callable[[str], str]) -> Iterator[tuple[int, str, bool, str]]:
    """(line number, logical line, is_furniture, kind of its first line), wrapped lines joined.

    ``starts_unit(line)`` names the kind of unit a physical line opens ('' for prose, 'note',
    'heading', 'unit'); in wrapped text such a line starts a new logical line only after a line
    that could end one, so 'conforme al\nArtículo 89 de la Constitución' stays one sentence.
    """
    for number, line, furniture, kind, _ in logical_rows(text, starts_unit):
        yield number, line, furniture, kind


def logical_rows(text: str, starts_unit: Callable[[str], str],
                 after_sentence: tuple[frozenset[str], Callable[[str], str]] | None = None,
                 ) -> Iterator[tuple[int, str, bool, str, bool]]:
    """``logical_lines`` plus whether the logical line is one physical line (so ``starts_unit``
    saw exactly this string), which lets the classifier skip checks it already knows the
    answer to.

    In wrapped text, a prose line after one that ends a sentence (or a note) is asked again of
    ``after_sentence`` (the first letters such a line can have, and the function that tells): a
    signature or a note whose 'DOF' wrapped away can only start there, and asking only there
    keeps the common line cheap."""
    late_firsts, late_kind = after_sentence if after_sentence is not None else (frozenset(), starts_unit)
    lines = _rows(text)
    width = _width(lines)
    epigraphs = bool(width) and _epigraph_layout(text)
    late = bool(width) and after_sentence is not None
    pending: list[str] = []
    pending_no = 0
    pending_kind = ""
    for number, line, page_break, furniture in lines:
        if furniture:
            yield number, line, True, "", True
            continue
        if not line:
            if width and pending:
                yield pending_no, _join(pending), False, pending_kind, len(pending) == 1
                pending, pending_kind = [], ""
            continue
        kind = starts_unit(line)
        if not kind and late and pending and (pending_kind == "note" or pending[-1][-1:] in _SENTENCE_END) \
                and line[:1] in late_firsts:
            kind = late_kind(line)
        # Without a wrap width only notes continue a line; _continues decides the rest.
        if pending and (width or kind == "note" or pending_kind == "note") \
                and _continues(pending, pending_kind, line, kind, width, page_break) \
                and not (epigraphs and _ends_epigraph(pending, pending_kind, line)):
            pending.append(line)
            continue
        if pending:
            yield pending_no, _join(pending), False, pending_kind, len(pending) == 1
        pending, pending_no, pending_kind = [line], number, kind
    if pending:
        yield pending_no, _join(pending), False, pending_kind, len(pending) == 1


def _continues(pending: list[str], pending_kind: str, line: str, kind: str, width: int,
               page_break: bool) -> bool:
    """Does ``line`` continue the logical line in ``pending``?"""
    if pending_kind == "note":
        # "… y publicada\nDOF 20-08-2025", "(antes … 04-06-2001)\ny último (antes … DOF …)"
        return notes.is_continuation(line) or (
            bool(width) and kind == "" and (_open_note(pending) or line[:1].islower() and "DOF" in line))
    if kind == "note":
        # "... señala esta Ley. Fracción\nreformada DOF 14-06-2024": the note's noun was wrapped
        # away from its verb; keep them together so the glued note is cut out whole.
        return line[:1].islower() and _UNIT_AT_END.search(pending[-1]) is not None
    if not width or pending_kind == "heading":
        return False
    previous = pending[-1]
    if (kind == "heading" or kind == "unit" and line[:1] in "AÁ" and _ARTICLE_OPENER.match(line)) \
            and _CITING_END.search(previous) is None:
        # A chapter's name ("De las Obligaciones Comunes") or an unterminated line is followed
        # by a heading or an article: a new unit, not a citation wrapped onto the next line.
        return False
    short = len(previous) < width * 0.6
    ends = previous.endswith(_TERMINAL) or short
    if kind:
        # A list item ends ", y" or ", o" before the next one ("... en cuestión, o" / "II. ..."),
        # or in a word that the next item completes ("… o bien que" / "b) Alguno de …", CCOM 1480).
        return not (ends or previous.endswith(_LIST_ENDINGS) or _next_inciso(pending[0], line))
    if page_break:
        return not ends or line[:1].islower()
    return not (previous.endswith(_TERMINAL) and line[:1].isupper()
                and (short or _word_fits(previous, line, width)))


def _word_fits(previous: str, line: str, width: int) -> bool:
    """Would ``line``'s first word have fitted at the end of ``previous``? A wrap breaks a line
    only where the next word does not fit, so a sentence that ends with room left ended its
    párrafo ('… consecutivas o no consecutivas.' / 'Tratándose de …', CFF 17-H Bis I)."""
    word = line.partition(" ")[0]
    return len(previous) + 1 + len(word) <= width - _WRAP_SLACK


def _next_inciso(opened: str, line: str) -> bool:
    """Does ``line`` open the inciso after the one ``opened`` opens, with a capital after its
    marker ('a) La medida …' / 'b) Alguno …')? A citation of incisos runs on in lower case or
    punctuation ('los incisos a),' / 'b), c) o d) de la fracción I')."""
    if not (_INCISO_START.match(opened) and _NEXT_INCISO.match(line)):
        return False
    letter, following = opened[0], line[0]
    return opened[1] == ")" and _LETTERS.find(following) == _LETTERS.find(letter) + 1


# "Artículo 211. Etapas del procedimiento penal": an article line with a period (no dash) and a
# capitalised phrase after it, which in some codes is the article's epigraph on a line of its own.
_EPIGRAPH_OPENER = re.compile(
    r"(?:Art[íi]culo|ART[ÍI]CULO)\s+[\dA-ZÚÉ][^\s.]*(?:\s+(?:[A-ZÁÉÍÓÚ][a-záéíóúA-ZÁÉÍÓÚ]*|\d+))*\.\s+[A-ZÁÉÍÓÚ]")


# "\nA" first: a literal prefix the regex engine scans for at C speed.
_ARTICLE_LINE = re.compile(r"\nA((?:rt[íi]culo|RT[ÍI]CULO)\s+\d[^\n]*)\n[ \t\f]*(.?)")


_EPIGRAPH_SAMPLE = 80


def _epigraph_layout(text: str) -> bool:
    """Does this text print an epigraph line under every article ('Artículo 3o. Glosario' /
    'Para los efectos …')? Decided once per text, from most of its article lines: a line that
    opens an article with a period, ends without punctuation, and is followed by a capital."""
    articles = epigraphs = 0
    for found in _ARTICLE_LINE.finditer(text):
        if articles == _EPIGRAPH_SAMPLE:
            break  # the first articles show the layout; reading on costs time for nothing
        articles += 1
        line = "A" + found.group(1).rstrip()
        if found.group(2).isupper() and not line.endswith((*_TERMINAL, ",")) \
                and _EPIGRAPH_OPENER.match(line):
            epigraphs += 1
    return articles >= 8 and epigraphs * 2 > articles


def _ends_epigraph(pending: list[str], pending_kind: str, line: str) -> bool:
    """In a text with epigraphs, the epigraph ends where a capitalised line follows it."""
    return pending_kind == "unit" and (line[:1].isupper() or line[:1] == "[") and len(pending) <= 2 \
        and _EPIGRAPH_OPENER.match(pending[0]) is not None \
        and not pending[-1].endswith((*_TERMINAL, ","))


def _open_note(pending: list[str]) -> bool:
    """An editorial note ('Nota: ...') wraps like prose until its sentence ends; any note wraps
    while a parenthesis or quotation is open or its line ends on a connecting word ('Reforma DOF
    …: Derogó … (antes adicionado por DOF 09-06-1992 y reformado' / 'por DOF …)')."""
    last = pending[-1]
    if pending[0].startswith(("Nota", "NOTA")) and not last.endswith("."):
        return True
    if last.rpartition(" ")[2] in _NOTE_OPEN_WORDS:
        return True
    note = " ".join(pending) if len(pending) > 1 else last
    return ("(" in note and note.count("(") > note.count(")")) or \
        ("“" in note and note.count("“") > note.count("”"))


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    out = parts[0]
    for part in parts[1:]:
        if out.endswith("-") and part[:1].islower() and not out.endswith(" -"):
            out += part
        else:
            out += " " + part
    return out


__all__ = ["DOF_DATE", "DOF_SECTION", "DOF_WEEKDAY", "Physical", "line_width", "logical_lines",
           "physical_lines", "running_title"]
