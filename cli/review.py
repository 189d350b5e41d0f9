"""What needs attention: ``problems`` (editions a notice of which could not be read or applied, or
that failed and wait for their retry), read-only; and ``reprocess`` (archived captures through the
current reader again, no network), which writes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import click

from errors import InputError
from store import Problem, open_engine
from store.timeline import PendingChange

from .app import EXIT_OK, Command
from .ingest import not_future
from .options import CODIGO, date_option, document_option, json_option, since_until_options, store_options
from .output import emit, emit_data, emit_json
from .queries import open_reader


@click.command(cls=Command, epilog="Ejemplo: dof-tracker problems --json")
@json_option
@store_options
def problems(as_json: bool, db: str | None) -> int:
    """Las ediciones que requieren atención (un aviso no se pudo leer o aplicar) o que fallaron y
    esperan otro intento, por día: la próxima corrida las reintenta todas."""
    with open_reader(db) as store:
        found = store.problems()
    emit_data(as_json, [p.to_json() for p in found], problems_text(found))
    return EXIT_OK


def problems_text(found: Sequence[Problem]) -> str:
    from report.words import RUN_WORDS, edition_word, word

    if not found:
        return "ninguna edición necesita atención\n"
    lines = []
    for p in found:
        noun = "aviso" if len(p.codigos) == 1 else "avisos"
        notices = f" ({noun} {', '.join(p.codigos)})" if p.codigos else ""
        lines.append(f"{p.day:%d/%m/%Y} {edition_word(p.edition)}: {word(RUN_WORDS, p.status)}{notices}; "
                     f"último intento {p.last_tried:%d/%m/%Y %H:%M}")
        lines.extend(f"    {reason}" for reason in p.reasons)
    return "\n".join(lines) + "\n"


@click.command(cls=Command, epilog="Ejemplo: dof-tracker pending --document IMSS --date 01/06/2024")
@date_option
@document_option
@json_option
@store_options
def pending(on: date | None, document: str | None, as_json: bool, db: str | None) -> int:
    """Los cambios publicados que aún no están en vigor en una fecha (por omisión: hoy en la Ciudad
    de México): primero los de fecha de entrada en vigor posterior, los más próximos antes, luego
    los que esperan una declaratoria."""
    with open_reader(db) as store:
        found = store.pending(on, document=document)
    emit_data(as_json, [change.to_json() for change in found], pending_text(found))
    return EXIT_OK


def pending_text(found: Sequence[PendingChange]) -> str:
    from parser.dates import long_date
    from report.words import change_word

    if not found:
        return "ningún cambio publicado espera su entrada en vigor\n"
    lines = []
    for change in found:
        when = f"en vigor el {long_date(change.valid_from)}" if change.valid_from else "sin fecha"
        notice = f"; DOF {change.notice.codigo} del {long_date(change.notice.date)}" if change.notice else ""
        lines.append(f"{change.citation} ({change_word(change.type)}), {when}{notice}")
        lines.append(f"    {change.document}" + (f": {change.reason}" if change.reason else ""))
    return "\n".join(lines) + "\n"


@click.command(cls=Command, epilog="Ejemplo: dof-tracker reprocess --since 2024-05-01 --until 31/05/2024")
@date_option
@since_until_options
@click.option("--notice", metavar=CODIGO, default=None,
              help="Solo este aviso del DOF (su código). Ejemplo: --notice 5727205")
@json_option
@store_options
def reprocess(on: date | None, since: date | None, until: date | None, notice: str | None, as_json: bool,
              db: str | None) -> int:
    """Vuelve a leer con el lector actual las capturas archivadas de un día, un periodo o un aviso
    (sin red); imprime lo que cambió por aviso y pone al día la base de datos."""
    from pipeline import reprocess as read_again

    if (notice and (on or since or until)) or (on and (since or until)):
        raise InputError("dé solo una de --date, --since/--until o --notice")
    if on is not None:
        since = until = on
    for day, what in ((since, "--since"), (until, "--until")):
        if day is not None:
            not_future(day, what)
    engine = open_engine(db)
    try:
        report = read_again(engine, since=since, until=until, notice=notice, progress=not as_json)
    finally:
        engine.dispose()
    if as_json:
        emit_json(report.to_json())
    else:
        emit(report.summary())
    return EXIT_OK
