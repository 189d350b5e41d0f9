"""The change log as lawyers read it, before any markup: changes grouped by the instrument that
made them, one entry per change, numbered, with the summary rows that list them.

A unit added together with what it contains (a sección with its artículos, an artículo with its
fracciones) is ONE entry: the store records a change for the sección and one for each artículo,
but the sección's text already carries them, so the artículos are listed inside its entry
("comprende: artículo 57 Bis") instead of being repeated. What an added unit contains comes
from the text it made (``LogContext.inside``) or, without it, from the labels and texts themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from diffing import ChangeType
from gazette import Notice
from parser.labels import Label
from parser.model import CONTAINER_KINDS, Kind
from store.api import ChangeEntry

from .context import LogContext, Opening


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of the report: a change, what it brought with it, and its parent's opening words."""

    number: int
    entry: ChangeEntry
    members: tuple[ChangeEntry, ...]
    opening: Opening | None


@dataclass(frozen=True, slots=True)
class Group:
    """The entries one instrument (DOF notice) made to one document."""

    notice: Notice | None
    document: str
    document_id: int
    items: tuple[Item, ...]


def _contains(host: ChangeEntry, other: ChangeEntry, context: LogContext) -> bool:
    if host is other or host.type is not ChangeType.ADDED or other.type is not ChangeType.ADDED:
        return False
    inside = context.inside.get((host.document_id, host.label))
    if inside is not None:
        return other.label in inside
    outer, inner = Label.parse(host.label), Label.parse(other.label)
    if inner.is_under(outer):
        return True
    # Without the tree: an artículo (its label carries no chapter) is inside an added container
    # when the container's text carries the artículo's whole text, marker included.
    return (outer.kind in CONTAINER_KINDS and len(inner) == 1 and inner.kind is Kind.ARTICULO
            and bool(other.change.after) and _flat(other.change.after) in _flat(host.change.after))


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def _nest(entries: Sequence[ChangeEntry], context: LogContext
          ) -> list[tuple[ChangeEntry, list[ChangeEntry]]]:
    """Each entry not contained in another added one, with those it contains (outermost host)."""
    hosts = {id(e): [h for h in entries if _contains(h, e, context)] for e in entries}
    top = [e for e in entries if not hosts[id(e)]]
    nested: dict[int, list[ChangeEntry]] = {id(e): [] for e in top}
    for entry in entries:
        outer = [h for h in hosts[id(entry)] if not hosts[id(h)]]
        if outer:
            nested[id(outer[0])].append(entry)
    return [(e, nested[id(e)]) for e in top]


def _key(entry: ChangeEntry) -> tuple[str, int]:
    return (entry.notice.codigo if entry.notice else "", entry.document_id)


def group_entries(entries: Sequence[ChangeEntry], context: LogContext | None = None) -> tuple[Group, ...]:
    """The entries grouped by (notice, document) in the order they first appear, each group's
    entries nested and numbered 1..N across the whole report."""
    context = context or LogContext()
    grouped: dict[tuple[str, int], list[ChangeEntry]] = {}
    for entry in entries:
        grouped.setdefault(_key(entry), []).append(entry)
    groups = []
    number = 0
    for members in grouped.values():
        items = []
        for entry, inside in _nest(members, context):
            number += 1
            items.append(Item(number, entry, tuple(inside),
                              context.openings.get((entry.document_id, entry.label))))
        first = members[0]
        groups.append(Group(first.notice, first.document, first.document_id, tuple(items)))
    return tuple(groups)


__all__ = ["Group", "Item", "group_entries"]
