"""The doubts about each stored text: one ``finding`` row per ``parser.Finding``, by revision.

Every revision a document gets (a registration, an import, a re-issued text, an applied
amendment) records the findings of its text in the same transaction as the revision itself, so
an edition's rollback takes them too. A text that was read carries its reading's findings and
the structural check's (``parse_statute``); a text built by applying an amendment was never read,
so it is checked here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select

from parser import Document, Finding, FindingKind

from . import schema as s


def findings_of(document: Document) -> tuple[Finding, ...]:
    """What to keep about a text: its reading's findings, or (a tree no reading made, which
    carries none) the structural check of it."""
    from parser import check_document  # here: readers of the store never pay for the check's patterns

    return document.findings or check_document(document)


def record_findings(conn: Connection, document_id: int, revision: int, notice_id: int | None,
                    findings: Sequence[Finding]) -> int:
    """Store the findings of one revision's text; returns how many."""
    rows = [{"document_id": document_id, "revision": revision, "notice_id": notice_id, "seq": seq,
             "kind": str(f.kind), "message": f.message, "line": f.line, "label": f.label}
            for seq, f in enumerate(findings)]
    if rows:
        conn.execute(insert(s.finding), rows)
    return len(rows)


def stored_findings(conn: Connection, document_id: int, revision: int) -> tuple[Finding, ...]:
    """The findings of one revision's text, in the order they were raised."""
    f = s.finding
    rows = conn.execute(select(f.c.kind, f.c.message, f.c.line, f.c.label)
                        .where(f.c.document_id == document_id, f.c.revision == revision)
                        .order_by(f.c.seq))
    return tuple(Finding(FindingKind(kind), message, line, label) for kind, message, line, label in rows)


@dataclass(frozen=True, slots=True)
class FindingCount:
    """How many findings a document's latest text has (``current``) and all its revisions."""

    document_id: int
    title: str
    revision: int
    current: int
    total: int


def finding_counts(conn: Connection) -> tuple[FindingCount, ...]:
    """Per tracked document: the findings of its latest revision, and of all its revisions."""
    f, d, v = s.finding, s.document, s.document_version
    latest = (select(v.c.document_id, func.max(v.c.number).label("number"))
              .group_by(v.c.document_id).subquery())
    per_revision = {(doc, rev): int(n) for doc, rev, n in conn.execute(
        select(f.c.document_id, f.c.revision, func.count()).group_by(f.c.document_id, f.c.revision))}
    totals: dict[int, int] = {}
    for (doc, _), n in per_revision.items():
        totals[doc] = totals.get(doc, 0) + n
    rows = conn.execute(select(d.c.id, d.c.title, latest.c.number)
                        .join(latest, latest.c.document_id == d.c.id).order_by(d.c.id))
    return tuple(FindingCount(doc, title, number, per_revision.get((doc, number), 0), totals.get(doc, 0))
                 for doc, title, number in rows)


def revision_counts(conn: Connection, keys: Sequence[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """How many findings each (document id, revision) has, for the given pairs (0 omitted)."""
    if not keys:
        return {}
    f = s.finding
    documents = sorted({doc for doc, _ in keys})
    wanted = set(keys)
    rows = conn.execute(select(f.c.document_id, f.c.revision, func.count())
                        .where(f.c.document_id.in_(documents))
                        .group_by(f.c.document_id, f.c.revision))
    return {(doc, rev): int(n) for doc, rev, n in rows if (doc, rev) in wanted}


__all__ = ["FindingCount", "finding_counts", "findings_of", "record_findings", "revision_counts",
           "stored_findings"]
