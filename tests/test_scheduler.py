"""The nightly scheduler: APScheduler 3 wiring, its persistent job store, and one real pass.

The pass runs the production job function through a real (background) scheduler against the
local mirror: nothing is faked but the clock's reach (the lookback is kept short so the pass
covers a few days).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import URL, create_engine, text

import pipeline
import scheduler
import store
from gazette import Edition
from scraper.mirror import serve_mirror
from store import RunStatus, acquire_writer_lock, open_engine, runs


@pytest.fixture(scope="module")
def mirror_url() -> Iterator[str]:
    with serve_mirror() as mirror:
        yield mirror.base_url


def _url(tmp_path: Path, name: str = "nightly.sqlite") -> str:
    return URL.create("sqlite", database=str(tmp_path / name)).render_as_string()


def test_the_job_runs_twice_a_day_in_mexico_city_coalesced_and_alone(tmp_path: Path) -> None:
    sched = scheduler.build_scheduler(_url(tmp_path), blocking=False)
    assert isinstance(sched, BackgroundScheduler)
    assert str(sched.timezone) == "America/Mexico_City"
    assert sched._job_defaults == {"coalesce": True, "max_instances": 1, "misfire_grace_time": 6 * 3600}
    sched.start(paused=True)
    try:
        job = sched.get_job(scheduler.JOB_ID)
        assert job is not None and job.func_ref == "scheduler:nightly_job"
        assert job.args == () and job.kwargs == {}  # the configuration is never pickled
        fields = {f.name: str(f) for f in job.trigger.fields}
        assert (fields["hour"], fields["minute"]) == ("7,21", "30")
        assert str(job.trigger.timezone) == "America/Mexico_City"
        first = job.trigger.get_next_fire_time(None, datetime(2024, 5, 15, 12, 0,
                                                                        tzinfo=pipeline.MEXICO_CITY))
        assert first is not None
        assert (first.hour, first.minute, first.utcoffset()) == (21, 30, timedelta(hours=-6))
    finally:
        sched.shutdown(wait=False)


def test_the_job_store_survives_a_restart_and_holds_no_secret(tmp_path: Path) -> None:
    url = _url(tmp_path)
    first = scheduler.build_scheduler(url, blocking=False)
    first.start(paused=True)
    first.shutdown(wait=False)
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT id, job_state FROM {scheduler.JOB_TABLE}")).all()
    assert [r[0] for r in rows] == [scheduler.JOB_ID]
    assert b"postgresql" not in rows[0][1] and str(tmp_path).encode() not in rows[0][1]  # no URL pickled
    second = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(
        url=url, tablename=scheduler.JOB_TABLE)}, timezone=pipeline.MEXICO_CITY)
    second.start(paused=True)
    try:
        assert second.get_job(scheduler.JOB_ID) is not None  # loaded from the database, not re-added
    finally:
        second.shutdown(wait=False)
        engine.dispose()


def test_a_real_pass_catches_up_records_runs_and_tells_someone(tmp_path: Path, mirror_url: str) -> None:
    url = _url(tmp_path)
    note = tmp_path / "notified.txt"
    scheduler._RUN_CONFIG.append(scheduler.RunConfig(url, mirror_url, f"sh -c 'cat > {note}'", lookback=3))
    sched = scheduler.build_scheduler(url, blocking=False)
    sched.start()
    try:
        engine = open_engine(url)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not note.exists():
            time.sleep(0.1)
        with engine.connect() as conn:
            records = runs(conn)
        engine.dispose()
    finally:
        sched.shutdown(wait=True)
        scheduler._RUN_CONFIG.pop()
    today = pipeline.mexico_today()
    days = {r.day for r in records}
    assert days == {today - timedelta(days=n) for n in range(4)}  # tracking starts lookback days ago
    assert {r.status for r in records} == {RunStatus.OK} and len(records) == 12
    weekdays = [d for d in days if d.weekday() < 5 and d < today]
    if weekdays:  # the mirror has no edition for these days: a weekday without matutina is suspicious
        assert "no hay edición matutina en un día entre semana" in note.read_text()


def test_run_once_is_the_same_pass_from_the_command_line(tmp_path: Path, mirror_url: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    url = _url(tmp_path)
    argv = ["--db", url, "run", "--once", "--lookback", "1", "--source", mirror_url]
    assert scheduler.main(argv) == 0
    out = capsys.readouterr().out
    assert out.count(": sin publicación") == 6
    assert scheduler.main(argv) == 0  # days without edition, still inside the lookback: looked at again
    engine = open_engine(url)
    with engine.connect() as conn:
        assert len(runs(conn)) == 12
        assert store.get_meta(conn, store.TRACKING_SINCE) == (
            pipeline.mexico_today() - timedelta(days=1)).isoformat()
    engine.dispose()


def test_a_busy_store_skips_the_pass_without_alarm(tmp_path: Path, mirror_url: str,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    url = _url(tmp_path)
    note = tmp_path / "notified.txt"
    scheduler._RUN_CONFIG.append(scheduler.RunConfig(url, mirror_url, f"touch {note}", lookback=1))
    engine = open_engine(url)
    try:
        with acquire_writer_lock(engine):
            scheduler.nightly_job()
    finally:
        scheduler._RUN_CONFIG.pop()
    with engine.connect() as conn:
        assert runs(conn) == ()
    engine.dispose()
    assert "skipping this pass" in caplog.text and not note.exists()


def test_catch_up_after_days_off_fetches_every_missed_edition(tmp_path: Path, mirror_url: str) -> None:
    engine = open_engine(_url(tmp_path))
    try:
        pipeline.catch_up(engine, mirror_url, today=date(2024, 5, 13), since=date(2024, 5, 13))
        later = pipeline.catch_up(engine, mirror_url, today=date(2024, 5, 17))  # off for four days
        got = {(r.day, r.edition) for r in later.results}
        assert {(date(2024, 5, d), e) for d in (14, 15, 16, 17) for e in Edition} <= got
        assert not later.failed and sum(r.counts.get("changes", 0) for r in later.results) == 0
    finally:
        engine.dispose()
