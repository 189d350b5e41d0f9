"""Fixtures shared by the store, API and SQL-injection tests: one test, both backends.

Import the ``*_fixture`` functions into a test module to use ``db_url`` and ``engine``.

Every store test runs on a fresh SQLite file and on a fresh schema of the real PostgreSQL on
127.0.0.1:5432. When PostgreSQL is unreachable its cases skip, except under CI (env ``CI``
set), where they fail: a CI run must never pass without having touched PostgreSQL.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from store import open_engine
from store.testing import PostgresUnavailable, temporary_database

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def database_url(backend: str, tmp_path: Path, stack: contextlib.ExitStack) -> str:
    """A fresh database URL, or the skip/fail decision when PostgreSQL is down."""
    try:
        return stack.enter_context(temporary_database(backend, tmp_path))
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and {exc}")
        pytest.skip(str(exc))


@pytest.fixture(name="db_url", params=BACKENDS)
def db_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with contextlib.ExitStack() as stack:
        yield database_url(request.param, tmp_path, stack)


@pytest.fixture(name="engine")
def engine_fixture(db_url: str) -> Iterator[Engine]:
    engine = open_engine(db_url)
    yield engine
    engine.dispose()
