"""Options defined once: the store, verbosity, JSON, and one date type for every date.

Every command takes ``--db`` and ``-q/-v`` after its name too (the group takes them before it);
``Command.invoke`` in ``cli.app`` merges the two. Help texts are in Spanish like the rest of the
help (``cli.help``), each with an example ("Ejemplo: …"); values people type (dates, numbers,
choices) are checked here, before any work, and refused in Spanish. What ``--help`` calls each
value (its metavar) is named here too, in Spanish: ``DOCUMENTO``, ``CITA``, ``FECHA``, ``ARCHIVO``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

# What --help calls the values people type. click's defaults are English (the parameter's own
# name, or its type's: TEXT, INTEGER); ``cli.help`` names any value left without one by its type.
DOCUMENT = "DOCUMENTO"  # an id, or any unambiguous part of a title
CITATION = "CITA"       # "57, fracción IX", as people write it
FILE = "ARCHIVO"
URL = "URL"
CODIGO = "CÓDIGO"       # a DOF notice's code
COMMAND = "COMANDO"     # a shell command (an "orden" is one of ours: ORDEN in the usage line)

FIRST_DOF_DAY = date(1917, 1, 1)  # the Diario Oficial de la Federación under the 1917 Constitution
_DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
DATE_FORMS = "AAAA-MM-DD o DD/MM/AAAA"


def parse_day(text: str) -> date:
    """``2024-05-15`` or ``15/05/2024`` (as Mexican documents write dates); ValueError otherwise.

    >>> parse_day("15/05/2024"), parse_day(" 2024-05-15 ")
    (datetime.date(2024, 5, 15), datetime.date(2024, 5, 15))
    """
    text = text.strip()
    found = _DAY_FIRST.fullmatch(text)
    if found:
        day, month, year = (int(g) for g in found.groups())
        return date(year, month, day)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(text)
    return date.fromisoformat(text)


class DofDate(click.ParamType):  # type: ignore[type-arg]
    """A date as ``2024-05-15`` or ``15/05/2024``, not before 1917 (bad input: exit 2)."""

    name = "FECHA"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            day = parse_day(str(value))
        except ValueError:
            self.fail(f"se esperaba una fecha {DATE_FORMS}, no «{str(value)[:40]}»", param, ctx)
        if day < FIRST_DOF_DAY:
            self.fail(f"{day.isoformat()} es anterior a {FIRST_DOF_DAY.year}: el DOF no tiene esa "
                      "edición", param, ctx)
        return day


DATE = DofDate()


class Integer(click.ParamType):  # type: ignore[type-arg]
    """A whole number from ``minimum`` to ``maximum``, refused in Spanish (click's INT answers in
    English)."""

    name = "ENTERO"

    def __init__(self, minimum: int = 0, maximum: int | None = None) -> None:
        self.minimum, self.maximum = minimum, maximum

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            number = value
        elif re.fullmatch(r"\s*[+-]?\d+\s*", str(value)):
            number = int(str(value))
        else:
            self.fail(f"se esperaba un número entero, no «{str(value)[:40]}»", param, ctx)
        if self.maximum is not None and not self.minimum <= number <= self.maximum:
            self.fail(f"se esperaba un número de {self.minimum} a {self.maximum}, no {number}", param, ctx)
        if number < self.minimum:
            self.fail(f"se esperaba un número desde {self.minimum}, no {number}", param, ctx)
        return number


class Choice(click.Choice[str]):
    """click's Choice with the refusal written in Spanish."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return f"«{str(value)[:40]}» no es ninguno de: {', '.join(map(str, self.choices))}"


def db_option(f: F) -> F:
    return click.option(
        "--db", metavar=URL, default=None,
        help="La base de datos, cualquier URL de SQLAlchemy (por omisión: $DOF_TRACKER_DB, si no, un "
             "archivo SQLite en la carpeta de datos del usuario; 'dof-tracker info' la muestra). "
             "Ejemplo: --db sqlite:///imss.sqlite")(f)


def verbosity_options(f: F) -> F:
    f = click.option("-v", "--verbose", count=True,
                     help="Más mensajes en stderr; dos veces para depurar. Ejemplo: -vv")(f)
    return click.option("-q", "--quiet", count=True,
                        help="Menos mensajes en stderr: solo los errores. Ejemplo: -q")(f)


def json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True,
                        help="Imprime JSON (las formas de DESIGN §1.3) en vez de texto. Ejemplo: --json")(f)


def store_options(f: F) -> F:
    """``--db`` and ``-q/-v``: what every command that opens the store takes."""
    return db_option(verbosity_options(f))


def date_option(f: F) -> F:
    return click.option("--date", "on", type=DATE, default=None,
                        help="Un día. Ejemplo: --date 2024-05-15 (o 15/05/2024)")(f)


def since_until_options(f: F) -> F:
    f = click.option("--until", type=DATE, default=None,
                     help="Último día, incluido. Ejemplo: --until 31/05/2024")(f)
    return click.option("--since", type=DATE, default=None,
                        help="Primer día, incluido. Ejemplo: --since 2024-05-01")(f)


def document_option(f: F) -> F:
    return click.option("--document", metavar=DOCUMENT, default=None,
                        help="Solo este documento: su id o cualquier parte inequívoca de su título. "
                             "Ejemplo: --document IMSS-BIENESTAR")(f)


def json_format(as_json: bool, fmt: str) -> str:
    """The output format of a command with both ``--json`` and ``--format``: they must agree."""
    if as_json and fmt not in ("json", "table"):  # table is the default: --json alone means json
        raise click.BadParameter(f"--json y --format {fmt} se contradicen: dé uno", param_hint="--json")
    return "json" if as_json else fmt


def format_option(formats: Sequence[str], example: str) -> Callable[[F], F]:
    def decorate(f: F) -> F:
        return click.option("--format", "fmt", type=Choice(list(formats)), default=formats[0],
                            show_default=True,
                            help=f"Formato de salida: {', '.join(formats)}. Ejemplo: --format {example}")(f)
    return decorate
