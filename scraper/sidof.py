"""SIDOF's JSON list of a day's notes (``/dof/sidof/notas/DD-MM-YYYY``): a cross-check only.

SIDOF answers 200 with empty lists for days it lost, lists title-less stub entries and
"digital twins", and carries convocatorias/avisos (CV, VG, AV) the www index never lists
(research/dof-source.md §7). So it never decides whether a day was published; it only lets us
compare counts with the index and name what one side has and the other lacks. Whatever the
payload (nested a million deep, lists where strings belong, an unknown edition code), reading
it either gives entries or raises ``ParseError``, which the caller turns into a warning. Pure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from errors import IncompleteBody, ParseError
from gazette import Edition
from untrusted import quoted

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


def _load(text: str) -> Any:
    """``json.loads``; RecursionError (deep nesting) is a ParseError like any unreadable JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ParseError("el JSON está anidado a demasiada profundidad para leerlo") from None


def check_json_complete(text: str) -> None:
    """A cut JSON body does not parse: raise IncompleteBody so the fetcher retries."""
    try:
        _load(text)
    except ValueError as exc:
        raise IncompleteBody("el cuerpo JSON no se puede leer (¿está cortado?)") from exc


def _scalar(raw: dict[str, Any], key: str) -> str:
    """A field as text when it is a string or a number; anything else counts as missing."""
    value = raw.get(key)
    return str(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else ""


def _entry(raw: dict[str, Any], edition: Edition) -> SidofEntry | None:
    title = " ".join(_scalar(raw, "titulo").split())
    codigo = _scalar(raw, "codNota").strip()
    if not title or not codigo.isdigit():
        return None  # title-less stubs are page-span markers, not notes
    page = raw.get("pagina")
    listed = _scalar(raw, "codEdicion").upper()
    return SidofEntry(codigo=codigo, title=title,
                      edition=Edition(listed) if listed in Edition.__members__ else edition,
                      section=_scalar(raw, "codSeccion"),
                      poder_code=_scalar(raw, "codOrgaUno"),
                      poder=_scalar(raw, "nombreCodOrgaUno"),
                      issuer=_scalar(raw, "codOrgaDos"),
                      page=page if isinstance(page, int) and not isinstance(page, bool) else None)


def _preview(data: Any) -> str:
    """The start of an unexpected answer, for the warning (never a RecursionError itself)."""
    try:
        return str(data)[:120]
    except RecursionError:
        return "datos anidados a demasiada profundidad para mostrarlos"


def parse_sidof_notes(text: str, day: date) -> SidofDay:
    """Parse the JSON answer; ParseError if it is not the notes-list shape."""
    try:
        data = _load(text)
    except ValueError as exc:
        raise ParseError(f"la lista de notas de SIDOF del {day.isoformat()} no es JSON") from exc
    if not isinstance(data, dict) or data.get("messageCode") != 200:
        raise ParseError(f"la lista de notas de SIDOF del {day.isoformat()} respondió "
                         f"{quoted(_preview(data))}")
    seen: set[str] = set()
    entries: list[SidofEntry] = []
    for key, edition in _LISTS.items():
        listed = data.get(key)
        for raw in listed if isinstance(listed, list) else []:
            entry = _entry(raw, edition) if isinstance(raw, dict) else None
            if entry is not None and entry.codigo not in seen:  # digital twins share a codigo
                seen.add(entry.codigo)
                entries.append(entry)
    return SidofDay(day=day, entries=tuple(entries))


def reconcile(index_codigos: frozenset[str], sidof: SidofDay, edition: Edition) -> Reconciliation:
    """Compare the index's codigos with SIDOF's for one edition (CV/VG/AV left out)."""
    listed = sidof.codigos(edition)
    return Reconciliation(only_in_index=index_codigos - listed, only_in_sidof=listed - index_codigos)
