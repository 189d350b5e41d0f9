"""A Fe de erratas through the local mirror (SQLite and PostgreSQL): the IMSS-BIENESTAR Estatuto
imported as of 06/10/2023, then the fixture editions of 3-5 June 2024 (fixtures/dof/
build_errata_days.py): on 03/06 a Modificación reforms artículo 57, fracciones III and IV, with a
misprint in III; on 05/06 a FE de erratas corrects it, and quotes words fracción IV does not say.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, select
from test_pipeline import engine_fixture  # noqa: F401  (the 'engine' fixture: SQLite, PostgreSQL)
from test_pipeline_support import AS_OF, BASE, TITLE, state_digest

import pipeline
from diffing import ChangeType, DiscrepancyKind
from gazette import NoticeKind
from scraper.mirror import serve_mirror
from store import runs
from store import schema as s
from store.api import Store

DAYS = [date(2024, 6, 3), date(2024, 6, 4), date(2024, 6, 5)]
MODIFICACION, ERRATA = "5729101", "5729201"
AS_PRINTED = "y con las áreas de comunicación de las entidades federativas adheridas;"
AS_MEANT = "y con las áreas de comunicación social de las entidades federativas adheridas;"


@pytest.fixture(scope="module")
def mirror_url() -> Iterator[str]:
    with serve_mirror() as mirror:
        yield mirror.base_url


@pytest.fixture(name="synced")
def synced_fixture(engine: Engine, mirror_url: str) -> Engine:
    pipeline.import_document(engine, BASE.read_bytes(), str(BASE), TITLE, date.fromisoformat(AS_OF))
    report = pipeline.sync(engine, DAYS, mirror_url)
    assert not report.failed, report.summary()
    return engine


def test_history_shows_the_text_as_published_then_as_corrected(synced: Engine) -> None:
    estatuto = Store(synced).document("IMSS-BIENESTAR")
    first, published, corrected = estatuto.history("57, fracción III")
    assert (first.change, first.notice, first.valid_from) == (None, None, date(2023, 10, 6))
    assert published.change is ChangeType.MODIFIED and published.notice is not None
    assert published.notice.codigo == MODIFICACION and published.text.endswith(AS_PRINTED)
    assert corrected.change is ChangeType.CORRECTED and corrected.change.spanish == "corregido"
    assert corrected.notice is not None and corrected.notice.codigo == ERRATA
    assert corrected.notice.kind is NoticeKind.ERRATA and corrected.text.endswith(AS_MEANT)
    # corrected from the day the Modificación took effect ("al día siguiente de su publicación")
    assert (published.valid_from, published.valid_to) == (date(2024, 6, 4), date(2024, 6, 4))
    assert (corrected.valid_from, corrected.valid_to) == (date(2024, 6, 4), None)


def test_at_before_and_after(synced: Engine) -> None:
    estatuto = Store(synced).document("IMSS-BIENESTAR")
    before = estatuto.at("57, fracción III", "2024-06-03")
    assert before.notice is None and before.text.endswith("medios de comunicación nacionales e "
                                                          "internacionales;")
    for day in ("2024-06-04", "2024-06-05", "2024-07-01"):
        now = estatuto.at("57, fracción III", day)
        assert now.text.endswith(AS_MEANT) and now.notice is not None and now.notice.codigo == ERRATA


def test_the_change_log_lists_the_correction(synced: Engine) -> None:
    entries = Store(synced).document("IMSS-BIENESTAR").changes()
    assert [(e.label, str(e.type), e.notice.codigo if e.notice else None) for e in entries] == [
        ("art_57__frac_iii", "modified", MODIFICACION), ("art_57__frac_iv", "modified", MODIFICACION),
        ("art_57__frac_iii", "corrected", ERRATA)]
    correction = entries[-1]
    assert correction.date == date(2024, 6, 5) and correction.valid_from == date(2024, 6, 4)
    assert correction.change.before is not None and correction.change.before.endswith(AS_PRINTED)
    assert Store(synced).changes(type="corrected") == (correction,)


def test_the_unplaceable_item_is_a_discrepancy_of_the_erratum(synced: Engine) -> None:
    with synced.connect() as conn:
        rows = conn.execute(select(s.notice.c.codigo, s.discrepancy.c.kind, s.discrepancy.c.label,
                                   s.discrepancy.c.detail)
                            .join(s.notice, s.notice.c.id == s.discrepancy.c.notice_id)).all()
    assert [(r.codigo, r.kind, r.label) for r in rows] == [
        (ERRATA, str(DiscrepancyKind.UNPLACED_CORRECTION), "art_57__frac_iv")]
    assert rows[0].detail == (
        "corrección, línea 15: «En la página 85, segunda columna, en el artículo 57, fracción IV,»: "
        "no se encontró «Conducir la relación del IMSS-BIENESTAR con las áreas de comunicación social "
        "de las dependencias federales;» en art_57__frac_iv")
    # fracción IV keeps its text as published
    versions = Store(synced).document("IMSS-BIENESTAR").history("57, fracción IV")
    assert [v.change for v in versions] == [None, ChangeType.MODIFIED]


def test_the_erratum_is_linked_and_counted(synced: Engine) -> None:
    store = Store(synced)
    with synced.connect() as conn:
        linked = dict(conn.execute(select(s.notice.c.codigo, s.notice.c.document_id)).all())
        records = runs(conn)
    assert linked[ERRATA] == linked[MODIFICACION] == store.document("IMSS-BIENESTAR").id
    errata_day = next(r for r in records if r.day == date(2024, 6, 5) and r.counts.get("errata"))
    assert {k: errata_day.counts[k] for k in ("errata", "errata_applied", "changes", "discrepancies")} == {
        "errata": 1, "errata_applied": 1, "changes": 1, "discrepancies": 1}


def test_a_second_sync_changes_nothing(synced: Engine, mirror_url: str) -> None:
    before = state_digest(synced)
    report = pipeline.sync(synced, DAYS, mirror_url)
    assert not report.failed
    assert state_digest(synced) == before
