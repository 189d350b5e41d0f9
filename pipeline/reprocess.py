"""Reprocess: the archived bodies of stored notices through the current reader again, no network.

After a parser fix, what did the fix change? ``reprocess`` reads each amending notice of a day
range (or one notice) from its archived capture, applies it to the text it was applied to, and
compares with what the store holds: the changes (added, removed, different, by label), the
instructions and the discrepancies. Where they differ the store is brought up to date:

* a notice whose revision is its document's latest is re-applied (the revision is taken back
  and made again from the new reading, same day in force, same notice); its instructions and
  discrepancies are recorded anew;
* a notice whose document has later revisions is only reported: those revisions were built on
  the text it made, so rewriting it alone would leave them wrong (``rewritten`` false, and why);
* a notice that made no revision (its document untracked, or it could not be read or applied)
  is handled again like a retry of the nightly run: applied if it now applies, its declared
  instructions kept anew otherwise, and its edition's attention record updated. (One whose
  instructions an imported text already contained is done, and left alone.)

Only amending notices are read again: a registered instrument's text (``creates``) stays as
stored, and the day in force of a re-applied revision is the one stored (the transitorios are
not re-read).

One transaction per edition, under the writer lock: a crash (even SIGKILL) leaves every edition
as it was before or as it is after, never between. Running it again finds nothing more to do.
The reading step is a parameter (``reader``), so a parser change can be tried on the archive.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, Engine

from diffing import Change, DiscrepancyKind, amend
from errors import InputError, NotFound, TrackerError
from gazette import Capture, Edition, NoticeKind
from parser import Amendment
from scraper import FetchedEdition
from store import acquire_writer_lock, load_capture, transaction
from store.bookkeeping import Problem, RunStatus, attention_codigos, clear_attention, note_attention, problems
from store.catalog import document_title
from store.records import (
    ArchivedNotice,
    archived_notices,
    forget_notice_records,
    notice_records,
    record_discrepancies,
    record_instructions,
    waiting_instructions,
)
from store.revision_reads import (
    Revision,
    document_at_revision,
    latest_revision,
    notice_revisions,
    revision_changes,
)
from store.versions import apply_new_version, drop_latest_revision
from untrusted import quoted

from .day import progress_bar
from .ingest import Attention, ingest_edition
from .reading import CURRENT_READER, Reader


@dataclass(frozen=True, slots=True)
class NoticeDelta:
    """What reading one notice again changed for one document (labels of changes)."""

    codigo: str
    day: date
    edition: Edition
    document: str
    added: tuple[str, ...] = ()       # changes the new reading makes that were not stored
    removed: tuple[str, ...] = ()     # stored changes the new reading does not make
    different: tuple[str, ...] = ()   # the same label, another type or text
    instructions: bool = False        # the instructions read differ
    discrepancies: bool = False       # the discrepancies found differ
    rewritten: bool = False           # the store now holds the new reading
    note: str = ""                    # in Spanish: what was done, or why not

    def to_json(self) -> dict[str, Any]:
        return {"codigo": self.codigo, "date": self.day.isoformat(), "edition": str(self.edition),
                "document": self.document, "added": list(self.added), "removed": list(self.removed),
                "different": list(self.different), "instructions": self.instructions,
                "discrepancies": self.discrepancies, "rewritten": self.rewritten, "note": self.note}

    def line(self) -> str:
        """One line in Spanish for the summary."""
        parts = [f"{len(v)} {w}: {', '.join(v)}" for v, w in ((self.added, "cambios nuevos"),
                                                               (self.removed, "cambios que desaparecen"),
                                                               (self.different, "cambios distintos")) if v]
        if self.instructions:
            parts.append("instrucciones distintas")
        if self.discrepancies:
            parts.append("discrepancias distintas")
        done = "reescrito" if self.rewritten else "no reescrito"
        note = f" ({self.note})" if self.note else ""
        return (f"{self.day.isoformat()} {self.edition} {self.codigo} — {self.document}: "
                f"{'; '.join(parts) or 'sin diferencias en el texto'}; {done}{note}")


@dataclass(frozen=True, slots=True)
class ReprocessReport:
    """Every notice read again, and what differed."""

    editions: int
    notices: int  # stored notices in the range
    read: int = 0  # of them, amending notes read again from their archived bodies
    deltas: tuple[NoticeDelta, ...] = field(default_factory=tuple)
    seconds: float = 0.0

    def summary(self) -> str:
        """For people, in Spanish: what was read again and what differed."""
        head = (f"{self.read} avisos de reforma releídos del archivo ({self.notices} avisos, "
                f"{self.editions} ediciones) en {self.seconds:.1f} s: ")
        if not self.deltas:
            return head + "nada cambió.\n"
        rewritten = sum(d.rewritten for d in self.deltas)
        lines = [head + f"{len(self.deltas)} con diferencias, {rewritten} reescritos en la base."]
        lines += [f"  {d.line()}" for d in self.deltas]
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Any]:
        return {"editions": self.editions, "notices": self.notices, "read": self.read,
                "seconds": round(self.seconds, 3),
                "deltas": [d.to_json() for d in self.deltas]}


def reprocess(engine: Engine, *, since: date | None = None, until: date | None = None,
              notice: str | None = None, progress: bool = False,
              reader: Reader = CURRENT_READER) -> ReprocessReport:
    """Read the archived notices of ``since``..``until`` (or the one ``notice``) again with
    ``reader`` and bring the store up to date (see the module docstring)."""
    if since is not None and until is not None and until < since:
        raise InputError(f"--since {since} es posterior a --until {until}")
    started = time.monotonic()
    with acquire_writer_lock(engine):
        with engine.connect() as conn:
            archived = archived_notices(conn, since, until, notice)
        if notice is not None and not archived:
            raise NotFound(f"no hay ningún aviso guardado con el código {quoted(notice, 40)}")
        editions = [(key, tuple(items)) for key, items in
                    groupby(archived, key=lambda a: (a.notice.date, a.notice.edition))]
        deltas: list[NoticeDelta] = []
        read = 0
        with progress_bar(len(editions) if progress else 0) as bar:
            for (day, edition), items in editions:
                with transaction(engine) as conn:  # one edition: all of it, or nothing of it
                    found, count = _edition(conn, day, edition, items, reader)
                deltas.extend(found)
                read += count
                if bar is not None:
                    bar.update(1)
    return ReprocessReport(len(editions), len(archived), read, tuple(deltas), time.monotonic() - started)


def _edition(conn: Connection, day: date, edition: Edition, items: Sequence[ArchivedNotice],
             reader: Reader) -> tuple[list[NoticeDelta], int]:
    """One edition's amending notices read again: the differences, and how many were read."""
    deltas: list[NoticeDelta] = []
    read = 0
    unapplied: dict[str, tuple[ArchivedNotice, Capture]] = {}
    attention = attention_codigos(conn, day, edition) or frozenset()
    for item in items:
        if item.notice.kind is not NoticeKind.AMENDS or item.capture_id is None:
            continue
        body = load_capture(conn, item.capture_id)
        read += 1
        made = notice_revisions(conn, item.id)
        if not made:
            # waiting for its document, or failed: handled again; one an imported text already
            # contained (its instructions marked applied, no revision) is done and stays so
            if item.notice.codigo in attention or waiting_instructions(conn, item.id):
                unapplied[item.notice.codigo] = (item, body)
            continue
        try:
            amendment = reader.amendment(body)
        except TrackerError as exc:
            deltas.append(NoticeDelta(item.notice.codigo, day, edition, item.notice.document or "",
                                      note=f"ya no se puede leer ({exc}); lo guardado se conserva"))
            continue
        deltas.extend(d for d in (_again(conn, item, revision, amendment) for revision in made)
                      if d is not None)
    if unapplied:
        deltas.extend(_retry(conn, day, edition, unapplied, reader))
    return deltas, read


def _change_key(change: Change) -> tuple[str, str | None, str | None, str | None]:
    return (str(change.type), change.from_label, change.before, change.after)


def _compare(stored: Sequence[Change], now: Sequence[Change]) -> tuple[tuple[str, ...], ...]:
    old = {c.label: _change_key(c) for c in stored}
    new = {c.label: _change_key(c) for c in now}
    return (tuple(label for label in new if label not in old),
            tuple(label for label in old if label not in new),
            tuple(label for label in new if label in old and new[label] != old[label]))


def _again(conn: Connection, item: ArchivedNotice, revision: Revision,
           amendment: Amendment) -> NoticeDelta | None:
    """One notice, read again, against the text it was applied to; None when nothing differs."""
    doc_id, number = revision.document_id, revision.number
    notice = item.notice
    title = document_title(conn, doc_id)
    try:
        outcome = amend(document_at_revision(conn, doc_id, number - 1), amendment)
    except TrackerError as exc:
        return NoticeDelta(notice.codigo, notice.date, notice.edition, title,
                           note=f"ya no se puede aplicar ({exc}); lo guardado se conserva")
    added, removed, different = _compare(revision_changes(conn, doc_id, number), outcome.changes)
    records = notice_records(conn, doc_id, item.id)
    instructions = records.instructions != outcome.instructions
    discrepancies = records.discrepancies != tuple((str(d.kind), d.label, d.detail)
                                                   for d in outcome.discrepancies)
    if not (added or removed or different or instructions or discrepancies):
        return None
    delta = NoticeDelta(notice.codigo, notice.date, notice.edition, title, added, removed, different,
                        instructions, discrepancies)
    if added or removed or different:
        if latest_revision(conn, doc_id).number != number:
            return _note(delta, False, "el documento tiene revisiones posteriores hechas sobre este "
                                       "texto; no se reescribe")
        drop_latest_revision(conn, doc_id)
        undeclared = {d.label for d in outcome.discrepancies if d.kind is DiscrepancyKind.UNDECLARED_CHANGE}
        apply_new_version(conn, doc_id, outcome.new, outcome.changes, revision.valid_from, item.id,
                          undeclared=undeclared)
    forget_notice_records(conn, doc_id, item.id)
    record_instructions(conn, doc_id, item.id, outcome.instructions)
    record_discrepancies(conn, doc_id, item.id, outcome.discrepancies)
    return _note(delta, True, "")


def _note(delta: NoticeDelta, rewritten: bool, note: str) -> NoticeDelta:
    return NoticeDelta(delta.codigo, delta.day, delta.edition, delta.document, delta.added, delta.removed,
                       delta.different, delta.instructions, delta.discrepancies, rewritten, note)


def _retry(conn: Connection, day: date, edition: Edition,
           unapplied: dict[str, tuple[ArchivedNotice, Capture]], reader: Reader) -> list[NoticeDelta]:
    """Notices that made no revision, handled again as the nightly retry handles them."""
    before = {codigo: waiting_instructions(conn, item.id) for codigo, (item, _) in unapplied.items()}
    fetched = FetchedEdition(day, edition, True, tuple(item.notice for item, _ in unapplied.values()),
                             {codigo: body for codigo, (_, body) in unapplied.items()}, (), ())
    result = ingest_edition(conn, fetched, reader=reader, retry=frozenset(unapplied))
    _update_attention(conn, day, edition, frozenset(unapplied), result.attention)
    deltas = []
    for codigo, (item, _) in unapplied.items():
        notice = item.notice
        made = notice_revisions(conn, item.id)
        for revision in made:
            labels = tuple(c.label for c in revision_changes(conn, revision.document_id, revision.number))
            deltas.append(NoticeDelta(codigo, day, edition, document_title(conn, revision.document_id),
                                      added=labels, instructions=True, rewritten=True,
                                      note="aplicado ahora: antes no se había podido aplicar"))
        if not made and waiting_instructions(conn, item.id) != before[codigo]:
            deltas.append(NoticeDelta(codigo, day, edition, notice.document or notice.title,
                                      instructions=True, rewritten=True,
                                      note="instrucciones pendientes leídas de nuevo"))
    return deltas


def _update_attention(conn: Connection, day: date, edition: Edition, retried: frozenset[str],
                      attention: Sequence[Attention]) -> None:
    """Keep the edition's attention record true: reasons about the notices retried are replaced
    by what the retry found; the others stay."""
    if not attention and attention_codigos(conn, day, edition) is None:
        return
    old = next((p for p in problems(conn) if (p.day, p.edition, p.status) ==
                (day, edition, RunStatus.NEEDS_ATTENTION)), None)
    kept = [(r, c) for r, c in _reasons_by_notice(old) if c not in retried] if old else []
    reasons = [*kept, *((a.reason, a.codigo) for a in attention)]
    if not reasons:
        clear_attention(conn, day, edition)
        return
    note_attention(conn, day, edition, [r for r, _ in reasons], [c for _, c in reasons if c is not None])


def _reasons_by_notice(problem: Problem) -> list[tuple[str, str | None]]:
    """Each reason with the notice it names (reasons open with the codigo: '5727205 (amends): …')."""
    out: list[tuple[str, str | None]] = []
    for reason in problem.reasons:
        head = reason.split(" ", 1)[0].split(":", 1)[0]
        out.append((reason, head if head in problem.codigos else None))
    return out
