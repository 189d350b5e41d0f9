"""An amending instrument as a converter printed it -> plain DOF text, one layout for all.

The same decree reaches us through several converters of the DOF's PDF: pypdf text (lines
hard-wrapped at the column, the running header glued to the last line of a page: "… participar
en la 4 DIARIO OFICIAL Miércoles 11 de enero de 2023"), marker and docling Markdown (one
paragraph per line, ``{N}------`` page separators, ``<!-- image -->``, ``**bold**``, ``#``
headings, pipe tables, a lone "92" or "DIARIO OFICIAL" where a page turned) and LLM OCR
(gemini: the header split over two lines, "# DIARIO OFICIAL" / "**Viernes 12 de abril de
2024**" / "**108**", an operative head alone on its line, "## ARTICULO SEGUNDO", with its clause
on the next, bullets, and now and then a remark of the model's own about "la imagen").

``printed_text`` takes away what belongs to the print, not to the instrument, wherever it falls,
and joins the sentence it cut; the reading that follows (``parser.furniture``, ``classify_lines``)
then sees one layout. What is left to it: wrapped lines are joined there, decided once per text
from its shape. Every line dropped for a reason other than page furniture becomes a ``Finding``.

Line numbers are kept where the text has one paragraph per line (removed lines become blank);
in hard-wrapped text a blank line ends a paragraph, so removed lines go (later numbers move up)
and a form feed marks where a page turned, as in pypdf's own page joins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .furniture import DOF_DATE, DOF_SECTION, physical_lines
from .lines import starts_unit
from .model import Finding, FindingKind
from .ocr_words import repaired
from .vocabulary import ELLIPSIS, ORDINAL
from .wrapping import line_width

_GAZETTE = r"(?:DIARIO\s+OFICIAL|Diario\s+Oficial)"
# The DOF running header is the gazette's name, the date, the section and the page number, in
# whatever order and with whatever separators a converter prints them: "4 DIARIO OFICIAL
# Miércoles 11 de enero de 2023", "Viernes 17 de enero de 2025 DIARIO OFICIAL (Primera Sección)
# 5", "DIARIO OFICIAL - Viernes 12 de abril de 2024 - Página 113", or one part a line.
_PART = rf"(?:{_GAZETTE}|{DOF_DATE}|{DOF_SECTION}|P[áa]gina\s+\d{{1,4}}|\d{{1,4}})"
_PARTS = rf"{_PART}(?:(?:\s*[-–—|·]\s*|\s+){_PART})*"
_HEADER_LINE = re.compile(_PARTS)
# Glued to a body line the header carries both the gazette's name and the date (a bare "DIARIO
# OFICIAL" inside a sentence is the gazette itself).
_GLUED_END = re.compile(rf"(?:^|\s)(?P<header>{_PARTS})\s*$")
_GLUED_START = re.compile(rf"^(?P<header>{_PARTS})(?=\s+\S)")
_HAS_GAZETTE_AND_DATE = re.compile(rf"(?=.*{_GAZETTE})(?=.*{DOF_DATE})", re.DOTALL)
_PAGE_SEPARATOR = re.compile(r"\{\d+\}-*|-{3,}|\*{3,}|_{3,}")
_COMMENT = re.compile(r"<!--.*?-->")
_MARKDOWN = re.compile(r"\*\*|^#{1,6}\s|<!--|^\{\d+\}-|^\|.*\|\s*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^#{1,6}\s*")
_MD_BULLET = re.compile(r"^[*+•-]\s+(?=\S)")
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
# A model's own voice inside its transcription: it talks about the picture it was shown.
_CONVERTER_REMARK = re.compile(
    r"\b(?:la|esta)\s+imagen\s+(?:proporcionada|que\s+(?:me\s+)?(?:has|ha)\s+)"
    r"|\bbasad[oa]s?\s+en\s+la\s+imagen\b", re.IGNORECASE)
# An operative or transitorio head printed alone on its line ("## ARTICULO SEGUNDO", "ARTÍCULO
# ÚNICO.-", "SEXTO TRANSITORIO"): its text is the next line.
_LONE_HEAD = re.compile(
    rf"(?i:(?:ART[ÍI]CULO\s+{ORDINAL}(?:\s+TRANSITORIO)?|{ORDINAL}\s+TRANSITORIO))\s*[.:-]*\s*$")
# Where a collapsed text is cut again (``_unflattened``).
_COLLAPSED = 2000
_WORD = r"[A-ZÁÉÍÓÚ][A-Za-zÁÉÍÓÚáéíóúñÑ]+"
_UNIT_BREAK = re.compile(
    rf"\s+(?=(?:ART[ÍI]CULO|Art[íi]culo)\s+(?:\d+\w*|{_WORD}(?:\s+{_WORD})?)"
    rf"(?:\s+TRANSITORIO)?\s*(?:\.|-|:|\[|…))"
    rf"|(?<=[\]…;:])\s+(?={ELLIPSIS})|(?<=\.\.\.)\s+(?={ELLIPSIS})"   # after "[...]", "…"
    rf"|(?<=[a-záéíóúñ)\d]\.)\s+(?={ELLIPSIS})"             # after a sentence, not "A."
    r"|(?<=[.;:\]…])\s+(?=(?:[A-H]|[IVXL]{1,6})\.\s|[a-zñ]\)\s)"
    r"|(?<=[.\]…])\s+(?=(?:Ciudad\s+de\s+México|México,\s+D\.\s?F\.|Dado\s+en)\b)")
_TRANSITORIOS_WORD = re.compile(r"(?<=[.\]…])\s+(TRANSITORIOS?)\s+(?=[A-ZÁÉÍÓÚ])")
_CLAUSE_END = re.compile(r"para\s+quedar\s+como\s+sigue\s*:", re.IGNORECASE)
_TERMINAL = (".", ":", ";", "…", "!", "?")
# A line that ends mid-sentence: a comma or a word that cannot end one.
_OPEN_END = re.compile(
    r"(?:,|\b(?:de|del|la|las|el|los|lo|y|e|o|u|a|al|en|por|para|con|que|se|su|sus|un|una"
    r"|sin|sobre|entre|ante|como|cuando|donde|cual|cuales)|-)$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"(?:[ivxlc]+\.|[a-zñ]{1,2}\))(?:\s|$)")  # "iii. …", "b) …"
_TWO_DOTS = re.compile(r"(?:^|(?<=\s)|(?<=[)\-–—]))(?<![.…])\.\.\s*$")


@dataclass(frozen=True, slots=True)
class Printed:
    """The instrument's text in one layout, and the doubts the clean-up raised."""

    text: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class _Row:
    lineno: int
    text: str                     # '' for a blank line
    furniture: bool = False       # page furniture or a separator: where a page turned
    turned: bool = False          # the page turned after this line (its glued header cut away)
    broken: bool = False          # the page turned before this line (a form feed opens it)


def printed_text(text: str) -> Printed:
    """Take the print's furniture and the converter's marks out of ``text`` (module docstring)."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raw and not raw[-1]:
        raw.pop()
    findings: list[Finding] = []
    markdown = _MARKDOWN.search(text[:20000]) is not None
    rows = [_clean(number, line, findings, markdown) for number, line in enumerate(raw, start=1)]
    rows = _unflattened(rows, findings)
    wrapped = line_width(physical_lines("\n".join(r.text for r in rows if not r.furniture))) > 0
    rows = _split_clause_from_body(_join_heads(rows), reuse_blank=not wrapped)
    kept = _without_removed(rows) if wrapped else _join_across_pages(rows)
    return Printed("\n".join(kept) + "\n", tuple(findings))


def _clean(number: int, line: str, findings: list[Finding], markdown: bool) -> _Row:
    """One physical line without markup; furniture marked, glued headers cut away. Emphasis and
    bullets are markup only in Markdown: in a plain print "- Texto" is the DOF's own dash."""
    broken = "\f" in line                          # pypdf joins pages with a form feed
    bare = line.replace("\f", " ").strip()
    line = _COMMENT.sub(" ", bare).strip()
    if not line:                                   # "<!-- image -->": where a picture sat
        return _Row(number, "", furniture=bool(bare) or broken)
    if line.startswith("|"):
        return _table_row(number, line)
    if _PAGE_SEPARATOR.fullmatch(line):
        return _Row(number, "", furniture=True)
    if markdown:
        line = _MD_HEADING.sub("", line)
        if "*" in line or "__" in line:
            line = _MD_EMPHASIS.sub("", line)
        line = _MD_BULLET.sub("", line).replace("<br>", " ")
    line = " ".join(line.split())
    if not line:
        return _Row(number, "")
    if len(line) < 90 and _HEADER_LINE.fullmatch(line):
        return _Row(number, "", furniture=True)
    if "imagen" in line and _CONVERTER_REMARK.search(line):
        findings.append(Finding(FindingKind.CONVERTER_TEXT,
                                f"comentario del convertidor, no del DOF; se omite: {line[:80]!r}",
                                number))
        return _Row(number, "", furniture=True)
    cut = _without_glued_header(line) if "IARIO" in line or "iario" in line else line
    if cut != line:
        findings.append(Finding(FindingKind.FURNITURE,
                                "encabezado de página del DOF pegado al texto; se retira", number))
    text, repairs = repaired(cut)
    findings.extend(Finding(FindingKind.CONVERTER_TEXT,
                            f"{printed!r} mal leído por el convertidor; se lee {read!r}", number)
                    for printed, read in repairs)
    return _Row(number, _TWO_DOTS.sub("…", text) if text.endswith("..") else text,
                turned=cut != line, broken=broken)


def _without_glued_header(line: str) -> str:
    """The line without a running header glued to its end or its start."""
    for pattern in (_GLUED_END, _GLUED_START):
        found = pattern.search(line)
        if found is not None and found.group("header") != line and \
                _HAS_GAZETTE_AND_DATE.match(found.group("header")):
            line = (line[:found.start("header")] + line[found.end("header"):]).strip()
    return line


def _table_row(number: int, line: str) -> _Row:
    """A pipe row with its cells' spacing collapsed; the rule under a header row goes; a row
    whose first cell is a unit's marker ("| VI. | Formatos: … |") is that unit's line."""
    if _TABLE_RULE.fullmatch(line):
        return _Row(number, "")
    cells = [" ".join(c.replace("<br>", " ").split()) for c in line.strip("|").split("|")]
    cells = [_MD_EMPHASIS.sub("", c) if "*" in c or "__" in c else c for c in cells]
    if not any(cells):
        return _Row(number, "")
    if all(_HEADER_LINE.fullmatch(c) for c in cells if c):
        return _Row(number, "", furniture=True)       # the page header caught as a table row
    joined = " ".join(c for c in cells if c)
    if starts_unit(joined) == "unit" and starts_unit(cells[0] or joined) == "unit":
        return _Row(number, joined)                   # a unit laid out as a table: its text
    return _Row(number, "| " + " | ".join(cells) + " |")


def _unflattened(rows: list[_Row], findings: list[Finding]) -> list[_Row]:
    """A text whose line breaks a scraper collapsed to spaces (the notes corpus' body_text: one
    line of thousands of characters) is cut again before each unit's marker: 'ARTÍCULO
    PRIMERO [...]', each '[...]' of a run, 'A.', 'II.', 'b)' after a sentence or an ellipsis,
    'TRANSITORIO', the place and date that open the signature. Paragraph breaks inside a unit
    cannot be told from sentences and are not restored; the cut is reported."""
    texts = [row for row in rows if row.text]
    if len(texts) > 3 or max((len(row.text) for row in texts), default=0) < _COLLAPSED:
        return rows
    out: list[_Row] = []
    for row in rows:
        if len(row.text) < _COLLAPSED:
            out.append(row)
            continue
        text = _TRANSITORIOS_WORD.sub(r"\n\1\n", _UNIT_BREAK.sub("\n", row.text))
        out.extend(_Row(row.lineno, piece.strip()) for piece in text.split("\n") if piece.strip())
        findings.append(Finding(FindingKind.LINE_BREAKS, "texto sin saltos de línea: se cortó "
                                "antes de cada unidad; los párrafos dentro de una unidad no se "
                                "pueden distinguir", row.lineno))
    return out


def _join_heads(rows: list[_Row]) -> list[_Row]:
    """'ARTICULO SEGUNDO' alone, its text on the next line: one line, as the DOF prints it."""
    out = list(rows)
    for index, row in enumerate(out):
        if not row.text or not _LONE_HEAD.fullmatch(row.text):
            continue
        following = _next_text(out, index)
        if following is None or starts_unit(out[following].text):
            continue
        head = row.text.rstrip(" .:-")
        out[index] = _Row(row.lineno, f"{head}.- {out[following].text}")
        out[following] = _Row(0, "")          # 0: gone in wrapped text, a blank line otherwise
    return out


def _split_clause_from_body(rows: list[_Row], reuse_blank: bool) -> list[_Row]:
    """'…, para quedar como sigue: Artículo 6.- …' on one line (an OCR that joined them): the
    new text starts a line of its own, in the blank line below when there is one (so the line
    numbers hold; not in hard-wrapped text, where a blank line ends a paragraph), else in a line
    put in. Prose after the colon (a new denomination) stays."""
    rows, out = list(rows), []
    for index, row in enumerate(rows):
        split = _CLAUSE_END.search(row.text) if "sigue" in row.text else None
        rest = row.text[split.end():].strip() if split else ""
        if split is None or not rest or starts_unit(rest) not in ("unit", "heading"):
            out.append(row)
            continue
        out.append(_Row(row.lineno, row.text[:split.end()], row.furniture, False, row.broken))
        below = _Row(row.lineno, rest, turned=row.turned)
        if reuse_blank and index + 1 < len(rows) and not rows[index + 1].text \
                and not rows[index + 1].furniture:
            rows[index + 1] = below
        else:
            out.append(below)
    return out


def _next_text(rows: list[_Row], index: int) -> int | None:
    for following in range(index + 1, len(rows)):
        if rows[following].text:
            return following
    return None


def _without_removed(rows: list[_Row]) -> list[str]:
    """Hard-wrapped text: furniture and joined lines go (a blank line would end a paragraph);
    the line after a page turn starts with a form feed, so ``parser.furniture`` joins the
    wrapped lines on either side as it joins them across any page break, and does not join a
    heading that opens the new page to the sentence that ended the old one."""
    out: list[str] = []
    turned = False
    for row in rows:
        if row.furniture:
            turned = True
        elif row.lineno > 0:
            turned = turned or row.broken
            out.append(f"\f{row.text}" if turned and row.text else row.text)
            turned = (turned and not row.text) or row.turned
    return out


def _join_across_pages(rows: list[_Row]) -> list[str]:
    """Text with one paragraph per line: a sentence a page break cut goes on after the
    furniture; its two halves become one line (the second's place is left blank)."""
    out = [r.text for r in rows]
    last = -1                   # the last line with text
    turned = False              # furniture since that line
    for index, row in enumerate(rows):
        if row.furniture:
            turned = True
            continue
        if not row.text:
            continue
        turned = turned or row.broken
        if turned and last >= 0 and _continues(out[last], row.text):
            out[last] = f"{out[last]} {row.text}"
            out[index] = ""
            turned = row.turned
            continue
        last, turned = index, row.turned   # a header glued to its end: the page turned there
    return out


def _continues(before: str, after: str) -> bool:
    if before.startswith("|") or after.startswith("|") or before.endswith(_TERMINAL):
        return False
    if starts_unit(after) or _LIST_ITEM.match(after):
        return False
    return after[:1].islower() or _OPEN_END.search(before) is not None


__all__ = ["Printed", "printed_text"]
