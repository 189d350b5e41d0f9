"""The reads the pages need that the Python API does not offer as such: one page of the change log
(newest first, with its total and per-instrument summary), a notice by its codigo with its changes
and discrepancies, a document by id without counting every document's revisions. Read-only, each
in one connection, every user value a bound parameter.

A page of the log is found by keyset (``store.paging``): the ids of the page, newest first, through
``ix_change_date`` from the cursor, then the entries of those ids through ``store.change_log.change_entries``,
so its cost does not grow with its depth in the log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select

from diffing import ChangeType
from errors import NotFound
from gazette import Notice
from store import schema as s
from store.api import Store
from store.change_log import change_entries
from store.handle import DocumentHandle
from store.paging import (
    Cursor,
    KeysetPage,
    count_capped,
    from_cursor,
    in_log,
    key_at,
    keyset_page,
    newer_than,
)
from store.records import notice_columns, notice_from_row
from store.review import DiscrepancyEntry, discrepancies
from store.values import ChangeEntry, DocumentInfo

from .params import PAGE_SIZE, ChangeFilters

#: how far the log is counted on either side of a page: an exact count of 300,000 rows costs more
#: than the rest of a page, and nobody pages that far (so a page deep in the log says "más de").
#: A type or document filter is counted as far: ``ix_change_type`` and ``ix_change_document`` end
#: in (date, id), so its count is an index-only walk too (10,000 derogations: 8 ms on PostgreSQL
#: at 326,000 changes, where reading each from the table took 190; bench/explain_change_log.py)
COUNT_AHEAD = 10_000


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """How many changes of each type one instrument (a DOF notice, or an imported text) made."""

    document_id: int
    document: str
    codigo: str | None
    notice_date: date | None
    notice_title: str
    counts: tuple[tuple[ChangeType, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)

    def to_json(self) -> dict[str, Any]:
        return {"document_id": self.document_id, "document": self.document, "codigo": self.codigo,
                "notice_date": self.notice_date.isoformat() if self.notice_date else None,
                "notice_title": self.notice_title, "counts": {str(t): n for t, n in self.counts},
                "total": self.total}


@dataclass(frozen=True, slots=True)
class ChangePage:
    """One page of the filtered change log, newest first, with where the pages next to it start:
    ``next`` (the "siguiente" link's ``after=``) and ``prev`` (the "anterior" link's
    ``before=``; ``newest`` when the previous page is the first one)."""

    entries: tuple[ChangeEntry, ...]
    total: int
    position: int  # matching changes newer than the page (counted up to ``cap`` + 1)
    summary: tuple[SummaryRow, ...]
    document_id: int | None = None
    exact: bool = True  # False: there are more than ``total`` (counting stopped there)
    next: Cursor | None = None
    prev: Cursor | None = None
    newest: bool = False  # the previous page is the newest one (link without a cursor)
    size: int = PAGE_SIZE
    cap: int = COUNT_AHEAD  # how far it was counted on either side

    @property
    def page(self) -> int | None:
        """The page's number when it is known (its position was counted), else None."""
        return self.position // self.size + 1 if self.position <= self.cap else None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


def _conditions(store: Store, filters: ChangeFilters) -> tuple[list[ColumnElement[bool]], int | None]:
    c = s.change
    found: list[ColumnElement[bool]] = [in_log()]
    if filters.since is not None:
        found.append(c.c.date >= filters.since)
    if filters.until is not None:
        found.append(c.c.date <= filters.until)
    if filters.type is not None:
        found.append(c.c.type == str(filters.type))
    document_id = None
    if filters.document:
        document_id = document_handle(store, filters.document).id
        found.append(c.c.document_id == document_id)
    return found, document_id


def change_conditions(store: Store, filters: ChangeFilters, extra: Sequence[ColumnElement[bool]] = ()
                      ) -> list[ColumnElement[bool]]:
    """What ``change_page`` selects, as conditions on ``schema.change``."""
    return [*_conditions(store, filters)[0], *extra]


def page_cursor(store: Store, filters: ChangeFilters, extra: Sequence[ColumnElement[bool]] = (),
                size: int = PAGE_SIZE) -> Cursor | None:
    """Where page ``filters.page`` starts, as the ``after=`` cursor of the change just before it
    (None past the end): ``page=N`` links are answered by a redirect to that keyset page."""
    with store.engine.connect() as conn:
        return key_at(conn, change_conditions(store, filters, extra), (filters.page - 1) * size - 1)


def past_the_end(store: Store, filters: ChangeFilters, extra: Sequence[ColumnElement[bool]] = ()
                 ) -> ChangePage:
    """An empty page that says how long the log is: what a ``page=N`` beyond the last page shows."""
    conditions, document_id = _conditions(store, filters)
    cap = COUNT_AHEAD
    with store.engine.connect() as conn:
        total = count_capped(conn, [*conditions, *extra], cap)
    return ChangePage((), min(total, cap), total, (), document_id, exact=total <= cap, cap=cap)


def change_page(store: Store, filters: ChangeFilters, *, extra: Sequence[ColumnElement[bool]] = (),
                size: int = PAGE_SIZE) -> ChangePage:
    """The page of the change log matching ``filters`` and the ``extra`` conditions on
    ``schema.change`` (the review-state filter) that ``filters.after`` or ``filters.before``
    point to (the newest page without either)."""
    conditions, document_id = _conditions(store, filters)
    conditions.extend(extra)
    cap = COUNT_AHEAD
    with store.engine.connect() as conn:
        found = keyset_page(conn, conditions, size=size, after=filters.after, before=filters.before)
        position, ahead = _counts(conn, conditions, found, filters, cap)
        entries = change_entries(conn, [s.change.c.id.in_(found.ids)]) if found.keys else ()
        newest_first = tuple(sorted(entries, key=lambda e: (e.date, e.id), reverse=True))
        summary = _summary(conn, newest_first)
    return ChangePage(newest_first, min(position, cap) + min(ahead, cap), position, summary, document_id,
                      exact=position <= cap and ahead <= cap, next=found.last if found.older else None,
                      prev=(found.first or filters.after) if found.newer else None,
                      newest=found.newer and position <= size, size=size, cap=cap)


def _counts(conn: Connection, conditions: Sequence[ColumnElement[bool]], found: KeysetPage,
            filters: ChangeFilters, cap: int) -> tuple[int, int]:
    """How many matching changes are newer than the page, and how many from its first on, each
    counted up to ``cap + 1`` (none newer than the newest page: it is not counted)."""
    position = ahead = 0
    anchor = found.first or filters.after or filters.before
    if anchor is not None and (filters.after or filters.before):
        position = count_capped(conn, [*conditions, newer_than(anchor)], cap, oldest_first=True)
    if found.first is not None:
        ahead = count_capped(conn, [*conditions, from_cursor(found.first)], cap)
    return position, ahead


def _summary(conn: Connection, entries: Sequence[ChangeEntry]) -> tuple[SummaryRow, ...]:
    """Per instrument shown on the page (newest first), how many changes of each type it made in
    all: the instrument's whole effect, not only the page's share of it.

    A change's ``date`` is its notice's date (or, for an imported text, the day it took effect),
    so each instrument's rows are found through ``ix_change_date`` by (date, notice or document).
    """
    c, n = s.change, s.notice
    first: dict[tuple[int, str | None], ChangeEntry] = {}
    for entry in entries:
        first.setdefault((entry.document_id, entry.notice.codigo if entry.notice else None), entry)
    if not first:
        return ()
    notice_ids = dict(conn.execute(select(n.c.codigo, n.c.id).where(
        n.c.codigo.in_(sorted({codigo for _, codigo in first if codigo})))).all())
    scope = [and_(c.c.date == e.date, c.c.document_id == document_id,
                  c.c.notice_id == notice_ids[codigo] if codigo else c.c.notice_id.is_(None))
             for (document_id, codigo), e in first.items()]
    query = (select(c.c.document_id, n.c.codigo, c.c.type, func.count()).outerjoin(n, n.c.id == c.c.notice_id)
             .where(or_(*scope)).group_by(c.c.document_id, n.c.codigo, c.c.type))
    counts: dict[tuple[int, str | None], dict[str, int]] = {}
    for document_id, codigo, kind, count in conn.execute(query):
        counts.setdefault((document_id, codigo), {})[kind] = count
    rows = []
    for key, entry in first.items():
        per_type = counts.get(key, {})
        notice = entry.notice
        rows.append(SummaryRow(entry.document_id, entry.document, key[1], notice.date if notice else None,
                               notice.title if notice else "",
                               tuple((t, per_type[str(t)]) for t in ChangeType if per_type.get(str(t)))))
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class NoticeView:
    """A DOF notice, what it changed in the tracked documents, and its discrepancies."""

    notice: Notice
    document_id: int | None
    changes: tuple[ChangeEntry, ...]
    discrepancies: tuple[DiscrepancyEntry, ...]

    def to_json(self) -> dict[str, Any]:
        return {**self.notice.to_json(), "document_id": self.document_id,
                "changes": [e.to_json() for e in self.changes],
                "discrepancies": [d.to_json() for d in self.discrepancies]}


def notice_view(store: Store, codigo: str) -> NoticeView:
    n, c = s.notice, s.change
    with store.engine.connect() as conn:
        row = conn.execute(select(n.c.id.label("nid"), n.c.document_id.label("ndoc"), *notice_columns())
                           .where(n.c.codigo == codigo)).first()
        if row is None:
            raise NotFound(f"no hay ninguna nota del DOF con el código «{codigo[:40]}»")
        changes = change_entries(conn, [c.c.date == row.n_date, c.c.notice_id == row.nid])
        found = discrepancies(conn, notice_id=row.nid)
    return NoticeView(notice_from_row(row), row.ndoc, changes, found)


def change_entry(store: Store, change_id: int) -> ChangeEntry:
    """One change record by id; ``NotFound`` when there is none."""
    with store.engine.connect() as conn:
        found = change_entries(conn, [s.change.c.id == change_id])
    if not found:
        raise NotFound(f"no hay ningún cambio con el número {change_id}")
    return found[0]


def latest_changes(store: Store, *, document_id: int | None = None, limit: int = 100
                   ) -> tuple[ChangeEntry, ...]:
    """The newest ``limit`` changes (of one document), newest first: what a feed carries."""
    c = s.change
    where = [c.c.document_id == document_id] if document_id is not None else []
    with store.engine.connect() as conn:
        ids = list(conn.execute(select(c.c.id).where(*where).order_by(c.c.date.desc(), c.c.id.desc())
                                .limit(limit)).scalars())
        entries = change_entries(conn, [c.c.id.in_(ids)]) if ids else ()
    return tuple(sorted(entries, key=lambda e: (e.date, e.id), reverse=True))


def renumberings(store: Store, document_id: int, label: str, *, moved_away: bool
                 ) -> tuple[tuple[ChangeEntry, ...], tuple[ChangeEntry, ...]]:
    """The renumberings that brought a provision to ``label`` (through ``ix_change_label``) and,
    when its last version is closed (``moved_away``), those that took it to another label."""
    c = s.change
    with store.engine.connect() as conn:
        came = change_entries(conn, [c.c.document_id == document_id, c.c.label == label,
                                     c.c.from_label.is_not(None)])
        went = change_entries(conn, [c.c.document_id == document_id, c.c.type == "renumbered",
                                     c.c.from_label == label]) if moved_away else ()
    return came, went


def pending_changes(store: Store, document_id: int, today: date) -> tuple[ChangeEntry, ...]:
    """Changes published but not yet in force on ``today``."""
    c = s.change
    with store.engine.connect() as conn:
        return change_entries(conn, [c.c.document_id == document_id, c.c.valid_from > today])


def document_handle(store: Store, name_or_id: str | int) -> DocumentHandle:
    """A document by id (one indexed read of its revisions, where ``Store.document`` counts every
    document's), or by any unambiguous part of its title (``Store.document``)."""
    if isinstance(name_or_id, str) and not name_or_id.strip().isdigit():
        return store.document(name_or_id)
    document_id = int(name_or_id)
    d, dv = s.document, s.document_version
    with store.engine.connect() as conn:
        row = conn.execute(select(d.c.id, d.c.title, d.c.kind).where(d.c.id == document_id)).first()
        if row is None:
            raise NotFound(f"no hay ningún documento con el número {document_id}")
        since, count = conn.execute(select(func.min(dv.c.valid_from), func.count())
                                    .where(dv.c.document_id == document_id)).one()
    return DocumentHandle(store, DocumentInfo(int(row.id), str(row.title), str(row.kind), since, int(count)))


def document_titles(store: Store) -> tuple[tuple[int, str], ...]:
    """(id, title) of every document, by id: what a form's list of documents needs."""
    d = s.document
    with store.engine.connect() as conn:
        return tuple((int(i), str(t)) for i, t in conn.execute(select(d.c.id, d.c.title).order_by(d.c.id)))
