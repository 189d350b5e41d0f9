"""The legal timeline: revisions in in-force order, changes waiting for their day, abrogations.

``document_version`` gains ``kind`` ('text' | 'abrogation') and ``published`` (the day the
revision became known: its notice's date, else its valid_from; it orders revisions in force the
same day); existing rows are filled from their notice. ``change`` may now wait for its day
(``revision`` and ``valid_from`` NULL, the reason in ``pending``); existing rows all have theirs.

Downgrade, with data: what 0003 cannot represent is taken out — changes still waiting for a
date (0003 had none), and abrogation revisions with their rows and their change-log entry (the
rows they closed are reopened, as 0003 left an abrogated text). Everything else stays.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


# The rows the pending view reads: changes published before they are in force, or with no day.
PENDING = "valid_from IS NULL OR valid_from > date"


def upgrade() -> None:
    with op.batch_alter_table("document_version") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=16), nullable=False, server_default="text",
                                   comment="'text' (a text in force) or 'abrogation' (every provision "
                                           "abrogado)"))
        batch.add_column(sa.Column("published", sa.Date(), nullable=True))
    op.execute("UPDATE document_version SET published = COALESCE("
               "(SELECT notice.date FROM notice WHERE notice.id = document_version.notice_id), "
               "valid_from)")
    with op.batch_alter_table("document_version") as batch:
        batch.alter_column("published", existing_type=sa.Date(), nullable=False,
                           comment="when it became known: its notice's date, else valid_from (orders a "
                                   "day's revisions)")
        batch.alter_column("valid_from", existing_type=sa.Date(), existing_nullable=False,
                           comment="first day in force (may lie in the future)")
    with op.batch_alter_table("change") as batch:
        batch.alter_column("revision", existing_type=sa.Integer(), nullable=True,
                           comment="the revision it made; NULL while it waits for its date")
        batch.alter_column("valid_from", existing_type=sa.Date(), nullable=True,
                           comment="first day in force; NULL while no text fixes it")
        batch.add_column(sa.Column("pending", sa.Text(), nullable=True,
                                   comment="why no day is fixed yet (Spanish), e.g. a declaratoria"))
    op.create_index("ix_change_pending", "change", ["valid_from"],
                    sqlite_where=sa.text(PENDING), postgresql_where=sa.text(PENDING))
    op.create_index("ix_pv_from_label", "provision_version", ["document_id", "from_label"])


# An abrogation revision: drop its rows, reopen those it closed, drop its log entry and findings.
_DROP_ABROGATIONS = (
    "DELETE FROM provision_version WHERE rev_from IN (SELECT dv.number FROM document_version dv "
    "WHERE dv.kind = 'abrogation' AND dv.document_id = provision_version.document_id)",
    "UPDATE provision_version SET rev_to = NULL, valid_to = NULL WHERE rev_to IN (SELECT dv.number "
    "FROM document_version dv WHERE dv.kind = 'abrogation' "
    "AND dv.document_id = provision_version.document_id)",
    "DELETE FROM change WHERE revision IN (SELECT dv.number FROM document_version dv "
    "WHERE dv.kind = 'abrogation' AND dv.document_id = change.document_id)",
    "DELETE FROM finding WHERE revision IN (SELECT dv.number FROM document_version dv "
    "WHERE dv.kind = 'abrogation' AND dv.document_id = finding.document_id)",
    "DELETE FROM document_version WHERE kind = 'abrogation'",
)


def downgrade() -> None:
    op.execute("DELETE FROM change WHERE revision IS NULL OR valid_from IS NULL")
    for statement in _DROP_ABROGATIONS:
        op.execute(statement)
    op.drop_index("ix_pv_from_label", table_name="provision_version")
    op.drop_index("ix_change_pending", table_name="change")
    with op.batch_alter_table("change") as batch:
        batch.drop_column("pending")
        batch.alter_column("valid_from", existing_type=sa.Date(), nullable=False, comment=None)
        batch.alter_column("revision", existing_type=sa.Integer(), nullable=False, comment=None)
    with op.batch_alter_table("document_version") as batch:
        batch.drop_column("published")
        batch.drop_column("kind")
        batch.alter_column("valid_from", existing_type=sa.Date(), existing_nullable=False, comment=None)
