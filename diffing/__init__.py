"""Apply amending instruments and compare versions: change records with word-level redlines."""

from .amend import AmendmentOutcome, amend
from .apply import Applied, apply_body
from .model import Change, ChangeType, DiffOp, Discrepancy, DiscrepancyKind, Redline
from .reconcile import reconcile
from .render import render_outcome
from .text import redline, render_inline
from .tree import apply_changes, changes_between

__all__ = [
    "AmendmentOutcome",
    "Applied",
    "Change",
    "ChangeType",
    "DiffOp",
    "Discrepancy",
    "DiscrepancyKind",
    "Redline",
    "amend",
    "apply_body",
    "apply_changes",
    "changes_between",
    "reconcile",
    "redline",
    "render_inline",
    "render_outcome",
]
