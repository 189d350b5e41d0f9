"""Opening a store: engine, SQLite pragmas, transactions, migrations and the one-writer lock.

Everything that touches a database goes through ``open_engine`` and ``transaction`` so that
SQLite and PostgreSQL behave alike: real transactions (SQLite's driver would otherwise
autocommit DDL and never BEGIN before a SELECT), foreign keys on, WAL, and errors that never
show a password.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, func, inspect, make_url, select, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError, StatementError

from errors import InputError, StoreError, WriterBusy
from untrusted import visible

from .schema import SCHEMA_REVISION, declare_postgresql

if TYPE_CHECKING:
    from alembic.config import Config

ENV_VAR = "DOF_TRACKER_DB"
APP_NAME = "dof-tracker"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

_SQLITE_PRAGMAS = (
    "busy_timeout=10000",
    "synchronous=NORMAL",
    "foreign_keys=ON",
    "cache_size=-65536",
    "temp_store=MEMORY",
)
_WAL_PATIENCE = 10.0  # seconds
_IMMEDIATE = "dof_tracker_immediate"


def default_url() -> str:
    """``$DOF_TRACKER_DB``, else a SQLite file in the user's data directory."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return configured
    import platformdirs  # here: a store named by --db or $DOF_TRACKER_DB never needs it

    path = platformdirs.user_data_path(APP_NAME) / "dof-tracker.sqlite"
    return URL.create("sqlite", database=str(path)).render_as_string()


def safe_url(url: str | URL | Engine) -> str:
    """A URL fit for messages and logs: every password shown as ``***``, in each form
    SQLAlchemy and the drivers accept (``user:pw@``, ``?password=``, ``?sslpassword=`` …).

    >>> safe_url("postgresql+psycopg://ana:x@db/dof?PASSWORD=y&sslmode=require")
    'postgresql+psycopg://ana:***@db/dof?PASSWORD=***&sslmode=require'
    """
    if isinstance(url, Engine):
        url = url.url
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return "<URL de base de datos ilegible>"
    secret = {key: "***" for key in parsed.query if "pass" in key.lower()}
    shown = parsed.update_query_dict(secret).render_as_string(hide_password=True)
    return visible(shown.replace("=%2A%2A%2A", "=***"))


def _parse_url(url: str | URL | None) -> URL:
    try:
        return make_url(url if url is not None else default_url())
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise InputError("no se puede leer la URL de la base de datos (se espera, p. ej., "
                         "sqlite:///archivo.sqlite o postgresql+psycopg://usuario@servidor/base)") from None


def sqlite_file(url: URL) -> Path | None:
    """The database file of a SQLite URL; None for an in-memory database."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:") or url.query.get("mode") == "memory":
        return None
    return Path(database).expanduser().resolve()


def _install_sqlite_hooks(engine: Engine) -> None:
    """Pragmas on every connection, and BEGIN emitted by us (the SQLAlchemy recipe for 3.11).

    Writers (``transaction``) begin with ``BEGIN IMMEDIATE`` so a lock conflict surfaces at the
    start of a transaction, where busy_timeout can wait for it, not at its first write.
    """

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in _SQLITE_PRAGMAS:
            cursor.execute(f"PRAGMA {pragma}")
        _switch_to_wal(cursor)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(_IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _switch_to_wal(cursor: Any) -> None:
    """``PRAGMA journal_mode=WAL``, retried: on a file another process is creating or
    migrating at the same moment, SQLite answers "database is locked" without waiting for its
    busy handler (measured: two processes opening one fresh file at once)."""
    deadline = time.monotonic() + _WAL_PATIENCE
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def open_engine(url: str | URL | None = None, *, migrate: bool = True, create: bool = True) -> Engine:
    """An engine for ``url`` (default: ``default_url()``), its schema brought up to date.

    With ``create=False`` (the read-only commands) nothing is created or migrated: a SQLite file
    that does not exist, or a database without our tables, is a ``StoreError`` saying so.
    Raises ``InputError`` for an unreadable URL and ``StoreError`` when the database cannot be
    reached; neither message contains the password.
    """
    parsed = _parse_url(url)
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise InputError(f"base de datos no admitida «{parsed.get_backend_name()}» en {safe_url(parsed)}: "
                         "use SQLite o PostgreSQL")
    path = sqlite_file(parsed)
    if path is not None and not create and not path.is_file():
        raise StoreError(_missing(parsed))
    try:
        if path is not None and create:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
    except (NoSuchModuleError, ArgumentError, ImportError):
        raise InputError(f"URL de base de datos no admitida {safe_url(parsed)}: use SQLite o PostgreSQL "
                         "(con un controlador instalado)") from None
    except OSError as exc:
        raise StoreError(f"no se puede abrir {safe_url(parsed)}: {exc.strerror}") from None
    if engine.dialect.name == "sqlite":
        _install_sqlite_hooks(engine)
    elif engine.dialect.name == "postgresql":
        declare_postgresql()  # its dialect is loaded now: the model's PostgreSQL-only options cost nothing
    else:
        engine.dispose()
        raise InputError(f"base de datos no admitida «{engine.dialect.name}»: use SQLite o PostgreSQL")
    try:
        with engine.connect() as conn:
            revision = None if create else schema_revision(conn)
        if migrate and create:
            ensure_schema(engine)
    except (SQLAlchemyError, StoreError) as exc:
        engine.dispose()
        raise StoreError(f"no se puede abrir {safe_url(parsed)}: {_reason(exc)}") from None
    if not create and revision is None:
        engine.dispose()
        raise StoreError(_missing(parsed))
    return engine


def _missing(url: URL) -> str:
    return (f"no existe la base de datos {safe_url(url)}: 'dof-tracker import', 'sync' o 'run' la crean "
            "(¿es correcto --db?)")


def _reason(exc: BaseException) -> str:
    """The first line of a database error, without SQL or parameters."""
    original = exc.orig if isinstance(exc, StatementError) and exc.orig is not None else exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


@contextlib.contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction: commit on success, roll back on any error.

    SQLAlchemy errors come out as ``StoreError`` (the first line of the driver's message), so a
    disk-full or constraint failure never shows as a traceback; errors from the caller's own
    code pass through unchanged after the rollback.
    """
    try:
        with engine.connect() as conn:
            conn.execution_options(**{_IMMEDIATE: True})
            with conn.begin():
                held = _held_locks.get(id(engine))
                if held is not None:
                    held.confirm(conn)
                yield conn
    except SQLAlchemyError as exc:
        raise StoreError(f"error de la base de datos: {_reason(exc)}") from exc


# --- migrations ---------------------------------------------------------------------------------
def _alembic_config(conn: Connection) -> Config:
    from alembic.config import Config  # imported here: only a migration needs alembic

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def lock_migrations(conn: Connection) -> None:
    """Serialise schema changes between processes, for the rest of this transaction.

    On SQLite the ``BEGIN IMMEDIATE`` of ``transaction`` already does; PostgreSQL takes a
    transaction-level advisory lock, released at commit.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(_lock_key(conn, "migrate"))))


def schema_revision(conn: Connection) -> str | None:
    """The alembic revision the database is at (None for an empty database)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


def _run_alembic(engine: Engine, action: Callable[[Config], None]) -> None:
    with transaction(engine) as conn:
        lock_migrations(conn)
        action(_alembic_config(conn))


def ensure_schema(engine: Engine) -> None:
    """Upgrade to the head revision unless the database is already there (the cheap check)."""
    with engine.connect() as conn:
        current = schema_revision(conn)
    if current != SCHEMA_REVISION:
        upgrade(engine)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """alembic ``upgrade`` in one transaction (DDL is transactional on both backends)."""
    from alembic import command

    _run_alembic(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str = "base") -> None:
    """alembic ``downgrade`` in one transaction."""
    from alembic import command

    _run_alembic(engine, lambda config: command.downgrade(config, revision))


# --- the one-writer lock ------------------------------------------------------------------------
def _lock_key(conn: Connection, purpose: str) -> int:
    """A signed 64-bit advisory-lock key for this database *and schema* and purpose."""
    database, schema = conn.execute(select(func.current_database(), func.current_schema())).one()
    digest = hashlib.sha256(f"dof-tracker:{purpose}:{database}:{schema}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _advisory_key_parts(key: int) -> tuple[int, int]:
    """(classid, objid) of a bigint advisory-lock key as pg_locks shows it."""
    unsigned = key & 0xFFFFFFFFFFFFFFFF
    return unsigned >> 32, unsigned & 0xFFFFFFFF


_HOLDS_LOCK = text("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 "
                   "AND classid::bigint = :hi AND objid::bigint = :lo AND database = "
                   "(SELECT oid FROM pg_database WHERE datname = current_database())")


def writer_lock_holder(conn: Connection) -> int | None:
    """The server process id holding this store's writer lock (PostgreSQL), or None."""
    hi, lo = _advisory_key_parts(_lock_key(conn, "writer"))
    return conn.execute(_HOLDS_LOCK, {"hi": hi, "lo": lo}).scalar()


@dataclass(frozen=True, slots=True)
class _HeldLock:
    """This process's PostgreSQL writer lock: the server process that holds it, and the key
    every write transaction serialises on (see ``_postgres_lock``)."""

    pid: int
    writing_key: int
    where: str

    def confirm(self, conn: Connection) -> None:
        """Start of a write transaction: wait out any other writer's transaction, then make
        sure our lock's session still holds the lock; ``StoreError`` before any write if not."""
        conn.execute(select(func.pg_advisory_xact_lock(self.writing_key)))
        if writer_lock_holder(conn) != self.pid:
            raise StoreError(f"se perdió el candado de escritura de {self.where} (terminó su sesión en "
                             "el servidor): se detiene antes de volver a escribir")


_held_locks: dict[int, _HeldLock] = {}  # id(engine) -> its writer lock, while held
_memory_writers: set[str] = set()
_memory_guard = threading.Lock()


@contextlib.contextmanager
def acquire_writer_lock(engine: Engine) -> Iterator[None]:
    """Hold the store's single writer lock for the ``with`` block, or raise ``WriterBusy`` now.

    It holds across processes and, on PostgreSQL, across machines: PostgreSQL uses a
    session-level ``pg_try_advisory_lock`` on a dedicated connection; SQLite an ``flock`` on
    ``<database>.lock`` next to the file. Both are released by the operating system or the
    server when the holder dies, so a killed run never leaves a stale lock behind.
    """
    if engine.dialect.name == "postgresql":
        with _postgres_lock(engine):
            yield
        return
    path = sqlite_file(engine.url)
    if path is None:
        with _memory_lock(str(engine.url)):
            yield
        return
    with _file_lock(path.with_name(path.name + ".lock")):
        yield


@contextlib.contextmanager
def _postgres_lock(engine: Engine) -> Iterator[None]:
    """The session lock lives on its own connection. If the server ends that session (a
    restart, ``pg_terminate_backend``, a network cut), the lock is gone and another process may
    take it while we go on: so every write transaction of ours first takes a transaction-level
    lock on a second key, which any writer's transaction takes too (no two overlap), and then
    checks our session still holds the writer lock (``_HeldLock.confirm``)."""
    conn = engine.connect()
    try:
        key = _lock_key(conn, "writer")
        acquired = conn.execute(select(func.pg_try_advisory_lock(key))).scalar_one()
        held = _HeldLock(pid=conn.execute(select(func.pg_backend_pid())).scalar_one(),
                         writing_key=_lock_key(conn, "writing"), where=safe_url(engine))
        conn.commit()
        if not acquired:
            raise WriterBusy(f"otro proceso de dof-tracker está escribiendo en {safe_url(engine)}")
        _held_locks[id(engine)] = held
        try:
            yield
        finally:
            _held_locks.pop(id(engine), None)
            try:
                conn.execute(select(func.pg_advisory_unlock(key)))
                conn.commit()
            except SQLAlchemyError:
                conn.invalidate()  # end the session for real: the server then drops its lock
    finally:
        conn.close()


@contextlib.contextmanager
def _file_lock(lock_path: Path) -> Iterator[None]:
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "desconocido"
            raise WriterBusy(f"otro proceso de dof-tracker está escribiendo en {lock_path.with_suffix('')} "
                             f"({visible(holder)})") from None
        stamp = f"pid {os.getpid()} en {socket.gethostname()} desde {datetime.now(UTC):%Y-%m-%d %H:%M:%SZ}"
        os.ftruncate(fd, 0)
        os.pwrite(fd, stamp.encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _memory_lock(key: str) -> Iterator[None]:
    with _memory_guard:
        if key in _memory_writers:
            raise WriterBusy("otro proceso escribe en esta base de datos en memoria")
        _memory_writers.add(key)
    try:
        yield
    finally:
        with _memory_guard:
            _memory_writers.discard(key)
