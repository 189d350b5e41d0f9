"""The pipeline: one DOF day from the network (or the archive) into the store.

``day`` runs one edition (fetch -> archive -> classify -> read -> apply -> store, one transaction
and its checkpoint); ``catchup`` picks the editions (a range, or every one not yet done);
``ingest`` writes one fetched edition; ``pending`` applies amendments that waited for their
document; ``imports`` registers a text; ``notify`` tells someone. It imports scraper, parser,
diffing and store; store imports none of it.
"""

from .catchup import catch_up, day_range, edition_targets, pending_editions, sync
from .day import (
    EDITIONS,
    LOOKBACK_DAYS,
    MEXICO_CITY,
    EditionResult,
    Pipeline,
    SyncReport,
    mexico_today,
    short_error,
)
from .imports import import_document
from .ingest import ImportResult, IngestResult, has_own_text, import_text, ingest_edition
from .notify import NOTIFY_ENV, notify, report_outcome
from .pending import PendingResult, apply_pending

__all__ = [
    "EDITIONS",
    "LOOKBACK_DAYS",
    "MEXICO_CITY",
    "NOTIFY_ENV",
    "EditionResult",
    "ImportResult",
    "IngestResult",
    "PendingResult",
    "Pipeline",
    "SyncReport",
    "apply_pending",
    "catch_up",
    "day_range",
    "edition_targets",
    "has_own_text",
    "import_document",
    "import_text",
    "ingest_edition",
    "mexico_today",
    "notify",
    "pending_editions",
    "report_outcome",
    "short_error",
    "sync",
]
