"""An amending notice applied along the legal timeline: each change from its own day in force.

The decree's transitorios give each change its first day in force (``Schedule.for_label``): the
decree's own day for most, an exception's day for "salvo lo dispuesto en el artículo 9, que
entrará en vigor …", or no day yet (a declaratoria). The decree is applied to the text in force
on its first day (what is stored in force later is rewound and replayed on top, see
``store.timeline``); a change with a later day of its own becomes a later revision of its own;
a change with no day waits (``record_waiting``) until a declaratoria fixes it
(``apply_declaratoria``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from diffing import AmendmentOutcome, DiscrepancyKind, amend
from diffing.model import Change
from diffing.tree import apply_changes, changes_between
from errors import NotFound, StoreError
from gazette import Capture, Notice
from parser import Amendment, Document, read_amendment_text
from parser.date_text import long_date
from parser.transitorios import Declaratoria, Pending, Schedule, read_schedule
from store import schema
from store.records import load_capture, notice_columns, notice_from_row
from store.revision_reads import current_document, revisions
from store.timeline import Replay, record_waiting, replay, rewind, take_waiting, waiting
from store.versions import apply_new_version


@dataclass(frozen=True, slots=True)
class TimelineResult:
    """What applying one notice to one document did."""

    outcome: AmendmentOutcome
    changes: int = 0        # change records written into the timeline
    waiting: int = 0        # changes kept waiting for their day
    findings: int = 0
    revisions: int = 0      # revisions the notice made (one per day in force)


def _day(schedule: Schedule, label: str, published: date, fixed: date | None) -> date | Pending:
    day = schedule.for_label(label, published)
    return fixed if isinstance(day, Pending) and fixed is not None else day


def apply_amendment(conn: Connection, doc_id: int, text: Amendment | str, notice: Notice, nid: int,
                    *, fixed: date | None = None) -> TimelineResult:
    """Apply an amending text to a document, each change from its own first day in force.

    ``fixed``: the day a declaratoria fixed for the changes that waited for one.
    """
    probe = amend(current_document(conn, doc_id), text)
    schedule = read_schedule(probe.transitorios)
    days = [d for c in probe.changes if isinstance(d := _day(schedule, c.label, notice.date, fixed), date)]
    if not days:   # nothing has a day yet: every change waits, the timeline is untouched
        reason = _reason(schedule, probe.changes, notice.date)
        kept = record_waiting(conn, doc_id, probe.changes, nid, notice.date, reason, _undeclared(probe))
        return TimelineResult(probe, waiting=kept)
    first = min(days)
    stored = revisions(conn, doc_id)[0].valid_from
    if first < stored:   # the registered text is the oldest we have: nothing to apply it to
        raise StoreError(f"vigente desde el {long_date(first)}, antes del texto guardado (del "
                         f"{long_date(stored)}): no se aplica (importe un texto anterior)")
    later = rewind(conn, doc_id, first)
    base = current_document(conn, doc_id)
    outcome = amend(base, text) if later else probe
    stages: dict[date, list[Change]] = {}
    held: list[Change] = []
    for change in outcome.changes:
        day = _day(schedule, change.label, notice.date, fixed)
        (stages.setdefault(day, []) if isinstance(day, date) else held).append(change)
    undeclared = _undeclared(outcome)
    texts = _stage_texts(base, outcome, stages, bool(held))
    first_day, first_text = texts[0]
    whole = len(texts) == 1 and not held
    applied = apply_new_version(conn, doc_id, first_text,
                                outcome.changes if whole else changes_between(base, first_text),
                                first_day, nid, undeclared=undeclared)
    items = [Replay(day, notice.date, nid, changes_between(before, after), undeclared)
             for (_, before), (day, after) in zip(texts, texts[1:], strict=False)]
    replayed = replay(conn, doc_id, (*later, *items))
    kept = 0
    if held:
        kept = record_waiting(conn, doc_id, held, nid, notice.date,
                              _reason(schedule, held, notice.date), undeclared)
    return TimelineResult(outcome, applied.changes + sum(r.changes for r in replayed), kept,
                          applied.findings, 1 + len(items))


def _stage_texts(base: Document, outcome: AmendmentOutcome, stages: dict[date, list[Change]],
                 held: bool) -> list[tuple[date, Document]]:
    """The text after each day's changes, in day order; the last is the decree's whole text
    unless some changes wait."""
    out: list[tuple[date, Document]] = []
    done: list[Change] = []
    ordered = sorted(stages)
    for position, day in enumerate(ordered):
        done.extend(stages[day])
        if position == len(ordered) - 1 and not held:
            out.append((day, outcome.new))
        else:
            grafted = apply_changes(base, done)
            out.append((day, Document(base.title, grafted.provisions, outcome.new.findings)))
    return out


def _undeclared(outcome: AmendmentOutcome) -> frozenset[str]:
    return frozenset(d.label for d in outcome.discrepancies if d.kind is DiscrepancyKind.UNDECLARED_CHANGE)


def _reason(schedule: Schedule, changes: tuple[Change, ...] | list[Change], published: date) -> str:
    for change in changes:
        day = schedule.for_label(change.label, published)
        if isinstance(day, Pending):
            return day.reason
    return "pendiente"


# --- a declaratoria fixes the day -------------------------------------------------------------
def apply_declaratoria(conn: Connection, doc_id: int, declaratoria: Declaratoria, notice: Notice
                       ) -> TimelineResult | None:
    """Put in force, on the day ``declaratoria`` fixes, the changes of ``doc_id`` that waited for
    one: those of the decree published on the day it names, else of the only decree waiting.
    None when no decree of that document waits for one (or the day is still not fixed)."""
    day = declaratoria.rule.in_force(notice.date)
    if isinstance(day, Pending):
        return None
    candidates = waiting(conn, doc_id)
    named = [w for w in candidates if w.published == declaratoria.published]
    chosen = named or (list(candidates) if len(candidates) == 1 else [])
    if len(chosen) != 1:
        return None
    found = chosen[0]
    decree, body = _notice(conn, found.notice_id)
    if body is None:
        raise NotFound(f"el cuerpo del aviso {decree.codigo} nunca se guardó")
    take_waiting(conn, doc_id, found.notice_id)
    return apply_amendment(conn, doc_id, _text(body), decree, found.notice_id, fixed=day)


def _text(body: Capture) -> str:
    return read_amendment_text(body.body, body.url)


def _notice(conn: Connection, nid: int) -> tuple[Notice, Capture | None]:
    n = schema.notice
    row = conn.execute(select(n.c.capture_id, *notice_columns()).where(n.c.id == nid)).first()
    if row is None:
        raise NotFound(f"no hay ningún aviso con id {nid}")
    body = load_capture(conn, int(row.capture_id)) if row.capture_id is not None else None
    return notice_from_row(row), body


__all__ = ["TimelineResult", "apply_amendment", "apply_declaratoria"]
