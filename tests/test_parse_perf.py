"""What the parser's speed work relies on, checked without timing anything (timings are printed by
bench/bench_parse.py, never asserted): the collector pause is undone, memory stays within issue
#2's bound, and the benchmark itself still runs."""

from __future__ import annotations

import gc
import io
import tracemalloc
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from bench import bench_parse
from errors import ParseError
from parser import parse_statute
from parser.statute import _collector_paused

_SMALL = "Artículo 1o.- Texto.\n\nI. Primera;\n\nII. Segunda.\n"


def test_parsing_pauses_the_collector_and_always_resumes_it() -> None:
    assert gc.isenabled()
    with _collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    assert [p.label for p in parse_statute(_SMALL).walk()] == [
        "art_1", "art_1__par_1", "art_1__frac_i", "art_1__frac_ii"]
    assert gc.isenabled()
    with pytest.raises(ParseError):
        parse_statute("Ni artículo ni capítulo: prosa.")
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    try:
        parse_statute(_SMALL)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_peak_memory_of_a_real_law_stays_under_ten_times_its_size(samples: Path) -> None:
    """Issue #2: peak memory under 10x the text size (the Ley de Amparo measures ~6x)."""
    text = next((samples / "consolidated").glob("LAmp_*.txt")).read_text(encoding="utf-8")
    parse_statute(text)  # warm caches and imports outside the measurement
    tracemalloc.start()
    try:
        parse_statute(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10 * len(text.encode())


def test_the_benchmark_runs_and_prints_every_text() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert bench_parse.main(["--rounds", "1", "--articles", "30"]) == 0
    header, *rows = out.getvalue().splitlines()
    assert "tree ms" in header and header.endswith("peak/size")
    assert any(row.startswith("synthetic 30 arts, plain") for row in rows)
    assert any(row.startswith("synthetic 30 arts, Cámara PDF") for row in rows)
    for row in rows:
        figures = row[40:].split()
        assert len(figures) == 11 and all(float(figure) > 0 for figure in figures), row
