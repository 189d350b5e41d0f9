"""The change log read back: each recorded change as a ``ChangeEntry``, with its document, its DOF
notice and how many findings the text of the revision it made has, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import ColumnElement, Connection, select

from diffing.model import Change, ChangeType
from gazette import Notice

from . import schema as s
from .diff_column import decode_diff
from .findings import revision_counts
from .records import notice_columns, notice_from_row
from .values import ChangeEntry

_NOTICE_COLUMNS = notice_columns()
_TYPES = {kind.value: kind for kind in ChangeType}


def _changes(conn: Connection, conditions: Sequence[ColumnElement[bool]]) -> tuple[ChangeEntry, ...]:
    """The change log rows matching ``conditions``, oldest first.

    Rows are read positionally and each notice is built once per query: a month of changes is
    thousands of rows sharing a few dozen notices, and per-row overhead is what this costs.
    """
    c, d, n = s.change, s.document, s.notice
    query = (select(c.c.label, c.c.type, c.c.from_label, c.c.before, c.c.after, c.c.diff, c.c.date,
                    c.c.valid_from, c.c.reconciled, c.c.origin, c.c.document_id, d.c.title, n.c.id,
                    c.c.revision, c.c.id, *_NOTICE_COLUMNS)
             .join(d, d.c.id == c.c.document_id).outerjoin(n, n.c.id == c.c.notice_id)
             .where(c.c.revision.is_not(None), *conditions).order_by(c.c.date, c.c.id))
    notices: dict[int, Notice] = {}
    entries = []
    for row in conn.execute(query):
        (label, kind, from_label, before, after, diff, day, valid_from, reconciled, origin, document_id,
         title, notice_id, revision, change_id) = row[:15]
        notice = None
        if notice_id is not None:
            notice = notices.get(notice_id)
            if notice is None:
                notice = notices[notice_id] = notice_from_row(row)
        change = Change(label, _TYPES[kind], before, after, decode_diff(diff, before, after), from_label)
        entries.append(ChangeEntry(title, document_id, day, valid_from, change, notice, bool(reconciled),
                                   origin, revision, id=change_id))
    counts = revision_counts(conn, sorted({(e.document_id, e.revision) for e in entries}))
    if not counts:
        return tuple(entries)
    return tuple(replace(e, findings=counts.get((e.document_id, e.revision), 0)) for e in entries)


def change_entries(conn: Connection, conditions: Sequence[ColumnElement[bool]]) -> tuple[ChangeEntry, ...]:
    """The change log rows matching ``conditions`` (expressions over ``schema.change``), oldest
    first: for callers that page or filter the log themselves (the web application)."""
    return _changes(conn, conditions)


__all__ = ["change_entries"]
