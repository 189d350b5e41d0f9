"""Read-only commands over whole documents: ``documents``, ``show``, ``compare`` and
``discrepancies``.

``compare`` reuses the change log's renderers: the provisions that differ between two dates are
``ChangeEntry`` values (the tree diff of the two texts, each with the recorded notice that last
changed it in between), printed as the table, JSON or HTML page ``changes`` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import click

from diffing import Change, changes_between
from gazette import MEXICO_CITY
from parser.render import render_document
from report import changes_html, changes_json, changes_table, one_line
from report.words import plural
from store import ChangeEntry, DocumentHandle
from store.listings import DocumentSummary, StoredDiscrepancy
from untrusted import plain

from .app import EXIT_OK, Command
from .options import (
    CITATION,
    DATE,
    DOCUMENT,
    document_option,
    format_option,
    json_format,
    json_option,
    since_until_options,
    store_options,
)
from .output import emit, emit_data, emit_json, emit_raw
from .queries import open_reader


@click.command(cls=Command, epilog="Ejemplo: dof-tracker documents --json")
@json_option
@store_options
def documents(as_json: bool, db: str | None) -> int:
    """Los documentos seguidos: id, título, revisiones, cambios registrados y la fecha del último."""
    with open_reader(db) as store:
        found = store.summaries()
    emit_data(as_json, [d.to_json() for d in found], documents_text(found))
    return EXIT_OK


def documents_text(found: Sequence[DocumentSummary]) -> str:
    if not found:
        return "ningún documento guardado ('dof-tracker import' o 'sync' los registran)\n"
    lines = [f"{'id':>4}  {'revisiones':>10}  {'cambios':>7}  {'último cambio':<13}  título"]
    for d in found:
        last = d.last_change.isoformat() if d.last_change else "-"
        lines.append(f"{d.id:>4}  {d.revisions:>10}  {d.changes:>7}  {last:<13}  {one_line(d.title, 80)}")
    return "\n".join(lines) + "\n"


@click.command(cls=Command, epilog="Ejemplo: dof-tracker show IMSS-BIENESTAR --at 15/05/2024 > estatuto.txt")
@click.argument("document", metavar=DOCUMENT)
@click.option("--at", "on", type=DATE, default=None,
              help="El día cuyo texto vigente se muestra (por omisión: el último texto). "
                   "Ejemplo: --at 2024-05-15")
@json_option
@store_options
def show(document: str, on: date | None, as_json: bool, db: str | None) -> int:
    """El texto completo de un documento, vigente en una fecha."""
    with open_reader(db) as store:
        handle = store.document(document)
        text = handle.text(on)
    if as_json:
        emit_json({"document": handle.title, "date": on.isoformat() if on else None, **text.to_json()})
        return EXIT_OK
    when = f"texto vigente el {on:%d/%m/%Y}" if on else "último texto guardado"
    emit(f"{handle.title}\n({when})\n")
    emit_raw(plain(render_document(text)))
    return EXIT_OK


@click.command(cls=Command,
               epilog="Ejemplo: dof-tracker compare IMSS-BIENESTAR 2024-05-01 2024-06-01 '57' --format html")
@click.argument("document", metavar=DOCUMENT)
@click.argument("date1", metavar="FECHA1", type=DATE)
@click.argument("date2", metavar="FECHA2", type=DATE)
@click.argument("citation", metavar=f"[{CITATION}]", required=False)
@format_option(("table", "json", "html"), "html")
@json_option
@store_options
def compare(document: str, date1: date, date2: date, citation: str | None, fmt: str, as_json: bool,
            db: str | None) -> int:
    """Cada disposición que difiere entre los textos vigentes en la FECHA1 y en la FECHA2, con sus
    cambios marcados; si se da una CITA, solo esa disposición y lo que contiene."""
    with open_reader(db) as store:
        handle = store.document(document)
        entries = differences(handle, date1, date2, citation)
    fmt = json_format(as_json, fmt)
    if fmt == "json":
        emit_raw(changes_json(entries))
    elif fmt == "html":

        title = f"{handle.title}: {date1:%d/%m/%Y} – {date2:%d/%m/%Y}"
        emit_raw(changes_html(entries, title=title, filters=citation or "",
                              generated=datetime.now(MEXICO_CITY)))
    else:
        emit(f"{plural(len(entries), 'disposición difiere', 'disposiciones difieren')} entre el "
             f"{date1:%d/%m/%Y} y el {date2:%d/%m/%Y}")
        if entries:
            emit_raw(changes_table(entries, redlines=True))
    return EXIT_OK


def differences(handle: DocumentHandle, date1: date, date2: date, citation: str | None
                ) -> tuple[ChangeEntry, ...]:
    """The tree diff of the texts in force on two dates (only ``citation``'s subtree if given),
    each change with the recorded notice that last touched its provision in between."""
    changes = changes_between(handle.text(date1), handle.text(date2))
    if citation is not None:
        label = handle.label(citation)
        changes = tuple(c for c in changes if _within(c.label, label) or _within(c.from_label, label))
    low, high = min(date1, date2), max(date1, date2)
    recorded = {e.label: e for e in handle.changes() if low < e.valid_from <= high}
    return tuple(_entry(handle, change, recorded.get(change.label), date2) for change in changes)


def _within(label: str | None, ancestor: str) -> bool:
    return label is not None and (label == ancestor or label.startswith(ancestor + "__"))


def _entry(handle: DocumentHandle, change: Change, recorded: ChangeEntry | None, on: date) -> ChangeEntry:
    if recorded is None:
        return ChangeEntry(handle.title, handle.id, on, on, change, None, True, "compare")
    return ChangeEntry(handle.title, handle.id, recorded.date, recorded.valid_from, change, recorded.notice,
                       recorded.reconciled, "compare", recorded.revision)


_KINDS = {
    "unmatched_instruction": "declarado, sin cambio en el texto",
    "undeclared_change": "cambio en el texto, no declarado",
    "unresolved": "no se pudo aplicar",
}


@click.command(cls=Command, epilog="Ejemplo: dof-tracker discrepancies --document IMSS --since 2024-05-01")
@document_option
@since_until_options
@json_option
@store_options
def discrepancies(document: str | None, since: date | None, until: date | None, as_json: bool,
                  db: str | None) -> int:
    """Lo que los instrumentos de reforma declararon y su texto no mostró, y al revés, cada cosa
    con su aviso del DOF: los desacuerdos que esperan a un revisor."""
    with open_reader(db) as store:
        found = store.discrepancies(document=document, since=since, until=until)
    emit_data(as_json, [d.to_json() for d in found], discrepancies_text(found))
    return EXIT_OK


def discrepancies_text(found: Sequence[StoredDiscrepancy]) -> str:
    from parser.citations import format_citation

    if not found:
        return "ninguna discrepancia registrada\n"
    lines = []
    for d in found:
        notice = d.notice
        source = f"DOF {notice.date:%d/%m/%Y} {notice.edition} {notice.codigo}" if notice else "sin aviso"
        lines.append(f"{source}  {_KINDS.get(d.kind, d.kind)}  {format_citation(d.label)}  "
                     f"[{d.document_id}] {one_line(d.document, 50)}")
        lines.append(f"    {one_line(d.detail, 200)}")
    lines.append(plural(len(found), "discrepancia"))
    return "\n".join(lines) + "\n"
