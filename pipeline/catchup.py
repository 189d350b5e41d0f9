"""Which editions to run: a range of days (``sync``) or every edition not yet checkpointed (the
nightly catch-up), under the store's writer lock."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from sqlalchemy import Connection, Engine

from errors import InputError
from gazette import Edition, mexico_today
from store import (
    TRACKING_SINCE,
    acquire_writer_lock,
    attention_editions,
    done_editions,
    get_meta,
    set_meta,
    transaction,
)
from untrusted import visible

from .day import EDITIONS, LOOKBACK_DAYS, EditionResult, Pipeline, SyncReport

logger = logging.getLogger("dof_tracker")


def edition_targets(days: Sequence[date]) -> list[tuple[date, Edition]]:
    return [(day, edition) for day in days for edition in EDITIONS]


def day_range(first: date, last: date) -> list[date]:
    if last < first:
        raise InputError(f"--since {first} es posterior a --until {last}")
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def sync(engine: Engine, days: Sequence[date], source: str | None = None, *, today: date | None = None,
         progress: bool = False, on_result: Callable[[EditionResult], None] | None = None) -> SyncReport:
    """Fetch and ingest every edition of ``days`` (the ``sync`` command)."""
    with acquire_writer_lock(engine):
        pipeline = Pipeline(engine, source, today=today)
        try:
            return pipeline.run(edition_targets(days), progress=progress, on_result=on_result)
        finally:
            pipeline.close()


def pending_editions(conn: Connection, since: date, today: date) -> list[tuple[date, Edition]]:
    """Every edition from ``since`` to ``today`` without a checkpoint (missed nights, failed
    editions, days without an edition still inside the lookback window) and every edition that
    needs attention, whatever its day, in publication order."""
    done = done_editions(conn, since, today)
    missing = [target for target in edition_targets(day_range(since, today)) if target not in done]
    return sorted({*missing, *attention_editions(conn)}, key=lambda t: (t[0], EDITIONS.index(t[1])))


def catch_up(engine: Engine, source: str | None = None, *, today: date | None = None,
             since: date | None = None, lookback: int = LOOKBACK_DAYS,
             progress: bool = False) -> SyncReport:
    """One nightly pass: every edition since tracking started that has no checkpoint yet.

    Tracking starts at ``since`` (or ``lookback`` days ago) the first time and is remembered in
    the store, so a machine that was off for a week catches up the whole week in one pass.
    """
    today = today or mexico_today()
    started = time.monotonic()
    with acquire_writer_lock(engine):
        with transaction(engine) as conn:
            stored = get_meta(conn, TRACKING_SINCE)
            first = date.fromisoformat(stored) if stored else today - timedelta(days=lookback)
            if since is not None and (stored is None or since < first):
                first = since
            if stored != first.isoformat():
                set_meta(conn, TRACKING_SINCE, first.isoformat())
            targets = pending_editions(conn, first, today)
        if not targets:
            logger.info("nothing to do: every edition since %s is ingested", first)
            return SyncReport((), time.monotonic() - started)
        pipeline = Pipeline(engine, source, today=today, lookback=lookback)
        try:
            report = pipeline.run(targets, progress=progress)
        finally:
            pipeline.close()
    for result in report.results:
        logger.info("%s", result.line())
    for warning in report.warnings:
        logger.warning("%s", visible(warning))
    return report


