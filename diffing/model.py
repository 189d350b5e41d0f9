"""Frozen results of comparing two versions of a statute."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from parser import Instruction, Provision


class ChangeType(StrEnum):
    ADDED = "added"
    MODIFIED = "modified"
    DEROGATED = "derogated"
    RENUMBERED = "renumbered"
    CORRECTED = "corrected"  # by a Fe de erratas, Aclaración or Nota aclaratoria ("corregido")
    ABROGATED = "abrogated"   # the whole instrument (one change log entry per document)

    @property
    def spanish(self) -> str:
        """The word people read: 'adicionado', 'reformado', 'derogado', 'renumerado', 'corregido',
        'abrogado'."""
        return _SPANISH[self]


_SPANISH = {ChangeType.ADDED: "adicionado", ChangeType.MODIFIED: "reformado",
            ChangeType.DEROGATED: "derogado", ChangeType.RENUMBERED: "renumerado",
            ChangeType.CORRECTED: "corregido", ChangeType.ABROGATED: "abrogado"}


class DiffOp(StrEnum):
    """One run of a word-level redline."""

    EQUAL = "="
    DELETE = "-"
    INSERT = "+"


Redline = tuple[tuple[DiffOp, str], ...]


@dataclass(frozen=True, slots=True)
class Change:
    """What happened to one provision between two versions."""

    label: str
    type: ChangeType
    before: str | None
    after: str | None
    diff: Redline = ()
    from_label: str | None = None
    # Where the change sits in the new tree, for rebuilding it (``diffing.tree.apply_changes``);
    # not part of the JSON shape. ``node`` is the provision as it is now (a whole subtree when
    # added), ``parent`` its new parent's label ("" at the top) and ``index`` its position there.
    node: Provision | None = field(default=None, compare=False)
    parent: str | None = field(default=None, compare=False)
    index: int | None = field(default=None, compare=False)

    def __repr__(self) -> str:
        moved = f" (from {self.from_label})" if self.from_label else ""
        return f"<Change {self.type} {self.label}{moved}>"

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "type": str(self.type),
            "from_label": self.from_label,
            "before": self.before,
            "after": self.after,
            "diff": [[str(op), text] for op, text in self.diff],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        return cls(
            label=data["label"],
            type=ChangeType(data["type"]),
            before=data.get("before"),
            after=data.get("after"),
            diff=tuple((DiffOp(op), text) for op, text in data.get("diff", ())),
            from_label=data.get("from_label"),
        )


class DiscrepancyKind(StrEnum):
    UNMATCHED_INSTRUCTION = "unmatched_instruction"  # declared, but the text shows no such change
    UNDECLARED_CHANGE = "undeclared_change"          # the text changed, no instruction says so
    UNRESOLVED = "unresolved"                        # could not be applied (missing target, ...)
    UNPLACED_CORRECTION = "unplaced_correction"      # an erratum's "dice" not found where it points

    @property
    def spanish(self) -> str:
        """What people read: 'declarado por el instrumento, sin cambio en el texto', …"""
        return _DISCREPANCY_SPANISH[self]


_DISCREPANCY_SPANISH = {
    DiscrepancyKind.UNMATCHED_INSTRUCTION: "declarado por el instrumento, sin cambio en el texto",
    DiscrepancyKind.UNDECLARED_CHANGE: "cambio en el texto que el instrumento no declara",
    DiscrepancyKind.UNRESOLVED: "no se pudo aplicar",
    DiscrepancyKind.UNPLACED_CORRECTION: "corrección de una fe de erratas que no se pudo ubicar en el texto",
}


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A disagreement between what an instrument declares and what its text shows."""

    kind: DiscrepancyKind
    label: str
    detail: str
    instruction: Instruction | None = None
    change: Change | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "label": self.label,
            "detail": self.detail,
            "instruction": self.instruction.to_json() if self.instruction else None,
            "change": self.change.to_json() if self.change else None,
        }
