"""The nightly runs' bookkeeping: run records, editions that need attention, checkpoints, meta.

Runs are meant for their own short transactions, so a failed edition leaves its run record even
though its data rolled back. Attention marks and checkpoints take the caller's connection: they
are written in the same transaction as the edition they describe. ``meta`` is a small key/value
table for the store's own settings and marks (e.g. what each user's digest has told).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from errors import NotFound, StoreError
from gazette import Edition

from . import schema as s


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
