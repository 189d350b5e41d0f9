"""One document of a store, read through Python: its provisions found by citation as people write
it, each provision's history across renumbering, its text on a day, the redline between two days,
its findings and its changes. The ``Store`` (``store.api``) hands it out and opens its connections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from diffing.model import ChangeType
from diffing.text import redline
from errors import NotFound, NotInForce
from gazette import Notice, mexico_today
from parser.citations import format_citation, read_citation
from parser.dates import long_date
from parser.labels import Label
from parser.model import Document, Finding, Kind, Provision

from . import schema as s
from .change_log import change_entries
from .findings import stored_findings
from .inputs import DateLike, as_date
from .lineage import lineage
from .records import notice_columns, notice_from_row
from .revision_reads import Revision, document_at, revision_at, revisions, subtree_rows
from .timeline import PendingChange, waiting_versions
from .tree import RowIndex, StoredRow
from .values import ChangeEntry, Comparison, DocumentInfo, Version, short

if TYPE_CHECKING:
    from .api import Store

_NOTICE_COLUMNS = notice_columns()


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
                       f"({short(self.title, 60)})")

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
                title, gone = short(self.title, 60), long_date(latest.valid_to)
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
        now = as_date(on, "on") if on is not None else mexico_today()
        with self.store.engine.connect() as conn:
            label = self._label(conn, citation)
            chain = lineage(conn, self.id, label)
            labels = {row.label for _, row in chain} | {label}
            waits = waiting_versions(conn, self.id, labels)
            if not chain and not waits:
                raise NotFound(f"el documento no tiene {format_citation(label)} ({short(self.title, 60)})")
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
            window = change_entries(conn, [c.c.document_id == self.id, c.c.valid_from > low,
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
                f"{short(self.title, 60)!r}" + (f" ({when})" if when else ""))

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



__all__ = ["DocumentHandle"]
