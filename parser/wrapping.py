"""From physical lines to logical lines: wrapped lines joined into the paragraph or unit line they are.

``logical_lines`` returns one string per paragraph or unit line, the furniture removed by
``parser.furniture``. Wrapped mode is decided once per text from its shape (short lines in
multi-line runs), never per line, because a sentence ending at the end of a wrapped line must not
start a paragraph.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator

from . import annotations as notes
from .furniture import Physical, _Row, _rows

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


__all__ = ["line_width", "logical_lines", "logical_rows"]
