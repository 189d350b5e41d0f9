"""Statute text -> immutable provision tree (DESIGN.md §1.2).

Two public stages, because amendment bodies reuse the first: ``classify_lines`` (text -> lines,
in ``parser.lines``) and ``build_tree`` (lines -> ``Document``); ``parse_statute`` runs both and
``read_statute`` starts from bytes (plain text or HTML).

The tree itself is grown by ``parser.tree.Builder`` (its rules, the findings a doubt leaves and
where a statute ends are told there); this module finds where a text's units start and reads
bytes, HTML and plain text.

A text with no artículo headings (a manual de organización, lineamientos, a convocatoria, a NOM)
may be made of top-level numerales ("1. Objetivo", "7 Bis. …") or apartados ("IV. ATRIBUCIONES"):
they are placed like articles (``num_7-bis``, ``apt_iv``, no container path) and shaped like
list items (own text as first paragraph, a title as heading). Which lines open them is decided
by ``lines.top_level``; where the list may start, by the text's landmarks (enacting formula,
ÍNDICE; never inside CONSIDERANDOS, ANTECEDENTES, DECLARACIONES or CLÁUSULAS).
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace

from errors import InputError, ParseError

from . import labels
from .check import with_check
from .decode import decode_bytes
from .furniture import running_title
from .html import html_to_text, looks_like_html
from .lines import (
    UNIT_KINDS,
    Line,
    LineKind,
    TopLevel,
    classify_lines,
    read_numeral_suffixes,
    top_level,
)
from .model import Document, Finding, FindingKind
from .tree import Builder, is_enacting

# "… he tenido a bien expedir el siguiente", "… se expide el siguiente:": the preamble ends
# here ("tenido a bien" anywhere in its line, "se expide …" only as the line's last words, so a
# numeral saying "la Secretaría emite los siguientes criterios" is no formula).
_FORMULA_RE = re.compile(
    r"\b(?:he|ha|hemos|han)\s+tenido\s+a\s+bien\s+(?:expedir|emitir)"
    r"|\b(?:expid[eo]|emit[eo])n?\s+(?:el|la|los|las)\s+siguientes?\s*[:.]?\s*$", re.IGNORECASE)
_INDEX_WORDS = frozenset({"indice", "indice general", "contenido", "tabla de contenido"})
# Sections of a preamble or of a convenio, whose numbered items ("I. Que con fecha …") are recitals
# or declarations, not provisions.
_RECITAL_WORDS = frozenset({"considerando", "considerandos", "resultando", "resultandos",
                            "antecedentes", "declaraciones", "clausulas"})



def build_tree(lines: Sequence[Line], title: str = "") -> Document:
    """Stage two: classified lines -> ``Document``. Labels are unique; see the module docstring."""
    return _read_tree(lines, title)[0]


def _read_tree(lines: Sequence[Line], title: str) -> tuple[Document, Mapping[str, int]]:
    """``build_tree``, with the input line on which each provision opened (label -> line): kept
    beside the tree, not in it, since provisions are hashed and stored without their lines."""
    lines, top = _top_level(lines)
    builder = Builder(lines, top)
    provisions = builder.run()
    return Document(title, provisions, tuple(builder.findings)), builder.opened


def _top_level(lines: Sequence[Line]) -> tuple[Sequence[Line], TopLevel | None]:
    """A text with no artículo headings: its top-level numerales or apartados, if it has them.

    Where they start is decided by the text's own landmarks: after the enacting formula ("he
    tenido a bien expedir el siguiente") or enacting article, if there is one, and after the
    ÍNDICE that lists the numerales before they begin, if there is one; the list must then
    open with its first item, and it ends at the transitorios or the signature
    (``lines.top_level``).
    """
    if any(line.kind is LineKind.ARTICLE and not is_enacting(line) for line in lines):
        return lines, None
    lines = read_numeral_suffixes(lines)
    start = _after_formula(lines)
    if _has_recitals(lines, start):
        return lines, None
    return lines, top_level(lines, _after_index(lines, start))


_PREAMBLE_ENDS = frozenset({LineKind.TRANSITORIOS_HEADING, LineKind.TRANSITORIO, LineKind.SIGNATURE,
                            LineKind.APPENDIX})


def _after_formula(lines: Sequence[Line]) -> int:
    """The index after the enacting formula or enacting article, 0 if the text has none."""
    for index, line in enumerate(lines):
        if line.kind in _PREAMBLE_ENDS:
            break
        if line.kind is LineKind.PARAGRAPH and _FORMULA_RE.search(line.text) or \
                line.kind is LineKind.ARTICLE and is_enacting(line):
            return index + 1
    return 0


def _has_recitals(lines: Sequence[Line], start: int) -> bool:
    """Whether the text after the formula has CONSIDERANDOS, ANTECEDENTES, DECLARACIONES or
    CLÁUSULAS: its numbered items are then recitals, or a convenio's declarations, not
    provisions, and no top-level list is read (a manual's recitals come before its formula).
    """
    for index in range(start, len(lines)):
        line = lines[index]
        if line.kind in _PREAMBLE_ENDS:
            return False
        if line.kind is LineKind.PARAGRAPH and _folded_word(line.text) in _RECITAL_WORDS:
            return True
    return False


def _folded_word(text: str) -> str:
    return labels.fold(text).strip(" .:") if len(text) < 40 else ""


def _after_index(lines: Sequence[Line], start: int) -> int:
    """Past an ÍNDICE: where its first entry comes again, which is where the text begins."""
    for index in range(start, len(lines)):
        line = lines[index]
        if line.kind in UNIT_KINDS or line.kind in _PREAMBLE_ENDS or line.kind is LineKind.HEADING:
            return start  # the text began with no index before it
        if line.kind is LineKind.PARAGRAPH and _folded_word(line.text) in _INDEX_WORDS:
            entries = [i for i in range(index + 1, len(lines))
                       if lines[i].kind in UNIT_KINDS or lines[i].kind is LineKind.HEADING]
            if not entries:
                return index + 1
            first = lines[entries[0]]
            again = next((i for i in entries[1:] if lines[i].kind is first.kind
                          and lines[i].number == first.number), None)
            return again if again is not None else index + 1
    return start


def guess_title(text: str, lines: Sequence[Line]) -> str:
    """The statute's name: the Cámara running title, else the first heading-like prose line."""
    running = running_title(text)
    if running:
        return running
    for line in lines:
        if line.kind is LineKind.PARAGRAPH and re.match(
                r"(?:DECRETO|LEY|C[ÓO]DIGO|REGLAMENTO|ACUERDO|ESTATUTO|LINEAMIENTOS|NORMA|AVISO|MANUAL"
                r"|CONVOCATORIA|DISPOSICIONES|Ley|Reglamento|Decreto|Acuerdo|C[óo]digo|Manual"
                r"|Lineamientos|Convocatoria|Disposiciones)\b",
                line.text):
            return line.text
        if line.kind in UNIT_KINDS or line.kind is LineKind.HEADING:
            break
    return ""


_ENDINGS = (".", ";", ":", ")", "…", '"', "”", "»", "]", "|", "!", "?", "-", "*")


# The DOF's colophon on the last page of an edition, whatever converter printed it: the masthead,
# the director, the address, "Esta edición consta de 174 páginas", and the rule ("____ ● ____",
# "\_\_\_" in Markdown) above them. Furniture, not an unfinished text.
_COLOPHON_RE = re.compile(
    r"^[\s\\_\-–—●•*=#|]+$|DIARIO OFICIAL DE LA FEDERACI[ÓO]N\W*$|Director General Adjunto"
    r"|R[íi]o Amazonas No\.|Direcci[óo]n electr[óo]nica:|Esta edici[óo]n consta de \d+ p[áa]ginas"
    r"|acceder a nuestro men[úu]")


def truncation(lines: Sequence[Line]) -> Finding | None:
    """A finding when the text ends mid-sentence; a statute, note or decree ends with a full
    stop, a signature, a note or a heading (an edition with its colophon)."""
    for line in reversed(lines):
        if line.kind is LineKind.FURNITURE or _COLOPHON_RE.search(line.raw):
            continue
        if line.kind in (LineKind.SIGNATURE, LineKind.ANNOTATION, LineKind.HEADING,
                         LineKind.TRANSITORIOS_HEADING, LineKind.APPENDIX, LineKind.ELISION):
            return None
        if line.derogated:
            return None  # 'Artículo 118 A. Se deroga' ends a text whole
        ending = line.raw.rstrip()
        if ending.endswith(_ENDINGS) or ending[-1:].isdigit() or ending.isupper():
            return None
        return Finding(FindingKind.TRUNCATED,
                       f"el texto termina a media frase («…{ending[-40:]}»): parece cortado",
                       line.lineno)
    return None


def ensure_whole(document: Document) -> Document:
    """The document, if its text is whole; ``InputError`` if it ends mid-sentence.

    Reading a cut text is useful (``parse`` shows it with the finding), storing one is not: a
    text cut after artículo 40 would read as the repeal of every artículo after it.
    """
    for finding in document.findings:
        if finding.kind is FindingKind.TRUNCATED:
            raise InputError(f"el texto termina a media oración (línea {finding.line}); parece cortado: "
                             "no se guarda")
    return document


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a statute is parsed.

    A parse allocates a container per line and per provision (100k for a 3 MB code) and frees
    them by reference counting; with the collector on, every 700 allocations start a collection,
    and the full ones walk every object the process holds: 15-35 % of the parse, more the larger
    the caller's heap. The collector resumes when parsing ends, even on error, unless the caller
    had it off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse_statute(text: str, title: str | None = None) -> Document:
    """Plain statute text -> ``Document``; ``ParseError`` if no provision is found in it.

    Every doubt is a finding with its line (collisions, gaps, a text that ends mid-sentence); only
    input that is no statute at all is refused. Callers that store a text check ``ensure_whole``.
    """
    if not text.strip():
        raise InputError("el texto está vacío")
    with _collector_paused():
        lines = classify_lines(text)
        cut = truncation(lines)
        document, opened = _read_tree(lines, title if title is not None else guess_title(text, lines))
    if not document.provisions:
        raise ParseError("no se encontró ningún artículo, numeral, capítulo ni transitorio: esto no "
                         "parece un ordenamiento")
    document = with_check(document, opened)  # the reading's findings, then the structural check's
    return replace(document, findings=(cut, *document.findings)) if cut else document


def _unescape_json_string(text: str) -> str:
    """A SIDOF ``cadenaContenido`` value saved as is ('\\u003cHTML\\u003e...') -> its HTML."""
    head = text.lstrip()[:400]
    if "\\u003c" not in head:
        return text
    try:
        value = json.loads('"' + text.strip().strip('"') + '"')
    except json.JSONDecodeError:
        return text
    return value if isinstance(value, str) else text


def read_statute(data: bytes, name: str = "") -> Document:
    """Bytes of a statute (plain text, or the HTML of a DOF note) -> ``Document``.

    ``name`` only improves error messages.
    """
    where = f"{name}: " if name else ""
    if not data.strip():
        raise InputError(f"{where}el archivo está vacío")
    text = _unescape_json_string(decode_bytes(data))
    if looks_like_html(text):
        title, body = html_to_text(text)
        return parse_statute(body, title or None)
    return parse_statute(text)


__all__ = ["Line", "LineKind", "build_tree", "classify_lines", "guess_title", "parse_statute",
           "read_statute"]
