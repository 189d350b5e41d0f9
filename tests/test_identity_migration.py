"""Migration 0006 (stable change ids, watches keyed by change id) up and down with data, on SQLite
and PostgreSQL.

The store at 0005 is what a rewind used to leave: changes 3 to 7 written and deleted again, a
review still naming change 7, watches keyed by revision numbers."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text
from test_store_support import db_url_fixture  # noqa: F401  (fixture)

import store
from store import schema
from store.identity import retire
from store.orphans import orphans
from store.review import Subject, current_states
from store.watch import watches

AT_0005 = (
    "INSERT INTO document (title, search_title, kind, created_at) "
    "VALUES ('Ley', 'ley', '', '2024-01-01 00:00:00+00:00')",
    "INSERT INTO notice (codigo, date, edition, title, kind) "
    "VALUES ('5740111', '2024-11-11', 'MAT', 'DECRETO por el que se reforma la Ley', 'amends')",
    "INSERT INTO document_version (document_id, number, valid_from, notice_id, top, digest, created_at, "
    "kind, published) VALUES "
    "(1, 1, '2024-01-01', NULL, '[]', 'x', '2024-01-01 00:00:00+00:00', 'text', '2024-01-01'), "
    "(1, 2, '2024-06-01', 1, '[]', 'y', '2024-01-01 00:00:00+00:00', 'text', '2024-11-11'), "
    "(1, 3, '2025-01-01', 1, '[]', 'z', '2024-01-01 00:00:00+00:00', 'text', '2024-11-11')",
    "INSERT INTO app_user (name, role, password_hash, created_at) "
    "VALUES ('ana', 'reviewer', 'x', '2024-01-01 00:00:00+00:00')",
    "INSERT INTO discrepancy (document_id, notice_id, kind, label, detail) "
    "VALUES (1, 1, 'undeclared_change', 'art_2', 'el texto cambia sin declararlo')",
)
CHANGE = ("INSERT INTO change (document_id, revision, seq, label, type, from_label, diff, notice_id, date, "
          "valid_from, origin, reconciled) VALUES (1, :revision, 0, :label, :type, :from_label, '[]', 1, "
          "'2024-11-11', '2024-06-01', 'computed', true)")
REVIEW = ("INSERT INTO review_event (subject, subject_id, state, user_id, note, at) "
          "VALUES (:subject, :id, 'revisada', 1, :note, '2024-12-01 00:00:00+00:00')")
WATCH = ("INSERT INTO watch (user_id, document_id, label, since_revision, created_at) "
         "VALUES (1, 1, :label, :since, '2024-12-01 00:00:00+00:00')")


def _fill_0005(engine: Engine) -> None:
    with engine.begin() as conn:
        for statement in AT_0005:
            conn.execute(text(statement))
        conn.execute(text(CHANGE), [   # 1: 57 renumbered to 58 at revision 2; 2: 58 reformed at 3
            {"revision": 2, "label": "art_58", "type": "renumbered", "from_label": "art_57"},
            {"revision": 3, "label": "art_58", "type": "modified", "from_label": None}])
        for _ in range(5):   # 3..7: written by a replay, deleted by the next rewind
            conn.execute(text(CHANGE), {"revision": 3, "label": "art_2", "type": "modified",
                                        "from_label": None})
        conn.execute(text("DELETE FROM change WHERE id > 2"))
        conn.execute(text(REVIEW), [{"subject": "change", "id": 2, "note": "vista"},
                                    {"subject": "change", "id": 7, "note": "la de un cambio borrado"},
                                    {"subject": "discrepancy", "id": 1, "note": "real"}])
        conn.execute(text(WATCH), [{"label": "art_57", "since": 1}, {"label": "art_58", "since": 2}])


def _new_change(engine: Engine) -> int:
    with store.transaction(engine) as conn:
        conn.execute(text(CHANGE), {"revision": 3, "label": "art_3", "type": "added", "from_label": None})
        return int(conn.execute(text("SELECT max(id) FROM change")).scalar_one())


def test_0006_keeps_reviews_and_watches_and_never_gives_a_reviewed_id_again(db_url: str) -> None:
    engine = store.open_engine(db_url, migrate=False)
    try:
        store.upgrade(engine, "0005")
        _fill_0005(engine)
        store.upgrade(engine)
        with engine.connect() as conn:
            marks = conn.execute(text("SELECT label, since_change FROM watch ORDER BY id")).all()
            assert [tuple(m) for m in marks] == [("art_57", 0), ("art_58", 1)]
            # the 57 watched before its renumbering follows it; the 58 watched after stays
            assert [w.label for w in watches(conn, 1)] == ["art_58", "art_58"]
            assert str(current_states(conn, Subject.CHANGE, [2])[2].state) == "revisada"
            assert [(o.subject, o.subject_id, o.label, o.latest.note) for o in orphans(conn)] == [
                (Subject.CHANGE, 7, None, "la de un cambio borrado")]
        assert _new_change(engine) == 8   # above the id the review names, on both backends

        # down to 0005 with a reviewed change retired: 0005 has no place for it, its review stays
        with store.transaction(engine) as conn:
            conn.execute(text(REVIEW), {"subject": "change", "id": 8, "note": "la de un cambio que se fue"})
            retire(conn, schema.change, schema.change.c.id == 8)
        store.downgrade(engine, "0005")
        assert "since_revision" in {c["name"] for c in inspect(engine).get_columns("watch")}
        assert not {"retired_change", "retired_discrepancy"} & set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            back = conn.execute(text("SELECT label, since_revision FROM watch ORDER BY id")).all()
            assert [tuple(b) for b in back] == [("art_57", 1), ("art_58", 2)]
            assert conn.execute(text("SELECT count(*) FROM review_event")).scalar_one() == 4
            assert conn.execute(text("SELECT count(*) FROM change")).scalar_one() == 2
        store.upgrade(engine)
        with engine.connect() as conn:
            assert [w.label for w in watches(conn, 1)] == ["art_58", "art_58"]
            assert [(o.subject_id, o.latest.note) for o in orphans(conn, Subject.CHANGE)] == [
                (7, "la de un cambio borrado"), (8, "la de un cambio que se fue")]
        assert _new_change(engine) == 9   # the SQLite counter is again above 8, which a review names
    finally:
        engine.dispose()
