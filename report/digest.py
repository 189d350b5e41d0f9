"""The daily digest: what changed since a day in what a user watches, as a Spanish mail (plain
text and HTML).

``build_digest`` is pure (a user and change entries in, a ``Digest`` out); ``digest_for`` reads
the user's watched changes and builds it, or gives None when nothing changed. Sending is
``web.mail.send_digest``'s. Every piece of gazette text is untrusted: control characters are
removed from the text, and the HTML escapes every value and links only http(s) URLs
(``report``'s helpers and words).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from sqlalchemy import Connection

from errors import NotFound
from store.users import User, get_user
from store.values import ChangeEntry
from store.watch import watched_changes
from untrusted import plain

from .html import html_redline, safe_href
from .pieces import diff_of, inline_redline
from .text import notice_line
from .words import change_word

MAX_ENTRIES = 500
NO_LEGAL_EFFECT = ("Sin efectos legales: el texto oficial es el que publicó el Diario Oficial de la "
                   "Federación.")


def esc(value: object) -> str:
    """``value`` as HTML text: control characters removed, markup and quotes escaped."""
    return html.escape(plain(str(value)), quote=True)


def provision_path(entry: ChangeEntry) -> str:
    """The web application's page of the provision a change is about (DESIGN §1.4)."""
    return f"/documents/{entry.document_id}/provisions/{quote(entry.label, safe='')}"


def _count(n: int) -> str:
    return f"{n} cambio" if n == 1 else f"{n} cambios"


@dataclass(frozen=True, slots=True)
class Digest:
    """One user's mail: subject, plain-text and HTML bodies, and the changes it tells of."""

    user: User
    since: date
    subject: str
    text: str
    html: str
    entries: tuple[ChangeEntry, ...]

    def __repr__(self) -> str:
        return f"<Digest for {self.user.name} since {self.since.isoformat()}: {len(self.entries)} changes>"


def _groups(entries: Sequence[ChangeEntry]) -> dict[tuple[int, str], list[ChangeEntry]]:
    groups: dict[tuple[int, str], list[ChangeEntry]] = {}
    for entry in entries:
        groups.setdefault((entry.document_id, entry.document), []).append(entry)
    return groups


def _what(entry: ChangeEntry) -> str:
    """'reformado', or 'renumerado (antes artículo 57)'."""
    return change_word(entry.type, entry.change.from_label)


def _text(user: User, since: date, entries: Sequence[ChangeEntry], base_url: str) -> str:
    lines = [f"Hola, {user.name}:", "",
             f"{_count(len(entries)).capitalize()} en lo que sigue, publicados desde el "
             f"{since:%d/%m/%Y}.", ""]
    for (_, title), items in _groups(entries).items():
        lines.append(plain(title))
        for entry in items:
            lines.append(f"  * {entry.citation}: {_what(entry)}, "
                         f"{notice_line(entry)}, vigente desde el {entry.valid_from:%d/%m/%Y}")
            lines.append(f"    {' '.join(inline_redline(diff_of(entry)).split())}")
            if entry.notice is not None and safe_href(entry.notice.url):
                lines.append(f"    Nota del DOF: {plain(entry.notice.url)}")
            if base_url:
                lines.append(f"    Historia: {base_url}{provision_path(entry)}")
        lines.append("")
    lines.append(NO_LEGAL_EFFECT)
    return "\n".join(lines) + "\n"


def _html_entry(entry: ChangeEntry, base_url: str) -> str:
    citation = esc(entry.citation)
    if base_url:
        citation = f'<a href="{esc(base_url + provision_path(entry))}">{citation}</a>'
    href = safe_href(entry.notice.url) if entry.notice is not None else None
    source = esc(notice_line(entry))
    if href:
        source = f'<a href="{esc(href)}" rel="noopener noreferrer">{source}</a>'
    return (f"<li><p><strong>{citation}</strong>: {esc(_what(entry))}, {source}, vigente desde "
            f"el {entry.valid_from:%d/%m/%Y}</p><p>{html_redline(diff_of(entry))}</p></li>")


def _html(user: User, since: date, entries: Sequence[ChangeEntry], base_url: str, subject: str) -> str:
    sections = "".join(
        f"<h2>{esc(title)}</h2><ul>{''.join(_html_entry(e, base_url) for e in items)}</ul>"
        for (_, title), items in _groups(entries).items())
    return ('<!DOCTYPE html>\n<html lang="es"><head><meta charset="utf-8">'
            f"<title>{esc(subject)}</title><style>del{{color:#a00}}ins{{color:#060}}</style></head><body>"
            f"<p>Hola, {esc(user.name)}:</p><p>{esc(_count(len(entries)).capitalize())} en lo que sigue, "
            f"publicados desde el {since:%d/%m/%Y}.</p>{sections}"
            f"<p><small>{esc(NO_LEGAL_EFFECT)}</small></p></body></html>\n")


def build_digest(user: User, since: date, entries: Sequence[ChangeEntry], base_url: str = ""
                 ) -> Digest | None:
    """The digest of ``entries`` for ``user``; None when there are none. ``base_url`` (the web
    application's address, e.g. ``https://dof.example.org``) adds links to each provision."""
    if not entries:
        return None
    base = base_url.rstrip("/")
    subject = f"DOF: {_count(len(entries))} en lo que sigue desde el {since:%d/%m/%Y}"
    return Digest(user, since, subject, _text(user, since, entries, base),
                  _html(user, since, entries, base, subject), tuple(entries))


def digest_preview(digest: Digest) -> str:
    """The digest as ``--print`` shows it: to whom, the subject, then the plain text."""
    return (f"Para: {digest.user.name} <{digest.user.email or 'sin dirección'}>\nAsunto: {digest.subject}\n\n"
            f"{digest.text}")


def digest_for(conn: Connection, user_id: int, since: date, base_url: str = "") -> Digest | None:
    """The digest of the changes known on or after ``since`` to what the user watches; None
    when there are none. ``NotFound`` for an unknown user."""
    user = get_user(conn, user_id)
    if user is None:
        raise NotFound(f"no hay ningún usuario con id {user_id}")
    return build_digest(user, since, watched_changes(conn, user_id, since, MAX_ENTRIES), base_url)


__all__ = ["MAX_ENTRIES", "Digest", "build_digest", "digest_for", "digest_preview", "esc", "provision_path"]
