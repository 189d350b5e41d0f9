"""Apply amending instruments and compare versions: change records with word-level redlines.

Names are imported on first use, as in ``parser``: the store needs ``diffing.model`` and
``diffing.text``, not the amendment machinery.
"""

from typing import TYPE_CHECKING

from lazy import lazy_exports

if TYPE_CHECKING:
    from .amend import AmendmentOutcome, amend
    from .apply import Applied, apply_body
    from .model import Change, ChangeType, DiffOp, Discrepancy, DiscrepancyKind, Redline
    from .reconcile import reconcile
    from .render import render_outcome
    from .text import redline, render_inline
    from .tree import apply_changes, changes_between

_WHERE = {
    "AmendmentOutcome": "amend",
    "amend": "amend",
    "Applied": "apply",
    "apply_body": "apply",
    "Change": "model",
    "ChangeType": "model",
    "DiffOp": "model",
    "Discrepancy": "model",
    "DiscrepancyKind": "model",
    "Redline": "model",
    "reconcile": "reconcile",
    "render_outcome": "render",
    "redline": "text",
    "render_inline": "text",
    "apply_changes": "tree",
    "changes_between": "tree",
}


__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals(), shadowed=("amend",))

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
