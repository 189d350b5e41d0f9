"""Issue #9 at the command line: special files, bad arguments, escapes, broken pipes.

Each test reproduces a finding of the hardening probe: the command must answer in one line on
stderr with a usage status, never a traceback, a hang or a silent fetch of the real DOF.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_http import redirecting_server

import scheduler
from cli.files import read_file
from errors import InputError
from scheduler import main

ROOT = Path(__file__).resolve().parent.parent
ESTATUTO = ROOT / "fixtures" / "imss" / "estatuto_organico_base.txt"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


# --- 5. special files -------------------------------------------------------------------------
@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "fifo"
    os.mkfifo(path)
    return path


@pytest.mark.timeout(20)
@pytest.mark.parametrize("command", [["parse", "{f}"], ["amend", "{f}", str(ESTATUTO)],
                                     ["amend", str(ESTATUTO), "{f}"],
                                     ["import", "{f}", "--as-of", "2024-01-01"]])
@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_devices_and_fifos_are_refused_by_what_they_are(
        command: list[str], special: str, fifo: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    name = str(fifo) if special == "fifo" else special
    argv = ["--db", f"sqlite:///{tmp_path / 'db.sqlite'}"] + [a.replace("{f}", name) for a in command]
    status, out, err = run(argv, capsys)
    assert status == scheduler.EXIT_USAGE and out == ""
    assert err.count("\n") == 1 and f"{name}: no es un archivo regular" in err, err


def test_a_directory_and_a_missing_file_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["parse", str(tmp_path)], capsys)[2].endswith("es una carpeta, no un archivo\n")
    assert run(["amend", str(tmp_path / "nada"), str(ESTATUTO)], capsys)[2].endswith("no existe el archivo\n")


def test_inputs_past_the_size_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "ley.txt"
    path.write_bytes(b"Articulo 1.- Texto.\n" * 100)
    assert read_file(str(path), limit=2000) == path.read_bytes()
    with pytest.raises(InputError, match="pasa de"):
        read_file(str(path), limit=1999)


# --- 8. bad arguments -------------------------------------------------------------------------
@pytest.mark.parametrize(("argv", "says"), [
    (["--db", "postgresql://u:pw@127.0.0.1:abc/test", "info"], "no se puede leer la URL de la base de datos"),
    (["--db", "postgresql://u:pw@[::1/test", "info"], "no se puede leer la URL de la base de datos"),
    (["--db", "mysql://u:pw@h/db", "info"], "base de datos no admitida «mysql»"),
    (["sync", "--date", "2024-05-15", "--source", "http://127.0.0.1:99999"], "no es una URL utilizable"),
    (["sync", "--date", "2024-05-15", "--source", "http://[::1"], "no es una URL utilizable"),
    (["sync", "--date", "2024-05-15", "--source", ""], "--source está vacía"),
    (["sync", "--date", "2024-05-15", "--source", "  "], "--source está vacía"),
    (["run", "--once", "--source", ""], "--source está vacía"),
    (["run", "--once", "--lookback", "100000000"], "--lookback: se esperaba un número de 0 a 366, no 1000"),
    (["run", "--once", "--lookback", "-1"], "--lookback: se esperaba un número de 0 a 366, no -1"),
    (["run", "--once", "--since", "0001-01-01"], "es anterior a 1917"),
    (["sync", "--from", "0001-01-01", "--to", "2024-01-01"], "es anterior a 1917"),
    (["sync", "--date", "1916-12-31"], "es anterior a 1917"),
])
def test_bad_arguments_are_one_line_errors(argv: list[str], says: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    if argv[0] != "--db":
        argv = ["--db", f"sqlite:///{tmp_path / 'db.sqlite'}", *argv]
    status, out, err = run(argv, capsys)
    assert status == scheduler.EXIT_USAGE and out == ""
    assert err.count("\n") == 1 and says in err and ":pw@" not in err, err
    assert not (tmp_path / "db.sqlite").exists()  # refused before any work, not even a store


# --- 7. escapes from the network and the gazette ----------------------------------------------
HOSTILE_LOCATION = "http://evil.example/\x1b]0;pwned\x07\x1b[2J\x1b[31mrojo"


def test_escapes_in_a_redirect_reach_neither_terminal_nor_run_record(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'db.sqlite'}"]
    with redirecting_server(HOSTILE_LOCATION) as base:  # every answer redirects there
        status, out, err = run([*db, "sync", "--date", "2024-05-15", "--source", base], capsys)
    assert status == scheduler.EXIT_ERROR and ": falló" in out and "evil.example" in out
    _, info, _ = run([*db, "info"], capsys)
    assert "evil.example" in info
    for shown in (out, err, info):
        assert not any(c in shown for c in "\x1b\x07"), shown


def test_an_error_naming_hostile_text_shows_its_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["parse", "/no/such\x1b[2J\u202efile"], capsys)
    assert status == scheduler.EXIT_USAGE
    assert "\x1b" not in err and "\u202e" not in err and "\\x1b[2J\\u202efile" in err


# --- 10. a reader that goes away ----------------------------------------------------------------
@pytest.mark.parametrize("argv", [["parse", "--json", str(ESTATUTO)], ["parse", str(ESTATUTO)]])
def test_a_closed_pipe_ends_quietly(argv: list[str]) -> None:
    """`dof-tracker parse … | head -1`: the command stops quietly, no BrokenPipe traceback."""
    process = subprocess.Popen([sys.executable, "-m", "scheduler", *argv], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # the reader leaves, as head does
    err = process.stderr.read().decode()
    process.stderr.close()
    # a short output may all fit in the pipe before the reader leaves: then it simply succeeds
    assert process.wait(timeout=60) in (scheduler.EXIT_OK, scheduler.EXIT_BROKEN_PIPE)
    assert err == "", err
