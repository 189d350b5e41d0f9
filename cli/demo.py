"""``dof-tracker demo``: the main job, offline: a local DOF mirror, a fresh store, the
IMSS-BIENESTAR case of 15 May 2024."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date
from pathlib import Path

import click
from sqlalchemy import URL, Engine

from errors import InputError, StoreError
from pipeline import day_range, import_document
from pipeline import sync as sync_days
from report import changes_table, history_text
from report.words import notice_ref, plural
from scraper.mirror import serve_mirror
from store import Store, Tracked, open_engine, safe_url

from .app import EXIT_OK, Command
from .ingest import print_result
from .options import store_options
from .output import emit, emit_raw

ROOT = Path(__file__).resolve().parent.parent
DEMO_TITLE = ("Estatuto Orgánico de Servicios de Salud del Instituto Mexicano del Seguro Social para el "
              "Bienestar (IMSS-BIENESTAR)")
DEMO_AS_OF = date(2023, 10, 6)  # the Estatuto of 05/10/2023 took effect the next day
DEMO_DAYS = (date(2024, 5, 13), date(2024, 5, 17))


@click.command(cls=Command, epilog="Ejemplo: dof-tracker demo --db sqlite:///demo.sqlite")
@store_options
def demo(db: str | None) -> int:
    """El trabajo principal, sin red: un espejo local del DOF, una base de datos nueva (temporal si
    no se da --db) y los cambios al IMSS-BIENESTAR del 15 de mayo de 2024 con su aviso del DOF."""
    base = ROOT / "fixtures" / "imss" / "estatuto_organico_base.txt"
    tree = ROOT / "fixtures" / "dof"
    if not base.is_file() or not tree.is_dir():
        raise InputError(f"la demostración necesita los fixtures de una copia del código (falta {base})")
    with contextlib.ExitStack() as stack:
        url = db
        if url is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dof-tracker-demo-")))
            url = URL.create("sqlite", database=str(folder / "demo.sqlite")).render_as_string()
        mirror = stack.enter_context(serve_mirror(tree))
        engine = open_engine(url)
        stack.callback(engine.dispose)
        emit(f"Espejo local del DOF en {mirror.base_url}; base de datos {safe_url(engine)}"
             + ("" if db else " (temporal: --db URL para conservarla)"))
        _import(engine, base)
        emit(f"\n$ dof-tracker sync --since {DEMO_DAYS[0]} --until {DEMO_DAYS[1]} --source {mirror.base_url}")
        report = sync_days(engine, day_range(*DEMO_DAYS), mirror.base_url, progress=True,
                           on_result=lambda r: print_result(r, "  "))
        if report.failed:
            raise StoreError(f"la sincronización de la demostración falló: {report.failed[0].error}")
        _show(Store(engine))
    return EXIT_OK


def _import(engine: Engine, base: Path) -> None:
    emit(f"\n$ dof-tracker import {base.relative_to(ROOT)} --title '{DEMO_TITLE}' --as-of {DEMO_AS_OF}")
    with engine.connect() as conn:
        known = Tracked.load(conn).match(DEMO_TITLE)
    if known is not None:
        emit(f"  ya se sigue como documento {known}")
        return
    result = import_document(engine, base.read_bytes(), str(base), DEMO_TITLE, DEMO_AS_OF)
    emit(f"  documento {result.document_id} registrado: {result.title}")


def _show(store: Store) -> None:
    estatuto = store.document(DEMO_TITLE)
    entries = estatuto.changes(since=DEMO_DAYS[0])
    emit(f"\n$ dof-tracker changes --document IMSS-BIENESTAR --since {DEMO_DAYS[0]} --redlines")
    emit(f"{plural(len(entries), 'cambio')} en el {estatuto.title}:")
    emit_raw(changes_table(entries, redlines=True))
    for notice in {e.notice.codigo: e.notice for e in entries if e.notice}.values():
        emit(f"\n{notice_ref(notice)}: {notice.title}\n  {notice.url}")
    emit("\n$ dof-tracker history IMSS-BIENESTAR '57, fracción IX'")
    emit_raw(history_text(estatuto.history("57, fracción IX")))
