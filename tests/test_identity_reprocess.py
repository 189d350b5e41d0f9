"""A reviewed change or discrepancy through ``reprocess`` (SQLite and PostgreSQL): read again into
the same change, it keeps its id and its review; read again into nothing, its review is shown as
that of something that no longer exists (``store.orphans``), never dropped nor moved to another
change; read again into it once more, it comes back under its old id with its trail.

The store is ``test_reprocess``'s: the IMSS-BIENESTAR Modificación 5727205 synced from the
fixture mirror. Readers differ from the current one by replacing words of the body's text.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select
from test_pipeline_support import IMSS_CODIGO
from test_reprocess import ABASTOS, synced_fixture  # noqa: F401  (fixture)
from test_store_support import db_url_fixture, engine_fixture  # noqa: F401  (fixtures)
from test_web_support import PASSWORD, log_in

import pipeline
from gazette import Capture
from parser import Amendment, parse_amendment, read_amendment_text
from store import schema, transaction
from store.orphans import orphans
from store.review import ReviewState, Subject, set_review, trail
from store.users import User, add_user, issue_token
from web.app import create_app

DECLARED_VII = ("la fracción VII al artículo 4; ", "")          # "se ADICIONAN la fracción VII al artículo 4"
TEXT_VII = ("\n\nVII. Coordinación de Calidad e Información Estratégica.", "")
ABASTO = ("Coordinación de Abasto;", "Coordinación de Abastos;")


def _reader(*replacements: tuple[str, str]) -> pipeline.Reader:
    """The current reader, except that each (old, new) of ``replacements`` is replaced in the text."""
    def amendment(body: Capture) -> Amendment:
        text = read_amendment_text(body.body, body.url)
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new)
        return parse_amendment(text)
    return pipeline.Reader(amendment=amendment)


Labels = tuple[str, ...]


def _reprocess(engine: Engine, reader: pipeline.Reader) -> list[tuple[Labels, Labels, Labels, bool]]:
    """What reading the Modificación again with ``reader`` did: (added, removed, different, rewritten)."""
    report = pipeline.reprocess(engine, notice=IMSS_CODIGO, reader=reader)
    return [(d.added, d.removed, d.different, d.rewritten) for d in report.deltas]


def _ids(engine: Engine, table: Any) -> dict[str, int]:
    with engine.connect() as conn:
        return {r.label: r.id for r in conn.execute(select(table.c.label, table.c.id))}


def _trail(engine: Engine, subject: Subject, subject_id: int) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        return [(str(e.state), e.note) for e in trail(conn, subject, subject_id)]


def _reviewer(engine: Engine) -> tuple[User, str]:
    with transaction(engine) as conn:
        return add_user(conn, "ana", "reviewer", PASSWORD), issue_token(conn, "ana")


def _json(engine: Engine, token: str, path: str) -> Any:
    client = create_app(engine.url.render_as_string(hide_password=False), testing=True).test_client()
    answer = client.get(path, headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer.get_json()


def test_a_reviewed_change_through_reprocess(synced: Engine) -> None:
    ana, token = _reviewer(synced)
    before = _ids(synced, schema.change)
    fraccion_v, fraccion_vii = before["art_4__frac_v"], before["art_4__frac_vii"]
    with transaction(synced) as conn:
        set_review(conn, Subject.CHANGE, fraccion_v, ReviewState.REVISADA, ana, "Abasto, correcto")
        set_review(conn, Subject.CHANGE, fraccion_vii, ReviewState.REQUIERE_ATENCION, ana, "¿y esta?")

    # another reading of fracción V's text: the revision is made again, every change keeps its id;
    # fracción V's reviewed words changed, so the tracker asks for another look (test_reread)
    assert _reprocess(synced, ABASTOS) == [((), (), ("art_4__frac_v",), True)]
    assert _ids(synced, schema.change) == before
    assert _trail(synced, Subject.CHANGE, fraccion_v)[0] == ("revisada", "Abasto, correcto")
    assert [state for state, _ in _trail(synced, Subject.CHANGE, fraccion_v)] == \
        ["revisada", "requiere_atencion"]

    # a reading that no longer makes fracción VII: its review stays, shown as of a change gone
    assert _reprocess(synced, _reader(DECLARED_VII, TEXT_VII)) == [
        ((), ("art_4__frac_vii",), ("art_4__frac_v",), True)]   # fracción V read as it was, too
    assert "art_4__frac_vii" not in _ids(synced, schema.change)
    assert _trail(synced, Subject.CHANGE, fraccion_vii) == [("requiere_atencion", "¿y esta?")]
    with synced.connect() as conn:
        [orphan] = orphans(conn)
    assert (orphan.subject, orphan.subject_id, orphan.label, orphan.kind, str(orphan.latest.state)) == \
        (Subject.CHANGE, fraccion_vii, "art_4__frac_vii", "added", "requiere_atencion")
    assert orphan.notice is not None and orphan.notice.codigo == IMSS_CODIGO
    page = _json(synced, token, f"/changes/{fraccion_vii}")
    assert (page["exists"], page["label"], page["type"], page["notice"]["codigo"], page["review_state"]) == \
        (False, "art_4__frac_vii", "added", IMSS_CODIGO, "requiere_atencion")
    assert [(e["state"], e["note"]) for e in page["trail"]] == [("requiere_atencion", "¿y esta?")]
    queue = _json(synced, token, "/review")
    assert [(o["subject"], o["subject_id"], o["label"], o["review_state"]) for o in queue["orphaned"]] == \
        [("change", fraccion_vii, "art_4__frac_vii", "requiere_atencion")]
    assert _json(synced, token, f"/changes/{fraccion_v}")["review_state"] == "requiere_atencion"
    browser = create_app(synced.url.render_as_string(hide_password=False), testing=True).test_client()
    log_in(browser, "ana")
    shown = browser.get(f"/changes/{fraccion_vii}").get_data(as_text=True)
    assert "Este cambio ya no existe" in shown and "¿y esta?" in shown and "artículo 4, fracción VII" in shown
    queue_page = browser.get("/review").get_data(as_text=True)
    assert "Revisados que ya no existen (1)" in queue_page
    assert "ya no existe; último estado: Requiere atención" in queue_page

    # the current reader again: fracción VII is made again, under its old id, with its trail
    assert _reprocess(synced, pipeline.CURRENT_READER) == [(("art_4__frac_vii",), (), (), True)]
    assert _ids(synced, schema.change) == before
    assert _json(synced, token, f"/changes/{fraccion_vii}")["exists"] is True
    with synced.connect() as conn:
        assert orphans(conn) == ()


def test_a_reviewed_discrepancy_through_reprocess(synced: Engine) -> None:
    ana, token = _reviewer(synced)
    undeclared = _reader(DECLARED_VII)   # fracción VII added by the text, no longer declared
    _reprocess(synced, undeclared)
    [(label, discrepancy)] = _ids(synced, schema.discrepancy).items()
    assert label == "art_4__frac_vii"
    with transaction(synced) as conn:
        set_review(conn, Subject.DISCREPANCY, discrepancy, ReviewState.REVISADA, ana, "la adición es real")

    # the notice's records are written again (fracción V read otherwise): the same discrepancy
    assert _reprocess(synced, _reader(DECLARED_VII, ABASTO)) == [((), (), ("art_4__frac_v",), True)]
    assert _ids(synced, schema.discrepancy) == {"art_4__frac_vii": discrepancy}
    assert _trail(synced, Subject.DISCREPANCY, discrepancy) == [("revisada", "la adición es real")]

    # the current reader finds no such discrepancy: its review is kept, shown as gone
    _reprocess(synced, pipeline.CURRENT_READER)
    assert _ids(synced, schema.discrepancy) == {}
    queue = _json(synced, token, "/review?state=revisada")
    assert [(o["subject"], o["subject_id"], o["label"], o["kind"], o["latest"]["note"])
            for o in queue["orphaned"]] == \
        [("discrepancy", discrepancy, "art_4__frac_vii", "undeclared_change", "la adición es real")]
    assert _trail(synced, Subject.DISCREPANCY, discrepancy) == [("revisada", "la adición es real")]
