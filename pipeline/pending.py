"""Amendments waiting for their document: applied (or marked as already in the text) once it is stored.

An amending decree can arrive before the text it amends is tracked: its instructions are kept as
unapplied, with the notice and its body. When the document is registered or imported, they are
taken up again here, in publication order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from errors import NotFound, TrackerError
from gazette import Capture, Notice
from parser import parse_amendment, read_amendment_text
from pipeline.timeline import apply_amendment as apply_on_timeline
from store import schema
from store.catalog import document_title
from store.matching import same_instrument
from store.records import (
    UnappliedInstruction,
    load_capture,
    mark_applied,
    notice_id,
    record_discrepancies,
    save_notice,
    unapplied_instructions,
)
from untrusted import quoted


def amendment_text(body: Capture) -> str:
    """The operative text of an amending notice's stored body."""
    return read_amendment_text(body.body, body.url)


@dataclass(frozen=True, slots=True)
class PendingResult:
    """What ``apply_pending`` did."""

    applied: int = 0
    reflected: int = 0
    changes: int = 0
    warnings: tuple[str, ...] = ()


def _notice_capture(conn: Connection, codigo: str) -> Capture | None:
    """The stored body of a notice (workaround: store has no accessor for a notice's capture)."""
    found = conn.execute(select(schema.notice.c.capture_id).where(schema.notice.c.codigo == codigo)).scalar()
    return load_capture(conn, int(found)) if found is not None else None


def apply_pending(conn: Connection, doc_id: int, as_of: date) -> PendingResult:
    """Apply, in publication order, the stored amendments still waiting for this document.

    An amendment in force on or before ``as_of`` is already part of a text as of that date, so
    it is only marked applied; a later one is applied from its stored body as a new version.
    One that cannot be applied stays pending, with a warning.
    """
    title = document_title(conn, doc_id)
    pending: dict[str, list[UnappliedInstruction]] = {}
    for item in unapplied_instructions(conn):
        if item.notice is not None and same_instrument(item.document_title, title):
            pending.setdefault(item.notice.codigo, []).append(item)
    applied = reflected = changes = 0
    warnings: list[str] = []
    for codigo, items in pending.items():
        notice = items[0].notice
        assert notice is not None
        try:
            with conn.begin_nested():
                result = _apply_stored(conn, doc_id, notice, items, as_of)
        except TrackerError as exc:
            warnings.append(f"{codigo}: sigue pendiente para {quoted(title)}: {exc}")
            continue
        if result is None:
            reflected += 1
        else:
            applied, changes = applied + 1, changes + result
    return PendingResult(applied, reflected, changes, tuple(warnings))


def _apply_stored(conn: Connection, doc_id: int, notice: Notice, items: Sequence[UnappliedInstruction],
                  as_of: date) -> int | None:
    """Apply one stored amendment; None when the text as of ``as_of`` already contains it."""
    body = _notice_capture(conn, notice.codigo)
    if body is None:
        raise NotFound("su cuerpo nunca se guardó")
    text = amendment_text(body)
    effective = parse_amendment(text).entry_into_force.effective(notice.date)
    nid = notice_id(conn, notice.codigo)
    if effective is not None and effective <= as_of:
        mark_applied(conn, (i.id for i in items), doc_id)
        save_notice(conn, notice, document_id=doc_id)
        return None
    # along the timeline: each change from its day (a declaratoria's wait), before later ones
    done = apply_on_timeline(conn, doc_id, text, notice, nid)
    record_discrepancies(conn, doc_id, nid, done.outcome.discrepancies)
    mark_applied(conn, (i.id for i in items), doc_id)
    save_notice(conn, notice, document_id=doc_id)
    return done.changes
