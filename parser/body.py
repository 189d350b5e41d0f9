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
"""

from __future__ import annotations

from dataclasses import dataclass, field

from errors import AmendmentError

from . import labels
from .lines import Line, LineKind
from .model import Kind


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


BodyItem = BodyUnit | Elision

# How deep each kind of numbered unit sits inside an article.
_DEPTH = {Kind.ARTICULO: 0, Kind.APARTADO: 1, Kind.FRACCION: 2, Kind.INCISO: 3, Kind.NUMERAL: 4}
_LINE_UNITS = {LineKind.FRACCION, LineKind.INCISO, LineKind.NUMERAL, LineKind.APARTADO}
_SKIPPED = {LineKind.ANNOTATION, LineKind.FURNITURE, LineKind.TABLE, LineKind.SIGNATURE}


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

    def freeze(self) -> BodyUnit:
        _hoist_trailing(self)
        return BodyUnit(self.kind, self.number, self.written, self.text, self.heading, self.elided,
                        self.derogated, tuple(c.freeze() if isinstance(c, _Open) else c
                                              for c in self.children), self.lineno)


def number_of(kind: Kind, written: str) -> str:
    """The label number of a unit numbered as written ('57 Bis' -> '57-bis', 'XII' -> 'xii')."""
    try:
        return labels.part(kind, written).partition("_")[2]
    except ValueError as exc:
        raise AmendmentError(f"cannot read the {kind} number {written!r}: {exc}") from None


def build_body(lines: tuple[Line, ...] | list[Line]) -> tuple[BodyUnit, ...]:
    """Body lines -> top-level items: container headings and articles, in the order written."""
    top: list[_Open] = []
    stack: list[_Open] = []   # the open article and the units open inside it
    awaiting_denomination: _Open | None = None
    for line in lines:
        if line.kind in _SKIPPED:
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
        if line.kind is LineKind.ARTICLE:
            article = _article(line)
            top.append(article)
            stack = [article]
        elif not stack:
            # prose outside any article (agency instruments restating numerales or sections):
            # kept as a stray paragraph so the apply step reports it instead of guessing
            top.append(_Open(Kind.PARRAFO, text=line.raw, lineno=line.lineno))
        else:
            _add_line(stack, line)
    return tuple(unit.freeze() for unit in top)


def _article(line: Line) -> _Open:
    article = _Open(Kind.ARTICULO, number_of(Kind.ARTICULO, line.number), line.number,
                    derogated=line.derogated, lineno=line.lineno)
    if line.derogated:
        article.text = line.text
    elif line.elided:
        article.children.append(Elision(Kind.PARRAFO, lineno=line.lineno))
    elif line.text:
        article.children.append(_Open(Kind.PARRAFO, text=line.text, lineno=line.lineno))
    return article


def _add_line(stack: list[_Open], line: Line) -> None:
    if line.kind in _LINE_UNITS and line.unit is not None:
        unit = _Open(line.unit, number_of(line.unit, line.number), line.number, text=line.text,
                     elided=line.elided, derogated=line.derogated, lineno=line.lineno)
        _pop_to_parent(stack, line.unit)
        stack[-1].children.append(unit)
        stack.append(unit)
    elif line.kind is LineKind.ELISION:
        single = line.number and line.to_number in ("", line.number)
        if line.unit is not None and line.unit in _DEPTH and single:
            # "II. …": the fracción's own text stays; its incisos may follow restated
            unit = _Open(line.unit, number_of(line.unit, line.number), line.number, elided=True,
                         lineno=line.lineno)
            _pop_to_parent(stack, line.unit)
            stack[-1].children.append(unit)
            stack.append(unit)
        elif line.unit is not None and line.unit in _DEPTH and line.number:
            _pop_to_parent(stack, line.unit)
            stack[-1].children.append(Elision(line.unit, number_of(line.unit, line.number),
                                              number_of(line.unit, line.to_number or line.number),
                                              line.lineno))
        else:
            stack[-1].children.append(Elision(lineno=line.lineno))
    elif line.kind in (LineKind.PARAGRAPH, LineKind.TRANSITORIO, LineKind.TRANSITORIOS_HEADING):
        paragraph = _Open(Kind.PARRAFO, text=line.text or line.raw, lineno=line.lineno,
                          derogated=_is_placeholder(line.text or line.raw))
        stack[-1].children.append(paragraph)


def _is_placeholder(text: str) -> bool:
    folded = labels.fold(text).strip(" .;()")
    return folded in ("se deroga", "derogado", "derogada", "se derogan", "derogados", "derogadas")


def _pop_to_parent(stack: list[_Open], kind: Kind) -> None:
    """Close open units until the top can hold a unit of ``kind`` (an inciso closes an inciso)."""
    depth = _DEPTH.get(kind, 5)
    while len(stack) > 1 and _DEPTH.get(stack[-1].kind, 5) >= depth:
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


__all__ = ["BodyItem", "BodyUnit", "Elision", "build_body", "number_of"]
