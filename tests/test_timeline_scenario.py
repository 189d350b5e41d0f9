"""The legal timeline end to end through the local mirror (issue #10, "Done when"), on SQLite and
PostgreSQL.

The fixture editions of 04/11-10/12/2024 (``fixtures/dof/timeline_notes.py``) are synced one day
at a time, and after each day ``at``, ``history``, ``pending`` and the change log must say what a
lawyer reading those DOF issues would say: decree A (11/11, in force 1o. de enero de 2025) is
stored first, decree B (12/11, in force the next day) applies at once and before it; decree C
(19/11) puts artículo 1 in force the next day and artículo 5 on 1o. de febrero de 2025; decree D
(26/11) waits for a declaratoria, which the 03/12 notice fixes on 15/01/2025; the 10/12 decree
abrogates the Reglamento from 1o. de marzo de 2025. A second sync changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine
from test_pipeline_support import state_digest
from test_store_support import db_url_fixture, engine_fixture  # noqa: F401  (fixtures)

import pipeline
from scraper.mirror import serve_mirror
from store.api import Store
from store.handle import DocumentHandle

NAME = "Comisión Federal de Pruebas"
PUBLISHED = {"reglamento": date(2024, 11, 4), "A": date(2024, 11, 11), "B": date(2024, 11, 12),
             "C": date(2024, 11, 19), "D": date(2024, 11, 26), "declaratoria": date(2024, 12, 3),
             "abrogation": date(2024, 12, 10)}
ART_2 = {
    "original": "Artículo 2.- La Comisión estará a cargo de una persona titular, designada por el "
                "Ejecutivo Federal.",
    "B": "Artículo 2.- La Comisión estará a cargo de una persona titular, designada por el Ejecutivo "
         "Federal, quien durará en su encargo cuatro años.",
    "A": "Artículo 2.- La Comisión estará a cargo de un órgano colegiado de cinco personas comisionadas, "
         "designadas por el Ejecutivo Federal.",
}
FRAC_II = {"original": "II. Llevar el registro de los laboratorios autorizados;",
           "D": "II. Llevar el registro electrónico de los laboratorios autorizados y de sus signatarios;"}
ART_5_C = ("Artículo 5.- Las infracciones a este Reglamento se sancionarán conforme a la Ley de "
           "Infraestructura de la Calidad y a la Ley Federal de Procedimiento Administrativo.")


@pytest.fixture(scope="module")
def mirror_url() -> Iterator[str]:
    with serve_mirror() as mirror:
        yield mirror.base_url


def _sync(engine: Engine, url: str, step: str) -> DocumentHandle:
    report = pipeline.sync(engine, [PUBLISHED[step]], url)
    assert not report.failed, report.summary()
    return Store(engine).document(NAME)


def _history(doc: DocumentHandle, citation: str, on: date) -> list[tuple[str | None, str | None, str, bool]]:
    return [(v.valid_from.isoformat() if v.valid_from else None,
             v.valid_to.isoformat() if v.valid_to else None, v.text, v.pending)
            for v in doc.history(citation, on=on)]


def _pending(doc: DocumentHandle, on: date) -> list[tuple[str | None, str, str]]:
    return [(p.valid_from.isoformat() if p.valid_from else None, p.citation,
             p.notice.codigo if p.notice else "") for p in doc.pending(on)]


def test_the_timeline_day_by_day(engine: Engine, mirror_url: str) -> None:
    doc = _sync(engine, mirror_url, "reglamento")
    assert doc.at("2", "2024-11-05").text == ART_2["original"]

    # A, in force on 1o. de enero de 2025: published, not in force, blocks nothing
    doc = _sync(engine, mirror_url, "A")
    assert doc.at("2", "2024-11-20").text == ART_2["original"]
    assert doc.at("2", "2025-01-01").text == ART_2["A"]
    assert _pending(doc, PUBLISHED["A"]) == [("2025-01-01", "artículo 2, párrafo primero", "5740111")]
    assert _history(doc, "2", PUBLISHED["A"]) == [
        ("2024-11-05", "2025-01-01", ART_2["original"], False),
        ("2025-01-01", None, ART_2["A"], True)]

    # B, published later but in force the next day: applies at once, before A
    doc = _sync(engine, mirror_url, "B")
    assert doc.at("2", "2024-11-12").text == ART_2["original"]
    assert doc.at("2", "2024-11-13").text == ART_2["B"]
    assert doc.at("2", "2024-12-31").text == ART_2["B"]
    assert doc.at("2", "2025-01-01").text == ART_2["A"]
    assert doc.at("4", "2024-11-13").text == ("Artículo 4.- Las autorizaciones tendrán una vigencia de "
                                              "tres años.")
    assert _history(doc, "2", date(2024, 11, 13)) == [
        ("2024-11-05", "2024-11-13", ART_2["original"], False),
        ("2024-11-13", "2025-01-01", ART_2["B"], False),
        ("2025-01-01", None, ART_2["A"], True)]
    assert _pending(doc, date(2024, 11, 13)) == [("2025-01-01", "artículo 2, párrafo primero", "5740111")]

    # C: artículo 1 the next day, artículo 5 on its own date
    doc = _sync(engine, mirror_url, "C")
    assert doc.at("1", "2024-11-20").text.endswith("organización y el funcionamiento de la Comisión "
                                                   "Federal de Pruebas.")
    assert doc.at("5", "2025-01-31").text.endswith("Ley de Infraestructura de la Calidad.")
    assert doc.at("5", "2025-02-01").text == ART_5_C
    assert _pending(doc, date(2024, 11, 20)) == [
        ("2025-01-01", "artículo 2, párrafo primero", "5740111"),
        ("2025-02-01", "artículo 5, párrafo primero", "5740119")]

    # D waits for a declaratoria: listed with no date and its reason; the text does not change
    doc = _sync(engine, mirror_url, "D")
    assert doc.at("3, fracción II", "2024-12-31").text == FRAC_II["original"]
    waiting = [p for p in doc.pending(PUBLISHED["D"]) if p.valid_from is None]
    assert [(p.citation, p.reason, p.notice.codigo if p.notice else "") for p in waiting] == [
        ("artículo 3, fracción II", "pendiente: la fecha depende de una declaratoria", "5740126")]
    last = doc.history("3, fracción II", on=PUBLISHED["D"])[-1]
    assert (last.valid_from, last.pending, last.to_json()["pending"]) == (None, True, True)
    assert "registro electrónico" in last.text

    # the declaratoria fixes 15 January 2025
    doc = _sync(engine, mirror_url, "declaratoria")
    assert doc.at("3, fracción II", "2025-01-14").text == FRAC_II["original"]
    assert doc.at("3, fracción II", "2025-01-15").text == FRAC_II["D"]
    assert doc.at("5", "2025-02-01").text == ART_5_C        # re-derived on top, still there
    assert doc.at("2", "2025-01-20").text == ART_2["A"]
    assert _pending(doc, PUBLISHED["declaratoria"]) == [
        ("2025-01-01", "artículo 2, párrafo primero", "5740111"),
        ("2025-01-15", "artículo 3, fracción II", "5740126"),
        ("2025-02-01", "artículo 5, párrafo primero", "5740119")]

    # the abrogation, from 1o. de marzo de 2025
    doc = _sync(engine, mirror_url, "abrogation")
    assert (doc.at("2", "2025-02-28").text, str(doc.at("2", "2025-02-28").status)) == (ART_2["A"], "vigente")
    assert str(doc.at("2", "2025-03-01").status) == "abrogado"
    assert str(doc.at("3, fracción II", "2025-03-01").status) == "abrogado"
    history = doc.history("2", on=date(2025, 3, 1))
    assert [(v.valid_from.isoformat() if v.valid_from else None, str(v.change), str(v.status))
            for v in history] == [("2024-11-05", "None", "vigente"), ("2024-11-13", "modified", "vigente"),
                                  ("2025-01-01", "modified", "vigente"),
                                  ("2025-03-01", "abrogated", "abrogado")]
    log = [(e.date.isoformat(), e.valid_from.isoformat(), str(e.type), e.citation) for e in doc.changes()]
    assert log == [
        ("2024-11-11", "2025-01-01", "modified", "artículo 2, párrafo primero"),
        ("2024-11-12", "2024-11-13", "modified", "artículo 2, párrafo primero"),
        ("2024-11-12", "2024-11-13", "modified", "artículo 4, párrafo primero"),
        ("2024-11-19", "2024-11-20", "modified", "artículo 1, párrafo primero"),
        ("2024-11-19", "2025-02-01", "modified", "artículo 5, párrafo primero"),
        ("2024-11-26", "2025-01-15", "modified", "artículo 3, fracción II"),
        ("2024-12-10", "2025-03-01", "abrogated", "todo el instrumento")]
    assert _pending(doc, date(2025, 3, 1)) == []

    # a second sync of every day changes nothing
    before = state_digest(engine)
    report = pipeline.sync(engine, list(PUBLISHED.values()), mirror_url)
    assert not report.failed and state_digest(engine) == before
