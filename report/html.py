"""The change log as a printable HTML page for lawyers, rendered with Jinja2 (templates/changes.html).

At the top, a summary table (legislation.gov.uk's "changes to legislation": provision, type of
change, instrument, in force from); then the editions the report covers; then the changes
grouped by the instrument that made them, each with its parent's opening words and a redline
readable without colour (deleted text struck through, added text underlined); then the findings
and the discrepancies. Printed, a running header repeats on every page (the page body sits in
one table whose ``thead`` Chromium repeats: ``@page`` margin boxes it does not support) and no
entry is split across pages.

Every piece of gazette text is untrusted: Jinja2 autoescapes every value, every value first
loses its control and bidi-override characters (the environment's ``finalize``), only plain
http(s) URLs become links, and the page carries a Content-Security-Policy that forbids scripts
and uses no JavaScript at all. Jinja2 is imported on first render, so commands that print no
HTML do not pay for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from diffing import ChangeType, DiffOp, Redline
from parser.cite_text import cite
from parser.date_text import long_date, span
from store.api import Store
from store.values import ChangeEntry
from untrusted import CONTROL, plain

from .changelog import Group, Item, group_entries
from .context import Coverage, LogContext, log_context
from .pieces import diff_of, one_line, revision_findings
from .words import (
    DISCREPANCY_WORDS,
    RUN_WORDS,
    change_word,
    edition_word,
    notice_ref,
    plural,
    short_date,
    word,
)

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

TITLE = "Registro de cambios del Diario Oficial de la Federación"
DISCLAIMER = ("Herramienta de documentación sin efectos legales: el texto oficial es el que publicó el "
              "Diario Oficial de la Federación. Cada cambio enlaza con su aviso en el DOF.")
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
UNDECLARED = "cambio en el texto que la parte dispositiva del instrumento no declara"


def safe_href(url: str | None) -> str | None:
    """The URL if it is plain http(s) without credentials, else None (never ``javascript:``)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or "@" in parts.netloc:
        return None
    if CONTROL.search(url) or any(c.isspace() or c in "\"'<>\\`" for c in url.strip()):
        return None  # characters a well-formed URL percent-encodes
    return url.strip()


def _finalize(value: Any) -> Any:
    """Every value a template prints loses its control and bidi characters (Markup is ours)."""
    from markupsafe import Markup
    return value if isinstance(value, Markup) or not isinstance(value, str) else plain(value)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined
    return Environment(loader=PackageLoader("report", "templates"), autoescape=True,
                       undefined=StrictUndefined, finalize=_finalize, trim_blocks=True,
                       lstrip_blocks=True)


def html_redline(diff: Redline) -> Markup:
    """``<del>``/``<ins>`` markup, every piece escaped."""
    from markupsafe import Markup, escape
    tags = {DiffOp.EQUAL: (Markup(""), Markup("")), DiffOp.DELETE: (Markup("<del>"), Markup("</del>")),
            DiffOp.INSERT: (Markup("<ins>"), Markup("</ins>"))}
    return Markup("").join(tags[op][0] + escape(plain(piece)) + tags[op][1] for op, piece in diff)


# --- the view: plain values the template prints -----------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Row:
    number: int
    provision: str
    kind: str
    instrument: str
    in_force: str


def _provision(item: Item) -> str:
    members = "; ".join(cite(m.label) for m in item.members)
    return cite(item.entry.label) + (f" (con {members})" if members else "")


def _instrument(entry: ChangeEntry) -> str:
    notice = entry.notice
    if notice is None:
        return "texto registrado a mano"
    return f"{one_line(notice.title, 64)} (DOF {short_date(notice.date)})"


def _in_force(entry: ChangeEntry) -> str:
    """The first day in force, and how it follows from the publication when it is a usual rule."""
    shown = long_date(entry.valid_from)
    if entry.valid_from == entry.date + timedelta(days=1):
        return f"{shown} (al día siguiente de su publicación)"
    if entry.valid_from == entry.date:
        return f"{shown} (el día de su publicación)"
    return shown


def _body(entry: ChangeEntry) -> Markup:
    change = entry.change
    if change.type is ChangeType.ADDED and not change.before:
        return html_redline(((DiffOp.INSERT, change.after or ""),))
    return html_redline(diff_of(entry))


def _item_view(item: Item) -> dict[str, Any]:
    entry = item.entry
    unreconciled = "" if entry.reconciled or entry.notice is None else UNDECLARED
    return {"number": item.number, "provision": _provision(item), "css": str(entry.type),
            "kind": change_word(entry.type, entry.change.from_label), "opening": item.opening,
            "published": long_date(entry.date), "in_force": _in_force(entry), "unreconciled": unreconciled,
            "members": "; ".join(cite(m.label) for m in item.members), "body": _body(entry)}


def _group_view(group: Group) -> dict[str, Any]:
    notice = group.notice
    return {"title": one_line(notice.title, 400) if notice else "Textos registrados a mano",
            "reference": notice_ref(notice), "href": safe_href(notice.url) if notice else None,
            "document": group.document, "changes": [_item_view(i) for i in group.items]}


def _coverage_view(coverage: Coverage | None, entries: Sequence[ChangeEntry]) -> dict[str, Any]:
    if coverage is None:
        seen = {(e.notice.date, str(e.notice.edition)) for e in entries if e.notice}
        listed = ", ".join(f"{short_date(d)} {edition_word(ed)}" for d, ed in sorted(seen))
        summary = (f"Ediciones de las que provienen estos cambios: {listed or 'ninguna'} (sin los "
                   "registros de ejecución: no se sabe qué otras ediciones se revisaron).")
        return {"summary": summary, "rows": []}
    editions = coverage.editions
    published = [e for e in editions if e.published or e.status == "failed"]
    failed = sum(e.status == "failed" for e in editions)
    read = sum(e.published and e.status != "failed" for e in editions)
    absent = len(editions) - read - failed
    summary = (f"Periodo {span(coverage.first, coverage.last)}: "
               f"{plural(len(editions), 'edición revisada', 'ediciones revisadas')}: "
               f"{plural(read, 'publicada')}, {absent} sin publicación"
               + (f", {plural(failed, 'fallida')} (se reintentan)" if failed else "") + ".")
    rows = [{"day": long_date(e.day), "edition": edition_word(e.edition),
             "status": word(RUN_WORDS, e.status) + (f": {one_line(e.error, 120)}" if e.error else ""),
             "notices": e.notices} for e in published]
    return {"summary": summary, "rows": rows}


def _findings_view(entries: Sequence[ChangeEntry], context: LogContext) -> list[dict[str, Any]]:
    blocks = []
    for document_id, document, revision, count in revision_findings(entries):
        found = context.findings.get((document_id, revision), ())
        blocks.append({"heading": f"{document}, revisión {revision}: {plural(count, 'hallazgo')}",
                       "lines": [(f"línea {f.line}: " if f.line is not None else "") + f.message
                                 + (f" ({cite(f.label)})" if f.label else "") for f in found]})
    return blocks


def _discrepancy_lines(entries: Sequence[ChangeEntry], context: LogContext) -> list[str]:
    out = [f"{word(DISCREPANCY_WORDS, d.kind)}" + (f": {cite(d.label)}" if d.label else "")
           + f" — {d.detail} ({notice_ref(d.notice)}; {d.document})" for d in context.discrepancies]
    out.extend(f"{UNDECLARED}: {cite(e.label)}, {change_word(e.type, e.change.from_label)} "
               f"({notice_ref(e.notice)}; {e.document})"
               for e in entries if not e.reconciled and e.notice is not None)
    return out


def changes_html(entries: Sequence[ChangeEntry], *, title: str = TITLE, filters: str = "",
                 generated: datetime | None = None, context: LogContext | None = None) -> str:
    """A self-contained, printable HTML page: the summary table, the editions covered, the
    changes by instrument with redlines, the findings and the discrepancies."""
    context = context or LogContext()
    groups = group_entries(entries, context)
    items = [item for group in groups for item in group.items]
    rows = [_Row(i.number, _provision(i), change_word(i.entry.type, i.entry.change.from_label),
                 _instrument(i.entry), long_date(i.entry.valid_from)) for i in items]
    stamp = f"generado el {long_date(generated.date())} a las {generated:%H:%M}" if generated else ""
    count = plural(len(items), "cambio")
    meta = " · ".join(part for part in (filters, count, stamp) if part)
    coverage = _coverage_view(context.coverage, entries)
    running = " · ".join(part for part in (
        span(context.coverage.first, context.coverage.last) if context.coverage else filters, count) if part)
    page = _environment().get_template("changes.html").render(
        title=title, csp=CSP, meta=meta, disclaimer=DISCLAIMER, running=running, rows=rows,
        coverage=coverage, groups=[_group_view(g) for g in groups], findings=_findings_view(entries, context),
        discrepancies=_discrepancy_lines(entries, context))
    return page if page.endswith("\n") else page + "\n"


def change_log_html(store: Store, entries: Sequence[ChangeEntry], *, since: date | None = None,
                    until: date | None = None, document: str | int | None = None, filters: str = "",
                    generated: datetime | None = None) -> str:
    """``changes_html`` with its context read from ``store`` (what ``changes --format html`` prints)."""
    context = log_context(store, entries, since=since, until=until, document=document)
    return changes_html(entries, filters=filters, generated=generated, context=context)


__all__ = ["CSP", "DISCLAIMER", "TITLE", "change_log_html", "changes_html", "html_redline", "safe_href"]
