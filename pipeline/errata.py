"""A Fe de erratas, Aclaración or Nota aclaratoria into the store: the text corrected.

The erratum names the publication it corrects (title words and date, ``parser.errata``); that
notice is looked up among the stored ones, and the document it changed is the one corrected.
``diffing.errata`` applies the corrections to the document's text; the provisions it changes
become a new version of change type ``corrected``, linked to the erratum's notice and valid from
the day the corrected notice's version took effect, so history shows the text as published (with
its notice) and as corrected (with the erratum's). What cannot be placed (words not found, a
provision the text lacks, a "dice" without "Debe decir", a correction of the amending clause
itself, a corrected publication that is not stored or left no text) is stored as a discrepancy
of the erratum's notice. Runs inside the caller's transaction (the edition's savepoint for this notice).

Until the bitemporal store lands, history is append-only: when a later version of the document
is already stored, the correction starts with that latest version instead (with a warning).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from diffing import Discrepancy, DiscrepancyKind
from diffing.errata import apply_corrections
from gazette import Capture, Notice, NoticeKind
from parser.date_text import long_date
from parser.errata import Errata, Publication, read_errata
from parser.instruments import name_words
from parser.model import FindingKind
from store import schema as s
from store.matching import Tracked
from store.records import record_discrepancies
from store.revision_reads import current_document, latest_revision
from store.versions import apply_new_version

_CORRECTED_KINDS = (str(NoticeKind.AMENDS), str(NoticeKind.CREATES))
_MIN_OVERLAP = 0.8  # share of the erratum's title words a stored notice's title must hold


@dataclass(frozen=True, slots=True)
class CorrectedNotice:
    """A stored notice an erratum corrects."""

    id: int
    codigo: str
    date: date
    title: str
    document_id: int | None


@dataclass(frozen=True, slots=True)
class ErrataResult:
    """What one erratum did to the store."""

    document_id: int | None
    corrected: CorrectedNotice | None
    changes: int = 0
    discrepancies: int = 0
    outside: int = 0                 # corrections of considerandos, preamble: no provision's text
    warnings: tuple[str, ...] = ()


def ingest_errata(conn: Connection, tracked: Tracked, notice: Notice, nid: int,
                  body: Capture) -> ErrataResult:
    """Apply the erratum ``notice`` (stored as ``nid``, its body ``body``) to the document its
    corrected publication changed (module docstring)."""
    errata = read_errata(body.body, body.url)
    corrected = corrected_notice(conn, errata.corrects, notice)
    doc_id = corrected.document_id if corrected is not None else None
    if doc_id is None:
        doc_id = tracked.match(errata.corrects.title) or tracked.match(notice.document)
    if doc_id is None:
        return ErrataResult(None, corrected)  # an instrument we do not track
    if corrected is None or corrected.document_id != doc_id:
        when = f" del {errata.corrects.published:%d/%m/%Y}" if errata.corrects.published else ""
        detail = (f"no se encontró la publicación corregida «{errata.corrects.title}»{when} entre "
                  "las que modificaron este documento: la fe de erratas no se aplica")
        count = record_discrepancies(conn, doc_id, nid, [
            Discrepancy(DiscrepancyKind.UNPLACED_CORRECTION, "", detail)])
        return ErrataResult(doc_id, corrected, discrepancies=count)
    return _correct(conn, doc_id, corrected, errata, nid)


def _correct(conn: Connection, doc_id: int, corrected: CorrectedNotice, errata: Errata,
             nid: int) -> ErrataResult:
    warnings: list[str] = []
    valid_from = _in_force(conn, doc_id, corrected)
    if valid_from is None:  # its amendment could not be applied: there is no text of it to correct
        detail = (f"la publicación corregida ({corrected.codigo}, {corrected.date:%d/%m/%Y}) no dejó "
                  "texto en este documento: la fe de erratas no se aplica")
        count = record_discrepancies(conn, doc_id, nid, [
            Discrepancy(DiscrepancyKind.UNPLACED_CORRECTION, "", detail)])
        return ErrataResult(doc_id, corrected, discrepancies=count)
    latest = latest_revision(conn, doc_id)
    if valid_from < latest.valid_from:
        warnings.append(f"{corrected.codigo}: se corrige desde el {long_date(latest.valid_from)}, fecha "
                        f"de la última versión guardada, y no desde el {long_date(valid_from)} (la "
                        "historia solo crece hacia adelante)")
        valid_from = latest.valid_from
    outcome = apply_corrections(current_document(conn, doc_id), errata.corrections)
    problems = [*outcome.discrepancies, *(
        Discrepancy(DiscrepancyKind.UNPLACED_CORRECTION, finding.label or "", str(finding))
        for finding in errata.findings if finding.kind is FindingKind.UNREADABLE)]  # not print doubts
    if not errata.corrections and not errata.findings:
        problems.append(Discrepancy(DiscrepancyKind.UNPLACED_CORRECTION, "", (
            "no se leyó ninguna corrección («dice: … Debe decir: …») en el cuerpo de la nota: "
            "revise la publicación (¿sólo en PDF?)")))
    changes = 0
    if outcome.changes:
        changes = apply_new_version(conn, doc_id, outcome.document, outcome.changes, valid_from,
                                    nid).changes
    count = record_discrepancies(conn, doc_id, nid, problems)
    return ErrataResult(doc_id, corrected, changes, count, len(outcome.outside), tuple(warnings))


def _in_force(conn: Connection, doc_id: int, corrected: CorrectedNotice) -> date | None:
    """The day the corrected notice's version of the document took effect (None: it made none)."""
    dv = s.document_version
    found: date | None = conn.execute(
        select(dv.c.valid_from).where(dv.c.document_id == doc_id, dv.c.notice_id == corrected.id)
        .order_by(dv.c.number.desc()).limit(1)).scalar()
    return found


def corrected_notice(conn: Connection, publication: Publication, erratum: Notice) -> CorrectedNotice | None:
    """The stored notice ``publication`` names: an amending or creating notice published that day
    (before the erratum, when the day is not given) whose title holds the erratum's words for it.
    The best match wins; none holding ``_MIN_OVERLAP`` of the words is no match."""
    n = s.notice
    query = select(n.c.id, n.c.codigo, n.c.date, n.c.title, n.c.document_id).where(
        n.c.kind.in_(_CORRECTED_KINDS), n.c.codigo != erratum.codigo)
    if publication.published is not None:
        query = query.where(n.c.date == publication.published)
    else:
        query = query.where(n.c.date <= erratum.date)
    wanted = set(name_words(publication.title))
    best: tuple[float, float, date, CorrectedNotice] | None = None
    for row in conn.execute(query):
        words = set(name_words(row.title))
        held = len(wanted & words) / len(wanted) if wanted else 0.0
        score = (held, len(wanted & words) / len(wanted | words) if wanted else 0.0, row.date)
        if held >= _MIN_OVERLAP and (best is None or score > best[:3]):
            best = (*score, CorrectedNotice(int(row.id), str(row.codigo), row.date, str(row.title),
                                            row.document_id))
    return best[3] if best is not None else None


__all__ = ["CorrectedNotice", "ErrataResult", "corrected_notice", "ingest_errata"]
