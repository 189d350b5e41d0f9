"""Evidence and bookkeeping: captures, notices, instructions, discrepancies, runs, checkpoints.

Every function takes an open ``Connection`` and runs in the caller's transaction. Captures and
notices are idempotent (the same bytes or the same ``codigo`` give back the stored id), so a
rerun of an edition writes nothing new. Runs are meant for their own short transactions, so a
failed edition leaves its run record even though its data rolled back.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

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


# --- runs -----------------------------------------------------------------------------------------
class RunStatus(StrEnum):
    RUNNING = "running"
    OK = "ok"          # ingested
    NOOP = "noop"      # already done: the checkpoint was there
    FAILED = "failed"  # rolled back; retried next run
    NEEDS_ATTENTION = "needs_attention"  # stored, but something could not be read or applied; retried


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One attempt at one DOF edition."""

    id: int
    day: date
    edition: Edition
    status: RunStatus
    counts: Mapping[str, int] = field(default_factory=dict)
    error: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None


def start_run(conn: Connection, day: date, edition: Edition) -> int:
    """Open a run record (status ``running``); returns its id. Commit it on its own."""
    return int(conn.execute(insert(s.run).values(
        day=day, edition=str(edition), status=str(RunStatus.RUNNING), counts={},
        started_at=datetime.now(UTC)).returning(s.run.c.id)).scalar_one())


def finish_run(conn: Connection, run_id: int, status: RunStatus, counts: Mapping[str, int] | None = None,
               error: str | None = None) -> None:
    """Close a run record with its outcome, counts and (one-line) error."""
    result = conn.execute(update(s.run).where(s.run.c.id == run_id).values(
        status=str(status), counts=dict(counts or {}), error=error, finished_at=datetime.now(UTC)))
    if result.rowcount != 1:
        raise NotFound(f"no hay ninguna ejecución con id {run_id}")


def runs(conn: Connection, since: date | None = None) -> tuple[RunRecord, ...]:
    """Run records, oldest first (from ``since`` on, if given)."""
    query = select(s.run).order_by(s.run.c.id)
    if since is not None:
        query = query.where(s.run.c.day >= since)
    return tuple(RunRecord(r.id, r.day, Edition(r.edition), RunStatus(r.status), dict(r.counts), r.error,
                           r.started_at, r.finished_at) for r in conn.execute(query))


# --- editions that need attention ------------------------------------------------------------------
# An edition stored with a notice that could not be read or applied keeps its checkpoint (what
# it stored is done) and gets an attention record: the reasons, the notices they are about, when
# they were first seen and last tried. The pipeline retries such editions on every run; one that
# succeeds drops the record. Kept in ``meta`` (one JSON value per edition, key below) until the
# schema has a table for it.
_ATTENTION = "attention "


@dataclass(frozen=True, slots=True)
class Problem:
    """An edition that needs attention (or failed and waits for its retry), and why."""

    day: date
    edition: Edition
    status: RunStatus
    reasons: tuple[str, ...]
    first_seen: datetime
    last_tried: datetime
    codigos: tuple[str, ...] = ()  # the notices the reasons are about

    def to_json(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "edition": str(self.edition), "status": str(self.status),
                "reasons": list(self.reasons), "first_seen": self.first_seen.isoformat(),
                "last_tried": self.last_tried.isoformat(), "codigos": list(self.codigos)}


def _attention_key(day: date, edition: Edition) -> str:
    return f"{_ATTENTION}{day.isoformat()} {edition}"


def note_attention(conn: Connection, day: date, edition: Edition, reasons: Sequence[str],
                   codigos: Sequence[str], now: datetime | None = None) -> tuple[str, ...]:
    """Record that an edition needs attention; returns the reasons not recorded before (what is
    worth telling someone: an edition failing again for the same reason is no news)."""
    now = now or datetime.now(UTC)
    key = _attention_key(day, edition)
    known = get_meta(conn, key)
    before = json.loads(known) if known else {}
    value = {"reasons": list(reasons), "codigos": sorted(set(codigos)),
             "first_seen": before.get("first_seen", now.isoformat()), "last_tried": now.isoformat(),
             "told": sorted(set(before.get("told", ())) | set(reasons))}
    set_meta(conn, key, json.dumps(value, ensure_ascii=False))
    told = set(before.get("told", ()))
    return tuple(r for r in reasons if r not in told)


def clear_attention(conn: Connection, day: date, edition: Edition) -> bool:
    """Drop an edition's attention record (its retry succeeded); whether there was one."""
    return bool(conn.execute(delete(s.meta).where(s.meta.c.key == _attention_key(day, edition))).rowcount)


def attention_editions(conn: Connection) -> tuple[tuple[date, Edition], ...]:
    """The editions with an attention record, oldest first: what the next run retries."""
    return tuple((p.day, p.edition) for p in _attention_problems(conn))


def attention_codigos(conn: Connection, day: date, edition: Edition) -> frozenset[str] | None:
    """The notices an edition's attention record is about (handled again on its retry); None
    when the edition has no attention record."""
    found = get_meta(conn, _attention_key(day, edition))
    return frozenset(json.loads(found)["codigos"]) if found else None


def _attention_problems(conn: Connection) -> list[Problem]:
    m = s.meta
    rows = conn.execute(select(m.c.key, m.c.value).where(m.c.key.startswith(_ATTENTION, autoescape=True)))
    found = []
    for row in rows:
        day, edition = row.key[len(_ATTENTION):].split(" ")
        value = json.loads(row.value)
        found.append(Problem(date.fromisoformat(day), Edition(edition), RunStatus.NEEDS_ATTENTION,
                             tuple(value["reasons"]), datetime.fromisoformat(value["first_seen"]),
                             datetime.fromisoformat(value["last_tried"]), tuple(value["codigos"])))
    return sorted(found, key=lambda p: (p.day, p.edition))


def problems(conn: Connection) -> tuple[Problem, ...]:
    """Every edition that needs attention, and every failed one not checkpointed since, by day."""
    failed: dict[tuple[date, Edition], list[RunRecord]] = {}
    for record in conn.execute(select(s.run).where(s.run.c.status == str(RunStatus.FAILED))
                               .order_by(s.run.c.id)):
        failed.setdefault((record.day, Edition(record.edition)), []).append(
            RunRecord(record.id, record.day, Edition(record.edition), RunStatus.FAILED, {}, record.error,
                      record.started_at, record.finished_at))
    done = done_editions(conn, min(d for d, _ in failed), date.max) if failed else frozenset()
    found = _attention_problems(conn)
    for (day, edition), attempts in failed.items():
        if (day, edition) in done:
            continue
        last = attempts[-1]
        first_seen, last_tried = attempts[0].started_at, last.finished_at or last.started_at
        assert first_seen is not None and last_tried is not None  # started_at is NOT NULL
        found.append(Problem(day, edition, RunStatus.FAILED, (last.error or "",), first_seen, last_tried))
    return tuple(sorted(found, key=lambda p: (p.day, p.edition)))


# --- checkpoints ----------------------------------------------------------------------------------
def write_checkpoint(conn: Connection, day: date, edition: Edition,
                     counts: Mapping[str, int] | None = None) -> None:
    """Mark an edition done, in the same transaction as its data.

    Raises ``StoreError`` if it already was: two writers raced, and the second must roll back.
    """
    try:
        with conn.begin_nested():
            conn.execute(insert(s.checkpoint).values(day=day, edition=str(edition), counts=dict(counts or {}),
                                                     completed_at=datetime.now(UTC)))
    except IntegrityError:
        raise StoreError(f"la edición {Edition(edition).spanish} del {day.isoformat()} ya estaba "
                         "leída") from None


def is_done(conn: Connection, day: date, edition: Edition) -> bool:
    """Whether this edition's data is already in the store."""
    c = s.checkpoint
    found = conn.execute(select(c.c.day).where(c.c.day == day, c.c.edition == str(edition))).first()
    return found is not None


def read_checkpoint(conn: Connection, edition: Edition) -> date | None:
    """The last day whose ``edition`` was ingested (None before the first)."""
    c = s.checkpoint
    last: date | None = conn.execute(select(c.c.day).where(c.c.edition == str(edition))
                                     .order_by(c.c.day.desc()).limit(1)).scalar()
    return last


def done_editions(conn: Connection, since: date, until: date) -> frozenset[tuple[date, Edition]]:
    """Every (day, edition) ingested between two days, both included: what catch-up skips."""
    c = s.checkpoint
    rows = conn.execute(select(c.c.day, c.c.edition).where(c.c.day >= since, c.c.day <= until))
    return frozenset((r.day, Edition(r.edition)) for r in rows)


# --- meta -----------------------------------------------------------------------------------------
def get_meta(conn: Connection, key: str) -> str | None:
    value: str | None = conn.execute(select(s.meta.c.value).where(s.meta.c.key == key)).scalar()
    return value


def set_meta(conn: Connection, key: str, value: str) -> None:
    if get_meta(conn, key) is None:
        conn.execute(insert(s.meta).values(key=key, value=value))
    else:
        conn.execute(update(s.meta).where(s.meta.c.key == key).values(value=value))
