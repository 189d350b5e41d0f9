"""Change-log rendering benchmark: the lawyers' HTML page and the terminal table for large logs.

    .venv/bin/python bench/bench_report.py                 # 100, 1,000 and 10,000 changes
    .venv/bin/python bench/bench_report.py --sizes 500 5000

A synthetic log of one document: every tenth change adds a capítulo whose text carries the next
artículo, which is added too (so grouping has hosts and members to pair), the rest modify or
add fracciones; 20 changes per DOF notice. Prints the median of three renders per size: a log
for a year of a busy statute is a few thousand changes, and pairing members with their hosts
must stay linear in them (an early version compared every pair).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from diffing.model import Change, ChangeType
from gazette import Edition, Notice, NoticeKind
from report import changes_html, changes_table
from store.values import ChangeEntry

START = date(2024, 1, 2)


def _notice(n: int) -> Notice:
    day = START + timedelta(days=n)
    return Notice(codigo=str(5_700_000 + n), date=day, edition=Edition.MAT, section="PRIMERA SECCION",
                  poder="PODER EJECUTIVO", issuer="SECRETARIA", title=f"DECRETO número {n} por el que se "
                  "reforman, adicionan y derogan diversas disposiciones de la Ley Federal de Prueba",
                  url=f"https://www.dof.gob.mx/nota_detalle.php?codigo={5_700_000 + n}",
                  kind=NoticeKind.AMENDS, document="Ley Federal de Prueba")


def synthetic_log(size: int) -> list[ChangeEntry]:
    """``size`` change entries, 20 per notice, a capítulo with its artículo every tenth pair."""
    entries: list[ChangeEntry] = []
    for i in range(size):
        notice = _notice(i // 20)
        article = f"Artículo {1000 + i}.- Texto del artículo {i}."
        if i % 10 == 0:
            change = Change(f"tit_1__cap_{i}", ChangeType.ADDED, None, f"CAPÍTULO {i}\n{article}", (), None)
        elif i % 10 == 1:
            change = Change(f"art_{999 + i}", ChangeType.ADDED, None, f"Artículo {999 + i}.- Texto del "
                            f"artículo {i - 1}.", (), None)
        else:
            change = Change(f"art_{i % 300}__frac_{'ivx'[i % 3]}", ChangeType.MODIFIED, f"Antes {i}.",
                            f"Después {i}.", (), None)
        entries.append(ChangeEntry("Ley Federal de Prueba", 1, notice.date, notice.date + timedelta(days=1),
                                   change, notice, True, "computed"))
    return entries


def _median_ms(render: Callable[[], str], runs: int = 3) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        size = len(render())
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    args = parser.parse_args()
    changes_html(synthetic_log(10))  # Jinja2's import and the template's compilation, once
    print(f"{'changes':>8}  {'html ms':>9}  {'html KB':>8}  {'table ms':>9}")
    for size in args.sizes:
        entries = synthetic_log(size)
        html_ms, html_size = _median_ms(lambda e=entries: changes_html(e))
        table_ms, _ = _median_ms(lambda e=entries: changes_table(e))
        print(f"{size:>8}  {html_ms:>9.1f}  {html_size // 1024:>8}  {table_ms:>9.1f}")


if __name__ == "__main__":
    main()
