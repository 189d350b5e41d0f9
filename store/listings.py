"""Read queries for the listings people review: documents with their change counts, and the
discrepancies the pipeline recorded (what an instrument declared and its text did not show, and
the reverse), each with its DOF notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

from gazette import Notice

from . import schema as s
from .catalog import documents
from .records import notice_columns, notice_from_row


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A tracked document with how much it has changed: its revisions, recorded changes and
    the date of the last one (None when it never changed since it was registered)."""

    id: int
    title: str
    kind: str
    since: date
    revisions: int
    changes: int
    last_change: date | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "kind": self.kind, "since": self.since.isoformat(),
                "revisions": self.revisions, "changes": self.changes,
                "last_change": self.last_change.isoformat() if self.last_change else None}


def document_summaries(conn: Connection) -> tuple[DocumentSummary, ...]:
    """Every document, by id, with its change count and last change date (one grouped query)."""
    c = s.change
    counts = {int(r[0]): (int(r[1]), r[2]) for r in conn.execute(
        select(c.c.document_id, func.count(c.c.id), func.max(c.c.date)).group_by(c.c.document_id))}
    return tuple(DocumentSummary(*row, *counts.get(row[0], (0, None))) for row in documents(conn))


@dataclass(frozen=True, slots=True)
class StoredDiscrepancy:
    """One recorded disagreement between an instrument's declaration and its text."""

    document: str
    document_id: int
    kind: str
    label: str
    detail: str
    instruction: dict[str, Any] | None
    change: dict[str, Any] | None
    notice: Notice | None

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "document_id": self.document_id, "kind": self.kind,
                "label": self.label, "detail": self.detail, "instruction": self.instruction,
                "change": self.change, "notice": self.notice.to_json() if self.notice else None}


def stored_discrepancies(conn: Connection, document_id: int | None = None, since: date | None = None,
                         until: date | None = None) -> tuple[StoredDiscrepancy, ...]:
    """The recorded discrepancies, in the order they were found; ``since``/``until`` (both
    included) filter by the date of the notice that brought them."""
    d, doc, n = s.discrepancy, s.document, s.notice
    conditions: list[ColumnElement[bool]] = []
    if document_id is not None:
        conditions.append(d.c.document_id == document_id)
    if since is not None:
        conditions.append(n.c.date >= since)
    if until is not None:
        conditions.append(n.c.date <= until)
    query = (select(doc.c.title, d.c.document_id, d.c.kind, d.c.label, d.c.detail, d.c.instruction,
                    d.c.change, n.c.id.label("notice_pk"), *notice_columns())
             .join(doc, doc.c.id == d.c.document_id).outerjoin(n, n.c.id == d.c.notice_id)
             .where(*conditions).order_by(d.c.id))
    return tuple(StoredDiscrepancy(str(r.title), int(r.document_id), str(r.kind), str(r.label), str(r.detail),
                                   r.instruction, r.change,
                                   notice_from_row(r) if r.notice_pk is not None else None)
                 for r in conn.execute(query))
