"""``dof-tracker digest``: each user's daily digest, sent (or printed), and the digest options
``run`` and ``sync`` take to send it after their pass; thin over ``pipeline.digests``."""

from __future__ import annotations

import os
from datetime import date, timedelta

import click
from sqlalchemy import Engine

from errors import InputError
from pipeline import BASE_URL_ENV, DIGEST_FROM_ENV, DIGEST_SMTP_ENV, NOTIFY_ENV, mexico_today
from pipeline.digests import (
    DigestOutcome,
    DigestRun,
    DigestSending,
    checked_base_url,
    configured_delivery,
    delivery,
    digests_after_pass,
    failed,
    send_digests,
)
from store import open_engine
from web.mail import DEFAULT_SENDER

from .app import EXIT_ERROR, EXIT_OK, Command
from .ingest import not_future
from .options import COMMAND, DATE, URL, json_option, store_options
from .output import emit, emit_json, emit_raw


def digest_days(on: date | None, since: date | None) -> tuple[date, date]:
    """The day the digests are for, and where a user's first digest starts (the day before by
    default)."""
    today = not_future(on, "--date") if on is not None else mexico_today()
    if since is not None and not_future(since, "--since") > today:
        raise InputError(f"--since {since} es posterior al día del resumen, {today}")
    return today, since if since is not None else today - timedelta(days=1)


def show(outcome: DigestOutcome, printing: bool) -> None:
    from report.digest import digest_preview
    from report.runs import digest_line

    if printing and outcome.digest is not None:
        emit_raw(digest_preview(outcome.digest) + "\n")
    emit(digest_line(outcome))


@click.command(cls=Command, epilog="Ejemplo: dof-tracker digest --smtp smtp://correo.example.mx:587?starttls=1")
@click.option("--date", "on", type=DATE, default=None,
              help="El día de los resúmenes (por omisión: hoy en la Ciudad de México); a lo más uno por "
                   "usuario y día, y el primero de un usuario cuenta desde el día anterior. "
                   "Ejemplo: --date 2024-05-16")
@click.option("--since", type=DATE, default=None,
              help="Desde qué día cuenta el primer resumen de un usuario (por omisión: el día anterior "
                   "al de --date, o ayer); los siguientes siguen donde quedó el anterior. "
                   "Ejemplo: --since 2024-05-01")
@click.option("--user", "user_name", metavar="USUARIO", default=None,
              help="Solo este usuario (por omisión: cada uno con dirección de correo). Ejemplo: --user ana")
@click.option("--smtp", "smtp_url", metavar=URL, default=None,
              help=f"Envía por este servidor SMTP (smtp://[usuario[:contraseña]@]servidor[:puerto], "
                   f"?starttls=1, o smtps://…; por omisión: ${DIGEST_SMTP_ENV}). "
                   "Ejemplo: --smtp smtp://avisos:secreto@correo.example.mx:587?starttls=1")
@click.option("--notify-command", metavar=COMMAND, default=None,
              help="Envía cada resumen por COMANDO: el texto en stdin, $DOF_TRACKER_STATUS=digest, "
                   "$DOF_TRACKER_USER, $DOF_TRACKER_EMAIL y $DOF_TRACKER_SUBJECT en su entorno (por "
                   f"omisión: ${NOTIFY_ENV}). Ejemplo: --notify-command ./enviar-resumen.sh")
@click.option("--sender", metavar="CORREO", default=DEFAULT_SENDER, envvar=DIGEST_FROM_ENV, show_default=True,
              help=f"El remitente de los correos (o ${DIGEST_FROM_ENV}). "
                   "Ejemplo: --sender 'Avisos DOF <avisos@example.mx>'")
@click.option("--base-url", metavar=URL, default=None, envvar=BASE_URL_ENV,
              help=f"La dirección de la aplicación web, para enlazar cada disposición (o ${BASE_URL_ENV}). "
                   "Ejemplo: --base-url https://dof.example.mx")
@click.option("--print", "dry_run", is_flag=True,
              help="Escribe los resúmenes en stdout sin enviarlos ni registrarlos (una prueba). "
                   "Ejemplo: --print")
@json_option
@store_options
def digest(on: date | None, since: date | None, user_name: str | None, smtp_url: str | None,
           notify_command: str | None, sender: str, base_url: str | None, dry_run: bool, as_json: bool,
           db: str | None) -> int:
    """Envía a cada usuario el resumen de lo que cambió en lo que sigue desde su último resumen
    (una línea por usuario; código de salida 1 si alguno no se envió: se reintenta la próxima vez)."""
    today, first_day = digest_days(on, since)
    link = checked_base_url(base_url)
    deliver = None if dry_run else configured_delivery(smtp_url, notify_command, os.environ, sender)
    engine = open_engine(db)
    try:
        outcomes = send_digests(engine, DigestRun(today, first_day, deliver, link), user_name)
    finally:
        engine.dispose()
    if as_json:
        emit_json([outcome.to_json() for outcome in outcomes])
    else:
        for outcome in outcomes:
            show(outcome, dry_run)
    return EXIT_ERROR if failed(outcomes) else EXIT_OK


# --- run and sync: the digests after the pass (their options: cli.ingest.digest_options) ------
def pass_sending(digest_smtp: str | None, digest_notify: bool, notify_command: str | None
                 ) -> DigestSending | None:
    """How ``run``/``sync`` send the digests after their pass (sender and links from
    $DOF_TRACKER_DIGEST_FROM and $DOF_TRACKER_BASE_URL); None when they do not."""
    if digest_smtp and digest_notify:
        raise InputError("dé --digest-smtp o --digest-notify, no ambas")
    if not (digest_smtp or digest_notify):
        return None
    command = None
    if digest_notify:
        command = notify_command or os.environ.get(NOTIFY_ENV, "").strip() or None
        if command is None:
            raise InputError(f"--digest-notify necesita --notify-command COMANDO (o ${NOTIFY_ENV})")
    sender = os.environ.get(DIGEST_FROM_ENV, "").strip() or DEFAULT_SENDER
    return DigestSending(delivery(digest_smtp or None, command, sender),
                         checked_base_url(os.environ.get(BASE_URL_ENV)))


def send_after_pass(engine: Engine, sending: DigestSending, notify_command: str | None) -> None:
    """The digests after a one-shot pass: one line per user; failures never change the exit status."""
    for outcome in digests_after_pass(engine, sending, notify_command):
        show(outcome, printing=False)
