"""The SQL schema (SQLAlchemy Core): what the tracker keeps, and why each table has its shape.

Provisions are versioned by document *revision*. Every time a document's text changes (an
import, an amending decree), the document gets a new revision number, and only the provisions
whose Merkle digest changed get a new ``provision_version`` row; the old row is closed by
setting ``rev_to``/``valid_to`` (the only columns ever updated there). Because a digest covers
a node's whole subtree, a changed fracción also re-versions its article and containers, so one
row id fixes its whole subtree: a provision's text on any date is rebuilt from one indexed range
read, and its history from the rows of one label. Order and parentage live in each row's
``children`` list (and the revision's ``top`` list), so adding a fracción re-versions its parent
but never its siblings.

Revision numbers, not dates, decide which rows belong together: two amendments in force the
same day give two revisions with the same date, the first valid for zero days.

Revisions are numbered in *in-force* order, not publication order (the bitemporal timeline,
``store.timeline``): a decree published later but in force sooner is applied to the text in
force on its own day, and the revisions in force after it are re-derived on top of it (rewound
and replayed, each keeping its notice and dates). A version whose ``valid_from`` lies in the
future is stored like any other and simply not in force yet; it blocks nothing. A change whose
day no text fixes yet (a declaratoria) is a ``change`` row with ``revision`` and ``valid_from``
NULL and the reason in ``pending``: it enters the timeline when a later notice fixes its day.
An abrogation is a revision of kind 'abrogation' in which every provision is ``abrogado``.

A revision's ``finding`` rows are the doubts about its text: what the reading raised and what the
structural check (``parser.check``) found, for a text read from a file or a notice; the check
alone for a text made by applying an amendment. Warnings, never a refusal.

A ``change`` or ``discrepancy`` id is the legal change's identity, which reviews and links name:
rows the timeline or a reprocess takes out are moved to ``retired_change`` /
``retired_discrepancy`` and the same change recorded again gets its id back (``store.identity``);
ids are never handed out twice (AUTOINCREMENT on SQLite, sequences on PostgreSQL).

Raw captures are content-addressed (``blob`` by sha256) so a page fetched twice is stored once.
Every response the fetcher reports is a capture, cut bodies included (``complete`` false): they
are evidence of what the site answered, written in short transactions of their own before an
edition's data, so they outlive an edition that fails or rolls back.
``checkpoint`` rows are written inside the same transaction as an edition's data, which makes a
rerun a no-op and a crash leave nothing behind; ``run`` rows are written in their own
transactions so a failure is recorded even when its data rolled back.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
    true,
)

from .columns import TsVector, UTCDateTime
from .columns import id_type as _id_type  # the names the tables below have always used
from .columns import label_type as _label_type
from .columns import utc_now as _now

#: The alembic revision this module describes; ``open_engine`` skips alembic when the database
#: is already there (a test checks it equals the migration scripts' head).
SCHEMA_REVISION = "0007"

NAMING = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


_CURRENT = "rev_to IS NULL"
_PENDING = "valid_from IS NULL OR valid_from > date"


blob = Table(
    "blob",
    metadata,
    Column("sha256", String(64), primary_key=True, comment="hex sha256 of the raw bytes"),
    Column("size", Integer, nullable=False),
    Column("compression", String(8), nullable=False, server_default="",
           comment="'' (raw) or 'zlib'; the digest is always of the raw bytes"),
    Column("body", LargeBinary, nullable=False),
)

capture = Table(
    "capture",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False),
    Column("status", Integer, nullable=False),
    Column("headers", JSON, nullable=False),
    Column("sha256", String(64), ForeignKey("blob.sha256"), nullable=False),
    Column("fetched_at", UTCDateTime, nullable=False),
    Column("complete", Boolean, nullable=False, server_default=true(),
           comment="false: cut short or failed its check; kept as evidence, never parsed"),
    UniqueConstraint("url", "sha256"),
)

document = Table(
    "document",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("search_title", Text, nullable=False, unique=True,
           comment="title folded to lowercase ASCII, white space collapsed: what lookups match"),
    Column("kind", String(40), nullable=False, server_default=""),
    Column("created_at", UTCDateTime, nullable=False, default=_now),
)

notice = Table(
    "notice",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("codigo", String(32), nullable=False, unique=True),
    Column("date", Date, nullable=False, index=True),
    Column("edition", String(3), nullable=False),
    Column("section", Text, nullable=False, server_default=""),
    Column("poder", Text, nullable=False, server_default=""),
    Column("issuer", Text, nullable=False, server_default=""),
    Column("title", Text, nullable=False),
    Column("url", Text, nullable=False, server_default=""),
    Column("kind", String(16), nullable=False),
    Column("document", Text, comment="the instrument it touches, as its title names it"),
    Column("document_id", Integer, ForeignKey("document.id"), index=True,
           comment="the tracked document it touched, when we track it"),
    Column("capture_id", Integer, ForeignKey("capture.id")),
    Column("sha256", String(64), comment="raw sha256 of the body capture"),
)

document_version = Table(
    "document_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("document.id"), nullable=False),
    Column("number", Integer, nullable=False, comment="revision number, 1.. per document"),
    Column("valid_from", Date, nullable=False, comment="first day in force (may lie in the future)"),
    Column("notice_id", Integer, ForeignKey("notice.id")),
    Column("kind", String(16), nullable=False, server_default="text",
           comment="'text' (a text in force) or 'abrogation' (every provision abrogado)"),
    Column("published", Date, nullable=False,
           comment="when it became known: its notice's date, else valid_from (orders a day's revisions)"),
    Column("top", JSON, nullable=False, comment="labels of the top-level provisions, in order"),
    Column("digest", String(32), nullable=False, comment="digest over the top-level digests"),
    Column("created_at", UTCDateTime, nullable=False, default=_now),
    UniqueConstraint("document_id", "number"),
)

provision_version = Table(
    "provision_version",
    metadata,
    Column("id", _id_type(), primary_key=True),
    Column("document_id", Integer, ForeignKey("document.id"), nullable=False),
    Column("label", _label_type(), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("number", String(64), nullable=False, server_default=""),
    Column("heading", Text, nullable=False, server_default=""),
    Column("text", Text, nullable=False, server_default="", comment="own text; children keep theirs"),
    Column("status", String(16), nullable=False),
    Column("annotations", JSON, nullable=False),
    Column("children", JSON, nullable=False, comment="labels of the children, in order"),
    Column("digest", String(32), nullable=False, comment="Merkle digest of the subtree"),
    Column("rev_from", Integer, nullable=False),
    Column("rev_to", Integer, comment="revision that replaced it; NULL while current"),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date),
    Column("notice_id", Integer, ForeignKey("notice.id")),
    Column("change", String(16), comment="what made this version; NULL for a registration"),
    Column("from_label", _label_type(), comment="where it was, for a renumbered provision"),
    CheckConstraint("rev_to IS NULL OR rev_to > rev_from", name="rev_order"),
    CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="valid_order"),
    Index("ix_pv_history", "document_id", "label", "rev_from"),
    Index("ix_pv_from_label", "document_id", "from_label"),
    Index("uq_pv_current", "document_id", "label", unique=True, sqlite_where=text(_CURRENT)),
)

change = Table(
    "change",
    metadata,
    Column("id", _id_type(), primary_key=True),
    Column("document_id", Integer, ForeignKey("document.id"), nullable=False),
    Column("revision", Integer, comment="the revision it made; NULL while it waits for its date"),
    Column("seq", Integer, nullable=False, comment="order within its revision"),
    Column("label", _label_type(), nullable=False),
    Column("type", String(16), nullable=False),
    Column("from_label", _label_type()),
    Column("before", Text),
    Column("after", Text),
    Column("diff", JSON, nullable=False),
    Column("notice_id", Integer, ForeignKey("notice.id")),
    Column("date", Date, nullable=False,
           comment="when it became known: the notice's date, else the version's valid_from"),
    Column("valid_from", Date, comment="first day in force; NULL while no text fixes it"),
    Column("pending", Text, comment="why no day is fixed yet (Spanish), e.g. a declaratoria"),
    Column("origin", String(16), nullable=False, comment="'computed' (texts) or 'declared'"),
    Column("reconciled", Boolean, nullable=False,
           comment="an instruction of its notice declares it"),
    Index("ix_change_date", "date", "id"),
    Index("ix_change_document", "document_id", "date", "id"),   # the log of a document, paged
    Index("ix_change_type", "type", "date", "id"),               # the log of a type, paged
    Index("ix_change_label", "document_id", "label"),
    Index("ix_change_pending", "valid_from",   # the few changes published before they are in force
          sqlite_where=text(_PENDING)),
    sqlite_autoincrement=True,   # ids are identities (store.identity): never handed out twice
)

instruction = Table(
    "instruction",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("document.id"), index=True,
           comment="NULL while the document is not tracked"),
    Column("document_title", Text, nullable=False, comment="the document as the notice names it"),
    Column("notice_id", Integer, ForeignKey("notice.id"), index=True),
    Column("seq", Integer, nullable=False),
    Column("verb", String(16), nullable=False),
    Column("target", _label_type(), nullable=False),
    Column("new_label", _label_type()),
    Column("source", Text, nullable=False, server_default=""),
    Column("applied", Boolean, nullable=False),
)

discrepancy = Table(
    "discrepancy",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("document.id"), nullable=False, index=True),
    Column("notice_id", Integer, ForeignKey("notice.id")),
    Column("kind", String(32), nullable=False),
    Column("label", _label_type(), nullable=False),
    Column("detail", Text, nullable=False),
    Column("instruction", JSON),
    Column("change", JSON),
    sqlite_autoincrement=True,   # ids are identities (store.identity): never handed out twice
)



def _retired(source: Table) -> Table:
    """Where the rows of ``source`` go when they stop existing (``store.identity``): the same
    columns (no foreign keys: evidence of what was), plus when they went."""
    columns = [Column(c.name, c.type, primary_key=c.primary_key, autoincrement=False, nullable=c.nullable)
               for c in source.columns]
    return Table(f"retired_{source.name}", metadata, *columns,
                 Column("retired_at", UTCDateTime, nullable=False, default=_now),
                 Index(f"ix_retired_{source.name}_notice", "document_id", "notice_id"))


retired_change = _retired(change)
retired_discrepancy = _retired(discrepancy)

finding = Table(
    "finding",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("document.id"), nullable=False),
    Column("revision", Integer, nullable=False, comment="the document revision whose text it is about"),
    Column("notice_id", Integer, ForeignKey("notice.id"), comment="the notice that made the revision"),
    Column("seq", Integer, nullable=False, comment="order within its revision"),
    Column("kind", String(32), nullable=False),
    Column("message", Text, nullable=False, comment="in Spanish, as people read it"),
    Column("line", Integer, comment="1-based line of the text read; NULL when about the tree"),
    Column("label", _label_type()),
    Index("ix_finding_document", "document_id", "revision"),
)

run = Table(
    "run",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date, nullable=False, index=True),
    Column("edition", String(3), nullable=False),
    Column("status", String(16), nullable=False),
    Column("counts", JSON, nullable=False),
    Column("error", Text),
    Column("started_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime),
)

checkpoint = Table(
    "checkpoint",
    metadata,
    Column("day", Date, primary_key=True),
    Column("edition", String(3), primary_key=True),
    Column("completed_at", UTCDateTime, nullable=False),
    Column("counts", JSON, nullable=False),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


def json_list(value: Any) -> list[Any]:
    """A JSON column value as a list (drivers hand back lists; guard against strings)."""
    if isinstance(value, list):
        return value
    raise TypeError(f"expected a JSON list, got {type(value).__name__}")


# --- the web application's data (store.users, store.review, store.watch, store.search) ----------
app_user = Table(
    "app_user",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True, comment="lowercase login name"),
    Column("role", String(16), nullable=False, comment="reader, reviewer or admin"),
    Column("password_hash", Text, nullable=False, comment="argon2id, PHC string"),
    Column("email", Text, comment="where the daily digest goes; NULL: no digest by mail"),
    Column("created_at", UTCDateTime, nullable=False, default=_now),
    CheckConstraint("role IN ('reader', 'reviewer', 'admin')", name="role"),
)

api_token = Table(
    "api_token",
    metadata,
    Column("user_id", Integer, ForeignKey("app_user.id"), primary_key=True,
           comment="one token per user: a new one replaces the old"),
    Column("token_hash", String(64), nullable=False, unique=True, comment="hex sha256 of the token"),
    Column("created_at", UTCDateTime, nullable=False, default=_now),
)

review_event = Table(
    "review_event",
    metadata,
    Column("id", _id_type(), primary_key=True),
    Column("subject", String(16), nullable=False, comment="'change' or 'discrepancy'"),
    Column("subject_id", _id_type(), nullable=False, comment="change.id or discrepancy.id"),
    Column("state", String(24), nullable=False),
    Column("user_id", Integer, ForeignKey("app_user.id"),
           comment="NULL: the tracker itself (store.reread), no person"),
    Column("note", Text, nullable=False, server_default=""),
    Column("at", UTCDateTime, nullable=False, default=_now),
    CheckConstraint("subject IN ('change', 'discrepancy')", name="subject"),
    CheckConstraint("state IN ('nueva', 'revisada', 'requiere_atencion')", name="state"),
    Index("ix_review_event_subject", "subject", "subject_id", "id"),
)

watch = Table(
    "watch",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("app_user.id"), nullable=False, index=True),
    Column("document_id", Integer, ForeignKey("document.id"), nullable=False),
    Column("label", _label_type(), comment="NULL: the whole document"),
    Column("since_change", _id_type(), nullable=False,
           comment="the highest change id when watched: renumberings recorded after it are followed"),
    Column("created_at", UTCDateTime, nullable=False, default=_now),
)

search_entry = Table(
    "search_entry",
    metadata,
    Column("id", _id_type(), primary_key=True),
    Column("version_id", _id_type(), ForeignKey("provision_version.id"), nullable=False, unique=True,
           comment="the current provision_version row this entry indexes"),
    Column("document_id", Integer, ForeignKey("document.id"), nullable=False, index=True),
    Column("label", _label_type(), nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("text", Text, nullable=False, comment="heading and own text, as shown in a snippet"),
    Column("folded", Text, nullable=False, comment="text folded to lowercase ASCII: what is matched"),
    Column("tsv", Text().with_variant(TsVector(), "postgresql"),
           comment="PostgreSQL: to_tsvector('spanish', folded); SQLite: unused (FTS5 search_fts)"),
    Index("ix_search_entry_tsv", "tsv"),  # GIN on PostgreSQL: see declare_postgresql
)


#: The PostgreSQL-only options of some indexes (the partial ones' predicates, the full-text
#: index's GIN). SQLAlchemy imports a dialect to check any option named after it, and the
#: PostgreSQL dialect with its drivers' modules costs ~30 ms that a SQLite store never needs,
#: so ``declare_postgresql`` adds them when a PostgreSQL engine opens (``store.db.open_engine``).
_POSTGRESQL_INDEX_OPTIONS: dict[str, dict[str, Any]] = {
    "uq_pv_current": {"postgresql_where": _CURRENT},
    "ix_change_pending": {"postgresql_where": _PENDING},
    "ix_search_entry_tsv": {"postgresql_using": "gin"},
}


@cache
def declare_postgresql() -> None:
    """Add the PostgreSQL-only index options to ``metadata``, once. The migrations create what
    they describe; the model keeps them so that it says what the migrations made (alembic's
    comparison, a migration autogenerated against PostgreSQL)."""
    for table in metadata.tables.values():
        for index in table.indexes:
            for key, value in _POSTGRESQL_INDEX_OPTIONS.get(index.name or "", {}).items():
                index.dialect_kwargs[key] = text(value) if key.endswith("_where") else value
