"""Reviews of what no longer exists: a change or a discrepancy the store took out for good keeps
its review trail, shown as "ya no existe" with what it was.

A change disappears when a new reading of its notice no longer makes it (``reprocess``), or when
a revision in force after an abrogation is not put back; its row then stays in
``retired_change`` (``store.identity``), and its reviews keep pointing at its id. Nothing is
dropped and nothing is moved to another change: the trail is read by the same id
(``store.review.trail``), and ``orphans`` lists every reviewed subject that no longer exists.
A review left pointing at a row deleted before the store kept retired rows is listed too, with
nothing known about what it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, exists, func, select

from diffing.model import Change, ChangeType
from gazette import Notice

from . import schema as s
from .diff_column import decode_diff
from .identity import RETIRED
from .records import notice_columns, notice_from_row
from .review import _TABLES, ReviewEvent, Subject, _event, _select, subject_of
from .values import ChangeEntry

_NOTICE_COLUMNS = notice_columns()


@dataclass(frozen=True, slots=True)
class Orphan:
    """A reviewed change or discrepancy that no longer exists, with its latest review and what
    it was (``document`` and the rest None when that was not kept)."""

    subject: Subject
    subject_id: int
    latest: ReviewEvent
    document_id: int | None = None
    document: str | None = None
    label: str | None = None
    kind: str | None = None          # the change's type, or the discrepancy's kind
    notice: Notice | None = None
    retired_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {"subject": str(self.subject), "subject_id": self.subject_id, "exists": False,
                "document_id": self.document_id, "document": self.document, "label": self.label,
                "kind": self.kind, "notice": self.notice.to_json() if self.notice else None,
                "retired_at": self.retired_at.isoformat() if self.retired_at else None,
                "review_state": str(self.latest.state), "latest": self.latest.to_json()}


def _kind_column(subject: Subject) -> str:
    return "type" if subject is Subject.CHANGE else "kind"


def orphans(conn: Connection, subject: Subject | str | None = None) -> tuple[Orphan, ...]:
    """Every reviewed subject (of one kind, or both) whose row no longer exists, by id."""
    out: list[Orphan] = []
    for kind in (subject_of(subject),) if subject is not None else tuple(Subject):
        r, live, retired = s.review_event, _TABLES[kind], RETIRED[str(kind)]
        latest = select(func.max(r.c.id)).where(r.c.subject == str(kind)).group_by(r.c.subject_id)
        gone = ~exists(select(live.c.id).where(live.c.id == r.c.subject_id))
        events = {e.subject_id: e for e in map(_event, conn.execute(
            _select().where(r.c.id.in_(latest), gone).order_by(r.c.subject_id)))}
        if not events:
            continue
        d, n = s.document, s.notice
        rows = conn.execute(
            select(retired.c.id, retired.c.document_id, d.c.title, retired.c.label,
                   retired.c[_kind_column(kind)].label("kind"), retired.c.retired_at,
                   n.c.id.label("notice_row"), *_NOTICE_COLUMNS)
            .join(d, d.c.id == retired.c.document_id).outerjoin(n, n.c.id == retired.c.notice_id)
            .where(retired.c.id.in_(sorted(events))))
        known = {int(row.id): row for row in rows}
        for subject_id, event in events.items():
            row = known.get(subject_id)
            if row is None:
                out.append(Orphan(kind, subject_id, event))
                continue
            notice = notice_from_row(row) if row.notice_row is not None else None
            out.append(Orphan(kind, subject_id, event, int(row.document_id), row.title, row.label, row.kind,
                              notice, row.retired_at))
    return tuple(out)


def retired_change(conn: Connection, change_id: int) -> ChangeEntry | None:
    """A change that no longer exists, as the change log showed it; None when none was kept."""
    c, d, n = s.retired_change, s.document, s.notice
    row = conn.execute(select(c, d.c.title, n.c.id.label("notice_row"), *_NOTICE_COLUMNS)
                       .join(d, d.c.id == c.c.document_id).outerjoin(n, n.c.id == c.c.notice_id)
                       .where(c.c.id == change_id)).first()
    if row is None:
        return None
    change = Change(row.label, ChangeType(row.type), row.before, row.after,
                    decode_diff(row.diff, row.before, row.after), row.from_label)
    notice = notice_from_row(row) if row.notice_row is not None else None
    return ChangeEntry(row.title, int(row.document_id), row.date, row.valid_from or row.date, change, notice,
                       bool(row.reconciled), row.origin, int(row.revision or 0), id=int(row.id))


__all__ = ["Orphan", "orphans", "retired_change"]
