"""Stable ids for changes and discrepancies: what a review, a link or a feed entry is about
survives the store rewriting its rows.

The store rewrites change rows in three places: the timeline rewinds the revisions in force
after a decree published later but in force sooner and replays them on top of it
(``store.timeline``), a declaratoria takes out the changes that waited for it and applies them
on their day, and ``reprocess`` takes a revision back and makes it again from a new reading
(discrepancy rows too). A review (``store.review``) refers to a row by id, so the id has to stay
with the legal change, not with the row that happens to hold it.

So rows are never deleted outright: ``retire`` moves them to ``retired_change`` /
``retired_discrepancy``, and when the same legal change is recorded again ``keep_ids`` gives the
new row the retired row's id and drops the tombstone. The same legal change is the same
``KEYS``: for a change its document, its notice, the day it became known (what tells two
imported texts apart, which have no notice), the label as the notice made it, its type and, for
a renumbering, where the provision was; its text is not part of it (a replayed change applies
to another text). A discrepancy is its document, notice, kind and label. A change that truly
disappears (a reading that no longer makes it, a revision in force after an abrogation) stays
retired: its reviews keep pointing at it, and it is shown as something that no longer exists.
A reviewed change that comes back under its id with other words is flagged for its reviewer
(``store.reread``).

Ids are never handed out twice, or a review would move to whichever row took the id:
PostgreSQL's sequences never go back, and on SQLite both tables are AUTOINCREMENT (a plain
rowid table gives the highest id again once its row is deleted).

Every function runs inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, and_, delete, insert, or_, select

from . import schema as s
from .reread import flag_rewritten

#: what makes two rows the same legal change (or discrepancy), by table name
KEYS: dict[str, tuple[str, ...]] = {
    "change": ("document_id", "notice_id", "date", "label", "type", "from_label"),
    "discrepancy": ("document_id", "notice_id", "kind", "label"),
}
RETIRED: dict[str, Table] = {"change": s.retired_change, "discrepancy": s.retired_discrepancy}
BATCH = 5000

Row = Mapping[str, Any]


def retire(conn: Connection, table: Table, *where: ColumnElement[bool]) -> int:
    """Move the rows of ``table`` (``change`` or ``discrepancy``) matching ``where`` to its
    retired table, ids and all; returns how many."""
    names = [c.name for c in table.columns]
    conn.execute(insert(RETIRED[table.name]).from_select(names, select(*table.columns).where(*where)))
    return int(conn.execute(delete(table).where(*where)).rowcount or 0)


def _key(table: Table, row: Row) -> tuple[Any, ...]:
    return tuple(row[name] for name in KEYS[table.name])


def _retired_ids(conn: Connection, table: Table, rows: Sequence[Row]) -> dict[tuple[Any, ...], list[int]]:
    """The retired ids free for ``rows``' keys, oldest first. Rows come one notice (and, for
    changes, one day known) at a time, so only the tombstones of that scope are read
    (``ix_retired_*_notice``), and only their keys."""
    retired, key = RETIRED[table.name], KEYS[table.name]
    scope = key[:3] if table.name == "change" else key[:2]   # document, notice (, date known)
    where = or_(*(and_(*(retired.c[name].is_(None) if value is None else retired.c[name] == value
                         for name, value in zip(scope, values, strict=True)))
                  for values in sorted({tuple(r[name] for name in scope) for r in rows}, key=repr)))
    found: dict[tuple[Any, ...], list[int]] = {}
    for row in conn.execute(select(retired.c.id, *(retired.c[name] for name in key)).where(where)
                            .order_by(retired.c.id)):
        found.setdefault(tuple(row[1:]), []).append(int(row.id))
    return found


def keep_ids(conn: Connection, table: Table, rows: Sequence[Row]) -> list[dict[str, Any]]:
    """``rows`` about to be inserted into ``table``, each that is the same legal change as a
    retired row given that row's id (its tombstone is dropped); the others as they were."""
    free = _retired_ids(conn, table, rows) if rows else {}
    if not free:
        return [dict(r) for r in rows]
    out: list[dict[str, Any]] = []
    used: list[int] = []
    for row in rows:
        ids = free.get(_key(table, row))
        if ids:
            used.append(ids.pop(0))
            out.append({**row, "id": used[-1]})
        else:
            out.append(dict(row))
    if table.name == "change":   # before the tombstones go: they hold the text that was reviewed
        flag_rewritten(conn, {row["id"]: row for row in out if "id" in row})
    retired = RETIRED[table.name]
    for start in range(0, len(used), 500):
        conn.execute(delete(retired).where(retired.c.id.in_(used[start:start + 500])))
    return out


def _batches(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start:start + BATCH]


def insert_keeping_ids(conn: Connection, table: Table, rows: Sequence[Row]) -> int:
    """Insert ``rows`` into ``table``, the same legal changes as retired rows under their old
    ids (``keep_ids``); returns how many."""
    kept = keep_ids(conn, table, rows)
    for group in ([r for r in kept if "id" in r], [r for r in kept if "id" not in r]):
        for batch in _batches(group):   # one statement's rows must all have the same columns
            conn.execute(insert(table), batch)
    return len(kept)


__all__ = ["KEYS", "RETIRED", "insert_keeping_ids", "keep_ids", "retire"]
