"""The web application's data: users and their API tokens, the review trail, watchlists, and the
full-text index over the current provision versions.

``search_entry`` holds one row per current provision version (its heading and own text, and that
text folded to lowercase ASCII). PostgreSQL matches ``tsv`` (``to_tsvector('spanish', folded)``,
GIN-indexed); SQLite matches the FTS5 table ``search_fts`` (``unicode61 remove_diacritics 2``)
whose content is ``search_entry.folded``, kept in step by ``store.search.reindex`` with one
set-based statement per batch (a per-row trigger measured 17 times slower). A store that already
has documents gets its index built here.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR

from parser.vocabulary import fold_text

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Frozen copies of store/schema.py's types as of this revision.
LABEL = sa.String(length=255).with_variant(sa.String(length=255, collation="C"), "postgresql")
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
NOW = sa.DateTime(timezone=True)

SQLITE_FTS = ("CREATE VIRTUAL TABLE search_fts USING fts5(folded, content='search_entry', "
              "content_rowid='id', tokenize='unicode61 remove_diacritics 2')")


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False, comment="lowercase login name"),
        sa.Column("role", sa.String(length=16), nullable=False, comment="reader, reviewer or admin"),
        sa.Column("password_hash", sa.Text(), nullable=False, comment="argon2id, PHC string"),
        sa.Column("email", sa.Text(), nullable=True,
                  comment="where the daily digest goes; NULL: no digest by mail"),
        sa.Column("created_at", NOW, nullable=False),
        sa.CheckConstraint("role IN ('reader', 'reviewer', 'admin')", name=op.f("ck_app_user_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("name", name=op.f("uq_app_user_name")),
    )
    op.create_table(
        "api_token",
        sa.Column("user_id", sa.Integer(), nullable=False,
                  comment="one token per user: a new one replaces the old"),
        sa.Column("token_hash", sa.String(length=64), nullable=False, comment="hex sha256 of the token"),
        sa.Column("created_at", NOW, nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_api_token_user_id_app_user")),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_api_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_token_token_hash")),
    )
    op.create_table(
        "review_event",
        sa.Column("id", ID, nullable=False),
        sa.Column("subject", sa.String(length=16), nullable=False, comment="'change' or 'discrepancy'"),
        sa.Column("subject_id", ID, nullable=False, comment="change.id or discrepancy.id"),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("at", NOW, nullable=False),
        sa.CheckConstraint("subject IN ('change', 'discrepancy')", name=op.f("ck_review_event_subject")),
        sa.CheckConstraint("state IN ('nueva', 'revisada', 'requiere_atencion')",
                           name=op.f("ck_review_event_state")),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"],
                                name=op.f("fk_review_event_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_event")),
    )
    op.create_index("ix_review_event_subject", "review_event", ["subject", "subject_id", "id"])
    op.create_table(
        "watch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("label", LABEL, nullable=True, comment="NULL: the whole document"),
        sa.Column("since_revision", sa.Integer(), nullable=False,
                  comment="the document's revision when watched: renumberings after it are followed"),
        sa.Column("created_at", NOW, nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], name=op.f("fk_watch_document_id_document")),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_watch_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watch")),
    )
    op.create_index("ix_watch_user_id", "watch", ["user_id"])
    op.create_table(
        "search_entry",
        sa.Column("id", ID, nullable=False),
        sa.Column("version_id", ID, nullable=False,
                  comment="the current provision_version row this entry indexes"),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("label", LABEL, nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False, comment="heading and own text, as shown in a snippet"),
        sa.Column("folded", sa.Text(), nullable=False,
                  comment="text folded to lowercase ASCII: what is matched"),
        sa.Column("tsv", sa.Text().with_variant(TSVECTOR(), "postgresql"), nullable=True,
                  comment="PostgreSQL: to_tsvector('spanish', folded); SQLite: unused (FTS5 search_fts)"),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"],
                                name=op.f("fk_search_entry_document_id_document")),
        sa.ForeignKeyConstraint(["version_id"], ["provision_version.id"],
                                name=op.f("fk_search_entry_version_id_provision_version")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entry")),
        sa.UniqueConstraint("version_id", name=op.f("uq_search_entry_version_id")),
    )
    op.create_index("ix_search_entry_document_id", "search_entry", ["document_id"])
    op.create_index("ix_search_entry_tsv", "search_entry", ["tsv"], postgresql_using="gin")
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(SQLITE_FTS)
    _backfill(bind)


def _backfill(bind: sa.Connection) -> None:
    """Index the current versions a store already has (the same rows ``store.search`` writes)."""
    rows = bind.execute(sa.text(
        "SELECT id, document_id, label, valid_from, heading, text FROM provision_version "
        "WHERE rev_to IS NULL ORDER BY id")).all()
    entries = []
    for row in rows:
        shown = " ".join(part for part in (row.heading, row.text) if part)
        if shown.strip():
            entries.append({"version_id": row.id, "document_id": row.document_id, "label": row.label,
                            "valid_from": row.valid_from, "text": shown, "folded": fold_text(shown)})
    if entries:
        bind.execute(sa.text("INSERT INTO search_entry (version_id, document_id, label, valid_from, text, "
                             "folded) VALUES (:version_id, :document_id, :label, :valid_from, :text, "
                             ":folded)"), entries)
    if bind.dialect.name == "postgresql":
        op.execute("UPDATE search_entry SET tsv = to_tsvector('spanish', folded)")
    else:
        op.execute("INSERT INTO search_fts (rowid, folded) SELECT id, folded FROM search_entry")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")
    op.drop_index("ix_search_entry_tsv", table_name="search_entry", postgresql_using="gin")
    op.drop_index("ix_search_entry_document_id", table_name="search_entry")
    op.drop_table("search_entry")
    op.drop_index("ix_watch_user_id", table_name="watch")
    op.drop_table("watch")
    op.drop_index("ix_review_event_subject", table_name="review_event")
    op.drop_table("review_event")
    op.drop_table("api_token")
    op.drop_table("app_user")
