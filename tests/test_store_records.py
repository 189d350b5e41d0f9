"""Evidence and bookkeeping on both backends: captures, notices, instructions, runs, checkpoints."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, func, select
from test_store_support import (  # noqa: F401  (fixtures)
    BASE_DAY,
    TITLE,
    base_document,
    db_url_fixture,
    engine_fixture,
)

import store
from diffing.model import Change, ChangeType, Discrepancy, DiscrepancyKind
from errors import NotFound, StoreError
from gazette import Capture, Edition, Notice, NoticeKind
from parser.model import Instruction, Verb
from store import RunStatus
from store import schema as s

PAGE = ("<html><head><meta charset='utf-8'><title>DOF - Diario Oficial de la Federación</title></head>"
        "<body><div id='DivDetalleNota'><p>ÚNICO.- Se DEROGA la fracción IX del artículo 57 ...</p>"
        + "<p>Artículo 57.- ...</p>" * 200 + "</div></body></html>").encode()
URL = "https://sidof.segob.gob.mx/notas/docFuente/5727035"
FETCHED = datetime(2024, 5, 16, 6, 30, tzinfo=UTC)


def capture(body: bytes = PAGE, url: str = URL, when: datetime = FETCHED) -> Capture:
    return Capture(url=url, status=200, headers=(("Content-Type", "text/html; charset=UTF-8"),
                                                 ("Date", "Thu, 16 May 2024 06:30:00 GMT")),
                   body=body, sha256=hashlib.sha256(body).hexdigest(), fetched_at=when)


NOTICE = Notice("5727035", date(2024, 5, 15), Edition.MAT, "Primera Sección", "Organismos Descentralizados",
                "SERVICIOS DE SALUD DEL IMSS-BIENESTAR", "MODIFICACIÓN al Estatuto Orgánico ...",
                "https://www.dof.gob.mx/nota_detalle.php?codigo=5727035&fecha=15/05/2024",
                NoticeKind.AMENDS, "Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR")


def count(engine: Engine, table: s.Table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def store_complete(engine: Engine) -> dict[int, bool]:
    with engine.connect() as conn:
        return {row.id: row.complete for row in conn.execute(select(s.capture.c.id, s.capture.c.complete))}


def test_captures_are_stored_once_and_verified(engine: Engine) -> None:
    with store.transaction(engine) as conn:
        first = store.save_capture(conn, capture())
        again = store.save_capture(conn, capture(when=FETCHED + timedelta(days=1)))
        mirror = store.save_capture(conn, capture(url=URL.replace("sidof.segob", "mirror")))
        loaded = store.load_capture(conn, first)
    assert first == again != mirror
    assert (count(engine, s.capture), count(engine, s.blob)) == (2, 1)  # one body, two URLs
    assert loaded == capture()
    assert loaded.fetched_at.tzinfo is not None and loaded.fetched_at == FETCHED
    with engine.connect() as conn:
        size, compression, stored = conn.execute(select(s.blob.c.size, s.blob.c.compression,
                                                        func.length(s.blob.c.body))).one()
    assert (size, compression) == (len(PAGE), "zlib") and stored < len(PAGE) / 5


def test_cut_bodies_are_archived_as_incomplete_evidence(engine: Engine) -> None:
    cut = replace(capture(body=PAGE[:1000]), complete=False)
    with store.transaction(engine) as conn:
        assert store.archive_captures(conn, [capture(), cut, cut]) == 2  # two cut answers, one row
        cut_id = store.save_capture(conn, cut)
        whole_id = store.save_capture(conn, capture())
        loaded = store.load_capture(conn, cut_id)
    assert loaded == cut and loaded.complete is False and loaded.body == PAGE[:1000]
    assert store_complete(engine) == {cut_id: False, whole_id: True}
    assert count(engine, s.blob) == 2


def test_the_same_bytes_once_fetched_whole_are_complete(engine: Engine) -> None:
    """A connection that broke after the last byte flags a body whose bytes are whole; a later
    checked fetch of the same bytes proves it, and is never downgraded by another flagged one."""
    flagged = replace(capture(), complete=False)
    with store.transaction(engine) as conn:
        first = store.save_capture(conn, flagged)
        assert store.load_capture(conn, first).complete is False
        assert store.save_capture(conn, capture()) == first
        assert store.save_capture(conn, flagged) == first
        assert store.load_capture(conn, first).complete is True
    assert count(engine, s.capture) == 1


def test_a_capture_whose_bytes_do_not_match_its_digest_is_refused(engine: Engine) -> None:
    forged = Capture(URL, 200, (), b"<html>otra cosa</html>", hashlib.sha256(PAGE).hexdigest(), FETCHED)
    with pytest.raises(StoreError, match="pero sus bytes dan"), store.transaction(engine) as conn:
        store.save_capture(conn, forged)
    assert count(engine, s.blob) == 0


def test_fetch_times_are_kept_in_utc(engine: Engine) -> None:
    mexico = timezone(timedelta(hours=-6))
    with store.transaction(engine) as conn:
        capture_id = store.save_capture(conn, capture(when=datetime(2024, 5, 16, 0, 30, tzinfo=mexico)))
        assert store.load_capture(conn, capture_id).fetched_at == datetime(2024, 5, 16, 6, 30, tzinfo=UTC)
    with pytest.raises(StoreError), store.transaction(engine) as conn:
        store.save_capture(conn, capture(body=b"x", when=datetime(2024, 5, 16, 0, 30)))


def test_notices_are_idempotent_and_get_their_links_filled_once(engine: Engine) -> None:
    with store.transaction(engine) as conn:
        document_id = store.register_document(conn, TITLE, base_document(), BASE_DAY)
        first = store.save_notice(conn, NOTICE)
        capture_id = store.save_capture(conn, capture())
        again = store.save_notice(conn, NOTICE, capture_id=capture_id, document_id=document_id)
        changed_title = Notice(**{**NOTICE.to_json(), "date": NOTICE.date, "edition": NOTICE.edition,
                                  "kind": NOTICE.kind, "title": "otro título"})
        third = store.save_notice(conn, changed_title)
        assert first == again == third == store.notice_id(conn, "5727035")
        row = conn.execute(select(s.notice).where(s.notice.c.id == first)).one()
    assert (row.capture_id, row.document_id, row.sha256) == (capture_id, document_id, capture().sha256)
    assert row.title == NOTICE.title  # the first record of a notice is never rewritten
    with engine.connect() as conn, pytest.raises(NotFound):
        store.notice_id(conn, "0000000")


def test_instructions_unapplied_then_applied(engine: Engine) -> None:
    ordered = [Instruction(Verb.DEROGA, "art_57__frac_ix", None, "se DEROGA la fracción IX del artículo 57"),
               Instruction(Verb.ADICIONA, "art_57-bis", None, "se ADICIONA un artículo 57 Bis")]
    with store.transaction(engine) as conn:
        notice_id = store.save_notice(conn, NOTICE)
        assert store.record_unapplied(conn, NOTICE.document or "", notice_id, ordered) == 2
        pending = store.unapplied_instructions(conn)
        assert [p.instruction for p in pending] == ordered
        assert pending[0].notice == NOTICE and pending[0].document_title == NOTICE.document
        document_id = store.register_document(conn, TITLE, base_document(), BASE_DAY)
        store.mark_applied(conn, [p.id for p in pending], document_id)
        assert store.unapplied_instructions(conn) == ()
        assert store.record_instructions(conn, document_id, notice_id, ordered[:1]) == 1
        rows = conn.execute(select(s.instruction.c.document_id, s.instruction.c.applied)).all()
    assert rows == [(document_id, True)] * 3


def test_discrepancies_keep_their_instruction_and_change(engine: Engine) -> None:
    instruction = Instruction(Verb.DEROGA, "art_57__frac_x", None, "y se DEROGAN las fracciones IX y X")
    change = Change("art_57__frac_xxi", ChangeType.ADDED, None, "XXI. Nueva fracción.")
    found = [Discrepancy(DiscrepancyKind.UNMATCHED_INSTRUCTION, "art_57__frac_x", "no text change",
                         instruction=instruction),
             Discrepancy(DiscrepancyKind.UNDECLARED_CHANGE, "art_57__frac_xxi", "not declared",
                         change=change)]
    with store.transaction(engine) as conn:
        document_id = store.register_document(conn, TITLE, base_document(), BASE_DAY)
        assert store.record_discrepancies(conn, document_id, None, found) == 2
        rows = conn.execute(select(s.discrepancy.c.kind, s.discrepancy.c.instruction, s.discrepancy.c.change)
                            .order_by(s.discrepancy.c.id)).all()
    assert rows[0] == ("unmatched_instruction", instruction.to_json(), None)
    assert rows[1] == ("undeclared_change", None, change.to_json())


def test_runs_are_recorded_even_when_the_edition_rolls_back(engine: Engine) -> None:
    day = date(2024, 5, 15)
    with store.transaction(engine) as conn:
        run_id = store.start_run(conn, day, Edition.MAT)
    with pytest.raises(RuntimeError), store.transaction(engine) as conn:
        store.save_notice(conn, NOTICE)
        store.write_checkpoint(conn, day, Edition.MAT, {"notices": 1})
        raise RuntimeError("killed mid-edition")
    with store.transaction(engine) as conn:
        store.finish_run(conn, run_id, RunStatus.FAILED, {"notices": 0}, "killed mid-edition")
        assert not store.is_done(conn, day, Edition.MAT)
        assert store.read_checkpoint(conn, Edition.MAT) is None
    with engine.connect() as conn:
        (record,) = store.runs(conn)
    assert (record.status, record.error, record.counts) == (RunStatus.FAILED, "killed mid-edition",
                                                            {"notices": 0})
    assert record.finished_at is not None and record.started_at is not None
    assert record.finished_at >= record.started_at
    assert count(engine, s.notice) == 0


def test_checkpoints_make_a_rerun_a_no_op(engine: Engine) -> None:
    days = [date(2024, 5, 14), date(2024, 5, 15)]
    for day in days:
        with store.transaction(engine) as conn:
            store.write_checkpoint(conn, day, Edition.MAT, {"notices": 3})
    with store.transaction(engine) as conn:
        store.write_checkpoint(conn, days[0], Edition.VES)
    with engine.connect() as conn:
        assert store.read_checkpoint(conn, Edition.MAT) == days[1]
        assert store.read_checkpoint(conn, Edition.EXT) is None
        assert store.is_done(conn, days[1], Edition.MAT) and not store.is_done(conn, days[1], Edition.VES)
        assert store.done_editions(conn, days[0], days[0]) == {(days[0], Edition.MAT),
                                                                (days[0], Edition.VES)}
    with pytest.raises(StoreError, match="la edición matutina del 2024-05-15 ya estaba leída"), \
            store.transaction(engine) as conn:
        store.save_notice(conn, NOTICE)
        store.write_checkpoint(conn, days[1], Edition.MAT)
    assert count(engine, s.notice) == 0  # the whole racing edition rolled back


def test_meta(engine: Engine) -> None:
    with store.transaction(engine) as conn:
        assert store.get_meta(conn, "scheduler") is None
        store.set_meta(conn, "scheduler", "a")
        store.set_meta(conn, "scheduler", "b")
        assert store.get_meta(conn, "scheduler") == "b"
