"""What an operative clause orders, one target at a time, before a base text resolves it.

``Directive`` values come out of ``parser.clauses.read_clause``; ``parser.amendments`` resolves
them against a base into ``Instruction`` values, and the store keeps the declared ones of
instruments whose text is not tracked yet. Pure data.
"""

from __future__ import annotations

from dataclasses import dataclass

from .labels import Label
from .model import Kind, Verb

Locator = tuple[tuple[Kind, str], ...]  # outermost first: ((ARTICULO, "2"), (FRACCION, "v"))

# How deep each kind of unit sits: a unit holds only units of a higher rank (fracción in artículo).
KIND_RANK: dict[Kind, int] = {kind: rank for rank, kind in enumerate((
    Kind.LIBRO, Kind.TITULO, Kind.CAPITULO, Kind.SECCION, Kind.TRANSITORIO, Kind.ARTICULO,
    Kind.APARTADO, Kind.FRACCION, Kind.INCISO, Kind.NUMERAL, Kind.PARRAFO))}

RELATIVE_PARAGRAPHS = {"ultimo": "ultimo", "penultimo": "penultimo",
                       "antepenultimo": "antepenultimo"}


@dataclass(frozen=True, slots=True)
class Directive:
    """One target of one verb, before it is resolved against a base text.

    ``actual`` marks "la actual fracción V" (numbering before the decree); ``new`` is where a
    renumbered unit goes ("que pasa a ser el segundo párrafo"); ``heading_only`` is a
    reform of a container's denominación, not of its articles; ``shifts`` marks an addition
    "recorriéndose en su orden los subsecuentes": the base units of its kind from its number
    on move down to make room (``parser.shifts`` spells the moves out against a base).
    """

    verb: Verb
    target: Locator
    source: str
    new: Locator | None = None
    actual: bool = False
    heading_only: bool = False
    shifts: bool = False

    @property
    def label(self) -> str:
        return to_label(self.target)

    @property
    def new_label(self) -> str | None:
        return to_label(self.new) if self.new else None


def to_label(locator: Locator) -> str:
    """A locator as a canonical label; articles drop the containers above them (§1.2)."""
    start = next((i for i, (kind, _) in enumerate(locator) if kind is Kind.ARTICULO), 0)
    return str(Label(locator[start:]))


__all__ = ["KIND_RANK", "RELATIVE_PARAGRAPHS", "Directive", "Locator", "to_label"]
