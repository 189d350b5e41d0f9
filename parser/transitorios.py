"""An instrument's transitorios, with the entry-into-force rule kept as data.

"PRIMERO.- El presente Decreto entrará en vigor al día siguiente de su publicación en el
Diario Oficial de la Federación." becomes ``EntryIntoForce("day_after_publication")``; a fixed
day, "a los ciento ochenta días naturales siguientes…", "el día hábil siguiente…", a fiscal
year or a Declaratoria each have their kind (grammar §8). When no transitorio says, the rule is
the Código Civil Federal's art. 3o: three days after publication (``default_ccf_3``). The
effective date is computed only where the rule fixes it; business days and declaratorias are
left to whoever knows the calendar, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from . import labels
from .lines import Line, LineKind

MONTHS = {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
          "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
          "diciembre": 12}
_NUMBER_WORDS = {
    "un": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "quince": 15, "veinte": 20, "treinta": 30,
    "cuarenta": 40, "cuarenta y cinco": 45, "sesenta": 60, "noventa": 90, "ciento veinte": 120,
    "ciento ochenta": 180, "trescientos sesenta y cinco": 365,
}


@dataclass(frozen=True, slots=True)
class EntryIntoForce:
    """When an instrument takes effect, as its transitorios say it."""

    kind: str          # day_after_publication | business_day_after_publication |
    #                    publication_day | fixed_date | days_after_publication | fiscal_year |
    #                    declaratoria | default_ccf_3
    on: date | None = None
    days: int | None = None
    source: str = ""

    def effective(self, published: date) -> date | None:
        """The first day in force for a publication date, where the rule fixes one."""
        if self.kind == "day_after_publication":
            return published + timedelta(days=1)
        if self.kind == "publication_day":
            return published
        if self.kind == "fixed_date":
            return self.on
        if self.kind == "days_after_publication" and self.days is not None:
            return published + timedelta(days=self.days)
        if self.kind == "default_ccf_3":
            return published + timedelta(days=3)
        if self.kind == "fiscal_year" and self.on is not None:
            return self.on
        return None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "date": self.on.isoformat() if self.on else None,
                "days": self.days, "source": self.source}


@dataclass(frozen=True, slots=True)
class Transitorio:
    """One transitorio of the amending instrument (numbering restarts per instrument)."""

    number: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "text": self.text}


_EIF = re.compile(r"entrar[áa]n?\s+en\s+vigor\s+(?P<when>[^.;]*)", re.IGNORECASE)
_FIXED = re.compile(
    r"(?:el|a\s+partir\s+del)?\s*(?:d[ií]a\s+)?(?P<day>\d{1,2}|1o|1º|1°|primero)\.?\s+de\s+"
    r"(?P<month>[a-zA-Z]+)\s+(?:de|del)\s+(?P<year>\d{4})", re.IGNORECASE)
_DAYS = re.compile(r"a\s+los\s+(?P<n>[\w\s]+?)\s+d[ií]as\s+(?:naturales\s+|h[aá]biles\s+)?"
                   r"(?:siguientes|posteriores|despu[eé]s)", re.IGNORECASE)


def entry_into_force(transitorios: tuple[Transitorio, ...]) -> EntryIntoForce:
    """The rule of the first transitorio that says when the instrument enters into force."""
    for transitorio in transitorios:
        match = _EIF.search(transitorio.text)
        if match:
            return classify(match.group("when"), transitorio.text)
    return EntryIntoForce("default_ccf_3", source="Código Civil Federal, art. 3o.")


def classify(when: str, source: str) -> EntryIntoForce:
    """'al día siguiente de su publicación …' -> ``EntryIntoForce('day_after_publication')``.

    >>> classify("el día siguiente al de su publicación en el Diario Oficial", "").kind
    'day_after_publication'
    >>> classify("el 1o. de enero de 2025", "").on
    datetime.date(2025, 1, 1)
    """
    folded = labels.fold(when)
    if "declaratoria" in folded:
        return EntryIntoForce("declaratoria", source=source)
    if re.search(r"dia\s+habil\s+siguiente", folded):
        return EntryIntoForce("business_day_after_publication", source=source)
    if re.search(r"dia\s+siguiente", folded):
        return EntryIntoForce("day_after_publication", source=source)
    if re.search(r"(?:mismo\s+)?dia\s+de\s+su\s+publicacion", folded):
        return EntryIntoForce("publication_day", source=source)
    days = _DAYS.search(folded)
    if days and days.group("n").strip() in _NUMBER_WORDS | {str(n): n for n in range(1, 400)}:
        raw = days.group("n").strip()
        count = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        return EntryIntoForce("days_after_publication", days=count, source=source)
    fixed = _FIXED.search(folded)
    if fixed and fixed.group("month") in MONTHS:
        day = 1 if not fixed.group("day").isdigit() else int(fixed.group("day"))
        on = date(int(fixed.group("year")), MONTHS[fixed.group("month")], day)
        return EntryIntoForce("fixed_date", on=on, source=source)
    fiscal = re.search(r"ejercicio\s+fiscal\s+(?:de\s+)?(\d{4})", folded)
    if fiscal:
        return EntryIntoForce("fiscal_year", on=date(int(fiscal.group(1)), 1, 1), source=source)
    return EntryIntoForce("unrecognized", source=source)


def read_transitorios(lines: tuple[Line, ...] | list[Line]) -> tuple[Transitorio, ...]:
    """Transitorio items after the heading, up to the signature block; prose joins its item."""
    items: list[tuple[int, list[str]]] = []
    for line in lines:
        if line.kind is LineKind.SIGNATURE:
            break
        if line.kind in (LineKind.TRANSITORIO, LineKind.ARTICLE) and line.number:
            try:
                number = labels.number_value(line.number)
            except ValueError:
                number = len(items) + 1
            items.append((number, [line.text]))
        elif line.kind is LineKind.PARAGRAPH and items:
            items[-1][1].append(line.text)
    return tuple(Transitorio(n, "\n".join(t for t in texts if t)) for n, texts in items)


__all__ = ["EntryIntoForce", "Transitorio", "classify", "entry_into_force", "read_transitorios"]
