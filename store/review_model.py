"""The review trail's words, apart from its queries (``store.review``) so that the store's
writers (``store.reread``) can use them without importing the readers."""

from __future__ import annotations

from enum import StrEnum

#: who an event without a user is shown as: the tracker itself (``store.reread``), never a person
SYSTEM = "sistema"


class ReviewState(StrEnum):
    NUEVA = "nueva"
    REVISADA = "revisada"
    REQUIERE_ATENCION = "requiere_atencion"

    @property
    def spanish(self) -> str:
        """How people read it: 'nueva', 'revisada', 'requiere atención'."""
        return self.value.replace("_", " ").replace("atencion", "atención")


class Subject(StrEnum):
    CHANGE = "change"
    DISCREPANCY = "discrepancy"


__all__ = ["SYSTEM", "ReviewState", "Subject"]
