"""Migration 0007 (the tracker's own review events; indexes for the change log of a type or a
document) up and down with data, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text
from test_identity_migration import _fill_0005
from test_store_support import db_url_fixture  # noqa: F401  (fixture)

import store
from store.review import Subject, trail

SYSTEM_EVENT = ("INSERT INTO review_event (subject, subject_id, state, user_id, note, at) VALUES "
                "('change', 2, 'requiere_atencion', NULL, 'el texto cambió', '2024-12-02 00:00:00+00:00')")


def _indexes(engine: Engine) -> dict[str, list[str | None]]:
    return {i["name"]: list(i["column_names"]) for i in inspect(engine).get_indexes("change")
            if i["name"] in ("ix_change_document", "ix_change_type")}


def _user_nullable(engine: Engine) -> bool:
    [column] = [c for c in inspect(engine).get_columns("review_event") if c["name"] == "user_id"]
    return bool(column["nullable"])


def test_0007_up_and_down_with_the_trackers_events(db_url: str) -> None:
    engine = store.open_engine(db_url, migrate=False)
    try:
        store.upgrade(engine, "0005")
        _fill_0005(engine)
        store.upgrade(engine, "0006")
        assert _indexes(engine) == {"ix_change_document": ["document_id", "date"]}
        assert not _user_nullable(engine)
        store.upgrade(engine)
        assert _indexes(engine) == {"ix_change_document": ["document_id", "date", "id"],
                                    "ix_change_type": ["type", "date", "id"]}
        assert _user_nullable(engine)
        with store.transaction(engine) as conn:
            conn.execute(text(SYSTEM_EVENT))
            assert [(e.user, e.system, str(e.state)) for e in trail(conn, Subject.CHANGE, 2)] == [
                ("ana", False, "revisada"), ("sistema", True, "requiere_atencion")]
            assert conn.execute(text("SELECT count(*) FROM change")).scalar_one() == 2

        # down to 0006: the tracker's flag goes (0006 requires a person), the people's events stay
        store.downgrade(engine, "0006")
        assert _indexes(engine) == {"ix_change_document": ["document_id", "date"]}
        assert not _user_nullable(engine)
        with engine.connect() as conn:
            notes = conn.execute(text("SELECT note FROM review_event ORDER BY id")).scalars().all()
            assert notes == ["vista", "la de un cambio borrado", "real"]
            assert conn.execute(text("SELECT count(*) FROM change")).scalar_one() == 2
        store.upgrade(engine)
        assert _indexes(engine)["ix_change_type"] == ["type", "date", "id"]
    finally:
        engine.dispose()
