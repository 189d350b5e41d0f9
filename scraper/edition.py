"""The DOF's daily edition index page (index_111.php) -> the notices it lists.

The index is one flat table: section banners (``td.txt_blanco``), branch banners ("poder",
``td.txt_blanco2``), agency headers (``td.subtitle_azul``) and note rows are sibling ``<tr>``s,
so the hierarchy is state carried while walking cells in document order (research/dof-source.md
§3). Only ``nota_detalle.php?codigo=`` anchors are notes: the "Ver WORD" ``nota_to_doc.php``
links on agency headers draw from the same number sequence and are decoys.

Pure: str in, frozen value out. Raises ``SanityError`` (``WrongDay`` for another day's page)
when the page cannot be what was asked for, so a failed parse is never mistaken for a day
without publication.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from errors import IncompleteBody, SanityError
from gazette import Edition, Notice
from scraper.classify import classify
from scraper.markup import read_markup
from untrusted import quoted

DOF_BASE = "https://www.dof.gob.mx/"
NO_DATA = "No hay datos para la fecha seleccionada"
_EDITION_WORDS = {"matutina": Edition.MAT, "vespertina": Edition.VES,
                  "extraordinaria": Edition.EXT}
_HEADER = re.compile(r"Fecha:\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*-\s*Edici[oó]n\s+(\w+))?",
                     re.IGNORECASE)
_NOTE_HREF = re.compile(r"nota_detalle\.php\?codigo=(\d+)")
# The busiest real editions list a few hundred notes; past this a page is not an edition, and
# building its tree would take gigabytes (400,000 links: 1.4 GB).
MAX_NOTICES = 2000
_NOTE_ANCHOR = re.compile(
    r"<a\s[^>]*href\s*=\s*[\"'][^\"']*nota_detalle\.php\?codigo=(\d+)[^>]*>([^<]*)<(/?\w*)",
    re.IGNORECASE)
_COD_DIARIO = re.compile(r"cod_diario=(\d+)")
_EDITION_LINK = re.compile(r"index(?:_\d+)?\.php\?")


class WrongDay(SanityError):
    """The server answered with another day's (or another edition's) index page."""


@dataclass(frozen=True, slots=True)
class EditionIndex:
    """One edition of one day as its index page shows it."""

    day: date
    edition: Edition
    published: bool
    notices: tuple[Notice, ...] = ()
    cod_diario: str | None = None
    other_editions: tuple[Edition, ...] = ()
    truncated: frozenset[str] = field(default_factory=frozenset)  # codigos with cut titles
    url: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "edition": str(self.edition),
            "published": self.published,
            "cod_diario": self.cod_diario,
            "other_editions": [str(e) for e in self.other_editions],
            "truncated": sorted(self.truncated),
            "notices": [n.to_json() for n in self.notices],
        }


@dataclass(slots=True)
class _State:
    """Where the walk stands in the flat table."""

    section: str = ""
    poder: str = ""
    issuer: str = ""


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class")
    return list(value) if isinstance(value, list) else ([value] if isinstance(value, str) else [])


def check_index_complete(text: str) -> None:
    """Raise IncompleteBody unless the page ends with its closing </html> (F7: cut bodies)."""
    if "</html>" not in text[-2048:].lower():
        raise IncompleteBody("a la página del índice le falta el </html> de cierre")


def _check_header(text: str, day: date, edition: Edition) -> bool:
    """Validate the ``Fecha: dd/mm/yyyy - Edición X`` header; False when there is none."""
    match = _HEADER.search(text)
    if match is None:
        return False
    dd, mm, yyyy, word = match.groups()
    shown = date(int(yyyy), int(mm), int(dd))
    if shown != day:
        raise WrongDay(f"se pidió el {day.isoformat()} y la página es del {shown.isoformat()}")
    if word is not None:
        shown_edition = _EDITION_WORDS.get(word.lower())
        if shown_edition is None:
            raise SanityError(f"edición desconocida en el encabezado: {quoted(word)}")
        if shown_edition != edition:
            raise WrongDay(f"se pidió la edición {edition.spanish} y la página muestra la "
                           f"{shown_edition.spanish}")
    return True


def _truncated_codigos(raw: str) -> frozenset[str]:
    """Codigos whose anchor text runs into another tag instead of ``</a>`` (cut titles)."""
    return frozenset(m.group(1) for m in _NOTE_ANCHOR.finditer(raw)
                     if m.group(3).lower() != "/a")


def _other_editions(soup: BeautifulSoup, day: date, edition: Edition) -> tuple[Edition, ...]:
    found: list[Edition] = []
    for anchor in soup.find_all("a", href=_EDITION_LINK):
        query = parse_qs(urlsplit(str(anchor["href"])).query)
        try:
            linked = date(int(query["year"][0]), int(query["month"][0]), int(query["day"][0]))
            other = Edition(query["edicion"][0].upper())
        except (KeyError, ValueError):
            continue
        if linked == day and other != edition and other not in found:
            found.append(other)
    return tuple(found)


def _notice(anchor: Tag, state: _State, day: date, edition: Edition, base: str) -> Notice:
    href = str(anchor["href"])
    match = _NOTE_HREF.search(href)
    assert match is not None  # the caller selected anchors by this pattern
    title = _text(anchor)
    kind, document = classify(title)
    return Notice(codigo=match.group(1), date=day, edition=edition, section=state.section,
                  poder=state.poder, issuer=state.issuer, title=title,
                  url=urljoin(base, href), kind=kind, document=document)


def _walk(soup: BeautifulSoup, day: date, edition: Edition, base: str) -> list[Notice]:
    """Walk cells and anchors in document order, carrying section/poder/issuer state."""
    state = _State()
    seen: set[str] = set()
    notices: list[Notice] = []
    in_edition = False
    for tag in soup.find_all(["td", "a"]):
        classes = _classes(tag)
        if tag.name == "td":
            if "txt" in classes and "Fecha:" in tag.get_text():
                in_edition = True
            elif "txt_blanco" in classes:
                state = _State(section=_text(tag))
            elif "txt_blanco2" in classes and tag.get("bgcolor"):
                state = _State(section=state.section, poder=_text(tag))
            elif "subtitle_azul" in classes:
                state.issuer = _text(tag)
            continue
        href = tag.get("href")
        if not in_edition or not isinstance(href, str) or not _NOTE_HREF.search(href):
            continue
        notice = _notice(tag, state, day, edition, base)
        if notice.codigo not in seen:  # the index occasionally repeats a link
            seen.add(notice.codigo)
            notices.append(notice)
    return notices


def _check_notice_count(page: str, day: date, edition: Edition) -> None:
    """SanityError when the page links more distinct notes than any edition has (before any
    tree is built, so such a page costs a regex scan, not its tree's memory)."""
    codigos: set[str] = set()
    for match in _NOTE_HREF.finditer(page):
        codigos.add(match.group(1))
        if len(codigos) > MAX_NOTICES:
            raise SanityError(f"{day.isoformat()} {edition.spanish}: el índice enlaza más de {MAX_NOTICES} "
                              "notas, más de las que tiene cualquier edición: se rechaza (¿una página "
                              "dañada u hostil?)")


def parse_edition(page: str, day: date, edition: Edition, url: str = "") -> EditionIndex:
    """Parse an index page fetched for ``day`` and ``edition``.

    A "No hay datos" page, or a homepage-like page without a ``Fecha:`` header and without
    note links, means no such edition (HTTP 200 does not mean published). Anything else that
    yields no notes is a layout change and raises ``SanityError``.
    """
    _check_notice_count(page, day, edition)
    unescaped = html.unescape(page)
    has_links = _NOTE_HREF.search(page) is not None
    if NO_DATA.lower() in " ".join(unescaped.split()).lower():
        return EditionIndex(day=day, edition=edition, published=False, url=url)
    has_header = _check_header(unescaped, day, edition)
    if not has_header:
        if has_links:
            raise SanityError(f"{day.isoformat()} {edition.spanish}: hay enlaces a notas pero no el "
                              "encabezado «Fecha:» (¿cambió el formato de la página?)")
        return EditionIndex(day=day, edition=edition, published=False, url=url)
    soup = read_markup(page)
    notices = _walk(soup, day, edition, url or DOF_BASE)
    if not notices:
        raise SanityError(f"{day.isoformat()} {edition.spanish}: hay encabezado de edición pero no se "
                          f"leyó ninguna nota ({'hay' if has_links else 'no hay'} enlaces a notas; "
                          "¿cambió el formato de la página?)")
    diario = _COD_DIARIO.search(page)
    return EditionIndex(
        day=day, edition=edition, published=True, notices=tuple(notices),
        cod_diario=diario.group(1) if diario else None,
        other_editions=_other_editions(soup, day, edition),
        truncated=_truncated_codigos(page), url=url)
