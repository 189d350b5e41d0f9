"""Statute text -> immutable provision tree (DESIGN.md §1.2).

Two public stages, because amendment bodies reuse the first: ``classify_lines`` (text -> lines,
in ``parser.lines``) and ``build_tree`` (lines -> ``Document``).
"""

from __future__ import annotations

from .lines import Line, LineKind, classify_lines

__all__ = ["Line", "LineKind", "classify_lines"]
