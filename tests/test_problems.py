"""Nothing waits silently: an edition whose notice could not be read or applied needs attention.

Through the real local mirror, on a copy of the fixture tree whose 15/05/2024 Modificación
(5727205) has lost its operative verb ("Se COMENTAN los artículos …"): the edition is stored,
the notice kept with its body, and the edition is NEEDS_ATTENTION with the reason, listed by
``Store.problems()`` and ``info``, retried on every run (quietly while it fails the same way)
and cleared by the retry that succeeds. SQLite and PostgreSQL.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from test_pipeline_support import AS_OF, BASE, IMSS_CODIGO, TITLE, state_tables
from test_store_support import db_url_fixture, engine_fixture  # noqa: F401  (fixtures: SQLite, PostgreSQL)

import pipeline
from gazette import Edition
from report import info_text
from scraper.mirror import FIXTURES, FaultPlan, serve_mirror
from store import RunStatus, open_engine, runs, store_status
from store import schema as s
from store.api import Store

DAY = date(2024, 5, 15)
BODY = Path("sidof") / "docFuente" / f"{IMSS_CODIGO}.html"


@pytest.fixture(name="broken_tree")
def broken_tree_fixture(tmp_path: Path) -> Path:
    """The fixture tree with the Modificación's operative clause unreadable."""
    tree = tmp_path / "dof"
    shutil.copytree(FIXTURES, tree)
    raw = (tree / BODY).read_bytes()
    broken = raw.replace("Se REFORMAN los artículos".encode(), "Se COMENTAN los artículos".encode())
    assert broken != raw
    (tree / BODY).write_bytes(broken)
    return tree


def _sync(engine: Engine, tree: Path) -> pipeline.SyncReport:
    with serve_mirror(tree) as mirror:
        return pipeline.sync(engine, [DAY], mirror.base_url, today=DAY + timedelta(days=30))


def _import_base(engine: Engine) -> None:
    pipeline.import_document(engine, BASE.read_bytes(), str(BASE), TITLE, date.fromisoformat(AS_OF))


def _instructions(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(s.instruction)).scalar_one())


def test_an_edition_whose_amendment_cannot_be_read_needs_attention(engine: Engine, broken_tree: Path) -> None:
    _import_base(engine)
    report = _sync(engine, broken_tree)
    mat = report.results[0]
    assert (mat.edition, mat.status) == (Edition.MAT, RunStatus.NEEDS_ATTENTION)
    assert len(mat.reasons) == 1 and mat.reasons[0].startswith(
        f"{IMSS_CODIGO} (reforma): no se encontró la cláusula que ordena los cambios")
    assert "NEEDS ATTENTION" in mat.line() and not report.failed
    summary = report.summary().splitlines()
    assert ": 2 ingested, 0 already done, 1 need attention, 0 failed; 0 changes" in summary[0]
    assert f"NEEDS ATTENTION {DAY} MAT: {IMSS_CODIGO} (reforma): no se encontró la cláusula" in summary[1]
    assert [r.status for r in report.results[1:]] == [RunStatus.OK, RunStatus.OK]  # VES, EXT go on
    problems = Store(engine).problems()
    assert [(p.day, p.edition, p.status, p.reasons, p.codigos) for p in problems] == [
        (DAY, Edition.MAT, RunStatus.NEEDS_ATTENTION, mat.reasons, (IMSS_CODIGO,))]
    assert problems[0].first_seen == problems[0].last_tried
    assert problems[0].to_json()["status"] == "needs_attention"
    with engine.connect() as conn:
        status = store_status(conn)
        stored = conn.execute(select(s.notice.c.capture_id).where(s.notice.c.codigo == IMSS_CODIGO)).scalar()
        record = [r for r in runs(conn) if r.edition is Edition.MAT][-1]
    assert stored is not None  # the notice and its body are kept
    assert record.status is RunStatus.NEEDS_ATTENTION and IMSS_CODIGO in (record.error or "")
    assert "necesita atención (se reintenta en cada corrida): edición matutina del 15 de mayo de 2024: " \
        f"{IMSS_CODIGO}" in info_text(status)


def test_a_retry_that_fails_the_same_way_is_quiet_and_keeps_nothing_twice(engine: Engine,
                                                                          broken_tree: Path) -> None:
    _import_base(engine)
    first = _sync(engine, broken_tree)
    assert any(IMSS_CODIGO in w for w in first.warnings)  # told once
    kept = _instructions(engine)
    before = Store(engine).problems()[0]
    again = _sync(engine, broken_tree)
    mat = again.results[0]
    assert mat.status is RunStatus.NEEDS_ATTENTION and mat.counts["notices_retried"] == 1
    assert not any(IMSS_CODIGO in w for w in again.warnings)  # not told again: no new reason
    assert [r.status for r in again.results[1:]] == [RunStatus.NOOP, RunStatus.NOOP]
    assert _instructions(engine) == kept
    after = Store(engine).problems()[0]
    assert after.first_seen == before.first_seen and after.last_tried > before.last_tried
    assert after.reasons == before.reasons


def test_the_retry_that_succeeds_clears_it_and_stores_what_a_clean_run_stores(
        engine: Engine, broken_tree: Path, tmp_path: Path) -> None:
    _import_base(engine)
    _sync(engine, broken_tree)
    retry = _sync(engine, FIXTURES)
    mat = retry.results[0]
    assert mat.status is RunStatus.OK and mat.counts["changes"] == 14 and mat.counts["notices_retried"] == 1
    assert Store(engine).problems() == ()
    clean = open_engine(f"sqlite:///{tmp_path / 'clean.sqlite'}")
    try:
        _import_base(clean)
        _sync(clean, FIXTURES)
        tables = ("notice", "provision_version", "change", "instruction", "discrepancy", "document_version")
        retried, expected = state_tables(engine), state_tables(clean)
        assert {t: retried[t] for t in tables} == {t: expected[t] for t in tables}
    finally:
        clean.dispose()
    # the next run has nothing left to retry
    assert {r.status for r in _sync(engine, FIXTURES).results} == {RunStatus.NOOP}


def test_editions_that_need_attention_are_caught_up_whatever_their_day(engine: Engine,
                                                                      broken_tree: Path) -> None:
    _import_base(engine)
    _sync(engine, broken_tree)
    later = DAY + timedelta(days=20)
    with engine.connect() as conn:
        targets = pipeline.pending_editions(conn, later, later)
    assert targets == [(DAY, Edition.MAT), (later, Edition.MAT), (later, Edition.VES), (later, Edition.EXT)]


def test_a_failed_edition_is_a_problem_until_a_run_stores_it(engine: Engine) -> None:
    with serve_mirror(plan=FaultPlan(seed=1, rates={"http_503": 1.0}, retry_after=0)) as broken:
        pipeline.sync(engine, [DAY], broken.base_url, today=DAY + timedelta(days=30))
    [problem] = Store(engine).problems()
    assert (problem.day, problem.edition, problem.status) == (DAY, Edition.MAT, RunStatus.FAILED)
    assert "503" in problem.reasons[0] and problem.codigos == ()
    _sync(engine, FIXTURES)
    assert Store(engine).problems() == ()
