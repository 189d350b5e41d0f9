"""A reviewed change whose text changed when recorded again is flagged for its reviewer
(``store.reread``), through ``reprocess`` (SQLite and PostgreSQL) and seen on the web.

The store is ``test_reprocess``'s: the IMSS-BIENESTAR Modificación 5727205 synced from the
fixture mirror; ``ABASTOS`` reads fracción V of artículo 4 with other words.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine
from test_identity_reprocess import _ids, _json, _reprocess, _reviewer, _trail
from test_pipeline_support import IMSS_CODIGO
from test_reprocess import ABASTOS, synced_fixture  # noqa: F401  (fixture)
from test_store_support import db_url_fixture, engine_fixture  # noqa: F401  (fixtures)
from test_web_support import log_in

import pipeline
from store import schema, transaction
from store.reread import note_for
from store.review import ReviewState, Subject, set_review
from web.app import create_app


def test_the_note_names_the_notice_and_the_day_in_mexico_city() -> None:
    late = datetime(2026, 12, 4, 3, 0, tzinfo=UTC)   # still the 3rd in Mexico City
    assert note_for("5727205", late) == (
        "El texto de este cambio cambió al volver a leer el aviso DOF 5727205 el 3 de diciembre de 2026: "
        "ya no es el que se marcó como revisado.")
    assert note_for(None, late).startswith(
        "El texto de este cambio cambió al volver a leer el texto importado el 3 de diciembre de 2026")


def test_a_reviewed_change_read_with_other_words_needs_attention(synced: Engine) -> None:
    ana, token = _reviewer(synced)
    ids = _ids(synced, schema.change)
    fraccion_v, fraccion_vii = ids["art_4__frac_v"], ids["art_4__frac_vii"]
    with transaction(synced) as conn:
        set_review(conn, Subject.CHANGE, fraccion_v, ReviewState.REVISADA, ana, "Abasto, correcto")
        set_review(conn, Subject.CHANGE, fraccion_vii, ReviewState.REVISADA, ana, "bien")

    assert _reprocess(synced, ABASTOS) == [((), (), ("art_4__frac_v",), True)]
    assert _ids(synced, schema.change) == ids
    note = _trail(synced, Subject.CHANGE, fraccion_v)[-1][1]
    assert _trail(synced, Subject.CHANGE, fraccion_v) == [("revisada", "Abasto, correcto"),
                                                          ("requiere_atencion", note)]
    assert note.startswith(f"El texto de este cambio cambió al volver a leer el aviso DOF {IMSS_CODIGO} el ")
    # fracción VII was made again with the same words: its review stands
    assert _trail(synced, Subject.CHANGE, fraccion_vii) == [("revisada", "bien")]

    page = _json(synced, token, f"/changes/{fraccion_v}")
    assert page["review_state"] == "requiere_atencion"
    assert [(e["state"], e["user"], e["system"]) for e in page["trail"]] == [
        ("revisada", "ana", False), ("requiere_atencion", "sistema", True)]
    queue = _json(synced, token, "/review?state=requiere_atencion")
    assert [(c["id"], c["review_state"]) for c in queue["changes"]] == [(fraccion_v, "requiere_atencion")]
    browser = create_app(synced.url.render_as_string(hide_password=False), testing=True).test_client()
    log_in(browser, "ana")
    shown = browser.get(f"/changes/{fraccion_v}").get_data(as_text=True)
    assert "<td><em>sistema (automático)</em></td>" in shown and note in shown
    assert "<td>ana</td>" in shown
    queue_page = browser.get("/review?state=requiere_atencion").get_data(as_text=True)
    assert f'href="/changes/{fraccion_v}"' in queue_page
    assert f'href="/changes/{fraccion_vii}"' not in queue_page

    # read as it was again: it already needs attention, so nothing more is added
    assert _reprocess(synced, pipeline.CURRENT_READER) == [((), (), ("art_4__frac_v",), True)]
    assert [state for state, _ in _trail(synced, Subject.CHANGE, fraccion_v)] == \
        ["revisada", "requiere_atencion"]


def test_a_new_change_read_with_other_words_stays_new(synced: Engine) -> None:
    _, token = _reviewer(synced)
    fraccion_v = _ids(synced, schema.change)["art_4__frac_v"]
    assert _reprocess(synced, ABASTOS) == [((), (), ("art_4__frac_v",), True)]
    assert _trail(synced, Subject.CHANGE, fraccion_v) == []
    assert _json(synced, token, f"/changes/{fraccion_v}")["review_state"] == "nueva"
