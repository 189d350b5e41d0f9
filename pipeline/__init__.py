"""The pipeline: one DOF day from the network (or the archive) into the store.

``day`` runs one edition (fetch -> archive -> classify -> read -> apply -> store, one transaction
and its checkpoint); ``catchup`` picks the editions (a range, or every one not yet done);
``ingest`` writes one fetched edition, each note read once by ``reading``; ``pending`` applies
amendments that waited for their document; ``reprocess`` runs the archive through the reader
again; ``imports`` registers a text; ``notify`` tells someone; ``digests`` (imported on its own, it
builds on report and web.mail) sends each user's daily digest. It imports scraper, parser,
diffing and store; store imports none of it.
"""

from gazette import MEXICO_CITY, mexico_today

from .catchup import catch_up, day_range, edition_targets, pending_editions, sync
from .day import (
    EDITIONS,
    LOOKBACK_DAYS,
    EditionResult,
    Pipeline,
    SyncReport,
    short_error,
)
from .imports import import_document
from .ingest import ImportResult, IngestResult, has_own_text, import_text, ingest_edition
from .notify import BASE_URL_ENV, DIGEST_FROM_ENV, DIGEST_SMTP_ENV, NOTIFY_ENV, notify, report_outcome
from .pending import PendingResult, apply_pending
from .reading import CURRENT_READER, Reader, read_amendment_body, read_statute_body
from .reprocess import NoticeDelta, ReprocessReport, reprocess

__all__ = [
    "CURRENT_READER",
    "NoticeDelta",
    "Reader",
    "ReprocessReport",
    "read_amendment_body",
    "read_statute_body",
    "reprocess",
    "BASE_URL_ENV",
    "DIGEST_FROM_ENV",
    "DIGEST_SMTP_ENV",
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
