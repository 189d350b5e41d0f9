"""Sending the daily digests: to each user, what changed in what they watch since their last one.

For each user with a mail address (or the one named): read their mark (``store.digests``), the
watched changes recorded after it (the first time: known on or after the first day asked), build
the digest (``report.digest``), claim the day in the store, deliver (``web.mail``), then move the
mark past what was told. At most one digest per user and day; a failed delivery gives the day
back and leaves the mark, so the next run retries it; a run killed between delivery and the
mark's move sends that digest again the next day: a change may be told twice, never lost.

Imported on its own (``pipeline.digests``), not by ``pipeline``: only the commands that send
digests pay for the report and the mail modules.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parseaddr
from enum import StrEnum
from functools import partial
from typing import Any

from sqlalchemy import Connection, Engine

from errors import DeliveryError, InputError, TrackerError
from gazette import mexico_today
from report.digest import MAX_ENTRIES, Digest, build_digest
from report.html import safe_href
from store import transaction
from store.digests import DigestMark, digest_mark, newest_change_id, replace_mark, waiting_change_ids
from store.users import User, user_by_name, users
from store.watch import watched_changes
from untrusted import visible
from web.mail import DEFAULT_SENDER, check_smtp_url, send_digest

from .notify import DIGEST_SMTP_ENV, NOTIFY_ENV, notify

logger = logging.getLogger("dof_tracker")

Deliver = Callable[[Digest], None]


class DigestStatus(StrEnum):
    SENT = "sent"
    PRINTED = "printed"  # a dry run: built, neither sent nor recorded
    NO_CHANGES = "no_changes"
    ALREADY_SENT = "already_sent"
    NO_ADDRESS = "no_address"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class DigestOutcome:
    """What became of one user's digest."""

    user: str
    status: DigestStatus
    email: str | None = None
    digest: Digest | None = None
    error: str | None = None

    @property
    def changes(self) -> int:
        return len(self.digest.entries) if self.digest is not None else 0

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"user": self.user, "email": self.email, "status": str(self.status),
                                "changes": self.changes, "error": self.error}
        if self.digest is not None:
            data |= {"since": self.digest.since.isoformat(), "subject": self.digest.subject,
                     "change_ids": [entry.id for entry in self.digest.entries]}
        if self.status is DigestStatus.PRINTED and self.digest is not None:
            data["text"] = self.digest.text
        return data


@dataclass(frozen=True, slots=True)
class DigestRun:
    """One run's settings: the day it sends for, where a user's first digest starts, and how it
    delivers (None: a dry run, nothing sent and nothing recorded)."""

    today: date
    first_day: date
    deliver: Deliver | None
    base_url: str = ""


@dataclass(frozen=True, slots=True)
class DigestSending:
    """How the digests after a nightly pass go: the delivery, and the web application's address
    for the links to each provision ('' for none)."""

    deliver: Deliver
    base_url: str = ""


def checked_sender(sender: str) -> str:
    """A From address (``Avisos DOF <avisos@example.mx>`` or ``avisos@example.mx``); ``InputError``
    otherwise."""
    _, address = parseaddr(sender)
    if "@" not in address or any(c.isspace() for c in address) or "\n" in sender or "\r" in sender:
        raise InputError(f"«{sender[:60]}» no es una dirección de correo para el remitente")
    return sender.strip()


def checked_base_url(url: str | None) -> str:
    """The web application's address as the digests link to it ('' for none)."""
    if not url or not url.strip():
        return ""
    found = safe_href(url)
    if found is None:
        raise InputError("la dirección de la aplicación web es http(s)://servidor[/ruta], p. ej. "
                         "https://dof.example.mx")
    return found.rstrip("/")


def delivery(smtp_url: str | None, notify_command: str | None, sender: str = DEFAULT_SENDER) -> Deliver:
    """Deliver by SMTP or through the notify command (exactly one); a bad SMTP URL or sender is an
    ``InputError`` now, before any user's digest is built."""
    if smtp_url is not None:
        check_smtp_url(smtp_url)
    if (smtp_url is None) == (notify_command is None):
        raise InputError("los resúmenes se envían por SMTP o por un comando de aviso: dé uno de los dos")
    return partial(send_digest, smtp_url=smtp_url, notify_command=notify_command,
                   sender=checked_sender(sender))


def configured_delivery(smtp_url: str | None, notify_command: str | None, environ: Mapping[str, str],
                        sender: str = DEFAULT_SENDER) -> Deliver:
    """The delivery options, else $DOF_TRACKER_DIGEST_SMTP, else $DOF_TRACKER_NOTIFY."""
    if smtp_url is not None and notify_command is not None:
        raise InputError("dé --smtp o --notify-command, no ambas")
    if smtp_url is None and notify_command is None:
        smtp_url = environ.get(DIGEST_SMTP_ENV, "").strip() or None
        notify_command = None if smtp_url else environ.get(NOTIFY_ENV, "").strip() or None
    if smtp_url is None and notify_command is None:
        raise InputError(f"¿cómo se envían los resúmenes? dé --smtp URL o --notify-command COMANDO (o "
                         f"${DIGEST_SMTP_ENV}), o --print para verlos sin enviarlos")
    return delivery(smtp_url, notify_command, sender)


def recipients(conn: Connection, name: str | None) -> tuple[User, ...]:
    """Every user, by name, or the one named (``InputError`` if there is none)."""
    if name is None:
        return users(conn)
    user = user_by_name(conn, name)
    if user is None:
        raise InputError(f"no existe el usuario {name[:70]!r}")
    return (user,)


def send_digests(engine: Engine, run: DigestRun, user_name: str | None = None) -> tuple[DigestOutcome, ...]:
    """Each user's digest, sent (or built, in a dry run); one outcome per user. A user whose
    delivery fails does not stop the others."""
    with engine.connect() as conn:
        chosen = recipients(conn, user_name)
    return tuple(_send_one(engine, user, run) for user in chosen)


def _read(conn: Connection, user: User, mark: DigestMark | None, run: DigestRun
          ) -> tuple[Digest | None, int]:
    """The user's digest of the changes after their mark (and of those the mark saw waiting,
    applied since), and the change id it reaches."""
    through = newest_change_id(conn)
    since = mark.since if mark is not None else run.first_day
    if mark is None or mark.change_id is None:  # the first digest: by the day the changes were known
        entries = watched_changes(conn, user.id, since, MAX_ENTRIES, after=0, through=through)
    else:
        entries = watched_changes(conn, user.id, None, MAX_ENTRIES, after=mark.change_id, through=through)
    if len(entries) == MAX_ENTRIES:  # the rest go in the next digest
        through = max(entry.id for entry in entries)
    if mark is not None and mark.waiting:
        applied = watched_changes(conn, user.id, None, MAX_ENTRIES, after=0, among=mark.waiting)
        told = {e.id: e for e in (*entries, *applied)}.values()
        entries = tuple(sorted(told, key=lambda e: (e.date, e.id)))
    shown = min([since, *(entry.date for entry in entries)])
    return build_digest(user, shown, entries, run.base_url), through


def _send_one(engine: Engine, user: User, run: DigestRun) -> DigestOutcome:
    if not user.email:
        return DigestOutcome(user.name, DigestStatus.NO_ADDRESS)
    with transaction(engine) as conn:
        mark = digest_mark(conn, user.id)
        if mark is not None and mark.sent_on is not None and mark.sent_on >= run.today:
            return DigestOutcome(user.name, DigestStatus.ALREADY_SENT, user.email)
        digest, through = _read(conn, user, mark, run)
        if run.deliver is None:
            status = DigestStatus.NO_CHANGES if digest is None else DigestStatus.PRINTED
            return DigestOutcome(user.name, status, user.email, digest)
        waiting = waiting_change_ids(conn, through)
        if digest is None:
            replace_mark(conn, user.id, mark, DigestMark(through, run.today, mark.sent_on if mark else None,
                                                         waiting))
            return DigestOutcome(user.name, DigestStatus.NO_CHANGES, user.email)
        claimed = DigestMark(mark.change_id if mark else None, mark.since if mark else run.first_day,
                             run.today, mark.waiting if mark else ())
        if not replace_mark(conn, user.id, mark, claimed):  # another run is sending it
            return DigestOutcome(user.name, DigestStatus.ALREADY_SENT, user.email)
    return _deliver(engine, run, digest, (mark, claimed, DigestMark(through, run.today, run.today, waiting)))


def _deliver(engine: Engine, run: DigestRun, digest: Digest,
             marks: tuple[DigestMark | None, DigestMark, DigestMark]) -> DigestOutcome:
    """Hand the claimed digest over; then move the mark on, or give the day back."""
    before, claimed, after = marks
    user = digest.user
    assert run.deliver is not None
    try:
        run.deliver(digest)
    except (DeliveryError, InputError) as exc:
        with transaction(engine) as conn:
            replace_mark(conn, user.id, claimed, before)
        logger.error("digest for %s not delivered (retried next run): %s", user.name, visible(str(exc)))
        return DigestOutcome(user.name, DigestStatus.FAILED, user.email, digest, visible(str(exc)))
    with transaction(engine) as conn:
        replace_mark(conn, user.id, claimed, after)
    logger.info("digest for %s: %d changes sent to %s", user.name, len(digest.entries), user.email)
    return DigestOutcome(user.name, DigestStatus.SENT, user.email, digest)


def failed(outcomes: tuple[DigestOutcome, ...]) -> tuple[DigestOutcome, ...]:
    return tuple(o for o in outcomes if o.status is DigestStatus.FAILED)


def digests_after_pass(engine: Engine, sending: DigestSending, notify_command: str | None,
                       today: date | None = None) -> tuple[DigestOutcome, ...]:
    """The nightly pass's digests (the first one of each user tells from yesterday). Never
    raises for our errors: a failure is logged and told through the notify command, the pass's
    work is already stored, and the digests not delivered go next time."""
    today = today or mexico_today()
    try:
        outcomes = send_digests(engine, DigestRun(today, today - timedelta(days=1), sending.deliver,
                                                  sending.base_url))
    except TrackerError as exc:
        logger.error("digests not sent: %s", visible(str(exc)))
        notify(notify_command, "failed", f"no se enviaron los resúmenes: {visible(str(exc))}\n")
        return ()
    if failed(outcomes):
        from report.runs import undelivered_text  # report.runs imports this module

        notify(notify_command, "failed", undelivered_text(outcomes))
    return outcomes


__all__ = ["Deliver", "DigestOutcome", "DigestRun", "DigestSending", "DigestStatus", "checked_base_url",
           "checked_sender", "configured_delivery",
           "delivery", "digests_after_pass", "failed", "recipients", "send_digests"]
