"""The pipeline of one DOF day, end to end through the real local mirror (SQLite and PostgreSQL).

The IMSS-BIENESTAR case: the Estatuto is imported as of 06/10/2023, the fixture editions of
13-17 May 2024 are synced over HTTP from ``scraper.mirror``, and the store must then hold the
Modificación of 15/05/2024 as the change list a lawyer writes by hand
(``fixtures/imss/expected_changes.json``), every change linked to that notice.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from test_pipeline_support import (
    AS_OF,
    BASE,
    FIRST,
    IMSS_CODIGO,
    LAST,
    ROOT,
    TITLE,
    fault_evidence,
    partial_editions,
    state_digest,
)
from test_store_support import BACKENDS, database_url

import pipeline
from errors import NotInForce
from gazette import Edition, NoticeKind
from parser import instruments
from scraper.mirror import FIXTURES, FaultPlan, serve_mirror
from store import RunStatus, Tracked, load_capture, open_engine, runs, same_instrument
from store import schema as s
from store.api import Store

EXPECTED = json.loads((ROOT / "fixtures" / "imss" / "expected_changes.json").read_text(encoding="utf-8"))
DAYS = pipeline.day_range(date.fromisoformat(FIRST), date.fromisoformat(LAST))
# What the two amendments of documents we do not track declare (fixture notes 5727203, 5727101)
UNTRACKED_REGLAMENTO = "Reglamento de la Ley de Infraestructura de la Calidad"
REGLAMENTO_INSTRUCTIONS = [("art_3__frac_iv", "reforma"), ("art_3__frac_ix", "reforma"),
                           ("art_15__par_1", "reforma"), ("art_28", "reforma"),
                           ("art_15__par_3", "adiciona"), ("art_28-bis", "adiciona"),
                           ("art_40__frac_vii", "deroga")]
UNTRACKED_MANUAL = "Manual de Organización General de la Secretaría de Salud"
MANUAL_INSTRUCTIONS = [("num_2", "reforma"), ("num_7", "reforma"), ("num_7-bis", "adiciona")]


@pytest.fixture(scope="module")
def mirror_url() -> Iterator[str]:
    with serve_mirror() as mirror:
        yield mirror.base_url


@pytest.fixture(name="engine", params=BACKENDS)
def engine_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    with contextlib.ExitStack() as stack:
        engine = open_engine(database_url(request.param, tmp_path, stack))
        yield engine
        engine.dispose()


def _import_base(engine: Engine, as_of: str = AS_OF) -> pipeline.ImportResult:
    return pipeline.import_document(engine, BASE.read_bytes(), str(BASE), TITLE, date.fromisoformat(as_of))


@pytest.fixture(name="synced")
def synced_fixture(engine: Engine, mirror_url: str) -> Engine:
    _import_base(engine)
    report = pipeline.sync(engine, DAYS, mirror_url)
    assert not report.failed, report.summary()
    return engine


# --- the IMSS-BIENESTAR case ---------------------------------------------------------------------
def test_the_modificacion_becomes_the_hand_written_change_list(synced: Engine) -> None:
    entries = Store(synced).document("IMSS-BIENESTAR").changes()
    got = [(e.label, str(e.type)) for e in entries]
    assert sorted(got) == sorted((c["label"], c["type"]) for c in EXPECTED["changes"])
    for entry in entries:
        assert entry.notice is not None and entry.notice.codigo == IMSS_CODIGO
        assert entry.notice.date == date(2024, 5, 15) and entry.notice.edition is Edition.MAT
        assert entry.notice.url == ("https://www.dof.gob.mx/nota_detalle.php?codigo=5727205"
                                    "&fecha=15/05/2024")  # the public link, not the mirror's
        assert entry.date == date(2024, 5, 15)
        assert entry.valid_from == date(2024, 5, 16)  # "entrará en vigor al día siguiente"
        assert entry.reconciled


def test_history_of_a_derogated_fraccion_shows_before_and_after(synced: Engine) -> None:
    before, after = Store(synced).document("IMSS-BIENESTAR").history("57, fracción IX")
    assert (before.valid_from, before.valid_to, str(before.status)) == (date(2023, 10, 6), date(2024, 5, 16),
                                                                         "vigente")
    assert "Elaborar el programa anual de comunicación social" in before.text and before.notice is None
    assert (after.valid_from, after.valid_to, str(after.status), str(after.change)) == (
        date(2024, 5, 16), None, "derogado", "derogated")
    assert after.notice is not None and after.notice.codigo == IMSS_CODIGO
    assert "Se deroga" in after.text


def test_at_gives_the_text_before_and_after_the_modificacion(synced: Engine) -> None:
    estatuto = Store(synced).document("imss bienestar")
    assert "Elaborar el programa anual" in estatuto.at("57, fracción IX", "2024-05-15").text
    assert "Se deroga" in estatuto.at("57, fracción IX", "2024-05-16").text
    new = estatuto.at("57 Bis", "2024-05-16")
    assert "Coordinación de Calidad e Información Estratégica" in new.text
    with pytest.raises(NotInForce, match="no estaba vigente"):
        estatuto.at("57 Bis", "2024-05-15")


def test_notices_are_classified_and_errata_are_not_reforms(synced: Engine) -> None:
    store = Store(synced)
    notices = {n.codigo: n for n in store.notices(since=FIRST)}
    assert len(notices) == 25  # 5 + 4 + 2 + 8 + 3 + 3 listed in the six fixture editions
    assert notices["5727402"].kind is NoticeKind.ERRATA and notices["5727301"].kind is NoticeKind.ERRATA
    assert notices[IMSS_CODIGO].kind is NoticeKind.AMENDS
    with synced.connect() as conn:
        linked = dict(conn.execute(select(s.notice.c.codigo, s.notice.c.document_id)).all())
        bodies = dict(conn.execute(select(s.notice.c.codigo, s.notice.c.sha256)).all())
    estatuto = store.document("IMSS-BIENESTAR").id
    assert linked[IMSS_CODIGO] == estatuto and linked["5727402"] == estatuto  # the aclaración
    # the new instruments are registered and linked, the NOM (made of numerales) too
    assert linked["5727214"] not in (None, estatuto) and linked["5727303"] not in (None, estatuto)
    nom = store.document("NOM")
    assert linked["5727102"] == nom.id and len(nom.history("numeral 4")) == 1
    assert nom.label("4") == "num_4" and store.document("IMSS-BIENESTAR").label("4") == "art_4"
    assert bodies[IMSS_CODIGO] is not None  # its body is archived and hashed
    assert {e.notice.codigo for e in store.changes() if e.notice} == {IMSS_CODIGO}


def test_rerunning_the_days_is_a_no_op(synced: Engine, mirror_url: str) -> None:
    before = state_digest(synced)
    report = pipeline.sync(synced, DAYS, mirror_url)
    assert {r.status for r in report.results} == {RunStatus.NOOP}
    assert state_digest(synced) == before
    assert partial_editions(synced) == []


def test_every_edition_attempt_has_a_run_record(synced: Engine) -> None:
    with synced.connect() as conn:
        records = runs(conn)
    assert len(records) == 15 and {r.status for r in records} == {RunStatus.OK}
    mat15 = next(r for r in records if r.day == date(2024, 5, 15) and r.edition is Edition.MAT)
    assert mat15.counts["changes"] == 14 and mat15.counts["amendments_applied"] == 1
    assert "duration_ms" in mat15.counts
    # the Reglamento decree's seven declared orders wait (untracked); the Lineamientos are registered
    assert mat15.counts["instructions_unapplied"] == 7 and mat15.counts["documents_registered"] == 1
    assert mat15.error is None
    mat14 = next(r for r in records if r.day == date(2024, 5, 14) and r.edition is Edition.MAT)
    assert mat14.error is None and mat14.counts["documents_registered"] == 1  # the NOM


# --- amendments to documents we do not track yet ----------------------------------------------
def test_amendments_to_an_untracked_document_wait_for_its_import(engine: Engine, mirror_url: str,
                                                                  tmp_path: Path) -> None:
    report = pipeline.sync(engine, DAYS, mirror_url)
    assert not report.failed
    with engine.connect() as conn:
        waiting = conn.execute(select(s.instruction.c.document_title, s.instruction.c.target,
                                      s.instruction.c.verb).where(s.instruction.c.applied.is_(False))).all()
    by_document: dict[str, list[tuple[str, str]]] = {}
    for title, target, verb in waiting:
        by_document.setdefault(title, []).append((target, verb))
    assert sorted(by_document[TITLE]) == sorted((i["target"], i["verb"]) for i in EXPECTED["instructions"])
    assert sorted(by_document) == sorted([TITLE, UNTRACKED_REGLAMENTO, UNTRACKED_MANUAL])
    assert sorted(by_document[UNTRACKED_REGLAMENTO]) == sorted(REGLAMENTO_INSTRUCTIONS)
    assert sorted(by_document[UNTRACKED_MANUAL]) == sorted(MANUAL_INSTRUCTIONS)
    result = _import_base(engine)
    assert (result.created, result.pending.applied, result.pending.changes) == (True, 1, 14)
    entries = Store(engine).document("IMSS-BIENESTAR").changes()
    assert sorted((e.label, str(e.type)) for e in entries) == sorted(
        (c["label"], c["type"]) for c in EXPECTED["changes"])
    assert {e.notice.codigo for e in entries if e.notice} == {IMSS_CODIGO}
    with engine.connect() as conn:
        still = conn.execute(select(s.instruction.c.document_title)
                             .where(s.instruction.c.applied.is_(False))).scalars().all()
    assert set(still) == {UNTRACKED_REGLAMENTO, UNTRACKED_MANUAL}  # only those we still do not track


def test_an_import_as_of_a_later_date_already_contains_the_amendment(engine: Engine, mirror_url: str) -> None:
    pipeline.sync(engine, DAYS, mirror_url)
    result = _import_base(engine, as_of="2024-06-01")
    assert (result.pending.applied, result.pending.reflected) == (0, 1)
    assert Store(engine).changes() == ()


# --- edition bookkeeping: no edition, lookback, failures -----------------------------------------
def test_a_missing_edition_is_looked_for_again_until_the_lookback_passes(engine: Engine,
                                                                          mirror_url: str) -> None:
    today = date(2024, 5, 17)
    first = pipeline.catch_up(engine, mirror_url, today=today, since=date(2024, 5, 13), lookback=2)
    assert not first.failed and len(first.results) == 15
    with engine.connect() as conn:
        pending = pipeline.pending_editions(conn, date(2024, 5, 13), today)
    # 15-17 May are inside the two-day lookback: their missing VES/EXT stay open (late editions)
    assert pending == [(date(2024, 5, d), e) for d in (15, 16, 17) for e in (Edition.VES, Edition.EXT)]
    second = pipeline.catch_up(engine, mirror_url, today=date(2024, 5, 20), lookback=2)
    assert [(r.day, r.edition) for r in second.results][:6] == pending
    assert (date(2024, 5, 20), Edition.MAT) in [(r.day, r.edition) for r in second.results]
    monday = next(r for r in second.results if r.day == date(2024, 5, 20) and r.edition is Edition.MAT)
    assert not monday.warnings  # today's matutina may simply not be out yet
    missing_weekday = pipeline.catch_up(engine, mirror_url, today=date(2024, 5, 21), lookback=2)
    monday = next(r for r in missing_weekday.results if r.day == date(2024, 5, 20)
                  and r.edition is Edition.MAT)
    assert any("día entre semana" in w for w in monday.warnings)  # a weekday without matutina is suspicious


def test_a_failed_edition_is_recorded_and_retried_never_skipped(engine: Engine, tmp_path: Path) -> None:
    with serve_mirror(plan=FaultPlan(seed=1, rates={"http_503": 1.0}, retry_after=0)) as broken:
        report = pipeline.sync(engine, DAYS, broken.base_url)
    assert [r.status for r in report.results] == [RunStatus.FAILED]  # stops at the first failure
    assert "503" in (report.results[0].error or "")
    with engine.connect() as conn:
        assert conn.execute(select(s.checkpoint)).first() is None
        assert conn.execute(select(s.notice)).first() is None
        assert [r.status for r in runs(conn)] == [RunStatus.FAILED]
        archived = conn.execute(select(s.capture.c.url, s.capture.c.status, s.capture.c.complete)).all()
    # what the site answered before the edition failed is archived all the same (robots.txt here:
    # its 503 makes every later request impossible), one row per distinct answer
    assert archived and {(url.rsplit("/", 1)[1], status, complete) for url, status, complete in archived} == {
        ("robots.txt", 503, True)}
    with serve_mirror() as healthy:
        retry = pipeline.sync(engine, DAYS, healthy.base_url)
    assert not retry.failed and len(retry.results) == 15


def test_the_captures_of_an_edition_that_rolls_back_stay_archived(tmp_path: Path, mirror_url: str) -> None:
    """Fetched whole, then refused by the database mid-ingest: the edition's data rolls
    back, its captures (committed before, in their own transaction) stay, and the rerun links
    its notices to them without writing a second copy."""
    engine = open_engine(f"sqlite:///{tmp_path / 'store.sqlite'}")
    day = date(2024, 5, 15)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE TRIGGER refuse_notice BEFORE INSERT ON notice WHEN NEW.codigo = "
                                 f"'{IMSS_CODIGO}' BEGIN SELECT RAISE(ABORT, 'disk is full'); END")
        failed = pipeline.sync(engine, [day], mirror_url).results[0]
        assert failed.status is RunStatus.FAILED and "disk is full" in (failed.error or "")
        with engine.connect() as conn:
            assert conn.execute(select(s.notice)).first() is None
            archived = conn.execute(select(s.capture.c.id, s.capture.c.url)).all()
        urls = {url for _, url in archived}
        assert any("index_111.php" in url and "edicion=MAT" in url for url in urls)
        assert any(url.endswith(f"/notas/docFuente/{IMSS_CODIGO}") for url in urls)
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER refuse_notice")
        assert [r.status for r in pipeline.sync(engine, [day], mirror_url).results][0] is RunStatus.OK
        with engine.connect() as conn:
            again = conn.execute(select(s.capture.c.id, s.capture.c.url)).all()
            linked = conn.execute(select(s.notice.c.capture_id)
                                  .where(s.notice.c.codigo == IMSS_CODIGO)).scalar()
        assert set(archived) <= set(again) and len(again) == len({url for _, url in again})
        assert linked in {capture_id for capture_id, _ in archived}
    finally:
        engine.dispose()


def test_a_run_through_cut_bodies_reaches_the_clean_state_and_keeps_the_cuts(engine: Engine, mirror_url: str,
                                                                           tmp_path: Path) -> None:
    clean = open_engine(f"sqlite:///{tmp_path / 'clean.sqlite'}")
    try:
        _import_base(clean)
        assert not pipeline.sync(clean, DAYS, mirror_url).failed
        expected = state_digest(clean, mirror_url)
    finally:
        clean.dispose()
    _import_base(engine)
    plan = FaultPlan(seed=7, rates={"cut_with_length": 0.12, "cut_without_length": 0.12, "http_500": 0.06},
                     retry_after=0)
    with serve_mirror(plan=plan) as faulty:
        report = pipeline.sync(engine, DAYS, faulty.base_url)
        served, faulty_url = faulty.counters.faults, faulty.base_url
    assert not report.failed, report.summary()
    evidence = fault_evidence(engine)
    cut = served["cut_with_length"] + served["cut_without_length"]
    assert cut > 0 and evidence["cut"] > 0 and evidence["non_2xx"] > 0
    assert evidence["cut"] <= cut and evidence["non_2xx"] <= served["http_500"]
    assert sum(r.counts.get("captures_incomplete", 0) for r in report.results) == cut
    assert state_digest(engine, faulty_url) == expected  # cuts kept, yet the data is the clean run's


def test_a_page_that_parses_to_nothing_fails_loudly_and_writes_nothing(engine: Engine,
                                                                       tmp_path: Path) -> None:
    tree = tmp_path / "dof"
    shutil.copytree(FIXTURES, tree)
    page = tree / "www" / "index" / "2024-05-15_MAT.html"
    page.write_bytes(page.read_bytes().replace(b"nota_detalle.php?codigo=", b"nota_otra.php?codigo="))
    with serve_mirror(tree) as changed_layout:
        report = pipeline.sync(engine, [date(2024, 5, 15)], changed_layout.base_url)
    assert report.results[0].status is RunStatus.FAILED
    assert "cambió el formato" in (report.results[0].error or "")
    with engine.connect() as conn:
        assert conn.execute(select(s.checkpoint)).first() is None  # never "no publication"
        assert conn.execute(select(s.notice)).first() is None
        kept = conn.execute(select(s.capture.c.id, s.capture.c.complete)
                            .where(s.capture.c.url.like("%index_111.php%"))).all()
        evidence = load_capture(conn, kept[0].id) if kept else None
    # the page that failed is evidence: archived as fetched, flagged as failing its check
    assert [row.complete for row in kept] == [False]
    assert evidence is not None and evidence.body == page.read_bytes()


# --- which document a notice names (the matcher itself: tests/test_instruments.py) ------------
def test_the_store_matches_with_the_parsers_matcher() -> None:
    assert same_instrument is instruments.same_instrument
    tracked = Tracked({1: TITLE, 2: "Reglamento de la Ley General de Salud en Materia de Publicidad"})
    assert tracked.match("Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR") == 1
    assert tracked.match("Ley General de Salud") is None  # never the Reglamento of that Ley


def test_a_name_that_fits_two_documents_matches_neither() -> None:
    tracked = Tracked({1: "Ley Federal del Trabajo", 2: "Ley Federal del Trabajo (LFT)",
                       3: "Ley Agraria (LA)", 4: "Ley Agraria (LAG)"})
    assert tracked.match("Ley Federal del Trabajo") == 1  # the exact name decides
    assert tracked.match("Ley Federal del Trabajo (LFT)") == 2
    assert tracked.match("Ley Agraria") is None  # two candidates, neither exact: no guess
    assert tracked.match("Ley Agraria (LAG)") == 4


def test_the_dof_date_is_the_mexico_city_date() -> None:
    from datetime import UTC, datetime

    # 01:00 UTC on 10 March 2026 is still 9 March in Mexico City (UTC-6 since 2023)
    assert pipeline.mexico_today(datetime(2026, 3, 10, 1, 0, tzinfo=UTC)) == date(2026, 3, 9)
    assert pipeline.mexico_today(datetime(2026, 3, 10, 6, 0, tzinfo=UTC)) == date(2026, 3, 10)
    # 2022 still had daylight saving time (UTC-5): 04:30 UTC on 1 July 2022 was 23:30 on 30 June
    assert pipeline.mexico_today(datetime(2022, 7, 1, 4, 30, tzinfo=UTC)) == date(2022, 6, 30)
    assert pipeline.mexico_today(datetime(2022, 7, 1, 5, 30, tzinfo=UTC)) == date(2022, 7, 1)


# --- the SIDOF cross-check: warnings in the run record, never a failed edition --------------------
def _ok_warnings(result: pipeline.EditionResult) -> tuple[str, ...]:
    assert result.status is RunStatus.OK, result.error
    return result.warnings


def test_sidof_listing_an_edition_the_index_lacks_is_a_warning(engine: Engine) -> None:
    saturday = date(2024, 5, 18)  # no edition on the index; SIDOF lists an extraordinaria
    with serve_mirror() as mirror:
        report = pipeline.sync(engine, [saturday], mirror.base_url, today=date(2024, 6, 1))
        sidof_requests = mirror.counters.kinds["sidof"]
    mat, ves, ext = report.results
    assert _ok_warnings(mat) == _ok_warnings(ves) == ()
    assert _ok_warnings(ext) == ("SIDOF lista 1 nota de una edición que, según el índice, no se publicó "
                                 "que el índice no tiene: 5727450",)
    assert ext.counts["sidof_only"] == 1 and ext.counts["published"] == 0
    assert sidof_requests == 1  # once per day, for all three editions
    with engine.connect() as conn:
        records = {r.edition: r for r in runs(conn)}
        assert conn.execute(select(s.notice)).first() is None  # SIDOF is never the authority
        checkpoint = conn.execute(select(s.checkpoint.c.counts)
                                  .where(s.checkpoint.c.edition == "EXT")).scalar()
    assert "5727450" in (records[Edition.EXT].error or "") and records[Edition.EXT].counts["sidof_only"] == 1
    assert checkpoint == {"published": 0}  # what SIDOF said is not the edition's data


def test_sidof_listing_a_note_the_published_index_lacks_is_a_warning(engine: Engine, tmp_path: Path) -> None:
    tree = tmp_path / "dof"
    shutil.copytree(FIXTURES, tree)
    index = json.loads((tree / "www" / "index" / "2024-05-13_MAT.expected.json").read_text(encoding="utf-8"))
    listed = [{"codNota": int(n["codigo"]), "titulo": n["title"], "codEdicion": "MAT", "codOrgaUno": "PE"}
              for n in index["notices"]]
    listed.append({"codNota": 5727019, "titulo": "AVISO de término de la emergencia sanitaria.",
                   "codEdicion": "MAT", "codOrgaUno": "PE"})
    (tree / "sidof" / "notas" / "13-05-2024.json").write_text(json.dumps(
        {"messageCode": 200, "response": "OK", "NotasMatutinas": listed, "NotasVespertinas": [],
         "NotasExtraordinarias": []}), encoding="utf-8")
    with serve_mirror(tree) as mirror:
        mat = pipeline.sync(engine, [date(2024, 5, 13)], mirror.base_url).results[0]
    assert _ok_warnings(mat) == ("SIDOF lista 1 nota de esta edición que el índice no tiene: 5727019",)
    assert mat.counts["notices"] == len(index["notices"]) == 5 and mat.counts["sidof_only"] == 1


def test_sidof_failing_or_losing_a_day_never_fails_the_edition(engine: Engine, tmp_path: Path) -> None:
    tree = tmp_path / "dof"
    shutil.copytree(FIXTURES, tree)
    (tree / "sidof" / "notas" / "15-05-2024.json").write_text('{"messageCode":500,"response":"ERROR"}')
    _import_base(engine)
    with serve_mirror(tree) as mirror:
        report = pipeline.sync(engine, [date(2024, 5, 13), date(2024, 5, 15)], mirror.base_url)
    lost, broken = report.results[0], report.results[3]
    assert (lost.day, broken.day, broken.edition) == (date(2024, 5, 13), date(2024, 5, 15), Edition.MAT)
    assert not any("SIDOF" in w for w in _ok_warnings(lost))  # empty lists: a day SIDOF lost
    assert lost.counts["sidof_unchecked"] == 1
    assert [w for w in _ok_warnings(broken) if "SIDOF" in w] == [
        "no se pudo cotejar con SIDOF: la lista de notas de SIDOF del 2024-05-15 respondió "
        "«{'messageCode': 500, 'response': 'ERROR'}»"]
    assert broken.counts["changes"] == 14 and broken.counts["sidof_unchecked"] == 1
