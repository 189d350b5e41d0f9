"""Statute parsing throughput and memory, next to a plain regex pass over the same text.

    .venv/bin/python bench/bench_parse.py [--rounds 5] [--articles 3000]

For each text (the seven real Cámara consolidations when ../shared/dof-samples is present, and the
synthetic code of bench/synthetic.py in its plain and Cámara-PDF shapes) it prints, as medians of
interleaved rounds in the same run:

* floor: one combined regex scan for article, fracción and inciso markers over "\\n" + text
  (perf-deps.md §5: the fastest a structure pass over the text can be in Python);
* lines: one regex pass that visits every line (``[^\\n]*\\n``), the floor of any line-wise parser;
* classify: ``classify_lines`` (stage one); tree: ``build_tree`` on those lines (stage two);
  parse: ``parse_statute`` (both stages, with the cyclic GC paused as parse_statute does; the
  Merkle digests are computed on first use, so not here);
* peak memory of ``parse_statute`` by tracemalloc, as a multiple of the text's UTF-8 size.

Targets (issue #2): parse within 5x of the floor, peak memory under 10x the text size. The
figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import generate_code  # noqa: E402
from parser import Line, build_tree, parse_statute  # noqa: E402
from parser.lines import classify_lines  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "dof-samples" / "consolidated"
# Five more Cámara codes from another PDF extractor (one-line header, no blank lines).
TEZCA = ROOT.parent / "shared" / "dof-samples" / "consolidated-tezca"
_FLOOR = re.compile(r"\n(?:Art[ií]culo (\d+)|([IVXL]+)\.\s|([a-zñ])\)\s)")
_LINES = re.compile(r"[^\n]*\n")


def floor(text: str) -> int:
    return sum(1 for _ in _FLOOR.finditer("\n" + text))


def every_line(text: str) -> int:
    return sum(1 for _ in _LINES.finditer(text))


def classify(text: str) -> int:
    return len(classify_lines(text))


def tree(lines: Sequence[Line]) -> Callable[[str], int]:
    """build_tree on lines classified beforehand (outside the timing)."""
    def step(_: str) -> int:
        return len(build_tree(lines).provisions)
    return step


def parse(text: str) -> int:
    return sum(1 for _ in parse_statute(text).walk())


def _median_times(text: str, steps: dict[str, Callable[[str], int]], rounds: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(rounds):
        for name, step in steps.items():  # interleaved, so load changes hit every step alike
            start = time.perf_counter()
            step(text)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def _peak(text: str) -> int:
    tracemalloc.start()
    tracemalloc.reset_peak()
    parse_statute(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def texts(articles: int) -> list[tuple[str, str]]:
    out = []
    for path in sorted(SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else []:
        out.append((path.name.split("_")[0] + " (real, Cámara PDF text)", path.read_text(encoding="utf-8")))
    for path in sorted(TEZCA.glob("*.txt")) if TEZCA.is_dir() else []:
        out.append((path.stem + " (real, second extractor)", path.read_text(encoding="utf-8")))
    out.append((f"synthetic {articles} arts, plain", generate_code(articles, 0)))
    out.append((f"synthetic {articles} arts, Cámara PDF", generate_code(articles, 0, camara=True)))
    return out


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--rounds", type=int, default=5)
    options.add_argument("--articles", type=int, default=3000)
    args = options.parse_args(argv)
    print(f"{'text':40} {'MB':>5} {'units':>6} {'floor ms':>9} {'lines ms':>9} {'classify ms':>11} "
          f"{'tree ms':>8} {'parse ms':>9} {'MB/s':>6} {'x floor':>8} {'x lines':>8} {'peak/size':>9}")
    for name, text in texts(args.articles):
        size = len(text.encode())
        steps = {"floor": floor, "lines": every_line, "classify": classify,
                 "tree": tree(classify_lines(text)), "parse": parse}
        medians = _median_times(text, steps, args.rounds)
        units = parse(text)
        peak = _peak(text)
        print(f"{name:40} {size / 1e6:5.2f} {units:6d} {medians['floor'] * 1e3:9.1f} "
              f"{medians['lines'] * 1e3:9.1f} {medians['classify'] * 1e3:11.1f} "
              f"{medians['tree'] * 1e3:8.1f} {medians['parse'] * 1e3:9.1f} "
              f"{size / 1e6 / medians['parse']:6.1f} "
              f"{medians['parse'] / medians['floor']:8.1f} {medians['parse'] / medians['lines']:8.1f} "
              f"{peak / size:9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
