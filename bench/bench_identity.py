"""What stable change ids cost (store.identity): a rewind and replay of many revisions, and one
nightly revision, with change rows retired and given their ids back instead of deleted.

    .venv/bin/python bench/bench_identity.py                      # both backends
    .venv/bin/python bench/bench_identity.py --backend sqlite --revisions 100 --changes 50

One document of ``--articles`` artículos x 10 fracciones gets ``--revisions`` revisions, a day
apart, each reforming ``--changes`` fracciones. Then, each rolled back after its run:

* a decree in force before all of them: every revision rewound (its change rows retired), alone
  and then replayed on top (each change given its id back) — the worst a rewind gets;
* one more revision at the end (what every nightly amendment does: a look for retired ids of
  its notice, then the insert).

Runs on any checkout that has ``store.timeline`` (the figures before this change come from the
same script run against the parent commit).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Connection, Engine, func, select  # noqa: E402

import store  # noqa: E402
from diffing import changes_between  # noqa: E402
from parser.model import Document, Kind, Provision  # noqa: E402
from store import schema  # noqa: E402
from store.testing import temporary_database  # noqa: E402
from store.timeline import replay, rewind  # noqa: E402

START = date(2020, 1, 1)


def _document(articles: int) -> Document:
    provisions = tuple(
        Provision(f"art_{a}", Kind.ARTICULO, str(a), "", f"Artículo {a}. Texto del artículo {a}:",
                  children=tuple(Provision(f"art_{a}__frac_{r}", Kind.FRACCION, r.upper(), "",
                                           f"{r.upper()}. Fracción {r} del artículo {a};")
                                 for r in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")))
        for a in range(1, articles + 1))
    return Document("Ley de Pruebas de Identidad", provisions)


def _reformed(document: Document, labels: set[str], stamp: int) -> Document:
    def visit(node: Provision) -> Provision:
        children = tuple(visit(c) for c in node.children)
        text = f"{node.text[:-1]} (reforma {stamp});" if node.label in labels else node.text
        return replace(node, text=text, children=children)
    return Document(document.title, tuple(visit(p) for p in document.provisions))


def _apply(conn: Connection, document_id: int, labels: set[str], day: date, stamp: int) -> None:
    current = store.current_document(conn, document_id)
    new = _reformed(current, labels, stamp)
    store.apply_new_version(conn, document_id, new, changes_between(current, new), day)


def build(engine: Engine, articles: int, revisions: int, changes: int, rng: random.Random) -> int:
    fracciones = [f"art_{a}__frac_{r}" for a in range(1, articles + 1)
                  for r in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")]
    with store.transaction(engine) as conn:
        document_id = store.register_document(conn, "Ley de Pruebas de Identidad", _document(articles), START)
    for n in range(revisions):
        with store.transaction(engine) as conn:
            _apply(conn, document_id, set(rng.sample(fracciones, changes)), START + timedelta(days=n + 1), n)
    return document_id


def timed(run: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


@contextmanager
def rolled_back(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn, conn.begin() as transaction:
        yield conn
        transaction.rollback()


def measure(engine: Engine, document_id: int, changes: int, rng: random.Random, runs: int) -> None:
    with engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(schema.change)).scalar_one()
        last = store.latest_revision(conn, document_id)

    def everything_rewound() -> None:
        with rolled_back(engine) as conn:
            taken = rewind(conn, document_id, START)
            replay(conn, document_id, taken)

    def rewound_only() -> None:
        with rolled_back(engine) as conn:
            rewind(conn, document_id, START)

    def one_more() -> None:
        with rolled_back(engine) as conn:
            _apply(conn, document_id, {f"art_{rng.randrange(1, 20)}__frac_i" for _ in range(changes)},
                   last.valid_from + timedelta(days=1), -1)

    for name, run, note in (
            (f"rewind {last.number - 1} revisions", rewound_only, f"{stored:,} change rows retired"),
            (f"rewind + replay {last.number - 1} revisions", everything_rewound,
             "each change back under its id"),
            ("one more revision at the end", one_more, f"~{changes} changes")):
        median, worst = timed(run, runs)
        print(f"   {name:<40} median {median:9.1f} ms   max {worst:9.1f} ms   {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--revisions", type=int, default=60)
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20241112)
    args = parser.parse_args()
    for backend in ("sqlite", "postgresql") if args.backend == "both" else (args.backend,):
        with ExitStack() as stack:
            url = stack.enter_context(temporary_database(backend, Path(stack.enter_context(
                tempfile.TemporaryDirectory(prefix="bench-identity-")))))
            engine = store.open_engine(url)
            stack.callback(engine.dispose)
            rng = random.Random(args.seed)
            started = time.perf_counter()
            document_id = build(engine, args.articles, args.revisions, args.changes, rng)
            print(f"\n== {backend}: {args.revisions} revisions x {args.changes} changes on "
                  f"{args.articles * 11:,} provisions, built in {time.perf_counter() - started:.1f} s")
            measure(engine, document_id, args.changes, rng, args.runs)


if __name__ == "__main__":
    main()
