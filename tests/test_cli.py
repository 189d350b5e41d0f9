"""The store-backed commands of DESIGN §1.3, called as ``scheduler.main([...])``.

One store is synced from the local mirror once for the module; each test reads it through the
command line and checks what a user sees: the JSON shapes of §1.3, the tables, and for bad input
exactly one line on stderr, a non-zero status and no traceback.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from sqlalchemy import URL, select
from test_pipeline_support import BASE, IMSS_CODIGO, ROOT, TITLE, import_args, state_digest, sync_args

import scheduler
from cli.app import COMMANDS, cli
from scraper.mirror import serve_mirror
from store import acquire_writer_lock, open_engine
from store import schema as s


@pytest.fixture(scope="module")
def mirror_url() -> Iterator[str]:
    with serve_mirror() as mirror:
        yield mirror.base_url


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, mirror_url: str) -> str:
    url = URL.create("sqlite", database=str(tmp_path_factory.mktemp("cli") / "cli.sqlite")).render_as_string()
    assert scheduler.main(import_args(url)) == 0
    assert scheduler.main(sync_args(url, mirror_url)) == 0
    return url


def commands() -> list[tuple[str, click.Command]]:
    with click.Context(cli) as ctx:
        found = [(name, cli.get_command(ctx, name)) for name in COMMANDS]
    return [(name, command) for name, command in found if command is not None]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = scheduler.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


# --- what users see ------------------------------------------------------------------------------
def test_history_json_has_the_design_shape(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db, "history", "IMSS-BIENESTAR", "57, fracción IX", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {"document", "label", "versions"} and data["label"] == "art_57__frac_ix"
    first, second = data["versions"]
    assert set(first) >= {"text", "status", "valid_from", "valid_to", "change", "notice"}
    assert (first["status"], first["valid_to"], first["change"], first["notice"]) == (
        "vigente", "2024-05-16", None, None)
    assert (second["status"], second["valid_from"], second["change"]) == (
        "derogado", "2024-05-16", "derogated")
    assert second["notice"]["codigo"] == IMSS_CODIGO and second["notice"]["date"] == "2024-05-15"


def test_history_table_names_the_notice(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "history", "imss bienestar", "fracción IX del artículo 57")
    assert code == 0
    assert "del 6 de octubre de 2023 al 15 de mayo de 2024: vigente" in out
    assert "desde el 16 de mayo de 2024 (a la fecha): derogado" in out
    assert f"DOF 15/05/2024, edición matutina, código {IMSS_CODIGO}" in out and "Se deroga" in out


def test_at_before_and_after(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, before, _ = run(capsys, "--db", db, "at", "IMSS-BIENESTAR", "57, fracción IX", "2024-05-15", "--json")
    _, after, _ = run(capsys, "--db", db, "at", "IMSS-BIENESTAR", "57, fracción IX", "2024-05-16", "--json")
    before_json, after_json = json.loads(before), json.loads(after)
    assert set(before_json) == {"document", "label", "date", "text", "status", "notice"}
    assert "Elaborar el programa anual" in before_json["text"] and before_json["status"] == "vigente"
    assert "Se deroga" in after_json["text"] and after_json["notice"]["codigo"] == IMSS_CODIGO
    code, text, _ = run(capsys, "--db", db, "at", "IMSS-BIENESTAR", "57 Bis", "2024-06-01")
    assert code == 0 and "Coordinación de Calidad e Información Estratégica" in text


def test_changes_in_every_format(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--db", db, "changes", "--document", "IMSS-BIENESTAR", "--since", "2024-05-01"]
    _, table, _ = run(capsys, *base)
    assert table.count(f"DOF 15/05/2024 matutina {IMSS_CODIGO}") == 14
    _, as_json, _ = run(capsys, *base, "--format", "json")
    items = json.loads(as_json)
    assert len(items) == 14 and all(i["notice"]["codigo"] == IMSS_CODIGO for i in items)
    assert {"label", "type", "from_label", "before", "after", "diff", "notice"} <= set(items[0])
    _, as_csv, _ = run(capsys, *base, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(as_csv)))) == 14
    _, page, _ = run(capsys, *base, "--format", "html", "--type", "derogated")
    assert page.startswith("<!DOCTYPE html>") and page.count('<article class="change derogated"') == 2
    _, none, _ = run(capsys, "--db", db, "changes", "--until", "2024-05-14")
    assert none == "ningún cambio\n"


def test_notices(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "notices", "--date", "2024-05-15", "--json")
    notices = json.loads(out)
    assert code == 0 and len(notices) == 8
    assert set(notices[0]) == {"codigo", "date", "edition", "section", "poder", "issuer", "title", "url",
                               "kind", "document"}
    imss = next(n for n in notices if n["codigo"] == IMSS_CODIGO)
    assert imss["kind"] == "amends" and "IMSS-BIENESTAR" in imss["document"]
    _, table, _ = run(capsys, "--db", db, "notices", "--since", "2024-05-17")
    assert table.count("\n") == 3 and "fe de erratas" in table and "abroga" in table


def test_info_shows_where_and_how_far(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "info")
    assert code == 0 and out.startswith(f"base de datos: {db}\n")
    # the Estatuto imported, and the three new instruments the sync registered (the NOM of
    # 14/05, made of numerales, the Lineamientos of 15/05 and the Ley of 16/05)
    assert "documentos: 4  avisos: 25" in out and "última edición leída: matutina 17 de mayo de 2024" in out


def test_info_never_shows_a_password(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://tracker:S3nt1nel-P%40ss@127.0.0.1:1/nowhere"
    code, _, err = run(capsys, "--db", url, "info")
    assert code == 1 and "S3nt1nel" not in err and "***" in one_error_line(err)


def test_sync_rerun_is_a_no_op_and_says_so(db: str, mirror_url: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    engine = open_engine(db)
    before = state_digest(engine)
    code, out, _ = run(capsys, *sync_args(db, mirror_url, "2024-05-15", "2024-05-15"))
    assert code == 0 and out.count(": ya leída\n") == 3
    assert state_digest(engine) == before
    engine.dispose()


def test_a_failed_sync_exits_non_zero_and_notifies(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    url = URL.create("sqlite", database=str(tmp_path / "down.sqlite")).render_as_string()
    report = tmp_path / "notified.txt"
    with serve_mirror() as mirror:
        mirror.stop()  # nothing listens there any more: every request fails
        notify = f"sh -c 'cat > {report}; echo $DOF_TRACKER_STATUS >> {report}'"
        code, out, _ = run(capsys, "--db", url, "sync", "--date", "2024-05-15", "--source", mirror.base_url,
                           "--notify-command", notify)
    assert code == 1 and "15/05/2024 matutina: falló" in out
    told = report.read_text()  # what the person notified reads, in Spanish; the status for scripts
    assert told.startswith("1 edición en ") and "\n15/05/2024 matutina: falló" in told
    assert told.endswith("\nfailed\n")
    engine = open_engine(url)
    with engine.connect() as conn:
        assert conn.execute(select(s.run.c.status)).scalars().all() == ["failed"]
    engine.dispose()


def test_import_then_pending_and_a_second_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = URL.create("sqlite", database=str(tmp_path / "imp.sqlite")).render_as_string()
    code, out, _ = run(capsys, "--db", url, "import", str(BASE), "--as-of", "2023-10-06")
    assert code == 0 and out.startswith("documento 1 registrado: ESTATUTO Orgánico")  # its own title
    code, out, _ = run(capsys, "--db", url, "import", str(BASE), "--title", TITLE, "--as-of", "2024-01-01")
    assert code == 0 and "texto nuevo (0 cambios) del documento 1" in out  # same document, same text


# --- bad input: one line, non-zero, nothing written ---------------------------------------------
@pytest.mark.parametrize(("argv", "message"), [
    (["sync", "--date", "2024-13-01"], "--date: se esperaba una fecha AAAA-MM-DD o DD/MM/AAAA"),
    (["sync", "--date", "31/02/2024"], "--date: se esperaba una fecha"),
    (["sync", "--date", "1916-12-31"], "--date: 1916-12-31 es anterior a 1917"),
    (["sync", "--from", "2024-05-17", "--to", "2024-05-13"], "es posterior a"),
    (["sync", "--since", "2024-05-17", "--until", "2024-05-13"], "es posterior a"),
    (["sync", "--since", "2024-05-13"], "van juntas"),
    (["sync", "--date", "2024-05-15", "--from", "2024-05-13", "--to", "2024-05-14"], "no ambas"),
    (["sync", "--date", "2999-01-01"], "es una fecha futura"),
    (["sync", "--date", "2024-05-15", "--source", "ftp://127.0.0.1/x"], "source"),
    (["sync", "--date", "2024-05-15", "--source", "http://127.0.0.1:9/index.php?x=1"], "solo una URL base"),
    (["history", "Ley de Aguas Nacionales", "57"], "ningún documento coincide"),
    (["history", "IMSS-BIENESTAR", "artículo"], 'falta el número de "artículo"'),
    (["history", "IMSS-BIENESTAR", "fracción IX del inciso"], 'falta el número de "inciso"'),
    (["history", "IMSS-BIENESTAR", "999"], "el documento no tiene artículo 999"),
    (["history", "99", "57"], "ningún documento"),
    (["history", "'; DROP TABLE document; --", "57"], "ningún documento coincide"),  # bound, never SQL
    (["history", "%", "57"], "ningún documento coincide"),  # LIKE wildcards are literal
    (["changes", "--document", "IMSS' OR '1'='1"], "ningún documento coincide"),
    (["at", "IMSS-BIENESTAR", "57", "2024-02-30"], "FECHA: se esperaba una fecha"),
    (["at", "IMSS-BIENESTAR", "57 Bis", "2024-05-01"], "no estaba vigente el 1 de mayo de 2024"),
    (["at", "IMSS-BIENESTAR", "57", "1999-01-01"], "no tiene texto vigente antes del"),
    (["changes", "--type", "abolished"], "--type: «abolished» no es ninguno de: added"),
    (["changes", "--format", "csv", "--redlines"], "--redlines es para la tabla"),
    (["changes", "--frobnicate"], "no existe la opción --frobnicate"),
    (["changes", "--since", "yesterday"], "--since: se esperaba una fecha"),
    (["notices", "--date", "2024-05-15", "--since", "2024-05-01"], "no ambas"),
    (["import", "/nonexistent/file.txt", "--as-of", "2024-01-01"], "no existe el archivo"),
    (["import", str(BASE), "--as-of", "someday"], "--as-of: se esperaba una fecha"),
    (["import", str(BASE)], "falta --as-of"),
    (["frobnicate"], "no hay ninguna orden «frobnicate»"),
])
def test_bad_input_is_one_line_and_non_zero(db: str, capsys: pytest.CaptureFixture[str], argv: list[str],
                                            message: str) -> None:
    engine = open_engine(db)
    before = state_digest(engine)
    code, out, err = run(capsys, "--db", db, *argv)
    assert code != 0 and out == ""
    assert message in one_error_line(err)
    assert state_digest(engine) == before
    engine.dispose()


def test_a_cut_text_is_never_imported_nor_amended(db: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """``parse`` shows a text that ends mid-sentence with its finding; storing it or amending it
    would read every artículo after the cut as repealed, so import and amend refuse it."""
    cut = tmp_path / "cortado.txt"
    cut.write_bytes(BASE.read_bytes()[:-400].rstrip() + b" y la mi")
    engine = open_engine(db)
    before = state_digest(engine)
    for argv in (["import", str(cut), "--as-of", "2024-01-01"], ["amend", str(cut), str(BASE)]):
        code, out, err = run(capsys, "--db", db, *argv)
        assert code != 0 and out == ""
        assert "parece cortado" in one_error_line(err)
    assert state_digest(engine) == before
    engine.dispose()


def test_an_ambiguous_document_name_lists_the_candidates(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    url = URL.create("sqlite", database=str(tmp_path / "two.sqlite")).render_as_string()
    for title in ("Estatuto Orgánico del Organismo Uno", "Estatuto Orgánico del Organismo Dos"):
        argv = ["--db", url, "import", str(BASE), "--title", title, "--as-of", "2023-10-06"]
        assert run(capsys, *argv)[0] == 0
    code, out, err = run(capsys, "--db", url, "history", "estatuto organico", "57")
    assert code == 2 and out == ""
    assert re.search(r"coincide con 2 documentos: \[1\] .*Uno; \[2\] .*Dos", one_error_line(err))
    assert run(capsys, "--db", url, "history", "organismo dos", "57")[0] == 0


def test_a_second_writer_is_refused_in_one_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    engine = open_engine(db)
    with acquire_writer_lock(engine):
        code, _, err = run(capsys, "--db", db, "import", str(BASE), "--title", TITLE, "--as-of", "2024-06-01")
    engine.dispose()
    assert code == 1 and "otro proceso de dof-tracker está escribiendo" in one_error_line(err)


# --- documentation --------------------------------------------------------------------------------
def test_every_command_and_option_appears_in_the_readme() -> None:
    """sqlite-utils' test_docs idea: a command or option nobody can find is one nobody uses."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    readme = text[text.index("## Commands"):text.index("## From Python")]
    missing = [name for name in COMMANDS if f"dof-tracker {name}" not in readme]
    for name, command in commands():
        missing += [f"{name} {option.opts[0]}" for option in command.params
                    if isinstance(option, click.Option) and not option.hidden
                    and not any(opt in readme for opt in option.opts)]
    assert not missing, f"README.md never shows: {', '.join(missing)}"


def every_command() -> list[tuple[str, click.Command]]:
    """The group, its commands and their subcommands ('user add'), by the words that call them."""
    found: list[tuple[str, click.Command]] = [("", cli)]
    for name, command in commands():
        found.append((name, command))
        if isinstance(command, click.Group):
            found += [(f"{name} {sub}", subcommand) for sub, subcommand in command.commands.items()]
    return found


def test_every_option_has_help_with_an_example() -> None:
    lacking = [f"{name} {option.opts[0]}" for name, command in every_command()
               for option in command.params
               if isinstance(option, click.Option) and not option.hidden
               and option.name != "help" and "Ejemplo: " not in (option.help or "")]
    assert not lacking, lacking


CLICK_ENGLISH = ("Usage:", "Options:", "Commands:", "Positional arguments:", "[default:", "[required]",
                 "Show this message", "Example:")


@pytest.mark.parametrize("name", [name for name, _ in every_command()])
def test_help_is_in_spanish(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every help page, click's own words included: 'Uso:', 'Opciones:', '[por omisión: 7]'."""
    code, out, _ = run(capsys, *name.split(), "--help")
    assert code == 0 and out.startswith(f"Uso: dof-tracker {name}".rstrip() + " ")
    assert "Opciones:" in out and "Muestra esta ayuda y termina." in out
    assert [word for word in CLICK_ENGLISH if word in out] == []
