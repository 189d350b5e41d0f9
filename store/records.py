"""Evidence: captures, notices, the instructions and discrepancies a notice recorded.

Every function takes an open ``Connection`` and runs in the caller's transaction. Captures and
notices are idempotent (the same bytes or the same ``codigo`` give back the stored id), so a
rerun of an edition writes nothing new. The runs' bookkeeping (run records, attention marks,
checkpoints, meta) is ``store.bookkeeping``'s.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from diffing.model import Discrepancy
from errors import NotFound, StoreError
from gazette import Capture, Edition, Notice, NoticeKind
from parser.model import Instruction
from untrusted import quoted

from . import schema as s
from .identity import insert_keeping_ids, retire


# --- captures -----------------------------------------------------------------------------------
def save_capture(conn: Connection, capture: Capture) -> int:
    """Store one HTTP response; returns its id. The same URL and bytes give the same id.

    The body is stored once per sha256 (compressed when that saves space) and the digest is
    checked first: a capture whose bytes do not match its sha256 is not evidence. Cut bodies
    are stored too, with ``complete`` false. The same bytes fetched from the same URL once
    whole and once flagged (a connection that broke after the last byte) are one capture,
    marked complete: completeness is a property of the bytes, which one fetch proved.
    """
    if capture.fetched_at.tzinfo is None:
        raise StoreError(f"la captura de {capture.url} no tiene zona horaria en su hora de descarga: "
                         "las capturas se fechan en UTC")
    actual = hashlib.sha256(capture.body).hexdigest()
    if actual != capture.sha256:
        raise StoreError(f"la captura de {capture.url} dice tener sha256 {capture.sha256[:12]}…, pero sus "
                         f"bytes dan {actual[:12]}…")
    cap = s.capture
    found = conn.execute(select(cap.c.id, cap.c.complete)
                         .where(cap.c.url == capture.url, cap.c.sha256 == actual)).first()
    if found is not None:
        if capture.complete and not found.complete:
            conn.execute(update(cap).where(cap.c.id == found.id).values(complete=True))
        return int(found.id)
    if conn.execute(select(s.blob.c.sha256).where(s.blob.c.sha256 == actual)).scalar() is None:
        packed = zlib.compress(capture.body, 6)
        smaller = len(packed) < len(capture.body)
        conn.execute(insert(s.blob).values(sha256=actual, size=len(capture.body),
                                           compression="zlib" if smaller else "",
                                           body=packed if smaller else capture.body))
    return int(conn.execute(insert(cap).values(
        url=capture.url, status=capture.status, headers=[list(h) for h in capture.headers],
        sha256=actual, fetched_at=capture.fetched_at, complete=capture.complete,
    ).returning(cap.c.id)).scalar_one())


def archive_captures(conn: Connection, captures: Iterable[Capture]) -> int:
    """Store every capture (complete or cut); returns how many were cut (``complete`` false)."""
    cut = 0
    for capture in captures:
        save_capture(conn, capture)
        cut += not capture.complete
    return cut


def load_capture(conn: Connection, capture_id: int) -> Capture:
    """A stored capture with its bytes, re-hashed: ``StoreError`` if they no longer match."""
    cap, blob = s.capture, s.blob
    row = conn.execute(select(cap, blob.c.compression, blob.c.body).join(blob, blob.c.sha256 == cap.c.sha256)
                       .where(cap.c.id == capture_id)).first()
    if row is None:
        raise NotFound(f"no hay ninguna captura con id {capture_id}")
    body = zlib.decompress(row.body) if row.compression == "zlib" else bytes(row.body)
    if hashlib.sha256(body).hexdigest() != row.sha256:
        raise StoreError(f"captura {capture_id} de {row.url}: los bytes guardados ya no corresponden a su "
                         "sha256")
    return Capture(url=row.url, status=row.status, headers=tuple((k, v) for k, v in row.headers),
                   body=body, sha256=row.sha256, fetched_at=row.fetched_at, complete=row.complete)


# --- notices ------------------------------------------------------------------------------------
def save_notice(conn: Connection, notice: Notice, *, capture_id: int | None = None,
                document_id: int | None = None) -> int:
    """Store a notice; returns its id. A known ``codigo`` returns the stored id unchanged,
    except that a missing capture or document link is filled in (never overwritten)."""
    n = s.notice
    row = conn.execute(select(n.c.id, n.c.capture_id, n.c.document_id)
                       .where(n.c.codigo == notice.codigo)).first()
    sha256 = None
    if capture_id is not None:
        sha256 = conn.execute(select(s.capture.c.sha256).where(s.capture.c.id == capture_id)).scalar()
        if sha256 is None:
            raise NotFound(f"no hay ninguna captura con id {capture_id}")
    if row is not None:
        fill: dict[str, Any] = {}
        if row.capture_id is None and capture_id is not None:
            fill.update(capture_id=capture_id, sha256=sha256)
        if row.document_id is None and document_id is not None:
            fill["document_id"] = document_id
        if fill:
            conn.execute(update(n).where(n.c.id == row.id).values(**fill))
        return int(row.id)
    return int(conn.execute(insert(n).values(
        codigo=notice.codigo, date=notice.date, edition=str(notice.edition), section=notice.section,
        poder=notice.poder, issuer=notice.issuer, title=notice.title, url=notice.url,
        kind=str(notice.kind), document=notice.document, document_id=document_id,
        capture_id=capture_id, sha256=sha256,
    ).returning(n.c.id)).scalar_one())


def relink_capture(conn: Connection, notice_id: int, capture_id: int) -> None:
    """Link a notice to another body (the one a retry fetched and read), replacing the old link;
    the old capture stays archived as evidence."""
    sha256 = conn.execute(select(s.capture.c.sha256).where(s.capture.c.id == capture_id)).scalar()
    if sha256 is None:
        raise NotFound(f"no hay ninguna captura con id {capture_id}")
    conn.execute(update(s.notice).where(s.notice.c.id == notice_id).values(capture_id=capture_id,
                                                                             sha256=sha256))


NOTICE_FIELDS = ("codigo", "date", "edition", "section", "poder", "issuer", "title", "url", "kind",
                 "document")


def notice_columns(prefix: str = "n_") -> tuple[Any, ...]:
    """The notice columns a ``Notice`` is built from, labelled ``prefix + name`` so they never
    collide with the columns of a table they are joined to."""
    return tuple(s.notice.c[name].label(prefix + name) for name in NOTICE_FIELDS)


def notice_from_row(row: Any, prefix: str = "n_") -> Notice:
    """A ``Notice`` from a row that selected ``notice_columns(prefix)``."""
    value = {name: row._mapping[prefix + name] for name in NOTICE_FIELDS}
    return Notice(**{**value, "edition": Edition(value["edition"]), "kind": NoticeKind(value["kind"])})


def notice_id(conn: Connection, codigo: str) -> int:
    """The id of the notice with this ``codigo``; ``NotFound`` if it was never saved."""
    found = conn.execute(select(s.notice.c.id).where(s.notice.c.codigo == codigo)).scalar()
    if found is None:
        raise NotFound(f"no hay ningún aviso con el código {quoted(codigo, 40)}")
    return int(found)


# --- instructions and discrepancies -------------------------------------------------------------
def _instruction_rows(instructions: Sequence[Instruction], **common: Any) -> list[dict[str, Any]]:
    return [{**common, "seq": seq, "verb": str(i.verb), "target": i.target, "new_label": i.new_label,
             "source": i.source} for seq, i in enumerate(instructions)]


def record_instructions(conn: Connection, document_id: int, notice_id: int | None,
                        instructions: Sequence[Instruction], *, applied: bool = True) -> int:
    """Store what a notice ordered for a tracked document; returns how many."""
    title = conn.execute(select(s.document.c.title).where(s.document.c.id == document_id)).scalar()
    if title is None:
        raise NotFound(f"no hay ningún documento con id {document_id}")
    rows = _instruction_rows(instructions, document_id=document_id, document_title=title,
                             notice_id=notice_id, applied=applied)
    if rows:
        conn.execute(insert(s.instruction), rows)
    return len(rows)


def record_unapplied(conn: Connection, document_title: str, notice_id: int | None,
                     instructions: Sequence[Instruction]) -> int:
    """Keep the declared amendments to a document we do not track yet, so nothing is lost and an
    ``import`` of that document can apply them later (see ``unapplied_instructions``)."""
    rows = _instruction_rows(instructions, document_id=None, document_title=document_title,
                             notice_id=notice_id, applied=False)
    if rows:
        conn.execute(insert(s.instruction), rows)
    return len(rows)


@dataclass(frozen=True, slots=True)
class UnappliedInstruction:
    """A declared amendment still waiting for its document (or for being applied to it)."""

    id: int
    document_title: str
    notice: Notice | None
    instruction: Instruction


def unapplied_instructions(conn: Connection) -> tuple[UnappliedInstruction, ...]:
    """Every instruction not applied yet, in publication order."""
    i, n = s.instruction, s.notice
    rows = conn.execute(select(i, *notice_columns())
                        .outerjoin(n, n.c.id == i.c.notice_id).where(i.c.applied.is_(False))
                        .order_by(n.c.date, i.c.notice_id, i.c.seq)).all()
    return tuple(UnappliedInstruction(
        id=r.id, document_title=r.document_title,
        notice=notice_from_row(r) if r.n_codigo is not None else None,
        instruction=Instruction.from_json({"verb": r.verb, "target": r.target, "new_label": r.new_label,
                                           "source": r.source}),
    ) for r in rows)


def forget_unapplied(conn: Connection, notice_id: int) -> int:
    """Drop the instructions a notice declared that are still unapplied (before it is handled
    again: a retry keeps them anew if it fails again); returns how many."""
    i = s.instruction
    result = conn.execute(delete(i).where(i.c.notice_id == notice_id, i.c.applied.is_(False)))
    return int(result.rowcount)


def mark_applied(conn: Connection, instruction_ids: Iterable[int], document_id: int) -> None:
    """Record that pending instructions were applied to ``document_id``."""
    ids = list(instruction_ids)
    if ids:
        conn.execute(update(s.instruction).where(s.instruction.c.id.in_(ids))
                     .values(applied=True, document_id=document_id))


def record_discrepancies(conn: Connection, document_id: int, notice_id: int | None,
                         discrepancies: Sequence[Discrepancy]) -> int:
    """Store what an instrument declares but its text does not show, and the reverse."""
    rows = [{"document_id": document_id, "notice_id": notice_id, "kind": str(d.kind), "label": d.label,
             "detail": d.detail, "instruction": d.instruction.to_json() if d.instruction else None,
             "change": d.change.to_json() if d.change else None} for d in discrepancies]
    return insert_keeping_ids(conn, s.discrepancy, rows)   # read again, the same one keeps its id


# --- reprocessing: the archived notices and what each one recorded ---------------------------------
@dataclass(frozen=True, slots=True)
class ArchivedNotice:
    """A stored notice and the id of its archived body (None: none was read)."""

    id: int
    notice: Notice
    capture_id: int | None


def archived_notices(conn: Connection, since: date | None = None, until: date | None = None,
                     codigo: str | None = None) -> tuple[ArchivedNotice, ...]:
    """Stored notices from ``since`` to ``until`` (both included), or the one with ``codigo``,
    in publication order (day, edition, then as stored)."""
    n = s.notice
    query = select(n.c.id, n.c.capture_id, *notice_columns())
    if since is not None:
        query = query.where(n.c.date >= since)
    if until is not None:
        query = query.where(n.c.date <= until)
    if codigo is not None:
        query = query.where(n.c.codigo == codigo)
    order = {str(e): i for i, e in enumerate(Edition)}
    rows = conn.execute(query.order_by(n.c.id))
    found = [ArchivedNotice(r.id, notice_from_row(r), r.capture_id) for r in rows]
    return tuple(sorted(found, key=lambda a: (a.notice.date, order[str(a.notice.edition)])))


@dataclass(frozen=True, slots=True)
class NoticeRecords:
    """What a notice left recorded for one document: its applied instructions and discrepancies."""

    instructions: tuple[Instruction, ...]
    discrepancies: tuple[tuple[str, str, str], ...]  # (kind, label, detail)


def notice_records(conn: Connection, document_id: int, notice_id: int) -> NoticeRecords:
    i, d = s.instruction, s.discrepancy
    instructions = conn.execute(select(i.c.verb, i.c.target, i.c.new_label, i.c.source).where(
        i.c.document_id == document_id, i.c.notice_id == notice_id, i.c.applied.is_(True)).order_by(i.c.seq))
    discrepancies = conn.execute(select(d.c.kind, d.c.label, d.c.detail).where(
        d.c.document_id == document_id, d.c.notice_id == notice_id).order_by(d.c.id))
    return NoticeRecords(
        tuple(Instruction.from_json({"verb": r.verb, "target": r.target, "new_label": r.new_label,
                                     "source": r.source}) for r in instructions),
        tuple((r.kind, r.label, r.detail) for r in discrepancies))


def waiting_instructions(conn: Connection, notice_id: int) -> tuple[tuple[str, ...], ...]:
    """What a notice declared that still waits (a document not tracked, or a failed application):
    (document title, verb, target, new label, source) each, in order."""
    i = s.instruction
    rows = conn.execute(select(i.c.document_title, i.c.verb, i.c.target, i.c.new_label, i.c.source)
                        .where(i.c.notice_id == notice_id, i.c.applied.is_(False)).order_by(i.c.seq))
    return tuple(tuple(str(v) for v in row) for row in rows)


def forget_notice_records(conn: Connection, document_id: int, notice_id: int) -> None:
    """Drop what a notice recorded for a document (before it is recorded again from a new reading)."""
    i, d = s.instruction, s.discrepancy
    conn.execute(delete(i).where(i.c.document_id == document_id, i.c.notice_id == notice_id,
                                 i.c.applied.is_(True)))
    retire(conn, d, d.c.document_id == document_id, d.c.notice_id == notice_id)

