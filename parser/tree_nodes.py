"""The statute tree's node under construction and the label parts of its numbers.

``Node`` is a provision while ``parser.tree.Builder`` reads the lines (mutable; ``freeze`` makes the
``Provision``); ``label_part`` turns a number as written ("XXIX-A", "57 Bis", "Título Especial") into
its label part, ``join_label`` hangs it under a path, ``base_value`` reads the integer a list item's
number starts with, so that the placement rules (parser.tree_rules) can tell a list going on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import labels
from .model import Annotation, Kind, Provision, Status, make_provision
from .vocabulary import is_roman

CONTAINER_RANK = {Kind.LIBRO: 0, Kind.TITULO: 1, Kind.CAPITULO: 2, Kind.SECCION: 3}
_LETTERS = "abcdefghijklmnñopqrstuvwxyz"
_NAMED_CONTAINERS = frozenset({"especial", "preliminar"})


@dataclass(eq=False, slots=True)
class Node:
    """A provision under construction (mutable while the lines are read)."""

    label: str
    kind: Kind
    number: str = ""
    heading: str = ""
    text: str = ""
    status: Status = Status.VIGENTE
    notes: list[Annotation] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    paragraphs: int = 0           # paragraphs counted so far (own text counts for list items)
    last_paragraph: Node | None = None
    list_intro: Node | None = None  # the paragraph that introduced the current list
    list_kinds: set[Kind] = field(default_factory=set)  # kinds of list items among the children
    inner: bool = False           # an apartado inside a fracción: the next fracción closes it

    def freeze(self) -> Provision:
        children = tuple([child.freeze() for child in self.children]) if self.children else ()
        return make_provision(self.label, self.kind, self.number, self.heading, self.text, self.status,
                          tuple(self.notes), children)


def join_label(path: str, part: str) -> str:
    """``labels.join`` of a path and one part (never empty), without its generic loop."""
    return f"{path}{labels.SEPARATOR}{part}" if path else part


def base_value(kind: Kind, number: str) -> int:
    """The integer a list item's number starts with: 'XXIX-A' -> 29, 'c' -> 3, '2' -> 2."""
    head = re.split(r"[\s\-]+", number.strip())[0].lower()
    try:
        if kind is Kind.FRACCION:
            return labels.roman_to_int(head)
        if kind in (Kind.INCISO, Kind.APARTADO):
            return _LETTERS.index(head[0]) + 1 if head and head[0] in _LETTERS else 0
        if is_subnumeral(kind, head):
            return labels.roman_to_int(head)
        return int(head) if head.isdigit() else 0
    except ValueError:
        return 0


def is_subnumeral(kind: Kind | None, number: str) -> bool:
    """A numeral numbered in lowercase Roman ('ii'): a subnumeral of an inciso (parser.subnumerales)."""
    return kind is Kind.NUMERAL and number[:1] in ("i", "v", "x")


_SIMPLE_NUMBER = {Kind.FRACCION: re.compile(r"[IVXL]+"), Kind.INCISO: re.compile(r"[a-z]"),
                  Kind.NUMERAL: re.compile(r"\d+"), Kind.ARTICULO: re.compile(r"(\d+)o?")}


@lru_cache(maxsize=4096)
def label_part(kind: Kind, number: str) -> str | None:
    """The label part of a number as written, None if it cannot be read (memoised: fracciones,
    incisos and paragraphs repeat the same few numbers throughout a statute)."""
    simple = _SIMPLE_NUMBER.get(kind)
    found = simple.fullmatch(number) if simple is not None else None
    if found is not None and (kind is not Kind.FRACCION or is_roman(number)):
        # The common cases ("III", "a", "2", "57", "1o"), without the general number reader.
        return f"{labels.PREFIX[kind]}_{(found.group(1) if found.groups() else number).lower()}"
    try:
        return labels.part(kind, number)
    except ValueError:
        pass
    words = labels.fold(number).split()
    if kind in CONTAINER_RANK and words and words[0] in _NAMED_CONTAINERS:
        # "Título Especial Bis" -> tit_especial-bis: named, not numbered
        return f"{labels.PREFIX[kind]}_{'-'.join(words)}"
    return None


__all__ = ["CONTAINER_RANK", "Node", "base_value", "is_subnumeral", "join_label", "label_part"]
