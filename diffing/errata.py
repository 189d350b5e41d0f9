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

import bisect
import re
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
_FIELDS = ("text", "heading")


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
    tree = _Tree(published)
    placed: list[Placed] = []
    problems: list[Discrepancy] = []
    outside = tuple(c for c in corrections if c.scope is Scope.OUTSIDE)
    for correction in corrections:
        if correction.scope is Scope.CLAUSE:
            problems.append(_unplaced(correction, correction.label or "", _CLAUSE_DETAIL))
            continue
        if correction.scope is Scope.OUTSIDE:
            continue
        outcome = _apply_one(tree, correction)
        if isinstance(outcome, Discrepancy):
            problems.append(outcome)
        elif outcome:
            placed.append(Placed(correction, outcome))
    current = tree.document()
    changes = tuple(replace(c, type=ChangeType.CORRECTED) if c.type is ChangeType.MODIFIED else c
                    for c in changes_between(published, current))
    return CorrectedText(current, changes, tuple(placed), tuple(problems), outside)


class _Tree:
    """The text being corrected: its provisions by label and each one's parent, kept up to date
    as provisions are replaced (a replacement rebuilds only the path up to the top)."""

    def __init__(self, document: Document) -> None:
        self.title, self.findings = document.title, document.findings
        self.top = list(document.provisions)
        self.index: dict[str, Provision] = {}
        self.parent: dict[str, str] = {}
        self.order: list[str] = []  # every label, in document order
        self.blob: str | None = None  # every own text and heading, for a search of the whole text
        self.starts: list[int] = []
        self.places: list[tuple[str, str]] = []
        self.spliced: set[str] = set()  # provisions whose own text changed after the string was built
        for provision in document.provisions:
            self._add(provision, "")

    def _add(self, provision: Provision, parent: str) -> None:
        self.index[provision.label] = provision
        self.parent[provision.label] = parent
        self.order.append(provision.label)
        for child in provision.children:
            self._add(child, provision.label)

    def document(self) -> Document:
        return Document(self.title, tuple(self.top), self.findings)

    def search(self, scope: str, regex: re.Pattern[str]) -> list[tuple[str, str, int, int]]:
        """Every match of ``regex`` in the own text or heading of a provision under ``scope``
        (itself included; '' is the whole text, searched as one string)."""
        if scope:
            return [(p.label, field, m.start(), m.end()) for p in self.index[scope].walk()
                    for field in _FIELDS for m in regex.finditer(getattr(p, field))
                    if _word_start(getattr(p, field), m.start())]
        if self.blob is None:
            pieces, self.starts, self.places, at = [], [], [], 0
            for label in self.order:
                for field in _FIELDS:
                    value = getattr(self.index[label], field)
                    if value:
                        pieces.append(value)
                        self.starts.append(at)
                        self.places.append((label, field))
                        at += len(value) + 1
            self.blob = "\x00".join(pieces)  # no quoted text holds NUL: no match spans two
            self.spliced.clear()
        hits = []
        for m in regex.finditer(self.blob):
            if not _word_start(self.blob, m.start()):
                continue
            i = bisect.bisect_right(self.starts, m.start()) - 1
            label, field = self.places[i]
            if label not in self.spliced:
                hits.append((label, field, m.start() - self.starts[i], m.end() - self.starts[i]))
        for label in self.spliced:  # what changed since the string was built: read as it is now
            provision = self.index[label]
            hits.extend((label, field, m.start(), m.end()) for field in _FIELDS
                        for m in regex.finditer(getattr(provision, field))
                        if _word_start(getattr(provision, field), m.start()))
        return hits

    def splice(self, label: str, field: str, start: int, end: int, replacement: str) -> None:
        self.spliced.add(label)
        old = self.index[label]
        if field == "heading":
            new = replace(old, heading=old.heading[:start] + replacement + old.heading[end:])
        else:
            new = replace(old, text=old.text[:start] + replacement + old.text[end:])
        while True:
            self.index[new.label] = new
            up = self.parent[new.label]
            if not up:
                self.top = [new if p is old else p for p in self.top]
                return
            holder = self.index[up]
            old, new = holder, replace(holder, children=tuple(new if c is old else c
                                                               for c in holder.children))


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


def _apply_one(tree: _Tree, correction: Correction) -> tuple[str, ...] | Discrepancy:
    """Apply one correction to ``tree``: the labels it changed, or why it cannot be placed."""
    scope = _scope(tree, correction.label)
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
    if all(not isinstance(_locate(tree, scope, text), str) for text in changed):
        return ()  # the text already says what it must say (or nothing changes)
    hits: list[_Hit] = []
    for old, new in zip(wrong, fixed, strict=True):
        hit = _locate(tree, scope, old)
        if isinstance(hit, str):
            return _unplaced(correction, scope, hit)
        if old != new:
            hits.append((*hit, new))
    for label, field, start, end, new in sorted(hits, key=lambda h: -h[2]):
        tree.splice(label, field, start, end, new)
    return tuple(dict.fromkeys(h[0] for h in hits))


def _word_start(text: str, at: int) -> bool:
    """Does a match at ``at`` start a word? (a lookbehind in the pattern would cost the regex
    engine its literal-prefix scan over the whole text)"""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")


def _scope(tree: _Tree, label: str | None) -> str | None:
    """The label to search under: the named one, else its nearest ancestor the text has ('' = all)."""
    if label is None:
        return ""
    parsed = Label.parse(label)
    while parsed:
        if str(parsed) in tree.index:
            return str(parsed)
        parsed = parsed.parent
    return None


def _pattern(text: str) -> str:
    """A regex for ``text`` as a provision may hold it: any white space, any quote style."""
    out = []
    for space, quote, word in _PIECE.findall(text):
        out.append(r"\s+" if space else f"[{re.escape(_QUOTES)}]" if quote else re.escape(word))
    return "".join(out)


_Hit = tuple[str, str, int, int, str]


def _locate(tree: _Tree, scope: str, quoted: str) -> tuple[str, str, int, int] | str:
    """Where one quoted paragraph is (label, field, span), or why it cannot be placed. Found in
    several provisions, the labelled one itself wins (a heading and an article's words alike)."""
    hits = tree.search(scope, re.compile(rf"{_pattern(quoted)}(?!\w)"))
    own = [h for h in hits if h[0] == scope]
    if len(hits) == 1 or len(own) == 1:
        return own[0] if len(own) == 1 else hits[0]
    where = f" en {scope}" if scope else ""
    if hits:
        return f"«{quoted}» aparece {len(hits)} veces{where}: no se sabe cuál corregir"
    return f"no se encontró «{quoted}»{where}"


def _unplaced(correction: Correction, label: str, detail: str) -> Discrepancy:
    where = f"«{correction.place}»: " if correction.place else ""
    return Discrepancy(DiscrepancyKind.UNPLACED_CORRECTION, label,
                       f"corrección, línea {correction.line}: {where}{detail}")


__all__ = ["CorrectedText", "Placed", "apply_corrections", "corrected_paragraphs", "paragraphs"]
