"""pipeline.ingest_edition on its own (the pipeline's write side), against a real fetched edition."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import Engine, func, select
from test_pipeline_support import BASE, IMSS_CODIGO, TITLE
from test_store_support import db_url_fixture, engine_fixture  # noqa: F401  (fixtures)

import pipeline
import store
from gazette import Capture
from parser import read_statute
from scraper import DofSource, Edition, FetchedEdition, fetch_edition, fetch_policy, open_fetcher
from scraper.mirror import serve_mirror
from store import schema as s


def _fetch(day: date, edition: Edition) -> tuple[list[Capture], FetchedEdition]:
    captures: list[Capture] = []
    with serve_mirror() as mirror:
        source = DofSource(open_fetcher(mirror.base_url, fetch_policy(mirror.base_url), captures.append),
                           mirror.base_url)
        return captures, fetch_edition(source, day, edition)


def test_ingest_edition_returns_a_frozen_result_and_links_bodies_to_captures(engine: Engine) -> None:
    captures, fetched = _fetch(date(2024, 5, 15), Edition.MAT)
    with store.transaction(engine) as conn:
        pipeline.import_text(conn, read_statute(BASE.read_bytes(), str(BASE)), TITLE, date(2023, 10, 6))
        result = pipeline.ingest_edition(conn, fetched)
    assert isinstance(result, pipeline.IngestResult)
    counts = result.counts
    # 15/05/2024: the IMSS Modificación applied; the Reglamento decree (untracked) kept as 7
    # unapplied instructions; the Lineamientos registered as a new document; nothing to warn about.
    keys = ("notices", "changes", "amendments_applied", "problems", "documents_registered",
            "instructions_unapplied")
    assert [counts.get(k, 0) for k in keys] == [8, 14, 1, 0, 1, 7]
    assert result.warnings == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.warnings = ()  # type: ignore[misc]
    with engine.connect() as conn:
        body_sha, capture_id = conn.execute(select(s.notice.c.sha256, s.notice.c.capture_id)
                                            .where(s.notice.c.codigo == IMSS_CODIGO)).one()
        stored = conn.execute(select(func.count()).select_from(s.capture)).scalar_one()
        loaded = store.load_capture(conn, capture_id)
    # not archived beforehand (no pipeline here): the bodies it reads are stored and linked, and
    # nothing else (archiving every capture is the pipeline's own transaction, archive_captures)
    assert loaded.sha256 == body_sha and loaded.url.endswith(f"/notas/docFuente/{IMSS_CODIGO}")
    assert stored == len(fetched.bodies) < len(captures)
