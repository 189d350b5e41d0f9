"""The stored discrepancies, read back: what an instrument declared and its text did not show,
and the reverse, each with its document and notice (``records.record_discrepancies`` writes them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from diffing.model import DiscrepancyKind
from gazette import Notice

from . import schema as s
from .records import notice_columns, notice_from_row


@dataclass(frozen=True, slots=True)
class StoredDiscrepancy:
    """One discrepancy as stored: its document, the label it is about, and the notice."""

    id: int
    document_id: int
    document: str
    kind: DiscrepancyKind
    label: str
    detail: str
    notice: Notice | None


def stored_discrepancies(conn: Connection, *, document_id: int | None = None, since: date | None = None,
                         until: date | None = None) -> tuple[StoredDiscrepancy, ...]:
    """Discrepancies by notice date (both days included), oldest first; those without a notice
    are kept only when no date bounds the query."""
    dc, d, n = s.discrepancy, s.document, s.notice
    query = (select(dc.c.id, dc.c.document_id, d.c.title, dc.c.kind, dc.c.label, dc.c.detail,
                    n.c.id.label("notice_id"), *notice_columns())
             .join(d, d.c.id == dc.c.document_id).outerjoin(n, n.c.id == dc.c.notice_id)
             .order_by(n.c.date, dc.c.id))
    if document_id is not None:
        query = query.where(dc.c.document_id == document_id)
    if since is not None:
        query = query.where(n.c.date >= since)
    if until is not None:
        query = query.where(n.c.date <= until)
    return tuple(StoredDiscrepancy(row.id, row.document_id, row.title, DiscrepancyKind(row.kind), row.label,
                                   row.detail, notice_from_row(row) if row.notice_id is not None else None)
                 for row in conn.execute(query))


__all__ = ["StoredDiscrepancy", "stored_discrepancies"]
