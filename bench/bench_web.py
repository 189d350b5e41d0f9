"""Web benchmark: whole-request times of the change log and a provision timeline at 1M versions.

    .venv/bin/python bench/bench_web.py                          # SQLite, 1M versions, cached
    .venv/bin/python bench/bench_web.py --backend postgresql     # schema bench_web_1000000_20240515
    .venv/bin/python bench/bench_web.py --backend postgresql --drop   # remove that schema, no run

Builds (or reuses: a cached SQLite file in the temp folder, or a PostgreSQL schema named for
the bench, ``bench_web_<rows>_<seed>``, in the test database; ``--rebuild`` builds them again)
the synthetic store of ``bench_store.py`` (20 documents of 10,510 provisions amended over 20
years, ``--rows`` provision versions), adds a user and a token, starts ``web.commands.serve`` in
a separate process (gunicorn, 2 workers, as a team runs it) and times whole HTTP requests from
this process, logged in by token: connection, routing, login check, queries, template, transfer.
A store is renamed to its cached name only once whole, so an interrupted build is never reused.

Target (issue #12): p95 < 100 ms for the change log and a provision timeline.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import requests
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.schema import CreateSchema, DropSchema

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_store import END, START, Builder, Corpus, load  # noqa: E402

import store  # noqa: E402
from store.paging import Cursor  # noqa: E402
from store.testing import postgres_base_url, with_search_path  # noqa: E402
from store.users import add_user, issue_token, user_by_name  # noqa: E402
from web.params import PAGE_SIZE  # noqa: E402

USER = "bench"
BENCH_TABLES = ("change", "provision_version", "notice", "document", "document_version")


def cached_sqlite(rows: int, seed: int) -> Path:
    return Path(tempfile.gettempdir()) / f"dof-tracker-bench-web-{rows}-{seed}.sqlite"


def cached_sqlite_store(rows: int, seed: int, rebuild: bool) -> str:
    path = cached_sqlite(rows, seed)
    if rebuild or not path.exists():
        partial = path.with_suffix(".partial")  # renamed only once whole: no half-built cache
        for stale in path.parent.glob(partial.name + "*"):
            stale.unlink()
        build(f"sqlite:///{partial}", rows, seed)
        partial.rename(path)
    else:
        print(f"reusing {path}")
    return f"sqlite:///{path}"


def bench_schema(rows: int, seed: int) -> str:
    return f"bench_web_{rows}_{seed}"


def _schemas(admin: Engine) -> set[str]:
    with admin.connect() as conn:
        return set(conn.execute(text("SELECT nspname FROM pg_namespace")).scalars())


def cached_postgres_store(rows: int, seed: int, rebuild: bool) -> str:
    """The bench's own schema in the test database, built once (under a ``_partial`` name,
    renamed when whole) and kept for the next run: other sessions share the server, so nothing
    but this schema (and its partial twin) is ever created or dropped."""
    schema = bench_schema(rows, seed)
    partial = f"{schema}_partial"
    admin = create_engine(postgres_base_url())
    try:
        if rebuild or schema not in _schemas(admin):
            with admin.begin() as conn:
                conn.execute(DropSchema(partial, cascade=True, if_exists=True))
                conn.execute(DropSchema(schema, cascade=True, if_exists=True))
                conn.execute(CreateSchema(partial))
            build(with_search_path(postgres_base_url(), partial), rows, seed)
            vacuum(with_search_path(postgres_base_url(), partial))
            with admin.begin() as conn:
                conn.execute(text(f'ALTER SCHEMA "{partial}" RENAME TO "{schema}"'))
        else:
            print(f"reusing schema {schema}")
    finally:
        admin.dispose()
    return with_search_path(postgres_base_url(), schema)


def vacuum(url: str) -> None:
    """What autovacuum does to a live database after a bulk load: the visibility map that lets
    the change log's counts read ``ix_change_date`` alone (an index-only scan)."""
    started = time.perf_counter()
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f"VACUUM (ANALYZE) {', '.join(BENCH_TABLES)}"))
    finally:
        engine.dispose()
    print(f"   vacuum {', '.join(BENCH_TABLES)} {time.perf_counter() - started:7.1f} s")


def drop_postgres_store(rows: int, seed: int) -> None:
    admin = create_engine(postgres_base_url())
    try:
        with admin.begin() as conn:
            for schema in (bench_schema(rows, seed), f"{bench_schema(rows, seed)}_partial"):
                conn.execute(DropSchema(schema, cascade=True, if_exists=True))
                print(f"dropped schema {schema} (if it was there)")
    finally:
        admin.dispose()


def build(url: str, rows: int, seed: int) -> Corpus:
    started = time.perf_counter()
    corpus = Builder(rows, seed).build()
    print(f"generated {len(corpus.versions):,} versions, {len(corpus.changes):,} changes in "
          f"{time.perf_counter() - started:.1f} s")
    engine = store.open_engine(url)
    try:
        for step, seconds in load(engine, corpus).items():
            print(f"   load  {step:<40} {seconds:7.1f} s")
    finally:
        engine.dispose()
    return corpus


def token_for(url: str) -> str:
    engine = store.open_engine(url)
    try:
        with store.transaction(engine) as conn:
            if user_by_name(conn, USER) is None:
                add_user(conn, USER, "reviewer", "contraseña-del-banco")
            return issue_token(conn, USER)
    finally:
        engine.dispose()


def sample_labels(url: str, count: int, rng: random.Random) -> list[tuple[int, str]]:
    """Fracciones and artículos of the stored documents, read back from the store."""
    from sqlalchemy import select

    from store import schema as s

    pv = s.provision_version
    engine = store.open_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(pv.c.document_id, pv.c.label).where(
                pv.c.rev_to.is_(None), pv.c.kind.in_(["fraccion", "articulo"])).limit(50_000)).all()
    finally:
        engine.dispose()
    return [(int(d), str(label)) for d, label in rng.sample(rows, min(count, len(rows)))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(url: str, workers: int) -> Iterator[str]:
    port = free_port()
    code = (f"import sys; from web.commands import serve; "
            f"sys.exit(serve({url!r}, '127.0.0.1', {port}, workers={workers}))")
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if requests.get(f"{base}/login", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.3)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def timed(call: Callable[[], int], runs: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds, after five warm-up calls (every worker's pool)."""
    for _ in range(5):
        assert call() == 200
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        status = call()
        samples.append((time.perf_counter() - started) * 1000)
        assert status == 200, status
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def change_keys(url: str, count: int, rng: random.Random) -> tuple[int, list[Cursor]]:
    """How many changes the log has, and ``count`` of them at random as cursors: where someone
    paging deep through the log would stand."""
    from sqlalchemy import func, select

    from store import schema as s

    c = s.change
    engine = store.open_engine(url)
    try:
        with engine.connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(c)).scalar_one())
            ids = sorted(rng.sample(range(1, total + 1), min(count, total)))
            keys = [Cursor(day, int(i)) for day, i in conn.execute(select(c.c.date, c.c.id)
                                                                   .where(c.c.id.in_(ids)))]
    finally:
        engine.dispose()
    rng.shuffle(keys)
    return total, keys


def measure(base: str, token: str, labels: list[tuple[int, str]], cursors: list[Cursor], total: int,
            runs: int, seed: int) -> None:
    rng = random.Random(seed)
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {token}"
    html, as_json = {"Accept": "text/html"}, {"Accept": "application/json"}
    span = (END - START).days - 30
    windows = iter([START + timedelta(days=rng.randrange(span)) for _ in range(runs + 10)] * 6)
    cycle = iter(labels * 1000)
    deep = iter(cursors * 1000)
    pages = max(1, total // PAGE_SIZE)

    def get(path: str, headers: dict[str, str]) -> Callable[[], int]:
        return lambda: http.get(f"{base}{path}", headers=headers, timeout=30).status_code

    def window(headers: dict[str, str]) -> Callable[[], int]:
        def call() -> int:
            since = next(windows)
            until = since + timedelta(days=29)
            return http.get(f"{base}/changes?since={since}&until={until}", headers=headers,
                            timeout=30).status_code
        return call

    def deep_page(headers: dict[str, str]) -> Callable[[], int]:
        def call() -> int:
            return http.get(f"{base}/changes?after={next(deep)}", headers=headers, timeout=30).status_code
        return call

    def page_jump() -> int:  # page=N answers with a redirect to its after= URL, followed here
        return http.get(f"{base}/changes?page={rng.randint(1, pages)}", headers=html, timeout=30).status_code

    def timeline(headers: dict[str, str]) -> Callable[[], int]:
        def call() -> int:
            document_id, label = next(cycle)
            return http.get(f"{base}/documents/{document_id}/provisions/{label}", headers=headers,
                            timeout=30).status_code
        return call

    cases: list[tuple[str, Callable[[], int]]] = [
        (f"change log, newest page (HTML; {total:,} changes)", get("/changes", html)),
        ("change log, newest page (JSON)", get("/changes", as_json)),
        ("change log, 30-day window, page 1 (HTML)", window(html)),
        ("change log, 30-day window, page 1 (JSON)", window(as_json)),
        ("change log, after= a random change (HTML)", deep_page(html)),
        ("change log, after= a random change (JSON)", deep_page(as_json)),
        (f"change log, page=N of {pages:,} (redirect + page)", page_jump),
        ("change log, one document, newest page (HTML)", get("/changes?document=1", html)),
        ("change log, type=derogated, newest page (HTML)", get("/changes?type=derogated", html)),
        ("review queue, newest page (HTML)", get("/review", html)),
        ("provision timeline (HTML; fracción or artículo)", timeline(html)),
        ("provision timeline (JSON)", timeline(as_json)),
    ]
    for _, call in cases:  # every worker compiles its templates and queries before any timing
        for _ in range(10):
            assert call() == 200
    print(f"   {'request':<52} {'p50':>9} {'p95':>9}")
    for name, call in cases:
        median, p95 = timed(call, runs)
        mark = "" if p95 < 100 else "  over the 100 ms target"
        print(f"   {name:<52} {median:7.1f}ms {p95:7.1f}ms{mark}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--rows", type=int, default=1_000_000, help="provision versions to load")
    parser.add_argument("--runs", type=int, default=200, help="timed requests per case")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20240515)
    parser.add_argument("--rebuild", action="store_true", help="build the store again, cached or not")
    parser.add_argument("--drop", action="store_true", help="PostgreSQL: drop the bench's schema and stop")
    args = parser.parse_args()
    if args.drop:
        drop_postgres_store(args.rows, args.seed)
        return
    if args.backend == "sqlite":
        url = cached_sqlite_store(args.rows, args.seed, args.rebuild)
    else:
        url = cached_postgres_store(args.rows, args.seed, args.rebuild)
    token = token_for(url)
    rng = random.Random(args.seed)
    labels = sample_labels(url, 200, rng)
    total, cursors = change_keys(url, 1000, rng)
    print(f"\n== {args.backend}, {args.rows:,} provision versions, gunicorn with {args.workers} workers; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} (2 cores)")
    with server(url, args.workers) as base:
        measure(base, token, labels, cursors, total, args.runs, args.seed)
    print(f"   load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
