"""Crash and overlap: SIGKILL in the middle of an ingest, and two syncs of the same days at once.

SIGKILL (research/reliability.md F12, probe P7): a child process runs the real command
(``scheduler.main(["sync", ...])``) against the local mirror and is killed at a random moment
within the measured duration of a clean sync. The child is forked from the test process, so it
starts working at once instead of spending ~1.2 s importing; the kill therefore lands inside
the ingest, which is
the point. After every kill: ``PRAGMA integrity_check`` is ``ok``, no edition is half-written,
and a rerun reaches exactly the canonical state of a clean run.

Overlap (F13): two ``python -m scheduler sync`` processes of the same days started together, on
SQLite and on the real PostgreSQL: one writer, the other refused at once by the writer lock (or,
if it came late, finding everything checkpointed); never a duplicate.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import URL, Engine, func, select, text
from test_kill_support import KillTiming
from test_pipeline_support import ROOT, import_args, partial_editions, state_digest, sync_args
from test_store_support import BACKENDS, database_url

import scheduler
from scraper.mirror import serve_mirror
from store import RunStatus, open_engine, runs
from store import schema as s

KILLS = 50  # SQLite
PG_KILLS = 10


@pytest.fixture(scope="module")
def mirror_url() -> Iterator[str]:
    with serve_mirror() as mirror:
        yield mirror.base_url


def _sqlite(path: Path) -> str:
    return URL.create("sqlite", database=str(path)).render_as_string()


def _run(argv: list[str]) -> int:
    return scheduler.main(argv)


def _child(argv: list[str]) -> None:
    """The forked child: the real command line, then a hard exit (no atexit, no pytest teardown)."""
    code = 1
    try:
        code = scheduler.main(argv)
    finally:
        os._exit(code)


def _clean_state(url: str, mirror_url: str) -> tuple[str, float]:
    """The canonical state of a clean run, and how long its sync took on this machine."""
    assert _run(import_args(url)) == 0
    started = time.monotonic()
    assert _run(sync_args(url, mirror_url)) == 0
    duration = time.monotonic() - started
    engine = open_engine(url)
    try:
        return state_digest(engine), duration
    finally:
        engine.dispose()


def _integrity(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("PRAGMA integrity_check")).scalar_one())


@dataclass(frozen=True)
class Databases:
    """A factory of empty databases of one backend (SQLite files, or PostgreSQL schemas)."""

    backend: str
    make: Callable[[], str]

    def __call__(self) -> str:
        return self.make()


@pytest.fixture(name="fresh_url", params=BACKENDS)
def fresh_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Databases]:
    with contextlib.ExitStack() as stack:
        yield Databases(request.param, lambda: database_url(request.param, tmp_path, stack))


def _rerun(url: str, mirror_url: str) -> int:
    """The rerun after a kill. On PostgreSQL the killed client's session (and its writer lock)
    ends when the server notices the dead socket, a few milliseconds later: retry briefly."""
    deadline = time.monotonic() + 10
    while True:
        code = _run(sync_args(url, mirror_url))
        if code == 0 or time.monotonic() > deadline:
            return code
        time.sleep(0.1)


@pytest.mark.slow  # ~60 s on SQLite, ~20 s on PostgreSQL; runs by default (CI runs it)
@pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning")
def test_sigkill_mid_ingest_leaves_nothing_half_written(fresh_url: Databases, mirror_url: str,
                                                        tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    clean, clean_seconds = _clean_state(_sqlite(tmp_path / "clean.sqlite"), mirror_url)
    # Kill moments are spread over the sync's own measured duration, so the kills land inside
    # the ingest on a fast machine and on a slow one alike (a fixed window made this flaky).
    timing = KillTiming(window=max(0.05, 0.9 * clean_seconds), low=0.02)
    fork = multiprocessing.get_context("fork")
    killed = integrity_ok = converged = 0
    partial: list[str] = []
    progress: list[int] = []  # checkpoints present at the moment of each kill
    started = time.monotonic()
    dialect = fresh_url.backend
    kills = KILLS if dialect == "sqlite" else PG_KILLS
    for trial in range(kills):
        url = fresh_url()
        assert _run(import_args(url)) == 0
        child = fork.Process(target=_child, args=(sync_args(url, mirror_url),), daemon=True)
        child.start()
        time.sleep(timing.delay())
        child.kill()
        child.join(10)
        killed += child.exitcode == -signal.SIGKILL
        timing.record(landed=child.exitcode == -signal.SIGKILL)
        engine = open_engine(url)
        try:
            integrity_ok += dialect != "sqlite" or _integrity(engine) == "ok"
            partial.extend(f"trial {trial}: {p}" for p in partial_editions(engine))
            with engine.connect() as conn:
                progress.append(int(conn.execute(select(func.count()).select_from(s.checkpoint)).scalar_one()))
            assert _rerun(url, mirror_url) == 0
            converged += state_digest(engine) == clean
        finally:
            engine.dispose()
    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(f"\nSIGKILL on {dialect}: {kills} kills at 0.02-{timing.window:.2f} s "
              f"({timing.misses} misses narrowed the window) "
              f"(clean sync {clean_seconds:.2f} s), "
              f"{killed} landed mid-run, "
              f"integrity ok {integrity_ok}/{kills}, partial editions {len(partial)}, rerun == clean state "
              f"{converged}/{kills}, checkpoints at kill time min/median/max {min(progress)}/"
              f"{sorted(progress)[len(progress) // 2]}/{max(progress)} of 15, {elapsed:.1f} s")
    assert integrity_ok == kills and not partial and converged == kills
    assert killed >= kills * 0.7, "most kills must land while the sync is still running"
    assert min(progress) < 15 and max(progress) > 0, "kills must land at different points of the ingest"


# --- two writers at once -------------------------------------------------------------------------
def _spawn(argv: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "scheduler", *argv], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


ROUNDS = 3


def test_two_syncs_of_the_same_days_at_once_one_writer_no_duplicates(
        fresh_url: Databases, mirror_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    clean, _ = _clean_state(_sqlite(tmp_path / "clean.sqlite"), mirror_url)
    refused = 0
    dialect = ""
    for _ in range(ROUNDS):
        url = fresh_url()
        assert _run(import_args(url)) == 0
        first, second = _spawn(sync_args(url, mirror_url)), _spawn(sync_args(url, mirror_url))
        outcomes = [(p.wait(120), *p.communicate()) for p in (first, second)]
        codes = sorted(code for code, _, _ in outcomes)
        losers = [err for code, _, err in outcomes if code != 0]
        assert codes in ([0, 0], [0, 1]), outcomes
        for err in losers:
            assert err.count("\n") == 1 and "otro proceso de dof-tracker está escribiendo" in err, err
        refused += len(losers)
        engine = open_engine(url)
        try:
            dialect = engine.dialect.name
            with engine.connect() as conn:
                ingested = [(r.day, r.edition) for r in runs(conn) if r.status is RunStatus.OK]
            assert len(ingested) == len(set(ingested)) == 15  # each edition ingested exactly once
            assert state_digest(engine) == clean
            assert partial_editions(engine) == []
        finally:
            engine.dispose()
    with capsys.disabled():
        print(f"\noverlap on {dialect}: {ROUNDS} rounds of two simultaneous syncs, {refused} refused by "
              f"the writer lock, 0 duplicates, state == clean run in {ROUNDS}/{ROUNDS}")
    assert refused >= 1, "the two processes never overlapped: the lock was not exercised"
