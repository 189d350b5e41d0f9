"""Migrations on both backends: base -> head -> base -> head, and the models match the scripts."""

from __future__ import annotations

from datetime import date

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from test_store_support import BASE_DAY, TITLE, base_document, db_url_fixture  # noqa: F401  (fixtures)

import store
from store.db import MIGRATIONS
from store.schema import SCHEMA_REVISION, metadata

TABLES = {"blob", "capture", "change", "checkpoint", "discrepancy", "document", "document_version",
          "instruction", "meta", "notice", "provision_version", "run"}


def _tables(engine: object) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


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


def test_models_match_the_migrations(db_url: str) -> None:
    """What ``alembic check`` does: autogenerate finds nothing to add, drop or alter."""
    engine = store.open_engine(db_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
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
