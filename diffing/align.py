"""Aligning a restated unit's children with its base children: elisions, paragraphs, renumbering.

Numbered units align by number (after the clause's "recorriéndose" moves), paragraphs by position,
never by text similarity; what is not shown stays (see ``diffing.apply``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from parser import BodyUnit, Elision, Kind, Status, Verb
from parser.cite_text import NOUN
from parser.labels import PREFIX as _PREFIX
from parser.labels import Label, display_number
from parser.vocabulary import LATIN_RANK, unfold_label

from .draft import _M, _expand

if TYPE_CHECKING:
    from .apply import _Applier


_LIST_KINDS = frozenset({Kind.APARTADO, Kind.FRACCION, Kind.INCISO, Kind.NUMERAL})


class _Aligner:
    """Lines a restated unit's children up with its base children (see ``diffing.apply``)."""

    def __init__(self, applier: _Applier, node: _M, label: str) -> None:
        self.applier = applier
        self.label = label
        self.base = list(node.children)
        self.pointer = 0
        self.out: list[_M] = []
        self.moves = self.renumbering(label)
        self.first_paragraph = 1 if node.kind is Kind.ARTICULO or not node.text else 2
        added = {i.target for i in applier.instructions if i.verb is Verb.ADICIONA}
        self.added_paragraphs = _paragraph_positions(added, label)
        self.declared_paragraphs = _paragraph_positions(
            (i.target for i in applier.instructions), label)

    def renumbering(self, label: str) -> dict[str, str]:
        """old part -> new part for this unit's children ('frac_v' -> 'frac_vi')."""
        moves = {}
        for instruction in self.applier.instructions:
            target = Label.parse(instruction.target)
            if instruction.verb is Verb.RENUMERA and instruction.new_label and target and \
                    str(target.parent) == label:
                moves[target.last_part] = Label.parse(instruction.new_label).last_part
        return moves

    def new_part(self, node: _M) -> str:
        part = f"{_PREFIX[node.kind]}_{node.part}"
        return self.moves.get(part, part)

    def align(self, items: tuple[BodyUnit | Elision, ...]) -> list[_M]:
        for index, item in enumerate(items):
            if isinstance(item, Elision):
                if not (_is_bare(item) and (self.continues_elided_unit(items, index) or
                                            self.introduces_next_unit(items, index))):
                    self.elision(item)
            elif item.kind is Kind.PARRAFO:
                self.paragraph(item)
            else:
                self.numbered(item)
        self.copy(len(self.base))                    # rule 3: what is not shown stays
        return self.out

    def copy(self, end: int) -> None:
        while self.pointer < min(end, len(self.base)):
            node = self.base[self.pointer]
            self.out.append(self.renumbered(node))
            self.pointer += 1

    def renumbered(self, node: _M) -> _M:
        part = f"{_PREFIX[node.kind]}_{node.part}"
        if part in self.moves:
            _expand(node)
            new = Label.parse(self.moves[part]).number
            node.part = new
            node.number = _written(node.kind, new)
        return node

    def elision(self, item: Elision) -> None:
        if not item.is_range:
            if self.pointer >= len(self.base):
                self.applier.problem(self.label, f"línea {item.lineno}: puntos suspensivos sin "
                                     "unidades del texto base que abarcar")
                return
            self.copy(self.pointer + 1)
            return
        assert item.kind is not None
        first = self.locate(f"{_PREFIX[item.kind]}_{item.first}")
        last = self.locate(f"{_PREFIX[item.kind]}_{item.last}")
        if first is None or last is None or last < first:
            self.applier.problem(self.label, f"línea {item.lineno}: los puntos suspensivos de "
                                 f"{_span(item.kind, item)} no corresponden al texto base")
            return
        self.copy(last + 1)

    def continues_elided_unit(self, items: tuple[BodyUnit | Elision, ...], index: int) -> bool:
        """Whether a bare "…" after a numbered unit is that unit's tail, by the clause's word.

        "XI. y XII. …" then "…" then a paragraph: the bare ellipsis may stand for the next base
        paragraph of the article, or restate that the elided fracciones keep their own closing
        paragraphs too (they already do). The body alone cannot tell; the operative clause can.
        When it declares the paragraph that follows at the position it takes with the ellipsis
        read as the unit's tail ("26, … y segundo párrafo"), and not at the position it takes
        otherwise, the clause's reading is the one taken. Otherwise the default reading stands
        and any disagreement is reported by the reconciliation.
        """
        if index == 0 or index + 1 == len(items) or not _is_list_item(items[index - 1]):
            return False
        following = items[index + 1]
        if not isinstance(following, BodyUnit) or following.kind is not Kind.PARRAFO:
            return False
        if self.pointer >= len(self.base) or self.base[self.pointer].kind is not Kind.PARRAFO:
            return False
        position = self.next_paragraph_position()
        declared = self.declared_paragraphs
        return position in declared and position + 1 not in declared

    def introduces_next_unit(self, items: tuple[BodyUnit | Elision, ...], index: int) -> bool:
        """Whether a bare "…" only leads into the numbered unit after it ("… III. y IV. …").

        When the base's next unchanged sibling is already the first unit the following item
        names, the ellipsis cannot stand for a sibling of its own (it would take that unit from
        its own line): it is the printer's lead-in, as in the Registro Público Único decree's
        "… III. y IV. …". Where a paragraph comes first ("… … I. a III. … …" in the CFE's
        Disposición 41), each ellipsis keeps its sibling.
        """
        if index + 1 == len(items) or self.pointer >= len(self.base):
            return False
        following = items[index + 1]
        if isinstance(following, Elision):
            if not following.is_range or following.kind is None:
                return False
            part = f"{_PREFIX[following.kind]}_{following.first}"
        elif following.kind is Kind.PARRAFO:
            return False
        else:
            part = f"{_PREFIX[following.kind]}_{following.number}"
        node = self.base[self.pointer]
        return node.kind is not Kind.PARRAFO and self.new_part(node) == part

    def locate(self, part: str) -> int | None:
        """Index (from the pointer on) of the base child that carries ``part`` after the decree."""
        for index in range(self.pointer, len(self.base)):
            node = self.base[index]
            if node.kind is not Kind.PARRAFO and self.new_part(node) == part:
                return index
        return None

    def next_paragraph_position(self) -> int:
        """The number the next paragraph written out takes ("segundo párrafo" -> 2)."""
        return self.first_paragraph + sum(1 for n in self.out if n.kind is Kind.PARRAFO)

    def paragraph(self, item: BodyUnit) -> None:
        position = self.next_paragraph_position()
        following = self.next_base_paragraph()
        if item.derogated:
            if following is None:
                self.applier.problem(self.label, f"línea {item.lineno}: «Derogado» sin párrafo del "
                                     "texto base que derogar")
                return
            self.copy(following)
            self.pointer = following + 1             # the derogated paragraph leaves the tree
            return
        if position in self.added_paragraphs or following is None:
            self.out.append(_M(Kind.PARRAFO, "", "", text=item.text))
            return
        self.copy(following)
        node = self.base[following]
        _expand(node)
        node.text = item.text
        node.status = Status.VIGENTE
        self.out.append(node)
        self.pointer = following + 1

    def next_base_paragraph(self) -> int | None:
        """The next base paragraph, unless a numbered unit the body has not reached is first."""
        for index in range(self.pointer, len(self.base)):
            if self.base[index].kind is Kind.PARRAFO:
                return index
        return None

    def numbered(self, item: BodyUnit) -> None:
        part = f"{_PREFIX[item.kind]}_{item.number}"
        index = self.locate(part)
        if index is None:
            self.out.append(self.applier.new_unit(item))
            return
        self.copy(index)
        node = self.renumbered(self.base[index])
        self.pointer = index + 1
        self.applier.merge(node, item, str(Label.parse(self.label).child(node.kind, _old_part(node))))
        self.out.append(node)


def _paragraph_positions(targets: Iterable[str], label: str) -> set[int]:
    """The paragraph numbers of ``label`` among instruction targets ('art_26__par_2' -> 2)."""
    positions = set()
    for target in map(Label.parse, targets):
        if target and str(target.parent) == label and target.kind is Kind.PARRAFO and \
                target.number.isdigit():
            positions.add(int(target.number))
    return positions


def _is_bare(item: Elision) -> bool:
    """A lone "…" standing for one sibling of any kind (not "II. a IV. …", not "Artículo 5. …")."""
    return not item.is_range and item.kind is None


def _is_list_item(item: BodyUnit | Elision) -> bool:
    """A numbered unit of a list, restated, elided ("XII. …") or as a run ("XI. y XII. …")."""
    return item.kind in _LIST_KINDS


def _old_part(node: _M) -> str:
    return Label.parse(node.origin).number if node.origin else node.part


def _written(kind: Kind, part: str) -> str:
    """A renumbered fracción's number as written: 'xiv-bis' -> 'XIV Bis', 'xxix-nn' -> 'XXIX Ñ'."""
    if kind is Kind.FRACCION:
        return " ".join(unfold_label(p) if i == 0 or p not in LATIN_RANK else p.capitalize()
                        for i, p in enumerate(part.split("-")))
    return part


def _span(kind: Kind, item: Elision) -> str:
    """'fracción IV a VIII': the run of units a ranged ellipsis names, as the decree writes it."""
    return f"{NOUN[kind]} {display_number(kind, item.first)} a {display_number(kind, item.last)}"
