"""1,000 fetches through the local mirror with seeded random faults (reliability.md §5).

Every notice of every fixture edition must end up ingested exactly once, identical to what the
fixture files say (so no cut body and no mojibake was ever accepted); whatever fails after its
retries is queued with a reason and taken again, never dropped. Sleeps (backoff, Retry-After)
are recorded, not slept, so the soak takes seconds; timeouts and deadlines are real but small.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from errors import FetchError, SanityError
from gazette import Capture, Edition, Notice
from scraper.decode import has_mojibake
from scraper.edition import EditionIndex, parse_edition
from scraper.http import Fetcher, FetchPolicy
from scraper.mirror import FIXTURES, FaultPlan, serve_mirror
from scraper.note import Note, parse_note
from scraper.sources import DofSource, allowed_origins

FETCHES = 1000
RATES = {"http_503": 0.08, "http_500": 0.04, "http_429": 0.04, "reset": 0.04,
         "cut_with_length": 0.04, "cut_without_length": 0.04, "wrong_day": 0.03, "cp1252": 0.03,
         "latin1_header": 0.02, "drip": 0.015, "hang": 0.015, "drip_headers": 0.015, "gzip": 0.05,
         "gzip_cut": 0.03}
POLICY = FetchPolicy(delay=0, backoff_base=0.001, backoff_max=0.01, connect_timeout=1.0,
                     read_timeout=0.15, deadline=0.3, attempts=6)
PLAN = FaultPlan(seed=20240515, rates=RATES, retry_after=2, hang=0.3, drip_interval=0.03,
                 drip_for=0.6)
DAYS = [date(2023, 10, 5)] + [date(2024, 5, 13) + timedelta(days=i) for i in range(7)]


def truth(source: DofSource) -> tuple[dict[tuple[date, Edition], EditionIndex], dict[str, Note]]:
    """What the fixture files say, parsed straight from disk (URLs as the source builds them)."""
    indexes: dict[tuple[date, Edition], EditionIndex] = {}
    for path in sorted((FIXTURES / "www" / "index").glob("*.html")):
        day_text, edition_text = path.stem.split("_")
        key = (date.fromisoformat(day_text), Edition(edition_text))
        if key[0] not in DAYS:
            continue  # a fixture day the soak does not sweep (the errata scenario's June days)
        indexes[key] = parse_edition(path.read_text(encoding="utf-8"), *key,
                                     source.edition_url(*key))
    notes = {n.codigo: parse_note((FIXTURES / "sidof" / "docFuente" / f"{n.codigo}.html")
                                  .read_text(encoding="utf-8"), n.codigo)
             for index in indexes.values() for n in index.notices}
    return indexes, notes


@dataclass
class Ledger:
    """An idempotent store: a notice is ingested once; seeing it again must change nothing."""

    notices: dict[str, tuple[Notice, Note]] = field(default_factory=dict)
    inserts: Counter[str] = field(default_factory=Counter)
    pending: dict[str, str] = field(default_factory=dict)  # work item -> reason of last failure
    unpublished: set[tuple[date, Edition]] = field(default_factory=set)

    def ingest(self, notice: Notice, note: Note) -> None:
        known = self.notices.get(notice.codigo)
        if known is None:
            self.notices[notice.codigo] = (notice, note)
            self.inserts[notice.codigo] += 1
        else:
            assert known == (notice, note), f"{notice.codigo} changed between fetches"


def attempt(ledger: Ledger, item: str, action: Callable[[], None]) -> None:
    try:
        action()
        ledger.pending.pop(item, None)
    except (FetchError, SanityError) as exc:
        ledger.pending[item] = f"{type(exc).__name__}: {exc}"


def sweep(source: DofSource, ledger: Ledger, budget: Callable[[], bool]) -> None:
    """One pass over every day and edition, the way the pipeline walks a date range."""
    for day in DAYS:
        for edition in Edition:
            if budget():
                return

            def take(day: date = day, edition: Edition = edition) -> None:
                index = source.edition(day, edition)
                if not index.published:
                    ledger.unpublished.add((day, edition))
                for notice in index.notices:
                    attempt(ledger, notice.codigo,
                            lambda n=notice: ledger.ingest(n, source.note(n.codigo)))

            attempt(ledger, f"{day} {edition}", take)
        attempt(ledger, f"sidof {day}", lambda day=day: source.sidof_notes(day) and None)


def test_thousand_faulty_fetches_lose_nothing() -> None:
    captures: list[Capture] = []
    sleeps: list[float] = []
    ledger = Ledger()
    started = time.monotonic()
    with serve_mirror(plan=PLAN) as mirror:
        fetcher = Fetcher(POLICY, allowed=allowed_origins(mirror.base_url),
                          on_capture=captures.append,
                          sleep=sleeps.append)  # record backoff and Retry-After, don't sleep
        source = DofSource(fetcher, mirror.base_url)
        indexes, notes = truth(source)
        while fetcher.stats.fetches < FETCHES:
            sweep(source, ledger, lambda: fetcher.stats.fetches >= FETCHES)
        for _ in range(20):  # the durable retry queue, drained on the next runs
            if not ledger.pending:
                break
            sweep(source, ledger, lambda: False)
        wall = time.monotonic() - started
        served, faults = mirror.counters.requests, dict(mirror.counters.faults)
    stats = fetcher.stats
    print(f"\nfault soak: {stats.fetches} fetches, {served} requests, {stats.retries} retries, "
          f"{stats.failures} fetches gave up (re-queued), {len(captures)} captures "
          f"({sum(not c.complete for c in captures)} flagged incomplete), "
          f"{sum(sleeps):.1f} s of backoff/Retry-After recorded, wall {wall:.1f} s")
    print("faults injected:", ", ".join(f"{k}={v}" for k, v in sorted(faults.items())))
    print("client saw:", ", ".join(f"{k}={v}" for k, v in sorted(_collapse(stats.faults).items())))

    assert stats.fetches >= FETCHES and ledger.pending == {}
    # every response reached on_capture; only "never answered", resets before the status line
    # and headers cut by the deadline leave nothing to capture
    uncaptured = sum(faults.get(name, 0) for name in ("hang", "reset", "drip_headers"))
    assert served - uncaptured <= len(captures) <= served
    expected = {n.codigo: n for index in indexes.values() for n in index.notices}
    assert set(ledger.notices) == set(expected)  # none lost
    assert set(ledger.inserts.values()) == {1}  # each ingested exactly once
    for codigo, (notice, note) in ledger.notices.items():
        assert notice == expected[codigo] and note == notes[codigo]  # nothing cut or garbled
        assert not has_mojibake(note.body_html + note.title + notice.title + notice.issuer)
    published = set(indexes)
    assert ledger.unpublished == {(d, e) for d in DAYS for e in Edition} - published
    assert all(faults.get(name, 0) > 0 for name in RATES)  # every fault type was exercised
    assert all(s >= PLAN.retry_after for s in sleeps if s >= 1)  # Retry-After honoured
    assert wall < 90


def _collapse(counter: Counter[str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for reason, count in counter.items():
        out[reason.split(":")[0]] += count
    return out


def test_fixture_tree_is_present() -> None:
    assert Path(FIXTURES / "www" / "index" / "2024-05-15_MAT.html").is_file()
