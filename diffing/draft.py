"""The editable tree an amendment is applied to, and its freezing back into provisions.

A base subtree stays frozen (``keep``) until an edit reaches it and opens it (``_expand``); freezing
gives each node its final label (paragraphs counted among the living ones) and records, for every
label that changed, the base label it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parser import CONTAINER_KINDS, Annotation, Kind, Provision, Status, number_sort_key
from parser.labels import PREFIX as _PREFIX
from parser.labels import Label, join


@dataclass(eq=False)
class _M:
    """A provision being rebuilt. ``keep`` is an untouched base subtree (frozen, reused)."""

    kind: Kind
    part: str                      # label part number: 'v', '57-bis'; '' for paragraphs
    number: str = ""               # as written
    heading: str = ""
    text: str = ""
    status: Status = Status.VIGENTE
    annotations: tuple[Annotation, ...] = ()
    children: list[_M] = field(default_factory=list)
    origin: str | None = None      # base label it comes from
    keep: Provision | None = None  # unchanged base subtree (children not expanded)


def _from_provision(provision: Provision) -> _M:
    part = Label.parse(provision.label).number
    return _M(provision.kind, "" if provision.kind is Kind.PARRAFO else part, provision.number,
              provision.heading, provision.text, provision.status, provision.annotations,
              origin=provision.label, keep=provision)


def _expand(node: _M) -> None:
    """Open an untouched subtree for editing: its children become editable nodes too."""
    if node.keep is not None:
        node.children = [_from_provision(c) for c in node.keep.children]
        node.keep = None


def _insert_sorted(siblings: list[_M], node: _M) -> None:
    """After the last sibling of the same kind with a lower number, else at the end."""
    mine = number_sort_key(node.part)
    position = len(siblings)
    for index, sibling in enumerate(siblings):
        if sibling.kind is node.kind and sibling.part and number_sort_key(sibling.part) > mine:
            position = index
            break
    siblings.insert(position, node)


# --- freezing ------------------------------------------------------------------------------
def _freeze(nodes: list[_M], parent: str, parent_kind: Kind | None, first_paragraph: int,
            origin: dict[str, str | None]) -> tuple[Provision, ...]:
    out = []
    paragraph = first_paragraph
    for node in nodes:
        if node.kind is Kind.PARRAFO:
            part = f"par_{paragraph}"
            node.number = str(paragraph)
            paragraph += 1
        else:
            part = f"{_PREFIX[node.kind]}_{node.part}"
        label = _label(part, node.kind, parent, parent_kind)
        if node.kind in (Kind.NUMERAL, Kind.APARTADO) and parent_kind in CONTAINER_KINDS and \
                (node.origin is None or len(Label.parse(node.origin)) == 1):
            label = part  # a top-level numeral in a chapter: like an article, no path
        out.append(_freeze_one(node, label, origin))
    return tuple(out)


def _label(part: str, kind: Kind, parent: str, parent_kind: Kind | None) -> str:
    if kind is Kind.ARTICULO or kind is Kind.TRANSITORIO or not parent:
        return part
    if kind in CONTAINER_KINDS:
        return join(parent, part) if parent_kind in CONTAINER_KINDS else part
    return join(parent, part)


def _freeze_one(node: _M, label: str, origin: dict[str, str | None]) -> Provision:
    if node.keep is not None:
        if node.keep.label == label:
            return node.keep
        _expand(node)
    if node.origin != label:
        origin[label] = node.origin
    first = 1 if node.kind is Kind.ARTICULO or node.kind in CONTAINER_KINDS or not node.text else 2
    children = _freeze(node.children, label, node.kind, first, origin)
    return Provision(label, node.kind, node.number, node.heading, node.text, node.status,
                     node.annotations, children)
