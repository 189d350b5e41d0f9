"""Instructions + partial tree (the amending body) + base version -> the new version.

The body says *how* the text reads now; the base says what the ellipses stand for; the
instructions settle what the body alone cannot: whether an explicit paragraph is a new one or
the next base paragraph restated ("se adiciona un segundo párrafo"), and which numbered units
moved ("recorriéndose la actual fracción V para pasar a ser la VI"). Alignment is by number
for numbered units and by position for paragraphs, never by text similarity (grammar §5 rule 2).

Every node of the new tree remembers the base node it comes from (``origin``), so the change
list is exact: a renumbered fracción is one renumbered change, not a deletion plus an addition.
Top-level numerales and apartados of an instrument without artículos (a manual de organización,
lineamientos) are found by label and merged like articles; a new one goes in number order
(num_7-bis after num_7); the elisions between them must name base units in the base's order.
A derogated paragraph leaves the tree (paragraphs are counted among the living ones: "el
tercer párrafo, que pasa a ser el segundo"); a derogated numbered unit keeps its number and
its placeholder ("IX. Se deroga."). What cannot be aligned is reported, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from parser import (
    CONTAINER_KINDS,
    BodyUnit,
    Document,
    Elision,
    Instruction,
    Kind,
    Provision,
    Status,
    Verb,
    number_sort_key,
)
from parser.cite_text import NOUN, PLURAL, cite_or_label
from parser.labels import PREFIX as _PREFIX
from parser.labels import Label
from parser.vocabulary import is_roman as _is_roman
from untrusted import quoted

from .align import _Aligner, _span
from .draft import _M, _expand, _freeze, _from_provision, _insert_sorted
from .model import Discrepancy, DiscrepancyKind


class Origin(Mapping[str, str]):
    """New label -> the base label it comes from: explicit where it differs, else identity."""

    def __init__(self, explicit: Mapping[str, str | None], base_labels: Mapping[str, object]):
        self.explicit = dict(explicit)
        self.base_labels = base_labels

    def __getitem__(self, label: str) -> str:
        if label in self.explicit:
            value = self.explicit[label]
            if value is None:
                raise KeyError(label)
            return value
        if label in self.base_labels:
            return label
        raise KeyError(label)

    def __iter__(self) -> Iterator[str]:
        return iter(k for k, v in self.explicit.items() if v is not None)

    def __len__(self) -> int:
        return sum(1 for v in self.explicit.values() if v is not None)


@dataclass(frozen=True, slots=True)
class Applied:
    """The new version, where each of its provisions came from, and what could not be done."""

    document: Document
    origin: Origin
    problems: tuple[Discrepancy, ...] = ()


class _Applier:
    def __init__(self, base: Document, instructions: Iterable[Instruction]) -> None:
        self.base = base
        self.base_index = base.index()
        self.instructions = list(instructions)
        self.top = [_from_provision(p) for p in base.provisions]
        self.problems: list[Discrepancy] = []
        self.parents: dict[str, str] = {}
        for provision in base.provisions:
            self._index_parents(provision, "")
        self.context: _M | None = None          # container a following new article goes into
        self.previous_article: _M | None = None
        self.top_pointer = 0                    # base top-level units the body has reached
        self.added_tops: list[_M] = []          # top-level units the body adds

    def _index_parents(self, provision: Provision, parent: str) -> None:
        self.parents[provision.label] = parent
        for child in provision.children:
            self._index_parents(child, provision.label)

    def problem(self, label: str, detail: str) -> None:
        self.problems.append(Discrepancy(DiscrepancyKind.UNRESOLVED, label, detail))

    # --- finding base nodes -----------------------------------------------------------------
    def find(self, label: str) -> tuple[list[_M], int] | None:
        """(sibling list, index) of the editable node for a base label, opening its ancestors."""
        chain = [label]
        while self.parents.get(chain[-1]):
            chain.append(self.parents[chain[-1]])
        siblings = self.top
        for depth, wanted in enumerate(reversed(chain)):
            position = next((i for i, n in enumerate(siblings) if n.origin == wanted), None)
            if position is None:
                return None
            if depth == len(chain) - 1:
                return siblings, position
            _expand(siblings[position])
            siblings = siblings[position].children
        return None

    def container_label(self, kind: Kind, part: str) -> str | None:
        """The base container a restated heading names ('CAPÍTULO IV' -> 'tit_2__cap_4')."""
        suffix = f"{_PREFIX[kind]}_{part}"
        declared = [i.target for i in self.instructions if i.target.endswith(suffix)]
        for label in declared:
            if label in self.base_index:
                return label
        found = [label for label, p in self.base_index.items()
                 if p.kind is kind and Label.parse(label).last_part == suffix]
        if len(found) == 1:
            return found[0]
        if self.previous_article is not None and found:
            return found[0]
        return None

    # --- top level ------------------------------------------------------------------------
    def run(self, units: Iterable[BodyUnit]) -> None:
        for unit in units:
            if unit.kind in CONTAINER_KINDS:
                self.heading(unit)
            elif unit.kind is Kind.ARTICULO or unit.kind is Kind.TRANSITORIO:
                self.article(unit)              # a restated transitorio stands like an article
            elif unit.is_run:
                self.top_run(unit)
            else:
                self.problem("", f"línea {unit.lineno}: {NOUN[unit.kind]} fuera de todo artículo: "
                             f"{quoted(unit.text or unit.number, 80)}")

    # --- top-level numerales and apartados ------------------------------------------------
    def top_units(self, kind: Kind) -> list[str]:
        """The base's top-level units of ``kind`` (outside any article), in document order."""
        found: list[str] = []

        def walk(provisions: tuple[Provision, ...]) -> None:
            for provision in provisions:
                if provision.kind is kind:
                    found.append(provision.label)
                elif provision.kind in CONTAINER_KINDS:
                    walk(provision.children)

        walk(self.base.provisions)
        return found

    def top_run(self, run: BodyUnit) -> None:
        sequence = self.top_units(run.kind)
        for item in run.children:
            if isinstance(item, Elision):
                self.top_elision(item, sequence, run.kind)
            elif item.kind is run.kind:
                self.top_unit(item, sequence)
            else:
                self.problem("", f"línea {item.lineno}: {NOUN[item.kind]} fuera de cualquier "
                             f"{NOUN[run.kind]}: {quoted(item.text or item.number, 80)}")

    def top_unit(self, unit: BodyUnit, sequence: list[str]) -> None:
        label = f"{_PREFIX[unit.kind]}_{unit.number}"
        if label in sequence:
            position = sequence.index(label)
            if position < self.top_pointer:
                self.problem(label, f"línea {unit.lineno}: {quoted(unit.written)} viene después de "
                             "puntos suspensivos que ya lo abarcan")
            located = self.find(label)
            assert located is not None
            self.merge(located[0][located[1]], unit, label)
            self.top_pointer = max(self.top_pointer, position + 1)
            return
        if unit.elided:
            self.problem(label, f"línea {unit.lineno}: {quoted(unit.written + ' …')} conserva "
                         f"{cite_or_label(label)}, que el texto base no tiene")
            return
        node = self.new_unit(unit)
        self.place_top(node, sequence)
        self.added_tops.append(node)

    def top_elision(self, item: Elision, sequence: list[str], kind: Kind) -> None:
        """An elision between top-level units: it must stand for base units, in order."""
        if not item.is_range:
            if self.top_pointer >= len(sequence):
                self.problem("", f"línea {item.lineno}: puntos suspensivos sin {PLURAL[kind]} del "
                             "texto base que abarcar")
                return
            self.top_pointer += 1
            return
        first = f"{_PREFIX[kind]}_{item.first}"
        last = f"{_PREFIX[kind]}_{item.last}"
        if first not in sequence or last not in sequence or \
                not self.top_pointer <= sequence.index(first) <= sequence.index(last):
            self.problem("", f"línea {item.lineno}: los puntos suspensivos de {_span(kind, item)} no "
                         f"corresponden a {PLURAL[kind]} del texto base")
            return
        self.top_pointer = sequence.index(last) + 1

    def place_top(self, node: _M, sequence: list[str]) -> None:
        """A new top-level unit: after the one numbered just before it, else before the first."""
        if self.context is not None:
            _expand(self.context)
            _insert_sorted(self.context.children, node)
            return
        letters = node.kind is Kind.APARTADO and not all(
            _is_roman(Label.parse(label).number.partition("-")[0]) for label in sequence)
        mine = _top_key(node.part, letters)
        keys = [(_top_key(Label.parse(label).number, letters), label) for label in sequence]
        earlier = [(key, label) for key, label in keys if key < mine]
        added = [(_top_key(n.part, letters), n) for n in self.added_tops
                 if _top_key(n.part, letters) < mine]
        if added and (not earlier or max(added, key=lambda a: a[0])[0] > max(earlier)[0]):
            previous = max(added, key=lambda a: a[0])[1]
            siblings = self.siblings_of(previous)
            if siblings is not None:
                siblings.insert(siblings.index(previous) + 1, node)
                return
        if earlier:
            located = self.find(max(earlier)[1])
            if located is not None:
                located[0].insert(located[1] + 1, node)
                return
        if sequence:
            located = self.find(sequence[0])
            if located is not None:
                located[0].insert(located[1], node)
                return
        _insert_sorted(self.top, node)

    def heading(self, unit: BodyUnit) -> None:
        label = self.container_label(unit.kind, unit.number)
        if label is not None:
            located = self.find(label)
            assert located is not None
            node = located[0][located[1]]
            _expand(node)
            if unit.heading and unit.heading != node.heading:
                node.heading = unit.heading
            self.context = None
            return
        node = _M(unit.kind, unit.number, unit.written, unit.heading)
        self.place_container(node)
        self.context = node

    def place_container(self, node: _M) -> None:
        """A new container: where its instruction says, else beside the last article's."""
        suffix = f"{_PREFIX[node.kind]}_{node.part}"
        declared = next((i.target for i in self.instructions if i.verb is Verb.ADICIONA
                         and i.target and Label.parse(i.target).last_part == suffix), None)
        parent_label = str(Label.parse(declared).parent) if declared else None
        if parent_label is None and self.previous_article is not None:
            holder = self.holder_of(self.previous_article)
            parent_label = str(Label.parse(holder).parent) if holder else None
        if parent_label:
            located = self.find(parent_label)
            if located is not None:
                parent = located[0][located[1]]
                _expand(parent)
                _insert_sorted(parent.children, node)
                return
        _insert_sorted(self.top, node)

    def holder_of(self, article: _M) -> str | None:
        """The container label holding an article (base articles only)."""
        if article.origin is None:
            return None
        parent = self.parents.get(article.origin)
        if parent is None:
            return None
        if article.kind is Kind.ARTICULO:
            return parent if parent else None
        return None

    def article(self, unit: BodyUnit) -> None:
        label = f"{_PREFIX[unit.kind]}_{unit.number}"
        located = self.find(label) if label in self.base_index else None
        if located is None:
            node = self.new_unit(unit)
            self.place_article(node)
        else:
            node = located[0][located[1]]
            self.merge(node, unit, label)
            self.context = None
        self.previous_article = node

    def place_article(self, node: _M) -> None:
        if self.context is not None:
            _expand(self.context)
            self.context.children.append(node)
            return
        previous = self.previous_article
        if previous is not None:
            siblings = self.siblings_of(previous)
            if siblings is not None:
                siblings.insert(siblings.index(previous) + 1, node)
                return
        before = self.article_before(node)
        siblings = self.siblings_of(before) if before is not None else None
        if before is not None and siblings is not None:
            # "Se adiciona el artículo 10 Bis" restating no other: after 10, where 10 is
            siblings.insert(siblings.index(before) + 1, node)
            return
        self.problem(f"art_{node.part}", "artículo nuevo sin lugar: no hay un artículo anterior en "
                                        "el cuerpo ni un encabezado nuevo antes de él")
        self.top.append(node)

    def article_before(self, node: _M) -> _M | None:
        """The article the text has that comes last before ``node`` in the numbering."""
        key = number_sort_key(node.part)
        found: _M | None = None
        stack = list(self.top)
        while stack:
            unit = stack.pop()
            if unit.kind is Kind.ARTICULO and unit is not node and \
                    number_sort_key(unit.part) < key and \
                    (found is None or number_sort_key(unit.part) > number_sort_key(found.part)):
                found = unit
            if unit.kind in CONTAINER_KINDS:
                _expand(unit)
                stack.extend(unit.children)
        return found

    def siblings_of(self, target: _M) -> list[_M] | None:
        def search(nodes: list[_M]) -> list[_M] | None:
            for node in nodes:
                if node is target:
                    return nodes
                if node.keep is None and node.children:
                    found = search(node.children)
                    if found is not None:
                        return found
            return None

        return search(self.top)

    # --- merging one restated unit with its base ------------------------------------------
    def new_unit(self, unit: BodyUnit) -> _M:
        node = _M(unit.kind, unit.number, unit.written, unit.heading, unit.text,
                  Status.DEROGADO if unit.derogated else Status.VIGENTE)
        for child in unit.children:
            if isinstance(child, Elision):
                self.problem(f"{_PREFIX[unit.kind]}_{unit.number}",
                             f"línea {child.lineno}: puntos suspensivos dentro de una disposición "
                             "que el texto base no tiene: no hay nada que conservar")
                continue
            node.children.append(self.new_unit(child))
        return node

    def merge(self, node: _M, unit: BodyUnit, label: str) -> None:
        _expand(node)
        if unit.derogated:
            node.status = Status.DEROGADO
            node.text = unit.text
            node.children = []
            return
        if not unit.elided and unit.kind not in (Kind.ARTICULO, Kind.TRANSITORIO):
            node.text = unit.text
        if unit.heading:
            node.heading = unit.heading
        node.status = Status.VIGENTE
        node.children = _Aligner(self, node, label).align(unit.children)


def _top_key(number: str, letters: bool) -> tuple[tuple[int, int, str], ...]:
    """Sort key of a top-level unit's number: numerales and Roman apartados as statutes order
    numbers; lettered apartados by letter ('c' is not a hundred there)."""
    if not letters:
        return number_sort_key(number)
    head, _, rest = number.partition("-")
    return ((2, ord(head[:1] or "a"), head), *number_sort_key(f"0-{rest}")[1:]) if rest else \
        ((2, ord(head[:1] or "a"), head),)


def apply_body(base: Document, units: Iterable[BodyUnit],
               instructions: Iterable[Instruction]) -> Applied:
    """The base with one operative article's body applied (see the module docstring)."""
    applier = _Applier(base, instructions)
    applier.run(units)
    origin: dict[str, str | None] = {}
    provisions = _freeze(applier.top, "", None, 1, origin)
    return Applied(Document(base.title, provisions), Origin(origin, applier.base_index),
                   tuple(applier.problems))


__all__ = ["Applied", "apply_body"]
