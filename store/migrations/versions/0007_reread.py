"""The tracker's own review events, and indexes for the change log of a type or a document.

``review_event.user_id`` becomes nullable: an event without a user is the tracker's own
(``store.reread`` flags a reviewed change whose text changed when it was recorded again), shown
as "sistema", so the trail never attributes it to a person and no account exists that could log
in as the tracker.

``ix_change_type (type, date, id)`` is new and ``ix_change_document`` gains ``id`` (``document_id,
date, id``): a page of the change log filtered by type or document, and its capped count
(``store.paging``), are then one range scan of that index in the log's own order on both backends
(SQLite's indexes end in the rowid already; PostgreSQL's did not). The old ``ix_change_document``
is a prefix of the new one, so every query it served is served by it.

Downgrade, with data: the tracker's events are deleted (0006 requires a user; they are flags a
person has not yet answered, and a person's later events stay) and the indexes go back.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _document_index(columns: list[str]) -> None:
    op.drop_index("ix_change_document", table_name="change")
    op.create_index("ix_change_document", "change", columns)


def upgrade() -> None:
    with op.batch_alter_table("review_event") as batch:
        batch.alter_column("user_id", existing_type=sa.Integer(), nullable=True,
                           comment="NULL: the tracker itself (store.reread), no person")
    _document_index(["document_id", "date", "id"])
    op.create_index("ix_change_type", "change", ["type", "date", "id"])


def downgrade() -> None:
    op.drop_index("ix_change_type", table_name="change")
    _document_index(["document_id", "date"])
    op.execute("DELETE FROM review_event WHERE user_id IS NULL")
    with op.batch_alter_table("review_event") as batch:
        batch.alter_column("user_id", existing_type=sa.Integer(), nullable=False, comment=None)
