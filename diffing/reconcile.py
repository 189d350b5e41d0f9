"""Declared vs shown: every instruction needs a text change, every text change an instruction.

A decree says what it changes twice (grammar §5 rule 8): in the operative clause and in the new
text. When the two agree the change list is trustworthy; when they do not, the disagreement is
a ``Discrepancy`` in the output, never dropped and never papered over.

Matching rules, as a lawyer reads them:

* ``reforma X`` is shown by a modification (or renumbering with new text) of X or of anything
  inside X (reforming an article restates it whole, so its new fracciones count too);
* ``adiciona X`` by X added (or anything added inside an added X);
* ``deroga X`` by X derogated (placeholder kept, or a paragraph gone);
* ``renumera X -> Y`` by X renumbered to Y;
* a paragraph that only moved because an earlier paragraph of the same unit was added or
  derogated is explained by that instruction (paragraphs have no numbers of their own).
"""

from __future__ import annotations

from collections.abc import Iterable

from parser import Instruction, Kind, Verb
from parser.cite_text import cite_or_label
from parser.labels import Label

from .model import Change, ChangeType, Discrepancy, DiscrepancyKind


def _within(label: str, target: str) -> bool:
    """``label`` is ``target`` or a provision inside it (an empty target, the instrument's
    denominación, holds nothing but itself)."""
    return label == target or bool(target) and Label.parse(label).is_under(Label.parse(target))


def _old_label(change: Change) -> str:
    return change.from_label or change.label


def instruction_shown(instruction: Instruction, change: Change) -> bool:
    """Does this text change carry out this instruction?"""
    target = instruction.target
    kind = change.type
    if instruction.verb is Verb.REFORMA:
        if kind is ChangeType.RENUMBERED:
            old = _old_label(change)
            return old == target and change.before != change.after or \
                _within(old, target) and old != target
        return kind in (ChangeType.MODIFIED, ChangeType.ADDED, ChangeType.DEROGATED) and (
            _within(change.label, target) and change.label != target
            or kind is ChangeType.MODIFIED and change.label == target)
    if instruction.verb is Verb.ADICIONA:
        return kind is ChangeType.ADDED and _within(change.label, target)
    if instruction.verb is Verb.DEROGA:
        return kind is ChangeType.DEROGATED and _within(change.label, target)
    if instruction.verb is Verb.RENUMERA:
        return kind is ChangeType.RENUMBERED and change.from_label == target and (
            instruction.new_label in (None, change.label))
    return False


def _shift_explained(change: Change, instructions: Iterable[Instruction]) -> bool:
    """A paragraph renumbered because a sibling paragraph was added or derogated."""
    if change.type is not ChangeType.RENUMBERED or change.node is None or \
            change.node.kind is not Kind.PARRAFO:
        return False
    parent = Label.parse(change.label).parent
    return any(i.verb in (Verb.ADICIONA, Verb.DEROGA) and i.target and
               Label.parse(i.target).parent == parent and Label.parse(i.target).kind is Kind.PARRAFO
               for i in instructions)


def change_declared(change: Change, instructions: tuple[Instruction, ...]) -> bool:
    """Does some instruction (or a shift it causes) account for this change?"""
    if any(instruction_shown(i, change) for i in instructions):
        if change.type is not ChangeType.RENUMBERED:
            return True
        moved = any(i.verb is Verb.RENUMERA and i.target == change.from_label
                    for i in instructions) or _shift_explained(change, instructions)
        return moved or any(i.verb is Verb.REFORMA and i.new_label == change.label
                            and i.target == change.from_label for i in instructions)
    if change.type is ChangeType.RENUMBERED:
        shift = _shift_explained(change, instructions) or any(
            i.verb is Verb.RENUMERA and i.target == change.from_label for i in instructions)
        return shift and change.before == change.after
    return False


def reconcile(instructions: tuple[Instruction, ...],
              changes: tuple[Change, ...]) -> tuple[Discrepancy, ...]:
    """Instructions no change shows, and changes no instruction declares."""
    out: list[Discrepancy] = []
    for instruction in instructions:
        if instruction.verb in (Verb.EXPIDE, Verb.ABROGA) and not instruction.target:
            continue
        if not any(instruction_shown(instruction, c) for c in changes):
            out.append(Discrepancy(
                DiscrepancyKind.UNMATCHED_INSTRUCTION, instruction.target,
                f"el instrumento dice «se {instruction.verb}» {cite_or_label(instruction.target)}, "
                "pero el texto no muestra ese cambio", instruction=instruction))
    for change in changes:
        if not change_declared(change, instructions):
            out.append(Discrepancy(
                DiscrepancyKind.UNDECLARED_CHANGE, change.label,
                f"el texto muestra {cite_or_label(change.label)} {change.type.spanish}, pero ninguna "
                "instrucción lo declara",
                change=change))
    return tuple(out)


__all__ = ["change_declared", "instruction_shown", "reconcile"]
