"""Sending the daily digest: by SMTP, or through the notify command the nightly runner uses.

``smtp_url`` is ``smtp://[user[:password]@]host[:port]`` (``?starttls=1`` to upgrade the
connection first) or ``smtps://…`` (TLS from the start); the digest goes to the user's mail
address as a ``multipart/alternative`` message (plain text and HTML).

``notify_command`` runs like ``--notify-command`` (``scheduler.notify``): split as a shell would,
no shell, the plain-text digest on stdin, with ``DOF_TRACKER_STATUS=digest``,
``DOF_TRACKER_USER``, ``DOF_TRACKER_EMAIL`` and ``DOF_TRACKER_SUBJECT`` in its environment.

A failure raises ``DeliveryError`` (without the password): the caller decides whether the next
user's digest still goes.
"""

from __future__ import annotations

import os
import shlex
import smtplib
import ssl
import subprocess
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

from errors import DeliveryError, InputError
from report.digest import Digest
from untrusted import visible

DEFAULT_SENDER = "dof-tracker@localhost"
TIMEOUT = 60.0


def digest_message(digest: Digest, sender: str = DEFAULT_SENDER) -> EmailMessage:
    """The digest as a mail to its user: plain text, with the HTML as the alternative."""
    if not digest.user.email:
        raise InputError(f"el usuario {digest.user.name} no tiene dirección de correo para el resumen")
    message = EmailMessage()
    message["Subject"] = digest.subject
    message["From"] = sender
    message["To"] = digest.user.email
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message.set_content(digest.text)
    message.add_alternative(digest.html, subtype="html")
    return message


def check_smtp_url(url: str) -> str:
    """``url`` if it is an SMTP URL we can use; ``InputError`` (without the password) otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise InputError("una URL de SMTP es smtp://[usuario[:contraseña]@]servidor[:puerto] o smtps://…")
    try:
        parts.port  # noqa: B018  (reading it checks it)
    except ValueError:
        raise InputError("el puerto de la URL de SMTP no es un número") from None
    return url


def _smtp(url: str, timeout: float) -> smtplib.SMTP:
    parts = urlsplit(check_smtp_url(url))
    host, port = parts.hostname or "", parts.port
    query = parse_qs(parts.query)
    if parts.scheme == "smtps":
        client: smtplib.SMTP = smtplib.SMTP_SSL(host, port or 465, timeout=timeout,
                                                context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(host, port or 25, timeout=timeout)
        if query.get("starttls", ["0"])[0] in ("1", "true", "yes"):
            client.starttls(context=ssl.create_default_context())
    return client


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}{f':{parts.port}' if parts.port else ''}"


def send_by_smtp(digest: Digest, smtp_url: str, sender: str = DEFAULT_SENDER,
                 timeout: float = TIMEOUT) -> None:
    message = digest_message(digest, sender)
    try:
        with _smtp(smtp_url, timeout) as client:
            parts = urlsplit(smtp_url)
            if parts.username:
                client.login(unquote(parts.username), unquote(parts.password or ""))
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"el resumen para {digest.user.name} no se envió a {_where(smtp_url)}: "
                            f"{visible(str(exc))[:200]}") from None


def send_by_command(digest: Digest, command: str, timeout: float = TIMEOUT) -> None:
    try:
        argv = shlex.split(command)
    except ValueError:  # shlex's own words are English ("No closing quotation")
        raise InputError("no se puede leer el comando de aviso (¿unas comillas sin cerrar?)") from None
    if not argv:
        raise InputError("el comando de aviso está vacío")
    environment = {**os.environ, "DOF_TRACKER_STATUS": "digest", "DOF_TRACKER_USER": digest.user.name,
                   "DOF_TRACKER_EMAIL": digest.user.email or "", "DOF_TRACKER_SUBJECT": digest.subject}
    try:
        subprocess.run(argv, input=digest.text, text=True, timeout=timeout, check=True,
                       capture_output=True, env=environment)
    except subprocess.CalledProcessError as exc:
        raise DeliveryError(f"el comando de aviso terminó con {exc.returncode}: "
                            f"{visible((exc.stderr or '').strip())[:200]}") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise DeliveryError(f"falló el comando de aviso: {visible(str(exc))[:200]}") from None


def send_digest(digest: Digest, *, smtp_url: str | None = None, notify_command: str | None = None,
                sender: str = DEFAULT_SENDER, timeout: float = TIMEOUT) -> None:
    """Deliver ``digest`` by exactly one of SMTP (``smtp_url``) or ``notify_command``."""
    if (smtp_url is None) == (notify_command is None):
        raise InputError("un resumen se envía por SMTP (smtp_url) o por un comando de aviso: uno de los dos")
    if smtp_url is not None:
        send_by_smtp(digest, smtp_url, sender, timeout)
    elif notify_command is not None:
        send_by_command(digest, notify_command, timeout)


__all__ = ["check_smtp_url", "digest_message", "send_by_command", "send_by_smtp", "send_digest"]
