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
from store.values import ChangeEntry

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


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def _hosts(entries: Sequence[ChangeEntry], context: LogContext) -> list[list[int]]:
    """For each entry (by index), the added entries that contain it: by the tree where
    ``context`` has the host's, else by label (a fracción under its artículo) or, for an
    artículo (its label carries no chapter), by the added container whose text carries the
    artículo's whole text, marker included. Linear in the entries: a new law is thousands."""
    added = {i: e for i, e in enumerate(entries) if e.type is ChangeType.ADDED}
    by_label = {e.label: i for i, e in added.items()}
    hosts: list[list[int]] = [[] for _ in entries]
    treed: set[int] = set()
    for h, host in added.items():
        inside = context.inside.get((host.document_id, host.label))
        if inside is None:
            continue
        treed.add(h)
        for held in inside:
            index = by_label.get(held)
            if index is not None and index != h:
                hosts[index].append(h)
    containers = {h: _flat(e.change.after) for h, e in added.items()
                  if h not in treed and Label.parse(e.label).kind in CONTAINER_KINDS}
    for m, member in added.items():
        label = Label.parse(member.label)
        for depth in range(1, len(label)):
            parent = by_label.get(str(Label(label.parts[:depth])))
            if parent is not None and parent not in treed:
                hosts[m].append(parent)
        if len(label) == 1 and label.kind is Kind.ARTICULO and member.change.after and containers:
            text = _flat(member.change.after)
            hosts[m].extend(h for h, host_text in containers.items() if h != m and text in host_text)
    return hosts


def _nest(entries: Sequence[ChangeEntry], context: LogContext
          ) -> list[tuple[ChangeEntry, list[ChangeEntry]]]:
    """Each entry not contained in another added one, with those it contains (outermost host)."""
    hosts = _hosts(entries, context)
    nested: dict[int, list[ChangeEntry]] = {i: [] for i, found in enumerate(hosts) if not found}
    for i, found in enumerate(hosts):
        outer = [h for h in found if not hosts[h]]
        if outer:
            nested[outer[0]].append(entries[i])
    return [(entries[i], inside) for i, inside in nested.items()]


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
