"""The values the read API answers with: a tracked document, a version of a provision, an entry
of the change log, a provision compared on two dates. Each is frozen, prints readably (``short``
keeps a text to one line) and has ``to_json()`` in the shapes of DESIGN.md §1.3."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from diffing.model import Change, ChangeType, DiffOp, Redline
from errors import InputError
from gazette import Notice
from parser.citations import format_citation
from parser.model import Provision, Status
from parser.render import provision_text

Day = date  # for classes with a field called ``date``


def short(text: str, width: int = 40) -> str:
    """``text`` on one line, cut to ``width`` characters (ending in "...") when longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 3] + "..."


def _notice_json(notice: Notice | None) -> dict[str, Any] | None:
    return notice.to_json() if notice is not None else None


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A tracked document: its id, title, kind, first date and number of revisions."""

    id: int
    title: str
    kind: str
    since: date
    revisions: int

    def __repr__(self) -> str:
        return (f"<Document {self.id} {short(self.title, 60)!r} since {self.since.isoformat()}, "
                f"{self.revisions} revision{'s' if self.revisions != 1 else ''}>")

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "kind": self.kind, "since": self.since.isoformat(),
                "revisions": self.revisions}


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a provision: its text (children included), when it held, what made it.

    ``pending``: published but not in force today, either from a later ``valid_from`` or, with
    ``valid_from`` None, waiting for a day no text fixes yet (``reason`` says why, in Spanish).
    ``label`` is the provision's label in this version (it changes across renumbering).
    """

    document: str
    label: str
    provision: Provision
    valid_from: date | None
    valid_to: date | None
    change: ChangeType | None
    notice: Notice | None
    revision: int | None
    pending: bool = False
    reason: str | None = None

    @property
    def text(self) -> str:
        """The full text of the provision in this version, its fracciones and incisos included."""
        return provision_text(self.provision)

    @property
    def status(self) -> Status:
        return self.provision.status

    @property
    def citation(self) -> str:
        return format_citation(self.label)

    def __repr__(self) -> str:
        until = self.valid_to.isoformat() if self.valid_to else ""
        since = self.valid_from.isoformat() if self.valid_from else "(sin fecha)"
        cause = ""
        if self.change is not None:
            cause = f" ({self.change}{', DOF ' + self.notice.codigo if self.notice else ''})"
        return (f"<Version {self.citation} {since}..{until} {self.status}{' pending' if self.pending else ''}"
                f"{cause} {short(self.text)!r}>")

    def to_json(self) -> dict[str, Any]:
        """One item of ``history --json``'s ``versions`` (DESIGN §1.3, plus ``label``, ``pending``
        and, for a version waiting for its day, ``reason``)."""
        out = {"text": self.text, "status": str(self.status),
               "valid_from": self.valid_from.isoformat() if self.valid_from else None,
               "valid_to": self.valid_to.isoformat() if self.valid_to else None,
               "change": str(self.change) if self.change else None, "notice": _notice_json(self.notice),
               "label": self.label, "pending": self.pending}
        if self.reason is not None:
            out["reason"] = self.reason
        return out

    def at_json(self, on: date) -> dict[str, Any]:
        """What ``at --json`` prints for this version asked about on ``on``."""
        return {"document": self.document, "label": self.label, "date": on.isoformat(), "text": self.text,
                "status": str(self.status), "notice": _notice_json(self.notice)}


def history_json(versions: Sequence[Version]) -> dict[str, Any]:
    """What ``history --json`` prints: ``{"document", "label", "versions": [...]}``, oldest first."""
    if not versions:
        raise InputError("no hay versiones que mostrar")
    return {"document": versions[0].document, "label": versions[0].label,
            "versions": [v.to_json() for v in versions]}


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    """One line of the change log: a recorded change with its document and DOF notice."""

    document: str
    document_id: int
    date: Day
    valid_from: Day
    change: Change
    notice: Notice | None
    reconciled: bool
    origin: str
    revision: int = 0   # the document revision the change made
    findings: int = 0   # findings stored about that revision's text (DocumentHandle.findings)
    id: int = 0         # the change row's id (what a review is about: store.review)

    @property
    def label(self) -> str:
        return self.change.label

    @property
    def type(self) -> ChangeType:
        return self.change.type

    @property
    def citation(self) -> str:
        return format_citation(self.change.label) if self.change.label else "todo el instrumento"

    def __repr__(self) -> str:
        source = f" DOF {self.notice.codigo}" if self.notice else ""
        moved = f" (from {format_citation(self.change.from_label)})" if self.change.from_label else ""
        return (f"<ChangeEntry {self.date.isoformat()} {self.type} {self.citation}{moved} in "
                f"{short(self.document, 30)!r}{source}>")

    def to_json(self) -> dict[str, Any]:
        """DESIGN §1.3's change object, plus ``document``, ``date``, ``valid_from``, ``reconciled``
        and ``findings`` (how many doubts the text of the revision it made has)."""
        return {**self.change.to_json(), "notice": _notice_json(self.notice), "document": self.document,
                "date": self.date.isoformat(), "valid_from": self.valid_from.isoformat(),
                "reconciled": self.reconciled, "findings": self.findings, "id": self.id}


@dataclass(frozen=True, slots=True)
class Comparison:
    """A provision on two dates: both versions, a word-level redline, and the changes between."""

    document: str
    label: str
    date1: date
    date2: date
    before: Version | None
    after: Version | None
    diff: Redline
    changes: tuple[ChangeEntry, ...]

    @property
    def changed(self) -> bool:
        return any(op is not DiffOp.EQUAL for op, _ in self.diff)

    def __repr__(self) -> str:
        what = f"{len(self.changes)} recorded change(s)" if self.changed else "unchanged"
        return (f"<Comparison {format_citation(self.label)} {self.date1.isoformat()} -> "
                f"{self.date2.isoformat()}: {what}>")

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "label": self.label, "date1": self.date1.isoformat(),
                "date2": self.date2.isoformat(),
                "before": self.before.text if self.before else None,
                "after": self.after.text if self.after else None,
                "diff": [[str(op), piece] for op, piece in self.diff],
                "changes": [c.to_json() for c in self.changes]}


__all__ = ["ChangeEntry", "Comparison", "DocumentInfo", "Version", "history_json", "short"]
