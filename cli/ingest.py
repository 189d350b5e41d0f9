"""Commands that write the store: ``import``, ``sync`` and ``run`` (the only ones, with ``demo``,
that may create it)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from errors import InputError
from pipeline import (
    DIGEST_SMTP_ENV,
    LOOKBACK_DAYS,
    NOTIFY_ENV,
    EditionResult,
    SyncReport,
    catch_up,
    day_range,
    import_document,
    mexico_today,
    report_outcome,
)
from pipeline import sync as sync_days
from report.words import plural
from scraper.sources import source_base
from store import open_engine

from .app import EXIT_OK, Command
from .files import read_file
from .options import (
    COMMAND,
    DATE,
    FILE,
    URL,
    Integer,
    date_option,
    since_until_options,
    store_options,
)
from .output import emit

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from pipeline.digests import DigestSending

MAX_LOOKBACK = 366


def not_future(day: date, what: str) -> date:
    """A DOF day to fetch: not in the future (each day is three editions to ask for)."""
    if day > mexico_today():
        raise InputError(f"{what} {day} es una fecha futura: el DOF aún no la ha publicado")
    return day


def checked_source(value: str | None) -> str | None:
    """``--source`` checked before any work; an empty one is refused, never the real DOF."""
    if value is None:
        return None
    if not value.strip():
        raise InputError("--source está vacía: dé una URL base como http://127.0.0.1:8000, u omítala "
                         "para leer del DOF")
    source_base(value)
    return value


def print_result(result: EditionResult, indent: str = "") -> None:
    from report.runs import edition_line, warning_line

    emit(indent + edition_line(result))
    for warning in result.warnings:
        emit(f"{indent}    {warning_line(warning)}")


def _after_pass(engine: Engine, report: SyncReport, notify_command: str | None,
                sending: DigestSending | None) -> int:
    """What ``sync`` and ``run --once`` do after their pass: tell failures through the notify
    command, then send the day's digests (which never change the exit status)."""
    from report.runs import notify_text

    from .digest import send_after_pass

    status = report_outcome(report, notify_command, notify_text(report))
    if sending is not None:
        send_after_pass(engine, sending, notify_command)
    return status


def source_options(f: click.decorators.FC) -> click.decorators.FC:
    f = click.option("--notify-command", metavar=COMMAND, default=None,
                     help=f"Ejecuta el COMANDO (el resumen en stdin, $DOF_TRACKER_STATUS=failed|warning) "
                          f"cuando una edición falla o parece mal leída (o ${NOTIFY_ENV}). Ejemplo: "
                          "--notify-command 'mail -s DOF ana@example.mx'")(f)
    return click.option("--source", metavar=URL, default=None,
                        help="URL base que reemplaza a www.dof.gob.mx y sidof.segob.gob.mx, con las mismas "
                             "rutas (un espejo local). Ejemplo: --source http://127.0.0.1:8000")(f)


def digest_options(f: click.decorators.FC) -> click.decorators.FC:
    """``--digest-smtp``/``--digest-notify``: the day's digests after the pass (``cli.digest``)."""
    f = click.option("--digest-notify", is_flag=True,
                     help="Después de la pasada, envía los resúmenes del día por el comando de aviso "
                          "(--notify-command). Ejemplo: --digest-notify")(f)
    return click.option("--digest-smtp", metavar=URL, default=None, envvar=DIGEST_SMTP_ENV,
                        help=f"Después de la pasada, envía los resúmenes del día por este servidor SMTP "
                             f"(o ${DIGEST_SMTP_ENV}). Ejemplo: --digest-smtp smtp://correo.example.mx:25")(f)


@click.command("import", cls=Command,
               epilog="Ejemplo: dof-tracker import estatuto.txt --title 'Estatuto Orgánico' "
                      "--as-of 2023-10-06")
@click.argument("file", metavar=FILE)
@click.option("--title", metavar="TÍTULO", default=None,
              help="El título del documento (por omisión: el que da el texto). "
                   "Ejemplo: --title 'Ley Agraria'")
@click.option("--as-of", "as_of", type=DATE, required=True,
              help="La fecha en que el texto está vigente. Ejemplo: --as-of 2023-10-06 (o 06/10/2023)")
@store_options
def import_(file: str, title: str | None, as_of: date, db: str | None) -> int:
    """Registra el texto de una ley vigente en una fecha y le aplica las reformas guardadas
    publicadas después."""
    data = read_file(file)
    engine = open_engine(db)
    try:
        result = import_document(engine, data, file, title, as_of)
    finally:
        engine.dispose()
    from parser.date_text import long_date
    from report.runs import warning_line

    head = (f"documento {result.document_id} registrado" if result.created else
            f"texto nuevo ({plural(result.changes, 'cambio')}) del documento {result.document_id}")
    emit(f"{head}: {result.title} (vigente al {long_date(as_of)})")
    if result.findings:
        emit(f"{plural(result.findings, 'hallazgo')} en el texto (dof-tracker info --findings)")
    pending = result.pending
    if pending.applied or pending.reflected:
        emit(f"reformas pendientes: {pending.applied} aplicadas ({plural(pending.changes, 'cambio')}), "
             f"{pending.reflected} ya contenidas en este texto")
    for warning in pending.warnings:
        emit(warning_line(warning))
    return EXIT_OK


def sync_days_of(on: date | None, since: date | None, until: date | None) -> list[date]:
    """The days ``sync`` fetches: one (default today in Mexico City) or a range, both ends included."""
    if on and (since or until):
        raise InputError("dé --date o --since/--until, no ambas")
    if on:
        return [not_future(on, "--date")]
    if since or until:
        if not (since and until):
            raise InputError("--since y --until van juntas")
        return day_range(not_future(since, "--since"), not_future(until, "--until"))
    return [mexico_today()]


@click.command(cls=Command, epilog="Ejemplo: dof-tracker sync --since 2024-05-13 --until 17/05/2024")
@date_option
@since_until_options
@click.option("--from", "start", type=DATE, default=None, hidden=True, help="Nombre antiguo de --since.")
@click.option("--to", "end", type=DATE, default=None, hidden=True, help="Nombre antiguo de --until.")
@source_options
@digest_options
@store_options
def sync(on: date | None, since: date | None, until: date | None, start: date | None, end: date | None,
         source: str | None, notify_command: str | None, digest_smtp: str | None, digest_notify: bool,
         db: str | None) -> int:
    """Descarga y procesa ediciones del DOF; una línea por edición, código de salida 1 si alguna
    falló. Con --digest-smtp o --digest-notify, después envía los resúmenes del día."""
    from .digest import pass_sending

    days = sync_days_of(on, since or start, until or end)
    checked_source(source)  # an unusable --source is bad input, refused before any work
    sending = pass_sending(digest_smtp, digest_notify, notify_command)
    engine = open_engine(db)
    try:
        report = sync_days(engine, days, source, progress=len(days) > 1, on_result=print_result)
        from report.runs import sync_summary

        emit(sync_summary(report))
        return _after_pass(engine, report, notify_command, sending)
    finally:
        engine.dispose()


@click.command(cls=Command, epilog="Ejemplo: dof-tracker run --once --lookback 3")
@click.option("--once", is_flag=True, help="Una sola pasada de recuperación y termina. Ejemplo: --once")
@click.option("--since", type=DATE, default=None,
              help="Seguir desde este día (solo la primera corrida; por omisión: hace una semana). "
                   "Ejemplo: --since 2024-05-01")
@click.option("--lookback", metavar="DÍAS", type=Integer(maximum=MAX_LOOKBACK), default=LOOKBACK_DAYS,
              show_default=True,
              help="Días en que se vuelve a buscar una edición que falta (ediciones extraordinarias o "
                   "vespertinas tardías). Ejemplo: --lookback 3")
@source_options
@digest_options
@store_options
def run(once: bool, since: date | None, lookback: int, source: str | None, notify_command: str | None,
        digest_smtp: str | None, digest_notify: bool, db: str | None) -> int:
    """El programador nocturno (07:30 y 21:30, hora de la Ciudad de México; bloquea), o una sola
    pasada con --once. Con --digest-smtp o --digest-notify, cada pasada termina enviando los
    resúmenes del día."""
    from .digest import pass_sending

    if since is not None:
        not_future(since, "--since")
    checked_source(source)
    sending = pass_sending(digest_smtp, digest_notify, notify_command)
    engine = open_engine(db)  # validates and migrates the store before any pass
    if not once:
        url = engine.url.render_as_string(hide_password=False)
        engine.dispose()
        import scheduler

        scheduler.serve(url, scheduler.RunConfig(db, source, notify_command, lookback, since, sending))
        return EXIT_OK
    try:
        report = catch_up(engine, source, since=since, lookback=lookback, progress=True)
        from report.runs import NOTHING_TO_DO, sync_summary

        for result in report.results:
            print_result(result)
        emit(sync_summary(report) if report.results else NOTHING_TO_DO)
        return _after_pass(engine, report, notify_command, sending)
    finally:
        engine.dispose()
