"""Writing a document's provision versions: register a text, apply a new version with its
changes, take the latest revision back (for reprocessing a notice).

Every function takes an open ``Connection`` and runs inside the caller's transaction, so the
pipeline can put one DOF edition (notices, versions, changes, checkpoint) in one commit.
Reading them back is ``store.revision_reads``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, select, update

from diffing.model import Change, ChangeType
from errors import InputError, NotFound, StoreError
from parser.cite_text import cite_or_label
from parser.dates import long_date
from parser.model import Document, Provision, Status
from untrusted import quoted

from . import schema as s
from .catalog import normalize_title
from .diff_column import encode_diff
from .findings import findings_of, record_findings
from .identity import insert_keeping_ids, retire
from .revision_reads import Revision, RevisionKind, current_rows, latest_revision
from .search import reindex, unindex_revision
from .tree import StoredRow, provision_row

BATCH = 5000
COMPUTED = "computed"
DECLARED = "declared"


@dataclass(frozen=True, slots=True)
class AppliedVersion:
    """What ``apply_new_version`` did: counts for the run record."""

    document_id: int
    revision: int
    inserted: int
    closed: int
    changes: int
    findings: int = 0  # findings recorded about the new text

    @property
    def changed(self) -> bool:
        """False when the text was identical and nothing was written."""
        return bool(self.inserted or self.closed)


def root_digest(document: Document) -> str:
    """A digest over the top-level labels and digests: equal iff the documents' texts are."""
    h = hashlib.sha256()
    for provision in document.provisions:
        h.update(provision.label.encode())
        h.update(b"\x1f")
        h.update(provision.digest.encode())
    return h.hexdigest()[:32]


def _check_labels(document: Document) -> dict[str, Provision]:
    index: dict[str, Provision] = {}
    for provision in document.walk():
        if provision.label in index:
            raise StoreError(f"el documento {quoted(document.title)} tiene dos veces "
                             f"{cite_or_label(provision.label)}")
        index[provision.label] = provision
    return index


def _batches(rows: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def register_document(conn: Connection, title: str, document: Document, as_of: date,
                      notice_id: int | None = None, *, kind: str = "") -> int:
    """Store a new document with every provision valid from ``as_of``; returns its id.

    ``title`` is how users will find it (any part of it, accents and case ignored). Raises
    ``StoreError`` if a document with the same normalized title is already registered: a
    newer text of a known document goes through ``apply_new_version``.
    """
    search = normalize_title(title)
    if not search or "\x00" in title:
        raise InputError("un documento necesita un título (sin caracteres NUL)")
    existing = conn.execute(select(s.document.c.id).where(s.document.c.search_title == search)).scalar()
    if existing is not None:
        raise StoreError(f"el documento {quoted(title)} ya está registrado (id {existing})")
    _check_labels(document)
    document_id = conn.execute(
        insert(s.document).values(title=" ".join(title.split()), search_title=search, kind=kind)
        .returning(s.document.c.id)
    ).scalar_one()
    _insert_revision(conn, document_id, 1, document, as_of, notice_id,
                     published=_notice_date(conn, notice_id) or as_of)
    record_findings(conn, document_id, 1, notice_id, findings_of(document))
    rows = [provision_row(document_id, p, 1, as_of, notice_id) for p in document.walk()]
    for batch in _batches(rows):
        conn.execute(insert(s.provision_version), batch)
    reindex(conn, document_id)
    return int(document_id)


def _insert_revision(conn: Connection, document_id: int, number: int, document: Document,
                     valid_from: date, notice_id: int | None, *, published: date,
                     kind: RevisionKind = RevisionKind.TEXT) -> None:
    conn.execute(insert(s.document_version).values(
        document_id=document_id, number=number, valid_from=valid_from, notice_id=notice_id,
        top=[p.label for p in document.provisions], digest=root_digest(document),
        kind=str(kind), published=published,
    ))


def _notice_date(conn: Connection, notice_id: int | None) -> date | None:
    if notice_id is None:
        return None
    found: date | None = conn.execute(select(s.notice.c.date).where(s.notice.c.id == notice_id)).scalar()
    if found is None:
        raise NotFound(f"no hay ningún aviso con id {notice_id}")
    return found


def apply_new_version(conn: Connection, document_id: int, document: Document,
                      changes: Sequence[Change], valid_from: date, notice_id: int | None = None,
                      *, undeclared: Collection[str] = (), published: date | None = None,
                      kind: RevisionKind = RevisionKind.TEXT) -> AppliedVersion:
    """Make ``document`` the document's text from ``valid_from`` on, and record ``changes``.

    Only provisions whose subtree digest changed get a new version (an unchanged subtree is
    skipped without looking inside); the versions they replace, and those of provisions that
    are gone, are closed. A version cannot start before the document's latest one (history is
    append-only); an identical text is a no-op, and then ``changes`` must be empty.

    A change is ``reconciled`` when it has a notice and its label is not in ``undeclared`` (the
    labels of the amendment's undeclared-change discrepancies). ``published`` is the day the
    version became known (default: its notice's date, else ``valid_from``). To put a version
    before ones already in force later, ``store.timeline`` rewinds them first.
    """
    latest = latest_revision(conn, document_id)
    if valid_from < latest.valid_from:
        raise StoreError(f"no se puede agregar una versión vigente desde el {long_date(valid_from)} a un "
                         f"documento cuya última versión rige desde el {long_date(latest.valid_from)}: "
                         "la historia solo crece hacia adelante")
    index = _check_labels(document)
    if root_digest(document) == latest.digest:
        if changes:
            raise StoreError(f"se dieron {len(changes)} cambios, pero el texto es idéntico al de la "
                             f"revisión {latest.number}")
        return AppliedVersion(document_id, latest.number, 0, 0, 0)
    number = latest.number + 1
    current = current_rows(conn, document_id)
    new_rows, closing = _plan(document_id, document, current, changes, number, valid_from, notice_id,
                              ChangeType.ABROGATED if kind is RevisionKind.ABROGATION else None)
    closing.extend(current[label].id for label in current.keys() - index.keys())
    pv = s.provision_version
    for batch in _batches(closing, 500):
        conn.execute(update(pv).where(pv.c.id.in_(batch)).values(rev_to=number, valid_to=valid_from))
    for rows in _batches(new_rows):
        conn.execute(insert(pv), rows)
    known = _notice_date(conn, notice_id) or valid_from
    _insert_revision(conn, document_id, number, document, valid_from, notice_id,
                     published=published or known, kind=kind)
    findings = record_findings(conn, document_id, number, notice_id, findings_of(document))
    insert_changes(conn, document_id, number, changes, known, valid_from, notice_id, set(undeclared))
    reindex(conn, document_id)
    return AppliedVersion(document_id, number, len(new_rows), len(closing), len(changes), findings)


def _plan(document_id: int, document: Document, current: dict[str, StoredRow],
          changes: Sequence[Change], number: int, valid_from: date, notice_id: int | None,
          every: ChangeType | None = None) -> tuple[list[dict[str, Any]], list[int]]:
    """Rows to insert and row ids to close: walk the new tree, skipping unchanged subtrees
    (``every``: what made every new row, e.g. an abrogation)."""
    declared = {c.label: c for c in changes}
    new_rows: list[dict[str, Any]] = []
    closing: list[int] = []

    def visit(provision: Provision) -> None:
        old = current.get(provision.label)
        if old is not None and old.digest == provision.digest:
            return
        change = declared.get(provision.label)
        if every is not None:
            kind, from_label = str(every), None
        elif change is not None:
            kind, from_label = str(change.type), change.from_label
        else:
            kind, from_label = str(_derived_change(provision, old)), None
        new_rows.append(provision_row(document_id, provision, number, valid_from, notice_id,
                                      kind, from_label))
        if old is not None:
            closing.append(old.id)
        for child in provision.children:
            visit(child)

    for provision in document.provisions:
        visit(provision)
    return new_rows, closing


def _derived_change(provision: Provision, old: StoredRow | None) -> ChangeType:
    """What happened to a provision no change record names (its ancestors, mostly)."""
    if old is None:
        return ChangeType.ADDED
    if provision.status is Status.DEROGADO and old.status != Status.DEROGADO:
        return ChangeType.DEROGATED
    return ChangeType.MODIFIED


def insert_changes(conn: Connection, document_id: int, number: int | None, changes: Sequence[Change],
                   known: date, valid_from: date | None, notice_id: int | None,
                   undeclared: Collection[str], pending: str | None = None) -> int:
    """Change-log rows of one revision (``number`` and ``valid_from`` None, with the reason in
    ``pending``: changes waiting for their day, ``store.timeline``); returns how many."""
    rows = [{
        "document_id": document_id, "revision": number, "seq": seq, "label": c.label,
        "type": str(c.type), "from_label": c.from_label, "before": c.before, "after": c.after,
        "diff": encode_diff(c), "notice_id": notice_id, "date": known,
        "valid_from": valid_from, "pending": pending, "origin": COMPUTED,
        "reconciled": notice_id is not None and c.label not in undeclared,
    } for seq, c in enumerate(changes)]
    return insert_keeping_ids(conn, s.change, rows)   # the same legal change keeps its id


# --- reprocessing: taking the latest revision back -------------------------------------------------
def drop_latest_revision(conn: Connection, document_id: int) -> Revision:
    """Take the document's latest revision back (its versions, changes and findings), reopening
    the versions it had closed: the inverse of ``apply_new_version``, for reprocessing a notice
    whose reading changed. The first revision (the registered text) cannot be dropped."""
    latest = latest_revision(conn, document_id)
    if latest.number == 1:
        raise StoreError(f"la revisión 1 del documento {document_id} es su texto registrado: no se "
                         "quita")
    pv, number = s.provision_version, latest.number
    unindex_revision(conn, document_id, number)
    conn.execute(s.provision_version.delete().where(pv.c.document_id == document_id, pv.c.rev_from == number))
    conn.execute(update(pv).where(pv.c.document_id == document_id, pv.c.rev_to == number)
                 .values(rev_to=None, valid_to=None))
    retire(conn, s.change, s.change.c.document_id == document_id, s.change.c.revision == number)
    conn.execute(s.finding.delete().where(s.finding.c.document_id == document_id,
                                          s.finding.c.revision == number))
    dv = s.document_version
    conn.execute(dv.delete().where(dv.c.document_id == document_id, dv.c.number == number))
    reindex(conn, document_id)
    return latest
