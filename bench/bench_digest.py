"""Daily digest benchmark: how long sending every user's digest takes after a nightly pass.

    .venv/bin/python bench/bench_digest.py                      # both backends
    .venv/bin/python bench/bench_digest.py --backend sqlite --users 500

Builds ``bench_web_data``'s synthetic documents (10,511 provisions each) with ``--amendments``
amendments of 20 fracciones, and ``--users`` users with an address, each watching 10 random
artículos (every tenth also a whole document). Then times, through ``pipeline.digests``: a dry
run (built, not sent), the real run to a local aiosmtpd server (one SMTP connection per digest),
a second run the same day (everyone already served), and the next day's run with nothing new
(each user's cursor read). Prints the totals and the time per user.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench_web_data import ARTICLES, CHAPTERS, FRACCIONES, START, TOUCHED, document, sentence  # noqa: E402
from sqlalchemy import Engine  # noqa: E402
from test_mail_support import smtp_server  # noqa: E402

import store  # noqa: E402
from diffing.model import Change, ChangeType  # noqa: E402
from pipeline.digests import DigestOutcome, DigestRun, delivery, send_digests  # noqa: E402
from store.testing import PostgresUnavailable, temporary_database  # noqa: E402
from store.users import add_user  # noqa: E402
from store.watch import add_watch  # noqa: E402

DAY = date(2024, 5, 16)


def build(engine: Engine, documents: int, amendments: int, users: int, rng: random.Random) -> None:
    texts: dict[int, dict[str, str]] = {}
    for number in range(documents):
        texts[number] = {}
        doc = document(f"Ley sintética {number}", rng, texts[number])
        with store.transaction(engine) as conn:
            store.register_document(conn, doc.title, doc, START)
    day = START
    labels = [f"art_{a}__frac_{f}" for a in range(1, CHAPTERS * ARTICLES + 1)
              for f in range(1, FRACCIONES + 1)]
    for _ in range(amendments):
        day += timedelta(days=rng.randint(1, 3))
        number = rng.randrange(documents)
        chosen = rng.sample(labels, TOUCHED)
        new_texts = dict(texts[number]) | {label: sentence(rng) + " reformada" for label in chosen}
        changes = [Change(label, ChangeType.MODIFIED, texts[number][label], new_texts[label])
                   for label in chosen]
        with store.transaction(engine) as conn:
            store.apply_new_version(conn, number + 1, document(f"Ley sintética {number}", rng, new_texts),
                                    changes, day)
        texts[number] = new_texts
    with store.transaction(engine) as conn:
        for n in range(users):
            user = add_user(conn, f"usuario{n:04d}", "reader", "contraseña larga", email=f"u{n}@example.mx")
            for _ in range(10):
                article = f"art_{rng.randint(1, CHAPTERS * ARTICLES)}"
                add_watch(conn, user.id, rng.randrange(documents) + 1, article)
            if n % 10 == 0:
                add_watch(conn, user.id, rng.randrange(documents) + 1)


def timed(call: Callable[[], tuple[DigestOutcome, ...]]) -> tuple[float, tuple[DigestOutcome, ...]]:
    began = time.perf_counter()
    outcomes = call()
    return time.perf_counter() - began, outcomes


def report(what: str, seconds: float, outcomes: tuple[DigestOutcome, ...]) -> None:
    statuses = Counter(str(o.status) for o in outcomes)
    changes = sum(o.changes for o in outcomes)
    print(f"  {what}: {seconds:.2f} s, {seconds * 1000 / max(len(outcomes), 1):.1f} ms per user "
          f"({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}; {changes:,} changes told)")


def run(backend: str, url: str, args: argparse.Namespace) -> None:
    engine = store.open_engine(url)
    try:
        began = time.perf_counter()
        build(engine, args.documents, args.amendments, args.users, random.Random(args.seed))
        print(f"[{backend}] {args.documents} documents, {args.amendments * TOUCHED:,} changes, "
              f"{args.users} users (built in {time.perf_counter() - began:.1f} s)")
        first = START
        report("dry run (built, not sent)", *timed(lambda: send_digests(engine, DigestRun(DAY, first, None))))
        with smtp_server() as (inbox, port):
            smtp = DigestRun(DAY, first, delivery(f"smtp://127.0.0.1:{port}", None))
            report("sent to a local SMTP server", *timed(lambda: send_digests(engine, smtp)))
            report("again the same day", *timed(lambda: send_digests(engine, smtp)))
            later = DigestRun(DAY + timedelta(days=1), first, smtp.deliver)
            report("the next day, nothing new", *timed(lambda: send_digests(engine, later)))
            print(f"  the server received {len(inbox.messages)} messages, "
                  f"{sum(len(m.as_bytes()) for _, _, m in inbox.messages) / 1e6:.1f} MB")
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--documents", type=int, default=2)
    parser.add_argument("--amendments", type=int, default=20)
    parser.add_argument("--users", type=int, default=200)
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
                run(backend, url, args)


if __name__ == "__main__":
    main()
