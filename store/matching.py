"""Which stored document a notice or a clause names.

Titles come from the DOF's index, from the "Se reforma … del <name>" of a clause and from our
own store. Whether two of them name one instrument is ``parser.instruments.same_instrument``,
the matcher ``diffing.amend`` uses too, so the store never picks a document for a decree that
the decree's own reading would then reject (or the reverse).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from parser.instruments import name_words, same_instrument

from .catalog import documents

__all__ = ["Tracked", "kind_word", "same_instrument"]  # same_instrument re-exported for store users


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
            found = [doc_id for doc_id in found if name_words(self.titles[doc_id]) == name_words(name)]
        return found[0] if len(found) == 1 else None


def kind_word(title: str) -> str:
    """The kind of instrument a title names, as its first word ("ley", "reglamento", "estatuto")."""
    words = name_words(title)
    return words[0] if words else ""
