"""A reviewed change keeps its review through the legal timeline (SQLite and PostgreSQL): a decree
published later but in force sooner rewinds and replays what was stored, a declaratoria applies
the changes that waited for it; the review state, note and trail stay on the same legal change,
in ``store.review`` and in the JSON the web application serves (and a replay that gives a reviewed
change other words adds the tracker's request for another look, ``store.reread``). A provision
watch follows its provision after a rewind renumbers the revisions.

The fixture editions are those of ``test_timeline_scenario`` (``fixtures/dof/timeline_notes.py``):
decree A (11/11/2024, in force 1o. de enero de 2025), decree B (12/11, in force the next day),
decree D (26/11, waiting for a declaratoria), the declaratoria (03/12, fixes 15/01/2025).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, select
from test_store_support import (  # noqa: F401  (fixtures)
    BASE_DAY,
    TITLE,
    base_document,
    db_url_fixture,
    engine_fixture,
)
from test_timeline_scenario import PUBLISHED

import pipeline
from diffing import changes_between
from diffing.model import Discrepancy, DiscrepancyKind
from scraper.mirror import serve_mirror
from store import (
    apply_new_version,
    current_document,
    notice_id,
    record_discrepancies,
    register_document,
    schema,
    transaction,
)
from store.orphans import orphans
from store.review import ReviewState, Subject, current_states, ids_in_state, set_review, trail
from store.timeline import abrogate
from store.users import add_user, issue_token
from web.app import create_app

A, B, D = "5740111", "5740112", "5740126"


@pytest.fixture(scope="module")
def mirror_url() -> Iterator[str]:
    with serve_mirror() as mirror:
        yield mirror.base_url


def _sync(engine: Engine, url: str, *steps: str) -> None:
    report = pipeline.sync(engine, [PUBLISHED[step] for step in steps], url)
    assert not report.failed, report.summary()


def _changes(engine: Engine) -> dict[tuple[str, str], tuple[int, int | None]]:
    """(codigo, label) -> (change id, revision) of every change row, waiting ones included."""
    c, n = schema.change, schema.notice
    with engine.connect() as conn:
        rows = conn.execute(select(n.c.codigo, c.c.label, c.c.id, c.c.revision)
                            .join(n, n.c.id == c.c.notice_id))
        return {(r.codigo, r.label): (r.id, r.revision) for r in rows}


def _json(engine: Engine, token: str, path: str) -> Any:
    client = create_app(engine.url.render_as_string(hide_password=False), testing=True).test_client()
    answer = client.get(path, headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer.get_json()


def _trail(engine: Engine, subject: Subject, subject_id: int) -> list[tuple[str, str, str]]:
    with engine.connect() as conn:
        return [(str(e.state), e.user, e.note) for e in trail(conn, subject, subject_id)]


def test_reviews_stay_on_their_change_through_a_rewind_and_a_declaratoria(engine: Engine,
                                                                        mirror_url: str) -> None:
    _sync(engine, mirror_url, "reglamento", "A")
    a_change, a_revision = _changes(engine)[(A, "art_2__par_1")]
    assert a_revision is not None
    with transaction(engine) as conn:
        ana = add_user(conn, "ana", "reviewer", "contraseña larga")
        token = issue_token(conn, "ana")
        record_discrepancies(conn, 1, notice_id(conn, A), [Discrepancy(
            DiscrepancyKind.UNDECLARED_CHANGE, "art_2__par_1", "el texto cambia el párrafo sin declararlo")])
        discrepancy = int(conn.execute(select(schema.discrepancy.c.id)).scalar_one())
        set_review(conn, Subject.CHANGE, a_change, ReviewState.REQUIERE_ATENCION, ana, "¿cinco o siete?")
        set_review(conn, Subject.CHANGE, a_change, ReviewState.REVISADA, ana, "cinco personas comisionadas")
        set_review(conn, Subject.DISCREPANCY, discrepancy, ReviewState.REVISADA, ana, "visto en el título")

    # B, published later and in force sooner: A's revision is rewound and replayed after B's;
    # B changed the paragraph A replaces, so A's change now replaces other words: the tracker asks
    # for another look (store.reread)
    _sync(engine, mirror_url, "B")
    after_b = _changes(engine)
    assert after_b[(A, "art_2__par_1")] == (a_change, a_revision + 1)   # renumbered, same identity
    assert after_b[(B, "art_2__par_1")][0] > a_change                  # B's own change is new
    flag = _trail(engine, Subject.CHANGE, a_change)[-1]
    assert flag[:2] == ("requiere_atencion", "sistema") and f"el aviso DOF {A}" in flag[2]
    expected = [("requiere_atencion", "ana", "¿cinco o siete?"),
                ("revisada", "ana", "cinco personas comisionadas"), flag]
    assert _trail(engine, Subject.CHANGE, a_change) == expected
    assert _trail(engine, Subject.DISCREPANCY, discrepancy) == [("revisada", "ana", "visto en el título")]
    with engine.connect() as conn:
        assert ids_in_state(conn, Subject.CHANGE, ReviewState.REQUIERE_ATENCION) == (a_change,)
        assert str(current_states(conn, Subject.DISCREPANCY, [discrepancy])[discrepancy].state) == "revisada"
    page = _json(engine, token, f"/changes/{a_change}")
    assert (page["notice"]["codigo"], page["label"], page["exists"], page["review_state"]) == \
        (A, "art_2__par_1", True, "requiere_atencion")
    assert [(e["state"], e["note"]) for e in page["trail"]] == [(s, n) for s, _, n in expected]
    listed = _json(engine, token, "/changes?state=requiere_atencion")["changes"]
    assert [(c["id"], c["notice"]["codigo"], c["review_state"]) for c in listed] == \
        [(a_change, A, "requiere_atencion")]

    # D waits for a declaratoria; its waiting change is reviewed, then the declaratoria applies it
    _sync(engine, mirror_url, "C", "D")
    d_change, d_revision = _changes(engine)[(D, "art_3__frac_ii")]
    assert d_revision is None
    with transaction(engine) as conn:
        set_review(conn, Subject.CHANGE, d_change, ReviewState.REVISADA, ana, "espera su declaratoria")
    _sync(engine, mirror_url, "declaratoria")
    applied = _changes(engine)
    assert applied[(D, "art_3__frac_ii")][0] == d_change and applied[(D, "art_3__frac_ii")][1] is not None
    assert applied[(A, "art_2__par_1")][0] == a_change
    assert _trail(engine, Subject.CHANGE, d_change) == [("revisada", "ana", "espera su declaratoria")]
    assert _trail(engine, Subject.CHANGE, a_change) == expected
    queue = _json(engine, token, "/review?state=revisada")
    assert [c["id"] for c in queue["changes"]] == [d_change]
    assert queue["orphaned"] == []
    with engine.connect() as conn:
        assert orphans(conn) == ()


def test_a_reviewed_change_an_abrogation_leaves_out_is_kept_as_gone(engine: Engine) -> None:
    """A revision in force after an abrogation is not put back: its change no longer exists, and
    its review is listed as that of a change gone, still open to a reviewer."""
    with transaction(engine) as conn:
        ana = add_user(conn, "ana", "reviewer", "contraseña larga")
        doc = register_document(conn, TITLE, base_document(), BASE_DAY)
        current = current_document(conn, doc)
        later = replace(current, provisions=tuple(replace(p, heading="Disposiciones Comunes")
                                                  if p.label == "cap_1" else p for p in current.provisions))
        apply_new_version(conn, doc, later, changes_between(current, later), date(2025, 1, 1))
        [(change_id, label)] = conn.execute(select(schema.change.c.id, schema.change.c.label)).all()
        set_review(conn, Subject.CHANGE, change_id, ReviewState.REVISADA, ana, "rubro nuevo")
    with transaction(engine) as conn:
        abrogate(conn, doc, date(2024, 6, 1), None)
        assert conn.execute(select(schema.change.c.id).where(schema.change.c.id == change_id)).first() is None
        [gone] = orphans(conn)
        assert (gone.subject_id, gone.label, gone.kind, gone.document, gone.latest.note) == \
            (change_id, label, "modified", TITLE, "rubro nuevo")
        set_review(conn, Subject.CHANGE, change_id, ReviewState.REVISADA, ana, "abrogado: ya no aplica")
    assert _trail(engine, Subject.CHANGE, change_id) == [("revisada", "ana", "rubro nuevo"),
                                                         ("revisada", "ana", "abrogado: ya no aplica")]
