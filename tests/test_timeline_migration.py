"""Migration 0004 (the legal timeline) up and down with data, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import inspect, text
from test_store_support import TITLE, base_document, db_url_fixture  # noqa: F401  (fixtures)

import store
from diffing.model import Change, ChangeType
from store.timeline import abrogate, record_waiting

INSERTS_AT_0003 = (
    "INSERT INTO document (title, search_title, kind, created_at) "
    "VALUES ('Ley', 'ley', '', '2024-01-01 00:00:00+00:00')",
    "INSERT INTO notice (codigo, date, edition, title, kind) "
    "VALUES ('5740111', '2024-11-11', 'MAT', 'DECRETO por el que se reforma la Ley', 'amends')",
    "INSERT INTO document_version (document_id, number, valid_from, top, digest, created_at) "
    "VALUES (1, 1, '2024-01-01', '[]', 'x', '2024-01-01 00:00:00+00:00')",
    "INSERT INTO document_version (document_id, number, valid_from, notice_id, top, digest, created_at) "
    "VALUES (1, 2, '2025-01-01', 1, '[]', 'y', '2024-11-11 00:00:00+00:00')",
    "INSERT INTO change (document_id, revision, seq, label, type, diff, notice_id, date, valid_from, "
    "origin, reconciled) VALUES (1, 2, 0, 'art_2', 'modified', '[]', 1, '2024-11-11', '2025-01-01', "
    "'computed', true)",
)


def test_0004_fills_published_from_the_notice_and_keeps_changes(db_url: str) -> None:
    engine = store.open_engine(db_url, migrate=False)
    try:
        store.upgrade(engine, "0003")
        with engine.begin() as conn:
            for statement in INSERTS_AT_0003:
                conn.execute(text(statement))
        store.upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT number, kind, published FROM document_version "
                                     "ORDER BY number")).all()
            assert [(r.number, r.kind, str(r.published)) for r in rows] == [
                (1, "text", "2024-01-01"), (2, "text", "2024-11-11")]
            change = conn.execute(text("SELECT revision, valid_from, pending FROM change")).one()
            assert (change.revision, str(change.valid_from), change.pending) == (2, "2025-01-01", None)
    finally:
        engine.dispose()


def test_0004_downgrade_takes_out_abrogations_and_waiting_changes_and_keeps_the_rest(db_url: str) -> None:
    """What 0003 cannot hold goes: the abrogation (its rows, log entry; the rows it closed are
    open again) and the change waiting for a declaratoria. The registered text stays whole."""
    engine = store.open_engine(db_url)
    try:
        with store.transaction(engine) as conn:
            doc_id = store.register_document(conn, TITLE, base_document(), date(2024, 1, 1))
            abrogate(conn, doc_id, date(2024, 6, 1), None)
            record_waiting(conn, doc_id, [Change("art_56", ChangeType.MODIFIED, "a", "b")], None,
                           date(2024, 3, 1), "pendiente: la fecha depende de una declaratoria")
        store.downgrade(engine, "0003")
        assert "published" not in {c["name"] for c in inspect(engine).get_columns("document_version")}
        assert "pending" not in {c["name"] for c in inspect(engine).get_columns("change")}
        with engine.connect() as conn:
            counts = conn.execute(text(
                "SELECT (SELECT count(*) FROM document_version), (SELECT count(*) FROM change), "
                "(SELECT count(*) FROM provision_version WHERE rev_to IS NULL), "
                "(SELECT count(*) FROM provision_version)")).one()
        rows = len(list(base_document().walk()))
        assert tuple(counts) == (1, 0, rows, rows)
        store.upgrade(engine)
        with engine.connect() as conn:
            assert store.current_document(conn, doc_id).provisions == base_document().provisions
            assert store.latest_revision(conn, doc_id).valid_from == date(2024, 1, 1)
    finally:
        engine.dispose()
