"""Initial schema: notices, captures, documents, revisions, provision versions, changes, runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copies of the types in store/schema.py as of this revision (migrations never import
# application code, which moves on).
LABEL = sa.String(length=255).with_variant(sa.String(length=255, collation="C"), "postgresql")
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
INSTANT = sa.DateTime(timezone=True)
CURRENT = sa.text("rev_to IS NULL")


def upgrade() -> None:
    op.create_table(
        "blob",
        sa.Column("sha256", sa.String(length=64), nullable=False, comment="hex sha256 of the raw bytes"),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column(
            "compression",
            sa.String(length=8),
            server_default="",
            nullable=False,
            comment="'' (raw) or 'zlib'; the digest is always of the raw bytes",
        ),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blob")),
    )
    op.create_table(
        "checkpoint",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("edition", sa.String(length=3), nullable=False),
        sa.Column("completed_at", INSTANT, nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("day", "edition", name=op.f("pk_checkpoint")),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column(
            "search_title",
            sa.Text(),
            nullable=False,
            comment="title folded to lowercase ASCII, white space collapsed: what lookups match",
        ),
        sa.Column("kind", sa.String(length=40), server_default="", nullable=False),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint("search_title", name=op.f("uq_document_search_title")),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    op.create_table(
        "run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("edition", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("started_at", INSTANT, nullable=False),
        sa.Column("finished_at", INSTANT, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run")),
    )
    op.create_index(op.f("ix_run_day"), "run", ["day"])
    op.create_table(
        "capture",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("fetched_at", INSTANT, nullable=False),
        sa.ForeignKeyConstraint(["sha256"], ["blob.sha256"], name=op.f("fk_capture_sha256_blob")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capture")),
        sa.UniqueConstraint("url", "sha256", name=op.f("uq_capture_url_sha256")),
    )
    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("codigo", sa.String(length=32), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("edition", sa.String(length=3), nullable=False),
        sa.Column("section", sa.Text(), server_default="", nullable=False),
        sa.Column("poder", sa.Text(), server_default="", nullable=False),
        sa.Column("issuer", sa.Text(), server_default="", nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), server_default="", nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column(
            "document", sa.Text(), nullable=True, comment="the instrument it touches, as its title names it"
        ),
        sa.Column(
            "document_id",
            sa.Integer(),
            nullable=True,
            comment="the tracked document it touched, when we track it",
        ),
        sa.Column("capture_id", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True, comment="raw sha256 of the body capture"),
        sa.ForeignKeyConstraint(["capture_id"], ["capture.id"], name=op.f("fk_notice_capture_id_capture")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_notice_document_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice")),
        sa.UniqueConstraint("codigo", name=op.f("uq_notice_codigo")),
    )
    op.create_index(op.f("ix_notice_date"), "notice", ["date"])
    op.create_index(op.f("ix_notice_document_id"), "notice", ["document_id"])
    op.create_table(
        "change",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False, comment="order within its revision"),
        sa.Column("label", LABEL, nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("from_label", LABEL, nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("diff", sa.JSON(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column(
            "date",
            sa.Date(),
            nullable=False,
            comment="when it became known: the notice's date, else the version's valid_from",
        ),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False, comment="'computed' (texts) or 'declared'"),
        sa.Column(
            "reconciled", sa.Boolean(), nullable=False, comment="an instruction of its notice declares it"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_change_document_id_document")
        ),
        sa.ForeignKeyConstraint(["notice_id"], ["notice.id"], name=op.f("fk_change_notice_id_notice")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change")),
    )
    op.create_index("ix_change_date", "change", ["date", "id"])
    op.create_index("ix_change_document", "change", ["document_id", "date"])
    op.create_index("ix_change_label", "change", ["document_id", "label"])
    op.create_table(
        "discrepancy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("label", LABEL, nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("instruction", sa.JSON(), nullable=True),
        sa.Column("change", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_discrepancy_document_id_document")
        ),
        sa.ForeignKeyConstraint(["notice_id"], ["notice.id"], name=op.f("fk_discrepancy_notice_id_notice")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discrepancy")),
    )
    op.create_index(op.f("ix_discrepancy_document_id"), "discrepancy", ["document_id"])
    op.create_table(
        "document_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False, comment="revision number, 1.. per document"),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column("top", sa.JSON(), nullable=False, comment="labels of the top-level provisions, in order"),
        sa.Column(
            "digest", sa.String(length=32), nullable=False, comment="digest over the top-level digests"
        ),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_document_version_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notice.id"], name=op.f("fk_document_version_notice_id_notice")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_version")),
        sa.UniqueConstraint("document_id", "number", name=op.f("uq_document_version_document_id_number")),
    )
    op.create_table(
        "instruction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "document_id", sa.Integer(), nullable=True, comment="NULL while the document is not tracked"
        ),
        sa.Column("document_title", sa.Text(), nullable=False, comment="the document as the notice names it"),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("verb", sa.String(length=16), nullable=False),
        sa.Column("target", LABEL, nullable=False),
        sa.Column("new_label", LABEL, nullable=True),
        sa.Column("source", sa.Text(), server_default="", nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_instruction_document_id_document")
        ),
        sa.ForeignKeyConstraint(["notice_id"], ["notice.id"], name=op.f("fk_instruction_notice_id_notice")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instruction")),
    )
    op.create_index(op.f("ix_instruction_document_id"), "instruction", ["document_id"])
    op.create_index(op.f("ix_instruction_notice_id"), "instruction", ["notice_id"])
    op.create_table(
        "provision_version",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("label", LABEL, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("number", sa.String(length=64), server_default="", nullable=False),
        sa.Column("heading", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "text", sa.Text(), server_default="", nullable=False, comment="own text; children keep theirs"
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("annotations", sa.JSON(), nullable=False),
        sa.Column("children", sa.JSON(), nullable=False, comment="labels of the children, in order"),
        sa.Column("digest", sa.String(length=32), nullable=False, comment="Merkle digest of the subtree"),
        sa.Column("rev_from", sa.Integer(), nullable=False),
        sa.Column(
            "rev_to", sa.Integer(), nullable=True, comment="revision that replaced it; NULL while current"
        ),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column(
            "change",
            sa.String(length=16),
            nullable=True,
            comment="what made this version; NULL for a registration",
        ),
        sa.Column("from_label", LABEL, nullable=True, comment="where it was, for a renumbered provision"),
        sa.CheckConstraint(
            "rev_to IS NULL OR rev_to > rev_from", name=op.f("ck_provision_version_rev_order")
        ),
        sa.CheckConstraint(
            "valid_to IS NULL OR valid_to >= valid_from", name=op.f("ck_provision_version_valid_order")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_provision_version_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notice.id"], name=op.f("fk_provision_version_notice_id_notice")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provision_version")),
    )
    op.create_index("ix_pv_history", "provision_version", ["document_id", "label", "rev_from"])
    op.create_index(
        "uq_pv_current",
        "provision_version",
        ["document_id", "label"],
        unique=True,
        sqlite_where=CURRENT,
        postgresql_where=CURRENT,
    )


def downgrade() -> None:
    for table in (
        "provision_version",
        "instruction",
        "document_version",
        "discrepancy",
        "change",
        "notice",
        "capture",
        "run",
        "meta",
        "document",
        "checkpoint",
        "blob",
    ):
        op.drop_table(table)
