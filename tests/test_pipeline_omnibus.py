"""Decrees with several operative articles through the pipeline.

One decree amending two laws (Artículo Primero … Ley A; Artículo Segundo … Ley B): the part for
the law we track applies to it alone; the part for the law we do not track waits as pending and
applies, to that law alone, once its text is imported. Both laws have an artículo 6 and the
decree reforms both: each change must land in its own document. Our own fixtures:
fixtures/amendments/omnibus/ (the decree and Ley B), fixtures/amendments/printed/
ley_archivos_base.txt (Ley A). Then the real STPS acuerdo of 12/04/2024, two articles for one
acuerdo, as docling printed it.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from test_amend_converters import stps_acuerdo
from test_pipeline import engine_fixture  # noqa: F401  (the 'engine' fixture: SQLite, PostgreSQL)

import pipeline
from diffing import amend
from gazette import Capture, Edition, Notice
from parser import parse_statute
from pipeline import ingest_edition
from scraper.classify import classify
from scraper.harvest import FetchedEdition
from store import transaction, unapplied_instructions
from store.api import Store

ROOT = Path(__file__).resolve().parent.parent
LEY_A = ROOT / "fixtures" / "amendments" / "printed" / "ley_archivos_base.txt"
LEY_B = ROOT / "fixtures" / "amendments" / "omnibus" / "ley_transparencia_base.txt"
DECREE = ROOT / "fixtures" / "amendments" / "omnibus" / "decreto_dos_leyes.txt"
TITLE_A, TITLE_B = "Ley General de Archivos de Prueba", "Ley Federal de Transparencia de Prueba"
CODIGO, PUBLISHED = "5746001", date(2025, 1, 17)


def decree_edition(title: str = ("DECRETO por el que se reforman diversas disposiciones de la "
                                  "Ley General de Archivos de Prueba y de la Ley Federal de "
                                  "Transparencia de Prueba."),
                   body: bytes | None = None, codigo: str = CODIGO,
                   published: date = PUBLISHED) -> FetchedEdition:
    """An edition as the harvester hands it over: one notice (classified by its title, as the
    scraper does) and its body (by default our omnibus decree)."""
    kind, document = classify(title)
    url = f"https://www.dof.gob.mx/nota_detalle.php?codigo={codigo}&fecha={published:%d/%m/%Y}"
    notice = Notice(codigo, published, Edition.MAT, "Primera Sección", "PODER EJECUTIVO",
                    "SECRETARIA DE GOBERNACION", title, url, kind, document)
    body = DECREE.read_bytes() if body is None else body
    capture = Capture(f"https://sidof.segob.gob.mx/notas/docFuente/{codigo}", 200,
                      (("Content-Type", "text/plain; charset=utf-8"),), body,
                      hashlib.sha256(body).hexdigest(),
                      datetime(published.year, published.month, published.day, 12, tzinfo=UTC))
    return FetchedEdition(published, Edition.MAT, True, (notice,), {codigo: capture}, (capture,), ())


@pytest.fixture(name="ingested")
def ingested_fixture(engine: Engine) -> Engine:
    pipeline.import_document(engine, LEY_A.read_bytes(), str(LEY_A), TITLE_A, date(2024, 6, 1))
    with transaction(engine) as conn:
        result = ingest_edition(conn, decree_edition())
    assert result.warnings == ()
    assert (result.counts["amendments_applied"], result.counts["instructions_unapplied"]) == (1, 1)
    return engine


def test_the_tracked_law_takes_only_its_own_article(ingested: Engine) -> None:
    ley_a = Store(ingested).document(TITLE_A)
    entries = ley_a.changes()
    assert [(e.label, str(e.type)) for e in entries] == [("art_6__par_1", "modified")]
    (entry,) = entries
    assert entry.notice is not None and entry.notice.codigo == CODIGO
    assert entry.valid_from == date(2025, 1, 18)          # "al día siguiente de su publicación"
    text = ley_a.at("6", "2025-01-18").text
    assert "pública y accesible a cualquier persona" in text
    assert "máxima publicidad" not in text                # Ley B's artículo 6 stays out


def test_the_untracked_laws_article_waits_as_pending(ingested: Engine) -> None:
    with ingested.connect() as conn:
        waiting = unapplied_instructions(conn)
    assert [(w.document_title, str(w.instruction.verb), w.instruction.target) for w in waiting] == [
        (TITLE_B, "reforma", "art_6")]
    assert waiting[0].notice is not None and waiting[0].notice.codigo == CODIGO


def test_the_pending_part_applies_when_its_law_is_imported(ingested: Engine) -> None:
    result = pipeline.import_document(ingested, LEY_B.read_bytes(), str(LEY_B), TITLE_B,
                                       date(2024, 6, 1))
    assert (result.created, result.pending.applied, result.pending.changes) == (True, 1, 1)
    assert result.pending.warnings == ()
    store = Store(ingested)
    ley_b = store.document(TITLE_B)
    assert [(e.label, str(e.type)) for e in ley_b.changes()] == [("art_6__par_1", "modified")]
    before, after = ley_b.history("6")
    assert before.text.endswith("el principio de publicidad.")
    assert after.text.endswith("el principio de máxima publicidad.")
    assert after.valid_from == date(2025, 1, 18) and after.notice is not None
    assert after.notice.codigo == CODIGO
    # Ley A kept its one change; nothing is left waiting
    assert [e.label for e in store.document(TITLE_A).changes()] == ["art_6__par_1"]
    with ingested.connect() as conn:
        assert unapplied_instructions(conn) == ()


def test_with_both_laws_tracked_each_takes_its_own_article(engine: Engine) -> None:
    for path, title in ((LEY_A, TITLE_A), (LEY_B, TITLE_B)):
        pipeline.import_document(engine, path.read_bytes(), str(path), title, date(2024, 6, 1))
    with transaction(engine) as conn:
        result = ingest_edition(conn, decree_edition())
    assert result.counts["amendments_applied"] == 2
    assert "instructions_unapplied" not in result.counts and result.warnings == ()
    store = Store(engine)
    ley_a, ley_b = store.document(TITLE_A), store.document(TITLE_B)
    assert "pública y accesible" in ley_a.at("6", "2025-01-18").text
    assert "máxima publicidad" in ley_b.at("6", "2025-01-18").text
    assert "máxima publicidad" not in ley_a.at("6", "2025-01-18").text
    assert "pública y accesible" not in ley_b.at("6", "2025-01-18").text
    assert [e.label for e in ley_a.changes()] == [e.label for e in ley_b.changes()] == ["art_6__par_1"]


def test_two_articles_for_one_law_apply_in_turn() -> None:
    # Artículo Primero and Tercero amend Ley A, Segundo Ley B: A takes the first and the third
    decree = DECREE.read_text(encoding="utf-8").replace(
        "Transitorio\n", "Artículo Tercero.- Se reforma el artículo 1 de la Ley General de "
        "Archivos de Prueba, para quedar como sigue:\nArtículo 1.- La presente Ley es de orden "
        "público, de interés social y de observancia general en todo el territorio nacional.\n"
        "Transitorio\n", 1)
    ley_a = amend(parse_statute(LEY_A.read_text(encoding="utf-8")), decree)
    assert [(c.label, str(c.type)) for c in ley_a.changes] == [
        ("art_1__par_1", "modified"), ("art_6__par_1", "modified")]
    assert ley_a.discrepancies == ()
    ley_b = amend(parse_statute(LEY_B.read_text(encoding="utf-8")), decree)
    assert [(c.label, str(c.type)) for c in ley_b.changes] == [("art_6__par_1", "modified")]
    assert ley_b.discrepancies == ()


def test_the_real_stps_acuerdo_through_the_pipeline(engine: Engine, samples: Path) -> None:
    # DOF 12/04/2024 as docling printed it: ARTÍCULO PRIMERO (artículo 4) and SEGUNDO (Sexto
    # Transitorio) name their acuerdo only in quotes, which the clause reader does not take as
    # its name; the notice's title names it ("… modifica el diverso por el que …"), and both
    # articles apply to the tracked acuerdo (a reconstruction, see test_amend_converters)
    base = ROOT / "fixtures" / "amendments" / "acuerdo_stps_circunscripcion_base.txt"
    pipeline.import_document(engine, base.read_bytes(), str(base), None, date(2019, 9, 20))
    title = ("ACUERDO que modifica el diverso por el que se determina la circunscripción territorial "
             "de las direcciones de coordinación regional, oficinas de representación federal del "
             "trabajo y unidades subalternas de la Secretaría del Trabajo y Previsión Social y se "
             "delegan facultades en las unidades subalternas.")
    edition = decree_edition(title, stps_acuerdo(samples, "docling").encode("utf-8"), "5723871",
                             date(2024, 4, 12))
    with transaction(engine) as conn:
        result = ingest_edition(conn, edition)
    assert result.warnings == () and result.counts["amendments_applied"] == 1
    acuerdo = Store(engine).document("circunscripción territorial")
    entries = acuerdo.changes()
    assert {e.label.partition("__")[0] for e in entries} == {"art_4", "tra_6"}
    assert all(e.valid_from == date(2024, 4, 13) and e.reconciled for e in entries)
    assert "Zonas Norte 1, Norte 2, Centro 1, Centro 2, y Sur 2" in acuerdo.at(
        "transitorio sexto", "2024-04-13").text
    with engine.connect() as conn:
        assert unapplied_instructions(conn) == ()
