"""Fetch rate against the local DOF mirror: notes/s and MB/s through the production code path.

    .venv/bin/python bench/bench_fetch.py [--rounds N] [--fault-rate R]

Each round fetches every fixture edition index (8 days x MAT/VES/EXT), every note body and the
SIDOF lists via ``DofSource`` (robots, completeness checks, decoding, captures and parsing
included), with the polite delay set to 0 (production uses 1 s between requests, which bounds
the real site at ~1 request/s whatever this prints). With ``--fault-rate`` the same mix of
faults as tests/test_fault_injection.py is injected, scaled to that total rate.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gazette import Capture, Edition  # noqa: E402
from scraper.http import FetchPolicy  # noqa: E402
from scraper.mirror import FaultPlan, serve_mirror  # noqa: E402
from scraper.sources import DofSource, open_fetcher  # noqa: E402

DAYS = [date(2023, 10, 5)] + [date(2024, 5, 13) + timedelta(days=i) for i in range(7)]
MIX = {"http_503": 8, "http_500": 4, "http_429": 4, "reset": 4, "cut_with_length": 4,
       "cut_without_length": 4, "wrong_day": 3, "cp1252": 3, "latin1_header": 2, "drip": 1.5,
       "hang": 1.5}


def run(rounds: int, fault_rate: float) -> None:
    total = sum(MIX.values())
    plan = FaultPlan(seed=1, rates={k: fault_rate * v / total for k, v in MIX.items()},
                     retry_after=0, hang=0.3, drip_interval=0.03, drip_for=0.6)
    policy = FetchPolicy(delay=0, backoff_base=0.001, backoff_max=0.01, read_timeout=0.15,
                         deadline=0.3, attempts=8)
    captured = [0, 0]

    def on_capture(capture: Capture) -> None:
        captured[0] += 1
        captured[1] += len(capture.body)

    notes = note_bytes = 0
    with serve_mirror(plan=plan) as mirror:
        source = DofSource(open_fetcher(mirror.base_url, policy, on_capture), mirror.base_url)
        started = time.perf_counter()
        for _ in range(rounds):
            for day in DAYS:
                for edition in Edition:
                    for notice in source.edition(day, edition).notices:
                        note = source.note(notice.codigo)
                        notes += 1
                        note_bytes += len(note.body_html.encode("utf-8"))
                source.sidof_notes(day)
        elapsed = time.perf_counter() - started
        requests = mirror.counters.requests
    print(f"rounds={rounds} fault_rate={fault_rate:.0%} wall={elapsed:.2f}s")
    print(f"  notes fetched+parsed: {notes} -> {notes / elapsed:.1f} notes/s")
    print(f"  HTTP requests: {requests} -> {requests / elapsed:.1f} req/s")
    print(f"  bytes received: {captured[1] / 1e6:.2f} MB -> {captured[1] / 1e6 / elapsed:.2f} MB/s "
          f"(note bodies {note_bytes / 1e6:.2f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--fault-rate", type=float, default=0.0)
    args = parser.parse_args()
    run(args.rounds, args.fault_rate)


if __name__ == "__main__":
    main()
