"""The Manual de Organización through the pipeline: the acuerdo of 14/05/2024 (fixture note
5727101) waits for the Manual, which we do not track; once its text is imported (here the
reconstruction fixtures/amendments/manual_organizacion_base.txt), the waiting acuerdo applies
to its numerales and the store holds exactly the declared changes, linked to the note.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from test_pipeline_support import FIRST, LAST, ROOT
from test_store_support import database_url

import pipeline
from scraper.mirror import serve_mirror
from store import open_engine
from store.api import Store

MANUAL = ROOT / "fixtures" / "amendments" / "manual_organizacion_base.txt"
TITLE = "Manual de Organización General de la Secretaría de Salud"


@pytest.fixture(name="engine")
def engine_fixture(tmp_path: Path) -> Iterator[Engine]:
    with contextlib.ExitStack() as stack:
        engine = open_engine(database_url("sqlite", tmp_path, stack))
        yield engine
        engine.dispose()


def test_the_waiting_acuerdo_applies_when_the_manual_is_imported(engine: Engine) -> None:
    with serve_mirror() as mirror:
        report = pipeline.sync(engine, pipeline.day_range(date.fromisoformat(FIRST),
                                                            date.fromisoformat(LAST)),
                                mirror.base_url)
    assert not report.failed
    result = pipeline.import_document(engine, MANUAL.read_bytes(), str(MANUAL), TITLE,
                                       date(2012, 8, 17))
    assert (result.created, result.pending.applied, result.pending.changes) == (True, 1, 3)
    manual = Store(engine).document("Manual de Organización General")
    entries = manual.changes()
    assert sorted((e.label, str(e.type)) for e in entries) == [
        ("num_2", "modified"), ("num_7", "modified"), ("num_7-bis", "added")]
    assert {e.notice.codigo for e in entries if e.notice} == {"5727101"}
    assert all(e.reconciled for e in entries)
    assert "Unidad de Inteligencia en Salud Pública" in manual.at("numeral 7 Bis", "2024-05-15").text
    before, after = manual.history("numeral 2")
    assert "y las demás disposiciones aplicables" not in before.text
    assert "y las demás disposiciones aplicables" in after.text
    # published in the 14/05/2024 edition, "entrará en vigor al día siguiente"
    assert after.valid_from == date(2024, 5, 15) and after.notice is not None
    assert after.notice.date == date(2024, 5, 14)
