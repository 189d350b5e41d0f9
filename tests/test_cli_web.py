"""`serve`, `user add` and `user token` from the command line, through the console script."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import URL

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = [sys.executable, "-c", "import sys, scheduler; sys.exit(scheduler.main())"]


def _run(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SCRIPT, *argv], input=stdin, capture_output=True, text=True, cwd=ROOT,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})


def _db(tmp_path: Path) -> str:
    return URL.create("sqlite", database=str(tmp_path / "web.sqlite")).render_as_string()


def test_user_add_reads_the_password_from_stdin_and_token_prints_one(tmp_path: Path) -> None:
    db = _db(tmp_path)
    added = _run("user", "add", "ana", "--role", "reviewer", "--db", db, stdin="una clave larga 123\n")
    assert added.returncode == 0, added.stderr
    assert added.stdout == "usuario «ana» creado con el rol reviewer\n"
    first, second = _run("user", "token", "ana", "--db", db), _run("user", "token", "ana", "--db", db)
    assert first.returncode == second.returncode == 0
    assert len(first.stdout.strip()) >= 32 and first.stdout != second.stdout


@pytest.mark.parametrize(("argv", "stdin", "says"), [
    (["user", "add", "bob", "--role", "boss"], "clave larga 123\n", "--role"),
    (["user", "add", "bob"], "", "falta la contraseña"),
    (["user", "token", "nadie"], "", "nadie"),
    (["serve", "--workers", "0"], "", "--workers"),
])
def test_bad_input_is_one_line(tmp_path: Path, argv: list[str], stdin: str, says: str) -> None:
    done = _run(*argv, "--db", _db(tmp_path), stdin=stdin)
    assert done.returncode in (1, 2) and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and says in done.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_with_the_login_page(tmp_path: Path) -> None:
    port = _free_port()
    server = subprocess.Popen([*SCRIPT, "serve", "--port", str(port), "--db", _db(tmp_path)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/changes", timeout=5) as answer:
                    page, final = answer.read().decode(), answer.url
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert "/login" in final and "Iniciar sesión" in page
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_pending_lists_what_waits_for_its_day(tmp_path: Path) -> None:
    """The timeline fixtures (tests/test_timeline_scenario.py): after decree A (11/11/2024, in
    force 1o. de enero de 2025) `pending` lists its change until that day."""
    from scraper.mirror import serve_mirror

    db = _db(tmp_path)
    with serve_mirror() as mirror:
        for day in ("2024-11-04", "2024-11-11"):
            done = _run("sync", "--date", day, "--source", mirror.base_url, "--db", db)
            assert done.returncode == 0, done.stderr
    shown = _run("pending", "--date", "20/11/2024", "--document", "Pruebas", "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0] == ("artículo 2, párrafo primero (reformado), en vigor el 1 de enero "
                                            "de 2025; DOF 5740111 del 11 de noviembre de 2024")
    import json

    listed = json.loads(_run("pending", "--date", "2024-11-20", "--json", "--db", db).stdout)
    assert [(p["label"], p["valid_from"]) for p in listed] == [("art_2__par_1", "2025-01-01")]
    assert json.loads(_run("pending", "--date", "2025-01-01", "--json", "--db", db).stdout) == []
