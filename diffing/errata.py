"""Apply an erratum's corrections to a text as published: the text as corrected, and what could
not be placed.

A correction quotes one or more paragraphs (print lines hard-wrapped are joined first; unit
markers and ellipsis lines are left out, as the provisions hold their text without them). Each
quoted paragraph must be found, white space and quote style aside (``comparable_text``), in the
own text or heading of a provision under the label the correction names (the whole text when
it names none; the nearest enclosing provision when the label is finer than the text's, "primer
párrafo" of an article the text reads as one paragraph), and found once: found nowhere or in
two places, it is a discrepancy with the correction's line and the words looked for, and none
of that correction is applied. What changes is the word-level redline (``diffing.text.redline``)
between what the publication says and what it must say, paragraph by paragraph; a correction
that joins or splits paragraphs is a discrepancy too (the tree cannot say it). A correction whose
right text is already there is done (a text imported as corrected, a rerun). A correction of the
amending clause touches no provision's text: a discrepancy too (what the decree declares changed);
one of the considerandos or the preamble is returned apart (``outside``), never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from parser.errata import Correction, Scope
from parser.labels import Label
from parser.line_values import LineKind
from parser.lines import classify_lines, starts_unit
from parser.model import Document, Provision, comparable_text

from .model import Change, ChangeType, DiffOp, Discrepancy, DiscrepancyKind
from .text import redline
from .tree import changes_between

_QUOTES = "\"'“”«»„‘’"
_PIECE = re.compile(r"(\s+)|([" + re.escape(_QUOTES) + r"])|([^\s" + re.escape(_QUOTES) + r"]+)")
_SENTENCE_END = (".", ";", ":", "…")


@dataclass(frozen=True, slots=True)
class Placed:
    """A correction applied: the provisions whose text it changed."""

    correction: Correction
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CorrectedText:
    """The text as corrected, the changes (type ``corrected``), what could not be placed, and the
    corrections of what no provision holds (considerandos, preamble, signatures)."""

    document: Document
    changes: tuple[Change, ...]
    placed: tuple[Placed, ...]
    discrepancies: tuple[Discrepancy, ...]
    outside: tuple[Correction, ...] = ()


def apply_corrections(published: Document, corrections: tuple[Correction, ...]) -> CorrectedText:
    """``published`` with every correction that can be placed applied (module docstring)."""
    current = published
    placed: list[Placed] = []
    problems: list[Discrepancy] = []
    outside = tuple(c for c in corrections if c.scope is Scope.OUTSIDE)
    for correction in corrections:
        if correction.scope is Scope.CLAUSE:
            problems.append(_unplaced(correction, correction.label or "", _CLAUSE_DETAIL))
            continue
        if correction.scope is Scope.OUTSIDE:
            continue
        outcome = _apply_one(current, correction)
        if isinstance(outcome, Discrepancy):
            problems.append(outcome)
        else:
            current, touched = outcome
            if touched:
                placed.append(Placed(correction, touched))
    changes = tuple(replace(c, type=ChangeType.CORRECTED) if c.type is ChangeType.MODIFIED else c
                    for c in changes_between(published, current))
    return CorrectedText(current, changes, tuple(placed), tuple(problems), outside)


_CLAUSE_DETAIL = ("corrige la cláusula del instrumento (lo que se reforma, adiciona o deroga), no el texto "
                  "de una disposición: revise las instrucciones de la publicación corregida")


def paragraphs(quoted: str) -> tuple[str, ...]:
    """A quoted text as the provisions hold it: wrapped lines joined, one paragraph per unit,
    markers and ellipses dropped, white space and quotes as ``comparable_text`` has them.

    >>> paragraphs("Artículo 41.- ......\\nLas designaciones se realizarán\\nconforme a la ley.\\nIV. Texto.")
    ('Las designaciones se realizarán conforme a la ley.', 'Texto.')
    """
    joined: list[str] = []
    for line in quoted.split("\n"):
        line = line.strip()
        if not line:
            continue
        if joined and not joined[-1].endswith(_SENTENCE_END) and not starts_unit(line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    kept = [line.text for line in classify_lines("\n".join(joined))
            if line.kind is not LineKind.ELISION and not line.elided and line.text.strip()]
    return tuple(comparable_text(text) for text in kept)


def corrected_paragraphs(wrong: tuple[str, ...], right: tuple[str, ...]) -> tuple[str, ...] | None:
    """Each paragraph of ``wrong`` as ``right`` corrects it, or None when the correction joins or
    splits paragraphs.

    >>> corrected_paragraphs(("De $12,2400.00 a $1", "Texto."), ("De $12,240.00 a $1", "Texto."))
    ('De $12,240.00 a $1', 'Texto.')
    """
    out = [""]
    for op, text in redline("\n".join(wrong), "\n".join(right)):
        if op is DiffOp.EQUAL:
            pieces = text.split("\n")
            out[-1] += pieces[0]
            out.extend(pieces[1:])
        elif "\n" in text:
            return None
        elif op is DiffOp.INSERT:
            out[-1] += text
    return tuple(out) if len(out) == len(wrong) else None


def _apply_one(document: Document, correction: Correction) -> tuple[Document, tuple[str, ...]] | Discrepancy:
    scope = _scope(document, correction.label)
    if scope is None:
        return _unplaced(correction, correction.label or "",
                         f"{correction.label} no existe en el texto publicado")
    wrong, right = paragraphs(correction.wrong), paragraphs(correction.right)
    if not wrong:
        return _unplaced(correction, scope, "«dice» no cita ningún texto")
    fixed = corrected_paragraphs(wrong, right)
    if fixed is None:
        return _unplaced(correction, scope, "la corrección une o divide párrafos: no se aplica")
    changed = [new for old, new in zip(wrong, fixed, strict=True) if old != new]
    if all(not isinstance(_locate(document, scope, text), str) for text in changed):
        return document, ()  # the text already says what it must say (or nothing changes)
    hits: list[_Hit] = []
    for old, new in zip(wrong, fixed, strict=True):
        hit = _locate(document, scope, old)
        if isinstance(hit, str):
            return _unplaced(correction, scope, hit)
        if old != new:
            hits.append((*hit, new))
    current = document
    for label, field, start, end, new in sorted(hits, key=lambda h: -h[2]):
        current = _replace_text(current, label, field, start, end, new)
    return current, tuple(dict.fromkeys(h[0] for h in hits))


def _scope(document: Document, label: str | None) -> str | None:
    """The label to search under: the named one, else its nearest ancestor the text has ('' = all)."""
    if label is None:
        return ""
    index = document.index()
    parsed = Label.parse(label)
    while parsed:
        if str(parsed) in index:
            return str(parsed)
        parsed = parsed.parent
    return None


def _provisions(document: Document, scope: str) -> Iterator[Provision]:
    if not scope:
        yield from document.walk()
        return
    yield from document.index()[scope].walk()


def _pattern(text: str) -> str:
    """A regex for ``text`` as a provision may hold it: any white space, any quote style."""
    out = []
    for space, quote, word in _PIECE.findall(text):
        out.append(r"\s+" if space else f"[{re.escape(_QUOTES)}]" if quote else re.escape(word))
    return "".join(out)


_Hit = tuple[str, str, int, int, str]


def _locate(document: Document, scope: str, quoted: str) -> tuple[str, str, int, int] | str:
    """Where one quoted paragraph is (label, field, span), or why it cannot be placed. Found in
    several provisions, the labelled one itself wins (a heading and an article's words alike)."""
    regex = re.compile(rf"(?<!\w){_pattern(quoted)}(?!\w)")
    hits = [(p.label, field, m.start(), m.end()) for p in _provisions(document, scope)
            for field in ("text", "heading") for m in regex.finditer(getattr(p, field))]
    own = [h for h in hits if h[0] == scope]
    if len(hits) == 1 or len(own) == 1:
        return own[0] if len(own) == 1 else hits[0]
    where = f" en {scope}" if scope else ""
    if hits:
        return f"«{quoted}» aparece {len(hits)} veces{where}: no se sabe cuál corregir"
    return f"no se encontró «{quoted}»{where}"


def _replace_text(document: Document, label: str, field: str, start: int, end: int,
                  replacement: str) -> Document:
    def rebuilt(provision: Provision) -> Provision:
        if provision.label == label:
            if field == "heading":
                return replace(provision, heading=_spliced(provision.heading, start, end, replacement))
            return replace(provision, text=_spliced(provision.text, start, end, replacement))
        children = tuple(rebuilt(c) for c in provision.children)
        if all(a is b for a, b in zip(children, provision.children, strict=True)):
            return provision
        return replace(provision, children=children)

    return replace(document, provisions=tuple(rebuilt(p) for p in document.provisions))


def _spliced(value: str, start: int, end: int, replacement: str) -> str:
    return value[:start] + replacement + value[end:]


def _unplaced(correction: Correction, label: str, detail: str) -> Discrepancy:
    where = f"«{correction.place}»: " if correction.place else ""
    return Discrepancy(DiscrepancyKind.UNPLACED_CORRECTION, label,
                       f"corrección, línea {correction.line}: {where}{detail}")


__all__ = ["CorrectedText", "Placed", "apply_corrections", "corrected_paragraphs", "paragraphs"]
