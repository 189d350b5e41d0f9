"""click's own help words in Spanish: the usage prefix, the section headings, the marks it adds
after an option's help ("[default: 7]", "[required]") and the ``--help`` option's text.

click writes these through ``gettext`` with no Spanish catalog; rather than install one
process-wide, every command makes its help with ``Formatter`` (through ``Context``, its
``context_class``) and takes its ``--help`` from ``SpanishHelp``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import click

HEADINGS = {"Options": "Opciones", "Commands": "Órdenes", "Positional arguments": "Argumentos"}
USAGE = "Uso: "
HELP_TEXT = "Muestra esta ayuda y termina."
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


class SpanishHelp(click.Command):
    """A command (or, mixed in before ``click.Group``, a group) whose help is in Spanish."""

    context_class = Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option


class Group(SpanishHelp, click.Group):
    """A plain group (``user``) with its help in Spanish."""
