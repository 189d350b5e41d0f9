"""Fetching one edition: its index, the bodies of the notices that matter, and SIDOF's word on it.

Network only through the ``DofSource`` passed in (``scraper.http`` underneath); what comes back
is frozen, ready for the store to write in one transaction. Imports no sibling package.

SIDOF's JSON list of the day (``fetch_sidof_check``, once per day) is a cross-check of the
index, never an authority (DESIGN §3): it answers 200 with empty lists for days it lost, and it
can fail while the DOF does not. So it never fails an edition and never adds or removes a
notice; what it says differently comes back as warnings (``FetchedEdition.cross_check``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from errors import TrackerError
from gazette import Capture, Edition, Notice, NoticeKind
from scraper.http import FetchPolicy
from scraper.sidof import Reconciliation, SidofDay, reconcile
from scraper.sources import DofSource, finish_notice

_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True, slots=True)
class FetchedEdition:
    """One edition as fetched: its notices, the bodies that matter, every capture."""

    day: date
    edition: Edition
    published: bool
    notices: tuple[Notice, ...]
    bodies: Mapping[str, Capture]
    captures: tuple[Capture, ...]
    problems: tuple[str, ...]
    sidof: Reconciliation | None = None  # None: not cross-checked (SIDOF failed, or lost the day)
    cross_check: tuple[str, ...] = ()  # where SIDOF's list disagrees, as warnings


class FetchFailed(TrackerError):
    """Fetching an edition failed; ``error`` says why and ``captures`` holds every response that
    arrived before it did (evidence to archive all the same)."""

    def __init__(self, error: Exception, captures: tuple[Capture, ...]) -> None:
        super().__init__(str(error))
        self.error = error
        self.captures = captures


@dataclass(frozen=True, slots=True)
class SidofCheck:
    """SIDOF's list of one day, or why the cross-check cannot use it (``unavailable``)."""

    day: date
    listed: SidofDay | None = None
    unavailable: str = ""
    captures: tuple[Capture, ...] = ()  # every response the check received, to archive

    @property
    def usable(self) -> bool:
        """A list with entries: an empty one is how SIDOF answers for a day it lost."""
        return self.listed is not None and bool(self.listed.entries)


def fetch_sidof_check(source: DofSource, day: date) -> SidofCheck:
    """SIDOF's day list for the cross-check. Never raises for SIDOF's failures (an unreachable
    host, a cut, malformed or hostile answer, whatever its payload): the cross-check is skipped
    and says why."""
    with source.recording() as captured:
        try:
            listed = source.sidof_notes(day)
        except TrackerError as exc:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            return SidofCheck(day, unavailable=reason[:300], captures=tuple(captured))
    return SidofCheck(day, listed, captures=tuple(captured))


def cross_check(check: SidofCheck, edition: Edition, published: bool,
                codigos: frozenset[str]) -> tuple[Reconciliation | None, tuple[str, ...]]:
    """Compare one edition's index with SIDOF's list: the reconciliation and its warnings.

    Pure. No comparison when SIDOF failed (one warning, for a published edition) or lists
    nothing for the whole day (a day SIDOF lost: expected, so no warning). A note SIDOF lists
    for an edition the index says was not published is a warning too: that is how a failing
    index page ("No hay datos", HTTP 200) would show.
    """
    if check.listed is None:
        return None, ((f"no se pudo cotejar con SIDOF: {check.unavailable}",) if published else ())
    if not check.usable:
        return None, ()
    found = reconcile(codigos, check.listed, edition)
    warnings: list[str] = []
    if found.only_in_sidof:
        where = "esta edición" if published else "una edición que, según el índice, no se publicó"
        warnings.append(f"SIDOF lista {_notes(found.only_in_sidof)} de {where} que el índice no tiene: "
                        f"{', '.join(sorted(found.only_in_sidof))}")
    if found.only_in_index:
        warnings.append(f"el índice lista {_notes(found.only_in_index)} que SIDOF no tiene: "
                        f"{', '.join(sorted(found.only_in_index))}")
    return found, tuple(warnings)


def _notes(codigos: frozenset[str]) -> str:
    return f"{len(codigos)} nota" + ("" if len(codigos) == 1 else "s")


def fetch_policy(source: str | None) -> FetchPolicy:
    """The DOF gets the polite production policy; a loopback mirror needs no pause or patience."""
    host = urlsplit(source).hostname if source else None
    if host in _LOOPBACK:
        return FetchPolicy(delay=0.0, backoff_base=0.1, backoff_max=1.0, retry_after_max=2.0,
                           deadline=30.0)
    return FetchPolicy()


def _needs_body(notice: Notice, truncated: frozenset[str]) -> bool:
    """Bodies are fetched for notices that touch an instrument, and to complete cut titles."""
    return notice.kind is not NoticeKind.OTHER or notice.document is not None or notice.codigo in truncated


def fetch_edition(source: DofSource, day: date, edition: Edition, public: DofSource | None = None,
                  sidof: SidofCheck | None = None) -> FetchedEdition:
    """The index of one edition and the bodies of its notices that touch an instrument, with
    every capture made on the way (``FetchedEdition.captures``).

    With ``public``, notice URLs are stored in their public www.dof.gob.mx form, whatever host
    (a mirror) served them: the stored link must outlive the mirror. With ``sidof`` (the day's
    ``fetch_sidof_check``, fetched once for all editions of the day), the index is cross-checked
    against it; disagreements are warnings, never a failure. Any failure is raised as
    ``FetchFailed``, carrying the captures that arrived before it.
    """
    with source.recording() as captured:
        try:
            return _fetch_edition(source, captured, day, edition, public, sidof)
        except Exception as exc:
            raise FetchFailed(exc, tuple(captured)) from exc


def _fetch_edition(source: DofSource, recorder: list[Capture], day: date, edition: Edition,
                   public: DofSource | None, sidof: SidofCheck | None) -> FetchedEdition:
    index = source.edition(day, edition)
    notices: list[Notice] = []
    bodies: dict[str, Capture] = {}
    problems: list[str] = []
    for listed in index.notices:
        notice = replace(listed, url=public.detail_url(listed.codigo, listed.date)) if public else listed
        if _needs_body(notice, index.truncated):
            note = source.note(notice.codigo)
            notice = finish_notice(notice, note, notice.codigo in index.truncated)
            url = source.note_url(notice.codigo)
            capture = next(c for c in reversed(recorder) if c.url == url and c.complete)
            if note.not_found:
                problems.append(f"{notice.codigo}: SIDOF no tiene el cuerpo de esta nota")
            elif note.image_only:
                problems.append(f"{notice.codigo}: el cuerpo solo se publicó como imagen (PDF)")
            else:
                bodies[notice.codigo] = capture
        notices.append(notice)
    found, warnings = (cross_check(sidof, edition, index.published,
                                   frozenset(n.codigo for n in notices)) if sidof else (None, ()))
    return FetchedEdition(day, edition, index.published, tuple(notices), bodies,
                          tuple(recorder), tuple(problems), found, warnings)
