"""Importing a text (``dof-tracker import``): a consolidated text registered as of a date."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from parser import ensure_whole, read_statute
from store import acquire_writer_lock, transaction

from .ingest import ImportResult, import_text


def import_document(engine: Engine, data: bytes, name: str, title: str | None, as_of: date) -> ImportResult:
    """Register a text as of a date (or make it a new version of the document it names), then
    apply the amendments stored for it that came later."""
    document = ensure_whole(read_statute(data, name))
    with acquire_writer_lock(engine), transaction(engine) as conn:
        return import_text(conn, document, title, as_of)


