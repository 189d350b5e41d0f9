"""Column types that read alike on SQLite and PostgreSQL: UTC instants, labels in byte order,
64-bit ids, and PostgreSQL's ``tsvector`` (the full-text index; unused on SQLite).

Nothing here imports a dialect: a SQLite store never loads SQLAlchemy's PostgreSQL modules.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Integer, String
from sqlalchemy.types import TypeDecorator, TypeEngine, UserDefinedType


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC instant on every backend.

    SQLite keeps no zone, so values are converted to UTC before they are written and read back
    as UTC; PostgreSQL stores ``timestamptz``. A naive datetime is refused: its zone is a guess.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass a timezone-aware UTC instant")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def label_type() -> TypeEngine[str]:
    """Labels compare byte-wise on every backend: subtree reads are range scans on the label.

    PostgreSQL's default collations ignore punctuation at first level, which would put
    ``art_57-bis`` inside the range of ``art_57__``; collation "C" makes the order ASCII order.
    """
    return String(255).with_variant(String(255, collation="C"), "postgresql")


def id_type() -> TypeEngine[int]:
    """64-bit ids on PostgreSQL; SQLite's INTEGER PRIMARY KEY is already its 64-bit rowid."""
    return BigInteger().with_variant(Integer(), "sqlite")


def utc_now() -> datetime:
    return datetime.now(UTC)


class TsVector(UserDefinedType[str]):
    """PostgreSQL's ``tsvector``, named here: ``sqlalchemy.dialects.postgresql.TSVECTOR`` would
    import the PostgreSQL dialect into every process that opens a SQLite store."""

    cache_ok = True

    def get_col_spec(self, **_kw: Any) -> str:
        return "TSVECTOR"
