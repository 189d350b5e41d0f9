"""An amendment outcome as text a lawyer reads: instructions, changes with redlines, problems."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from parser import Instruction
from parser.cite_text import cite_or_label
from parser.date_text import entry_words

from .model import Change, ChangeType, Discrepancy
from .text import render_inline

if TYPE_CHECKING:  # only annotated: store.report uses cite() without loading the amendment machinery
    from .amend import AmendmentOutcome


def cite(label: str) -> str:
    """A label as people write it; the label itself if it is not one we can spell out."""
    return cite_or_label(label) if label else "(documento)"


def _instruction_line(instruction: Instruction) -> str:
    moved = f" -> {cite(instruction.new_label)}" if instruction.new_label else ""
    return f"  {instruction.verb:<9} {cite(instruction.target)}{moved}"


def _change_lines(change: Change, width: int) -> list[str]:
    moved = f" (antes {cite(change.from_label)})" if change.from_label else ""
    lines = [f"  {change.type.spanish:<10} {cite(change.label)}{moved}"]
    if change.type is ChangeType.ADDED:
        body = "{+" + (change.after or "") + "+}" if change.after else ""
    elif change.type is ChangeType.DEROGATED and change.after is None:
        body = "[-" + (change.before or "") + "-]"
    else:
        body = render_inline(change.diff)
    if body:
        lines.extend(textwrap.wrap(body, width, initial_indent="      ",
                                   subsequent_indent="      "))
    return lines


def _discrepancy_line(discrepancy: Discrepancy) -> str:
    return f"  {discrepancy.kind.spanish}: {discrepancy.detail}"


def render_outcome(outcome: AmendmentOutcome, width: int = 100) -> str:
    """The readable report printed by ``dof-tracker amend`` without ``--json``."""
    lines = [outcome.title or "(sin título)", f"Documento: {outcome.document}",
             f"Entrada en vigor: {entry_words(outcome.entry_into_force)}", "",
             f"Instrucciones ({len(outcome.instructions)}):"]
    lines.extend(_instruction_line(i) for i in outcome.instructions)
    lines.extend(["", f"Cambios ({len(outcome.changes)}):"])
    for change in outcome.changes:
        lines.extend(_change_lines(change, width))
    lines.extend(["", f"Discrepancias ({len(outcome.discrepancies)}):"])
    lines.extend(_discrepancy_line(d) for d in outcome.discrepancies)
    if not outcome.discrepancies:
        lines.append("  ninguna: la cláusula y el texto coinciden")
    if outcome.findings:
        lines.extend(["", f"Avisos de lectura ({len(outcome.findings)}):"])
        lines.extend(f"  {finding}" for finding in outcome.findings)
    return "\n".join(lines) + "\n"


__all__ = ["cite", "render_outcome"]
