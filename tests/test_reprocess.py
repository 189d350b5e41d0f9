"""Reprocess: the archived captures through a reader again, no network (SQLite and PostgreSQL).

The fixture days 13-17 May 2024 are synced through the local mirror (the IMSS-BIENESTAR
Modificación 5727205 applied: 14 changes). The mirror is then gone: everything below reads the
archive only. A deliberate parser change is a reader injected as a parameter: ``abastos`` is a
reader that misreads one word of the body ("Coordinación de Abasto;" as "… de Abastos;").
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from test_pipeline_support import AS_OF, BASE, FIRST, IMSS_CODIGO, LAST, TITLE, state_tables
from test_store_support import db_url_fixture, engine_fixture  # noqa: F401  (fixtures: SQLite, PostgreSQL)

import pipeline
import scheduler
from errors import InputError, NotFound
from gazette import Capture, Edition
from parser import Amendment, parse_amendment, read_amendment_text
from scraper.mirror import FIXTURES, serve_mirror
from store import RunStatus
from store.api import Store

DAYS = pipeline.day_range(date.fromisoformat(FIRST), date.fromisoformat(LAST))
DAY = date(2024, 5, 15)
# what reprocessing must leave alone: the data, not the bookkeeping of runs
DATA = ("notice", "document", "document_version", "provision_version", "change", "instruction", "discrepancy",
        "checkpoint", "meta")


def _reading(old: str, new: str) -> pipeline.Reader:
    """The current reader, except that it reads ``old`` in a body as ``new``."""
    def amendment(body: Capture) -> Amendment:
        return parse_amendment(read_amendment_text(body.body, body.url).replace(old, new))
    return pipeline.Reader(amendment=amendment)


ABASTOS = _reading("Coordinación de Abasto;", "Coordinación de Abastos;")


def _import_base(engine: Engine) -> None:
    pipeline.import_document(engine, BASE.read_bytes(), str(BASE), TITLE, date.fromisoformat(AS_OF))


def _sync(engine: Engine, tree: Path = FIXTURES) -> None:
    with serve_mirror(tree) as mirror:
        report = pipeline.sync(engine, DAYS, mirror.base_url, today=DAY + timedelta(days=30))
    assert not report.failed, report.summary()


@pytest.fixture(name="synced")
def synced_fixture(engine: Engine) -> Engine:
    _import_base(engine)
    _sync(engine)
    return engine


def _fraccion_v(engine: Engine) -> str:
    return Store(engine).document("imss-bienestar").at("4, fracción V", "2024-06-01").text


def test_the_current_reader_finds_nothing_to_change(synced: Engine) -> None:
    before = state_tables(synced)
    report = pipeline.reprocess(synced, since=DAY - timedelta(days=2), until=DAY + timedelta(days=2))
    assert report.deltas == () and report.editions == 6 and report.notices > 10
    assert report.read == 3  # the amending notes: the Modificación, the Reglamento decree, the Manual acuerdo
    assert report.summary().endswith("nada cambió.\n")
    assert {t: state_tables(synced)[t] for t in DATA} == {t: before[t] for t in DATA}


def test_a_parser_change_shows_exactly_its_difference_and_a_second_run_changes_nothing(
        synced: Engine) -> None:
    original = state_tables(synced)
    report = pipeline.reprocess(synced, notice=IMSS_CODIGO, reader=ABASTOS)
    assert report.notices == 1 and [d.to_json() for d in report.deltas] == [{
        "codigo": IMSS_CODIGO, "date": "2024-05-15", "edition": "MAT", "document": TITLE,
        "added": [], "removed": [], "different": ["art_4__frac_v"], "instructions": False,
        "discrepancies": False, "rewritten": True, "note": ""}]
    assert "1 cambios distintos: art_4__frac_v; reescrito" in report.summary()
    assert _fraccion_v(synced) == "V. Coordinación de Abastos;"
    changes = Store(synced).changes(document="imss-bienestar")
    assert len(changes) == 14
    assert all(c.notice is not None and c.notice.codigo == IMSS_CODIGO for c in changes)
    # the second run with the same reader: nothing more to do, nothing written
    after = state_tables(synced)
    again = pipeline.reprocess(synced, since=DAY, until=DAY, reader=ABASTOS)
    assert again.deltas == () and again.summary().endswith("nada cambió.\n")
    assert {t: state_tables(synced)[t] for t in DATA} == {t: after[t] for t in DATA}
    # the current reader again: the same one label back, and the store exactly as synced
    back = pipeline.reprocess(synced, since=DAY, until=DAY)
    assert [(d.different, d.rewritten) for d in back.deltas] == [(("art_4__frac_v",), True)]
    assert _fraccion_v(synced) == "V. Coordinación de Abasto;"
    assert {t: state_tables(synced)[t] for t in DATA} == {t: original[t] for t in DATA}


def test_the_json_report_and_its_figures(synced: Engine) -> None:
    report = pipeline.reprocess(synced, since=DAY, until=DAY, reader=ABASTOS)
    data = report.to_json()
    assert set(data) == {"editions", "notices", "read", "seconds", "deltas"}
    assert data["editions"] == 1 and data["notices"] == report.notices and data["seconds"] >= 0
    assert [d["different"] for d in data["deltas"]] == [["art_4__frac_v"]]


def test_a_notice_that_could_not_be_read_is_applied_once_the_reader_can(engine: Engine,
                                                                        tmp_path: Path) -> None:
    tree = tmp_path / "dof"
    shutil.copytree(FIXTURES, tree)
    body = tree / "sidof" / "docFuente" / f"{IMSS_CODIGO}.html"
    body.write_bytes(body.read_bytes().replace(b"Se REFORMAN los", b"Se COMENTAN los"))
    _import_base(engine)
    _sync(engine, tree)
    [problem] = Store(engine).problems()
    assert (problem.day, problem.edition, problem.status) == (DAY, Edition.MAT, RunStatus.NEEDS_ATTENTION)
    # the current reader still cannot read the archived body: nothing changes, the problem stays
    assert pipeline.reprocess(engine, notice=IMSS_CODIGO).deltas == ()
    [tried] = Store(engine).problems()
    assert tried.reasons == problem.reasons and tried.last_tried > problem.last_tried
    fixed = _reading("Se COMENTAN los", "Se REFORMAN los")  # a reader that understands the body
    report = pipeline.reprocess(engine, notice=IMSS_CODIGO, reader=fixed)
    [delta] = report.deltas
    assert delta.rewritten and len(delta.added) == 14 and "art_57__frac_ix" in delta.added
    assert delta.note == "aplicado ahora: antes no se había podido aplicar"
    assert Store(engine).problems() == ()
    assert _fraccion_v(engine) == "V. Coordinación de Abasto;"
    assert pipeline.reprocess(engine, notice=IMSS_CODIGO, reader=fixed).deltas == ()


def test_a_notice_with_later_revisions_is_reported_not_rewritten(synced: Engine) -> None:
    # a later text of the same document (an import) was built on what 5727205 made
    pipeline.import_document(synced, BASE.read_bytes(), str(BASE), TITLE, date(2024, 6, 1))
    before = state_tables(synced)
    [delta] = pipeline.reprocess(synced, notice=IMSS_CODIGO, reader=ABASTOS).deltas
    assert delta.different == ("art_4__frac_v",) and not delta.rewritten
    assert "revisiones posteriores" in delta.note
    assert {t: state_tables(synced)[t] for t in DATA} == {t: before[t] for t in DATA}


def test_bad_requests_are_refused(synced: Engine) -> None:
    with pytest.raises(NotFound, match="no hay ningún aviso guardado"):
        pipeline.reprocess(synced, notice="9999999")
    with pytest.raises(InputError, match="es posterior a"):
        pipeline.reprocess(synced, since=DAY, until=DAY - timedelta(days=1))


def test_the_reprocess_command(synced: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    url = synced.url.render_as_string(hide_password=False)
    assert scheduler.main(["--db", url, "reprocess", "--date", "2024-05-15", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["editions"] == 1 and data["deltas"] == []
    assert scheduler.main(["--db", url, "reprocess", "--since", "2024-05-13", "--until", "2024-05-17"]) == 0
    assert "nada cambió" in capsys.readouterr().out
    assert scheduler.main(["--db", url, "reprocess", "--notice", IMSS_CODIGO, "--date", "2024-05-15"]) != 0
    assert "solo una de --date" in capsys.readouterr().err


def test_an_amendment_an_imported_text_already_contains_is_left_alone(engine: Engine) -> None:
    _sync(engine)  # the Estatuto is not tracked yet: the Modificación's instructions wait
    pipeline.import_document(engine, BASE.read_bytes(), str(BASE), TITLE, date(2024, 6, 1))  # contains it
    before = state_tables(engine)
    report = pipeline.reprocess(engine, since=DAY, until=DAY, reader=ABASTOS)
    assert report.read == 2 and report.deltas == ()  # the Modificación and the waiting Reglamento decree
    assert Store(engine).changes() == ()
    assert {t: state_tables(engine)[t] for t in DATA} == {t: before[t] for t in DATA}
