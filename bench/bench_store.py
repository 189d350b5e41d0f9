"""Store benchmark: one provision's history and a 30-day change log at 1M provision versions.

    .venv/bin/python bench/bench_store.py                       # both backends, 1M versions
    .venv/bin/python bench/bench_store.py --backend sqlite --rows 200000

Builds a synthetic but structurally faithful corpus with the store's own rules (path copying,
Merkle digests the reader verifies, revisions, notices, change rows): 20 documents of 10
capítulos x 50 artículos x 20 fracciones (210,200 provisions), then amendments in date order
over 20 years, each touching 20 random fracciones of one document (so their artículos and
capítulos get new versions too), until the table holds ``--rows`` versions. It bulk-loads with
Core ``executemany`` in 10k-row batches (SQLite) or ``COPY`` (PostgreSQL), builds the indexes
after the load, then times the public API and the raw queries behind it.

Targets (issue #5): history < 5 ms, 30-day change log < 50 ms, no-op run < 1 s.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, insert, select, text  # noqa: E402

import store  # noqa: E402
from diffing.model import Change, ChangeType, DiffOp  # noqa: E402
from gazette import Edition  # noqa: E402
from parser.model import Document, Kind, Provision, Status  # noqa: E402
from store import schema as s  # noqa: E402
from store.diff_column import encode_diff  # noqa: E402
from store.testing import temporary_postgres_schema  # noqa: E402
from store.versions import root_digest  # noqa: E402

DOCUMENTS, CHAPTERS, ARTICLES, FRACCIONES = 20, 10, 50, 20
TOUCHED = 20
START, END = date(2006, 1, 1), date(2025, 12, 31)
BATCH = 10_000
WORDS = ("la", "de", "Secretaría", "deberá", "coordinar", "las", "políticas", "en", "materia", "salud",
         "abasto", "insumos", "unidades", "médicas", "programas", "del", "organismo", "conforme", "a",
         "disposiciones", "jurídicas", "aplicables", "supervisar", "informar", "Junta", "Gobierno")

PV_COLUMNS = ("id", "document_id", "label", "kind", "number", "heading", "text", "status", "annotations",
              "children", "digest", "rev_from", "rev_to", "valid_from", "valid_to", "notice_id", "change",
              "from_label")


@dataclass
class Corpus:
    """Rows for every table, in insertion order, plus what the timings sample from."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)
    revisions: list[dict[str, Any]] = field(default_factory=list)
    versions: list[list[Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    fracciones: list[tuple[int, str]] = field(default_factory=list)
    articles: list[tuple[int, str]] = field(default_factory=list)
    latest: dict[int, Document] = field(default_factory=dict)


def paragraphs(count: int, rng: random.Random) -> list[str]:
    """A pool of legal-sounding paragraphs averaging ~390 characters (perf-deps.md §3)."""
    out = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(30, 80))]
        out.append((" ".join(words)).capitalize() + ";")
    return out


class Builder:
    """Generates the corpus with the store's versioning rules, without going through SQL."""

    def __init__(self, target_rows: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.pool = paragraphs(50_000, self.rng)
        self.corpus = Corpus()
        self.target = target_rows
        self.documents = max(1, min(DOCUMENTS, target_rows // 50_000))  # 20 at 1M rows
        self.open_row: dict[tuple[int, str], int] = {}  # (document, label) -> index in versions
        self.trees: dict[int, dict[str, Provision]] = {}
        self.revision: dict[int, int] = {}

    def row(self, document_id: int, p: Provision, number: int, day: date, notice_id: int | None,
            change: str | None) -> None:
        key = (document_id, p.label)
        previous = self.open_row.get(key)
        if previous is not None:
            self.corpus.versions[previous][12] = number  # rev_to
            self.corpus.versions[previous][14] = day     # valid_to
        self.open_row[key] = len(self.corpus.versions)
        self.corpus.versions.append([
            len(self.corpus.versions) + 1, document_id, p.label, str(p.kind), p.number, p.heading, p.text,
            str(p.status), [], [c.label for c in p.children], p.digest, number, None, day, None,
            notice_id, change, None])

    def register(self, document_id: int, day: date) -> None:
        tree: dict[str, Provision] = {}
        chapters = []
        for c in range(1, CHAPTERS + 1):
            articles = []
            for a in range((c - 1) * ARTICLES + 1, c * ARTICLES + 1):
                fracciones = tuple(
                    Provision(f"art_{a}__frac_{n}", Kind.FRACCION, str(n), "", self.rng.choice(self.pool))
                    for n in range(1, FRACCIONES + 1))
                articles.append(Provision(f"art_{a}", Kind.ARTICULO, str(a), "", self.rng.choice(self.pool),
                                          children=fracciones))
                self.corpus.fracciones.extend((document_id, f.label) for f in fracciones)
                self.corpus.articles.append((document_id, f"art_{a}"))
            chapters.append(Provision(f"cap_{c}", Kind.CAPITULO, str(c), f"Capítulo {c}", "",
                                      children=tuple(articles)))
        document = Document(f"Ley sintética número {document_id}", tuple(chapters))
        for p in document.walk():
            tree[p.label] = p
            self.row(document_id, p, 1, day, None, None)
        self.trees[document_id] = tree
        self.revision[document_id] = 1
        self.corpus.documents.append({"id": document_id, "title": document.title,
                                      "search_title": store.normalize_title(document.title), "kind": "ley",
                                      "created_at": datetime.now(UTC)})
        self.corpus.revisions.append({"document_id": document_id, "number": 1, "valid_from": day,
                                      **published(day),
                                      "notice_id": None, "top": [c.label for c in chapters],
                                      "digest": root_digest(document), "created_at": datetime.now(UTC)})
        self.corpus.latest[document_id] = document

    def amend(self, document_id: int, day: date, notice_id: int) -> None:
        tree = self.trees[document_id]
        number = self.revision[document_id] = self.revision[document_id] + 1
        touched = self.rng.sample(range(CHAPTERS * ARTICLES * FRACCIONES), TOUCHED)
        new: dict[str, Provision] = {}
        for seq, index in enumerate(sorted(touched)):
            article, fraccion = divmod(index, FRACCIONES)
            label = f"art_{article + 1}__frac_{fraccion + 1}"
            old = tree[label]
            derogate = self.rng.random() < 0.1
            after = "Se deroga." if derogate else self.rng.choice(self.pool)
            new[label] = Provision(label, Kind.FRACCION, old.number, "", after,
                                   Status.DEROGADO if derogate else Status.VIGENTE)
            change = "derogated" if derogate else "modified"
            self.corpus.changes.append({
                "document_id": document_id, "revision": number, "seq": seq, "label": label, "type": change,
                "from_label": None, "before": old.text, "after": after,
                "diff": encode_diff(Change(label, ChangeType.MODIFIED, old.text, after,
                                           ((DiffOp.DELETE, old.text), (DiffOp.INSERT, after)))),
                "notice_id": notice_id, "date": day,
                "valid_from": day, "origin": "computed", "reconciled": True})
        articles = sorted({label.split("__")[0] for label in new})
        for article in articles:
            old = tree[article]
            new[article] = Provision(old.label, old.kind, old.number, old.heading, old.text, old.status,
                                     children=tuple(new.get(c.label, c) for c in old.children))
        for chapter in sorted({chapter_of(article) for article in articles}):
            old = tree[chapter]
            new[chapter] = Provision(old.label, old.kind, old.number, old.heading, old.text, old.status,
                                     children=tuple(new.get(c.label, c) for c in old.children))
        for label, p in new.items():
            tree[label] = p
            self.row(document_id, p, number, day, notice_id, "modified" if p.kind is not Kind.FRACCION
                     else ("derogated" if p.status is Status.DEROGADO else "modified"))
        document = Document(self.corpus.latest[document_id].title,
                            tuple(tree[f"cap_{c}"] for c in range(1, CHAPTERS + 1)))
        self.corpus.latest[document_id] = document
        self.corpus.revisions.append({"document_id": document_id, "number": number, "valid_from": day,
                                      **published(day),
                                      "notice_id": notice_id, "top": list(document_top()),
                                      "digest": root_digest(document), "created_at": datetime.now(UTC)})

    def build(self) -> Corpus:
        for document_id in range(1, self.documents + 1):
            self.register(document_id, START)
        per_revision = TOUCHED * 2 + CHAPTERS  # upper bound: fracciones, artículos, capítulos
        amendments = max(0, (self.target - len(self.corpus.versions)) // per_revision)
        span = (END - START).days
        days = sorted(START + timedelta(days=1 + self.rng.randrange(span)) for _ in range(amendments * 2))
        for number, day in enumerate(days, start=1):
            if len(self.corpus.versions) >= self.target:
                break
            self.corpus.notices.append({
                "id": number, "codigo": str(5_000_000 + number), "date": day, "edition": "MAT",
                "section": "Primera Sección", "poder": "Poder Ejecutivo", "issuer": "SECRETARIA DE SALUD",
                "title": f"DECRETO por el que se reforman diversas disposiciones ({number})",
                "url": f"https://www.dof.gob.mx/nota_detalle.php?codigo={5_000_000 + number}",
                "kind": "amends", "document": None, "document_id": None, "capture_id": None, "sha256": None})
            self.amend(self.rng.randint(1, self.documents), day, number)
        return self.corpus


def published(day: date) -> dict[str, date]:
    """The revision's publication day, on a schema that has it (0004 on; the bench also runs on
    an older checkout for before/after figures)."""
    return {"published": day} if "published" in s.document_version.c else {}


def document_top() -> Iterator[str]:
    return (f"cap_{c}" for c in range(1, CHAPTERS + 1))


def chapter_of(article: str) -> str:
    return f"cap_{(int(article.split('_')[1]) - 1) // ARTICLES + 1}"


# --- loading ------------------------------------------------------------------------------------
SECONDARY = [ix for table in (s.provision_version, s.change, s.notice) for ix in table.indexes]


def batches(rows: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def load(engine: Engine, corpus: Corpus) -> dict[str, float]:
    timings: dict[str, float] = {}
    with store.transaction(engine) as conn:
        for index in SECONDARY:
            index.drop(conn)
    started = time.perf_counter()
    for table, rows in ((s.document, corpus.documents), (s.notice, corpus.notices),
                        (s.document_version, corpus.revisions)):
        if rows:
            with store.transaction(engine) as conn:
                conn.execute(insert(table), rows)
    timings["small tables"] = time.perf_counter() - started
    started = time.perf_counter()
    if engine.dialect.name == "postgresql":
        copy_versions(engine, corpus.versions)
    else:
        for chunk in batches(corpus.versions):
            with store.transaction(engine) as conn:
                rows = [dict(zip(PV_COLUMNS, r, strict=True)) for r in chunk]
                conn.execute(insert(s.provision_version), rows)
    timings["provision_version load"] = time.perf_counter() - started
    started = time.perf_counter()
    for chunk in batches(corpus.changes):
        with store.transaction(engine) as conn:
            conn.execute(insert(s.change), list(chunk))
    timings["change load"] = time.perf_counter() - started
    started = time.perf_counter()
    with store.transaction(engine) as conn:
        for index in SECONDARY:
            index.create(conn)
        if engine.dialect.name == "postgresql":
            for table in ("provision_version", "change", "notice", "document", "document_version"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT max(id) FROM {table}))"))
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    timings["index build + analyze"] = time.perf_counter() - started
    return timings


def copy_versions(engine: Engine, rows: list[list[Any]]) -> None:
    """PostgreSQL COPY through psycopg: about 3x Core executemany (perf-deps.md §3.1)."""
    raw = engine.raw_connection()
    try:
        cursor = raw.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f"COPY provision_version ({', '.join(PV_COLUMNS)}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row([*r[:8], json.dumps(r[8]), json.dumps(r[9]), *r[10:]])
        raw.commit()
    finally:
        raw.close()


# --- timing -------------------------------------------------------------------------------------
def timed(call: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds, after two warm-up calls."""
    call()
    call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def measure(engine: Engine, corpus: Corpus, rng: random.Random, runs: int
            ) -> list[tuple[str, float, float, str]]:
    tracker = store.Store(engine)
    pv, ch = s.provision_version, s.change
    results = []
    fracciones = rng.sample(corpus.fracciones, 200)
    articles = rng.sample(corpus.articles, 100)
    cycle_f, cycle_a = iter(fracciones * 1000), iter(articles * 1000)
    handles = {d: tracker.document(d) for d in corpus.latest}

    with engine.connect() as conn:
        def raw_history() -> object:
            document_id, label = next(cycle_f)
            return conn.execute(select(pv).where(pv.c.document_id == document_id, pv.c.label == label)
                                .order_by(pv.c.rev_from)).all()
        results.append(("history, raw SQL (one label)", *timed(raw_history, runs), ""))

    versions = [len(handles[d].history(label)) for d, label in fracciones[:50]]
    def api_history_fraccion() -> object:
        document_id, label = next(cycle_f)
        return handles[document_id].history(label)
    results.append(("history(fracción), API", *timed(api_history_fraccion, runs),
                    f"avg {statistics.mean(versions):.1f} versions"))

    versions = [len(handles[d].history(label)) for d, label in articles[:20]]
    def api_history_article() -> object:
        document_id, label = next(cycle_a)
        return handles[document_id].history(label)
    results.append(("history(artículo + 20 fracciones), API", *timed(api_history_article, max(20, runs // 5)),
                    f"avg {statistics.mean(versions):.1f} versions"))

    def api_history_article_texts() -> object:
        document_id, label = next(cycle_a)
        return [v.text for v in handles[document_id].history(label)]
    results.append(("  ... and render every version's text (CLI)",
                    *timed(api_history_article_texts, max(20, runs // 5)), ""))

    def api_at() -> object:
        document_id, label = next(cycle_a)
        return handles[document_id].at(label, START + timedelta(days=rng.randrange((END - START).days)))
    results.append(("at(artículo, random date), API", *timed(api_at, runs), ""))
    results.extend(measure_timeline(engine, corpus, tracker, rng, runs))

    span = (END - START).days - 30
    windows = [START + timedelta(days=rng.randrange(span)) for _ in range(50)]
    cycle_w = iter(windows * 1000)
    counts = [len(tracker.changes(since=w, until=w + timedelta(days=29))) for w in windows[:20]]
    with engine.connect() as conn:
        def raw_log() -> object:
            since = next(cycle_w)
            return conn.execute(select(ch, s.document.c.title, s.notice.c.codigo)
                                .join(s.document, s.document.c.id == ch.c.document_id)
                                .outerjoin(s.notice, s.notice.c.id == ch.c.notice_id)
                                .where(ch.c.date >= since, ch.c.date <= since + timedelta(days=29))
                                .order_by(ch.c.date, ch.c.id)).all()
        results.append(("30-day change log, raw SQL", *timed(raw_log, runs),
                        f"avg {statistics.mean(counts):.0f} changes"))

    def api_log() -> object:
        since = next(cycle_w)
        return tracker.changes(since=since, until=since + timedelta(days=29))
    results.append(("30-day change log, API (ChangeEntry values)", *timed(api_log, runs), ""))

    document_id = 1
    latest = corpus.latest[document_id]
    def no_op_edition() -> object:
        """What a rerun of a done day costs: open a transaction, find its checkpoints, stop."""
        with store.transaction(engine) as conn:
            return [store.is_done(conn, END, edition) for edition in Edition]
    with store.transaction(engine) as conn:
        for edition in Edition:
            store.write_checkpoint(conn, END, edition)
    results.append(("no-op rerun of a day (3 checkpoints)", *timed(no_op_edition, runs), ""))

    def no_op_apply() -> object:
        with store.transaction(engine) as conn:
            return store.apply_new_version(conn, document_id, latest, [], END)
    results.append(("apply identical 10,510-provision text (no-op)", *timed(no_op_apply, max(20, runs // 5)),
                    ""))

    def rebuild() -> object:
        with engine.connect() as conn:
            return store.current_document(conn, document_id)
    assert rebuild() == Document(latest.title, latest.provisions)  # digests verified on the way
    results.append(("current_document(10,510 provisions)", *timed(rebuild, 10), "pipeline's base text"))
    return results


def measure_timeline(engine: Engine, corpus: Corpus, tracker: store.Store, rng: random.Random, runs: int
                     ) -> list[tuple[str, float, float, str]]:
    """The bitemporal store's own costs (skipped on a checkout without it): the pending view, and
    a version in force one day before the latest one (rewind one revision, apply, replay it),
    rolled back after each run."""
    if not hasattr(tracker, "pending"):
        return []
    from store.timeline import replay, rewind
    span = (END - START).days
    out = []

    def api_pending() -> object:
        return tracker.pending(on=START + timedelta(days=rng.randrange(span)))
    out.append(("pending(on=random date), API", *timed(api_pending, runs), ""))
    document_id = 1
    latest = store.latest_revision(engine.connect(), document_id)

    def out_of_order() -> object:
        with engine.connect() as conn, conn.begin() as trans:
            taken = rewind(conn, document_id, latest.valid_from - timedelta(days=1))
            replay(conn, document_id, taken)
            trans.rollback()
            return taken
    out.append(("a version in force before the latest (rewind 1 + replay 1)",
                *timed(out_of_order, max(5, runs // 20)), "10,510-provision document"))
    return out


def size_on_disk(engine: Engine, path: Path | None) -> str:
    if path is not None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return f"{path.stat().st_size / 1e6:.0f} MB"
    with engine.connect() as conn:
        total = conn.execute(text("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN "
                                  "pg_namespace n ON n.oid = c.relnamespace "
                                  "WHERE n.nspname = current_schema() AND c.relkind = 'r'")).scalar()
    return f"{float(total or 0) / 1e6:.0f} MB"


def run(backend: str, corpus: Corpus, runs: int, seed: int) -> None:
    with ExitStack() as stack:
        path: Path | None = None
        if backend == "sqlite":
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-store-")))
            path = folder / "bench.sqlite"
            url = f"sqlite:///{path}"
        else:
            url = stack.enter_context(temporary_postgres_schema())
        engine = store.open_engine(url)
        stack.callback(engine.dispose)
        print(f"\n== {backend}: {len(corpus.versions):,} provision versions, {len(corpus.changes):,} "
              f"changes, {len(corpus.notices):,} notices, {len(corpus.revisions):,} revisions")
        for step, seconds in load(engine, corpus).items():
            print(f"   load  {step:<40} {seconds:7.1f} s")
        print(f"   size on disk {size_on_disk(engine, path)}")
        print(f"   {'query':<48} {'median':>9} {'p95':>9}")
        for name, median, p95, note in measure(engine, corpus, random.Random(seed), runs):
            print(f"   {name:<48} {median:7.2f}ms {p95:7.2f}ms  {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--rows", type=int, default=1_000_000, help="provision versions to load")
    parser.add_argument("--runs", type=int, default=200, help="timed calls per query")
    parser.add_argument("--seed", type=int, default=20240515)
    args = parser.parse_args()
    started = time.perf_counter()
    corpus = Builder(args.rows, args.seed).build()
    gc.collect()
    gc.freeze()  # the corpus stays in memory: keep the collector from rescanning it during timings
    print(f"generated {len(corpus.versions):,} versions in {time.perf_counter() - started:.1f} s")
    for backend in ("sqlite", "postgresql") if args.backend == "both" else (args.backend,):
        run(backend, corpus, args.runs, args.seed)


if __name__ == "__main__":
    main()
