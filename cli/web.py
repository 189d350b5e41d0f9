"""The web application from the command line: ``serve`` and the users it admits (``user add``,
``user token``), thin over ``web.commands``."""

from __future__ import annotations

import sys

import click

from errors import InputError

from .app import EXIT_OK, Command
from .help import SpanishGroup
from .options import Choice, Integer, store_options
from .output import emit

ROLES = ("reader", "reviewer", "admin")
USER = "USUARIO"


@click.command(cls=Command, epilog="Ejemplo: dof-tracker serve --port 8000 --workers 4 "
               "--db postgresql+psycopg://dof@db/dof")
@click.option("--host", metavar="DIRECCIÓN", default="127.0.0.1", show_default=True,
              help="Dirección en que escucha; cualquiera distinta de la local exige cookies HTTPS. "
                   "Ejemplo: --host 0.0.0.0")
@click.option("--port", metavar="PUERTO", type=Integer(maximum=65535), default=8000, show_default=True,
              help="Puerto TCP. Ejemplo: --port 8080")
@click.option("--workers", metavar="NÚMERO", type=Integer(minimum=1, maximum=64), default=1,
              show_default=True,
              help="Procesos de trabajo (más de uno usa gunicorn). Ejemplo: --workers 4")
@store_options
def serve(host: str, port: int, workers: int, db: str | None) -> int:
    """Sirve la aplicación web (con inicio de sesión) sobre la base de datos hasta que se interrumpa."""
    from web.commands import serve as run_server

    return run_server(db, host, port, workers)


@click.group(cls=SpanishGroup, epilog="Ejemplo: dof-tracker user add ana --role reviewer")
def user() -> None:
    """Los usuarios de la aplicación web: agregar uno, o darle a uno un nuevo token de la API."""


@user.command("add", cls=Command, epilog="Ejemplo: printf 'secreto largo\\n' | dof-tracker user add ana "
              "--role reviewer")
@click.argument("name", metavar=USER)
@click.option("--role", type=Choice(ROLES), default="reader", show_default=True,
              help="Lo que puede hacer el usuario: reader lee, reviewer además revisa cambios, admin además "
                   "administra. Ejemplo: --role admin")
@store_options
def add(name: str, role: str, db: str | None) -> int:
    """Crea el USUARIO; la contraseña se pide en la terminal, si no, se lee de la primera
    línea de la entrada estándar."""
    from web.commands import user_add

    emit(user_add(db, name, role, _password()) + "\n")
    return EXIT_OK


@user.command("token", cls=Command, epilog="Ejemplo: dof-tracker user token ana")
@click.argument("name", metavar=USER)
@store_options
def token(name: str, db: str | None) -> int:
    """Imprime un nuevo token de la API para el USUARIO (para los feeds y el JSON:
    'Authorization: Bearer T' o '?token=T'); el anterior deja de funcionar."""
    from web.commands import user_token

    emit(user_token(db, name) + "\n")
    return EXIT_OK


def _password() -> str:
    if sys.stdin.isatty():
        typed = str(click.prompt("Contraseña", hide_input=True))
        if typed != click.prompt("Repítala", hide_input=True):  # click's own check answers in English
            raise InputError("las dos contraseñas no coinciden")
        return typed
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise InputError("falta la contraseña: escríbala en la terminal o en la primera línea de la entrada")
    return line
