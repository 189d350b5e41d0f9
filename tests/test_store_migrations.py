"""Migrations on both backends: base -> head -> base -> head, and the models match the scripts."""

from __future__ import annotations

import hashlib
from datetime import date

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.schema import CreateIndex
from test_store_support import BASE_DAY, TITLE, base_document, db_url_fixture  # noqa: F401  (fixtures)

import store
from store.db import MIGRATIONS
from store.schema import SCHEMA_REVISION, metadata
from store.search import is_index_table

TABLES = {"blob", "capture", "change", "checkpoint", "discrepancy", "document", "document_version",
          "finding", "instruction", "meta", "notice", "provision_version", "run",
          "app_user", "api_token", "review_event", "watch", "search_entry", "retired_change",
          "retired_discrepancy"}


def _tables(engine: object) -> set[str]:
    return {t for t in inspect(engine).get_table_names() if not is_index_table(t)} - {"alembic_version"}


def test_schema_revision_constant_is_the_scripts_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION


def test_base_head_base_head(db_url: str) -> None:
    engine = store.open_engine(db_url, migrate=False)
    try:
        assert _tables(engine) == set()
        store.upgrade(engine)
        assert _tables(engine) == TABLES
        with engine.connect() as conn:
            assert store.schema_revision(conn) == SCHEMA_REVISION
        store.downgrade(engine, "base")
        assert _tables(engine) == set()
        with engine.connect() as conn:
            assert store.schema_revision(conn) is None
        store.upgrade(engine)
        assert _tables(engine) == TABLES
        with store.transaction(engine) as conn:  # and the schema works after the round trip
            store.register_document(conn, TITLE, base_document(), BASE_DAY)
            assert store.current_document(conn, 1).provisions == base_document().provisions
    finally:
        engine.dispose()


def test_0002_keeps_old_captures_as_complete_and_downgrades_with_data(db_url: str) -> None:
    """Rows archived before ``capture.complete`` existed were all whole; a downgrade drops the
    column in place (no table copy, which foreign keys from ``notice`` would refuse)."""
    engine = store.open_engine(db_url, migrate=False)
    body = b"<html><body>nota</body></html>"
    digest = hashlib.sha256(body).hexdigest()
    old_capture = {"url": "https://sidof.segob.gob.mx/notas/docFuente/5727205", "status": 200,
                   "headers": "[]", "sha256": digest, "fetched_at": "2024-05-15 12:00:00+00:00"}
    try:
        store.upgrade(engine, "0001")
        with store.transaction(engine) as conn:
            conn.execute(text("INSERT INTO blob (sha256, size, compression, body) VALUES (:d, :n, '', :b)"),
                         {"d": digest, "n": len(body), "b": body})
            conn.execute(text("INSERT INTO capture (url, status, headers, sha256, fetched_at) "
                              "VALUES (:url, :status, :headers, :sha256, :fetched_at)"), old_capture)
            conn.execute(text("INSERT INTO notice (codigo, date, edition, title, kind, capture_id, sha256) "
                              "VALUES ('5727205', '2024-05-15', 'MAT', 'MODIFICACIÓN', 'amends', 1, :d)"),
                         {"d": digest})
        store.upgrade(engine)
        with engine.connect() as conn:
            assert store.load_capture(conn, 1).complete is True
            assert store.load_capture(conn, 1).body == body
        store.downgrade(engine, "0001")
        assert "complete" not in {c["name"] for c in inspect(engine).get_columns("capture")}
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM notice WHERE capture_id = 1")).scalar_one() == 1
        store.upgrade(engine)
        with engine.connect() as conn:
            assert store.load_capture(conn, 1).complete is True
    finally:
        engine.dispose()


def test_0003_adds_findings_to_a_store_with_documents_and_takes_them_away(db_url: str) -> None:
    """A store at 0002 with a registered document upgrades to an empty ``finding`` table (no
    revision was checked then); the next revision records its findings; a downgrade drops the
    table and keeps the documents."""
    engine = store.open_engine(db_url, migrate=False)
    try:
        store.upgrade(engine, "0002")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO document (title, search_title, kind, created_at) "
                              "VALUES ('Ley', 'ley', '', '2024-01-01 00:00:00+00:00')"))
            conn.execute(text("INSERT INTO document_version (document_id, number, valid_from, top, digest, "
                              "created_at) VALUES (1, 1, '2024-01-01', '[]', 'x', "
                              "'2024-01-01 00:00:00+00:00')"))
        store.upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM finding")).scalar_one() == 0
        with store.transaction(engine) as conn:
            conn.execute(text("INSERT INTO finding (document_id, revision, seq, kind, message, label) "
                              "VALUES (1, 1, 0, 'gap', 'artículo 3 después de 1: falta 2', 'art_3')"))
        with engine.connect() as conn:
            assert [f.label for f in store.stored_findings(conn, 1, 1)] == ["art_3"]
        store.downgrade(engine, "0002")
        assert "finding" not in _tables(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM document")).scalar_one() == 1
        store.upgrade(engine)
        assert "finding" in _tables(engine)
    finally:
        engine.dispose()


def test_models_match_the_migrations(db_url: str) -> None:
    """What ``alembic check`` does: autogenerate finds nothing to add, drop or alter."""
    engine = store.open_engine(db_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={
                "compare_type": True, "include_name": lambda name, kind, _: not is_index_table(name)})
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


PARTIAL_INDEXES = {  # as the model declares them, per backend
    "sqlite": [
        "CREATE UNIQUE INDEX uq_pv_current ON provision_version (document_id, label) WHERE rev_to IS NULL",
        "CREATE INDEX ix_change_pending ON change (valid_from) WHERE valid_from IS NULL OR valid_from > date",
        "CREATE INDEX ix_search_entry_tsv ON search_entry (tsv)"],
    "postgresql": [
        "CREATE UNIQUE INDEX uq_pv_current ON provision_version (document_id, label) WHERE rev_to IS NULL",
        "CREATE INDEX ix_change_pending ON change (valid_from) WHERE valid_from IS NULL OR valid_from > date",
        "CREATE INDEX ix_search_entry_tsv ON search_entry USING gin (tsv)"],
}


def test_the_models_backend_only_index_options(db_url: str) -> None:
    """The partial indexes' predicates and the GIN index on each backend. PostgreSQL's options
    are added when its engine opens (``schema.declare_postgresql``): naming them in the table
    definitions would import the PostgreSQL dialect into every SQLite process."""
    engine = store.open_engine(db_url)
    try:
        indexes = {ix.name: ix for table in metadata.tables.values() for ix in table.indexes}
        ddl = [str(CreateIndex(indexes[name]).compile(dialect=engine.dialect))
               for name in ("uq_pv_current", "ix_change_pending", "ix_search_entry_tsv")]
        assert ddl == PARTIAL_INDEXES[engine.dialect.name]
    finally:
        engine.dispose()


def test_opening_twice_migrates_once(db_url: str) -> None:
    first = store.open_engine(db_url)
    with store.transaction(first) as conn:
        store.register_document(conn, TITLE, base_document(), date(2020, 1, 1))
    second = store.open_engine(db_url)  # at head already: no alembic run, data intact
    try:
        with second.connect() as conn:
            assert store.latest_revision(conn, 1).valid_from == date(2020, 1, 1)
    finally:
        first.dispose()
        second.dispose()
