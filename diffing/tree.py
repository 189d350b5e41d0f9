"""Two versions of a statute -> change records, and change records + old version -> new version.

``changes_between`` walks the new tree and compares each provision with the one it came from.
Where that is comes from ``origin`` (new label -> old label), which ``diffing.apply`` knows
exactly because it built the new tree from the amending instrument; for two arbitrary versions
it is label identity, plus a renumbering check (a label that vanished whose subtree reappears,
identical, under a label that is new). Subtrees with equal Merkle digests under the same label
are skipped without being read (perf-deps.md §0.2: a 3 MB code with 2 % changed).

What counts is ``parser.model.comparable_text``: wrapping, runs of white space and quote style
never make a change. An added or removed subtree is one change at its root, as a lawyer lists
it ("se adiciona el artículo 57 Bis"), not one per fracción.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace

from parser import (
    CONTAINER_KINDS,
    Document,
    Kind,
    Provision,
    Status,
    comparable_text,
    provision_text,
)
from parser.labels import Label

from .model import Change, ChangeType
from .text import redline


def shown_text(provision: Provision) -> str:
    """What a change record shows of a provision: its text, or a container's denominación."""
    if provision.kind in CONTAINER_KINDS:
        return provision.heading
    return provision.text


def full_text(provision: Provision) -> str:
    """A whole provision with its children, for what is added or derogated as a block."""
    if not provision.children:
        return shown_text(provision)
    return provision_text(provision)


def same_content(old: Provision, new: Provision) -> bool:
    """Own content equal as far as the law is concerned (children and numbering left out)."""
    return (old.status is new.status
            and comparable_text(old.text) == comparable_text(new.text)
            and comparable_text(old.heading) == comparable_text(new.heading))


_WHOLE = "\x00"   # marks a used label whose whole subtree is carried over


def _moved(old_label: str, new_label: str, kind: Kind, parent_origin: str | None) -> bool:
    """Renumbered or moved in its own right (not merely carried along by a renumbered parent).

    Articles, and the top-level numerales of an instrument without articles, have no path in
    their labels: a chapter holding them is not their label's parent."""
    old, new = Label.parse(old_label), Label.parse(new_label)
    if kind is Kind.ARTICULO or kind in CONTAINER_KINDS or len(old) == 1 and len(new) == 1:
        return old != new
    return old.last != new.last or str(old.parent) != parent_origin


def identity_origin(old: Document, new: Document) -> dict[str, str]:
    """Label identity, plus renumbered subtrees found by digest among vanished/new labels."""
    old_index, new_index = old.index(), new.index()
    origin = {label: label for label in new_index if label in old_index}
    vanished: dict[tuple[object, ...], list[Provision]] = {}
    for label, node in old_index.items():
        if label not in new_index:
            vanished.setdefault(_shape(node), []).append(node)
    for label, node in new_index.items():
        if label in origin:
            continue
        candidates = vanished.get(_shape(node))
        if candidates:
            _pair_subtree(candidates.pop(0), node, origin)
    return origin


def replayed_origin(old: Document, new: Document, changes: Iterable[Change]) -> dict[str, str]:
    """Where each provision of ``new`` comes from in ``old``, when ``new`` is ``old`` with
    ``changes`` applied (``apply_changes``, a replayed revision): label identity, except that a
    renumbered provision's subtree comes from where it was and an added one from nowhere, so
    ``changes_between`` finds the renumbering again instead of a reform of whatever took the
    old number."""
    old_index, new_index = old.index(), new.index()
    origin = {label: label for label in new_index if label in old_index}
    for change in changes:
        node = new_index.get(change.label)
        if node is None or change.type not in (ChangeType.ADDED, ChangeType.RENUMBERED):
            continue
        for inner in node.walk():
            origin.pop(inner.label, None)
            if change.type is ChangeType.RENUMBERED and change.from_label:
                moved = inner.label.startswith(change.label)   # a container's articles keep theirs
                source = change.from_label + inner.label[len(change.label):] if moved else inner.label
                if source in old_index:
                    origin[inner.label] = source
    return origin


def _shape(node: Provision) -> tuple[object, ...]:
    """A subtree's content without its labels or number: equal for a renumbered subtree."""
    return (node.kind, comparable_text(node.text), comparable_text(node.heading), node.status,
            tuple((Label.parse(c.label).last, _shape(c)) for c in node.children))


def _pair_subtree(old: Provision, new: Provision, origin: dict[str, str]) -> None:
    origin[new.label] = old.label
    for old_child, new_child in zip(old.children, new.children, strict=True):
        _pair_subtree(old_child, new_child, origin)


def changes_between(old: Document, new: Document,
                    origin: Mapping[str, str] | None = None) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``, in the new document's order, removals last.

    Without ``origin`` the two trees are walked side by side: children are matched by label
    under matched parents, and only parents whose digests differ are opened, so a 3 MB code
    with 2 % changed costs the changed articles, not the whole tree.
    """
    if origin is None:
        removed: list[Change] = []
        out = list(_pair_children(old.provisions, new.provisions, "", "", removed))
        return (*out, *removed)
    old_index = _index(old)
    used: set[str] = set()
    out = []
    for index, node in enumerate(new.provisions):
        out.extend(_walk(node, "", index, origin, old_index, used, ""))
    out.extend(_removed(old, used))
    return tuple(out)


def _index(document: Document) -> dict[str, Provision]:
    """Every provision by label (iterative: no generator per node)."""
    out: dict[str, Provision] = {}
    stack = list(reversed(document.provisions))
    while stack:
        node = stack.pop()
        out[node.label] = node
        stack.extend(reversed(node.children))
    return out


def _pair_children(old_children: tuple[Provision, ...], new_children: tuple[Provision, ...],
                   parent: str, old_parent: str, removed: list[Change]) -> Iterator[Change]:
    """Changes among one parent's children: by label, then renumbered by shape, then removed."""
    old_by_label = {c.label: c for c in old_children}
    new_labels = {c.label for c in new_children}
    vanished: dict[tuple[object, ...], list[Provision]] = {}
    for child in old_children:
        if child.label not in new_labels:
            vanished.setdefault(_shape(child), []).append(child)
    matched: set[str] = set()
    for index, node in enumerate(new_children):
        old = old_by_label.get(node.label)
        if old is None:
            candidates = vanished.get(_shape(node))
            old = candidates.pop(0) if candidates else None
        if old is None:
            yield _change(ChangeType.ADDED, node, None, parent, index)
            if node.kind in CONTAINER_KINDS:
                yield from _articles_in(node)
            continue
        matched.add(old.label)
        yield from _pair(old, node, parent, index, old_parent, removed)
    for child in old_children:
        if child.label not in matched:
            removed.append(Change(child.label, ChangeType.DEROGATED, full_text(child), None,
                                  redline(full_text(child), ""), None))


def _pair(old: Provision, node: Provision, parent: str, index: int, old_parent: str,
          removed: list[Change]) -> Iterator[Change]:
    if old.label == node.label and old.digest == node.digest:
        return
    if node.status is Status.DEROGADO and old.status is not Status.DEROGADO:
        yield _change(ChangeType.DEROGATED, node, old, parent, index)
        return
    if _moved(old.label, node.label, node.kind, old_parent):
        yield _change(ChangeType.RENUMBERED, node, old, parent, index)
        if _shape(old) == _shape(node):
            return
    elif not same_content(old, node):
        yield _change(ChangeType.MODIFIED, node, old, parent, index)
    yield from _pair_children(old.children, node.children, node.label, old.label, removed)


def _walk(node: Provision, parent: str, index: int, origin: Mapping[str, str],
          old_index: Mapping[str, Provision], used: set[str],
          parent_origin: str | None) -> Iterator[Change]:
    old_label = origin.get(node.label)
    old = old_index.get(old_label) if old_label is not None else None
    if old is None or old_label is None:
        yield _change(ChangeType.ADDED, node, None, parent, index)
        if node.kind in CONTAINER_KINDS:           # "que comprende el artículo 57 Bis"
            yield from _articles_in(node)
        return
    if old.digest == node.digest or old.label != node.label and _shape(old) == _shape(node):
        used.add(old.label + _WHOLE)             # the whole old subtree is carried over
    else:
        used.add(old.label)
    if old.label == node.label and old.digest == node.digest:
        return                                   # unchanged subtree: skipped by digest
    if node.status is Status.DEROGADO and old.status is not Status.DEROGADO:
        used.add(old.label + _WHOLE)
        yield _change(ChangeType.DEROGATED, node, old, parent, index)
        return
    if _moved(old.label, node.label, node.kind, parent_origin):
        yield _change(ChangeType.RENUMBERED, node, old, parent, index)
    elif not same_content(old, node):
        yield _change(ChangeType.MODIFIED, node, old, parent, index)
    if old.label != node.label and _shape(old) == _shape(node):
        return                                   # moved as a whole, children carried along
    for position, child in enumerate(node.children):
        yield from _walk(child, node.label, position, origin, old_index, used, old.label)


def _articles_in(container: Provision) -> Iterator[Change]:
    """Articles (or top-level numerales) of an added container are listed too: lawyers cite
    them one by one."""
    for position, child in enumerate(container.children):
        if child.kind is Kind.ARTICULO or "__" not in child.label and child.kind in (
                Kind.NUMERAL, Kind.APARTADO):
            yield _change(ChangeType.ADDED, child, None, container.label, position)
        elif child.kind in CONTAINER_KINDS:
            yield _change(ChangeType.ADDED, child, None, container.label, position)
            yield from _articles_in(child)


def _removed(old: Document, used: set[str]) -> Iterator[Change]:
    """Old provisions nothing in the new version comes from: one change per removed subtree."""
    def visit(nodes: tuple[Provision, ...]) -> Iterator[Change]:
        for node in nodes:
            if node.label + _WHOLE in used:
                continue
            if node.label not in used:
                yield Change(node.label, ChangeType.DEROGATED, full_text(node), None,
                             redline(full_text(node), ""), None)
            else:
                yield from visit(node.children)

    return visit(old.provisions)


def _change(kind: ChangeType, node: Provision, old: Provision | None, parent: str,
            index: int) -> Change:
    whole = kind is ChangeType.ADDED or kind is ChangeType.DEROGATED
    nested = bool(node.children) or (old is not None and bool(old.children))
    shown = (provision_text if nested else shown_text) if whole else shown_text
    before = shown(old) if old is not None else None
    after = shown(node)
    diff = redline(before or "", after)
    return Change(node.label, kind, before, after, diff,
                  old.label if kind is ChangeType.RENUMBERED and old is not None else None,
                  node=node, parent=parent, index=index)


# --- rebuilding ----------------------------------------------------------------------------
def apply_changes(old: Document, changes: tuple[Change, ...] | list[Change]) -> Document:
    """The new version, rebuilt from the old one and ``changes_between(old, new)``.

    Unchanged provisions keep their place; added and renumbered ones go where the change says;
    removed ones are left out. The property ``apply_changes(a, changes_between(a, b)) == b``
    is what the tests check.
    """
    plan = _Plan(old, changes)
    return Document(old.title, plan.children("", "", old.provisions))


class _Plan:
    def __init__(self, old: Document, changes: tuple[Change, ...] | list[Change]) -> None:
        self.old_index = old.index()
        self.placed: dict[str, list[Change]] = {}
        self.edited: dict[str, Change] = {}
        self.gone: set[str] = set()
        for change in changes:
            if change.node is None:
                self.gone.add(change.label)
                continue
            if change.type is ChangeType.ADDED or change.type is ChangeType.RENUMBERED:
                self.placed.setdefault(change.parent or "", []).append(change)
                if change.from_label:
                    self.gone.add(change.from_label)
            else:
                self.edited[change.label] = change

    def children(self, new_parent: str, old_parent: str,
                 old_children: tuple[Provision, ...]) -> tuple[Provision, ...]:
        kept = [c for c in old_children if c.label not in self.gone]
        placed = sorted(self.placed.get(new_parent, []), key=lambda c: c.index or 0)
        total = len(kept) + len(placed)
        slots: list[Provision | None] = [None] * total
        for change in placed:
            assert change.node is not None and change.index is not None
            slots[change.index] = self.placed_node(change)
        pending = iter(kept)
        for position in range(total):
            if slots[position] is None:
                slots[position] = self.kept_node(next(pending), new_parent, old_parent)
        return tuple(s for s in slots if s is not None)

    def placed_node(self, change: Change) -> Provision:
        node = change.node
        assert node is not None
        if change.type is ChangeType.ADDED or change.from_label is None:
            return node
        old = self.old_index[change.from_label]
        return replace(node, children=self.children(node.label, old.label, old.children))

    def kept_node(self, old: Provision, new_parent: str, old_parent: str) -> Provision:
        label = _relabel(old.label, old_parent, new_parent)
        edit = self.edited.get(label)
        if edit is not None and edit.node is not None:
            if edit.type is ChangeType.DEROGATED:
                return edit.node
            base = edit.node
        else:
            base = old if label == old.label else _with_label(old, label)
        return replace(base, children=self.children(label, old.label, old.children))


def _relabel(label: str, old_parent: str, new_parent: str) -> str:
    unit, old = Label.parse(label), Label.parse(old_parent)
    if old_parent == new_parent or not old or not unit.is_under(old):
        return label
    return str(Label(Label.parse(new_parent).parts + unit.parts[len(old):]))


def _with_label(node: Provision, label: str) -> Provision:
    return Provision(label, node.kind, node.number, node.heading, node.text, node.status,
                     node.annotations, node.children)


__all__ = ["apply_changes", "changes_between", "identity_origin", "replayed_origin", "same_content",
           "shown_text"]
