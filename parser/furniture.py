"""From raw statute text to logical lines: page furniture out, wrapped lines joined.

Statutes reach us in three shapes (dof-source.md §5, §9):

* PDF extractions of Cámara consolidated texts: lines wrapped at ~100 columns, paragraphs
  separated by blank lines, a running header on every page ("LEY DE AMPARO ... / CÁMARA DE
  DIPUTADOS ... / Última Reforma DOF dd-mm-yyyy / N de M") and form feeds between pages;
* one paragraph per line (our HTML reader, marker's Markdown, hand-made text);
* marker Markdown with ``**bold**``, ``#`` headings, ``- `` bullets, pipe tables and
  ``{N}------`` page separators.

``physical_lines`` removes the furniture (page numbers, Cámara and DOF running headers, the
law's running title, Markdown marks) and keeps the page breaks it leaves; ``parser.wrapping``
joins the lines that remain into logical lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

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


__all__ = ["DOF_DATE", "DOF_SECTION", "DOF_WEEKDAY", "Physical", "physical_lines", "running_title"]
