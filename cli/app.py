"""The ``dof-tracker`` command group: lazy subcommands, global options, exit codes, errors.

Each subcommand lives in a module of its family (``cli.texts``, ``cli.ingest``, ``cli.queries``,
``cli.documents``, ``cli.review``, ``cli.demo``, ``cli.digest``) and is imported only when it runs or its own
help is asked for: ``dof-tracker --help`` lists them from ``COMMANDS`` without importing any, so
it never pays for the store, SQLAlchemy, the parser or tqdm.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Sequence
from typing import Any, NamedTuple

import click

from .help import SpanishGroup, SpanishHelp, close_to
from .options import db_option, verbosity_options

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader left

PROG = "dof-tracker"
EPILOG = f"""\b
Códigos de salida: {EXIT_OK} correcto, {EXIT_ERROR} falla (una edición fallida, la base de datos),
{EXIT_USAGE} entrada inválida (una opción desconocida, una fecha, cita o archivo inválidos),
{EXIT_BROKEN_PIPE} cuando el lector de una tubería se va.
Toda opción puede ir después de la orden: dof-tracker history IMSS 57 --db sqlite:///imss.sqlite
Autocompletado del shell: eval "$(_DOF_TRACKER_COMPLETE=bash_source dof-tracker)" (zsh_source, fish_source).
"""


class Entry(NamedTuple):
    """Where a subcommand lives, and the one-line help ``--help`` shows without importing it."""

    module: str
    attribute: str
    summary: str


COMMANDS: dict[str, Entry] = {
    "parse": Entry("cli.texts", "parse", "Divide una ley (texto, HTML o nota del DOF) en disposiciones."),
    "amend": Entry("cli.texts", "amend",
                   "Aplica un instrumento de reforma a un texto base (sin base de datos)."),
    "import": Entry("cli.ingest", "import_", "Registra el texto de un documento vigente en una fecha."),
    "sync": Entry("cli.ingest", "sync",
                  "Descarga las ediciones del DOF (matutina, vespertina, extraordinaria) y las procesa."),
    "run": Entry("cli.ingest", "run", "El programador nocturno (bloquea; recupera los días perdidos)."),
    "demo": Entry("cli.demo", "demo",
                  "Demostración sin red: un espejo local del DOF, el caso IMSS-BIENESTAR."),
    "notices": Entry("cli.queries", "notices", "Lo que publicó el DOF (hasta donde lo descargamos)."),
    "history": Entry("cli.queries", "history", "Todas las versiones de una disposición."),
    "at": Entry("cli.queries", "at", "El texto vigente de una disposición en una fecha."),
    "changes": Entry("cli.queries", "changes", "La bitácora de cambios."),
    "info": Entry("cli.queries", "info", "Dónde está la base de datos y qué contiene."),
    "documents": Entry("cli.documents", "documents",
                       "Los documentos seguidos, con sus cifras y su último cambio."),
    "show": Entry("cli.documents", "show", "Un documento completo, vigente en una fecha."),
    "compare": Entry("cli.documents", "compare", "Cada disposición que difiere entre dos fechas."),
    "discrepancies": Entry("cli.documents", "discrepancies",
                           "Lo que los instrumentos declararon y su texto no mostró, y al revés."),
    "pending": Entry("cli.review", "pending",
                     "Cambios publicados que aún no entran en vigor (y por qué)."),
    "problems": Entry("cli.review", "problems",
                      "Ediciones que requieren atención (la próxima corrida las reintenta)."),
    "reprocess": Entry("cli.review", "reprocess",
                       "Vuelve a leer las capturas archivadas con el lector actual."),
    "digest": Entry("cli.digest", "digest",
                    "Envía a cada usuario el resumen diario de lo que cambió en lo que sigue."),
    "serve": Entry("cli.web", "serve", "La aplicación web (con inicio de sesión) sobre la base de datos."),
    "user": Entry("cli.web", "user",
                  "Los usuarios de la aplicación web: 'user add USUARIO', 'user token USUARIO'."),
}


class CommandFailed(Exception):
    """A command's error turned into what ``main`` prints: one line and an exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class BrokenPipe(Exception):
    """The reader of stdout has gone (``dof-tracker … | head``): end quietly with 141."""


class Command(SpanishHelp):
    """A subcommand: merges the global options given after its name, configures logging, and
    turns every error into one line (``CommandFailed``)."""

    def invoke(self, ctx: click.Context) -> Any:
        root = ctx.find_root()
        if "db" in ctx.params and ctx.params["db"] is None:
            ctx.params["db"] = root.params.get("db")
        verbose = ctx.params.pop("verbose", 0) + root.params.get("verbose", 0)
        quiet = ctx.params.pop("quiet", 0) + root.params.get("quiet", 0)
        _configure_logging(verbose, quiet, default=logging.INFO if self.name == "run" else logging.WARNING)
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # here, so a closed pipe is caught below and not at exit
            return result
        except BrokenPipeError:
            raise BrokenPipe from None
        except Exception as exc:
            failed = _failure(exc)
            if failed is None:
                raise
            raise CommandFailed(f"{ctx.command_path}: {failed.args[0]}", failed.status) from exc
        except KeyboardInterrupt:
            raise CommandFailed(f"{ctx.command_path}: interrumpido", EXIT_INTERRUPTED) from None


def _failure(exc: Exception) -> CommandFailed | None:
    """Our errors (and the database's) as one line with a status; None for a bug."""
    from errors import InputError, TrackerError
    from untrusted import visible

    if isinstance(exc, TrackerError):
        return CommandFailed(visible(str(exc)), EXIT_USAGE if isinstance(exc, InputError) else EXIT_ERROR)
    if type(exc).__module__.startswith("sqlalchemy"):
        from pipeline import short_error  # only a database error needs it

        return CommandFailed(f"error de la base de datos: {short_error(exc)}", EXIT_ERROR)
    return None


def _configure_logging(verbose: int, quiet: int, default: int) -> None:
    level = logging.ERROR if quiet else default - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


class LazyGroup(SpanishGroup):
    """A group whose commands are imported when used (click's documented lazy-loading pattern),
    listed in ``--help`` from their one-line summaries."""

    command_class = Command

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        command = getattr(importlib.import_module(entry.module), entry.attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, entry.summary) for name, entry in COMMANDS.items()])


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version(PROG)
    except PackageNotFoundError:  # a source checkout that was never installed
        number = "unknown"
    click.echo(f"{PROG} {number}")
    ctx.exit(EXIT_OK)


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Muestra la versión y termina. Ejemplo: dof-tracker --version")
@db_option
@verbosity_options
def cli(db: str | None, verbose: int, quiet: int) -> None:
    """Sigue lo que cambia el Diario Oficial de la Federación, disposición por disposición."""


def _one_line(exc: click.ClickException) -> str:
    """A usage error as one line: 'dof-tracker sync: --date: se esperaba una fecha …'."""
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else PROG
    param = getattr(exc, "param", None)
    hint = "" if param is None else (param.opts[0] if isinstance(param, click.Option)
                                     else param.human_readable_name)
    if isinstance(exc, click.MissingParameter) and param is not None:
        return f"{where}: falta {hint} (obligatorio; '{where} --help')"
    if isinstance(exc, click.BadParameter) and param is not None:
        return f"{where}: {hint}: {exc.message}"
    if isinstance(exc, click.NoSuchOption):
        near = close_to(exc.option_name, exc.possibilities or ())
        return f"{where}: no existe la opción {exc.option_name}{near}"
    return f"{where}: {exc.format_message()}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``dof-tracker`` with ``argv``; return the exit status (never raise for bad input)."""
    from untrusted import visible

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        status = cli.main(args=args, prog_name=PROG, standalone_mode=False)
    except CommandFailed as exc:
        print(exc.args[0], file=sys.stderr)
        return exc.status
    except click.exceptions.NoArgsIsHelpError as exc:  # a bare 'dof-tracker': the help, exit 2
        print(exc.format_message(), file=sys.stderr)
        return EXIT_USAGE
    except click.ClickException as exc:
        print(visible(_one_line(exc)), file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code
    except BrokenPipe:
        from .output import silence_stdout

        silence_stdout()
        return EXIT_BROKEN_PIPE
    except click.Abort:
        print(f"{PROG}: interrumpido", file=sys.stderr)
        return EXIT_INTERRUPTED
    return status if isinstance(status, int) else EXIT_OK
