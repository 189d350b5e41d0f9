"""What the terminal shows: the change log as a table, a provision's history, its text on a date,
the notices, the store's status and its findings. All in Spanish, with the law's words.

Pure: values in, one string out. Gazette text is shown through ``plain`` (no control or
bidi-override characters reach the terminal).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from datetime import date

from diffing import ChangeType
from gazette import Notice
from parser.cite_text import cite
from parser.date_text import long_date, period
from parser.model import Finding
from store.findings import FindingCount
from store.status import StoreStatus
from store.values import ChangeEntry, Version
from untrusted import plain

from .pieces import FINDINGS_WHERE, diff_of, inline_redline, lines, one_line, revision_findings
from .words import (
    NOTICE_KIND_WORDS,
    RUN_WORDS,
    STATUS_WORDS,
    change_word,
    edition_word,
    notice_ref,
    plural,
    short_date,
    word,
)

TABLE_HEADER = ("publicado", "cambio", "disposición", "documento", "aviso")
REDLINE_LEGEND = "[-texto suprimido-] {+texto añadido+}"


def notice_line(entry: ChangeEntry) -> str:
    """'DOF 15/05/2024 matutina 5727205' (or that the text was registered by hand)."""
    notice = entry.notice
    if notice is None:
        return "sin aviso del DOF"
    return f"DOF {short_date(notice.date)} {edition_word(notice.edition)} {plain(notice.codigo)}"


# --- the change log ------------------------------------------------------------------------------
def changes_table(entries: Sequence[ChangeEntry], *, redlines: bool = False, width: int = 100) -> str:
    """One line per change (published, change, provision, document, notice) under a header; with
    ``redlines``, the word-level redline under each line."""
    if not entries:
        return "ningún cambio\n"
    rows = [TABLE_HEADER] + [
        (long_date(e.date), change_word(e.type, e.change.from_label), one_line(cite(e.label), 44),
         one_line(e.document, 34), notice_line(e)) for e in entries]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    out: list[str] = [REDLINE_LEGEND] if redlines else []
    for index, row in enumerate(rows):
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
        if redlines and index:
            out.extend(textwrap.wrap(_redline_text(entries[index - 1]), width, initial_indent="    ",
                                     subsequent_indent="    ", break_on_hyphens=False))
    out.extend(_findings_footer(entries))
    return "\n".join(out) + "\n"


def _redline_text(entry: ChangeEntry) -> str:
    change = entry.change
    if change.type is ChangeType.ADDED and not change.before:
        return "{+" + plain(change.after) + "+}"
    return inline_redline(diff_of(entry))


def _findings_footer(entries: Sequence[ChangeEntry]) -> list[str]:
    found = revision_findings(entries)
    if not found:
        return []
    return ["", f"hallazgos en el texto que dejaron estos cambios ({FINDINGS_WHERE}):",
            *(f"  {one_line(document, 60)}, revisión {revision}: {plural(count, 'hallazgo')}"
              for _, document, revision, count in found)]


def describe_filters(since: date | None, until: date | None, document: str | None,
                     type_: str | None) -> str:
    """The filters of a change-log query, in words: 'publicados desde el 13 de mayo de 2024, …'."""
    parts = []
    if since and until:
        parts.append(f"publicados del {long_date(since)} al {long_date(until)}")
    elif since:
        parts.append(f"publicados desde el {long_date(since)}")
    elif until:
        parts.append(f"publicados hasta el {long_date(until)}")
    if document:
        parts.append(f"documento «{plain(document)}»")
    if type_:
        parts.append(f"solo {change_word(type_)}s")
    return ", ".join(parts)


# --- notices, history, at --------------------------------------------------------------------------
def notices_text(notices: Sequence[Notice]) -> str:
    """One line per notice: date, edition, codigo, what it does, title, and the document it touches."""
    if not notices:
        return "ningún aviso guardado para ese periodo (primero: dof-tracker sync)\n"
    return lines(f"{short_date(n.date)} {edition_word(n.edition):<14} {n.codigo:>8} "
                 f"{word(NOTICE_KIND_WORDS, n.kind):<13} {one_line(n.title, 90)}"
                 + (f" → {plain(n.document)}" if n.document else "") for n in notices)


def _cause(version: Version) -> str:
    if version.change is None:
        return "texto registrado al iniciar el seguimiento" if version.notice is None else \
            f"texto publicado en el {notice_ref(version.notice)}"
    source = f" por el {notice_ref(version.notice)}: {one_line(version.notice.title, 80)}" \
        if version.notice else ""
    return change_word(version.change) + source


def history_text(versions: Sequence[Version]) -> str:
    """Every version of one provision, oldest first: its period (both days included), status,
    what made it, and its text."""
    first = versions[0]
    pieces = [f"{plain(first.document)}\n{cite(first.label)}"]
    for v in versions:
        pieces.append(f"\n{_period(v)}: {word(STATUS_WORDS, v.status)} ({_cause(v)})")
        pieces.append(textwrap.indent(plain(v.text), "    "))
    return lines(pieces)


def _period(version: Version) -> str:
    """Its period; a version waiting for its day (a declaratoria) has none yet: the reason."""
    if version.valid_from is None:
        return f"sin fecha ({version.reason or 'pendiente'})"
    return period(version.valid_from, version.valid_to)


def at_text(version: Version, on: date) -> str:
    """The provision as in force on ``on``: one line saying its period and what made it, then its text."""
    return lines([f"{cite(version.label)}, al {long_date(on)}: {word(STATUS_WORDS, version.status)}; "
                  f"en vigor {_period(version)}; {_cause(version)}",
                  plain(version.text)])


# --- info ----------------------------------------------------------------------------------------
def info_text(status: StoreStatus) -> str:
    """What ``dof-tracker info`` prints after the database line."""
    out = [f"revisión del esquema: {status.revision or '-'}",
           f"documentos: {status.documents}  avisos: {status.notices}  "
           f"versiones de disposiciones: {status.versions}  cambios: {status.changes}  "
           f"capturas: {status.captures}",
           f"instrucciones en espera de su documento: {status.waiting_instructions}",
           "última edición leída: " + ", ".join(
               f"{edition_word(e)} {long_date(d) if d else '-'}" for e, d in status.checkpoints.items()),
           "seguimiento desde: " + (long_date(date.fromisoformat(status.tracking_since))
                                    if status.tracking_since else "- (lo fija dof-tracker run)")]
    if status.last_run is not None:
        r = status.last_run
        when = r.finished_at or r.started_at
        out.append(f"última ejecución: edición {edition_word(r.edition)} del {long_date(r.day)}, "
                   f"{word(RUN_WORDS, r.status)}" + (f" ({when:%d/%m/%Y %H:%M} UTC)" if when else ""))
    out.extend(f"falló, se reintenta en la próxima ejecución: edición {edition_word(r.edition)} del "
               f"{long_date(r.day)}: {plain(r.error or '')}" for r in status.failed)
    out.extend(f"necesita atención (se reintenta en cada corrida): edición {edition_word(p.edition)} del "
               f"{long_date(p.day)}: {plain('; '.join(p.reasons))}" for p in status.attention)
    out.extend(_finding_count_lines(status.findings))
    return lines(["\n".join(out)])


def _finding_count_lines(counts: Sequence[FindingCount]) -> list[str]:
    """Per document, the findings of its latest text (and of all its revisions, when more)."""
    if not counts:
        return []
    out = ["hallazgos por documento (texto vigente; detalle: dof-tracker info --findings):"]
    for c in counts:
        more = f" ({c.total} en todas sus revisiones)" if c.total != c.current else ""
        out.append(f"  [{c.document_id}] {one_line(c.title, 70)} (revisión {c.revision}): "
                   f"{plural(c.current, 'hallazgo')}{more}")
    return out


def findings_text(counts: Sequence[FindingCount], findings: Mapping[int, Sequence[Finding]]) -> str:
    """``dof-tracker info --findings``: each document's latest text and the doubts about it, one
    per line as ``Finding`` prints them ("línea N: … [label]", the form ``parse --check`` shares)."""
    pieces = []
    for c in counts:
        found = findings.get(c.document_id, ())
        pieces.append(f"[{c.document_id}] {plain(c.title)} (revisión {c.revision}): "
                      f"{plural(len(found), 'hallazgo')}")
        pieces.extend(f"    {plain(str(f))}" for f in found)
    return lines(pieces) if pieces else "ningún documento guardado\n"


__all__ = ["REDLINE_LEGEND", "TABLE_HEADER", "at_text", "changes_table", "describe_filters",
           "findings_text", "history_text", "info_text", "notice_line", "notices_text"]
