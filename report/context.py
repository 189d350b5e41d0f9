"""What the HTML change log needs besides the entries, read from a store through its Python API:
the parent provision's opening words, which provisions an added unit brings with it, which
editions the report covers, the findings of the texts the changes left, and the discrepancies.

This is the one I/O module of ``report``: everything it reads becomes a frozen ``LogContext``,
and the renderers stay pure (a test can build a ``LogContext`` by hand).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from errors import TrackerError
from gazette import Edition
from parser.cite_text import cite
from parser.model import CONTAINER_KINDS, Document, Finding, Kind, Provision
from store.api import Store
from store.discrepancies import StoredDiscrepancy, stored_discrepancies
from store.values import ChangeEntry

OPENING_WIDTH = 220  # characters of the parent's text shown for context


@dataclass(frozen=True, slots=True)
class Opening:
    """The parent provision of a change, cited, with its first words ("Corresponde a … siguientes:")."""

    citation: str
    words: str


@dataclass(frozen=True, slots=True)
class EditionRead:
    """One DOF edition the tracker read for the period: how it went and how many notices it had."""

    day: date
    edition: Edition
    status: str          # a RunStatus value ("ok", "noop", "failed", "running")
    published: bool      # False: the DOF published no such edition that day
    notices: int
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Coverage:
    """The days a change log covers (both included) and the editions read for them."""

    first: date
    last: date
    editions: tuple[EditionRead, ...]


Key = tuple[int, str]  # (document id, label)


@dataclass(frozen=True, slots=True)
class LogContext:
    """Everything the change log shows that the entries do not carry."""

    coverage: Coverage | None = None
    openings: Mapping[Key, Opening] = field(default_factory=dict)
    inside: Mapping[Key, frozenset[str]] = field(default_factory=dict)  # an added unit -> labels in it
    findings: Mapping[tuple[int, int], tuple[Finding, ...]] = field(default_factory=dict)
    discrepancies: tuple[StoredDiscrepancy, ...] = ()


# --- the document trees ----------------------------------------------------------------------------
def _ancestry(provisions: Sequence[Provision], above: tuple[Provision, ...] = ()
              ) -> Iterator[tuple[Provision, tuple[Provision, ...]]]:
    for provision in provisions:
        yield provision, above
        yield from _ancestry(provision.children, (*above, provision))


def _opening(parent: Provision) -> Opening:
    """The parent cited, with its heading (a container) or its first paragraph (the chapeau its
    fracciones hang from: "Para efectos del presente Estatuto se entenderá por:")."""
    first = next((c.text for c in parent.children if c.kind is Kind.PARRAFO), "")
    words = parent.heading if parent.kind in CONTAINER_KINDS else parent.text or first or parent.heading
    flat = " ".join(words.split())
    if len(flat) > OPENING_WIDTH:
        flat = flat[:OPENING_WIDTH - 1].rsplit(" ", 1)[0] + " …"
    return Opening(cite(parent.label), flat)


def tree_context(document_id: int, document: Document, entries: Sequence[ChangeEntry]
                 ) -> tuple[dict[Key, Opening], dict[Key, frozenset[str]]]:
    """Openings of the entries' parents and the labels inside each added unit, from the text the
    entries made (pure: the tree is given)."""
    wanted = {e.label for e in entries}
    openings: dict[Key, Opening] = {}
    inside: dict[Key, frozenset[str]] = {}
    for provision, above in _ancestry(document.provisions):
        if provision.label not in wanted:
            continue
        parents = [p for p in above if p.kind is not Kind.PARRAFO]
        if parents:
            openings[(document_id, provision.label)] = _opening(parents[-1])
        below = frozenset(p.label for p in provision.walk())
        inside[(document_id, provision.label)] = below - {provision.label}
    return openings, inside


# --- gathering ----------------------------------------------------------------------------------
def log_context(store: Store, entries: Sequence[ChangeEntry], *, since: date | None = None,
                until: date | None = None, document: str | int | None = None) -> LogContext:
    """Read from ``store`` what the change log of ``entries`` (the query ``since``/``until``/
    ``document`` gave) shows besides them."""
    openings: dict[Key, Opening] = {}
    inside: dict[Key, frozenset[str]] = {}
    findings: dict[tuple[int, int], tuple[Finding, ...]] = {}
    by_text: dict[tuple[int, date], list[ChangeEntry]] = {}
    for entry in entries:
        by_text.setdefault((entry.document_id, entry.valid_from), []).append(entry)
    for (document_id, on), made in by_text.items():
        try:
            handle = store.document(document_id)
            more_openings, more_inside = tree_context(document_id, handle.text(on), made)
            for entry in made:
                if entry.findings and (document_id, entry.revision) not in findings:
                    findings[(document_id, entry.revision)] = handle.findings(on)
        except TrackerError:
            continue  # a text the store cannot give back for that day: no context, not no report
        openings.update(more_openings)
        inside.update(more_inside)
    coverage = _coverage(store, entries, since, until)
    only = store.document(document).id if document is not None else None
    with store.engine.connect() as conn:
        discrepancies = stored_discrepancies(conn, document_id=only, since=since, until=until)
    return LogContext(coverage, openings, inside, findings, discrepancies)


def _coverage(store: Store, entries: Sequence[ChangeEntry], since: date | None,
              until: date | None) -> Coverage | None:
    runs = store.runs(since)
    days = [e.date for e in entries] + [r.day for r in runs]
    if since is None and until is None and not days:
        return None
    first = since or min(days, default=until)
    last = until or max(days, default=since)
    if first is None or last is None:
        return None
    counted: dict[tuple[date, Edition], int] = {}
    for notice in store.notices(since=first, until=last):
        key = (notice.date, Edition(notice.edition))
        counted[key] = counted.get(key, 0) + 1
    latest = {(r.day, r.edition): r for r in runs if first <= r.day <= last}  # the last attempt wins
    editions = {key: EditionRead(key[0], key[1], str(r.status), bool(r.counts.get("published", 1)),
                                 counted.get(key, 0), r.error) for key, r in latest.items()}
    for key, count in counted.items():
        editions.setdefault(key, EditionRead(key[0], key[1], "ok", True, count))
    order = list(Edition)
    return Coverage(first, last, tuple(sorted(editions.values(),
                                              key=lambda e: (e.day, order.index(e.edition)))))


__all__ = ["Coverage", "EditionRead", "LogContext", "Opening", "log_context", "tree_context"]
