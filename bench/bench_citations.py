"""Citation benchmark: reading citations, and looking them up in a small store.

    .venv/bin/python bench/bench_citations.py

Prints the median time to read one citation (the 55 forms of tests/test_citations.py, and the
label-to-Spanish-and-back round trip), and the median time of ``history`` and ``at`` on a SQLite
store holding one provision per form: what a lookup costs now that every citation is checked
against the document before its versions are read (one indexed query more).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_citations import ACCEPTED  # noqa: E402
from test_citations_store import TITLE, document_of  # noqa: E402

import store  # noqa: E402
from parser.citations import format_citation, read_citation  # noqa: E402


def median_us(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``action`` in microseconds over ``repeat`` runs (after a warm-up)."""
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def main() -> None:
    forms = [citation for citation, _ in ACCEPTED]
    labels = [label for _, label in ACCEPTED]
    read_all = median_us(lambda: [read_citation(c) for c in forms], 200) / len(forms)
    round_trip = median_us(lambda: [read_citation(format_citation(label)) for label in labels], 200)
    print(f"read a citation: {read_all:.1f} µs median per form ({len(forms)} forms)")
    print(f"label -> Spanish -> label: {round_trip / len(labels):.1f} µs median per label")
    with tempfile.TemporaryDirectory() as folder:
        engine = store.open_engine(f"sqlite:///{Path(folder) / 'citas.sqlite'}")
        with store.transaction(engine) as conn:
            store.register_document(conn, TITLE, document_of(set(labels), TITLE), date(2020, 1, 1))
        handle = store.Store(engine).document(TITLE)
        history = median_us(lambda: [handle.history(c) for c in forms], 20) / len(forms)
        at = median_us(lambda: [handle.at(c, "2021-01-01") for c in forms], 20) / len(forms)
        label = median_us(lambda: [handle.label(c) for c in forms], 20) / len(forms)
        engine.dispose()
    print(f"SQLite, per citation: label {label / 1000:.2f} ms, history {history / 1000:.2f} ms, "
          f"at {at / 1000:.2f} ms (median)")


if __name__ == "__main__":
    main()
