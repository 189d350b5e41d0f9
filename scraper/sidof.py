"""SIDOF's JSON list of a day's notes (``/dof/sidof/notas/DD-MM-YYYY``): a cross-check only.

SIDOF answers 200 with empty lists for days it lost, lists title-less stub entries and
"digital twins", and carries convocatorias/avisos (CV, VG, AV) the www index never lists
(research/dof-source.md §7). So it never decides whether a day was published; it only lets us
compare counts with the index and name what one side has and the other lacks. Pure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from errors import IncompleteBody, ParseError
from scraper.model import Edition

_LISTS = {"NotasMatutinas": Edition.MAT, "NotasVespertinas": Edition.VES,
          "NotasExtraordinarias": Edition.EXT}
NOT_INDEXED = frozenset({"CV", "VG", "AV"})  # groups the www index does not list


@dataclass(frozen=True, slots=True)
class SidofEntry:
    """One entry of the SIDOF day list, with the fields we compare."""

    codigo: str
    title: str
    edition: Edition
    section: str = ""
    poder_code: str = ""
    poder: str = ""
    issuer: str = ""
    page: int | None = None


@dataclass(frozen=True, slots=True)
class SidofDay:
    """The SIDOF list of one day, stubs and twins dropped."""

    day: date
    entries: tuple[SidofEntry, ...] = ()

    def codigos(self, edition: Edition, *, indexed_only: bool = True) -> frozenset[str]:
        """Codigos SIDOF lists for an edition; by default only groups the www index shows."""
        return frozenset(e.codigo for e in self.entries if e.edition == edition
                         and not (indexed_only and e.poder_code in NOT_INDEXED))


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """How the www index and SIDOF disagree about one edition."""

    only_in_index: frozenset[str]
    only_in_sidof: frozenset[str]

    @property
    def agrees(self) -> bool:
        return not self.only_in_index and not self.only_in_sidof


def check_json_complete(text: str) -> None:
    """A cut JSON body does not parse: raise IncompleteBody so the fetcher retries."""
    try:
        json.loads(text)
    except ValueError as exc:
        raise IncompleteBody(f"JSON body does not parse: {exc}") from exc


def _entry(raw: dict[str, Any], edition: Edition) -> SidofEntry | None:
    title = " ".join(str(raw.get("titulo") or "").split())
    codigo = str(raw.get("codNota") or "").strip()
    if not title or not codigo.isdigit():
        return None  # title-less stubs are page-span markers, not notes
    page = raw.get("pagina")
    return SidofEntry(codigo=codigo, title=title,
                      edition=Edition(str(raw.get("codEdicion") or edition)),
                      section=str(raw.get("codSeccion") or ""),
                      poder_code=str(raw.get("codOrgaUno") or ""),
                      poder=str(raw.get("nombreCodOrgaUno") or ""),
                      issuer=str(raw.get("codOrgaDos") or ""),
                      page=page if isinstance(page, int) else None)


def parse_sidof_notes(text: str, day: date) -> SidofDay:
    """Parse the JSON answer; ParseError if it is not the notes-list shape."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ParseError(f"SIDOF notes list for {day.isoformat()} is not JSON") from exc
    if not isinstance(data, dict) or data.get("messageCode") != 200:
        raise ParseError(f"SIDOF notes list for {day.isoformat()} answered "
                         f"{str(data)[:120]!r}")
    seen: set[str] = set()
    entries: list[SidofEntry] = []
    for key, edition in _LISTS.items():
        for raw in data.get(key) or []:
            entry = _entry(raw, edition) if isinstance(raw, dict) else None
            if entry is not None and entry.codigo not in seen:  # digital twins share a codigo
                seen.add(entry.codigo)
                entries.append(entry)
    return SidofDay(day=day, entries=tuple(entries))


def reconcile(index_codigos: frozenset[str], sidof: SidofDay, edition: Edition) -> Reconciliation:
    """Compare the index's codigos with SIDOF's for one edition (CV/VG/AV left out)."""
    listed = sidof.codigos(edition)
    return Reconciliation(only_in_index=index_codigos - listed, only_in_sidof=listed - index_codigos)
