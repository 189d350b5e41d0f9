"""Alembic environment: migrate the connection ``store.db`` hands us, or the URL in the config.

``store.db.migrate`` passes an open connection (in ``config.attributes["connection"]``) whose
transaction it owns, so a migration and the lock that serialises concurrent openers commit
together. Run by hand (``alembic -c store/alembic.ini upgrade head``), the URL comes from
``-x url=...``, else ``$DOF_TRACKER_DB``, else the default SQLite file.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from store import db
from store.schema import metadata
from store.search import is_index_table

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        transactional_ddl=True,
        compare_type=True,
        include_name=lambda name, kind, _parent: not is_index_table(name),  # SQLite's FTS5 tables
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or db.default_url()
    engine = db.open_engine(url, migrate=False)
    try:
        with db.transaction(engine) as conn:
            db.lock_migrations(conn)
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; connect to a database")
run_migrations_online()
