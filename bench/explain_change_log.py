"""The query plans of the change log filtered by type or by document: its newest page and its
capped count (``store.paging``), on the bench's 1M store (``bench_web.py``), printed.

    .venv/bin/python bench/explain_change_log.py sqlite:////tmp/dof-tracker-bench-web-1000000-20240515.sqlite
    .venv/bin/python bench/explain_change_log.py "postgresql+psycopg://postgres@127.0.0.1/test" \\
        --schema bench_web_1000000_20240515

What to look for: each query read along ``ix_change_type`` or ``ix_change_document`` in the
log's (date, id) order and stopped at its LIMIT, not a scan of ``ix_change_date`` that reads every
change from the table to test its type or document (PostgreSQL: ``Index Only Scan Backward``
and few "Heap Fetches"; SQLite: ``SEARCH change USING COVERING INDEX``). PostgreSQL's plans are
``EXPLAIN (ANALYZE, BUFFERS)``. Each query is then run five times and its median time printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import ColumnElement, Connection, Select, create_engine, func, select, text  # noqa: E402

from store import schema as s  # noqa: E402
from store.paging import in_log  # noqa: E402
from store.testing import with_search_path  # noqa: E402

CAP = 10_000


Query = Select[Any]


def queries(type_: str, document_id: int) -> list[tuple[str, Query]]:
    c = s.change
    newest = (c.c.date.desc(), c.c.id.desc())
    filters: list[tuple[str, ColumnElement[bool]]] = [
        (f"type={type_}", c.c.type == type_), (f"document={document_id}", c.c.document_id == document_id)]
    found: list[tuple[str, Query]] = []
    for name, condition in filters:
        keys = select(c.c.date, c.c.id).where(in_log(), condition).order_by(*newest)
        found.append((f"{name}, newest page", keys.limit(11)))
        capped = select(c.c.id).where(in_log(), condition).order_by(*newest).limit(CAP + 1).subquery()
        found.append((f"{name}, count up to {CAP:,}", select(func.count()).select_from(capped)))
    return found


def explain(conn: Connection, query: Query) -> list[str]:
    sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
    if conn.dialect.name == "sqlite":
        return [f"{row[3]}" for row in conn.execute(text(f"EXPLAIN QUERY PLAN {sql}"))]
    return [row[0] for row in conn.execute(text(f"EXPLAIN (ANALYZE, BUFFERS) {sql}"))]


def ran_in(conn: Connection, query: Query) -> float:
    times = []
    for _ in range(5):
        started = time.perf_counter()
        conn.execute(query).all()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--schema", help="PostgreSQL: the bench's schema")
    parser.add_argument("--type", default="derogated")
    parser.add_argument("--document", type=int, default=1)
    args = parser.parse_args()
    engine = create_engine(with_search_path(args.url, args.schema) if args.schema else args.url)
    with engine.connect() as conn:
        for name, query in queries(args.type, args.document):
            print(f"\n== {engine.dialect.name}: {name}")
            for line in explain(conn, query):
                print(f"   {line}")
            print(f"   ran in {ran_in(conn, query):.1f} ms (median of 5)")
    engine.dispose()


if __name__ == "__main__":
    main()
