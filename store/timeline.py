"""The legal timeline: versions in in-force order, whatever the order of publication.

A document's revisions are numbered in the order they come into force. A decree published
later but in force sooner than revisions already stored is put in its place by *rewinding*:
the revisions in force after its day are taken out (``rewind``; each kept as a ``Replay``: its
dates, notice and the changes it made, with their nodes), the decree is applied to the text in
force on its day, and the taken-out revisions are put back on top of it (``replay``: each
change grafted onto the new text with ``diffing.tree.apply_changes``, its change records
computed again against the text it now follows). A version in force later never blocks one in
force sooner; a version in force in the future is stored and simply not in force yet.

A change whose day no text fixes yet (a declaratoria) *waits*: a ``change`` row with no revision
and no ``valid_from``, the reason in ``pending`` (``record_waiting``); when a later notice fixes
its day, the pipeline takes it out (``take_waiting``) and applies its notice on that day.

An abrogation (``abrogate``) is a revision in which every provision is ``abrogado``, with one
change-log entry of type ``abrogated`` for the whole document (label ``""``).

Every function runs inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, or_, select, update

from diffing.model import Change, ChangeType
from diffing.tree import apply_changes, changes_between, replayed_origin
from gazette import Notice
from parser.citations import format_citation
from parser.model import Document, Kind, Provision, Status

from . import schema as s
from .identity import retire
from .records import notice_columns, notice_from_row
from .revision_reads import Revision, RevisionKind, current_document, latest_revision, revisions, subtree_rows
from .search import reindex, unindex_revision
from .tree import TREE_COLUMNS, StoredRow
from .versions import AppliedVersion, apply_new_version, insert_changes

DOCUMENT_LABEL = ""  # the label of a change to the whole document (an abrogation)
LAST = 1 << 30       # sorts a new decree's later stages after the revisions already stored


@dataclass(frozen=True, slots=True)
class Replay:
    """A revision taken out of the timeline (or a decree's later stage) to be put back in place.

    ``changes`` carry their nodes (``diffing.tree``), so they can be grafted onto another text.
    ``number`` orders items in force the same day and published the same day.
    """

    valid_from: date
    published: date
    notice_id: int | None
    changes: tuple[Change, ...]
    undeclared: frozenset[str] = frozenset()
    kind: RevisionKind = RevisionKind.TEXT
    number: int = LAST

    @property
    def order(self) -> tuple[date, date, int]:
        return (self.valid_from, self.published, self.number)


def rewind(conn: Connection, document_id: int, after: date) -> tuple[Replay, ...]:
    """Take out every revision in force after ``after``; they come back by ``replay``, oldest first.

    The rows they wrote, their change records and findings go; the rows they closed are
    reopened. The first revision (the text registered) is never taken out.
    """
    later = [r for r in revisions(conn, document_id)[1:] if r.valid_from > after]
    if not later:
        return ()
    first = later[0].number
    out = [Replay(r.valid_from, r.published or r.valid_from, r.notice_id, _recorded_changes(conn, r),
                  _undeclared(conn, document_id, r.number), r.kind, r.number) for r in later]
    for revision in later:   # their search entries go with their rows (store.search)
        unindex_revision(conn, document_id, revision.number)
    pv = s.provision_version
    conn.execute(delete(pv).where(pv.c.document_id == document_id, pv.c.rev_from >= first))
    conn.execute(update(pv).where(pv.c.document_id == document_id, pv.c.rev_to >= first)
                 .values(rev_to=None, valid_to=None))
    c, f = s.change, s.finding   # change rows are retired: replayed, they keep their ids
    retire(conn, c, c.c.document_id == document_id, c.c.revision >= first)
    conn.execute(delete(f).where(f.c.document_id == document_id, f.c.revision >= first))
    dv = s.document_version
    conn.execute(delete(dv).where(dv.c.document_id == document_id, dv.c.number >= first))
    reindex(conn, document_id)
    return tuple(out)


def _recorded_changes(conn: Connection, revision: Revision) -> tuple[Change, ...]:
    """The changes a revision recorded, each with its node as the revision wrote it and its
    place (parent, position), read from that revision's own rows: no whole text is rebuilt."""
    pv, c = s.provision_version, s.change
    written = {w.label: w for w in (StoredRow.from_row(r) for r in conn.execute(
        select(*TREE_COLUMNS).where(pv.c.document_id == revision.document_id,
                                    pv.c.rev_from == revision.number)))}
    place = {label: ("", i) for i, label in enumerate(revision.top)}
    for parent_row in written.values():
        place.update((child, (parent_row.label, i)) for i, child in enumerate(parent_row.children))
    out = []
    for row in conn.execute(select(c.c.label, c.c.type, c.c.from_label, c.c.before, c.c.after)
                            .where(c.c.document_id == revision.document_id, c.c.revision == revision.number)
                            .order_by(c.c.seq)):
        kind, label = ChangeType(row.type), str(row.label)
        if label not in written:   # gone from the text at that revision: no node, it is removed
            out.append(Change(label, kind, row.before, row.after, from_label=row.from_label))
            continue
        index = subtree_rows(conn, revision.document_id, label, revision.number)
        stored = index.live(label, revision.number)
        assert stored is not None   # written at this revision, so live at it
        parent, position = place.get(label, ("", 0))
        out.append(Change(label, kind, row.before, row.after, (), row.from_label,
                          node=index.provision(stored), parent=parent, index=position))
    return tuple(out)


def _undeclared(conn: Connection, document_id: int, number: int) -> frozenset[str]:
    c = s.change
    rows = conn.execute(select(c.c.label).where(c.c.document_id == document_id, c.c.revision == number,
                                                c.c.notice_id.is_not(None), c.c.reconciled.is_(False)))
    return frozenset(str(r.label) for r in rows)


def replay(conn: Connection, document_id: int, items: Iterable[Replay]) -> tuple[AppliedVersion, ...]:
    """Put revisions back in force order, each grafted onto the text in force before it.

    A revision whose changes the new text already holds leaves nothing (the text is the same).
    Revisions in force after an abrogation are not put back: an abrogated instrument changes no
    more (their notices, instructions and discrepancies stay stored).
    """
    done = []
    for item in sorted(items, key=lambda i: i.order):
        if latest_revision(conn, document_id).kind is RevisionKind.ABROGATION:
            break
        if item.kind is RevisionKind.ABROGATION:
            done.append(abrogate(conn, document_id, item.valid_from, item.notice_id))
            continue
        base = current_document(conn, document_id)
        text = apply_changes(base, item.changes)
        text = Document(base.title, text.provisions, base.findings)
        moves = any(c.type is ChangeType.RENUMBERED for c in item.changes)  # found again, not guessed
        origin = replayed_origin(base, text, item.changes) if moves else None
        done.append(apply_new_version(conn, document_id, text, changes_between(base, text, origin),
                                      item.valid_from, item.notice_id, undeclared=item.undeclared,
                                      published=item.published))
    return tuple(done)




# --- abrogation ---------------------------------------------------------------------------------
def _abrogated(provision: Provision) -> Provision:
    return replace(provision, status=Status.ABROGADO,
                   children=tuple(_abrogated(child) for child in provision.children))


def abrogate(conn: Connection, document_id: int, valid_from: date, notice_id: int | None
             ) -> AppliedVersion:
    """Mark the whole document abrogated from ``valid_from`` (rewinding what is in force later;
    it is not put back). Abrogating an abrogated document again changes nothing."""
    latest = latest_revision(conn, document_id)
    if latest.kind is RevisionKind.ABROGATION and latest.valid_from <= valid_from:
        return AppliedVersion(document_id, latest.number, 0, 0, 0)
    rewind(conn, document_id, valid_from)
    base = current_document(conn, document_id)
    text = Document(base.title, tuple(_abrogated(p) for p in base.provisions))
    entry = Change(DOCUMENT_LABEL, ChangeType.ABROGATED, None, None)
    return apply_new_version(conn, document_id, text, (entry,), valid_from, notice_id,
                             kind=RevisionKind.ABROGATION)


# --- changes waiting for their day --------------------------------------------------------------
def record_waiting(conn: Connection, document_id: int, changes: Sequence[Change], notice_id: int | None,
                   known: date, reason: str, undeclared: Iterable[str] = ()) -> int:
    """Keep changes no text fixes a day for yet (``reason`` says why, in Spanish)."""
    return insert_changes(conn, document_id, None, changes, known, None, notice_id, set(undeclared),
                          pending=reason)


@dataclass(frozen=True, slots=True)
class Waiting:
    """A notice some of whose changes to a document wait for their day."""

    document_id: int
    notice_id: int
    codigo: str
    published: date
    reason: str
    labels: tuple[str, ...]


def waiting(conn: Connection, document_id: int | None = None) -> tuple[Waiting, ...]:
    """The notices with changes waiting for their day (of one document, or all), by publication."""
    c, n = s.change, s.notice
    query = (select(c.c.document_id, c.c.notice_id, n.c.codigo, n.c.date, c.c.pending, c.c.label)
             .join(n, n.c.id == c.c.notice_id).where(c.c.revision.is_(None))
             .order_by(n.c.date, n.c.id, c.c.seq))
    if document_id is not None:
        query = query.where(c.c.document_id == document_id)
    found: dict[tuple[int, int], Waiting] = {}
    for row in conn.execute(query):
        key = (int(row.document_id), int(row.notice_id))
        known = found.get(key)
        labels = (*known.labels, str(row.label)) if known else (str(row.label),)
        found[key] = Waiting(key[0], key[1], str(row.codigo), row.date, str(row.pending or ""), labels)
    return tuple(found.values())


def take_waiting(conn: Connection, document_id: int, notice_id: int) -> int:
    """Remove a notice's waiting changes (its day is fixed: it is about to be applied)."""
    c = s.change   # retired, not deleted: applied on their day, they keep their ids (store.identity)
    return retire(conn, c, c.c.document_id == document_id, c.c.notice_id == notice_id, c.c.revision.is_(None))




# --- what is published but not in force ---------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PendingChange:
    """A published change not in force on a day: its day is later, or no text fixes it yet
    (``valid_from`` None; ``reason`` says why, in Spanish)."""

    document_id: int
    document: str
    label: str
    type: ChangeType
    notice: Notice | None
    valid_from: date | None
    reason: str

    @property
    def citation(self) -> str:
        return format_citation(self.label) if self.label else "todo el instrumento"

    def __repr__(self) -> str:
        when = self.valid_from.isoformat() if self.valid_from else "sin fecha"
        source = f" DOF {self.notice.codigo}" if self.notice else ""
        return f"<PendingChange {when} {self.type} {self.citation} in {self.document[:30]!r}{source}>"

    def to_json(self) -> dict[str, Any]:
        day = self.valid_from.isoformat() if self.valid_from else None
        return {"document": self.document, "document_id": self.document_id, "label": self.label,
                "type": str(self.type), "valid_from": day,
                "reason": self.reason, "notice": self.notice.to_json() if self.notice else None}


# The predicate of ix_change_pending: what was published before it is in force, or has no day.
_PUBLISHED_FIRST = or_(s.change.c.valid_from.is_(None), s.change.c.valid_from > s.change.c.date)


def pending_changes(conn: Connection, on: date, document_id: int | None = None) -> tuple[PendingChange, ...]:
    """Changes published (known) by ``on`` but not in force on it: in force later, or waiting
    for a day; soonest first, those with no day last."""
    c, d, n = s.change, s.document, s.notice
    query = (select(c.c.document_id, d.c.title, c.c.label, c.c.type, c.c.valid_from, c.c.pending,
                    n.c.id.label("nid"), *notice_columns())
             .join(d, d.c.id == c.c.document_id).outerjoin(n, n.c.id == c.c.notice_id)
             .where(c.c.id.in_(select(c.c.id).where(_PUBLISHED_FIRST)),   # ix_change_pending, alone
                    c.c.date <= on, or_(c.c.valid_from > on, c.c.valid_from.is_(None)))
             .order_by(c.c.id))
    if document_id is not None:
        query = query.where(c.c.document_id == document_id)
    out = []
    for row in conn.execute(query):
        notice = notice_from_row(row) if row.nid is not None else None
        reason = row.pending or f"publicado; entra en vigor el {row.valid_from.isoformat()}"
        out.append(PendingChange(int(row.document_id), str(row.title), str(row.label), ChangeType(row.type),
                                 notice, row.valid_from, str(reason)))
    return tuple(sorted(out, key=lambda p: (p.valid_from is None, p.valid_from or on)))



@dataclass(frozen=True, slots=True)
class WaitingVersion:
    """A version of one provision waiting for its day, as its change record shows it.

    Its ``provision`` holds the text the change gives (a paragraph of the shown text, children
    included as text): the tree is only built when the change comes into force.
    """

    label: str
    provision: Provision
    change: ChangeType
    notice_id: int | None
    reason: str


def waiting_versions(conn: Connection, document_id: int, labels: Iterable[str]) -> tuple[WaitingVersion, ...]:
    """The waiting changes of some provisions, in publication order."""
    c = s.change
    rows = conn.execute(select(c.c.label, c.c.type, c.c.after, c.c.notice_id, c.c.pending)
                        .where(c.c.document_id == document_id, c.c.revision.is_(None),
                               c.c.label.in_(sorted(set(labels))))
                        .order_by(c.c.date, c.c.id))
    out = []
    for row in rows:
        kind = ChangeType(row.type)
        status = Status.DEROGADO if kind is ChangeType.DEROGATED else Status.VIGENTE
        text = Provision(str(row.label), Kind.PARRAFO, "", "", str(row.after or ""), status)
        out.append(WaitingVersion(str(row.label), text, kind, row.notice_id, str(row.pending or "")))
    return tuple(out)


__all__ = ["DOCUMENT_LABEL", "PendingChange", "Replay", "Waiting", "WaitingVersion",
           "abrogate", "pending_changes", "record_waiting", "replay", "rewind", "take_waiting",
           "waiting", "waiting_versions"]
