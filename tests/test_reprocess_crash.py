"""SIGKILL during reprocess leaves the store as before or as after, never between.

A store synced from the fixture days (13-17 May 2024) is copied for every trial; a forked
child reprocesses the whole range with a reader that reads one word differently (so the
15/05 Modificación is re-applied: a revision taken back and made again) and is killed at a
random moment within the measured duration of an uninterrupted reprocess. After every kill:
``PRAGMA integrity_check`` is ``ok``, the data equals the store before or the store after, and
reprocessing again reaches exactly the after state. SQLite files (a PostgreSQL store's
atomicity is the same transactions' on the server; the functional tests run on both).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import URL, Engine, text
from test_kill_support import KillTiming
from test_pipeline_support import AS_OF, BASE, FIRST, LAST, TITLE, state_tables

import pipeline
from gazette import Capture
from parser import Amendment, parse_amendment, read_amendment_text
from scraper.mirror import serve_mirror
from store import open_engine

KILLS = 25
SINCE, UNTIL = date.fromisoformat(FIRST), date.fromisoformat(LAST)
DATA = ("notice", "document", "document_version", "provision_version", "change", "instruction", "discrepancy",
        "checkpoint", "meta")


def _abastos(body: Capture) -> Amendment:
    """The deliberate parser change: 'Coordinación de Abasto;' read as '… de Abastos;'."""
    text_read = read_amendment_text(body.body, body.url)
    return parse_amendment(text_read.replace("Coordinación de Abasto;", "Coordinación de Abastos;"))


READER = pipeline.Reader(amendment=_abastos)


def _url(path: Path) -> str:
    return URL.create("sqlite", database=str(path)).render_as_string()


def _data(engine: Engine) -> dict[str, list[str]]:
    tables = state_tables(engine)
    return {t: tables[t] for t in DATA}


def _child(url: str) -> None:
    """The forked child: reprocess, then a hard exit (no atexit, no pytest teardown)."""
    code = 1
    try:
        engine = open_engine(url)
        pipeline.reprocess(engine, since=SINCE, until=UNTIL, reader=READER)
        code = 0
    finally:
        os._exit(code)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning")
def test_sigkill_mid_reprocess_leaves_the_store_before_or_after(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    synced = tmp_path / "synced.sqlite"
    engine = open_engine(_url(synced))
    try:
        pipeline.import_document(engine, BASE.read_bytes(), str(BASE), TITLE, date.fromisoformat(AS_OF))
        with serve_mirror() as mirror:
            assert not pipeline.sync(engine, pipeline.day_range(SINCE, UNTIL), mirror.base_url,
                                     today=UNTIL + timedelta(days=30)).failed
        before = _data(engine)
    finally:
        engine.dispose()
    reference = tmp_path / "after.sqlite"
    shutil.copy(synced, reference)
    engine = open_engine(_url(reference))
    try:
        started = time.monotonic()
        assert pipeline.reprocess(engine, since=SINCE, until=UNTIL, reader=READER).deltas
        seconds = time.monotonic() - started
        after = _data(engine)
    finally:
        engine.dispose()
    assert after != before
    fork = multiprocessing.get_context("fork")
    outcomes = {"before": 0, "after": 0, "between": 0}
    killed = converged = 0
    # the window is what one uninterrupted child takes, fork to exit: the in-process run above is
    # warmer or colder than a child, and under load the two differ enough to miss the run
    trial = tmp_path / "trial.sqlite"
    shutil.copy(synced, trial)
    started = time.monotonic()
    child = fork.Process(target=_child, args=(_url(trial),), daemon=True)
    child.start()
    child.join(120)
    seconds = time.monotonic() - started
    assert child.exitcode == 0
    for leftover in tmp_path.glob("trial.sqlite*"):
        leftover.unlink()
    timing = KillTiming(window=0.9 * seconds)
    for _ in range(KILLS):
        trial = tmp_path / "trial.sqlite"
        shutil.copy(synced, trial)
        child = fork.Process(target=_child, args=(_url(trial),), daemon=True)
        child.start()
        time.sleep(timing.delay())
        child.kill()
        child.join(10)
        killed += child.exitcode == -signal.SIGKILL
        timing.record(landed=child.exitcode == -signal.SIGKILL)
        engine = open_engine(_url(trial))
        try:
            with engine.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            found = _data(engine)
            outcomes["before" if found == before else "after" if found == after else "between"] += 1
            pipeline.reprocess(engine, since=SINCE, until=UNTIL, reader=READER)
            converged += _data(engine) == after
        finally:
            engine.dispose()
        for leftover in tmp_path.glob("trial.sqlite*"):
            leftover.unlink()
    with capsys.disabled():
        print(f"\nSIGKILL mid-reprocess: {KILLS} kills within 0-{timing.window:.2f} s "
              f"({timing.misses} misses narrowed the window) "
              f"(reprocess {seconds:.2f} s), "
              f"{killed} landed mid-run; store before {outcomes['before']}, after {outcomes['after']}, "
              f"between {outcomes['between']}; rerun == after {converged}/{KILLS}")
    assert outcomes["between"] == 0 and converged == KILLS
    assert killed >= KILLS // 2, "most kills must land while the reprocess is still running"
