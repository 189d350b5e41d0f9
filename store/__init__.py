"""The SQL store (SQLAlchemy Core) and the Python-shell API.

Open a store and ask it things (``store.api``)::

    >>> from store import open_store                      # doctest: +SKIP
    >>> estatuto = open_store().document("imss-bienestar") # doctest: +SKIP
    >>> estatuto.history("57, fracción IX")                # doctest: +SKIP

Write to it (the pipeline): ``open_engine``, then ``with acquire_writer_lock(engine):`` and one
``with transaction(engine) as conn:`` per DOF edition, calling the ``save_*``, ``register_*``,
``apply_new_version``, ``record_*`` functions and ``write_checkpoint`` inside it.

Names are imported on first use (PEP 562 ``__getattr__``), so a read-only command loads the
query modules it uses and not, say, the instrument matcher or the status figures.
"""

from typing import TYPE_CHECKING

from lazy import lazy_exports

if TYPE_CHECKING:
    from .api import Store, open_store
    from .bookkeeping import (
        Problem,
        RunRecord,
        RunStatus,
        attention_codigos,
        attention_editions,
        clear_attention,
        done_editions,
        finish_run,
        get_meta,
        is_done,
        note_attention,
        problems,
        read_checkpoint,
        runs,
        set_meta,
        start_run,
        write_checkpoint,
    )
    from .catalog import find_documents, normalize_title
    from .db import (
        acquire_writer_lock,
        default_url,
        downgrade,
        ensure_schema,
        open_engine,
        safe_url,
        schema_revision,
        transaction,
        upgrade,
    )
    from .findings import FindingCount, finding_counts, findings_of, record_findings, stored_findings
    from .handle import DocumentHandle
    from .matching import Tracked, same_instrument
    from .records import (
        UnappliedInstruction,
        archive_captures,
        load_capture,
        mark_applied,
        notice_id,
        record_discrepancies,
        record_instructions,
        record_unapplied,
        save_capture,
        save_notice,
        unapplied_instructions,
    )
    from .revision_reads import (
        Revision,
        current_document,
        document_at,
        latest_revision,
        revision_at,
        revisions,
    )
    from .status import TRACKING_SINCE, StoreStatus, store_status
    from .values import ChangeEntry, Comparison, DocumentInfo, Version, history_json
    from .versions import AppliedVersion, apply_new_version, register_document

_WHERE = {
    "ChangeEntry": "values",
    "Comparison": "values",
    "DocumentHandle": "handle",
    "DocumentInfo": "values",
    "Store": "api",
    "Version": "values",
    "history_json": "values",
    "open_store": "api",
    "acquire_writer_lock": "db",
    "default_url": "db",
    "downgrade": "db",
    "ensure_schema": "db",
    "open_engine": "db",
    "safe_url": "db",
    "schema_revision": "db",
    "transaction": "db",
    "upgrade": "db",
    "FindingCount": "findings",
    "finding_counts": "findings",
    "findings_of": "findings",
    "record_findings": "findings",
    "stored_findings": "findings",
    "Tracked": "matching",
    "same_instrument": "matching",
    "Problem": "bookkeeping",
    "RunRecord": "bookkeeping",
    "RunStatus": "bookkeeping",
    "UnappliedInstruction": "records",
    "archive_captures": "records",
    "attention_codigos": "bookkeeping",
    "attention_editions": "bookkeeping",
    "clear_attention": "bookkeeping",
    "done_editions": "bookkeeping",
    "finish_run": "bookkeeping",
    "get_meta": "bookkeeping",
    "is_done": "bookkeeping",
    "load_capture": "records",
    "mark_applied": "records",
    "note_attention": "bookkeeping",
    "notice_id": "records",
    "problems": "bookkeeping",
    "read_checkpoint": "bookkeeping",
    "record_discrepancies": "records",
    "record_instructions": "records",
    "record_unapplied": "records",
    "runs": "bookkeeping",
    "save_capture": "records",
    "save_notice": "records",
    "set_meta": "bookkeeping",
    "start_run": "bookkeeping",
    "unapplied_instructions": "records",
    "write_checkpoint": "bookkeeping",
    "TRACKING_SINCE": "status",
    "StoreStatus": "status",
    "store_status": "status",
    "AppliedVersion": "versions",
    "Revision": "revision_reads",
    "apply_new_version": "versions",
    "current_document": "revision_reads",
    "document_at": "revision_reads",
    "find_documents": "catalog",
    "latest_revision": "revision_reads",
    "normalize_title": "catalog",
    "register_document": "versions",
    "revision_at": "revision_reads",
    "revisions": "revision_reads",
}

__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals())

__all__ = [
    "AppliedVersion",
    "ChangeEntry",
    "Comparison",
    "DocumentHandle",
    "DocumentInfo",
    "Store",
    "Version",
    "history_json",
    "open_store",
    "FindingCount",
    "finding_counts",
    "findings_of",
    "record_findings",
    "stored_findings",
    "Tracked",
    "same_instrument",
    "TRACKING_SINCE",
    "StoreStatus",
    "store_status",
    "Problem",
    "Revision",
    "RunRecord",
    "RunStatus",
    "UnappliedInstruction",
    "acquire_writer_lock",
    "apply_new_version",
    "archive_captures",
    "attention_codigos",
    "attention_editions",
    "clear_attention",
    "current_document",
    "default_url",
    "document_at",
    "done_editions",
    "downgrade",
    "ensure_schema",
    "find_documents",
    "finish_run",
    "get_meta",
    "is_done",
    "latest_revision",
    "load_capture",
    "mark_applied",
    "normalize_title",
    "note_attention",
    "notice_id",
    "open_engine",
    "problems",
    "read_checkpoint",
    "record_discrepancies",
    "record_instructions",
    "record_unapplied",
    "register_document",
    "revision_at",
    "revisions",
    "runs",
    "safe_url",
    "save_capture",
    "save_notice",
    "schema_revision",
    "set_meta",
    "start_run",
    "transaction",
    "unapplied_instructions",
    "upgrade",
    "write_checkpoint",
]
