"""click's own words in Spanish: the usage line ("Uso: dof-tracker at [OPCIONES] DOCUMENTO …"),
the section headings, the marks it adds after an option's help ("[default: 7]", "[required]"),
the ``--help`` option's text, the metavar of a value named by nothing but its type, and the
refusals click makes while reading the command line (an option without its value, a flag given
one, an argument too many, an unknown subcommand).

click writes these through ``gettext`` with no Spanish catalog; rather than install one
process-wide, every command makes its help with ``Formatter`` (through ``Context``, its
``context_class``), takes its ``--help`` and its parsing from ``SpanishHelp``, and a group its
subcommand lookup from ``SpanishGroup``. The refusals' final one-line form is ``cli.app``'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import click

HEADINGS = {"Options": "Opciones", "Commands": "Órdenes", "Positional arguments": "Argumentos"}
USAGE = "Uso: "
HELP_TEXT = "Muestra esta ayuda y termina."
OPTIONS_METAVAR = "[OPCIONES]"
SUBCOMMAND_METAVAR = "ORDEN [ARGUMENTOS]..."
#: A value's metavar when nothing names it but click's type (click shows the type's English name).
TYPE_METAVARS = {"text": "TEXTO", "integer": "ENTERO", "float": "NÚMERO", "boolean": "SÍ|NO",
                 "path": "RUTA", "filename": "ARCHIVO", "directory": "CARPETA", "file": "ARCHIVO"}
_MARKS = re.compile(r"\[((?:default: [^\]]*|required)(?:; (?:default: [^\]]*|required))*)\]$")


def spanish_marks(text: str) -> str:
    """An option's help with click's trailing marks in Spanish.

    >>> spanish_marks("Días. Ejemplo: --lookback 3  [default: 7]")
    'Días. Ejemplo: --lookback 3  [por omisión: 7]'
    >>> spanish_marks("La fecha.  [required]")
    'La fecha.  [obligatoria]'
    """
    found = _MARKS.search(text)
    if found is None:
        return text
    marks = ["obligatoria" if mark == "required" else "por omisión: " + mark.removeprefix("default: ")
             for mark in found.group(1).split("; ")]
    return f"{text[:found.start()]}[{'; '.join(marks)}]"


class Formatter(click.HelpFormatter):
    """click's formatter with its own words in Spanish."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, USAGE if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, spanish_marks(text)) for term, text in rows], col_max, col_spacing)


class Context(click.Context):
    formatter_class = Formatter


def close_to(word: str, candidates: Iterable[str]) -> str:
    """' (¿quiso decir history?)' for a near miss, else ''."""
    import difflib  # here: only a refusal needs it

    near = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return f" (¿quiso decir {near[0]}?)" if near else ""


class SpanishHelp(click.Command):
    """A command (or, mixed in before ``click.Group``, a group) whose help and whose refusals
    while reading its command line are in Spanish."""

    context_class = Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = OPTIONS_METAVAR
        for param in self.params:
            if param.metavar is None and param.type.name in TYPE_METAVARS:
                param.metavar = TYPE_METAVARS[param.type.name]

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """click's parsing, its refusals said in Spanish: an option without its value, a flag
        given one (click: "Option '--since' requires an argument."), an argument too many."""
        leaf = not isinstance(self, click.Group)
        extra_allowed = ctx.allow_extra_args
        if leaf:  # the extra arguments are refused below, in Spanish
            ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        except click.BadOptionUsage as exc:
            raise click.BadOptionUsage(exc.option_name, self._misused(ctx, exc.option_name), ctx) from None
        finally:
            ctx.allow_extra_args = extra_allowed
        if leaf and rest and not extra_allowed and not ctx.resilient_parsing:
            shown = " ".join(rest)[:60]
            raise click.UsageError(f"sobra{'n' if len(rest) > 1 else ''} «{shown}» (¿falta poner "
                                   "entre comillas una cita o un título con espacios?)", ctx)
        return rest

    def _misused(self, ctx: click.Context, name: str) -> str:
        for param in self.get_params(ctx):
            if isinstance(param, click.Option) and name in (*param.opts, *param.secondary_opts):
                if param.is_flag or param.count:
                    return f"{name} no lleva valor"
                return f"a {name} le falta su valor ({param.make_metavar(ctx)})"
        return f"{name} está mal usada"


class SpanishGroup(SpanishHelp, click.Group):
    """A group whose usage line and unknown-subcommand refusal are in Spanish."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subcommand_metavar = SUBCOMMAND_METAVAR

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        names = self.list_commands(ctx)
        if args and args[0] not in names and not args[0].startswith("-") and not ctx.resilient_parsing:
            raise click.UsageError(f"no hay ninguna orden «{args[0][:40]}»{close_to(args[0], names)}; "
                                   f"'{ctx.command_path} --help' las lista", ctx)
        return super().resolve_command(ctx, args)
