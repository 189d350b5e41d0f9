"""Which fixture file answers a DOF or SIDOF URL: the mirror's map of the real sites' URL schemes.

An edition index by day and edition (the "No hay datos" page for a day without it), a note's
site page or bare document, a day's SIDOF JSON list, robots.txt; what the fixtures lack answers
as the real sites answer an unknown code or a lost day.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dof"


HTML = "text/html; charset=UTF-8"
JSON = "application/json;charset=UTF-8"
_INDEX = re.compile(r"^/index(?:_\d+)?\.php$")
_DOC_FUENTE = re.compile(r"^/notas/docFuente/(\d{1,10})$")
_SIDOF_DAY = re.compile(r"^/dof/sidof/notas/(\d{2})-(\d{2})-(\d{4})$")
_EMPTY_NOTE = ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" '
               '"http://www.w3.org/TR/html4/strict.dtd"> <HTML> <head> <title></title> </head> '
               "<BODY> </BODY> </HTML> ")
_EMPTY_DAY = {"messageCode": 200, "response": "OK", "NotasMatutinas": [], "NotasVespertinas": [],
              "NotasExtraordinarias": [], "imagenesDiario": [], "audioSumario": None}


@dataclass(frozen=True, slots=True)
class Answer:
    """What a URL resolves to in the fixture tree."""

    status: int
    content_type: str
    body: bytes
    kind: str  # index / no_edition / note / detail / sidof / robots / missing
    wrong_day: bytes | None = None  # another day's index page, for the wrong_day fault


class Resolver:
    """Maps DOF/SIDOF request paths onto files under the fixture root."""

    def __init__(self, root: Path = FIXTURES) -> None:
        self.root = root

    def _read(self, *parts: str) -> bytes | None:
        path = self.root.joinpath(*parts)
        return path.read_bytes() if path.is_file() else None

    def index(self, query: Mapping[str, list[str]]) -> Answer:
        try:
            day = date(int(query["year"][0]), int(query["month"][0]), int(query["day"][0]))
        except (KeyError, ValueError):
            return self.no_edition()
        editions = [query["edicion"][0].upper()] if "edicion" in query else ["VES", "MAT"]
        for edition in editions:
            if not re.fullmatch(r"MAT|VES|EXT", edition):
                break
            body = self._read("www", "index", f"{day.isoformat()}_{edition}.html")
            if body is not None:
                return Answer(200, HTML, body, "index", self._other_day(day, edition))
        return self.no_edition()

    def _other_day(self, day: date, edition: str) -> bytes | None:
        for path in sorted((self.root / "www" / "index").glob(f"*_{edition}.html")):
            if not path.name.startswith(day.isoformat()):
                return path.read_bytes()
        return None

    def no_edition(self) -> Answer:
        return Answer(200, HTML, self._read("www", "no-edition.html") or b"", "no_edition")

    def resolve(self, target: str) -> Answer:
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        if path == "/robots.txt":
            return Answer(200, "text/plain", self._read("robots.txt") or b"", "robots")
        if _INDEX.match(path):
            return self.index(query)
        if path == "/nota_detalle.php" and re.fullmatch(r"\d{1,10}", query.get("codigo", [""])[0]):
            body = self._read("www", "nota_detalle", f"{query['codigo'][0]}.html")
            return Answer(200, HTML, body or self._read("www", "nota_detalle", "epoch.html")
                          or b"", "detail")
        if match := _DOC_FUENTE.match(path):
            body = self._read("sidof", "docFuente", f"{match.group(1)}.html")
            return Answer(200, HTML, body or _EMPTY_NOTE.encode(), "note")
        if match := _SIDOF_DAY.match(path):
            dd, mm, yyyy = match.groups()
            body = self._read("sidof", "notas", f"{dd}-{mm}-{yyyy}.json")
            return Answer(200, JSON, body or json.dumps(_EMPTY_DAY).encode(), "sidof")
        return Answer(404, HTML, b"<html><body>Not Found</body></html>\n", "missing")
