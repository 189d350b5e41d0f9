"""Apply amending instructions and compare versions: change records with word-level redlines."""

from .model import Change, ChangeType, DiffOp, Discrepancy, DiscrepancyKind, Redline

__all__ = ["Change", "ChangeType", "DiffOp", "Discrepancy", "DiscrepancyKind", "Redline"]
