"""The review trail: who marked a change or a discrepancy as reviewed, or needing attention, when,
and with what note.

Every transition is a new ``review_event`` row, never an update: a subject's state is its latest
event, and its events in order are the audit trail. A subject without events is ``nueva``. Only
reviewers and admins set states (``PermissionDenied`` for a reader).

Subjects are rows of ``change`` (the change log) and ``discrepancy`` (what an instrument declared
and the text did not show, and the reverse), by id. Those ids are the legal change's identity:
they survive a rewind and replay of the timeline, a declaratoria and a reprocess that makes the
same change again (``store.identity``); a subject that no longer exists keeps its trail
(``store.orphans``) and can still be reviewed, e.g. to close it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, func, insert, select

from errors import InputError, NotFound, PermissionDenied
from gazette import Notice

from . import schema as s
from .identity import RETIRED
from .inputs import one_of
from .records import notice_columns, notice_from_row
from .review_model import SYSTEM, ReviewState, Subject
from .users import Role, User

MAX_NOTE = 4000
_CHUNK = 500


_TABLES: dict[Subject, Table] = {Subject.CHANGE: s.change, Subject.DISCREPANCY: s.discrepancy}
_SUBJECT_WORDS = {Subject.CHANGE: "cambio", Subject.DISCREPANCY: "discrepancia"}


@dataclass(frozen=True, slots=True)
class ReviewEvent:
    """One transition: ``subject`` #``subject_id`` set to ``state`` by ``user`` (their name), or
    by the tracker itself (``system``, ``user`` is ``SYSTEM``): no person made it."""

    id: int
    subject: Subject
    subject_id: int
    state: ReviewState
    user: str
    note: str
    at: datetime
    system: bool = False

    def __repr__(self) -> str:
        return (f"<ReviewEvent {self.subject} {self.subject_id} {self.state} by {self.user} "
                f"{self.at:%Y-%m-%d %H:%M}>")

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "subject": str(self.subject), "subject_id": self.subject_id,
                "state": str(self.state), "user": self.user, "note": self.note, "at": self.at.isoformat(),
                "system": self.system}


def subject_of(value: Subject | str) -> Subject:
    return one_of(Subject, value, "objeto de revisión desconocido")


def state_of(value: ReviewState | str) -> ReviewState:
    return one_of(ReviewState, value, "estado de revisión desconocido")


def _note(note: str | None) -> str:
    text = (note or "").strip()
    if len(text) > MAX_NOTE or "\x00" in text:
        raise InputError(f"una nota de revisión tiene a lo más {MAX_NOTE} caracteres y ningún NUL")
    return text


def _select() -> Any:
    r, u = s.review_event, s.app_user
    return (select(r.c.id, r.c.subject, r.c.subject_id, r.c.state, u.c.name, r.c.note, r.c.at)
            .outerjoin(u, u.c.id == r.c.user_id))   # no user: the tracker's own event


def _event(row: Any) -> ReviewEvent:
    system = row.name is None
    return ReviewEvent(int(row.id), Subject(row.subject), int(row.subject_id), ReviewState(row.state),
                       SYSTEM if system else row.name, row.note, row.at, system)


def set_review(conn: Connection, subject: Subject | str, subject_id: int, state: ReviewState | str,
               user: User, note: str | None = "") -> ReviewEvent:
    """Record that ``user`` set ``subject`` #``subject_id`` to ``state``, with ``note``.

    ``PermissionDenied`` for a reader; ``NotFound`` for a subject that does not exist;
    ``InputError`` for an unknown state or an overlong note.
    """
    subject, state, text = subject_of(subject), state_of(state), _note(note)
    role = conn.execute(select(s.app_user.c.role).where(s.app_user.c.id == user.id)).scalar()
    if role is None:
        raise NotFound(f"no hay ningún usuario con id {user.id}")
    if not Role(role).can_review:  # the stored role: a demoted user's old value proves nothing
        raise PermissionDenied(f"{user.name} tiene el rol {role}: solo los revisores (reviewer) y "
                               "administradores (admin) cambian el estado de revisión")
    if not any(conn.execute(select(table.c.id).where(table.c.id == subject_id)).first()
               for table in (_TABLES[subject], RETIRED[str(subject)])):   # one that no longer exists too
        raise NotFound(f"no hay ningún {_SUBJECT_WORDS[subject]} con id {subject_id}")
    r = s.review_event
    new_id = conn.execute(insert(r).values(subject=str(subject), subject_id=subject_id, state=str(state),
                                           user_id=user.id, note=text).returning(r.c.id)).scalar_one()
    return _event(conn.execute(_select().where(r.c.id == new_id)).one())


def trail(conn: Connection, subject: Subject | str, subject_id: int) -> tuple[ReviewEvent, ...]:
    """Every transition of one subject, oldest first."""
    r = s.review_event
    query = _select().where(r.c.subject == str(subject_of(subject)), r.c.subject_id == subject_id)
    return tuple(_event(row) for row in conn.execute(query.order_by(r.c.id)))


def _latest_ids(subject: Subject) -> Any:
    r = s.review_event
    return (select(func.max(r.c.id).label("id")).where(r.c.subject == str(subject))
            .group_by(r.c.subject_id))


def current_states(conn: Connection, subject: Subject | str, ids: Iterable[int]
                   ) -> dict[int, ReviewEvent]:
    """The latest event of each of ``ids`` that has one; an id missing from the result is nueva."""
    subject = subject_of(subject)
    wanted = sorted(set(ids))
    r = s.review_event
    found: dict[int, ReviewEvent] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        latest = (select(func.max(r.c.id)).where(r.c.subject == str(subject), r.c.subject_id.in_(chunk))
                  .group_by(r.c.subject_id).scalar_subquery())
        for row in conn.execute(_select().where(r.c.id.in_(latest))):
            event = _event(row)
            found[event.subject_id] = event
    return found


def in_state(subject: Subject | str, state: ReviewState | str) -> ColumnElement[bool]:
    """A condition on the subject's table (``change`` or ``discrepancy``) for rows whose current
    state is ``state``, to combine with other filters in one query (the change log's ``state=``)."""
    subject, state = subject_of(subject), state_of(state)
    r, table = s.review_event, _TABLES[subject]
    latest = (select(r.c.subject_id).where(r.c.id.in_(_latest_ids(subject)), r.c.state == str(state)))
    if state is not ReviewState.NUEVA:
        return table.c.id.in_(latest)
    reviewed = select(r.c.subject_id).where(r.c.id.in_(_latest_ids(subject)),
                                            r.c.state != str(ReviewState.NUEVA))
    return table.c.id.not_in(reviewed)


def ids_in_state(conn: Connection, subject: Subject | str, state: ReviewState | str,
                 among: Sequence[int] | None = None) -> tuple[int, ...]:
    """The ids of the subject's rows (or of ``among``) whose current state is ``state``, ascending."""
    subject = subject_of(subject)
    table = _TABLES[subject]
    query = select(table.c.id).where(in_state(subject, state))
    if among is not None:
        query = query.where(table.c.id.in_(sorted(set(among))))
    return tuple(int(i) for i in conn.execute(query.order_by(table.c.id)).scalars())


# --- the discrepancy queue -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DiscrepancyEntry:
    """A stored discrepancy with its document and notice: one line of the review queue."""

    id: int
    document_id: int
    document: str
    notice: Notice | None
    kind: str
    label: str
    detail: str
    instruction: dict[str, Any] | None
    change: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        """DESIGN §1.3's discrepancy, plus its id, document and notice."""
        return {"id": self.id, "document": self.document, "kind": self.kind, "label": self.label,
                "detail": self.detail, "instruction": self.instruction, "change": self.change,
                "notice": self.notice.to_json() if self.notice is not None else None}


_NOTICE_COLUMNS = notice_columns()


def discrepancies(conn: Connection, *, state: ReviewState | str | None = None, document_id: int | None = None,
                  notice_id: int | None = None, limit: int = 500) -> tuple[DiscrepancyEntry, ...]:
    """Stored discrepancies, oldest first, optionally only those in ``state``, of one document
    or of one notice."""
    d, doc, n = s.discrepancy, s.document, s.notice
    query = (select(d.c.id, d.c.document_id, doc.c.title, d.c.kind, d.c.label, d.c.detail, d.c.instruction,
                    d.c.change, n.c.id.label("notice_row"), *_NOTICE_COLUMNS)
             .join(doc, doc.c.id == d.c.document_id).outerjoin(n, n.c.id == d.c.notice_id)
             .order_by(d.c.id).limit(limit))
    if state is not None:
        query = query.where(in_state(Subject.DISCREPANCY, state))
    if document_id is not None:
        query = query.where(d.c.document_id == document_id)
    if notice_id is not None:
        query = query.where(d.c.notice_id == notice_id)
    return tuple(DiscrepancyEntry(int(r.id), int(r.document_id), r.title,
                                  notice_from_row(r) if r.notice_row is not None else None,
                                  r.kind, r.label, r.detail, r.instruction, r.change)
                 for r in conn.execute(query))


__all__ = ["SYSTEM", "DiscrepancyEntry", "ReviewEvent", "ReviewState", "Subject", "current_states",
           "discrepancies", "ids_in_state", "in_state", "set_review", "state_of", "subject_of", "trail"]
