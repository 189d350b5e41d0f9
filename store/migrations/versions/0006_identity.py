"""Stable ids for changes and discrepancies, and watches that survive a rewind (store.identity).

``retired_change`` and ``retired_discrepancy`` keep the rows the store takes out (a rewind, a
declaratoria, a reprocess) until the same legal change is recorded again under its old id, or
for good when it no longer exists, so its reviews stay reachable. On SQLite ``change`` and
``discrepancy`` become AUTOINCREMENT tables (rebuilt), so an id is never handed out twice; their
counters start above every id a review already names, so a review left pointing at a row an
older version deleted can never move to a new row. PostgreSQL's sequences never go back already.

``watch.since_revision`` (a revision number, which a rewind renumbers) becomes ``since_change``:
the highest change id when watched, so "renumberings after the watch" are those recorded after
it, whatever their revision numbers become. Existing watches get the highest id among their
document's changes up to their revision (ids grew with revisions before this migration: a rewind
wrote every replayed change anew).

Downgrade, with data: ``since_revision`` from the revision of the last change up to the mark (1
when none); the retired rows go (0005 has no place for them; their reviews stay, pointing at ids
no row has, as 0005 left them).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen copies of store/schema.py's types as of this revision.
LABEL = sa.String(length=255).with_variant(sa.String(length=255, collation="C"), "postgresql")
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
NOW = sa.DateTime(timezone=True)


def _change_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", ID, nullable=False, autoincrement=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("label", LABEL, nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("from_label", LABEL, nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("diff", sa.JSON(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("pending", sa.Text(), nullable=True),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("reconciled", sa.Boolean(), nullable=False),
    ]


def _discrepancy_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("label", LABEL, nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("instruction", sa.JSON(), nullable=True),
        sa.Column("change", sa.JSON(), nullable=True),
    ]


def _create_retired(name: str, columns: list[sa.Column[object]]) -> None:
    op.create_table(f"retired_{name}", *columns, sa.Column("retired_at", NOW, nullable=False),
                    sa.PrimaryKeyConstraint("id", name=op.f(f"pk_retired_{name}")))
    op.create_index(f"ix_retired_{name}_notice", f"retired_{name}", ["document_id", "notice_id"])


def _autoincrement(table: str, on: bool) -> None:
    """SQLite: rebuild ``table`` with (or without) AUTOINCREMENT, its counter above every id its
    rows and the reviews about them name."""
    with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": on}):
        pass
    if not on:
        return
    bind = op.get_bind()
    rows = bind.execute(sa.select(sa.func.max(sa.column("id"))).select_from(sa.table(table))).scalar()
    named = bind.execute(sa.text("SELECT max(subject_id) FROM review_event WHERE subject = :table"),
                         {"table": table}).scalar()
    bind.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = :table"), {"table": table})
    bind.execute(sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES (:table, :seq)"),
                 {"table": table, "seq": max(rows or 0, named or 0)})


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _autoincrement("change", True)
        _autoincrement("discrepancy", True)
    _create_retired("change", _change_columns())
    _create_retired("discrepancy", _discrepancy_columns())
    with op.batch_alter_table("watch") as batch:
        batch.add_column(sa.Column("since_change", ID, nullable=True))
    op.execute("UPDATE watch SET since_change = coalesce((SELECT max(c.id) FROM change c "
               "WHERE c.document_id = watch.document_id AND c.revision <= watch.since_revision), 0)")
    with op.batch_alter_table("watch") as batch:
        batch.alter_column("since_change", existing_type=ID, nullable=False,
                           comment="the highest change id when watched: renumberings recorded after it "
                                   "are followed")
        batch.drop_column("since_revision")


def downgrade() -> None:
    with op.batch_alter_table("watch") as batch:
        batch.add_column(sa.Column("since_revision", sa.Integer(), nullable=True))
    op.execute("UPDATE watch SET since_revision = coalesce((SELECT max(c.revision) FROM change c "
               "WHERE c.document_id = watch.document_id AND c.id <= watch.since_change), 1)")
    with op.batch_alter_table("watch") as batch:
        batch.alter_column("since_revision", existing_type=sa.Integer(), nullable=False,
                           comment="the document's revision when watched: renumberings after it are "
                                   "followed")
        batch.drop_column("since_change")
    for name in ("discrepancy", "change"):
        op.drop_index(f"ix_retired_{name}_notice", table_name=f"retired_{name}")
        op.drop_table(f"retired_{name}")
    if op.get_bind().dialect.name == "sqlite":
        _autoincrement("discrepancy", False)
        _autoincrement("change", False)
