"""The change log as people read it: a terminal table, CSV, JSON, and a printable HTML page; and
the terminal text of the other store commands (notices, history, at, info).

Pure: change entries in, one string out. Every piece of gazette text (titles, provision texts,
document names, URLs) is untrusted here: the DOF's own pages have carried markup in titles, and
a store can be fed anything. So the HTML escapes every value (``html.escape`` with quotes),
links only ``http``/``https`` URLs, carries a Content-Security-Policy that forbids scripts, and
uses no JavaScript at all; the terminal table drops control characters (no escape sequences
reach the terminal); CSV quotes every field and defuses cells a spreadsheet would run as
formulas (OWASP). Control and bidi-override characters are removed from every output
(``untrusted.plain``): in HTML and CSV they would reorder or hide what a reader sees.
"""

from __future__ import annotations

import csv
import html
import io
import json
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from urllib.parse import urlsplit

from diffing import ChangeType, DiffOp, Redline, redline, render_inline
from diffing.render import cite
from gazette import Notice
from parser.model import Finding
from untrusted import CONTROL, plain

from .api import ChangeEntry, Version
from .findings import FindingCount
from .status import StoreStatus

FORMATS = ("table", "json", "csv", "html")
DISCLAIMER = ("A documentation tool with no legal effect: the official text is the one the Diario "
              "Oficial de la Federación published. Each change links to its DOF notice.")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_EDITIONS = {"MAT": "matutina", "VES": "vespertina", "EXT": "extraordinaria"}


# --- shared pieces --------------------------------------------------------------------------------
def diff_of(entry: ChangeEntry) -> Redline:
    """The entry's word-level redline; computed from before/after when none was stored."""
    change = entry.change
    if change.diff:
        return change.diff
    return redline(change.before or "", change.after or "")


def inline_redline(diff: Redline) -> str:
    """``[-old-]{+new+}`` markup for a terminal (diffing's notation, control characters removed)."""
    return plain(render_inline(diff))


def notice_line(entry: ChangeEntry) -> str:
    """'DOF 15/05/2024 MAT 5727205' (or 'no DOF notice' for an imported text)."""
    notice = entry.notice
    if notice is None:
        return "no DOF notice"
    return f"DOF {notice.date:%d/%m/%Y} {notice.edition} {plain(notice.codigo)}"


def one_line(text: str, width: int = 90) -> str:
    """The text on one line (whitespace collapsed, control characters dropped), cut to ``width``."""
    flat = " ".join(plain(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


# --- table --------------------------------------------------------------------------------------
def changes_table(entries: Sequence[ChangeEntry], *, redlines: bool = False, width: int = 100) -> str:
    """One line per change (date, type, provision, document, notice); with ``redlines``, the
    word-level redline under each line."""
    if not entries:
        return "no changes\n"
    rows = [(e.date.isoformat(), str(e.type), one_line(e.citation, 38), one_line(e.document, 34),
             notice_line(e)) for e in entries]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines: list[str] = []
    for entry, row in zip(entries, rows, strict=True):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
        if redlines:
            lines.extend(textwrap.wrap(_redline_text(entry), width, initial_indent="    ",
                                       subsequent_indent="    ", break_on_hyphens=False))
    lines.extend(_findings_footer(entries))
    return "\n".join(lines) + "\n"


FINDINGS_WHERE = ("detalle del texto vigente: dof-tracker info --findings; de cualquier fecha: "
                  "Store.document(DOC).findings(fecha)")


def revision_findings(entries: Iterable[ChangeEntry]) -> list[tuple[str, int, int]]:
    """(document, revision, findings) of each revision the entries made whose text has findings,
    in the order the entries show them."""
    seen: dict[tuple[int, int], tuple[str, int, int]] = {}
    for e in entries:
        if e.findings and (e.document_id, e.revision) not in seen:
            seen[(e.document_id, e.revision)] = (e.document, e.revision, e.findings)
    return list(seen.values())


def _findings_footer(entries: Sequence[ChangeEntry]) -> list[str]:
    found = revision_findings(entries)
    if not found:
        return []
    return ["", f"hallazgos en el texto que dejaron estos cambios ({FINDINGS_WHERE}):",
            *(f"  {one_line(document, 60)}, revisión {revision}: {_plural(count, 'hallazgo')}"
              for document, revision, count in found)]


def _redline_text(entry: ChangeEntry) -> str:
    change = entry.change
    moved = f"(antes {one_line(cite(change.from_label), 60)}) " if change.from_label else ""
    if change.type is ChangeType.ADDED and not change.before:
        return moved + "{+" + plain(change.after) + "+}"
    return moved + inline_redline(diff_of(entry))


# --- csv and json -------------------------------------------------------------------------------
CSV_COLUMNS = ("date", "valid_from", "document", "label", "citation", "type", "from_label", "before",
               "after", "notice_codigo", "notice_date", "notice_edition", "notice_title", "notice_url",
               "reconciled", "findings")


def _cell(value: str) -> str:
    """A spreadsheet-safe cell: controls removed; a leading = + - @ would be run as a formula,
    so it gets a quote."""
    value = plain(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def changes_csv(entries: Iterable[ChangeEntry]) -> str:
    """The change log as CSV (one header row, every field quoted: a ';' inside a field stays
    inside it in a spreadsheet set to split on ';', as OWASP's CSV-injection advice asks)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        n = e.notice
        row = (e.date.isoformat(), e.valid_from.isoformat(), e.document, e.label, e.citation, str(e.type),
               e.change.from_label or "", e.change.before or "", e.change.after or "",
               n.codigo if n else "", n.date.isoformat() if n else "", str(n.edition) if n else "",
               n.title if n else "", n.url if n else "", "yes" if e.reconciled else "no", e.findings)
        writer.writerow([_cell(str(value)) for value in row])
    return out.getvalue()


def changes_json(entries: Iterable[ChangeEntry]) -> str:
    """A JSON list of DESIGN §1.3 change objects (plus document, date, valid_from, reconciled)."""
    return json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2) + "\n"


# --- html -----------------------------------------------------------------------------------------
_CSS = """
body{font:11pt/1.45 Georgia,'Times New Roman',serif;color:#111;max-width:52rem;margin:2rem auto;
padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;border-bottom:1px solid #444;margin:2rem 0 .6rem}
h3{font-size:1rem;margin:0 0 .2rem}
.meta,.source,.dates{font:9pt/1.4 Helvetica,Arial,sans-serif;color:#444;margin:.1rem 0}
.disclaimer{font:9pt/1.4 Helvetica,Arial,sans-serif;border:1px solid #999;padding:.4rem .6rem}
.change{margin:0 0 1.1rem;padding:.5rem .7rem;border-left:3px solid #888;break-inside:avoid}
.added{border-color:#1a7f37}.derogated{border-color:#b42318}.modified{border-color:#9a6700}
.renumbered{border-color:#0550ae}.type{font:bold 8pt Helvetica,Arial,sans-serif;text-transform:uppercase;
letter-spacing:.05em;margin-left:.4rem;color:#444}.text{white-space:pre-wrap;margin:.3rem 0 0}
del{color:#b42318;background:#ffebe9;text-decoration:line-through}ins{color:#1a7f37;background:#dafbe1;
text-decoration:underline}.unreconciled{color:#b42318;font-weight:bold}
.findings{font:9pt/1.4 Helvetica,Arial,sans-serif;color:#9a6700;margin:.1rem 0 .8rem}
@media print{body{margin:0;max-width:none}a{color:#111;text-decoration:none}
a[href]::after{content:" <" attr(href) ">";font-size:8pt;word-break:break-all}
del,ins{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def esc(value: object) -> str:
    """Escape any value for HTML text or a double-quoted attribute (controls removed)."""
    return html.escape(plain(str(value)), quote=True)


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


def html_redline(diff: Redline) -> str:
    """``<del>``/``<ins>`` markup, every piece escaped."""
    tags = {DiffOp.EQUAL: ("", ""), DiffOp.DELETE: ("<del>", "</del>"), DiffOp.INSERT: ("<ins>", "</ins>")}
    return "".join(tags[op][0] + esc(piece) + tags[op][1] for op, piece in diff)


def _html_source(entry: ChangeEntry) -> str:
    notice = entry.notice
    if notice is None:
        return '<p class="source">No DOF notice (a text imported by hand).</p>'
    edition = _EDITIONS.get(str(notice.edition), str(notice.edition))
    label = f"DOF {notice.date:%d/%m/%Y}, edición {edition}, código {notice.codigo}"
    href = safe_href(notice.url)
    link = f'<a href="{esc(href)}" rel="noopener noreferrer">{esc(label)}</a>' if href else esc(label)
    return f'<p class="source">{link}: {esc(notice.title)}</p>'


def _html_change(entry: ChangeEntry) -> str:
    change = entry.change
    moved = f" (antes {esc(cite(change.from_label))})" if change.from_label else ""
    if change.type is ChangeType.ADDED and not change.before:
        body = f"<ins>{esc(change.after or '')}</ins>"
    else:
        body = html_redline(diff_of(entry))
    warning = "" if entry.reconciled or entry.notice is None else \
        ' <span class="unreconciled">not declared by the instrument\'s operative clause</span>'
    return (f'<article class="change {esc(change.type)}">'
            f'<h3>{esc(entry.citation)}<span class="type">{esc(change.type)}</span>{moved}</h3>'
            f"{_html_source(entry)}"
            f'<p class="dates">Published {entry.date.isoformat()} · in force from '
            f"{entry.valid_from.isoformat()}{warning}</p>"
            f'<div class="text">{body}</div></article>')


def _html_findings(entries: Sequence[ChangeEntry]) -> str:
    """A document's revisions whose text has findings, and where to read them."""
    found = revision_findings(entries)
    if not found:
        return ""
    listed = "; ".join(f"revisión {revision}: {_plural(count, 'hallazgo')}" for _, revision, count in found)
    return (f'<p class="findings">Hallazgos en el texto que dejaron estos cambios: {esc(listed)} '
            f"({esc(FINDINGS_WHERE)}).</p>")


def changes_html(entries: Sequence[ChangeEntry], *, title: str = "DOF change log",
                 filters: str = "", generated: datetime | None = None) -> str:
    """A self-contained, printable HTML page: changes grouped by document, redlines inline."""
    groups: dict[tuple[int, str], list[ChangeEntry]] = {}
    for entry in entries:
        groups.setdefault((entry.document_id, entry.document), []).append(entry)
    stamp = f"Generated {generated:%Y-%m-%d %H:%M %Z}".strip() if generated else ""
    meta = " · ".join(part for part in (stamp, filters, f"{len(entries)} changes") if part)
    sections = [f"<section><h2>{esc(name)}</h2>{_html_findings(items)}"
                f"{''.join(_html_change(e) for e in items)}</section>"
                for (_, name), items in groups.items()]
    if not sections:
        sections = ["<p>No changes match.</p>"]
    return ("<!DOCTYPE html>\n<html lang=\"es\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{esc(_CSP)}">'
            '<meta name="referrer" content="no-referrer">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>"
            f'<header><h1>{esc(title)}</h1><p class="meta">{esc(meta)}</p>'
            f'<p class="disclaimer">{esc(DISCLAIMER)}</p></header>'
            + "".join(sections) + "</body></html>\n")


def describe_filters(since: date | None, until: date | None, document: str | None,
                     type_: str | None) -> str:
    """The filters of a change-log query, for the report's header."""
    parts = []
    if since:
        parts.append(f"since {since.isoformat()}")
    if until:
        parts.append(f"until {until.isoformat()}")
    if document:
        parts.append(f"document {document}")
    if type_:
        parts.append(f"type {type_}")
    return ", ".join(parts)


# --- the other store commands, for a terminal -----------------------------------------------------
def _lines(pieces: Iterable[str]) -> str:
    """Each piece on its own line(s), ending in exactly one newline unless it already ends in one."""
    return "".join(piece if piece.endswith("\n") else piece + "\n" for piece in pieces)


def notices_text(notices: Sequence[Notice]) -> str:
    """One line per notice: date, edition, codigo, kind, title, and the document it touches."""
    if not notices:
        return "no notices stored for that period (run 'dof-tracker sync' first)\n"
    return _lines(f"{n.date.isoformat()} {n.edition} {n.codigo:>8} {str(n.kind):<9} {plain(n.title)[:90]}"
                  + (f" -> {plain(n.document)}" if n.document else "") for n in notices)


def history_text(versions: Sequence[Version]) -> str:
    """Every version of one provision, oldest first: dates, status, what made it, and its text."""
    first = versions[0]
    pieces = [f"{plain(first.document)}\n{first.citation}"]
    for v in versions:
        until = v.valid_to.isoformat() if v.valid_to else "today"
        cause = "first stored text" if v.change is None else str(v.change)
        source = f", DOF {v.notice.date:%d/%m/%Y} {v.notice.edition} {v.notice.codigo}: " \
                 f"{plain(v.notice.title)[:80]}" if v.notice else ""
        pieces.append(f"\n{v.valid_from.isoformat()} .. {until}  {v.status}  ({cause}{source})")
        pieces.append(textwrap.indent(plain(v.text), "    "))
    return _lines(pieces)


def at_text(version: Version, on: date) -> str:
    """The provision as in force on ``on``: one line saying since when and by which notice, then its text."""
    until = version.valid_to.isoformat() if version.valid_to else "today"
    source = f"; DOF {version.notice.date:%d/%m/%Y} {version.notice.codigo}" if version.notice else ""
    return _lines([f"{version.citation} on {on}: {version.status}, in force {version.valid_from} .. "
                   f"{until}{source}", plain(version.text)])


def info_text(status: StoreStatus) -> str:
    """What ``dof-tracker info`` prints after the database line."""
    lines = [f"schema revision: {status.revision}",
             f"documents: {status.documents}  notices: {status.notices}  "
             f"provision versions: {status.versions}  changes: {status.changes}  "
             f"captures: {status.captures}",
             f"instructions waiting for their document: {status.waiting_instructions}",
             "last checkpoint: " + ", ".join(f"{e} {d.isoformat() if d else '-'}"
                                             for e, d in status.checkpoints.items()),
             f"tracking since: {status.tracking_since or '- (dof-tracker run sets it)'}"]
    if status.last_run is not None:
        r = status.last_run
        lines.append(f"last run: {r.day} {r.edition} {r.status} at {r.finished_at or r.started_at}")
    lines.extend(f"failed, retried next run: {r.day} {r.edition}: {plain(r.error)}" for r in status.failed)
    lines.extend(f"necesita atención (se reintenta en cada corrida): {p.day} {p.edition}: "
                 f"{plain('; '.join(p.reasons))}" for p in status.attention)
    lines.extend(_finding_count_lines(status.findings))
    return _lines(["\n".join(lines)])


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _finding_count_lines(counts: Sequence[FindingCount]) -> list[str]:
    """Per document, the findings of its latest text (and of all its revisions, when more)."""
    if not counts:
        return []
    lines = ["hallazgos por documento (texto vigente; detalle: dof-tracker info --findings):"]
    for c in counts:
        more = f" ({c.total} en todas sus revisiones)" if c.total != c.current else ""
        lines.append(f"  [{c.document_id}] {one_line(c.title, 70)} (revisión {c.revision}): "
                     f"{_plural(c.current, 'hallazgo')}{more}")
    return lines


def findings_text(counts: Sequence[FindingCount], findings: Mapping[int, Sequence[Finding]]) -> str:
    """``dof-tracker info --findings``: each document's latest text and the doubts about it, one
    per line as ``Finding`` prints them ("línea N: … [label]")."""
    pieces = []
    for c in counts:
        found = findings.get(c.document_id, ())
        pieces.append(f"[{c.document_id}] {plain(c.title)} (revisión {c.revision}): "
                      f"{_plural(len(found), 'hallazgo')}")
        pieces.extend(f"    {plain(str(f))}" for f in found)
    return _lines(pieces) if pieces else "ningún documento guardado\n"


__all__ = ["CSV_COLUMNS", "DISCLAIMER", "FORMATS", "at_text", "changes_csv", "changes_html", "changes_json",
           "changes_table", "describe_filters", "diff_of", "esc", "history_text", "html_redline", "info_text",
           "findings_text", "inline_redline", "notice_line", "notices_text", "one_line", "plain", "safe_href"]
