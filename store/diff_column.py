"""How a change's redline is kept in the ``change.diff`` column: as lengths cut out of the stored
``before`` and ``after`` texts when those rebuild it exactly (each text stored once), else as the
segments themselves. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from diffing.model import Change, DiffOp, Redline
from diffing.text import side

_OPS = {op.value: op for op in DiffOp}


def encode_diff(change: Change) -> list[list[Any]]:
    """A redline for the ``change.diff`` column: ``[[op, length], ...]`` when its sides rebuild
    ``before`` and ``after`` exactly (the texts are then stored once, not twice), else the
    segments themselves ``[[op, text], ...]``. ``decode_diff`` reads both."""
    before, after = change.before or "", change.after or ""
    if side(change.diff, DiffOp.DELETE) == before and side(change.diff, DiffOp.INSERT) == after:
        return [[str(op), len(piece)] for op, piece in change.diff]
    return [[str(op), piece] for op, piece in change.diff]


def decode_diff(stored: Sequence[Sequence[Any]], before: str | None, after: str | None) -> Redline:
    """The redline ``encode_diff`` stored, cut back out of ``before`` and ``after``."""
    if not stored or isinstance(stored[0][1], str):
        return tuple((_OPS[op], piece) for op, piece in stored)
    old, new = before or "", after or ""
    i = j = 0
    out = []
    for op, length in stored:
        if op == "+":
            out.append((DiffOp.INSERT, new[j:j + length]))
            j += length
        else:
            out.append((_OPS[op], old[i:i + length]))
            i += length
            j += length if op == "=" else 0
    return tuple(out)


__all__ = ["decode_diff", "encode_diff"]
