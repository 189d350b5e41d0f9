"""Atom 1.0 feeds (RFC 4287) of the change log: one entry per change, with its redline.

Pure: change entries in, the feed's bytes out. Each entry has a permanent id (a ``tag:`` URI on
the change row's id), the day the change became known as ``updated``, a title in Spanish
("artículo 57, fracción IX: derogado"), its redline as escaped HTML content, a link to the
provision's page in the web application and a link to the DOF notice. Gazette text is untrusted:
control characters are removed (XML 1.0 forbids most of them) and the HTML content is built by
``report``'s helpers and words, then escaped again as XML text by ElementTree.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405  (builds XML; never parses any)
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone
from urllib.parse import urlsplit

from report import diff_of, html_redline, notice_line, safe_href
from report.digest import esc, provision_path
from report.words import change_word
from store.values import ChangeEntry
from untrusted import plain

ATOM = "http://www.w3.org/2005/Atom"
GENERATOR = "dof-tracker"
#: Mexico City has kept UTC-6 all year since 2022: a DOF day starts at 00:00 there.
MEXICO_CITY = timezone(timedelta(hours=-6))

ET.register_namespace("", ATOM)


def _q(tag: str) -> str:
    return f"{{{ATOM}}}{tag}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _q(tag), attributes)
    if text is not None:
        element.text = plain(text)
    return element


def day_start(day: date) -> datetime:
    """The instant a DOF day begins (Mexico City), which is when a change of that day is known."""
    return datetime.combine(day, time(0, 0), MEXICO_CITY)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _authority(base_url: str) -> str:
    return urlsplit(base_url).hostname or "localhost"


def entry_id(entry: ChangeEntry, base_url: str) -> str:
    """A permanent, unique id: ``tag:HOST,2024:change/ID`` (RFC 4151), or, for an entry without
    a row id, one made of its document, revision and label."""
    specific = f"change/{entry.id}" if entry.id else \
        f"document/{entry.document_id}/revision/{entry.revision}/{entry.label}"
    return f"tag:{_authority(base_url)},2024:{specific}"


def entry_html(entry: ChangeEntry, base_url: str) -> str:
    """The entry's content: where it came from, when it holds, and its word-level redline."""
    href = safe_href(entry.notice.url) if entry.notice is not None else None
    source = esc(notice_line(entry))
    if href:
        source = f'<a href="{esc(href)}">{source}</a>'
    title = f": {esc(entry.notice.title)}" if entry.notice is not None else ""
    page = esc(base_url + provision_path(entry))
    what = change_word(entry.type, entry.change.from_label)
    return (f"<p>{source}{title}</p><p>{esc(what[:1].upper() + what[1:])}, vigente "
            f"desde el {entry.valid_from:%d/%m/%Y}. <a href=\"{page}\">Historia de la disposición</a></p>"
            f"<p>{html_redline(diff_of(entry))}</p>")


def _entry(feed: ET.Element, entry: ChangeEntry, base_url: str) -> None:
    element = _sub(feed, "entry")
    _sub(element, "id", entry_id(entry, base_url))
    _sub(element, "title", f"{entry.citation}: {change_word(entry.type)} — {entry.document}")
    _sub(element, "updated", _stamp(day_start(entry.date)))
    _sub(element, "link", rel="alternate", type="text/html", href=base_url + provision_path(entry))
    href = safe_href(entry.notice.url) if entry.notice is not None else None
    if entry.notice is not None and href:
        _sub(element, "link", rel="related", type="text/html", href=href,
             title=plain(f"DOF {entry.notice.codigo}"))
    _sub(element, "category", term=str(entry.type), label=change_word(entry.type))
    _sub(element, "content", entry_html(entry, base_url), type="html")


def changes_feed(title: str, feed_url: str, entries: Sequence[ChangeEntry], base_url: str,
                 *, updated: datetime | None = None) -> bytes:
    """An Atom feed of ``entries``, newest first. ``feed_url`` is the feed's own address (its id
    and ``rel="self"`` link); ``base_url`` the web application's (links to provisions).
    ``updated`` defaults to the newest entry's day, or now for an empty feed."""
    base = base_url.rstrip("/")
    newest = sorted(entries, key=lambda e: (e.date, e.id), reverse=True)
    if updated is None:
        updated = day_start(newest[0].date) if newest else datetime.now(UTC)
    feed = ET.Element(_q("feed"), {"xml:lang": "es"})
    _sub(feed, "id", feed_url)
    _sub(feed, "title", title)
    _sub(feed, "updated", _stamp(updated))
    author = _sub(feed, "author")
    _sub(author, "name", GENERATOR)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=base + "/changes")
    _sub(feed, "generator", GENERATOR)
    for entry in newest:
        _entry(feed, entry, base)
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body


__all__ = ["changes_feed", "day_start", "entry_html", "entry_id"]
