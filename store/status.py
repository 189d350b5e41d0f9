"""What a store holds and how far it has got: the figures behind ``dof-tracker info``.

Read-only; ``report.info_text`` renders them. Failed editions are listed only while no
later attempt has checkpointed them, since the nightly run retries them; editions that need
attention are listed until a retry succeeds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from gazette import Edition

from . import schema as s
from .bookkeeping import (
    Problem,
    RunRecord,
    RunStatus,
    done_editions,
    get_meta,
    problems,
    read_checkpoint,
    runs,
)
from .db import schema_revision
from .findings import FindingCount, finding_counts

TRACKING_SINCE = "tracking_since"  # meta key: the first day the nightly run tracks
_RECENT_RUNS = 200


@dataclass(frozen=True, slots=True)
class StoreStatus:
    """Counts, checkpoints and the state of the runs of one store."""

    revision: str | None
    documents: int
    notices: int
    versions: int
    changes: int
    captures: int
    waiting_instructions: int
    checkpoints: Mapping[Edition, date | None]
    tracking_since: str | None
    last_run: RunRecord | None
    failed: tuple[RunRecord, ...]
    findings: tuple[FindingCount, ...] = ()  # per document: its latest text's and all revisions'
    attention: tuple[Problem, ...] = ()  # editions stored with notices that need a person; retried


def store_status(conn: Connection) -> StoreStatus:
    """Read the store's status (a few counts and the last runs; no table scan beyond counts)."""
    def count(table: Any, *where: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

    recent = runs(conn)[-_RECENT_RUNS:]
    return StoreStatus(
        revision=schema_revision(conn), documents=count(s.document), notices=count(s.notice),
        versions=count(s.provision_version), changes=count(s.change), captures=count(s.capture),
        waiting_instructions=count(s.instruction, s.instruction.c.applied.is_(False)),
        checkpoints={e: read_checkpoint(conn, e) for e in Edition},
        tracking_since=get_meta(conn, TRACKING_SINCE),
        last_run=recent[-1] if recent else None,
        failed=_still_failed(conn, recent),
        findings=finding_counts(conn),
        attention=tuple(p for p in problems(conn) if p.status is RunStatus.NEEDS_ATTENTION),
    )


def _still_failed(conn: Connection, recent: tuple[RunRecord, ...]) -> tuple[RunRecord, ...]:
    """The failed runs whose edition has no checkpoint yet (the next run retries them)."""
    failed = {(r.day, r.edition): r for r in recent if r.status is RunStatus.FAILED}
    first = min((d for d, _ in failed), default=date.max)
    done = done_editions(conn, first, date.max) if failed else frozenset()
    return tuple(r for key, r in failed.items() if key not in done)
