"""Which stored document a notice or a clause names.

Titles come from the DOF's index, from the "Se reforma … del <name>" of a clause and from our
own store; they differ in case, accents, punctuation, a leading article and in acronyms written
out or not. Matching is deliberately strict (no substring test): a wrong match would amend the
wrong document, a missed one only leaves instructions pending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection

from parser.labels import fold

from .versions import documents

_PAREN_TAIL = re.compile(r"^(?P<name>.*?)\s*\((?P<acronym>[^()]+)\)\s*\.?\s*$")


def _words(text: str) -> tuple[str, ...]:
    words = re.sub(r"[^a-z0-9]+", " ", fold(text)).split()
    while words and words[0] in ("el", "la", "los", "las"):
        words = words[1:]
    return tuple(words)


def _name_parts(title: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the name without a trailing '(ACRONYM)', the acronym's words or ())."""
    match = _PAREN_TAIL.match(" ".join(title.split()))
    if match is None:
        return _words(title), ()
    return _words(match.group("name")), _words(match.group("acronym"))


def _names_by_acronym(short: tuple[str, ...], name: tuple[str, ...], acronym: tuple[str, ...]) -> bool:
    """``short`` is ``name`` with its trailing expansion replaced by ``acronym``.

    "Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR" names "Estatuto Orgánico de
    Servicios de Salud del Instituto Mexicano del Seguro Social para el Bienestar (IMSS-BIENESTAR)".
    """
    if not acronym or len(short) <= len(acronym) or short[-len(acronym):] != acronym:
        return False
    head = short[: -len(acronym)]
    return len(name) > len(head) and name[: len(head)] == head


def same_instrument(a: str, b: str) -> bool:
    """Do two titles name the same instrument? (case, accents, punctuation and a leading article
    ignored; a parenthesised acronym may stand for the name it abbreviates).

    Deliberately not a substring test: "Ley General de Salud" must not match "Reglamento de la
    Ley General de Salud en materia de Publicidad".

    >>> same_instrument("Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR",
    ...     "ESTATUTO Orgánico de Servicios de Salud del Instituto Mexicano del Seguro Social "
    ...     "para el Bienestar (IMSS-BIENESTAR).")
    True
    >>> same_instrument("Ley General de Salud", "Reglamento de la Ley General de Salud")
    False
    """
    name_a, acr_a = _name_parts(a)
    name_b, acr_b = _name_parts(b)
    if not name_a or not name_b:
        return False
    if name_a == name_b:
        return not (acr_a and acr_b) or acr_a == acr_b
    return (_names_by_acronym(_words(a), name_b, acr_b) or _names_by_acronym(_words(b), name_a, acr_a)
            or (bool(acr_a) and _words(b) == name_a) or (bool(acr_b) and _words(a) == name_b))


@dataclass(slots=True)
class Tracked:
    """The documents of the store, found by the names notices and clauses give them."""

    titles: dict[int, str]

    @classmethod
    def load(cls, conn: Connection) -> Tracked:
        return cls({row[0]: row[1] for row in documents(conn)})

    def match(self, name: str | None) -> int | None:
        """The one document ``name`` names; None when none does (or several do: no guessing)."""
        if not name:
            return None
        found = [doc_id for doc_id, title in self.titles.items() if same_instrument(name, title)]
        if len(found) > 1:  # "Ley X" and "Ley X (LX)" both tracked: only the exact name decides
            found = [doc_id for doc_id in found if _words(self.titles[doc_id]) == _words(name)]
        return found[0] if len(found) == 1 else None


def kind_word(title: str) -> str:
    """The kind of instrument a title names, as its first word ("ley", "reglamento", "estatuto")."""
    words = _words(title)
    return words[0] if words else ""
