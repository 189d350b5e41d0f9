"""pipeline.errata beyond the mirror scenario: an erratum whose publication is not stored, one for
an instrument we do not track, one with no readable item, and one arriving after a later version
(SQLite and PostgreSQL). Our own texts: fixtures/errata/ley_base.txt and decrees written here."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from test_pipeline import engine_fixture  # noqa: F401  (the 'engine' fixture: SQLite, PostgreSQL)

import pipeline
from diffing import ChangeType
from gazette import Capture, Edition, Notice
from pipeline import ingest_edition
from scraper.classify import classify
from scraper.harvest import FetchedEdition
from store import schema as s
from store import transaction
from store.api import Store

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "fixtures" / "errata" / "ley_base.txt"
LEY = "Ley Federal de Verificación Sanitaria de Prueba"
DECREE_TITLE = f"DECRETO por el que se reforma el artículo 57 de la {LEY}."
DECREE = f"""{DECREE_TITLE}
ARTÍCULO ÚNICO.- Se REFORMA la fracción IX del artículo 57 de la {LEY}, para quedar como sigue:
Artículo 57. ...
I. a VIII. ...
IX. Elaborar el programa anual de verificacion sanitaria, y
X. ...
TRANSITORIO
ÚNICO.- El presente Decreto entrará en vigor al día siguiente de su publicación.
"""
LATER_TITLE = f"DECRETO por el que se reforma el artículo 2 de la {LEY}."
LATER = f"""{LATER_TITLE}
ARTÍCULO ÚNICO.- Se REFORMA la fracción I del artículo 2 de la {LEY}, para quedar como sigue:
Artículo 2. ...
I. Autoridad: la Secretaría de Salud o la Comisión Federal;
II. a IV. ...
TRANSITORIO
ÚNICO.- El presente Decreto entrará en vigor al día siguiente de su publicación.
"""
ERRATA_TITLE = ("FE de erratas al Decreto por el que se reforma el artículo 57 de la Ley Federal de "
                "Verificación Sanitaria de Prueba, publicado el 15 de mayo de 2024.")
ERRATA = f"""{ERRATA_TITLE}
En la página 7, primera columna, en el artículo 57, fracción IX, dice:
IX. Elaborar el programa anual de verificacion sanitaria, y
Debe decir:
IX. Elaborar el programa anual de verificación sanitaria, y
"""


def edition(codigo: str, published: date, title: str, body: str) -> FetchedEdition:
    kind, document = classify(title)
    url = f"https://www.dof.gob.mx/nota_detalle.php?codigo={codigo}&fecha={published:%d/%m/%Y}"
    notice = Notice(codigo, published, Edition.MAT, "Primera Sección", "PODER EJECUTIVO",
                    "SECRETARIA DE SALUD", title, url, kind, document)
    data = body.encode("utf-8")
    capture = Capture(f"https://sidof.segob.gob.mx/notas/docFuente/{codigo}", 200,
                      (("Content-Type", "text/plain; charset=utf-8"),), data,
                      hashlib.sha256(data).hexdigest(),
                      datetime(published.year, published.month, published.day, 12, tzinfo=UTC))
    return FetchedEdition(published, Edition.MAT, True, (notice,), {codigo: capture}, (capture,), ())


def ingest(engine: Engine, fetched: FetchedEdition) -> pipeline.IngestResult:
    with transaction(engine) as conn:
        return ingest_edition(conn, fetched)


def discrepancies(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        dis = s.discrepancy
        rows = conn.execute(select(dis.c.label, dis.c.detail).order_by(dis.c.id))
        return [(r.label, r.detail) for r in rows]


@pytest.fixture(name="tracked")
def tracked_fixture(engine: Engine) -> Engine:
    pipeline.import_document(engine, BASE.read_bytes(), str(BASE), LEY, date(2024, 1, 2))
    return engine


def test_a_correction_after_a_later_version_starts_with_it(tracked: Engine) -> None:
    ingest(tracked, edition("5800001", date(2024, 5, 15), DECREE_TITLE, DECREE))
    ingest(tracked, edition("5800002", date(2024, 5, 20), LATER_TITLE, LATER))
    result = ingest(tracked, edition("5800003", date(2024, 5, 22), ERRATA_TITLE, ERRATA))
    assert result.warnings == ("5800001: se corrige desde el 21 de mayo de 2024, fecha de la última versión "
                               "guardada, y no desde el 16 de mayo de 2024 (la historia solo crece hacia "
                               "adelante)",)
    versions = Store(tracked).document(LEY).history("57, fracción IX")
    assert [(v.change, v.valid_from, v.notice.codigo if v.notice else None) for v in versions] == [
        (None, date(2024, 1, 2), None), (ChangeType.MODIFIED, date(2024, 5, 16), "5800001"),
        (ChangeType.CORRECTED, date(2024, 5, 21), "5800003")]
    assert versions[-1].text == "IX. Elaborar el programa anual de verificación sanitaria, y"
    assert discrepancies(tracked) == []


def test_the_corrected_publication_is_not_stored(tracked: Engine) -> None:
    result = ingest(tracked, edition("5800003", date(2024, 5, 22), ERRATA_TITLE, ERRATA))
    assert result.counts["discrepancies"] == 1 and "changes" not in result.counts
    assert discrepancies(tracked) == [("", (
        "no se encontró la publicación corregida «Decreto por el que se reforma el artículo 57 de la "
        f"{LEY}» del 15/05/2024 entre las que modificaron este documento: la fe de erratas no se aplica"))]


def test_an_erratum_for_an_instrument_we_do_not_track(engine: Engine) -> None:
    result = ingest(engine, edition("5800003", date(2024, 5, 22), ERRATA_TITLE, ERRATA))
    assert result.counts["errata"] == 1 and result.warnings == ()
    assert discrepancies(engine) == []


def test_an_erratum_with_no_readable_item_is_a_discrepancy(tracked: Engine) -> None:
    ingest(tracked, edition("5800001", date(2024, 5, 15), DECREE_TITLE, DECREE))
    only_pdf = (f"{ERRATA_TITLE}\nEl contenido del documento únicamente puede ser visualizado a través "
                "de la edición del Diario Oficial de la Federación en formato PDF.\n")
    result = ingest(tracked, edition("5800003", date(2024, 5, 22), ERRATA_TITLE, only_pdf))
    assert result.counts["discrepancies"] == 1
    assert [label for label, _ in discrepancies(tracked)] == [""]
    assert "no se leyó ninguna corrección" in discrepancies(tracked)[0][1]


def test_a_corrected_decree_that_could_not_be_applied(engine: Engine) -> None:
    # the Ley stored as of June: the May decree (in force 16/05) is older than it and is not
    # applied, so the erratum has no text of it to correct
    pipeline.import_document(engine, BASE.read_bytes(), str(BASE), LEY, date(2024, 6, 1))
    decree = ingest(engine, edition("5800001", date(2024, 5, 15), DECREE_TITLE, DECREE))
    assert decree.counts["problems"] == 1 and "no se aplica" in decree.warnings[0]
    ingest(engine, edition("5800003", date(2024, 6, 3), ERRATA_TITLE, ERRATA))
    assert discrepancies(engine) == [("", "la publicación corregida (5800001, 15/05/2024) no dejó texto "
                                          "en este documento: la fe de erratas no se aplica")]
