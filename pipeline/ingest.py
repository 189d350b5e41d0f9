"""The write side of the pipeline: one fetched edition into the store, and imported texts.

Each notice of an edition is handled by its kind: an amendment is applied to every tracked
document it names (and kept as declared instructions for the rest), a new instrument is
registered with its text, errata and abrogations are recorded. Everything runs inside the
caller's transaction (one per edition, ending with its checkpoint); a notice that cannot be read
or applied rolls back to its own savepoint and becomes a warning, never a half-written edition.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection

from diffing import changes_between
from errors import InputError, NotFound, ParseError, StoreError, TrackerError
from gazette import Capture, Notice, NoticeKind
from parser import (
    Amendment,
    Document,
    EntryIntoForce,
    Instruction,
    Kind,
    Transitorio,
    provision_text,
    read_amendment_text,
)
from parser.date_text import entry_words, long_date
from parser.directives import Directive
from parser.labels import Label
from parser.transitorios import entry_into_force, read_declaratoria
from parser.vocabulary import fold_text as fold
from pipeline.errata import ingest_errata
from pipeline.pending import PendingResult, apply_pending
from pipeline.reading import CURRENT_READER, Reader
from pipeline.timeline import apply_amendment as apply_on_timeline
from pipeline.timeline import apply_declaratoria
from scraper import FetchedEdition
from store.catalog import document_title
from store.findings import stored_findings
from store.matching import Tracked, kind_word
from store.records import (
    forget_unapplied,
    notice_id,
    record_discrepancies,
    record_instructions,
    record_unapplied,
    relink_capture,
    save_capture,
    save_notice,
)
from store.revision_reads import current_document, latest_revision
from store.timeline import abrogate
from store.versions import apply_new_version, register_document, root_digest
from untrusted import quoted


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What ingesting one edition did: counts (what the checkpoint keeps) and warnings (notices
    that could not be read or applied, dates guessed, tracked documents abrogated)."""

    counts: Mapping[str, int]
    warnings: tuple[str, ...] = ()
    attention: tuple[Attention, ...] = ()  # what could not be read or applied: needs a person


@dataclass(frozen=True, slots=True)
class Attention:
    """One reason an edition needs attention, and the notice it is about (None: the edition)."""

    reason: str
    codigo: str | None = None


@dataclass(slots=True)
class _Ingest:
    """The work in progress of one edition's transaction (mutable; ``IngestResult`` at the end)."""

    conn: Connection
    tracked: Tracked
    reader: Reader = CURRENT_READER
    counts: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    attention: list[Attention] = field(default_factory=list)
    readings: dict[str, Amendment] = field(default_factory=dict)  # codigo -> its body, read once

    def warn(self, message: str, codigo: str | None = None) -> None:
        """A problem: a warning, and a reason the edition needs attention."""
        self.counts["problems"] += 1
        self.warnings.append(message)
        self.attention.append(Attention(message, codigo))

    def amendment(self, notice: Notice, body: Capture) -> Amendment:
        """The notice's amending instrument, read from its body the first time it is asked for."""
        found = self.readings.get(notice.codigo)
        if found is None:
            found = self.readings[notice.codigo] = self.reader.amendment(body)
        return found


def ingest_edition(conn: Connection, fetched: FetchedEdition, *, reader: Reader = CURRENT_READER,
                   retry: frozenset[str] = frozenset()) -> IngestResult:
    """Write one fetched edition: its notices, and what each notice does to the documents.

    Runs inside the caller's transaction. The edition's captures are evidence, not state: the
    pipeline archives all of them beforehand in a transaction of their own (``archive_captures``),
    so they survive this one rolling back. Here each notice is only linked to its body's capture
    (``save_capture`` finds the archived row, or stores it for a caller that did not archive).

    A notice whose text cannot be read or applied is kept (with its body) and reported as a
    warning; its own writes roll back to a savepoint, and the instructions it declares are kept
    as unapplied so nothing is lost; it is an ``attention`` reason. A notice already stored is
    done, unless its codigo is in ``retry`` (it needed attention): then what it declared is
    taken back and it is handled again, with the body just fetched.
    """
    work = _Ingest(conn, Tracked.load(conn), reader)
    for problem in fetched.problems:
        work.warn(problem, _problem_codigo(problem))
    for notice in fetched.notices:
        body = fetched.bodies.get(notice.codigo)
        try:
            nid = notice_id(conn, notice.codigo)
        except NotFound:
            capture_id = save_capture(conn, body) if body is not None else None
            nid = save_notice(conn, notice, capture_id=capture_id,
                              document_id=work.tracked.match(notice.document))
            work.counts["notices"] += 1
        else:
            if notice.codigo not in retry:
                work.counts["notices_known"] += 1  # listed again (another edition, a rerun): done
                continue
            if body is not None:  # the body read now is the one its records stand on
                relink_capture(conn, nid, save_capture(conn, body))
            forget_unapplied(conn, nid)  # what the failed attempt kept; kept again if it fails again
            work.counts["notices_retried"] += 1
        _ingest_notice(work, notice, nid, body)
    return IngestResult(dict(work.counts), tuple(work.warnings), tuple(work.attention))


def _problem_codigo(problem: str) -> str | None:
    """The notice a fetch problem is about ('123: SIDOF has no body …' -> '123')."""
    head, sep, _ = problem.partition(":")
    return head if sep and head.isdigit() else None


def _ingest_notice(work: _Ingest, notice: Notice, nid: int, body: Capture | None) -> None:
    handler = _HANDLERS.get(notice.kind)
    if handler is None:
        return
    counts, titles, warned = work.counts.copy(), dict(work.tracked.titles), len(work.warnings)
    noted = len(work.attention)
    try:
        with work.conn.begin_nested():
            handler(work, notice, nid, body)
    except TrackerError as exc:
        # the savepoint undid the notice's writes; undo what it counted and registered, too
        work.counts, work.tracked.titles, work.warnings[warned:] = counts, titles, []
        work.attention[noted:] = []
        work.warn(f"{notice.codigo} ({notice.kind.spanish}): {exc}", notice.codigo)
        read = work.readings.get(notice.codigo)
        if notice.kind is NoticeKind.AMENDS and read is not None:
            _keep_declared(work, notice, nid, read)


def _ingest_amendment(work: _Ingest, notice: Notice, nid: int, body: Capture | None) -> None:
    """Apply an amending instrument to each tracked document it amends; keep the rest declared."""
    work.counts["amendments"] += 1
    if body is None:
        return  # already reported: no readable body
    amendment = work.amendment(notice, body)
    targets: dict[int, None] = {}  # ordered set: each tracked document once
    for article in amendment.articles:
        name = article.instrument or notice.document or ""
        doc_id = work.tracked.match(name)
        if doc_id is None and len(amendment.articles) == 1:
            doc_id = work.tracked.match(notice.document)
        if doc_id is not None:
            targets[doc_id] = None
        else:
            kept = record_unapplied(work.conn, name or notice.title, nid, _declared(article.directives))
            work.counts["instructions_unapplied"] += kept
    for doc_id in targets:
        _apply_amendment(work, doc_id, amendment, notice, nid)


def _declared(directives: Sequence[Directive]) -> tuple[Instruction, ...]:
    """What a clause orders, in its own labels (no base text to resolve them against)."""
    return tuple(Instruction(d.verb, d.label, d.new_label, d.source) for d in directives)


def _apply_amendment(work: _Ingest, doc_id: int, amendment: Amendment, notice: Notice, nid: int) -> None:
    """Apply along the timeline (``pipeline.timeline``): each change from its own day in force,
    before revisions in force later; changes whose day depends on a declaratoria wait."""
    conn = work.conn
    done = apply_on_timeline(conn, doc_id, amendment, notice, nid)
    outcome = done.outcome
    work.counts.update(instructions=record_instructions(conn, doc_id, nid, outcome.instructions),
                       discrepancies=record_discrepancies(conn, doc_id, nid, outcome.discrepancies),
                       changes=done.changes, amendments_applied=1, findings=done.findings)
    if done.waiting:
        work.counts["changes_waiting"] += done.waiting   # listed by pending until their day is fixed
    save_notice(conn, notice, document_id=doc_id)


def _ingest_amendment_or_declaratoria(work: _Ingest, notice: Notice, nid: int, body: Capture | None) -> None:
    """A "DECLARATORIA de entrada en vigor del Decreto por el que se reforma …" is titled like an
    amendment but fixes the day of one that waits; everything else is an amendment."""
    if body is not None and fold(notice.title).startswith("declaratoria"):
        doc_id = work.tracked.match(notice.document)
        declaratoria = read_declaratoria(read_amendment_text(body.body, body.url))
        if doc_id is not None and declaratoria is not None:
            done = apply_declaratoria(work.conn, doc_id, declaratoria, notice)
            if done is None:
                raise InputError(f"una declaratoria de {quoted(work.tracked.titles[doc_id])} no fija el "
                                 "día de ningún decreto suyo que lo espere")
            work.counts.update(declaratorias=1, changes=done.changes, findings=done.findings)
            save_notice(work.conn, notice, document_id=doc_id)
            return
    _ingest_amendment(work, notice, nid, body)


def _effective(work: _Ingest, rule: EntryIntoForce, notice: Notice) -> date:
    """The day an instrument takes effect: what its transitorios fix (CCF art. 3 when they say
    nothing); a pending rule (a declaratoria) starts on the publication day, with a warning."""
    effective = rule.effective(notice.date)
    if effective is None:
        work.warnings.append(f"{notice.codigo}: la entrada en vigor («{entry_words(rule)}») no fija una "
                             f"fecha; las versiones rigen desde su publicación, el {long_date(notice.date)}")
        return notice.date
    return effective


def _keep_declared(work: _Ingest, notice: Notice, nid: int, amendment: Amendment) -> None:
    """After a failed application, keep what the clause declared as unapplied instructions
    (a body that could not be read declares nothing; the notice and its body are stored)."""
    for article in amendment.articles:
        name = article.instrument or notice.document or notice.title
        doc_id = work.tracked.match(name)
        if doc_id is None:
            doc_id = work.tracked.match(notice.document)
        title = work.tracked.titles[doc_id] if doc_id is not None else name
        work.counts["instructions_unapplied"] += record_unapplied(
            work.conn, title, nid, _declared(article.directives))


def _ingest_creation(work: _Ingest, notice: Notice, nid: int, body: Capture | None) -> None:
    """A new instrument: register it with its full text (or, if tracked, record a new version)."""
    work.counts["creations"] += 1
    if body is None:
        return
    document = work.reader.statute(body)
    if not has_own_text(document):
        raise ParseError("su cuerpo no trae disposiciones propias (solo dice cuándo entra en vigor): "
                         "no se registra como documento")
    title = notice.document or document.title
    valid_from = _effective(work, entry_into_force(_transitorios(document)), notice)
    doc_id = work.tracked.match(title)
    if doc_id is None:
        doc_id = register_document(work.conn, title, document, valid_from, nid, kind=kind_word(title))
        work.tracked.titles[doc_id] = title
        work.counts["documents_registered"] += 1
        work.counts["findings"] += len(document.findings)  # a read text: what register_document kept
    else:
        _replace_text(work, doc_id, document, valid_from, nid)
    save_notice(work.conn, notice, document_id=doc_id)
    applied = apply_pending(work.conn, doc_id, valid_from)
    if applied.applied:
        work.counts["amendments_applied"] += applied.applied
        work.counts["changes"] += applied.changes
    work.warnings.extend(applied.warnings)


def _replace_text(work: _Ingest, doc_id: int, document: Document, valid_from: date, nid: int) -> None:
    """A tracked instrument issued again in full: a new version, unless the text is the same."""
    current = current_document(work.conn, doc_id)
    if root_digest(current) == root_digest(document):
        work.counts["documents_known"] += 1
        return
    latest = latest_revision(work.conn, doc_id)
    if valid_from < latest.valid_from:
        raise StoreError(f"un texto íntegro vigente desde el {long_date(valid_from)} es anterior al "
                         f"guardado (vigente desde el {long_date(latest.valid_from)}): no se aplica")
    changes = changes_between(current, document)
    applied = apply_new_version(work.conn, doc_id, document, changes, valid_from, nid)
    work.counts.update(changes=applied.changes, documents_reissued=1, findings=applied.findings)


_IN_FORCE_CLAUSE = re.compile(r"entrar[aá]n?\s+en\s+vigor|surtir[aá]n?\s+(?:sus\s+)?efectos", re.IGNORECASE)


_OWN_UNITS = frozenset({Kind.NUMERAL, Kind.APARTADO})


def has_own_text(document: Document) -> bool:
    """Does the body hold the instrument itself: an artículo (or, in a manual, NOM or
    lineamientos made of numbered units, a top-level numeral or apartado) that says more than
    when it takes effect? A note whose only article is "ÚNICO.- El presente … entrará en vigor …"
    is the DOF's cover for a text published elsewhere (PDF, annex), not a text we can version."""
    for provision in document.walk():
        top_level_unit = provision.kind in _OWN_UNITS and len(Label.parse(provision.label)) == 1
        if provision.kind is Kind.ARTICULO or top_level_unit:
            text = provision_text(provision)
            if len(text) > 400 or not _IN_FORCE_CLAUSE.search(text):
                return True
    return False


def _transitorios(document: Document) -> tuple[Transitorio, ...]:
    found = [p for p in document.provisions if p.kind is Kind.TRANSITORIO]
    return tuple(Transitorio(i, provision_text(p)) for i, p in enumerate(found, start=1))


def _ingest_errata(work: _Ingest, notice: Notice, nid: int, body: Capture | None) -> None:
    """Errata and aclaraciones correct the text of the publication they name (pipeline.errata)."""
    work.counts["errata"] += 1
    if body is not None:
        done = ingest_errata(work.conn, work.tracked, notice, nid, body)
        counted = {"changes": done.changes, "discrepancies": done.discrepancies,
                   "errata_outside_text": done.outside, "errata_applied": int(bool(done.changes))}
        work.counts.update({key: value for key, value in counted.items() if value})
        work.warnings.extend(done.warnings)
        if done.document_id is not None:
            save_notice(work.conn, notice, document_id=done.document_id)


def _ingest_abrogation(work: _Ingest, notice: Notice, nid: int, body: Capture | None) -> None:
    """A tracked document abrogated: every provision ``abrogado`` from the abrogating
    instrument's entry into force (its transitorios; CCF art. 3 when it has none we can read)."""
    work.counts["abrogations"] += 1
    doc_id = work.tracked.match(notice.document)
    if doc_id is None:
        return
    rule = entry_into_force(())
    if body is not None:
        with contextlib.suppress(TrackerError):   # its transitorios unreadable: the CCF default
            rule = entry_into_force(_transitorios(work.reader.statute(body)))
    applied = abrogate(work.conn, doc_id, _effective(work, rule, notice), nid)
    work.counts.update(documents_abrogated=int(applied.changed), changes=applied.changes)
    save_notice(work.conn, notice, document_id=doc_id)


_NoticeHandler = Callable[[_Ingest, Notice, int, "Capture | None"], None]
_HANDLERS: dict[NoticeKind, _NoticeHandler] = {
    NoticeKind.AMENDS: _ingest_amendment_or_declaratoria,
    NoticeKind.CREATES: _ingest_creation,
    NoticeKind.ERRATA: _ingest_errata,
    NoticeKind.ABROGATES: _ingest_abrogation,
}



# --- a text imported as of a date ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ImportResult:
    document_id: int
    title: str
    created: bool
    changes: int
    pending: PendingResult
    findings: int = 0  # stored about the imported text (its reading's and the structural check's)


def import_text(conn: Connection, document: Document, title: str | None, as_of: date) -> ImportResult:
    """Register a text as of a date (or make it a new version of the document it names), then
    apply the amendments stored for it that came later. Runs inside the caller's transaction."""
    title = " ".join((title or document.title).split()).rstrip(".") or document.title
    found = Tracked.load(conn).match(title)
    changes = 0
    if found is None:
        doc_id = register_document(conn, title, document, as_of, kind=kind_word(title))
    else:
        doc_id = found
        latest = latest_revision(conn, doc_id)
        if as_of < latest.valid_from:
            raise InputError(f"{quoted(document_title(conn, doc_id))} ya tiene un texto del "
                             f"{long_date(latest.valid_from)}: importe un texto de ese día o posterior")
        current = current_document(conn, doc_id)
        changes = apply_new_version(conn, doc_id, document, changes_between(current, document),
                                    as_of).changes
    findings = len(stored_findings(conn, doc_id, latest_revision(conn, doc_id).number))
    pending = apply_pending(conn, doc_id, as_of)
    stored = document_title(conn, doc_id)
    return ImportResult(doc_id, stored, found is None, changes, pending, findings)
