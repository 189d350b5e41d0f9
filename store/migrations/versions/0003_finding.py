"""Findings: the doubts about each revision's text (``finding``), shown and counted, never lost.

A text read from a file or a notice keeps what its reading raised and what the structural check
(``parser.check``) found; a text made by applying an amendment keeps the check of the result.
Earlier revisions have none recorded (nothing checked them); the table starts empty.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Frozen copy of store/schema.py's label type as of this revision.
LABEL = sa.String(length=255).with_variant(sa.String(length=255, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False,
                  comment="the document revision whose text it is about"),
        sa.Column("notice_id", sa.Integer(), nullable=True, comment="the notice that made the revision"),
        sa.Column("seq", sa.Integer(), nullable=False, comment="order within its revision"),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False, comment="in Spanish, as people read it"),
        sa.Column("line", sa.Integer(), nullable=True,
                  comment="1-based line of the text read; NULL when about the tree"),
        sa.Column("label", LABEL, nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"],
                                name=op.f("fk_finding_document_id_document")),
        sa.ForeignKeyConstraint(["notice_id"], ["notice.id"], name=op.f("fk_finding_notice_id_notice")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding")),
    )
    op.create_index("ix_finding_document", "finding", ["document_id", "revision"])


def downgrade() -> None:
    op.drop_index("ix_finding_document", table_name="finding")
    op.drop_table("finding")
