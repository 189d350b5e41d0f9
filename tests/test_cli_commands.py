"""The click command line (#11): options after the command, ``--json`` everywhere, one date type,
read-only commands that never create a store, and the new commands on the demo store.

The store is the demo's (``dof-tracker demo --db URL``: the IMSS-BIENESTAR Estatuto and the
editions of 13–17 May 2024 from the local mirror), built once for the module.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import URL, create_engine, inspect
from test_pipeline_support import IMSS_CODIGO, ROOT, TITLE

import store
from cli.app import EXIT_USAGE
from diffing import Change, ChangeType, Discrepancy, DiscrepancyKind
from parser import Instruction, Verb
from scheduler import main
from store.testing import temporary_postgres_schema


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    url = URL.create("sqlite", database=str(path)).render_as_string()
    assert main(["demo", "--db", url]) == 0  # --db after the command
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


MODIFICATION = str(ROOT / "fixtures" / "imss" / "modificacion_2024-05-15.txt")

# every command that prints data, with arguments that find something in the demo store
DATA_COMMANDS = {
    "notices": ["--date", "15/05/2024"],
    "history": ["IMSS-BIENESTAR", "57, fracción IX"],
    "at": ["IMSS-BIENESTAR", "57, fracción IX", "15/05/2024"],
    "changes": ["--document", "IMSS-BIENESTAR", "--since", "01/05/2024"],
    "info": [],
    "documents": [],
    "show": ["IMSS-BIENESTAR", "--at", "2024-05-16"],
    "compare": ["IMSS-BIENESTAR", "2024-05-01", "2024-06-01"],
    "discrepancies": [],
    "problems": [],
}


@pytest.mark.parametrize("command", sorted(DATA_COMMANDS))
def test_json_after_the_command_is_valid_json(db: str, command: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, command, *DATA_COMMANDS[command], "--json", "--db", db, "-v")
    assert (code, err) == (0, "")
    assert json.loads(out) is not None


@pytest.mark.parametrize("command", sorted(DATA_COMMANDS))
def test_global_options_before_or_after_the_command_say_the_same(db: str, command: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    before = run(capsys, "--db", db, "-q", command, *DATA_COMMANDS[command])
    after = run(capsys, command, *DATA_COMMANDS[command], "-q", "--db", db)
    assert before == after and before[0] == 0 and before[1]


@pytest.mark.parametrize("argv", [["parse", "{base}", "--json", "-v"], ["amend", "{base}", "{mod}", "-q"],
                                  ["import", "{base}", "--as-of", "06/10/2023", "--db", "{db}"]])
def test_file_commands_take_their_options_after_the_arguments(argv: list[str], tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    base = str(ROOT / "fixtures" / "imss" / "estatuto_organico_base.txt")
    url = f"sqlite:///{tmp_path / 'import.sqlite'}"
    values = {"{base}": base, "{mod}": MODIFICATION, "{db}": url}
    code, out, err = run(capsys, *(values.get(a, a) for a in argv))
    assert code == 0 and out and "Traceback" not in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    assert run(capsys, "--version") == (0, f"dof-tracker {version('dof-tracker')}\n", "")


def test_help_documents_exit_codes_and_completion(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "Códigos de salida: 0 correcto, 1 falla" in out and "2 entrada inválida" in out
    assert "_DOF_TRACKER_COMPLETE" in out
    code, out, _ = run(capsys, "compare", "--help")
    flat = " ".join(out.split())
    assert code == 0 and "--format [table|json|html]" in flat and "Ejemplo: --format html" in flat


def test_both_date_forms_give_the_same_answer(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    iso = run(capsys, "--db", db, "at", "IMSS-BIENESTAR", "57 Bis", "2024-05-16", "--json")
    mexican = run(capsys, "--db", db, "at", "IMSS-BIENESTAR", "57 Bis", "16/05/2024", "--json")
    assert iso == mexican and json.loads(iso[1])["date"] == "2024-05-16"


@pytest.mark.parametrize(("argv", "says"), [
    (["at", "IMSS-BIENESTAR", "57", "1916-12-31"], "FECHA: 1916-12-31 es anterior a 1917"),
    (["at", "IMSS-BIENESTAR", "57", "15-05-2024"], "FECHA: se esperaba una fecha AAAA-MM-DD o DD/MM/AAAA"),
    (["changes", "--until", "32/01/2024"], "--until: se esperaba una fecha"),
    (["show", "IMSS-BIENESTAR", "--at", "mañana"], "--at: se esperaba una fecha"),
    (["compare", "IMSS-BIENESTAR", "2024-05-01"], "falta FECHA2"),
    (["compare", "IMSS-BIENESTAR", "2024-05-01", "2024-06-01", "--format", "csv"], "«csv» no es ninguno"),
    (["notices", "--date", "2024-05-15", "--until", "2024-05-16"], "no ambas"),
    (["changes", "--json", "--format", "csv"], "--json: --json y --format csv se contradicen"),
])
def test_bad_input_is_one_line_and_exit_2(db: str, argv: list[str], says: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.count("\n") == 1 and says in err and "Traceback" not in err, err


# --- read-only means read-only ---------------------------------------------------------------------
READ_ONLY = [[command, *args] for command, args in DATA_COMMANDS.items()]


@pytest.mark.parametrize("argv", READ_ONLY, ids=[a[0] for a in READ_ONLY])
def test_a_read_only_command_never_creates_a_store(argv: list[str], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "sub" / "missing.sqlite"
    code, out, err = run(capsys, "--db", f"sqlite:///{missing}", *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "no existe la base de datos" in err
    assert list(tmp_path.iterdir()) == []  # not the file, not its folder


def test_missing_store_through_the_console_script_creates_nothing(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "scheduler", "--db", "sqlite:///missing.sqlite", "changes"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode != 0 and done.stdout == ""
    assert "no existe la base de datos" in done.stderr and done.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.postgres
def test_an_empty_postgres_schema_is_no_store_and_stays_empty(capsys: pytest.CaptureFixture[str]) -> None:
    with temporary_postgres_schema() as url:
        code, _, err = run(capsys, "--db", url, "history", "IMSS", "57")
        engine = create_engine(url)
        try:
            tables = inspect(engine).get_table_names()
        finally:
            engine.dispose()
    assert code == 1 and "no existe la base de datos" in err and tables == []


# --- the new commands ---------------------------------------------------------------------------------
def test_documents_lists_counts_and_last_change(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "documents", "--json")
    listed = {d["title"]: d for d in json.loads(out)}
    assert code == 0 and len(listed) == 4
    estatuto = listed[TITLE]
    assert (estatuto["revisions"], estatuto["changes"], estatuto["last_change"]) == (2, 14, "2024-05-15")
    assert {d["changes"] for t, d in listed.items() if t != TITLE} == {0}
    _, table, _ = run(capsys, "--db", db, "documents")
    assert table.splitlines()[0].split() == ["id", "revisiones", "cambios", "último", "cambio", "título"]
    assert "   1           2       14  2024-05-15     Estatuto Orgánico" in table


def test_show_prints_the_whole_text_in_force_on_a_date(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, before, _ = run(capsys, "--db", db, "show", "IMSS-BIENESTAR", "--at", "15/05/2024")
    _, after, _ = run(capsys, "--db", db, "show", "IMSS-BIENESTAR", "--at", "2024-05-16")
    assert before.splitlines()[1] == "(texto vigente el 15/05/2024)"
    assert "Artículo 57 Bis" not in before and "Artículo 57 Bis" in after
    assert "IX. Elaborar el programa anual de comunicación social" in before
    assert "IX. Se deroga." in after and "IX. Se deroga." not in before
    assert before.count("Artículo 1.-") == 1  # the whole document, from its first artículo


def test_compare_lists_every_provision_that_differs_with_its_notice(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "compare", "IMSS-BIENESTAR", "2024-05-01", "2024-06-01", "--json")
    changes = json.loads(out)
    assert code == 0 and len(changes) == 14  # the 14 changes of the 15 May notice, net
    assert all(c["notice"]["codigo"] == IMSS_CODIGO for c in changes)
    assert {"label": "art_57__frac_ix", "type": "derogated"}.items() <= next(
        c for c in changes if c["label"] == "art_57__frac_ix").items()
    _, one, _ = run(capsys, "--db", db, "compare", "IMSS-BIENESTAR", "2024-05-01", "2024-06-01",
                    "57, fracción IX")
    assert one.splitlines()[0] == "1 disposición difiere entre el 01/05/2024 y el 01/06/2024"
    assert "[-Elaborar el programa anual" in one and "{+Se deroga.+}" in one
    _, same, _ = run(capsys, "--db", db, "compare", "IMSS-BIENESTAR", "2024-05-16", "2024-06-01")
    assert same == "0 disposiciones difieren entre el 16/05/2024 y el 01/06/2024\n"
    _, page, _ = run(capsys, "--db", db, "compare", "IMSS-BIENESTAR", "01/05/2024", "01/06/2024",
                     "--format", "html")
    _, log, _ = run(capsys, "--db", db, "changes", "--document", "IMSS-BIENESTAR", "--format", "html")
    entries = page.count('<article class="change')  # the change log's renderer: as many entries as it
    assert page.startswith("<!DOCTYPE html>") and entries == log.count('<article class="change') > 0


def test_discrepancies_show_what_was_declared_and_not_shown(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'disc.sqlite'}"
    base = str(ROOT / "fixtures" / "imss" / "estatuto_organico_base.txt")
    assert run(capsys, "import", base, "--title", TITLE, "--as-of", "2023-10-06", "--db", url)[0] == 0
    found = [Discrepancy(DiscrepancyKind.UNMATCHED_INSTRUCTION, "art_57__frac_x", "no text change",
                         instruction=Instruction(Verb.DEROGA, "art_57__frac_x", None, "se DEROGA la X")),
             Discrepancy(DiscrepancyKind.UNDECLARED_CHANGE, "art_57__frac_xxi", "not declared",
                         change=Change("art_57__frac_xxi", ChangeType.ADDED, None, "XXI. Nueva."))]
    engine = store.open_engine(url)
    with store.transaction(engine) as conn:
        store.record_discrepancies(conn, 1, None, found)
    engine.dispose()
    code, out, _ = run(capsys, "discrepancies", "--db", url)
    assert code == 0 and out.splitlines()[-1] == "2 discrepancias"
    assert "sin aviso  declarado, sin cambio en el texto  artículo 57, fracción X  [1]" in out
    code, out, _ = run(capsys, "discrepancies", "--document", "IMSS", "--json", "--db", url)
    items = json.loads(out)
    assert [(i["kind"], i["label"]) for i in items] == [("unmatched_instruction", "art_57__frac_x"),
                                                      ("undeclared_change", "art_57__frac_xxi")]
    assert items[0]["instruction"]["verb"] == "deroga" and items[1]["change"]["type"] == "added"
    assert run(capsys, "discrepancies", "--since", "2024-01-01", "--db", url)[1] == \
        "ninguna discrepancia registrada\n"  # no notice: outside any date window


# --- fast start: what a command imports -------------------------------------------------------------
def imported_by(argv: list[str], env: dict[str, str] | None = None) -> set[str]:
    """The top modules a fresh process has imported after running ``dof-tracker argv``."""
    probe = ("import sys, scheduler\n"
             "try:\n    scheduler.main(sys.argv[1:])\nfinally:\n"
             "    sys.stderr.write(' '.join(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", probe, *argv], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    return set(done.stderr.split())


HEAVY = {"sqlalchemy", "store", "parser", "diffing", "pipeline", "tqdm", "apscheduler", "requests", "bs4"}


@pytest.mark.parametrize(("argv", "unneeded"), [
    (["--help"], HEAVY), (["--version"], HEAVY),
    (["history", "--help"], {"tqdm", "apscheduler", "requests", "parser.lines"}),  # reads the store
])
def test_help_and_version_import_no_store_parser_or_progress_bar(argv: list[str], unneeded: set[str]) -> None:
    assert not unneeded & imported_by(argv), unneeded & imported_by(argv)


# What a read of one provision does not need: the statute grammar and the entry-into-force rules
# (regular expressions compiled at import), the HTML change log, migrations, the PostgreSQL dialect
# for a SQLite store, the fetcher, the scheduler and the progress bar.
NOT_FOR_A_READ = {"parser.lines", "parser.amendments", "parser.check", "parser.entry_rules",
                  "parser.transitorio_refs", "diffing.amend", "report.html", "report.csv_json", "jinja2",
                  "alembic", "sqlalchemy.orm", "sqlalchemy.dialects.postgresql", "platformdirs", "pipeline",
                  "tqdm", "apscheduler", "requests", "difflib"}


@pytest.mark.parametrize("argv", [["at", "IMSS-BIENESTAR", "57, fracción IX", "2024-05-15"],
                                  ["history", "IMSS-BIENESTAR", "57, fracción IX"]])
def test_at_and_history_import_only_what_a_read_needs(db: str, argv: list[str]) -> None:
    modules = imported_by(["--db", db, *argv])
    assert {"store.api", "report.text"} <= modules  # it did answer from the store
    assert not NOT_FOR_A_READ & modules, NOT_FOR_A_READ & modules


def test_reprocess_takes_its_options_after_the_command(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "reprocess", "--date", "15/05/2024", "--json", "--db", db, "-q")
    assert (code, err) == (0, "")
    assert json.loads(out)["deltas"] == []  # the same reader: nothing differs
    code, _, err = run(capsys, "reprocess", "--notice", IMSS_CODIGO, "--since", "2024-05-15", "--db", db)
    assert code == EXIT_USAGE and "solo una de --date" in err
