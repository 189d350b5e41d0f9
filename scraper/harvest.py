"""Fetching one edition: its index, and the bodies of the notices that matter.

Network only through the ``DofSource`` passed in (``scraper.http`` underneath); what comes back
is frozen, ready for the store to write in one transaction. Imports no sibling package.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from scraper.http import FetchPolicy
from scraper.model import Capture, Edition, Notice, NoticeKind
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


def fetch_edition(source: DofSource, recorder: list[Capture], day: date, edition: Edition,
                  public: DofSource | None = None) -> FetchedEdition:
    """The index of one edition and the bodies of its notices that touch an instrument.

    With ``public``, notice URLs are stored in their public www.dof.gob.mx form, whatever host
    (a mirror) served them: the stored link must outlive the mirror.
    """
    start = len(recorder)
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
                problems.append(f"{notice.codigo}: SIDOF has no body for this notice")
            elif note.image_only:
                problems.append(f"{notice.codigo}: the body is only published as an image (PDF)")
            else:
                bodies[notice.codigo] = capture
        notices.append(notice)
    return FetchedEdition(day, edition, index.published, tuple(notices), bodies,
                          tuple(recorder[start:]), tuple(problems))
