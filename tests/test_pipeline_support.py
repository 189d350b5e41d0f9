"""Helpers shared by the pipeline, CLI, reliability and demo tests (no tests of its own).

``state_digest`` is the canonical state of a store: every table that holds data, with database
ids replaced by the natural keys they stand for (codigo, title, day+edition), and without what
legitimately differs between two correct runs (run records, fetch times, HTTP headers, ids).
Two stores with equal digests hold the same notices, documents, versions, changes,
instructions, discrepancies, checkpoints and archived bytes.

Evidence, deliberately split: the pipeline archives every response it receives, and so the
archive of a run that met network faults also holds the cut bodies (``complete`` false) and
the 429/5xx answers it retried past. Those record one attempt's luck, not the state a correct
run must reach, so they are left out. Every whole 2xx capture (the pages and bodies the data
was read from) and its bytes stay in: a rerun after a crash must have archived exactly those,
once each, and a faulty but successful run the same ones as a clean run.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from store import schema as s

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "fixtures" / "imss" / "estatuto_organico_base.txt"
TITLE = ("Estatuto Orgánico de Servicios de Salud del Instituto Mexicano del Seguro Social para el "
         "Bienestar (IMSS-BIENESTAR)")
AS_OF = "2023-10-06"
FIRST, LAST = "2024-05-13", "2024-05-17"
IMSS_CODIGO = "5727205"


def _rows(engine: Engine, query: Any) -> list[str]:
    with engine.connect() as conn:
        rows = [json.dumps([_plain(v) for v in row], sort_keys=True, ensure_ascii=False)
                for row in conn.execute(query)]
    return sorted(rows)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return hashlib.sha256(bytes(value)).hexdigest()
    return value


def state_tables(engine: Engine, source: str | None = None) -> dict[str, list[str]]:
    """Each data table as sorted JSON rows, ids replaced by natural keys; with ``source`` (the
    base URL a sync used), capture URLs relative to it, so syncs from two mirrors compare."""
    doc = s.document.alias("doc")
    n = s.notice.alias("n")

    def doc_title(column: Any) -> Any:
        return select(doc.c.search_title).where(doc.c.id == column).scalar_subquery()

    def codigo(column: Any) -> Any:
        return select(n.c.codigo).where(n.c.id == column).scalar_subquery()

    nt, pv, ch, ins, dis, dv = (s.notice, s.provision_version, s.change, s.instruction,
                                s.discrepancy, s.document_version)
    return {
        "document": _rows(engine, select(s.document.c.title, s.document.c.search_title, s.document.c.kind)),
        "notice": _rows(engine, select(*(nt.c[k] for k in (
            "codigo", "date", "edition", "section", "poder", "issuer", "title", "url", "kind", "document",
            "sha256")), doc_title(nt.c.document_id))),
        "document_version": _rows(engine, select(doc_title(dv.c.document_id), dv.c.number, dv.c.valid_from,
                                                 codigo(dv.c.notice_id), dv.c.top, dv.c.digest)),
        "provision_version": _rows(engine, select(
            doc_title(pv.c.document_id), *(pv.c[k] for k in (
                "label", "kind", "number", "heading", "text", "status", "annotations", "children", "digest",
                "rev_from", "rev_to", "valid_from", "valid_to", "change", "from_label")),
            codigo(pv.c.notice_id))),
        "change": _rows(engine, select(doc_title(ch.c.document_id), *(ch.c[k] for k in (
            "revision", "seq", "label", "type", "from_label", "before", "after", "diff", "date",
            "valid_from", "origin", "reconciled")), codigo(ch.c.notice_id))),
        "instruction": _rows(engine, select(doc_title(ins.c.document_id), *(ins.c[k] for k in (
            "document_title", "seq", "verb", "target", "new_label", "source", "applied")),
            codigo(ins.c.notice_id))),
        "discrepancy": _rows(engine, select(doc_title(dis.c.document_id), *(dis.c[k] for k in (
            "kind", "label", "detail", "instruction", "change")), codigo(dis.c.notice_id))),
        "checkpoint": _rows(engine, select(s.checkpoint.c.day, s.checkpoint.c.edition,
                                           s.checkpoint.c.counts)),
        "capture": _rows(engine, select(_relative(s.capture.c.url, source), s.capture.c.status,
                                        s.capture.c.sha256).where(_state_evidence())),
        "blob": _rows(engine, select(s.blob.c.sha256, s.blob.c.size, s.blob.c.body).where(
            s.blob.c.sha256.in_(select(s.capture.c.sha256).where(_state_evidence())))),
        "meta": _rows(engine, select(s.meta.c.key, s.meta.c.value)),
    }


def _relative(url: Any, source: str | None) -> Any:
    return func.replace(url, source, "") if source else url


def _state_evidence() -> Any:
    """The captures that belong to the canonical state: whole 2xx answers (see the docstring)."""
    cap = s.capture.c
    return cap.complete.is_(True) & cap.status.between(200, 299)


def fault_evidence(engine: Engine) -> dict[str, int]:
    """How many archived captures are evidence of faults: cut bodies and non-2xx answers."""
    cap = s.capture.c
    with engine.connect() as conn:
        cut = conn.execute(select(func.count()).where(cap.complete.is_(False))).scalar_one()
        failed = conn.execute(select(func.count()).where(~cap.status.between(200, 299))).scalar_one()
    return {"cut": int(cut), "non_2xx": int(failed)}


def state_digest(engine: Engine, source: str | None = None) -> str:
    """One sha256 over ``state_tables``."""
    text = json.dumps(state_tables(engine, source), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def partial_editions(engine: Engine) -> list[str]:
    """Editions written only in part: notices of an edition without its checkpoint, checkpoints
    whose notice count disagrees with the notices stored, changes whose notice is not there."""
    problems: list[str] = []
    with engine.connect() as conn:
        checkpoints = {(r.day, r.edition): r.counts for r in conn.execute(select(s.checkpoint))}
        notices = conn.execute(select(s.notice.c.date, s.notice.c.edition, func.count())
                               .group_by(s.notice.c.date, s.notice.c.edition)).all()
        for day, edition, count in notices:
            counts = checkpoints.get((day, edition))
            if counts is None:
                problems.append(f"{day} {edition}: {count} notices without a checkpoint")
            elif counts.get("notices", 0) != count:
                problems.append(f"{day} {edition}: checkpoint says {counts.get('notices')} notices, "
                                f"{count} stored")
        orphans = conn.execute(select(func.count()).select_from(s.change).where(
            s.change.c.notice_id.is_not(None),
            s.change.c.notice_id.not_in(select(s.notice.c.id)))).scalar_one()
        if orphans:
            problems.append(f"{orphans} changes whose notice is missing")
    return problems


def sync_args(url: str, source: str, first: str = FIRST, last: str = LAST) -> list[str]:
    return ["--db", url, "sync", "--from", first, "--to", last, "--source", source]


def import_args(url: str) -> list[str]:
    return ["--db", url, "import", str(BASE), "--title", TITLE, "--as-of", AS_OF]
