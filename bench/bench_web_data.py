"""Web data benchmark: what the search index costs the writer, and how fast search, the review
state filter and a watchlist answer.

    .venv/bin/python bench/bench_web_data.py                       # both backends
    .venv/bin/python bench/bench_web_data.py --backend sqlite --documents 2

Registers ``--documents`` synthetic documents of 10 capítulos x 50 artículos x 20 fracciones
(10,511 provisions each) through the store's own write path (so ``search.reindex`` runs as it
does in a nightly run), then applies ``--amendments`` amendments of 20 fracciones each. Prints:
the time of a registration and of an amendment, with the share ``reindex`` takes of each
(measured by running it again on a store whose index was emptied, and by timing the call alone);
search latency (p50/p95) for a frequent word, a rare one and a two-word query; the change log
filtered by review state; and ``watched_changes`` for a user watching 10 provisions.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, delete, func, select  # noqa: E402

import store  # noqa: E402
from diffing.model import Change, ChangeType  # noqa: E402
from parser.model import Document, Kind, Provision  # noqa: E402
from store import schema as s  # noqa: E402
from store.change_log import _changes  # noqa: E402
from store.review import in_state, set_review  # noqa: E402
from store.search import reindex, search  # noqa: E402
from store.testing import PostgresUnavailable, temporary_database  # noqa: E402
from store.users import add_user  # noqa: E402
from store.watch import add_watch, watched_changes  # noqa: E402

CHAPTERS, ARTICLES, FRACCIONES, TOUCHED = 10, 50, 20, 20
WORDS = ("la", "de", "Secretaría", "deberá", "coordinar", "las", "políticas", "en", "materia", "salud",
         "abasto", "insumos", "unidades", "médicas", "programas", "del", "organismo", "conforme", "a",
         "disposiciones", "jurídicas", "aplicables", "supervisar", "informar", "Junta", "Gobierno")
START = date(2020, 1, 1)


def sentence(rng: random.Random, words: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + ";"


def fraccion(article: str, n: int, text: str) -> Provision:
    return Provision(f"{article}__frac_{n}", Kind.FRACCION, str(n), "", text)


def document(title: str, rng: random.Random, texts: dict[str, str]) -> Document:
    """The synthetic document; ``texts`` gives the fracciones' texts, and receives those made up."""
    chapters = []
    for c in range(1, CHAPTERS + 1):
        articles = []
        for a in range((c - 1) * ARTICLES + 1, c * ARTICLES + 1):
            label = f"art_{a}"
            fracs = tuple(fraccion(label, f, texts.setdefault(f"{label}__frac_{f}", sentence(rng)))
                          for f in range(1, FRACCIONES + 1))
            articles.append(Provision(label, Kind.ARTICULO, str(a), "", f"Corresponde a la unidad {a}:",
                                      children=fracs))
        chapters.append(Provision(f"cap_{c}", Kind.CAPITULO, str(c), f"De la materia {c}", "",
                                  children=tuple(articles)))
    return Document(title, tuple(chapters))


def timed(call: Callable[[], object], runs: int) -> tuple[float, float]:
    """(p50, p95) in milliseconds."""
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def run(backend: str, url: str, documents: int, amendments: int, seed: int) -> None:
    rng = random.Random(seed)
    engine = store.open_engine(url)
    try:
        measure(engine, backend, documents, amendments, rng)
    finally:
        engine.dispose()


def measure(engine: Engine, backend: str, documents: int, amendments: int, rng: random.Random) -> None:
    texts: dict[int, dict[str, str]] = {}
    register_ms, index_ms = [], []
    for number in range(documents):
        texts[number] = {}
        doc = document(f"Ley sintética {number}", rng, texts[number])
        began = time.perf_counter()
        with store.transaction(engine) as conn:
            store.register_document(conn, doc.title, doc, START)
        register_ms.append((time.perf_counter() - began) * 1000)
    with store.transaction(engine) as conn:  # reindex alone, on an emptied index of document 1
        conn.execute(delete(s.search_entry).where(s.search_entry.c.document_id == 1))
        began = time.perf_counter()
        reindex(conn, 1)
        index_ms.append((time.perf_counter() - began) * 1000)
    amend_ms, amend_index_ms = [], []
    day = START
    for _ in range(amendments):
        day += timedelta(days=rng.randint(1, 20))
        number = rng.randrange(documents)
        chosen = rng.sample([f"art_{a}__frac_{f}" for a in range(1, CHAPTERS * ARTICLES + 1)
                             for f in range(1, FRACCIONES + 1)], TOUCHED)
        new_texts = dict(texts[number])
        new_texts.update({label: sentence(rng) + " reformada" for label in chosen})
        new = document(f"Ley sintética {number}", rng, new_texts)
        changes = [Change(label, ChangeType.MODIFIED, texts[number][label], new_texts[label])
                   for label in chosen]
        began = time.perf_counter()
        with store.transaction(engine) as conn:
            store.apply_new_version(conn, number + 1, new, changes, day)
        amend_ms.append((time.perf_counter() - began) * 1000)
        with store.transaction(engine) as conn:  # what reindex alone costs for such a revision
            conn.execute(delete(s.search_entry).where(s.search_entry.c.label.in_(chosen),
                                                      s.search_entry.c.document_id == number + 1))
            began = time.perf_counter()
            reindex(conn, number + 1)
            amend_index_ms.append((time.perf_counter() - began) * 1000)
        texts[number] = new_texts
    with engine.connect() as conn:
        entries = conn.execute(select(func.count()).select_from(s.search_entry)).scalar_one()
        versions = conn.execute(select(func.count()).select_from(s.provision_version)).scalar_one()
        change_ids = list(conn.execute(select(s.change.c.id)).scalars())
    with store.transaction(engine) as conn:
        user = add_user(conn, "ana", "reviewer", "contraseña larga")
        for change_id in rng.sample(change_ids, min(len(change_ids), 200)):
            set_review(conn, "change", change_id, "revisada", user, "")
        for _ in range(10):
            article = rng.randint(1, CHAPTERS * ARTICLES)
            add_watch(conn, user.id, rng.randrange(documents) + 1, f"art_{article}")
    print(f"[{backend}] {documents} documents, {versions:,} provision versions, {entries:,} search entries, "
          f"{len(change_ids):,} changes")
    print(f"  register a document of {CHAPTERS * ARTICLES * (FRACCIONES + 1) + CHAPTERS:,} provisions: "
          f"{statistics.median(register_ms):.0f} ms; reindex alone {statistics.median(index_ms):.0f} ms")
    if amend_ms:
        print(f"  amendment of {TOUCHED} fracciones: p50 {statistics.median(amend_ms):.1f} ms; its reindex "
              f"alone p50 {statistics.median(amend_index_ms):.1f} ms")
    with engine.connect() as conn:
        for query in ("salud", "reformada junta", "políticas médicas", "inexistente"):
            p50, p95 = timed(lambda q=query: search(conn, q), 30)  # type: ignore[misc]
            hits = len(search(conn, query))
            print(f"  search {query!r}: {hits} hits (limit 50), p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        p50, p95 = timed(lambda: _changes(conn, [in_state("change", "revisada")]), 20)
        print(f"  change log of the 200 reviewed changes (state filter): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        p50, p95 = timed(lambda: watched_changes(conn, user.id, limit=200), 20)
        print(f"  watched_changes, 10 provision watches: p50 {p50:.1f} ms, p95 {p95:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--documents", type=int, default=4)
    parser.add_argument("--amendments", type=int, default=20)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    with tempfile.TemporaryDirectory() as folder:
        for backend in backends:
            with ExitStack() as stack:
                try:
                    url = stack.enter_context(temporary_database(backend, Path(folder)))
                except PostgresUnavailable as exc:
                    print(f"[{backend}] skipped: {exc}")
                    continue
                run(backend, url, args.documents, args.amendments, args.seed)


if __name__ == "__main__":
    main()
