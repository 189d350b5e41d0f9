"""Frozen values shared by every package: DOF editions, notices and raw captures.

A leaf module (it imports nothing of ours), like errors.py: the scraper makes these values, the
pipeline reads them, the store keeps them, so none of those packages has to import another for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

#: the DOF's clock: its dates are Mexico City's calendar days, whatever the host's zone
MEXICO_CITY = ZoneInfo("America/Mexico_City")


def mexico_today(now: datetime | None = None) -> date:
    """The DOF date right now: the calendar day in Mexico City, whatever the host's zone."""
    return (now or datetime.now(UTC)).astimezone(MEXICO_CITY).date()


class Edition(StrEnum):
    """The DOF's editions of one day, with the codes its URLs use."""

    MAT = "MAT"  # matutina
    VES = "VES"  # vespertina
    EXT = "EXT"  # extraordinaria

    @property
    def spanish(self) -> str:
        """The word people read: 'matutina', 'vespertina', 'extraordinaria'."""
        return _EDITION_WORDS[self]


class NoticeKind(StrEnum):
    """What a publication does to the body of law, read from its title."""

    AMENDS = "amends"
    CREATES = "creates"
    ABROGATES = "abrogates"
    ERRATA = "errata"
    OTHER = "other"

    @property
    def spanish(self) -> str:
        """The word people read: 'reforma', 'expide', 'abroga', 'fe de erratas', 'otro'."""
        return _KIND_WORDS[self]


_EDITION_WORDS = {Edition.MAT: "matutina", Edition.VES: "vespertina", Edition.EXT: "extraordinaria"}
_KIND_WORDS = {NoticeKind.AMENDS: "reforma", NoticeKind.CREATES: "expide", NoticeKind.ABROGATES: "abroga",
               NoticeKind.ERRATA: "fe de erratas", NoticeKind.OTHER: "otro"}


@dataclass(frozen=True, slots=True)
class Notice:
    """One publication (nota) of a DOF edition, as its index lists it."""

    codigo: str
    date: date
    edition: Edition
    section: str
    poder: str
    issuer: str
    title: str
    url: str
    kind: NoticeKind = NoticeKind.OTHER
    document: str | None = None  # the instrument it touches, as its title names it

    def __repr__(self) -> str:
        title = self.title if len(self.title) <= 60 else self.title[:57] + "..."
        return f"<Notice {self.codigo} {self.date.isoformat()} {self.edition} {self.kind}: {title!r}>"

    def to_json(self) -> dict[str, Any]:
        return {
            "codigo": self.codigo,
            "date": self.date.isoformat(),
            "edition": str(self.edition),
            "section": self.section,
            "poder": self.poder,
            "issuer": self.issuer,
            "title": self.title,
            "url": self.url,
            "kind": str(self.kind),
            "document": self.document,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Notice:
        return cls(
            codigo=data["codigo"],
            date=date.fromisoformat(data["date"]),
            edition=Edition(data["edition"]),
            section=data.get("section", ""),
            poder=data.get("poder", ""),
            issuer=data.get("issuer", ""),
            title=data["title"],
            url=data.get("url", ""),
            kind=NoticeKind(data.get("kind", "other")),
            document=data.get("document"),
        )


@dataclass(frozen=True, slots=True)
class Capture:
    """One HTTP response exactly as fetched: the evidence every change record traces back to."""

    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    sha256: str
    fetched_at: datetime  # UTC, timezone-aware
    complete: bool = True  # False: cut short, timed out or failed its check; kept as evidence

    def __repr__(self) -> str:
        return f"<Capture {self.status} {self.url} {len(self.body)} bytes sha256={self.sha256[:12]}>"
