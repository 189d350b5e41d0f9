"""Reading a document's revisions back: what a revision is, which one was in force on a day, the
text it made (whole, or one provision's subtree), and what a notice's revisions were and changed.

Every function takes an open ``Connection``; none writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from diffing.model import Change, ChangeType
from errors import NotFound, NotInForce
from parser.dates import long_date
from parser.labels import SEPARATOR, Label
from parser.model import CONTAINER_KINDS, Document

from . import schema as s
from .catalog import document_title
from .diff_column import decode_diff
from .tree import TREE_COLUMNS, RowIndex, StoredRow


class RevisionKind(StrEnum):
    """What a revision is: a text in force, or the abrogation of the whole instrument."""

    TEXT = "text"
    ABROGATION = "abrogation"


@dataclass(frozen=True, slots=True)
class Revision:
    """One state of a document: its number (in-force order), the day it took effect and what
    caused it; ``published`` is the day it became known, ``kind`` text or abrogation."""

    document_id: int
    number: int
    valid_from: date
    notice_id: int | None
    top: tuple[str, ...]
    digest: str
    published: date | None = None
    kind: RevisionKind = RevisionKind.TEXT


def _revision(row: Any) -> Revision:
    return Revision(row.document_id, row.number, row.valid_from, row.notice_id, tuple(row.top),
                    row.digest, row.published, RevisionKind(row.kind))


def _revision_query(document_id: int) -> Any:
    dv = s.document_version
    return (select(dv.c.document_id, dv.c.number, dv.c.valid_from, dv.c.notice_id, dv.c.top, dv.c.digest,
                   dv.c.published, dv.c.kind)
            .where(dv.c.document_id == document_id))


def latest_revision(conn: Connection, document_id: int) -> Revision:
    """The document's newest revision; ``NotFound`` if there is no such document."""
    row = conn.execute(_revision_query(document_id).order_by(s.document_version.c.number.desc())
                       .limit(1)).first()
    if row is None:
        raise NotFound(f"no hay ningún documento con id {document_id}")
    return _revision(row)


def revisions(conn: Connection, document_id: int) -> tuple[Revision, ...]:
    """Every revision of a document, oldest first."""
    rows = conn.execute(_revision_query(document_id).order_by(s.document_version.c.number)).all()
    if not rows:
        raise NotFound(f"no hay ningún documento con id {document_id}")
    return tuple(_revision(r) for r in rows)


def revision_at(conn: Connection, document_id: int, on: date) -> Revision:
    """The revision in force on ``on`` (the last one applied that day, if several were)."""
    dv = s.document_version
    row = conn.execute(_revision_query(document_id).where(dv.c.valid_from <= on)
                       .order_by(dv.c.number.desc()).limit(1)).first()
    if row is None:
        first = revisions(conn, document_id)[0]  # NotFound for an unknown document
        raise NotInForce(f"{document_title(conn, document_id)!r} no tiene texto vigente antes del "
                         f"{long_date(first.valid_from)}")
    return _revision(row)


def current_rows(conn: Connection, document_id: int) -> dict[str, StoredRow]:
    """The document's versions no revision has closed yet, by label."""
    pv = s.provision_version
    result = conn.execute(select(*TREE_COLUMNS).where(pv.c.document_id == document_id,
                                                      pv.c.rev_to.is_(None)))
    return {row.label: StoredRow.from_row(row) for row in result}


def current_document(conn: Connection, document_id: int) -> Document:
    """The document's text as of its latest revision, rebuilt from the current versions."""
    latest = latest_revision(conn, document_id)
    rows = current_rows(conn, document_id).values()
    return RowIndex(rows).document(document_title(conn, document_id), latest.top, latest.number)


def document_at(conn: Connection, document_id: int, on: date) -> Document:
    """The document's text in force on ``on``."""
    return revision_document(conn, revision_at(conn, document_id, on))


def revision_document(conn: Connection, revision: Revision) -> Document:
    """The document's whole text at one revision."""
    pv = s.provision_version
    result = conn.execute(select(*TREE_COLUMNS).where(
        pv.c.document_id == revision.document_id, pv.c.rev_from <= revision.number,
        or_(pv.c.rev_to.is_(None), pv.c.rev_to > revision.number)))
    index = RowIndex(StoredRow.from_row(row) for row in result)
    return index.document(document_title(conn, revision.document_id), revision.top, revision.number)


def subtree_rows(conn: Connection, document_id: int, label: str, revision: int | None = None
                 ) -> RowIndex:
    """Every version of ``label`` and of the provisions under it (only those live at
    ``revision``, if given), in one range read.

    Labels below an article or transitorio extend its label (``art_57__frac_ix``), so the
    subtree is the label itself plus the range ``[label__, label_`)`` of the history index.
    Containers do not prefix their articles; for them the whole document is read.
    """
    pv = s.provision_version
    prefix = label + SEPARATOR
    subtree = or_(pv.c.label == label, and_(pv.c.label > prefix, pv.c.label < label + "_`"))
    query = select(*TREE_COLUMNS).where(pv.c.document_id == document_id)
    if not _is_container(label):
        query = query.where(subtree)
    if revision is not None:
        query = query.where(pv.c.rev_from <= revision, or_(pv.c.rev_to.is_(None), pv.c.rev_to > revision))
    return RowIndex(StoredRow.from_row(row) for row in conn.execute(query))


def _is_container(label: str) -> bool:
    outermost = Label.parse(label).parts[:1]
    return bool(outermost) and outermost[0][0] in CONTAINER_KINDS


# --- reprocessing: what one notice made -----------------------------------------------------------
def notice_revisions(conn: Connection, notice_id: int) -> tuple[Revision, ...]:
    """The revisions a notice made (one per document it amended), by document."""
    dv = s.document_version
    rows = conn.execute(select(dv.c.document_id, dv.c.number, dv.c.valid_from, dv.c.notice_id, dv.c.top,
                               dv.c.digest, dv.c.published, dv.c.kind).where(dv.c.notice_id == notice_id)
                        .order_by(dv.c.document_id, dv.c.number)).all()
    return tuple(_revision(r) for r in rows)


def document_at_revision(conn: Connection, document_id: int, number: int) -> Document:
    """The document's text as revision ``number`` left it."""
    row = conn.execute(_revision_query(document_id).where(s.document_version.c.number == number)).first()
    if row is None:
        raise NotFound(f"el documento {document_id} no tiene la revisión {number}")
    return revision_document(conn, _revision(row))


def revision_changes(conn: Connection, document_id: int, number: int) -> tuple[Change, ...]:
    """The changes recorded with one revision, in their order."""
    c = s.change
    rows = conn.execute(select(c.c.label, c.c.type, c.c.from_label, c.c.before, c.c.after, c.c.diff)
                        .where(c.c.document_id == document_id, c.c.revision == number).order_by(c.c.seq))
    return tuple(Change(r.label, ChangeType(r.type), r.before, r.after,
                        decode_diff(r.diff, r.before, r.after), r.from_label) for r in rows)


__all__ = [
    "Revision",
    "RevisionKind",
    "current_document",
    "current_rows",
    "document_at",
    "document_at_revision",
    "latest_revision",
    "notice_revisions",
    "revision_at",
    "revision_changes",
    "revision_document",
    "revisions",
    "subtree_rows",
]
