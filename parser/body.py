"""The new text after "para quedar como sigue:" -> a partial tree with elisions.

An amending body restates each touched article: new text for what changes, an ellipsis for what
stays ("...", "[...]", "……"; "I. a III. ..." and "a) a d) …" for a run of numbered units; one
bare ellipsis stands for exactly one unchanged sibling; mx-amendment-grammar.md §5). Lines come
from engineer A's ``classify_lines`` (the same stage the statute parser uses, so markers are read
one way everywhere); this module only nests them. Which base unit each piece stands for is
decided later, against the base text, by ``diffing.apply``: the body alone cannot know it.

Nesting rule, the same the statute parser applies: a paragraph after a fracción belongs to that
fracción when another fracción of the same list follows, else to the article (the paragraph after
an article's last fracción is the article's). Incisos and numerales nest the same way one level
down.

Agency instruments (manuales de organización, lineamientos, convocatorias) have no artículos: a
body that restates none is read as a run of top-level numerales ("2. Marco jurídico: …",
"7 Bis. …") or apartados ("IV. …"), which lines open one being decided by ``lines.top_level``
exactly as for a whole text, except that a body may start anywhere in the list. The run is
one ``BodyUnit`` of that kind with no number, whose children are the restated units and the
elisions between them ("3. a 6. ...", a bare "..." before the first) in order: the whole
document plays the part an article plays for its fracciones. Prose outside both an article and
such a run stays a stray paragraph, reported by the apply step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from errors import AmendmentError
from untrusted import quoted

from . import labels
from .cite_text import NOUN
from .lines import (
    Line,
    LineKind,
    TopLevel,
    article_title,
    classify_line,
    heading_like,
    read_numeral_suffixes,
    split_elision_runs,
    top_level,
)
from .model import Kind
from .vocabulary import is_derogation


@dataclass(frozen=True, slots=True)
class Elision:
    """Unchanged siblings: one (``kind`` None or no numbers) or the run ``first``..``last``."""

    kind: Kind | None = None
    first: str = ""
    last: str = ""
    lineno: int = 0

    @property
    def is_range(self) -> bool:
        return bool(self.first)


@dataclass(frozen=True, slots=True)
class BodyUnit:
    """A unit restated by the body: new text, or its number with an elided text ("II. …")."""

    kind: Kind
    number: str = ""            # label number ('v', '57-bis', '4'); '' for paragraphs
    written: str = ""           # the number as written ('V', '57 Bis')
    text: str = ""
    heading: str = ""           # containers: the denominación
    elided: bool = False        # the unit's own text is an ellipsis: keep the base's
    derogated: bool = False
    children: tuple[BodyUnit | Elision, ...] = ()
    lineno: int = 0

    @property
    def part(self) -> str:
        return f"{labels.PREFIX[self.kind]}_{self.number}"

    @property
    def is_run(self) -> bool:
        """A run of top-level numerales or apartados (see the module docstring), not one unit."""
        return not self.number and self.kind in (Kind.NUMERAL, Kind.APARTADO)


BodyItem = BodyUnit | Elision

# How deep each kind of numbered unit sits inside an article.
_DEPTH = {Kind.ARTICULO: 0, Kind.APARTADO: 1, Kind.FRACCION: 2, Kind.INCISO: 3, Kind.NUMERAL: 4}
_LIST_KINDS = frozenset({Kind.APARTADO, Kind.FRACCION, Kind.INCISO, Kind.NUMERAL})
_LINE_UNITS = {LineKind.FRACCION, LineKind.INCISO, LineKind.NUMERAL, LineKind.APARTADO}
_SKIPPED = {LineKind.ANNOTATION, LineKind.FURNITURE, LineKind.SIGNATURE}
# A transitorio of the amended instrument restated in the body: "SEXTO TRANSITORIO.- …",
# "Sexto Transitorio. …", "ARTÍCULO SEXTO TRANSITORIO.- …" (the decree's own transitorios
# follow the TRANSITORIOS heading and are no part of any body).
_RESTATED_TRANSITORIO = re.compile(
    r"(?:ART[ÍI]CULO\s+)?(?P<num>[^\W\d]+(?:\s+[^\W\d]+)?)\s+TRANSITORIO\s*[.:-]+\s*(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL)


@dataclass
class _Open:
    """A unit being built (mutable while its lines are read, frozen at the end)."""

    kind: Kind
    number: str = ""
    written: str = ""
    text: str = ""
    heading: str = ""
    elided: bool = False
    derogated: bool = False
    children: list[_Open | Elision] = field(default_factory=list)
    lineno: int = 0
    run: bool = False             # a run of top-level units: their paragraphs stay theirs

    def freeze(self) -> BodyUnit:
        _hoist_trailing(self)
        # "II." restated with nothing at all (its ellipsis lost in printing): a fracción is
        # never amended to no text, so it stands as it was, like "II. …"
        elided = self.elided or (self.kind in _LIST_KINDS and not self.text and not self.heading
                                 and not self.derogated and not self.children)
        return BodyUnit(self.kind, self.number, self.written, self.text, self.heading, elided,
                        self.derogated, tuple(c.freeze() if isinstance(c, _Open) else c
                                              for c in self.children), self.lineno)


def number_of(kind: Kind, written: str) -> str:
    """The label number of a unit numbered as written ('57 Bis' -> '57-bis', 'XII' -> 'xii')."""
    try:
        return labels.unit_number(kind, written)
    except ValueError:
        raise AmendmentError(f"no se puede leer el número de {NOUN[kind]} {quoted(written)}") from None


def build_body(lines: tuple[Line, ...] | list[Line]) -> tuple[BodyUnit, ...]:
    """Body lines -> top-level items: container headings, articles and runs of top-level
    numerales or apartados, in the order written."""
    lines, numbered = _top_level(split_elision_runs(lines))
    top: list[_Open] = []
    stack: list[_Open] = []   # the open article (or run and unit) and the units open inside it
    floor = 1                 # how many of the stack's units no line closes
    awaiting_denomination: _Open | None = None
    for index, line in enumerate(lines):
        if line.kind in _SKIPPED:
            continue
        if numbered is not None and index in numbered.opens:
            awaiting_denomination = None
            if not (top and top[-1].run):
                top.append(_Open(numbered.kind, lineno=line.lineno, run=True))
            stack, floor = _top_unit(top[-1], numbered.kind, line)
            continue
        if line.kind is LineKind.HEADING and line.unit is not None:
            heading = _Open(line.unit, number_of(line.unit, line.number), line.number,
                            heading=line.text, lineno=line.lineno)
            top.append(heading)
            stack = []
            awaiting_denomination = None if line.text else heading
            continue
        if awaiting_denomination is not None and line.kind is LineKind.PARAGRAPH:
            awaiting_denomination.heading = line.text
            awaiting_denomination = None
            continue
        awaiting_denomination = None
        if line.kind is LineKind.TRANSITORIOS_HEADING:
            stack = []                      # a body restating transitorios under their heading
            continue
        if line.kind is LineKind.TRANSITORIO and any(c.isdigit() for c in line.number):
            # "Artículo 1. …" after an index's "ARTÍCULOS TRANSITORIOS" line: the articles
            # that follow it (lines.classify_lines keeps the context until a heading)
            line = classify_line(line.raw, False, line.lineno)
        restated = _restated_transitorio(line) if line.kind is not LineKind.TRANSITORIO \
            else _article(line, Kind.TRANSITORIO)
        if line.kind is LineKind.ARTICLE or restated is not None:
            article = restated or _article(line)
            top.append(article)
            stack, floor = [article], 1
        elif line.kind is LineKind.TABLE:
            _add_table_row(top, stack, line)
        elif not stack:
            # prose outside any article or numeral: kept as a stray paragraph so the apply
            # step reports it instead of guessing
            top.append(_Open(Kind.PARRAFO, text=line.raw, lineno=line.lineno))
        else:
            _add_line(stack, line, floor)
    return tuple(unit.freeze() for unit in top)


def _top_level(lines: tuple[Line, ...] | list[Line]) -> tuple[tuple[Line, ...], TopLevel | None]:
    """A body that restates no artículo: its top-level numerales or apartados, if any."""
    if any(line.kind is LineKind.ARTICLE for line in lines):
        return tuple(lines), None
    lines = read_numeral_suffixes(lines)
    return lines, top_level(lines, partial=True)


def _top_unit(run: _Open, kind: Kind, line: Line) -> tuple[list[_Open], int]:
    """A line that opens a top-level unit, or stands for some: into the run; the new stack."""
    if line.kind is LineKind.ELISION:
        single = line.number and line.to_number in ("", line.number)
        if not single:
            run.children.append(Elision(kind, number_of(kind, line.number),
                                        number_of(kind, line.to_number), line.lineno)
                                if line.number else Elision(lineno=line.lineno))
            return [run], 1
    unit = _Open(kind, number_of(kind, line.number), line.number, elided=line.elided,
                 derogated=line.derogated, lineno=line.lineno)
    if line.derogated or not heading_like(line.text):
        unit.text = line.text
    else:
        unit.heading = line.text
    run.children.append(unit)
    return [run, unit], 2


def _restated_transitorio(line: Line) -> _Open | None:
    """'SEXTO TRANSITORIO.- En tanto …': the amended instrument's transitorio, restated."""
    if line.kind is not LineKind.PARAGRAPH or "ransitorio" not in line.text.lower():
        return None
    match = _RESTATED_TRANSITORIO.fullmatch(line.text)
    if match is None:
        return None
    try:
        number = number_of(Kind.TRANSITORIO, match.group("num"))
    except AmendmentError:
        return None                     # "El presente transitorio. …": no ordinal before it
    unit = _Open(Kind.TRANSITORIO, number, match.group("num"), lineno=line.lineno)
    rest = match.group("rest").strip()
    if rest:
        unit.children.append(_Open(Kind.PARRAFO, text=rest, lineno=line.lineno,
                                   derogated=is_derogation(rest)))
    return unit


def as_transitorios(units: tuple[BodyUnit, ...]) -> tuple[BodyUnit, ...]:
    """A body whose clause amends only transitorios: its ordinal units ('Segundo.- …', read
    as an artículo Segundo, as acuerdos number theirs) are those transitorios."""
    return tuple(_retagged(unit) for unit in units)


def _retagged(unit: BodyUnit) -> BodyUnit:
    if unit.kind is not Kind.ARTICULO or any(ch.isdigit() for ch in unit.written):
        return unit
    try:
        number = number_of(Kind.TRANSITORIO, unit.written)
    except AmendmentError:
        return unit
    return replace(unit, kind=Kind.TRANSITORIO, number=number)


def _add_table_row(top: list[_Open], stack: list[_Open], line: Line) -> None:
    """A table row goes on the text before it, a line of its own, as the statute reads it
    (``parser.statute``): the table a decree restates is part of the new text."""
    holder = _last_text(stack[-1]) if stack else (top[-1] if top and top[-1].text else None)
    if holder is None:
        holder = _Open(Kind.PARRAFO, lineno=line.lineno)
        (stack[-1].children if stack else top).append(holder)
    holder.text = f"{holder.text}\n{line.text}" if holder.text else line.text


def _last_text(unit: _Open) -> _Open | None:
    """The innermost unit whose text was written last: the paragraph or unit a row follows."""
    last = unit.children[-1] if unit.children else None
    if isinstance(last, _Open):
        return _last_text(last) or (last if last.text else None)
    return unit if unit.text else None


def _article(line: Line, kind: Kind = Kind.ARTICULO) -> _Open:
    """An artículo's line, or a transitorio's ('SEGUNDO.- …' after a TRANSITORIOS heading
    inside a body: that transitorio restated), with its own text as its first paragraph."""
    article = _Open(kind, number_of(kind, line.number), line.number,
                    derogated=line.derogated, lineno=line.lineno)
    if line.derogated:
        article.text = line.text
    elif line.elided:
        article.children.append(Elision(Kind.PARRAFO, lineno=line.lineno))
    elif kind is Kind.ARTICULO and article_title(line):
        article.heading = line.text         # as the statute reads it (parser.lines.article_title)
    elif line.text:
        article.children.append(_Open(Kind.PARRAFO, text=line.text, lineno=line.lineno))
    return article


def _add_line(stack: list[_Open], line: Line, floor: int = 1) -> None:
    if line.kind in _LINE_UNITS and line.unit is not None:
        unit = _Open(line.unit, number_of(line.unit, line.number), line.number, text=line.text,
                     elided=line.elided, derogated=line.derogated, lineno=line.lineno)
        if line.unit is Kind.APARTADO and line.text and not line.derogated \
                and not line.text.endswith((".", ":", ";")):
            unit.heading, unit.text = line.text, ""  # "A. Del promovente": as the statute reads it
        _pop_to_parent(stack, line.unit, floor)
        stack[-1].children.append(unit)
        stack.append(unit)
    elif line.kind is LineKind.ELISION:
        single = line.number and line.to_number in ("", line.number)
        if line.unit is not None and line.unit in _DEPTH and single:
            # "II. …": the fracción's own text stays; its incisos may follow restated
            unit = _Open(line.unit, number_of(line.unit, line.number), line.number, elided=True,
                         lineno=line.lineno)
            _pop_to_parent(stack, line.unit, floor)
            stack[-1].children.append(unit)
            stack.append(unit)
        elif line.unit is not None and line.unit in _DEPTH and line.number:
            _pop_to_parent(stack, line.unit, floor)
            stack[-1].children.append(Elision(line.unit, number_of(line.unit, line.number),
                                              number_of(line.unit, line.to_number or line.number),
                                              line.lineno))
        else:
            if line.unit is not None and line.unit in _DEPTH:
                _pop_to_parent(stack, line.unit, floor)   # "… III. y IV. …": in III's list
            stack[-1].children.append(Elision(lineno=line.lineno))
    elif line.kind in (LineKind.PARAGRAPH, LineKind.TRANSITORIO, LineKind.TRANSITORIOS_HEADING):
        paragraph = _Open(Kind.PARRAFO, text=line.text or line.raw, lineno=line.lineno,
                          derogated=is_derogation(line.text or line.raw))
        stack[-1].children.append(paragraph)


def _pop_to_parent(stack: list[_Open], kind: Kind, floor: int = 1) -> None:
    """Close open units until the top can hold a unit of ``kind`` (an inciso closes an inciso);
    the first ``floor`` units (the article, or a run and its top-level unit) stay open."""
    depth = _DEPTH.get(kind, 5)
    while len(stack) > floor and _DEPTH.get(stack[-1].kind, 5) >= depth:
        stack.pop()


def _hoist_trailing(unit: _Open) -> None:
    """Paragraphs after a unit's last numbered sub-unit belong to the unit, not the sub-unit.

    While reading, a paragraph lands in the innermost open unit (an inciso, a fracción). Bottom
    up, the loose paragraphs and bare ellipses at the end of the *last* numbered sub-unit move
    up one level: with no sibling after it, they were the parent's own closing paragraphs.
    """
    for child in unit.children:
        if isinstance(child, _Open):
            _hoist_trailing(child)
    if unit.run:
        return  # a top-level unit's closing paragraphs are its own: the run has none
    numbered = [i for i, c in enumerate(unit.children) if _is_numbered(c)]
    if not numbered:
        return
    last = unit.children[numbered[-1]]
    if not isinstance(last, _Open):
        return
    count = 0
    for child in reversed(last.children):
        if _is_numbered(child):
            break
        count += 1
    if count:
        moved = last.children[len(last.children) - count:]
        del last.children[len(last.children) - count:]
        unit.children[numbered[-1] + 1:numbered[-1] + 1] = moved


def _is_numbered(item: _Open | Elision) -> bool:
    if isinstance(item, Elision):
        return item.kind is not None and item.kind is not Kind.PARRAFO and item.is_range
    return item.kind is not Kind.PARRAFO


__all__ = ["BodyItem", "BodyUnit", "Elision", "as_transitorios", "build_body", "number_of"]
