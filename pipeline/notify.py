"""Telling someone: the notification command run after a sync or a nightly pass."""

from __future__ import annotations

import logging
import os
import shlex
import subprocess

from .day import SyncReport, short_error

logger = logging.getLogger("dof_tracker")

NOTIFY_ENV = "DOF_TRACKER_NOTIFY"
DIGEST_SMTP_ENV = "DOF_TRACKER_DIGEST_SMTP"  # where run and sync send the digests after their pass
DIGEST_FROM_ENV = "DOF_TRACKER_DIGEST_FROM"  # the digests' sender
BASE_URL_ENV = "DOF_TRACKER_BASE_URL"  # the web application's address, for the digests' links
EXIT_OK = 0
EXIT_ERROR = 1


def notify(command: str | None, status: str, summary: str) -> None:
    """Run the notification command (``--notify-command`` or $DOF_TRACKER_NOTIFY) with the
    summary on stdin and ``DOF_TRACKER_STATUS`` set; its own failure is logged, never raised."""
    command = command or os.environ.get(NOTIFY_ENV, "").strip() or None
    if not command:
        return
    try:
        argv = shlex.split(command)
        subprocess.run(argv, input=summary, text=True, timeout=60, check=True, capture_output=True,
                       env={**os.environ, "DOF_TRACKER_STATUS": status})
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        logger.error("notify command failed: %s", short_error(exc))


def report_outcome(report: SyncReport, notify_command: str | None, told: str) -> int:
    """Log failures, notify failures and warnings with ``told`` (the report as its reader reads
    it: ``report.runs.notify_text``, in Spanish); the exit status of a one-shot command."""
    if report.failed:
        logger.error("%d edition(s) failed; they will be retried next run", len(report.failed))
        notify(notify_command, "failed", told)
        return EXIT_ERROR
    if report.warnings:
        notify(notify_command, "warning", told)
    return EXIT_OK


