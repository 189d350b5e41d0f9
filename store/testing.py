"""Throw-away databases for tests and benchmarks (no pytest here, so any harness can use it).

PostgreSQL isolation is a uniquely named schema in the test database, selected through the
connection's ``search_path``: the writer lock key and the alembic version table follow it, so
parallel sessions never see each other. ``$DOF_TRACKER_TEST_PG`` overrides the server URL.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import URL, create_engine, make_url, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.schema import CreateSchema, DropSchema

from errors import StoreError

from .db import safe_url

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


class PostgresUnavailable(StoreError):
    """The test PostgreSQL server cannot be reached."""


def postgres_base_url() -> str:
    return os.environ.get("DOF_TRACKER_TEST_PG", POSTGRES_URL)


def with_search_path(url: str | URL, schema: str) -> str:
    """``url`` with its sessions confined to ``schema``."""
    parsed = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return parsed.render_as_string(hide_password=False)


@contextlib.contextmanager
def temporary_postgres_schema(base: str | None = None) -> Iterator[str]:
    """A fresh, empty schema for the duration of the block; yields a URL confined to it."""
    base = base or postgres_base_url()
    schema = f"dof_test_{os.getpid()}_{secrets.token_hex(4)}"
    admin = create_engine(base, connect_args={"connect_timeout": 5})
    try:
        try:
            with admin.begin() as conn:
                conn.execute(CreateSchema(schema))
        except SQLAlchemyError as exc:
            raise PostgresUnavailable(f"PostgreSQL at {safe_url(base)} is unreachable: "
                                      f"{str(exc).splitlines()[0]}") from None
        try:
            yield with_search_path(base, schema)
        finally:
            with admin.begin() as conn:
                # a connection left open by a test must fail the drop loudly, not hang it
                conn.execute(text("SET LOCAL lock_timeout = '20s'"))
                conn.execute(DropSchema(schema, cascade=True))
    finally:
        admin.dispose()


@contextlib.contextmanager
def temporary_database(backend: str, directory: Path) -> Iterator[str]:
    """A URL for an empty database of ``backend`` ("sqlite" or "postgresql")."""
    if backend == "sqlite":
        path = directory / f"store-{secrets.token_hex(4)}.sqlite"
        yield URL.create("sqlite", database=str(path)).render_as_string()
    elif backend == "postgresql":
        with temporary_postgres_schema() as url:
            yield url
    else:
        raise ValueError(f"unknown backend {backend!r}")
