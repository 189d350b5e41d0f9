"""``dof-tracker digest`` and the digests after ``run``/``sync``, end to end: the IMSS-BIENESTAR
case synced from the local DOF mirror, a real aiosmtpd server, real notify commands."""

from __future__ import annotations

import json
import shlex
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import URL
from test_digest_sending import first_decree, watching_team
from test_mail_support import free_port, smtp_server
from test_pipeline_support import import_args, sync_args
from test_store_support import db_url_fixture  # noqa: F401  (fixture)

import scheduler
import store
from pipeline.digests import DigestSending, delivery
from scraper.mirror import serve_mirror
from store.digests import DigestMark, digest_mark, replace_mark
from store.users import add_user, user_by_name
from store.watch import add_watch

SINCE = ["--since", "2024-05-13", "--date", "2024-05-17"]
ANA_SENT = "ana: 5 cambios enviados a ana@example.mx"
THE_OTHERS = ["luis: sin cambios", "marta: sin dirección de correo"]


@pytest.fixture(scope="module")
def mirror_url() -> Iterator[str]:
    with serve_mirror() as mirror:
        yield mirror.base_url


def _sqlite(path: Path) -> str:
    return URL.create("sqlite", database=str(path)).render_as_string()


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Estatuto registered, before the May 2024 editions."""
    path = tmp_path_factory.mktemp("digest") / "imported.sqlite"
    assert scheduler.main(import_args(_sqlite(path))) == 0
    return path


@pytest.fixture(scope="module")
def synced(imported: Path, mirror_url: str) -> Path:
    """The Estatuto and the 13–17 May 2024 editions (its 15/05/2024 modification)."""
    path = imported.with_name("synced.sqlite")
    shutil.copy(imported, path)
    assert scheduler.main(sync_args(_sqlite(path), mirror_url)) == 0
    return path


def _team(url: str) -> str:
    """ana watches the Estatuto's artículo 57, luis watches nothing, marta has no address."""
    engine = store.open_engine(url)
    with store.transaction(engine) as conn:
        ana = add_user(conn, "ana", "reviewer", "contraseña larga", email="ana@example.mx")
        add_watch(conn, ana.id, 1, "art_57")
        add_user(conn, "luis", "reader", "contraseña larga", email="luis@example.mx")
        marta = add_user(conn, "marta", "reader", "contraseña larga")
        add_watch(conn, marta.id, 1)
    engine.dispose()
    return url


def _copy(template: Path, tmp_path: Path) -> str:
    shutil.copy(template, tmp_path / "store.sqlite")
    return _team(_sqlite(tmp_path / "store.sqlite"))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = scheduler.main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_digest_sends_each_user_theirs_once_a_day(synced: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = _copy(synced, tmp_path)
    with smtp_server() as (inbox, port):
        smtp = ["--smtp", f"smtp://127.0.0.1:{port}", "--sender", "Avisos DOF <avisos@example.mx>",
                "--base-url", "https://dof.example.mx/"]
        assert _run(capsys, "digest", "--db", db, *SINCE, *smtp) == (0, [ANA_SENT, *THE_OTHERS], "")
        assert _run(capsys, "digest", "--db", db, *SINCE, *smtp) == (
            0, ["ana: ya recibió el resumen de hoy", *THE_OTHERS], "")
    [(sender, recipients, message)] = inbox.messages
    assert (sender, recipients) == ("avisos@example.mx", ["ana@example.mx"])
    assert message["From"] == "Avisos DOF <avisos@example.mx>"
    assert message["Subject"] == "DOF: 5 cambios en lo que sigue desde el 13/05/2024"
    body = inbox.plain_texts()["ana@example.mx"]
    assert "    Historia: https://dof.example.mx/documents/1/provisions/art_57__frac_ix" in body
    assert ("  * artículo 57, fracción IX: derogado, DOF 15/05/2024 matutina 5727205, vigente desde el "
            "16/05/2024") in body
    assert "artículo 56" not in body  # not watched


def test_a_closed_smtp_port_exits_1_and_the_next_run_sends(synced: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str],
                                                           caplog: pytest.LogCaptureFixture) -> None:
    db = _copy(synced, tmp_path)
    closed = free_port()
    smtp = f"smtp://avisos:secreto@127.0.0.1:{closed}"
    code, out, err = _run(capsys, "digest", "--db", db, *SINCE, "--smtp", smtp)
    assert code == 1
    assert out[0].startswith("ana: no se envió (se reintenta en la próxima ejecución): el resumen para ana "
                             f"no se envió a smtp://127.0.0.1:{closed}: ")
    assert out[1:] == THE_OTHERS
    assert "digest for ana not delivered (retried next run): el resumen para ana no se envió" in caplog.text
    assert "secreto" not in caplog.text + err + "".join(out)
    with smtp_server() as (inbox, port):
        assert _run(capsys, "digest", "--db", db, *SINCE, "--smtp", f"smtp://127.0.0.1:{port}")[:2] == (
            0, [ANA_SENT, *THE_OTHERS])
    assert [to for _, to, _ in inbox.messages] == [["ana@example.mx"]]


def test_print_is_a_dry_run(synced: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _copy(synced, tmp_path)
    code, out, _ = _run(capsys, "digest", "--db", db, *SINCE, "--print", "--user", "ana")
    assert code == 0
    assert out[:5] == ["Para: ana <ana@example.mx>",
                       "Asunto: DOF: 5 cambios en lo que sigue desde el 13/05/2024", "", "Hola, ana:", ""]
    assert out[-1] == "ana: 5 cambios para ana@example.mx (no se envió: --print)"
    code, out, _ = _run(capsys, "digest", "--db", db, *SINCE, "--print", "--json")
    data = json.loads("\n".join(out))
    assert [(d["user"], d["status"], d["changes"]) for d in data] == [
        ("ana", "printed", 5), ("luis", "no_changes", 0), ("marta", "no_address", 0)]
    assert data[0]["text"].startswith("Hola, ana:\n") and len(data[0]["change_ids"]) == 5
    with smtp_server() as (inbox, port):  # nothing was recorded: the real run sends it
        sent = _run(capsys, "digest", "--db", db, *SINCE, "--smtp", f"smtp://127.0.0.1:{port}")
    assert sent[1][0] == ANA_SENT
    assert len(inbox.messages) == 1


def test_a_notify_command_delivers(synced: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _copy(synced, tmp_path)
    out_file = tmp_path / "aviso.txt"
    script = ("import os, sys; open(sys.argv[1], 'a', encoding='utf-8').write("
              "os.environ['DOF_TRACKER_EMAIL'] + '|' + os.environ['DOF_TRACKER_SUBJECT'] + '\\n' + "
              "sys.stdin.read())")
    command = shlex.join([sys.executable, "-c", script, str(out_file)])
    code, out, _ = _run(capsys, "digest", "--db", db, *SINCE, "--notify-command", command)
    assert (code, out) == (0, [ANA_SENT, *THE_OTHERS])
    first, rest = out_file.read_text(encoding="utf-8").split("\n", 1)
    assert first == "ana@example.mx|DOF: 5 cambios en lo que sigue desde el 13/05/2024"
    assert rest.startswith("Hola, ana:\n") and "artículo 57, fracción XXI: adicionado" in rest


def test_the_digest_command_on_both_stores(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The command against SQLite and PostgreSQL: a store with one watched decree, built through
    the API (test_digest_sending's team of four)."""
    engine = store.open_engine(db_url)
    first_decree(engine, watching_team(engine))
    engine.dispose()
    with smtp_server() as (inbox, port):
        argv = ["digest", "--db", db_url, "--since", "2024-05-15", "--date", "2024-05-16",
                "--smtp", f"smtp://127.0.0.1:{port}"]
        assert _run(capsys, *argv)[:2] == (0, ["ana: 3 cambios enviados a ana@example.mx",
                                               "luis: 5 cambios enviados a luis@example.mx",
                                               "marta: sin dirección de correo", "pedro: sin cambios"])
        assert _run(capsys, *argv)[1][:2] == ["ana: ya recibió el resumen de hoy",
                                              "luis: ya recibió el resumen de hoy"]
    assert len(inbox.messages) == 2


# --- after the nightly pass -------------------------------------------------------------------------
def test_run_once_sends_the_digests_after_the_pass(imported: Path, mirror_url: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The changes arrive after ana's last digest (with May 2024 dates: a late catch-up); the
    next nightly pass sends them, from the sender and with the links the environment gives."""
    monkeypatch.setenv("DOF_TRACKER_DIGEST_FROM", "avisos@example.mx")
    monkeypatch.setenv("DOF_TRACKER_BASE_URL", "https://dof.example.mx")
    db = _copy(imported, tmp_path)
    with smtp_server() as (inbox, port):
        smtp = f"smtp://127.0.0.1:{port}"
        first = _run(capsys, "digest", "--db", db, "--smtp", smtp)
        assert first[:2] == (0, ["ana: sin cambios", *THE_OTHERS])
        assert scheduler.main(sync_args(db, mirror_url)) == 0
        capsys.readouterr()
        code, out, _ = _run(capsys, "run", "--once", "--lookback", "0", "--source", mirror_url, "--db", db,
                            "--digest-smtp", smtp)
        assert code == 0
        assert out[-3:] == [ANA_SENT, *THE_OTHERS]
        assert ": sin publicación" in out[0] and "ediciones en" in out[-4]  # the pass came first
    assert [(sender, to) for sender, to, _ in inbox.messages] == [("avisos@example.mx", ["ana@example.mx"])]
    assert "Historia: https://dof.example.mx/documents/1/provisions/" in inbox.plain_texts()["ana@example.mx"]


def test_sync_sends_the_digests_through_the_notify_command(imported: Path, mirror_url: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = _copy(imported, tmp_path)
    received = tmp_path / "received"
    script = ("import os, sys\nif os.environ['DOF_TRACKER_STATUS'] == 'digest':\n"
              "    open(sys.argv[1], 'a', encoding='utf-8').write(os.environ['DOF_TRACKER_USER'] + '\\n')")
    command = shlex.join([sys.executable, "-c", script, str(received)])
    assert _run(capsys, "digest", "--db", db, "--notify-command", command)[0] == 0  # the first mark
    code, out, _ = _run(capsys, *sync_args(db, mirror_url), "--notify-command", command, "--digest-notify")
    assert code == 0 and out[-3:] == [ANA_SENT, *THE_OTHERS]
    assert received.read_text(encoding="utf-8") == "ana\n"


def test_a_nightly_delivery_failure_is_told_and_the_pass_kept(imported: Path, mirror_url: str,
                                                              tmp_path: Path) -> None:
    db = _copy(imported, tmp_path)
    note = tmp_path / "notified.txt"
    notify = f"sh -c 'cat >> {note}'"
    engine = store.open_engine(db)
    before = DigestMark(0, date(2024, 5, 1))  # ana's digests so far reach no change
    with store.transaction(engine) as conn:
        ana = user_by_name(conn, "ana")
        assert ana is not None and replace_mark(conn, ana.id, None, before)
    closed = DigestSending(delivery(f"smtp://127.0.0.1:{free_port()}", None))
    scheduler._RUN_CONFIG.append(scheduler.RunConfig(db, mirror_url, notify, lookback=0, digest=closed))
    try:
        assert scheduler.main(sync_args(db, mirror_url)) == 0
        scheduler.nightly_job()  # never raises
    finally:
        scheduler._RUN_CONFIG.pop()
    told = note.read_text(encoding="utf-8")
    assert "1 resumen no se envió; se reintenta en la próxima ejecución\n" in told
    assert ("ana: no se envió (se reintenta en la próxima ejecución): el resumen para ana no se envió a "
            "smtp://127.0.0.1:") in told
    with engine.connect() as conn:
        assert len(store.runs(conn)) == 18  # the sync's 15 editions and the pass's 3, all kept
        assert digest_mark(conn, ana.id) == before  # so the next run sends it
    engine.dispose()


@pytest.mark.parametrize(("argv", "message"), [
    (["digest", "--print", "--since", "2024-05-20", "--date", "2024-05-16"],
     "es posterior al día del resumen"),
    (["digest", "--smtp", "smtp://x", "--notify-command", "cat"], "dé --smtp o --notify-command, no ambas"),
    (["digest", "--smtp", "smtps://:99999"], "una URL de SMTP es smtp://"),
    (["digest", "--print", "--user", "nadie"], "no existe el usuario 'nadie'"),
    (["run", "--once", "--digest-smtp", "smtp://x", "--digest-notify", "--notify-command", "cat"],
     "dé --digest-smtp o --digest-notify, no ambas"),
    (["run", "--once", "--digest-notify"], "--digest-notify necesita --notify-command"),
    (["sync", "--digest-smtp", "mailto:ana@example.mx"], "una URL de SMTP es smtp://"),
    (["digest", "--smtp", "smtp://x", "--sender", "avisos"], "no es una dirección de correo para el"),
    (["digest", "--print", "--base-url", "javascript:alert(1)"], "la dirección de la aplicación web es http"),
])
def test_unusable_digest_options_are_one_line_and_exit_2(argv: list[str], message: str, synced: Path,
                                                         tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOF_TRACKER_NOTIFY", raising=False)
    db = _copy(synced, tmp_path)
    code, out, err = _run(capsys, *argv, "--db", db)
    assert (code, out) == (2, [])
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
