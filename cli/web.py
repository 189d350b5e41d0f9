"""The web application from the command line: ``serve`` and the users it admits (``user add``,
``user token``), thin over ``web.commands``."""

from __future__ import annotations

import sys

import click

from errors import InputError

from .app import EXIT_OK, Command
from .options import store_options
from .output import emit

ROLES = ("reader", "reviewer", "admin")


@click.command(cls=Command, epilog="Example: dof-tracker serve --port 8000 --workers 4 "
               "--db postgresql+psycopg://dof@db/dof")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; any other than loopback requires HTTPS cookies. "
                   "Example: --host 0.0.0.0")
@click.option("--port", type=int, default=8000, show_default=True, help="TCP port. Example: --port 8080")
@click.option("--workers", type=int, default=1, show_default=True,
              help="Worker processes (more than one runs gunicorn). Example: --workers 4")
@store_options
def serve(host: str, port: int, workers: int, db: str | None) -> int:
    """Serve the web application (login required) over the store until interrupted."""
    from web.commands import serve as run_server

    return run_server(db, host, port, workers)


@click.group(epilog="Example: dof-tracker user add ana --role reviewer")
def user() -> None:
    """The web application's users: add one, or give one a new API token."""


@user.command("add", cls=Command, epilog="Example: printf 'secreto largo\\n' | dof-tracker user add ana "
              "--role reviewer")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="reader", show_default=True,
              help="What the user may do: read, also review changes, also administer. Example: --role admin")
@store_options
def add(name: str, role: str, db: str | None) -> int:
    """Create user NAME; the password is asked for at a terminal, else read from the first line
    of standard input."""
    from web.commands import user_add

    emit(user_add(db, name, role, _password()) + "\n")
    return EXIT_OK


@user.command("token", cls=Command, epilog="Example: dof-tracker user token ana")
@click.argument("name")
@store_options
def token(name: str, db: str | None) -> int:
    """Print a new API token for user NAME (for feeds and JSON: 'Authorization: Bearer T' or
    '?token=T'); the previous one stops working."""
    from web.commands import user_token

    emit(user_token(db, name) + "\n")
    return EXIT_OK


def _password() -> str:
    if sys.stdin.isatty():
        typed = click.prompt("Contraseña", hide_input=True, confirmation_prompt="Repítala")
        return str(typed)
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise InputError("falta la contraseña: escríbala en la terminal o en la primera línea de la entrada")
    return line
