"""The Python-shell API: open a store and ask what a provision said, when, and why it changed.

    >>> from store import open_store                              # doctest: +SKIP
    >>> tracker = open_store()                                    # doctest: +SKIP
    >>> estatuto = tracker.document("imss-bienestar")             # doctest: +SKIP
    >>> estatuto.history("57, fracción IX")                       # doctest: +SKIP
    (<Version artículo 57, fracción IX 2023-03-01..2024-05-16 vigente 'IX. Las demás que le ...'>,
     <Version artículo 57, fracción IX 2024-05-16.. derogado (derogated, DOF 5727035) 'IX. Se deroga.'>)
    >>> estatuto.at("57, fracción IX", "2024-05-01").text          # doctest: +SKIP
    >>> tracker.changes(since="2024-05-01", type="derogated")     # doctest: +SKIP

Every value is frozen, prints readably, and has ``to_json()`` in the shapes of DESIGN.md §1.3.
Every user input (document names, citations, dates, change types) reaches SQL only as a bound
parameter, or is refused with ``InputError`` before it gets there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Engine, select

from diffing.model import Change, ChangeType, DiffOp, Redline
from diffing.text import redline
from errors import InputError, NotFound, NotInForce
from gazette import Notice, NoticeKind
from parser.citations import format_citation, read_citation
from parser.dates import long_date
from parser.labels import Label
from parser.model import Document, Finding, Kind, Provision, Status
from parser.render import provision_text

from . import schema as s
from .db import open_engine, safe_url
from .findings import revision_counts, stored_findings
from .lineage import lineage
from .listings import DocumentSummary, StoredDiscrepancy, document_summaries, stored_discrepancies
from .records import Problem, RunRecord, notice_columns, notice_from_row, problems, runs
from .timeline import PendingChange, pending_changes, today, waiting_versions
from .tree import RowIndex, StoredRow
from .versions import (
    Revision,
    decode_diff,
    document_at,
    documents,
    find_documents,
    normalize_title,
    revision_at,
    revisions,
    subtree_rows,
)

DateLike = date | str
E = TypeVar("E", bound=Enum)
Day = date  # for classes with a field called ``date``


def as_date(value: DateLike, what: str = "date") -> date:
    """A date from a ``date`` or an ISO string; ``InputError`` for anything else."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{what}: se esperaba una fecha AAAA-MM-DD, no {str(value)[:40]!r}") from None


def one_of(kind: type[E], value: E | str, unknown: str) -> E:
    """The member of the enum ``kind`` named by ``value``; otherwise ``InputError`` saying
    ``unknown`` ("rol desconocido") and listing the values allowed."""
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in kind)
        raise InputError(f"{unknown}: {str(value)[:40]!r} (valores posibles: {allowed})") from None


def _short(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 3] + "..."


def _notice_json(notice: Notice | None) -> dict[str, Any] | None:
    return notice.to_json() if notice is not None else None


# --- values -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A tracked document: its id, title, kind, first date and number of revisions."""

    id: int
    title: str
    kind: str
    since: date
    revisions: int

    def __repr__(self) -> str:
        return (f"<Document {self.id} {_short(self.title, 60)!r} since {self.since.isoformat()}, "
                f"{self.revisions} revision{'s' if self.revisions != 1 else ''}>")

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "kind": self.kind, "since": self.since.isoformat(),
                "revisions": self.revisions}


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a provision: its text (children included), when it held, what made it.

    ``pending``: published but not in force today, either from a later ``valid_from`` or, with
    ``valid_from`` None, waiting for a day no text fixes yet (``reason`` says why, in Spanish).
    ``label`` is the provision's label in this version (it changes across renumbering).
    """

    document: str
    label: str
    provision: Provision
    valid_from: date | None
    valid_to: date | None
    change: ChangeType | None
    notice: Notice | None
    revision: int | None
    pending: bool = False
    reason: str | None = None

    @property
    def text(self) -> str:
        """The full text of the provision in this version, its fracciones and incisos included."""
        return provision_text(self.provision)

    @property
    def status(self) -> Status:
        return self.provision.status

    @property
    def citation(self) -> str:
        return format_citation(self.label)

    def __repr__(self) -> str:
        until = self.valid_to.isoformat() if self.valid_to else ""
        since = self.valid_from.isoformat() if self.valid_from else "(sin fecha)"
        cause = ""
        if self.change is not None:
            cause = f" ({self.change}{', DOF ' + self.notice.codigo if self.notice else ''})"
        return (f"<Version {self.citation} {since}..{until} {self.status}{' pending' if self.pending else ''}"
                f"{cause} {_short(self.text)!r}>")

    def to_json(self) -> dict[str, Any]:
        """One item of ``history --json``'s ``versions`` (DESIGN §1.3, plus ``label``, ``pending``
        and, for a version waiting for its day, ``reason``)."""
        out = {"text": self.text, "status": str(self.status),
               "valid_from": self.valid_from.isoformat() if self.valid_from else None,
               "valid_to": self.valid_to.isoformat() if self.valid_to else None,
               "change": str(self.change) if self.change else None, "notice": _notice_json(self.notice),
               "label": self.label, "pending": self.pending}
        if self.reason is not None:
            out["reason"] = self.reason
        return out

    def at_json(self, on: date) -> dict[str, Any]:
        """What ``at --json`` prints for this version asked about on ``on``."""
        return {"document": self.document, "label": self.label, "date": on.isoformat(), "text": self.text,
                "status": str(self.status), "notice": _notice_json(self.notice)}


def history_json(versions: Sequence[Version]) -> dict[str, Any]:
    """What ``history --json`` prints: ``{"document", "label", "versions": [...]}``, oldest first."""
    if not versions:
        raise InputError("no hay versiones que mostrar")
    return {"document": versions[0].document, "label": versions[0].label,
            "versions": [v.to_json() for v in versions]}


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    """One line of the change log: a recorded change with its document and DOF notice."""

    document: str
    document_id: int
    date: Day
    valid_from: Day
    change: Change
    notice: Notice | None
    reconciled: bool
    origin: str
    revision: int = 0   # the document revision the change made
    findings: int = 0   # findings stored about that revision's text (DocumentHandle.findings)
    id: int = 0         # the change row's id (what a review is about: store.review)

    @property
    def label(self) -> str:
        return self.change.label

    @property
    def type(self) -> ChangeType:
        return self.change.type

    @property
    def citation(self) -> str:
        return format_citation(self.change.label) if self.change.label else "todo el instrumento"

    def __repr__(self) -> str:
        source = f" DOF {self.notice.codigo}" if self.notice else ""
        moved = f" (from {format_citation(self.change.from_label)})" if self.change.from_label else ""
        return (f"<ChangeEntry {self.date.isoformat()} {self.type} {self.citation}{moved} in "
                f"{_short(self.document, 30)!r}{source}>")

    def to_json(self) -> dict[str, Any]:
        """DESIGN §1.3's change object, plus ``document``, ``date``, ``valid_from``, ``reconciled``
        and ``findings`` (how many doubts the text of the revision it made has)."""
        return {**self.change.to_json(), "notice": _notice_json(self.notice), "document": self.document,
                "date": self.date.isoformat(), "valid_from": self.valid_from.isoformat(),
                "reconciled": self.reconciled, "findings": self.findings, "id": self.id}


@dataclass(frozen=True, slots=True)
class Comparison:
    """A provision on two dates: both versions, a word-level redline, and the changes between."""

    document: str
    label: str
    date1: date
    date2: date
    before: Version | None
    after: Version | None
    diff: Redline
    changes: tuple[ChangeEntry, ...]

    @property
    def changed(self) -> bool:
        return any(op is not DiffOp.EQUAL for op, _ in self.diff)

    def __repr__(self) -> str:
        what = f"{len(self.changes)} recorded change(s)" if self.changed else "unchanged"
        return (f"<Comparison {format_citation(self.label)} {self.date1.isoformat()} -> "
                f"{self.date2.isoformat()}: {what}>")

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "label": self.label, "date1": self.date1.isoformat(),
                "date2": self.date2.isoformat(),
                "before": self.before.text if self.before else None,
                "after": self.after.text if self.after else None,
                "diff": [[str(op), piece] for op, piece in self.diff],
                "changes": [c.to_json() for c in self.changes]}


# --- the store ----------------------------------------------------------------------------------
def open_store(url: str | None = None) -> Store:
    """Open (and migrate) the store at ``url``: default ``$DOF_TRACKER_DB``, else the user's
    SQLite file."""
    return Store(open_engine(url))


_NOTICE_COLUMNS = notice_columns()


class Store:
    """A tracker database, read through Python: documents, provisions, changes and notices."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __repr__(self) -> str:
        return f"<Store {self.url}>"

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return safe_url(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def documents(self) -> tuple[DocumentInfo, ...]:
        """Every tracked document, by id."""
        with self.engine.connect() as conn:
            return tuple(DocumentInfo(*row) for row in documents(conn))

    def document(self, name_or_id: str | int) -> DocumentHandle:
        """A document by id or by any unambiguous part of its title (case and accents ignored).

        Several matches raise ``InputError`` listing them, unless one title is exactly the name.
        """
        with self.engine.connect() as conn:
            info = self._resolve(conn, name_or_id)
        return DocumentHandle(self, info)

    def _resolve(self, conn: Connection, name_or_id: str | int) -> DocumentInfo:
        known = {row[0]: DocumentInfo(*row) for row in documents(conn)}
        if isinstance(name_or_id, int) or str(name_or_id).strip().isdigit():
            wanted = int(name_or_id)
            if wanted in known:
                return known[wanted]
            if isinstance(name_or_id, int):
                raise NotFound(f"no hay ningún documento con id {wanted}")
        name = str(name_or_id)
        matches = find_documents(conn, name)
        if len(matches) > 1:
            exact = [m for m in matches if normalize_title(m[1]) == normalize_title(name)]
            if len(exact) != 1:
                listed = "; ".join(f"[{i}] {_short(title, 70)}" for i, title in matches[:10])
                raise InputError(f"{_short(name, 60)!r} coincide con {len(matches)} documentos: {listed}")
            matches = tuple(exact)
        if not matches:
            raise NotFound(f"ningún documento coincide con {_short(name, 60)!r}"
                           + (f" (hay {len(known)}; véase documents())" if known else ""))
        return known[matches[0][0]]

    def changes(self, since: DateLike | None = None, until: DateLike | None = None,
                document: str | int | None = None, type: ChangeType | str | None = None,
                ) -> tuple[ChangeEntry, ...]:
        """The change log, oldest first: changes that became known between ``since`` and
        ``until`` (both included), optionally of one document and one type."""
        c = s.change
        conditions: list[ColumnElement[bool]] = []
        if since is not None:
            conditions.append(c.c.date >= as_date(since, "since"))
        if until is not None:
            conditions.append(c.c.date <= as_date(until, "until"))
        if type is not None:
            conditions.append(c.c.type == str(_change_type(type)))
        with self.engine.connect() as conn:
            if document is not None:
                conditions.append(c.c.document_id == self._resolve(conn, document).id)
            return _changes(conn, conditions)

    def notices(self, on: DateLike | None = None, since: DateLike | None = None,
                until: DateLike | None = None, kind: NoticeKind | str | None = None) -> tuple[Notice, ...]:
        """What the DOF published (as far as we fetched it), by date and edition."""
        n = s.notice
        query = select(*_NOTICE_COLUMNS).order_by(n.c.date, n.c.edition, n.c.codigo)
        if on is not None:
            query = query.where(n.c.date == as_date(on, "date"))
        if since is not None:
            query = query.where(n.c.date >= as_date(since, "since"))
        if until is not None:
            query = query.where(n.c.date <= as_date(until, "until"))
        if kind is not None:
            query = query.where(n.c.kind == str(_notice_kind(kind)))
        with self.engine.connect() as conn:
            return tuple(notice_from_row(row) for row in conn.execute(query))

    def pending(self, on: DateLike | None = None, document: str | int | None = None
                ) -> tuple[PendingChange, ...]:
        """Published changes not in force on ``on`` (default: today in Mexico City): those in
        force later, soonest first, then those whose day depends on a declaratoria or a
        condition (no ``valid_from``; ``reason`` says why)."""
        day = as_date(on, "on") if on is not None else today()
        with self.engine.connect() as conn:
            document_id = self._resolve(conn, document).id if document is not None else None
            return pending_changes(conn, day, document_id)

    def runs(self, since: DateLike | None = None) -> tuple[RunRecord, ...]:
        """The nightly run records (one per edition attempt), oldest first."""
        with self.engine.connect() as conn:
            return runs(conn, as_date(since, "since") if since is not None else None)

    def problems(self) -> tuple[Problem, ...]:
        """Editions that need attention (stored, but a notice could not be read or applied) and
        failed ones not retried successfully yet, by day: the next run retries them all."""
        with self.engine.connect() as conn:
            return problems(conn)

    def summaries(self) -> tuple[DocumentSummary, ...]:
        """Every tracked document with its change count and last change date."""
        with self.engine.connect() as conn:
            return document_summaries(conn)

    def discrepancies(self, document: str | int | None = None, since: DateLike | None = None,
                      until: DateLike | None = None) -> tuple[StoredDiscrepancy, ...]:
        """What instruments declared and their text did not show, and the reverse, with the
        notice; ``since``/``until`` filter by the notice's date (both included)."""
        with self.engine.connect() as conn:
            document_id = self._resolve(conn, document).id if document is not None else None
            return stored_discrepancies(conn, document_id, as_date(since, "since") if since else None,
                                        as_date(until, "until") if until else None)


def _change_type(value: ChangeType | str) -> ChangeType:
    try:
        return ChangeType(value)
    except ValueError:
        allowed = ", ".join(t.value for t in ChangeType)
        raise InputError(f"tipo de cambio desconocido {str(value)[:40]!r} (uno de: {allowed})") from None


def _notice_kind(value: NoticeKind | str) -> NoticeKind:
    try:
        return NoticeKind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in NoticeKind)
        raise InputError(f"clase de aviso desconocida {str(value)[:40]!r} (una de: {allowed})") from None


_TYPES = {kind.value: kind for kind in ChangeType}


def _changes(conn: Connection, conditions: Sequence[ColumnElement[bool]]) -> tuple[ChangeEntry, ...]:
    """The change log rows matching ``conditions``, oldest first.

    Rows are read positionally and each notice is built once per query: a month of changes is
    thousands of rows sharing a few dozen notices, and per-row overhead is what this costs.
    """
    c, d, n = s.change, s.document, s.notice
    query = (select(c.c.label, c.c.type, c.c.from_label, c.c.before, c.c.after, c.c.diff, c.c.date,
                    c.c.valid_from, c.c.reconciled, c.c.origin, c.c.document_id, d.c.title, n.c.id,
                    c.c.revision, c.c.id, *_NOTICE_COLUMNS)
             .join(d, d.c.id == c.c.document_id).outerjoin(n, n.c.id == c.c.notice_id)
             .where(c.c.revision.is_not(None), *conditions).order_by(c.c.date, c.c.id))
    notices: dict[int, Notice] = {}
    entries = []
    for row in conn.execute(query):
        (label, kind, from_label, before, after, diff, day, valid_from, reconciled, origin, document_id,
         title, notice_id, revision, change_id) = row[:15]
        notice = None
        if notice_id is not None:
            notice = notices.get(notice_id)
            if notice is None:
                notice = notices[notice_id] = notice_from_row(row)
        change = Change(label, _TYPES[kind], before, after, decode_diff(diff, before, after), from_label)
        entries.append(ChangeEntry(title, document_id, day, valid_from, change, notice, bool(reconciled),
                                   origin, revision, id=change_id))
    counts = revision_counts(conn, sorted({(e.document_id, e.revision) for e in entries}))
    if not counts:
        return tuple(entries)
    return tuple(replace(e, findings=counts.get((e.document_id, e.revision), 0)) for e in entries)


# --- one document -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DocumentHandle:
    """One document of a store: its provisions by citation, their history, texts and changes."""

    store: Store
    info: DocumentInfo

    @property
    def id(self) -> int:
        return self.info.id

    @property
    def title(self) -> str:
        return self.info.title

    def __repr__(self) -> str:
        return repr(self.info)

    def label(self, citation: str) -> str:
        """The label of a provision of this document, cited as people write it ("57, fracción
        IX", "art. 2o.-A"): ``CitationError`` (an ``InputError``) names a word that cannot be
        read, ``NotFound`` says the document never had the provision; never its parent instead.

        A bare number ("7 Bis", "4, inciso a)") names an artículo, except in an instrument made
        of top-level numerales or apartados (a manual, a NOM), where it names that unit.
        """
        with self.store.engine.connect() as conn:
            return self._label(conn, citation)

    def _label(self, conn: Connection, citation: str) -> str:
        cited = read_citation(citation)
        candidates = [cited.label]
        (kind, number), *inner = cited.label.parts
        if cited.bare and kind is Kind.ARTICULO:
            candidates += [Label(((unit, number), *inner)) for unit in (Kind.NUMERAL, Kind.APARTADO)]
        for candidate in candidates:
            if _has_label(conn, self.id, str(candidate)):
                return str(candidate)
        raise NotFound(f"el documento no tiene {format_citation(cited.label)} "
                       f"({_short(self.title, 60)})")

    def text(self, on: DateLike | None = None) -> Document:
        """The whole document, as in force on ``on`` (default: its latest text)."""
        with self.store.engine.connect() as conn:
            day = as_date(on) if on is not None else revisions(conn, self.id)[-1].valid_from
            return document_at(conn, self.id, day)

    def revisions(self) -> tuple[Revision, ...]:
        """Every state of the document, oldest first."""
        with self.store.engine.connect() as conn:
            return revisions(conn, self.id)

    def provision(self, citation: str, on: DateLike | None = None) -> Provision:
        """A provision (with its children) as in force on ``on``, default in the latest text."""
        if on is None:
            latest = [v for v in self.history(citation) if v.valid_from is not None][-1]
            if latest.valid_to is not None:
                title, gone = _short(self.title, 60), long_date(latest.valid_to)
                raise NotInForce(f"{latest.citation} no está en el texto vigente de {title!r} "
                                 f"(dejó de estarlo el {gone})")
            return latest.provision
        return self.at(citation, on).provision

    def history(self, citation: str, on: DateLike | None = None) -> tuple[Version, ...]:
        """Every version of a provision, oldest first, each with the notice that made it.

        Across renumbering (``store.lineage``): the versions of fracción V before it became VI
        are in the history of fracción VI, each with its label then. Versions not yet in force
        on ``on`` (default: today in Mexico City) are ``pending``; changes waiting for their day
        (a declaratoria) come last, with no ``valid_from``.
        """
        now = as_date(on, "on") if on is not None else today()
        with self.store.engine.connect() as conn:
            label = self._label(conn, citation)
            chain = lineage(conn, self.id, label)
            labels = {row.label for _, row in chain} | {label}
            waits = waiting_versions(conn, self.id, labels)
            if not chain and not waits:
                raise NotFound(f"el documento no tiene {format_citation(label)} ({_short(self.title, 60)})")
            ids = {r.notice_id for _, r in chain if r.notice_id is not None}
            notices = _notices(conn, ids | {w.notice_id for w in waits if w.notice_id is not None})
        versions = [self._version(index, row, notices, pending=row.valid_from > now) for index, row in chain]
        versions.extend(Version(self.title, w.label, w.provision, None, None, w.change,
                                notices.get(w.notice_id) if w.notice_id is not None else None, None,
                                pending=True, reason=w.reason) for w in waits)
        return tuple(versions)

    def pending(self, on: DateLike | None = None) -> tuple[PendingChange, ...]:
        """This document's published changes not in force on ``on`` (default: today in Mexico
        City): in force later, or waiting for a day (a declaratoria)."""
        return self.store.pending(on, document=self.id)

    def at(self, citation: str, on: DateLike) -> Version:
        """The provision as in force on ``on``; ``NotFound`` if it did not exist then."""
        day = as_date(on)
        with self.store.engine.connect() as conn:
            label = self._label(conn, citation)
            revision = revision_at(conn, self.id, day)
            index = subtree_rows(conn, self.id, label, revision.number)
            row = index.live(label, revision.number)
            if row is None:
                raise NotInForce(self._not_in_force(conn, label, day))
            notices = _notices(conn, {row.notice_id} if row.notice_id is not None else set())
        return self._version(index, row, notices)

    def diff(self, citation: str, date1: DateLike, date2: DateLike) -> Comparison:
        """A provision on two dates: the versions, their redline and the recorded changes between."""
        label, day1, day2 = self.label(citation), as_date(date1, "date1"), as_date(date2, "date2")
        before, after = self._maybe_at(label, day1), self._maybe_at(label, day2)
        if before is None and after is None:
            raise NotInForce(f"{format_citation(label)} no estaba vigente ni el {long_date(day1)} ni el "
                             f"{long_date(day2)}")
        low, high = min(day1, day2), max(day1, day2)
        labels = {p.label for v in (before, after) if v is not None for p in v.provision.walk()}
        c = s.change
        with self.store.engine.connect() as conn:
            window = _changes(conn, [c.c.document_id == self.id, c.c.valid_from > low,
                                     c.c.valid_from <= high])
        changes = tuple(e for e in window if e.label in labels or e.change.from_label in labels)
        diff = redline(before.text if before else "", after.text if after else "")
        return Comparison(self.title, label, day1, day2, before, after, diff, changes)

    def findings(self, on: DateLike | None = None) -> tuple[Finding, ...]:
        """The doubts about the text in force on ``on`` (default: the latest text): what its
        reading raised and the structural check found (``parser.check``), as ``Finding`` values."""
        with self.store.engine.connect() as conn:
            revision = revision_at(conn, self.id, as_date(on)) if on is not None else \
                revisions(conn, self.id)[-1]
            return stored_findings(conn, self.id, revision.number)

    def changes(self, since: DateLike | None = None, until: DateLike | None = None,
                type: ChangeType | str | None = None) -> tuple[ChangeEntry, ...]:
        """This document's change log."""
        return self.store.changes(since=since, until=until, document=self.id, type=type)

    def _not_in_force(self, conn: Connection, label: str, day: date) -> str:
        """Why a provision the document has was not in force on ``day``: when it was."""
        rows = subtree_rows(conn, self.id, label).versions(label)
        first, last = rows[0].valid_from, rows[-1].valid_to
        when = (f"en vigor desde el {long_date(first)}" if day < first else
                f"dejó de estarlo el {long_date(last)}" if last is not None else "")
        return (f"{format_citation(label)} no estaba vigente el {long_date(day)} en "
                f"{_short(self.title, 60)!r}" + (f" ({when})" if when else ""))

    def _maybe_at(self, label: str, day: date) -> Version | None:
        try:
            return self.at(label, day)
        except NotFound:
            return None

    def _version(self, index: RowIndex, row: StoredRow, notices: dict[int, Notice],
                 pending: bool = False) -> Version:
        return Version(
            document=self.title, label=row.label, provision=index.provision(row),
            valid_from=row.valid_from, valid_to=row.valid_to,
            change=ChangeType(row.change) if row.change else None,
            notice=notices.get(row.notice_id) if row.notice_id is not None else None,
            revision=row.rev_from, pending=pending,
            reason=f"publicado; entra en vigor el {row.valid_from.isoformat()}" if pending else None,
        )


def change_entries(conn: Connection, conditions: Sequence[ColumnElement[bool]]) -> tuple[ChangeEntry, ...]:
    """The change log rows matching ``conditions`` (expressions over ``schema.change``), oldest
    first: for callers that page or filter the log themselves (the web application)."""
    return _changes(conn, conditions)


def _has_label(conn: Connection, document_id: int, label: str) -> bool:
    pv = s.provision_version
    query = select(pv.c.id).where(pv.c.document_id == document_id, pv.c.label == label).limit(1)
    return conn.execute(query).first() is not None


def _notices(conn: Connection, ids: set[int]) -> dict[int, Notice]:
    if not ids:
        return {}
    n = s.notice
    rows = conn.execute(select(n.c.id.label("n_id"), *_NOTICE_COLUMNS).where(n.c.id.in_(sorted(ids))))
    return {row.n_id: notice_from_row(row) for row in rows}


__all__ = [
    "ChangeEntry",
    "Comparison",
    "DocumentHandle",
    "DocumentInfo",
    "PendingChange",
    "Store",
    "Version",
    "as_date",
    "history_json",
    "one_of",
    "open_store",
    "provision_text",
]
