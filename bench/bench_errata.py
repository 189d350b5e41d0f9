"""Applying an erratum to a ~3,000-article code, and reading errata.

    .venv/bin/python bench/bench_errata.py [--rounds 5] [--articles 3000] [--corrections 20]

The text as published is ``bench.synthetic.generate_code`` parsed by ``parse_statute``; an
erratum of N corrections, each quoting one paragraph with one word to change, is applied with
``diffing.errata.apply_corrections``:

* located: each correction names its provision (what "en el artículo 57, fracción IX" gives);
* by words: no place, every quoted paragraph is searched in the whole text;
* reading: ``parser.errata.read_errata`` over the ten fixtures/errata/ files.

Medians of interleaved rounds. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import generate_code  # noqa: E402
from diffing.errata import apply_corrections  # noqa: E402
from parser import Document, Kind, parse_statute  # noqa: E402
from parser.errata import Correction, read_errata  # noqa: E402


def corrections(document: Document, count: int, seed: int, located: bool) -> tuple[Correction, ...]:
    rng = random.Random(seed)
    paragraphs = [p for p in document.walk() if p.kind is Kind.PARRAFO and len(p.text.split()) > 8]
    out = []
    for line, provision in enumerate(rng.sample(paragraphs, count), start=1):
        words = provision.text.split()
        at = rng.randrange(len(words))
        right = " ".join([*words[:at], "corregida", *words[at + 1:]])
        out.append(Correction("", provision.label if located else None, provision.text, right, line))
    return tuple(out)


def median_seconds(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--corrections", type=int, default=20)
    args = parser.parse_args()
    document = parse_statute(generate_code(args.articles))
    size = sum(1 for _ in document.walk())
    located = corrections(document, args.corrections, 0, located=True)
    by_words = corrections(document, args.corrections, 0, located=False)
    files = [(p.read_bytes(), p.name) for p in sorted((ROOT / "fixtures" / "errata").glob("[0-9]*"))]
    result = apply_corrections(document, located)
    print(f"code: {args.articles} articles, {size} provisions; erratum of {args.corrections} corrections "
          f"({len(result.changes)} changes, {len(result.discrepancies)} discrepancies)")
    figures = {
        "located": median_seconds(lambda: apply_corrections(document, located), args.rounds),
        "by words": median_seconds(lambda: apply_corrections(document, by_words), args.rounds),
        "reading": median_seconds(lambda: [read_errata(data, name) for data, name in files], args.rounds),
    }
    for name, seconds in figures.items():
        print(f"{name:>9}: {seconds * 1000:8.1f} ms (median of {args.rounds})")
    print(f"  reading: {len(files) / figures['reading']:.0f} errata per second")


if __name__ == "__main__":
    main()
