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

This module is the ``Store`` facade: opening and closing a store, finding a document, and the
store-wide listings. One document's reads are ``store.handle``, the values ``store.values``, the
change log query ``store.change_log``, the input checks ``store.inputs``.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, Engine, select

from diffing.model import ChangeType
from errors import InputError, NotFound
from gazette import Notice, NoticeKind, mexico_today

from . import schema as s
from .bookkeeping import Problem, RunRecord, problems, runs
from .catalog import documents, find_documents, normalize_title
from .change_log import _changes
from .db import open_engine, safe_url
from .handle import DocumentHandle
from .inputs import DateLike, as_date, change_type, notice_kind
from .listings import DocumentSummary, StoredDiscrepancy, document_summaries, stored_discrepancies
from .records import notice_columns, notice_from_row
from .timeline import PendingChange, pending_changes
from .values import ChangeEntry, DocumentInfo, short


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
                listed = "; ".join(f"[{i}] {short(title, 70)}" for i, title in matches[:10])
                raise InputError(f"{short(name, 60)!r} coincide con {len(matches)} documentos: {listed}")
            matches = tuple(exact)
        if not matches:
            raise NotFound(f"ningún documento coincide con {short(name, 60)!r}"
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
            conditions.append(c.c.type == str(change_type(type)))
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
            query = query.where(n.c.kind == str(notice_kind(kind)))
        with self.engine.connect() as conn:
            return tuple(notice_from_row(row) for row in conn.execute(query))

    def pending(self, on: DateLike | None = None, document: str | int | None = None
                ) -> tuple[PendingChange, ...]:
        """Published changes not in force on ``on`` (default: today in Mexico City): those in
        force later, soonest first, then those whose day depends on a declaratoria or a
        condition (no ``valid_from``; ``reason`` says why)."""
        day = as_date(on, "on") if on is not None else mexico_today()
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


__all__ = ["Store", "open_store"]
