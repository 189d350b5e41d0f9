"""What a request's query string and forms say, read into values; pure (no Flask).

Every value a person types reaches the store only through these, so a bad one becomes one
``InputError`` (a 400 page in Spanish) instead of a traceback. Dates are written either way
DESIGN §1.3 allows: ``2024-05-15`` or ``15/05/2024``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from diffing import ChangeType
from errors import InputError
from store.paging import Cursor

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
PAGE_SIZE = 25
MAX_PAGE = 100_000
MAX_QUERY = 200

#: what the review states and the change types are called on the pages
STATE_NAMES = {"nueva": "Nueva", "revisada": "Revisada", "requiere_atencion": "Requiere atención"}
TYPE_NAMES = {ChangeType.ADDED: "adición", ChangeType.MODIFIED: "reforma", ChangeType.DEROGATED: "derogación",
              ChangeType.RENUMBERED: "renumeración"}


def parse_day(value: str | None, what: str) -> date | None:
    """A date written ``YYYY-MM-DD`` or ``DD/MM/YYYY``; ``None`` for an empty field.

    >>> parse_day("15/05/2024", "desde"), parse_day(" 2024-05-15 ", "desde"), parse_day("", "desde")
    (datetime.date(2024, 5, 15), datetime.date(2024, 5, 15), None)
    """
    text = (value or "").strip()
    if not text:
        return None
    try:
        found = _DMY.match(text)
        if found:
            day, month, year = (int(part) for part in found.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"«{text[:40]}» no es una fecha válida para «{what}»: escríbala como "
                         "AAAA-MM-DD o DD/MM/AAAA") from None


def require_day(value: str | None, what: str) -> date:
    day = parse_day(value, what)
    if day is None:
        raise InputError(f"falta la fecha «{what}» (AAAA-MM-DD o DD/MM/AAAA)")
    return day


def parse_type(value: str | None) -> ChangeType | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        return ChangeType(text)
    except ValueError:
        raise InputError(f"tipo de cambio desconocido «{text[:40]}»") from None


def parse_state(value: str | None) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    if text not in STATE_NAMES:
        raise InputError(f"estado de revisión desconocido «{text[:40]}»")
    return text


def parse_page(value: str | None) -> int:
    text = (value or "").strip() or "1"
    if not text.isdigit() or not 1 <= int(text) <= MAX_PAGE:
        raise InputError(f"página inválida «{text[:20]}»")
    return int(text)


def parse_cursor(value: str | None, what: str) -> Cursor | None:
    """A place in the change log (``after=``/``before=``), as ``store.paging.Cursor`` writes it.

    >>> parse_cursor("2024-05-15_8123", "after"), parse_cursor("", "after")
    (Cursor(date=datetime.date(2024, 5, 15), id=8123), None)
    """
    text = (value or "").strip()
    return Cursor.parse(text, what) if text else None


@dataclass(frozen=True, slots=True)
class ChangeFilters:
    """The change log's filters, as the form and the URL carry them, and where the page is:
    after a change (``after``, the next page), before one (``before``, the previous page), or
    ``page`` N (a jump, turned into an ``after`` cursor by the page)."""

    since: date | None = None
    until: date | None = None
    document: str = ""
    type: ChangeType | None = None
    state: str | None = None
    page: int = 1
    after: Cursor | None = None
    before: Cursor | None = None

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> ChangeFilters:
        filters = cls(since=parse_day(args.get("since"), "desde"),
                      until=parse_day(args.get("until"), "hasta"),
                      document=(args.get("document") or "").strip()[:MAX_QUERY],
                      type=parse_type(args.get("type")), state=parse_state(args.get("state")),
                      page=parse_page(args.get("page")), after=parse_cursor(args.get("after"), "after"),
                      before=parse_cursor(args.get("before"), "before"))
        if filters.since and filters.until and filters.since > filters.until:
            raise InputError("la fecha «desde» es posterior a «hasta»")
        if sum((filters.page > 1, filters.after is not None, filters.before is not None)) > 1:
            raise InputError("«page», «after» y «before» dicen dónde empieza la página: use solo uno")
        return filters

    def query(self, *, after: Cursor | None = None, before: Cursor | None = None) -> dict[str, str]:
        """The filters as query-string arguments (empty ones left out), for links: to the newest
        page, or to the page after or before a cursor."""
        values = {"since": self.since.isoformat() if self.since else "",
                  "until": self.until.isoformat() if self.until else "",
                  "document": self.document, "type": str(self.type) if self.type else "",
                  "state": self.state or "", "after": str(after or ""), "before": str(before or "")}
        return {key: value for key, value in values.items() if value}

    def to_json(self) -> dict[str, str | int | None]:
        return {"since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "document": self.document or None, "type": str(self.type) if self.type else None,
                "state": self.state, "page": self.page,
                "after": str(self.after) if self.after else None,
                "before": str(self.before) if self.before else None}
