"""Provision trees to version rows and back.

A row holds one node's own content plus the labels of its children; a tree is rebuilt by
following those labels. Path copying (see ``store.schema``) guarantees that the child rows
current when a parent row was written stay current for the parent row's whole life, so the
child of row ``r`` is the row of that label live at revision ``r.rev_from``, and one row id
always stands for one and the same subtree (which is why rebuilt nodes are memoised by id).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from errors import StoreError
from parser.model import Annotation, Document, Kind, Provision, Status

from .schema import provision_version as pv

#: Columns every tree-building read selects.
TREE_COLUMNS = (
    pv.c.id, pv.c.label, pv.c.kind, pv.c.number, pv.c.heading, pv.c.text, pv.c.status,
    pv.c.annotations, pv.c.children, pv.c.digest, pv.c.rev_from, pv.c.rev_to,
    pv.c.valid_from, pv.c.valid_to, pv.c.notice_id, pv.c.change, pv.c.from_label,
)


class StoredRow(NamedTuple):
    """One ``provision_version`` row, typed (a tuple: whole documents are rebuilt from these)."""

    id: int
    label: str
    kind: str
    number: str
    heading: str
    text: str
    status: str
    annotations: Sequence[dict[str, Any]]
    children: Sequence[str]
    digest: str
    rev_from: int
    rev_to: int | None
    valid_from: date
    valid_to: date | None
    notice_id: int | None
    change: str | None
    from_label: str | None

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> StoredRow:
        """From a row selecting ``TREE_COLUMNS`` (same order as the fields)."""
        return cls._make(row)

    def live_at(self, revision: int) -> bool:
        return self.rev_from <= revision and (self.rev_to is None or self.rev_to > revision)


def provision_row(document_id: int, provision: Provision, revision: int, valid_from: date,
                  notice_id: int | None, change: str | None = None,
                  from_label: str | None = None) -> dict[str, Any]:
    """The row that stores ``provision``'s own content from ``revision`` on."""
    return {
        "document_id": document_id,
        "label": provision.label,
        "kind": str(provision.kind),
        "number": provision.number,
        "heading": provision.heading,
        "text": provision.text,
        "status": str(provision.status),
        "annotations": [a.to_json() for a in provision.annotations],
        "children": [c.label for c in provision.children],
        "digest": provision.digest,
        "rev_from": revision,
        "rev_to": None,
        "valid_from": valid_from,
        "valid_to": None,
        "notice_id": notice_id,
        "change": change,
        "from_label": from_label,
    }


class RowIndex:
    """The rows of some labels across revisions, answering 'which row of L was live at R'."""

    def __init__(self, rows: Iterable[StoredRow]) -> None:
        by_label: dict[str, list[StoredRow]] = {}
        for row in rows:
            by_label.setdefault(row.label, []).append(row)
        for versions in by_label.values():
            versions.sort(key=lambda r: r.rev_from)
        self._rows = by_label
        self._starts = {label: [r.rev_from for r in rows] for label, rows in by_label.items()}
        self._memo: dict[int, Provision] = {}

    def versions(self, label: str) -> Sequence[StoredRow]:
        return self._rows.get(label, ())

    def live(self, label: str, revision: int) -> StoredRow | None:
        """The row of ``label`` live at ``revision``, if this index holds one."""
        starts = self._starts.get(label)
        if not starts:
            return None
        position = bisect.bisect_right(starts, revision)
        if position == 0:
            return None
        row = self._rows[label][position - 1]
        return row if row.live_at(revision) else None

    def provision(self, row: StoredRow) -> Provision:
        """The subtree ``row`` stands for; its digest is checked against the stored one."""
        built = self._memo.get(row.id)
        if built is not None:
            return built
        children = []
        for child_label in row.children:
            child = self.live(child_label, row.rev_from)
            if child is None:
                raise StoreError(f"la base de datos es inconsistente: {row.label} (revisión {row.rev_from}) "
                                 f"lista a {child_label}, que no tiene fila en esa revisión")
            children.append(self.provision(child))
        built = Provision(
            label=row.label, kind=Kind(row.kind), number=row.number, heading=row.heading,
            text=row.text, status=Status(row.status),
            annotations=tuple(Annotation.from_json(a) for a in row.annotations),
            children=tuple(children),
        )
        if built.digest != row.digest:
            raise StoreError(f"la base de datos es inconsistente: {row.label} (fila {row.id}) no "
                             "corresponde a su huella guardada")
        self._memo[row.id] = built
        return built

    def document(self, title: str, top: Sequence[str], revision: int) -> Document:
        """The whole document at ``revision`` from its revision's list of top-level labels."""
        provisions = []
        for label in top:
            row = self.live(label, revision)
            if row is None:
                raise StoreError(f"la base de datos es inconsistente: {label}, del primer nivel, no tiene "
                                 f"fila en la revisión {revision}")
            provisions.append(self.provision(row))
        return Document(title, tuple(provisions))
