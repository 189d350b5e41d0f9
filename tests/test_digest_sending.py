"""Sending the daily digests (``pipeline.digests`` over ``store.digests``), on SQLite and PostgreSQL,
to a real local SMTP server or through a real notify command: each user gets exactly the changes
to what they watch since their last digest, at most once a day, and nothing is lost."""

from __future__ import annotations

import shlex
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from test_mail_support import free_port, smtp_server
from test_store_support import (  # noqa: F401  (fixtures)
    BASE_DAY,
    DECREE_DAY,
    TITLE,
    amended_document,
    article,
    base_document,
    db_url_fixture,
    engine_fixture,
)

import store
from diffing.model import Change, ChangeType
from gazette import Edition, Notice, NoticeKind
from parser.model import Document
from pipeline.digests import DigestRun, DigestStatus, delivery, send_digests
from report.runs import digest_line
from store.digests import DigestMark, digest_mark, replace_mark
from store.users import add_user, user_by_name
from store.watch import add_watch, watched_changes

FIRST_NOTICE = Notice("5727205", date(2024, 5, 15), Edition.MAT, "PRIMERA", "PODER EJECUTIVO",
                      "SECRETARIA DE SALUD", "MODIFICACIÓN al Estatuto Orgánico del IMSS-BIENESTAR",
                      "https://dof.gob.mx/nota_detalle.php?codigo=5727205&fecha=15/05/2024",
                      NoticeKind.AMENDS)
# published before the first one, but read after the first digest went (a night caught up late)
LATE_NOTICE = Notice("5727001", date(2024, 5, 14), Edition.VES, "PRIMERA", "PODER EJECUTIVO",
                     "SECRETARIA DE SALUD", "ACUERDO que modifica el artículo 1 del Estatuto Orgánico",
                     "https://dof.gob.mx/nota_detalle.php?codigo=5727001&fecha=14/05/2024", NoticeKind.AMENDS)
NEW_ART_1 = "El presente Estatuto regula la organización y el funcionamiento del IMSS-BIENESTAR."
DAY_1, DAY_2 = date(2024, 5, 16), date(2024, 5, 17)


def watching_team(engine: Engine) -> int:
    """The Estatuto; ana watches its artículo 57, luis all of it, marta too but has no address,
    pedro watches nothing. Returns the document's id."""
    with store.transaction(engine) as conn:
        doc = store.register_document(conn, TITLE, base_document(), BASE_DAY)
        for name, email, label in (("ana", "ana@example.mx", "art_57"), ("luis", "luis@example.mx", None),
                                   ("marta", None, None), ("pedro", "pedro@example.mx", "")):
            user = add_user(conn, name, "reader", "contraseña larga", email=email)
            if label != "":
                add_watch(conn, user.id, doc, label)
    return doc


def first_decree(engine: Engine, doc: int) -> None:
    amended, changes = amended_document()
    with store.transaction(engine) as conn:
        notice_id = store.save_notice(conn, FIRST_NOTICE, document_id=doc)
        store.apply_new_version(conn, doc, amended, changes, DECREE_DAY, notice_id)


def _late_decree(engine: Engine, doc: int) -> None:
    amended, _ = amended_document()
    old_1 = amended.provisions[0].children[0]
    cap_1 = amended.provisions[0]
    new_cap_1 = type(cap_1)(cap_1.label, cap_1.kind, cap_1.number, cap_1.heading, "",
                            children=(article("1", NEW_ART_1),))
    document = Document(TITLE, (new_cap_1, *amended.provisions[1:]))
    with store.transaction(engine) as conn:
        notice_id = store.save_notice(conn, LATE_NOTICE, document_id=doc)
        change = Change("art_1", ChangeType.MODIFIED, old_1.text, NEW_ART_1)
        store.apply_new_version(conn, doc, document, [change], date(2024, 5, 20), notice_id)


def _lines(engine: Engine, run: DigestRun, user: str | None = None) -> list[str]:
    return [digest_line(outcome) for outcome in send_digests(engine, run, user)]


def test_each_user_gets_what_they_watch_since_their_last_digest_once_a_day(engine: Engine) -> None:
    doc = watching_team(engine)
    first_decree(engine, doc)
    with smtp_server() as (inbox, port):
        run = DigestRun(DAY_1, date(2024, 5, 15), delivery(f"smtp://127.0.0.1:{port}", None))
        assert _lines(engine, run) == ["ana: 3 cambios enviados a ana@example.mx",
                                       "luis: 5 cambios enviados a luis@example.mx",
                                       "marta: sin dirección de correo", "pedro: sin cambios"]
        first = inbox.plain_texts()
        assert set(first) == {"ana@example.mx", "luis@example.mx"}
        told_ana = [line for line in first["ana@example.mx"].splitlines() if line.startswith("  * ")]
        assert [line.split(":")[0] for line in told_ana] == ["  * artículo 57, fracción IV",
                                                             "  * artículo 57, fracción IV Bis",
                                                             "  * artículo 57, fracción IX"]

        # the same day again: nothing goes, not even to someone with news
        assert _lines(engine, run) == ["ana: ya recibió el resumen de hoy",
                                       "luis: ya recibió el resumen de hoy",
                                       "marta: sin dirección de correo", "pedro: sin cambios"]
        assert len(inbox.messages) == 2

        # a decree published on the 14th but read only now: the next digest has it, and only it
        _late_decree(engine, doc)
        later = DigestRun(DAY_2, DAY_1, run.deliver)
        assert _lines(engine, later) == ["ana: sin cambios", "luis: 1 cambio enviado a luis@example.mx",
                                         "marta: sin dirección de correo", "pedro: sin cambios"]
    [(_, [to], message)] = inbox.messages[2:]
    assert to == "luis@example.mx"
    assert message["Subject"] == "DOF: 1 cambio en lo que sigue desde el 14/05/2024"
    body = inbox.plain_texts()["luis@example.mx"]
    assert "  * artículo 1: reformado, DOF 14/05/2024 vespertina 5727001, vigente desde el 20/05/2024" in body
    assert "fracción IV" not in body


def test_a_failed_delivery_stops_no_one_else_and_goes_next_run(engine: Engine, tmp_path: Path) -> None:
    doc = watching_team(engine)
    first_decree(engine, doc)
    received = tmp_path / "received"
    received.mkdir()
    script = ("import os, sys; user = os.environ['DOF_TRACKER_USER']\n"
              "if user == 'ana' and not os.path.exists(sys.argv[2]): sys.exit('buzón lleno')\n"
              "open(os.path.join(sys.argv[1], user), 'w', encoding='utf-8').write(sys.stdin.read())")
    flag = tmp_path / "ana-inbox-fixed"
    command = shlex.join([sys.executable, "-c", script, str(received), str(flag)])
    run = DigestRun(DAY_1, date(2024, 5, 15), delivery(None, command))
    first = send_digests(engine, run)
    assert [o.status for o in first] == [DigestStatus.FAILED, DigestStatus.SENT, DigestStatus.NO_ADDRESS,
                                         DigestStatus.NO_CHANGES]
    assert digest_line(first[0]) == ("ana: no se envió (se reintenta en la próxima ejecución): el comando de "
                                     "aviso terminó con 1: buzón lleno")
    assert sorted(p.name for p in received.iterdir()) == ["luis"]
    flag.touch()
    assert _lines(engine, run, "ana") == ["ana: 3 cambios enviados a ana@example.mx"]  # the same day: retried
    assert "artículo 57, fracción IX" in (received / "ana").read_text(encoding="utf-8")
    assert _lines(engine, run) == ["ana: ya recibió el resumen de hoy", "luis: ya recibió el resumen de hoy",
                                   "marta: sin dirección de correo", "pedro: sin cambios"]


def test_a_closed_smtp_port_fails_and_leaves_the_mark_where_it_was(engine: Engine) -> None:
    doc = watching_team(engine)
    first_decree(engine, doc)
    run = DigestRun(DAY_1, date(2024, 5, 15), delivery(f"smtp://127.0.0.1:{free_port()}", None))
    [outcome] = send_digests(engine, run, "luis")
    assert outcome.status is DigestStatus.FAILED and outcome.changes == 5
    assert outcome.error is not None and "no se envió a smtp://127.0.0.1:" in outcome.error
    with engine.connect() as conn:
        luis = user_by_name(conn, "luis")
        assert luis is not None and digest_mark(conn, luis.id) is None  # as before the run


def test_a_dry_run_sends_and_records_nothing(engine: Engine) -> None:
    doc = watching_team(engine)
    first_decree(engine, doc)
    dry = send_digests(engine, DigestRun(DAY_1, date(2024, 5, 15), None))
    assert [(o.user, o.status, o.changes) for o in dry] == [
        ("ana", DigestStatus.PRINTED, 3), ("luis", DigestStatus.PRINTED, 5),
        ("marta", DigestStatus.NO_ADDRESS, 0), ("pedro", DigestStatus.NO_CHANGES, 0)]
    assert dry[0].digest is not None and dry[0].digest.text.startswith("Hola, ana:\n")
    with smtp_server() as (inbox, port):
        run = DigestRun(DAY_1, date(2024, 5, 15), delivery(f"smtp://127.0.0.1:{port}", None))
        assert _lines(engine, run, "ana") == ["ana: 3 cambios enviados a ana@example.mx"]
    assert len(inbox.messages) == 1


def test_a_mark_moves_only_from_what_the_mover_saw(engine: Engine) -> None:
    """Two runners at once: the second claim of the same day finds the mark moved and backs off."""
    watching_team(engine)
    claimed = DigestMark(None, date(2024, 5, 15), DAY_1)
    with store.transaction(engine) as conn:
        ana = user_by_name(conn, "ana")
        assert ana is not None
        assert replace_mark(conn, ana.id, None, claimed)
        assert not replace_mark(conn, ana.id, None, claimed)
        assert replace_mark(conn, ana.id, claimed, DigestMark(7, DAY_1, DAY_1))
        assert not replace_mark(conn, ana.id, claimed, DigestMark(9, DAY_2, DAY_2))
        assert digest_mark(conn, ana.id) == DigestMark(7, DAY_1, DAY_1)
        assert replace_mark(conn, ana.id, DigestMark(7, DAY_1, DAY_1), None)
        assert digest_mark(conn, ana.id) is None


def test_watched_changes_after_a_change_id_is_a_cursor_that_skips_none(engine: Engine) -> None:
    doc = watching_team(engine)
    first_decree(engine, doc)
    _late_decree(engine, doc)
    with engine.connect() as conn:
        luis = user_by_name(conn, "luis")
        assert luis is not None
        every = [e.id for e in watched_changes(conn, luis.id)]
        pages, after = [], 0
        while page := watched_changes(conn, luis.id, None, 2, after=after):
            pages.append([e.id for e in page])
            after = max(pages[-1])
        paged = [i for page in pages for i in page]  # each page oldest first, as the change log shows
        assert sorted(paged) == sorted(every) and len(set(paged)) == 6
        assert [len(p) for p in pages] == [2, 2, 2]
        third = sorted(every)[2]
        upto = watched_changes(conn, luis.id, None, 10, after=0, through=third)
        assert sorted(e.id for e in upto) == sorted(every)[:3]
