"""Where DOF things live, and fetching them whole: the API the pipeline calls.

``DofSource(fetcher, source=None)`` builds every URL in its real form and fetches it through the
fetcher with the right completeness check:

* edition index: ``{DOF}/index_111.php?year=YYYY&month=MM&day=DD&edicion=MAT|VES|EXT``
  (``edicion`` always sent: without it the site answers the vespertina);
* note body: ``{SIDOF}/notas/docFuente/{codigo}`` (robots.txt forbids nota_detalle.php);
* human link of a note: ``{DOF}/nota_detalle.php?codigo={codigo}&fecha=DD/MM/YYYY``;
* SIDOF day list: ``{SIDOF}/dof/sidof/notas/DD-MM-YYYY``.

``source`` (the CLI's ``--source URL``) replaces both hosts, so one local mirror serves them all.
Another day's index page is refetched (the site has served one); a page that parses to
nothing although it links notes raises ``SanityError`` at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

from errors import IncompleteBody, InputError
from gazette import Capture, Edition, Notice
from scraper.classify import classify
from scraper.edition import EditionIndex, WrongDay, check_index_complete, parse_edition
from scraper.http import DOF_ORIGINS, Fetcher, FetchPolicy, origin_of
from scraper.note import Note, check_note_complete, parse_note, valid_codigo
from scraper.sidof import SidofDay, check_json_complete, parse_sidof_notes
from untrusted import printable_url

DOF_BASE = "https://www.dof.gob.mx"
SIDOF_BASE = "https://sidof.segob.gob.mx"


def source_base(source: str) -> str:
    """Validate a ``--source`` URL: an http(s) origin with no path, query or credentials."""
    try:
        parts = urlsplit(source.strip())
    except ValueError:  # an unclosed IPv6 bracket
        raise InputError(f"--source no es una URL utilizable: {printable_url(source)}") from None
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise InputError(f"--source es solo una URL base, como http://127.0.0.1:8000, no "
                         f"{printable_url(source)}")
    return origin_of(source.strip())


def allowed_origins(source: str | None = None) -> tuple[str, ...]:
    """The hosts a fetcher may contact: the DOF's own, or only the ``--source`` base."""
    return (source_base(source),) if source else DOF_ORIGINS


def open_fetcher(source: str | None = None, policy: FetchPolicy | None = None,
                 on_capture: Callable[[Capture], None] | None = None) -> Fetcher:
    """A Fetcher allowed exactly the hosts ``source`` implies."""
    return Fetcher(policy, allowed=allowed_origins(source), on_capture=on_capture)


def finish_notice(notice: Notice, note: Note, truncated: bool = False) -> Notice:
    """Complete an index notice with what its body says.

    The index may cut long titles (no closing ``</a>``); then the body's title replaces it.
    Classification is redone on the longest title available, since the instrument's name is
    often at the end ("… del Reglamento de la Ley …").
    """
    title = note.title if (truncated or not notice.title) and note.title else notice.title
    basis = note.title if len(note.title) >= len(title) else title
    kind, document = classify(basis)
    return replace(notice, title=title, kind=kind, document=document)


class DofSource:
    """The DOF's editions, notes and SIDOF lists, fetched completely."""

    def __init__(self, fetcher: Fetcher, source: str | None = None) -> None:
        self.fetcher = fetcher
        base = source_base(source) if source else None
        self.dof_base = base or DOF_BASE
        self.sidof_base = base or SIDOF_BASE
        for needed in {self.dof_base, self.sidof_base}:
            if origin_of(needed) not in fetcher.allowed:
                raise InputError(f"el cliente HTTP no tiene permitido llegar a {needed}")

    # --- URLs -------------------------------------------------------------------------------
    def edition_url(self, day: date, edition: Edition) -> str:
        return (f"{self.dof_base}/index_111.php?year={day.year:04d}&month={day.month:02d}"
                f"&day={day.day:02d}&edicion={Edition(edition)}")

    def note_url(self, codigo: str) -> str:
        return f"{self.sidof_base}/notas/docFuente/{valid_codigo(codigo)}"

    def detail_url(self, codigo: str, day: date) -> str:
        return (f"{self.dof_base}/nota_detalle.php?codigo={valid_codigo(codigo)}"
                f"&fecha={day:%d/%m/%Y}")

    def sidof_notes_url(self, day: date) -> str:
        return f"{self.sidof_base}/dof/sidof/notas/{day:%d-%m-%Y}"

    # --- fetching ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def recording(self) -> Iterator[list[Capture]]:
        """Every capture the fetcher makes inside the block, in order (cut and failed responses
        included); the fetcher's own ``on_capture``, if any, still receives each one."""
        captured: list[Capture] = []
        previous = self.fetcher.on_capture

        def keep(capture: Capture) -> None:
            captured.append(capture)
            if previous is not None:
                previous(capture)

        self.fetcher.on_capture = keep
        try:
            yield captured
        finally:
            self.fetcher.on_capture = previous

    def edition(self, day: date, edition: Edition) -> EditionIndex:
        """The index of one edition; ``published=False`` when the site has none that day."""
        url = self.edition_url(day, edition)
        parsed: list[EditionIndex] = []

        def check(text: str) -> None:
            check_index_complete(text)
            parsed[:] = [parse_edition(text, day, edition, url)]

        self.fetcher.get(url, check=check, retry_on=(IncompleteBody, WrongDay))
        return parsed[0]

    def note(self, codigo: str) -> Note:
        """The body of note ``codigo`` from SIDOF docFuente."""
        url = self.note_url(codigo)
        response = self.fetcher.get(url, check=check_note_complete)
        return parse_note(response.text, codigo)

    def sidof_notes(self, day: date) -> SidofDay:
        """SIDOF's own list of the day's notes, for cross-checking counts."""
        response = self.fetcher.get(self.sidof_notes_url(day), check=check_json_complete)
        return parse_sidof_notes(response.text, day)
