"""One DOF edition (day + MAT/VES/EXT) through the pipeline: fetch, archive, ingest, checkpoint."""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from errors import SanityError, TrackerError
from gazette import Capture, Edition, mexico_today
from scraper import FetchedEdition, FetchFailed, SidofCheck, fetch_edition, fetch_policy, fetch_sidof_check
from scraper.sources import DofSource, open_fetcher
from store import (
    RunStatus,
    archive_captures,
    attention_codigos,
    clear_attention,
    finish_run,
    is_done,
    note_attention,
    start_run,
    transaction,
    write_checkpoint,
)
from untrusted import visible

from .ingest import IngestResult, ingest_edition

logger = logging.getLogger("dof_tracker")


# --- store-backed commands: the pipeline of one DOF day ----------------------------------------
# One edition (day + MAT/VES/EXT) is the unit of work. Everything is fetched first (network, no
# database); every capture is then archived as evidence in a short transaction of its own (see
# Pipeline._archive), and the edition's data written in ONE transaction whose last statement is
# its checkpoint: a rerun skips checkpointed editions without a request, and a crash (even
# SIGKILL) leaves either the whole edition or nothing of it. A run record is written after, in a
# transaction of its own, so a failure is recorded even though the edition's data rolled back.

EDITIONS = (Edition.MAT, Edition.VES, Edition.EXT)
LOOKBACK_DAYS = 7


# --- running editions ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EditionResult:
    """One attempt at one edition, as its run record holds it."""

    day: date
    edition: Edition
    status: RunStatus
    counts: Mapping[str, int]
    error: str | None = None
    warnings: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()  # why it needs attention (all of them, told before or not)

    def line(self) -> str:
        """'2024-05-15 MAT ok: 8 notices, 1 amendment applied, 14 changes'."""
        head = f"{self.day.isoformat()} {self.edition}"
        if self.status is RunStatus.FAILED:
            return f"{head} FAILED: {self.error}"
        if self.status is RunStatus.NEEDS_ATTENTION:
            return f"{head} NEEDS ATTENTION ({len(self.reasons)}): " + "; ".join(self.reasons)
        if self.status is RunStatus.NOOP:
            return f"{head} already ingested"
        if not self.counts.get("published", 1):
            return f"{head} no edition" + ("" if self.counts.get("checkpointed") else " (will look again)")
        shown = ("notices", "amendments_applied", "changes", "documents_registered",
                 "instructions_unapplied", "errata", "problems", "findings")
        parts = [f"{self.counts[k]} {k.replace('_', ' ')}" for k in shown if self.counts.get(k)]
        return f"{head} ok: " + (", ".join(parts) or "nothing new")


@dataclass(frozen=True, slots=True)
class SyncReport:
    """Every edition a sync or a nightly pass attempted, in order."""

    results: tuple[EditionResult, ...]
    seconds: float

    @property
    def failed(self) -> tuple[EditionResult, ...]:
        return tuple(r for r in self.results if r.status is RunStatus.FAILED)

    @property
    def attention(self) -> tuple[EditionResult, ...]:
        return tuple(r for r in self.results if r.status is RunStatus.NEEDS_ATTENTION)

    @property
    def warnings(self) -> tuple[str, ...]:
        """New warnings only: a retried edition's reasons told before are not repeated."""
        return tuple(f"{r.day} {r.edition}: {w}" for r in self.results for w in r.warnings)

    def summary(self) -> str:
        ok = sum(1 for r in self.results if r.status is RunStatus.OK)
        noop = sum(1 for r in self.results if r.status is RunStatus.NOOP)
        changes = sum(r.counts.get("changes", 0) for r in self.results)
        attention = f"{len(self.attention)} need attention, " if self.attention else ""
        text = (f"{len(self.results)} editions in {self.seconds:.1f} s: {ok} ingested, {noop} already done, "
                f"{attention}{len(self.failed)} failed; {changes} changes")
        lines = [text] + [f"FAILED {r.day} {r.edition}: {r.error}" for r in self.failed]
        lines += [f"NEEDS ATTENTION {r.day} {r.edition}: {'; '.join(r.reasons)}" for r in self.attention]
        lines += [f"warning {w}" for w in self.warnings]
        return "\n".join(lines)


def short_error(exc: BaseException) -> str:
    """The first line of an error, its control characters made visible (it is printed and
    stored as the run's error, and may quote a URL or text from the network)."""
    lines = str(exc).strip().splitlines()
    return visible(lines[0] if lines else type(exc).__name__)[:500]


class Pipeline:
    """Fetches and ingests editions for one store and one source; the caller holds the lock."""

    def __init__(self, engine: Engine, source: str | None = None, *, today: date | None = None,
                 lookback: int = LOOKBACK_DAYS) -> None:
        self.engine = engine
        self.fetcher = open_fetcher(source, fetch_policy(source))
        self.source = DofSource(self.fetcher, source)
        self.public = DofSource(open_fetcher(None))  # builds public URLs; never fetches
        self.today = today or mexico_today()
        self.lookback = lookback
        self._sidof: SidofCheck | None = None  # the current day's SIDOF list (one request a day)

    def close(self) -> None:
        self.fetcher.close()
        self.public.fetcher.close()

    def run(self, targets: Sequence[tuple[date, Edition]], *, progress: bool = False,
            on_result: Callable[[EditionResult], None] | None = None) -> SyncReport:
        """Process editions in order, stopping at the first failure.

        Versions are append-only and amendments must apply in publication order, so once an
        edition fails, later ones wait for it: they stay pending and the next run retries all.
        """
        started = time.monotonic()
        results: list[EditionResult] = []
        with progress_bar(len(targets) if progress else 0) as bar:
            for day, edition in targets:
                if bar is not None:
                    bar.set_description(f"{day.isoformat()} {edition}")
                result = self.edition(day, edition)
                results.append(result)
                if bar is not None:
                    bar.update(1)
                if on_result is not None:
                    on_result(result)
                if result.status is RunStatus.FAILED:
                    break
        return SyncReport(tuple(results), time.monotonic() - started)

    def edition(self, day: date, edition: Edition) -> EditionResult:
        """One edition: skip if checkpointed, else fetch, ingest and checkpoint, with a run record.

        An edition checkpointed with notices that needed attention is fetched again and those
        notices handled again (``retry``): the retry that succeeds clears the attention record.
        """
        with self.engine.connect() as conn:
            retry = attention_codigos(conn, day, edition)
            if retry is None and is_done(conn, day, edition):
                return self._record(day, edition, RunStatus.NOOP, {}, None, 0.0)
        started = time.monotonic()
        try:
            result = self._ingest(day, edition, retry)
        except TrackerError as exc:
            logger.error("%s %s failed: %s", day, edition, short_error(exc))
            return self._record(day, edition, RunStatus.FAILED, {}, short_error(exc), started)
        except SQLAlchemyError as exc:
            logger.error("%s %s failed: database error: %s", day, edition, short_error(exc))
            return self._record(day, edition, RunStatus.FAILED, {},
                                f"error de la base de datos: {short_error(exc)}", started)
        except Exception as exc:  # a bug: record it (retried next run), never lose it in a log only
            logger.exception("%s %s failed unexpectedly", day, edition)
            return self._record(day, edition, RunStatus.FAILED, {},
                                f"error interno ({type(exc).__name__}): {short_error(exc)}", started)
        counts, warnings, reasons = result
        for warning in warnings:  # shown by the caller: printed by sync, logged by the nightly run
            logger.debug("%s %s: %s", day, edition, visible(warning))
        status = RunStatus.NEEDS_ATTENTION if reasons else RunStatus.OK
        return self._record(day, edition, status, counts, None, started, tuple(warnings), reasons)

    def _ingest(self, day: date, edition: Edition,
                retry: frozenset[str] | None) -> tuple[dict[str, int], list[str], tuple[str, ...]]:
        """Fetch, archive, ingest; the counts, the warnings worth telling, the attention reasons."""
        logger.info("fetching %s %s", day, edition)
        sidof, fresh = self._sidof_check(day)
        try:
            fetched = fetch_edition(self.source, day, edition, self.public, sidof=sidof)
        except FetchFailed as failed:
            self._archive_after_failure((*fresh, *failed.captures), failed.error)
            raise failed.error from failed.error.__cause__
        cut = self._archive((*fresh, *fetched.captures))
        warnings: list[str] = []
        reasons: tuple[str, ...] = ()
        settled = day < self.today - timedelta(days=self.lookback)
        if not fetched.published and edition is Edition.MAT and day.weekday() < 5 and day < self.today:
            warnings.append("no hay edición matutina en un día entre semana: un día inhábil, o el sitio "
                            "falló")
        with transaction(self.engine) as conn:
            if fetched.published:
                ingested = ingest_edition(conn, fetched, retry=retry or frozenset())
                counts = {"published": 1, **ingested.counts, "checkpointed": 1}
                reasons = tuple(a.reason for a in ingested.attention)
                warnings.extend(_news(conn, day, edition, ingested))
                if retry is None:  # a retried edition keeps the checkpoint its first attempt wrote
                    write_checkpoint(conn, day, edition, _checkpoint_counts(counts))
            elif retry is not None:
                raise SanityError(f"la edición {edition.spanish} del {day} se guardó antes y ahora no "
                                  "aparece publicada (¿falló el sitio?); se reintenta en la próxima "
                                  "ejecución")
            else:
                # A day without this edition is settled once it is older than the lookback window;
                # until then it is looked at again (late EXT and VES editions).
                counts = {"published": 0, "checkpointed": int(settled)}
                if settled:
                    write_checkpoint(conn, day, edition, {"published": 0})
        counts["captures"] = len(fetched.captures)
        if cut:
            counts["captures_incomplete"] = cut
        counts.update(_cross_check_counts(fetched))
        warnings.extend(fetched.cross_check)
        return counts, warnings, reasons

    def _sidof_check(self, day: date) -> tuple[SidofCheck, tuple[Capture, ...]]:
        """SIDOF's list of ``day``, fetched by the first edition of the day that needs it, and
        the captures to archive with that edition (none for the day's later editions)."""
        if self._sidof is None or self._sidof.day != day:
            self._sidof = fetch_sidof_check(self.source, day)
            return self._sidof, self._sidof.captures
        return self._sidof, ()

    # Captures are evidence, not state: each is content-addressed (its bytes by sha256, the row
    # by URL + sha256), so writing one again is a no-op, and it says only "the site answered
    # this", which stays true whatever happens to the edition. They are therefore archived
    # EVERY time (cut bodies and the responses of an edition that then fails included) in a
    # short transaction of their own, committed before the edition's one transaction starts;
    # that one (notices, versions, changes, checkpoint) remains all-or-nothing. A crash between
    # the two leaves only evidence, which the rerun's identical fetches write again as no-ops.
    def _archive(self, captures: Sequence[Capture]) -> int:
        """Archive every capture of this attempt; returns how many were cut short."""
        with transaction(self.engine) as conn:
            return archive_captures(conn, captures)

    def _archive_after_failure(self, captures: Sequence[Capture], failure: Exception) -> None:
        """Archive what a failed fetch received; a store error here must not hide the failure."""
        try:
            self._archive(captures)
        except TrackerError as exc:
            logger.error("could not archive the captures of a failed fetch: %s", short_error(exc))
            failure.add_note(f"its captures were not archived: {short_error(exc)}")

    def _record(self, day: date, edition: Edition, status: RunStatus, counts: Mapping[str, int],
                error: str | None, started: float, warnings: tuple[str, ...] = (),
                reasons: tuple[str, ...] = ()) -> EditionResult:
        """Write the run record (its own transactions) and return the result."""
        duration = int((time.monotonic() - started) * 1000) if started else 0
        shown = visible(error or "; ".join(reasons or warnings)[:2000]) or None
        with transaction(self.engine) as conn:
            run_id = start_run(conn, day, edition)
            finish_run(conn, run_id, status, {**counts, "duration_ms": duration}, shown)
        return EditionResult(day, edition, status, dict(counts), error, warnings, reasons)


def _news(conn: Connection, day: date, edition: Edition, ingested: IngestResult) -> list[str]:
    """Record (or clear) the edition's attention record; the warnings worth telling: every one,
    except the reasons an earlier attempt already told (a retry failing the same way is quiet)."""
    if not ingested.attention:
        clear_attention(conn, day, edition)
        return list(ingested.warnings)
    new = set(note_attention(conn, day, edition, [a.reason for a in ingested.attention],
                             [a.codigo for a in ingested.attention if a.codigo is not None]))
    told = {a.reason for a in ingested.attention} - new
    return [w for w in ingested.warnings if w not in told]


@contextlib.contextmanager
def progress_bar(total: int) -> Iterator[Any]:
    """A tqdm bar on stderr for multi-edition work at a terminal; None otherwise.

    No tqdm object at all when nobody watches: tqdm takes a process-shared lock even when
    disabled, and a process killed while holding it would block its forked siblings.
    """
    if total <= 1 or not sys.stderr.isatty():
        yield None
        return
    bar = tqdm(total=total, unit="edition", file=sys.stderr, leave=False)
    try:
        yield bar
    finally:
        bar.close()


_ATTEMPT_COUNTS = ("captures", "captures_incomplete", "checkpointed", "sidof_only", "index_only",
                   "sidof_unchecked")


def _checkpoint_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """Counts that describe the data (deterministic), not this attempt (nor what SIDOF said)."""
    return {k: v for k, v in counts.items() if k not in _ATTEMPT_COUNTS}


def _cross_check_counts(fetched: FetchedEdition) -> dict[str, int]:
    """The SIDOF cross-check in the run record's counts: disagreements, or that it did not run."""
    if fetched.sidof is None:
        return {"sidof_unchecked": 1} if fetched.published else {}
    found = {"sidof_only": len(fetched.sidof.only_in_sidof), "index_only": len(fetched.sidof.only_in_index)}
    return {k: v for k, v in found.items() if v}


