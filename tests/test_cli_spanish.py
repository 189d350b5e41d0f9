"""click's own words in Spanish: the usage lines and placeholders ``--help`` shows, and every
refusal click makes while reading a command line (a missing argument, an unknown option, an
option without its value, a flag given one, a bad number or choice, an argument too many).

Every command is tried with each kind of bad input; each answer is one line on stderr, exit
status 2, and no English word of click's.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import click
import pytest
from test_cli import ROOT, every_command, run

from cli.app import Command
from cli.help import TYPE_METAVARS
from cli.options import DATE, Choice, Integer

USAGES = {
    "": "dof-tracker [OPCIONES] ORDEN [ARGUMENTOS]...",
    "parse": "dof-tracker parse [OPCIONES] ARCHIVO",
    "amend": "dof-tracker amend [OPCIONES] BASE REFORMA",
    "import": "dof-tracker import [OPCIONES] ARCHIVO",
    "sync": "dof-tracker sync [OPCIONES]",
    "run": "dof-tracker run [OPCIONES]",
    "demo": "dof-tracker demo [OPCIONES]",
    "notices": "dof-tracker notices [OPCIONES]",
    "history": "dof-tracker history [OPCIONES] DOCUMENTO CITA",
    "at": "dof-tracker at [OPCIONES] DOCUMENTO CITA FECHA",
    "changes": "dof-tracker changes [OPCIONES]",
    "info": "dof-tracker info [OPCIONES]",
    "documents": "dof-tracker documents [OPCIONES]",
    "show": "dof-tracker show [OPCIONES] DOCUMENTO",
    "compare": "dof-tracker compare [OPCIONES] DOCUMENTO FECHA1 FECHA2 [CITA]",
    "discrepancies": "dof-tracker discrepancies [OPCIONES]",
    "pending": "dof-tracker pending [OPCIONES]",
    "problems": "dof-tracker problems [OPCIONES]",
    "reprocess": "dof-tracker reprocess [OPCIONES]",
    "digest": "dof-tracker digest [OPCIONES]",
    "serve": "dof-tracker serve [OPCIONES]",
    "user": "dof-tracker user [OPCIONES] ORDEN [ARGUMENTOS]...",
    "user add": "dof-tracker user add [OPCIONES] USUARIO",
    "user token": "dof-tracker user token [OPCIONES] USUARIO",
}
# The placeholders of option values; a choice shows its values, which are what is typed.
OPTION_METAVARS = {"FECHA", "DOCUMENTO", "URL", "COMANDO", "CÓDIGO", "TÍTULO", "DÍAS", "DIRECCIÓN", "PUERTO",
                   "NÚMERO", "USUARIO", "CORREO", *TYPE_METAVARS.values()}

# click's English, as words: what its messages and help are made of (a check on words, not on
# whole messages, so a message click adds later is caught too).
ENGLISH = {"usage", "error", "options", "option", "command", "commands", "args", "argument", "arguments",
           "missing", "invalid", "value", "values", "requires", "require", "does", "take", "such", "got",
           "unexpected", "extra", "is", "not", "the", "valid", "one", "of", "did", "you", "mean", "try",
           "integer", "text", "path", "file", "date", "doc", "citation", "name", "cmd", "aborted"}


def click_english(text: str) -> set[str]:
    """click's English words in ``text``, leaving out option names and what the user typed
    (quoted «…»)."""
    text = re.sub(r"«[^»]*»|'dof-tracker[^']*'|--?[\w-]+", " ", text)
    return set(re.findall(r"[A-Za-z]+", text.lower())) & ENGLISH


COMMANDS = every_command()


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name or "dof-tracker" for name, _ in COMMANDS])
def test_every_usage_line_names_its_arguments_in_spanish(name: str, command: click.Command,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *name.split(), "--help")
    assert code == 0 and out.splitlines()[0] == f"Uso: {USAGES[name]}"
    metavars = {option.make_metavar(click.Context(command)) for option in command.params
                if isinstance(option, click.Option) and not option.is_flag and not option.count
                and not isinstance(option.type, click.Choice)}
    assert metavars <= OPTION_METAVARS, metavars - OPTION_METAVARS
    assert click_english(out.replace("DESIGN", "")) == set(), out


def test_a_value_named_only_by_its_click_type_is_named_in_spanish() -> None:
    @click.command("prueba", cls=Command)
    @click.argument("origen", type=click.Path())
    @click.option("--veces", type=int, help="Cuántas. Ejemplo: --veces 2")
    @click.option("--nombre", help="Cuál. Ejemplo: --nombre ana")
    def probe(origen: str, veces: int, nombre: str) -> None:
        """Prueba."""

    text = probe.get_help(probe.context_class(probe, info_name="prueba"))
    assert text.splitlines()[0] == "Uso: prueba [OPCIONES] RUTA"
    assert "--veces ENTERO" in text and "--nombre TEXTO" in text


def test_the_readme_shows_each_command_with_the_arguments_of_its_usage_line() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    readme = readme[readme.index("## Commands"):readme.index("## From Python")]
    shown = [usage.replace(" [OPCIONES]", "").removesuffix(" ORDEN [ARGUMENTOS]...")
             for usage in USAGES.values()]
    assert [line for line in shown if line not in readme] == []


def _placeholder(param: click.Parameter) -> str:
    return "2024-05-15" if param.type is DATE else "x"


def _arguments(command: click.Command, *, required: bool = True) -> list[str]:
    """Values for its arguments (the required ones, or all), and its required options."""
    values = [_placeholder(p) for p in command.params
              if isinstance(p, click.Argument) and (p.required or not required)]
    for option in command.params:
        if isinstance(option, click.Option) and option.required:
            values += [option.opts[0], _placeholder(option)]
    return values


def _bad_command_lines() -> list[tuple[list[str], str]]:
    """Every kind of bad input for every command, with the Spanish words the refusal must use."""
    cases: list[tuple[list[str], str]] = []
    for name, command in COMMANDS:
        words = name.split()
        arguments = _arguments(command)
        cases.append(([*words, *arguments, "--no-existe"], "no existe la opción --no-existe"))
        first = next((p for p in command.params if isinstance(p, click.Argument) and p.required), None)
        if first is not None:
            cases.append((words, f"falta {first.human_readable_name}"))
        if not isinstance(command, click.Group):
            cases.append(([*words, *_arguments(command, required=False), "sobra"], "sobra «sobra»"))
        for option in command.params:
            if not isinstance(option, click.Option) or option.hidden or option.name == "help":
                continue
            flag = option.opts[-1]
            if option.is_flag or option.count:
                if flag.startswith("--"):
                    cases.append(([*words, *arguments, f"{flag}=1"], f"{flag} no lleva valor"))
                continue
            cases.append(([*words, *arguments, flag], f"a {flag} le falta su valor"))
            if isinstance(option.type, DATE.__class__ | Integer | Choice):
                cases.append(([*words, *arguments, flag, "nada"], f"{flag}: "))
    return cases


BAD = _bad_command_lines()


@pytest.mark.parametrize(("argv", "says"), BAD, ids=[" ".join(argv) for argv, _ in BAD])
def test_click_refuses_bad_input_in_spanish_in_one_line(argv: list[str], says: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and says in err, err
    assert click_english(err) == set(), err


def test_an_unknown_command_is_refused_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "histroy") == (2, "", "dof-tracker: no hay ninguna orden «histroy» (¿quiso decir "
                                               "history?); 'dof-tracker --help' las lista\n")
    assert run(capsys, "user", "borra", "ana") == (2, "", "dof-tracker user: no hay ninguna orden «borra»; "
                                                          "'dof-tracker user --help' las lista\n")


def test_a_near_option_is_suggested(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "info", "--jsno") == (2, "", "dof-tracker info: no existe la opción --jsno "
                                                    "(¿quiso decir --json?)\n")


def test_numbers_are_checked_before_any_work(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "serve", "--port", "ocho") == (
        2, "", "dof-tracker serve: --port: se esperaba un número entero, no «ocho»\n")
    assert run(capsys, "serve", "--workers", "0") == (
        2, "", "dof-tracker serve: --workers: se esperaba un número de 1 a 64, no 0\n")


@pytest.mark.parametrize(("words", "offered"), [
    ("dof-tracker hi", ["plain,history"]),
    ("dof-tracker at --js", ["plain,--json"]),
    ("dof-tracker histroy --js", []),  # completing after a misspelled command offers nothing, refuses nothing
])
def test_shell_completion_is_not_refused(words: str, offered: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "scheduler"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT), "COMP_WORDS": words,
                                           "COMP_CWORD": str(len(words.split()) - 1),
                                           "_DOF_TRACKER_COMPLETE": "bash_complete"})
    assert (done.returncode, done.stdout.split(), done.stderr) == (0, offered, "")
