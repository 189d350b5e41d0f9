"""A DOF note page -> its title and its own HTML body.

Two shapes carry the same note (research/dof-source.md §4):

* SIDOF ``/notas/docFuente/{codigo}``: the note as a bare Word-to-HTML document (``h1.Titulo_1``,
  ``h2.Titulo_2``, ``div.Texto``, ``div.ANOTACION``), UTF-8. Our source for bodies, since
  robots.txt of www.dof.gob.mx disallows nota_detalle.php.
* www.dof.gob.mx ``nota_detalle.php``: the site chrome around ``div#DivDetalleNota``, which holds
  a *nested complete document* ``<HTML>…</HTML>`` followed by a disclaimer table. The note is
  bounded by that inner document, and its title is the inner one, never the outer ``<title>``.

The parser package turns the body HTML into provisions; this module only finds it, names it, and
recognises image-only notes ("únicamente puede ser visualizado … en formato PDF") and unknown
codes (an empty document, or ``DOF: 31/12/1969``, the epoch the site prints for them). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from bs4 import BeautifulSoup

from errors import IncompleteBody, InputError
from scraper.classify import fold
from scraper.markup import read_markup
from untrusted import quoted

_DIV = "DivDetalleNota"
_DISCLAIMER = "En el documento que usted est"
_DOF_DATE = re.compile(r"DOF:\s*(\d{1,2})/(\d{1,2})/(\d{4})")
_INNER = re.compile(r"<html\b.*?</html\s*>", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"<body\b[^>]*>(.*)</body\s*>", re.IGNORECASE | re.DOTALL)
_IMAGE_ONLY = "unicamente puede ser visualizado"
_EPOCH = date(1969, 12, 31)
_CODIGO = re.compile(r"[0-9]{1,10}")


@dataclass(frozen=True, slots=True)
class Note:
    """One note's own document: its title, its body HTML, and what kind of page it was."""

    codigo: str
    title: str
    body_html: str
    published: date | None = None  # the "DOF: dd/mm/yyyy" line, when the page prints one
    image_only: bool = False
    not_found: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "codigo": self.codigo,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "image_only": self.image_only,
            "not_found": self.not_found,
            "body_chars": len(self.body_html),
        }


def valid_codigo(codigo: str) -> str:
    """Return ``codigo`` if it is a plain DOF note number; InputError otherwise (no URL tricks)."""
    if not isinstance(codigo, str) or not _CODIGO.fullmatch(codigo):
        raise InputError(f"no es un código de nota del DOF: {quoted(str(codigo), 40)}")
    return codigo


def check_note_complete(text: str) -> None:
    """Raise IncompleteBody unless the note document is closed (``</BODY>`` and ``</HTML>``)."""
    tail = text[-4096:].lower()
    if "</html>" not in tail:
        raise IncompleteBody("a la página de la nota le falta el </HTML> de cierre")
    lowered = text.lower()
    if "<body" in lowered and "</body>" not in lowered:
        raise IncompleteBody("al cuerpo de la nota le falta el </BODY> de cierre")


def _inner_document(page: str) -> tuple[str, date | None]:
    """The note's own document and printed date, from either page shape."""
    start = page.find(_DIV)
    if start < 0:
        return page, None
    printed = _DOF_DATE.search(page)
    published = (date(int(printed.group(3)), int(printed.group(2)), int(printed.group(1)))
                 if printed else None)
    end = page.find(_DISCLAIMER, start)
    segment = page[start: end if end >= 0 else len(page)]
    inner = _INNER.search(segment)
    return (inner.group(0) if inner else segment.split(">", 1)[-1]), published


def _title(soup: BeautifulSoup) -> str:
    heading = soup.find(class_="Titulo_1") or soup.find("h1")
    if heading is not None:
        return " ".join(heading.get_text("").split())  # spans split words: join them bare
    title = soup.find("title")
    return " ".join(title.get_text("").split()) if title is not None else ""


def parse_note(page: str, codigo: str) -> Note:
    """Parse a docFuente or nota_detalle page for note ``codigo``."""
    valid_codigo(codigo)
    inner, published = _inner_document(page.lstrip("\ufeff"))
    body_match = _BODY.search(inner)
    body_html = (body_match.group(1) if body_match else inner).strip()
    soup = read_markup(inner)
    body = soup.body if soup.body is not None else soup
    body_text = " ".join(body.get_text(" ").split())
    image_only = _IMAGE_ONLY in fold(body_text)
    not_found = published == _EPOCH or (not body_text and "<img" not in body_html.lower())
    return Note(codigo=codigo, title="" if not_found else _title(soup), body_html=body_html,
                published=None if published == _EPOCH else published,
                image_only=image_only and not not_found, not_found=not_found)
