"""Composition root: the nightly scheduler (APScheduler 3) and the ``dof-tracker`` entry point.

The commands live in ``cli/`` (click, loaded lazily); this module keeps the scheduler wiring and
``main``, the console script. Nothing heavy is imported at module level, so ``dof-tracker
--help`` does not pay for APScheduler, the store or the pipeline.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from cli.app import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from apscheduler.schedulers.base import BaseScheduler
    from apscheduler.triggers.cron import CronTrigger

    from pipeline.digests import DigestSending

logger = logging.getLogger("dof_tracker")

JOB_ID = "dof-tracker-nightly"
JOB_TABLE = "dof_tracker_jobs"


@dataclass(frozen=True, slots=True)
class RunConfig:
    """What the nightly job needs. Kept in memory, never in the job store, so no database
    password is ever pickled into a table."""

    url: str | None
    source: str | None
    notify: str | None
    lookback: int
    since: date | None = None
    digest: DigestSending | None = None  # how the day's digests go after each pass


_RUN_CONFIG: list[RunConfig] = []


def nightly_job() -> None:
    """The scheduled job: one catch-up pass, then the day's digests if configured (each user's at
    most once a day). Never raises (APScheduler would only log it)."""
    from sqlalchemy import Engine

    from errors import TrackerError, WriterBusy
    from pipeline import catch_up, notify, report_outcome
    from report.runs import notify_text
    from store import open_engine
    from untrusted import visible

    config = _RUN_CONFIG[-1]
    engine: Engine | None = None
    try:
        engine = open_engine(config.url)
        report = catch_up(engine, config.source, since=config.since, lookback=config.lookback)
        report_outcome(report, config.notify, notify_text(report))
        if config.digest is not None:
            from pipeline.digests import digests_after_pass

            digests_after_pass(engine, config.digest, config.notify)
    except WriterBusy as exc:
        logger.warning("skipping this pass: %s", visible(str(exc)))
    except TrackerError as exc:
        logger.error("nightly pass failed: %s", visible(str(exc)))
        notify(config.notify, "failed", f"la pasada nocturna falló: {visible(str(exc))}")
    except Exception as exc:  # a bug must not kill the scheduler; it is logged and notified
        logger.exception("nightly pass failed unexpectedly")
        notify(config.notify, "failed",
               f"la pasada nocturna falló por un error interno ({type(exc).__name__}): {visible(str(exc))}")
    finally:
        if engine is not None:
            engine.dispose()


def nightly_trigger(hours: str = "7,21", minute: int = 30) -> CronTrigger:
    """07:30 (the matutina is out, yesterday's late editions too) and 21:30 (vespertina and
    extraordinaria of the day), Mexico City time."""
    from apscheduler.triggers.cron import CronTrigger

    from pipeline import MEXICO_CITY

    return CronTrigger(hour=hours, minute=minute, timezone=MEXICO_CITY)


def build_scheduler(url: str, *, blocking: bool = True, hours: str = "7,21", minute: int = 30,
                    ) -> BaseScheduler:
    """A scheduler whose job lives in the store's database, so it survives restarts.

    coalesce + max_instances=1 + a generous misfire grace: after downtime the job runs once, not
    once per missed time; the database writer lock (not APScheduler) keeps two processes or
    machines from writing at once.
    """
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.schedulers.blocking import BlockingScheduler

    from pipeline import MEXICO_CITY

    kind = BlockingScheduler if blocking else BackgroundScheduler
    scheduler = kind(
        timezone=MEXICO_CITY,
        jobstores={"default": SQLAlchemyJobStore(url=url, tablename=JOB_TABLE)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 6 * 3600},
    )
    scheduler.add_job("scheduler:nightly_job", trigger=nightly_trigger(hours, minute), id=JOB_ID,
                      name="DOF nightly catch-up", replace_existing=True,
                      next_run_time=datetime.now(MEXICO_CITY))
    return scheduler


def serve(url: str, config: RunConfig) -> None:
    """``dof-tracker run``: passes at 07:30 and 21:30 Mexico City until interrupted."""
    from store import safe_url

    _RUN_CONFIG.append(config)
    scheduler = build_scheduler(url)
    logger.info("dof-tracker run: passes at 07:30 and 21:30 America/Mexico_City on %s", safe_url(url))
    with contextlib.suppress(KeyboardInterrupt, SystemExit):
        scheduler.start()


def main(argv: Sequence[str] | None = None) -> int:
    """The ``dof-tracker`` command. Every error is one line on stderr and a non-zero status."""
    from cli.app import main as run_cli

    return run_cli(argv)


__all__ = ["EXIT_BROKEN_PIPE", "EXIT_ERROR", "EXIT_OK", "EXIT_USAGE", "JOB_ID", "JOB_TABLE", "RunConfig",
           "build_scheduler", "main", "nightly_job", "nightly_trigger", "serve"]

if __name__ == "__main__":
    sys.exit(main())
