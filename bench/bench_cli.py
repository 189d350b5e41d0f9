"""Command-line start-up: whole-process wall time of ``dof-tracker`` commands (issue #11 item 6).

    .venv/bin/python bench/bench_cli.py                  # 15 runs each
    .venv/bin/python bench/bench_cli.py --runs 30
    .venv/bin/python bench/bench_cli.py --instructions   # + each case's instruction count

Each command runs as a fresh process (``python -m scheduler ...``, what the console script
does), so the figures include the interpreter, every import and the work: ``--help`` and
``--version`` (no store), and ``at`` and ``history`` on a small store (the offline demo's: the
IMSS-BIENESTAR Estatuto and the editions of 13-17 May 2024), built once in a temporary folder.
A bare ``python -c pass`` is timed too, as the floor, and ``import click, sqlalchemy`` with the
SQLite dialect, the libraries a read cannot do without: what ``at`` and ``history`` take beyond
it is this project's own. Wall time and CPU time (user + system,
from ``getrusage``) are both printed: on a machine shared with other work the wall time mostly
measures the queue for a core. Target: ``--help``, ``--version``, ``at``
and ``history`` well under 0.5 s.

Under heavy load even CPU time swells (caches and cores are shared); ``--instructions`` also
runs each case once under valgrind's callgrind and prints the instructions it executed, a
figure that does not depend on load (about a minute per case; needs ``valgrind``).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = "import click, sqlalchemy, sqlalchemy.dialects.sqlite"


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``argv`` as a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(argv: list[str], env: dict[str, str]) -> int:
    """The instructions one run of ``argv`` executes, counted by valgrind's callgrind."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv], cwd=ROOT,
                          env={**env, "PYTHONHASHSEED": "0"}, check=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind: {done.stderr[-300:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--instructions", action="store_true", help="also count instructions (valgrind)")
    args = parser.parse_args()
    runs = args.runs
    if args.instructions and shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind")
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as folder:
        db = f"sqlite:///{Path(folder) / 'demo.sqlite'}"
        # as installed: bytecode cached (the first, warming run writes it), whatever this shell says
        env = {**os.environ, "PYTHONPATH": str(ROOT), "DOF_TRACKER_DB": db}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cli = [sys.executable, "-m", "scheduler"]
        subprocess.run([*cli, "demo", "--db", db], cwd=ROOT, env=env, check=True, capture_output=True)
        cases = {
            "python -c pass (floor)": [sys.executable, "-c", "pass"],
            "import click, sqlalchemy (+ sqlite)": [sys.executable, "-c", LIBRARIES],
            "--help": [*cli, "--help"],
            "--version": [*cli, "--version"],
            "at IMSS '57, fracción IX' 15/05/2024": [*cli, "at", "IMSS", "57, fracción IX", "15/05/2024"],
            "history IMSS '57, fracción IX'": [*cli, "history", "IMSS", "57, fracción IX"],
        }
        print(f"whole process, {runs} runs each, {os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.2f} (on a shared machine the CPU time is the steadier figure)")
        counted = f" {'instructions':>14}" if args.instructions else ""
        print(f"  {'':<40} {'wall best':>10} {'median':>8} {'CPU best':>10} {'median':>8}{counted}")
        for name, argv in cases.items():
            timed(argv, env)  # warm the file cache and write the bytecode
            walls, cpus = zip(*(timed(argv, env) for _ in range(runs)), strict=True)
            count = f" {instructions(argv, env) / 1e6:>13,.0f}M" if args.instructions else ""
            print(f"  {name:<40} {_ms(min(walls)):>10} {_ms(statistics.median(walls)):>8} "
                  f"{_ms(min(cpus)):>10} {_ms(statistics.median(cpus)):>8}{count}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


if __name__ == "__main__":
    main()
