"""A full no-op nightly run (every edition since tracking started is already checkpointed), and
reprocess throughput (amending notes per second read again from the archive).

    .venv/bin/python bench/bench_pipeline.py [--days 365] [--rounds 20] [--postgres]

Setup (not timed): a store with the IMSS-BIENESTAR Estatuto imported and the fixture editions of
13-17 May 2024 synced from the local mirror, tracking started ``--days`` ago, and a checkpoint for
every edition from then to today (as a year of nightly runs would leave them). Timed, medians of
``--rounds``:

* pass: ``catch_up`` on an open engine - what the scheduler's job does each night (lock, the
  pending-editions query over the whole tracked range, nothing to fetch);
* command: ``dof-tracker run --once`` called in-process - the pass plus opening the engine and
  the schema check;
* process: the same command as a fresh ``python -m scheduler`` process (3 runs), which adds the
  interpreter start and imports; reported for reference, it is not the nightly job's cost since
  ``dof-tracker run`` is a long-lived process.

The network is excluded by construction: the mirror's request counter must stay at 0 during the
timed runs (checked). Target (issue #5): a no-op run under 1 s. Figures are printed, never asserted.

Reprocess (same store, the fixture days' archive; no mirror involved): ``pipeline.reprocess`` of
13-17 May 2024, medians of ``--rounds``: with the current reader (every note read and compared,
nothing differs: the cost of checking a parser change that changes nothing) and with a changed
reader, alternating with the current one (each run takes the Modificación's revision back and
makes it again: the rewrite path).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pipeline

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import URL, Engine  # noqa: E402

import scheduler  # noqa: E402
from gazette import Capture  # noqa: E402
from parser import Amendment, parse_amendment, read_amendment_text  # noqa: E402
from scraper.mirror import serve_mirror  # noqa: E402
from store import TRACKING_SINCE, open_engine, set_meta, transaction, write_checkpoint  # noqa: E402
from store.testing import PostgresUnavailable, temporary_postgres_schema  # noqa: E402

BASE = ROOT / "fixtures" / "imss" / "estatuto_organico_base.txt"
TITLE = ("Estatuto Orgánico de Servicios de Salud del Instituto Mexicano del Seguro Social para el "
         "Bienestar (IMSS-BIENESTAR)")


def prepare(url: str, mirror: str, days: int) -> Engine:
    """The store a year of nightly runs leaves behind (data for the fixture days, a checkpoint
    for every edition of the tracked range)."""
    engine = open_engine(url)
    pipeline.import_document(engine, BASE.read_bytes(), str(BASE), TITLE, date(2023, 10, 6))
    fixture_days = pipeline.day_range(date(2024, 5, 13), date(2024, 5, 17))
    report = pipeline.sync(engine, fixture_days, mirror)
    assert not report.failed, report.summary()
    today = pipeline.mexico_today()
    since = today - timedelta(days=days)
    with transaction(engine) as conn:
        set_meta(conn, TRACKING_SINCE, since.isoformat())
        for day, edition in pipeline.pending_editions(conn, since, today):
            write_checkpoint(conn, day, edition, {"published": 0})
    return engine


def median_ms(action: Callable[[], object], rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def bench(url: str, label: str, args: argparse.Namespace) -> None:
    with serve_mirror() as mirror:
        engine = prepare(url, mirror.base_url, args.days)
        before = mirror.counters.requests

        def one_pass() -> None:
            report = pipeline.catch_up(engine, mirror.base_url)
            assert report.results == (), "the store was not fully checkpointed"

        command = ["--db", url, "run", "--once", "--source", mirror.base_url]
        pass_ms, pass_max = median_ms(one_pass, args.rounds)
        with contextlib.redirect_stdout(open(os.devnull, "w")):  # noqa: SIM115 - closed at exit
            cmd_ms, cmd_max = median_ms(lambda: scheduler.main(command), args.rounds)
        proc = [sys.executable, "-m", "scheduler", *command]
        proc_ms, proc_max = median_ms(lambda: subprocess.run(proc, cwd=ROOT, check=True, capture_output=True),
                                      3)
        requests = mirror.counters.requests - before
        engine.dispose()
    editions = 3 * (args.days + 1)
    print(f"{label}: no-op nightly run over {args.days + 1} tracked days ({editions} checkpointed editions), "
          f"{requests} network requests")
    print(f"  pass (catch_up, open engine)   median {pass_ms:7.1f} ms  max {pass_max:7.1f} ms  "
          f"{'OK' if pass_ms < 1000 else 'OVER'} (target < 1000 ms)")
    print(f"  command (run --once, in-proc)  median {cmd_ms:7.1f} ms  max {cmd_max:7.1f} ms  "
          f"{'OK' if cmd_ms < 1000 else 'OVER'} (target < 1000 ms)")
    print(f"  fresh process (imports incl.)  median {proc_ms:7.1f} ms  max {proc_max:7.1f} ms  (reference)")
    bench_reprocess(url, args.rounds)


def _abastos(body: Capture) -> Amendment:
    """A deliberate parser change: one word of the Modificación read differently."""
    read = read_amendment_text(body.body, body.url)
    return parse_amendment(read.replace("Coordinación de Abasto;", "Coordinación de Abastos;"))


def bench_reprocess(url: str, rounds: int) -> None:
    engine = open_engine(url)
    since, until = date(2024, 5, 13), date(2024, 5, 17)
    changed = pipeline.Reader(amendment=_abastos)
    try:
        same: list[float] = []
        notes = 0
        for _ in range(rounds):
            report = pipeline.reprocess(engine, since=since, until=until)
            assert not report.deltas, report.summary()
            same.append(report.seconds)
            notes = report.read
        rewrite: list[float] = []
        for n in range(rounds):
            report = pipeline.reprocess(engine, since=since, until=until,
                                        reader=changed if n % 2 == 0 else pipeline.CURRENT_READER)
            assert [d.rewritten for d in report.deltas] == [True], report.summary()
            rewrite.append(report.seconds)
    finally:
        engine.dispose()
    for label, times in (("nothing differs", same), ("one revision rewritten", rewrite)):
        median = statistics.median(times)
        print(f"  reprocess 13-17/05 ({notes} notes, {label:22}) median {median * 1000:7.1f} ms  "
              f"{notes / median:7.1f} notes/s")


@contextlib.contextmanager
def sqlite_url() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as folder:
        yield URL.create("sqlite", database=str(Path(folder) / "bench.sqlite")).render_as_string()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=365, help="tracked days, all checkpointed")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--postgres", action="store_true", help="also on the PostgreSQL at 127.0.0.1")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)  # main() would log each pass at INFO
    with sqlite_url() as url:
        bench(url, "SQLite", args)
    if args.postgres:
        try:
            with temporary_postgres_schema() as url:
                bench(url, "PostgreSQL", args)
        except PostgresUnavailable as exc:
            print(f"PostgreSQL: skipped ({exc})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
