"""The SQL store (SQLAlchemy Core) and the Python-shell API.

Open a store and ask it things (``store.api``)::

    >>> from store import open_store                      # doctest: +SKIP
    >>> estatuto = open_store().document("imss-bienestar") # doctest: +SKIP
    >>> estatuto.history("57, fracción IX")                # doctest: +SKIP

Write to it (the pipeline): ``open_engine``, then ``with acquire_writer_lock(engine):`` and one
``with transaction(engine) as conn:`` per DOF edition, calling the ``save_*``, ``register_*``,
``apply_new_version``, ``record_*`` functions and ``write_checkpoint`` inside it.
"""

from .api import (
    ChangeEntry,
    Comparison,
    DocumentHandle,
    DocumentInfo,
    Store,
    Version,
    history_json,
    open_store,
)
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
from .ingest import ImportResult, has_own_text, import_text, ingest_edition
from .matching import Tracked, same_instrument
from .pending import PendingResult, apply_pending
from .records import (
    RunRecord,
    RunStatus,
    UnappliedInstruction,
    archive_captures,
    done_editions,
    finish_run,
    get_meta,
    is_done,
    load_capture,
    mark_applied,
    notice_id,
    read_checkpoint,
    record_discrepancies,
    record_instructions,
    record_unapplied,
    runs,
    save_capture,
    save_notice,
    set_meta,
    start_run,
    unapplied_instructions,
    write_checkpoint,
)
from .status import TRACKING_SINCE, StoreStatus, store_status
from .versions import (
    AppliedVersion,
    Revision,
    apply_new_version,
    current_document,
    document_at,
    find_documents,
    latest_revision,
    normalize_title,
    register_document,
    revision_at,
    revisions,
)

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
    "ImportResult",
    "PendingResult",
    "Tracked",
    "apply_pending",
    "has_own_text",
    "import_text",
    "ingest_edition",
    "same_instrument",
    "TRACKING_SINCE",
    "StoreStatus",
    "store_status",
    "Revision",
    "RunRecord",
    "RunStatus",
    "UnappliedInstruction",
    "acquire_writer_lock",
    "apply_new_version",
    "archive_captures",
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
    "notice_id",
    "open_engine",
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
