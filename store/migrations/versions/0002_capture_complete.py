"""Captures say whether their body arrived whole: ``capture.complete``.

Every response the fetcher reports is archived now, cut bodies and those that failed their
completeness check included (``complete`` false), so a change record's evidence and the
evidence of what went wrong live side by side. Rows written before this revision were all
complete (only complete captures were kept), hence the server default ``true``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite: batch mode, but recreate="never": ADD COLUMN with a constant default needs no
    # table copy, and a copy would DROP ``capture``, which foreign keys (on) refuse while
    # notices point at its rows.
    with op.batch_alter_table("capture", recreate="never") as batch:
        batch.add_column(sa.Column(
            "complete", sa.Boolean(), server_default=sa.true(), nullable=False,
            comment="false: cut short or failed its check; kept as evidence, never parsed"))


def downgrade() -> None:
    # recreate="never" again: SQLite (>= 3.35) drops the column in place.
    with op.batch_alter_table("capture", recreate="never") as batch:
        batch.drop_column("complete")
