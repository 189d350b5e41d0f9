"""Plain functions behind ``dof-tracker serve`` and ``dof-tracker user add|token`` (the CLI wires
them; tests call them directly).

``serve`` runs werkzeug's threaded server for one worker, and gunicorn for several: gunicorn is
the established pre-fork WSGI server (a master process that restarts crashed workers, graceful
reloads, timeouts on stuck requests), and each worker opens its own connection pool to the same
database URL, which is what a team on PostgreSQL needs. Werkzeug alone is a development server.
"""

from __future__ import annotations

import ipaddress
import logging

from flask import Flask
from gunicorn.app.base import BaseApplication

from errors import InputError
from store import open_engine, transaction
from store.users import add_user, issue_token

from .app import create_app

logger = logging.getLogger(__name__)
LOOPBACK_NAMES = frozenset({"localhost", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """True for a host only this machine can reach (then cookies cannot require HTTPS)."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_app(url: str | None, host: str) -> Flask:
    """The application as ``serve`` runs it: Secure cookies unless the host is a loopback one."""
    return create_app(url, secure_cookies=not is_loopback(host))


def serve(url: str | None, host: str, port: int, workers: int = 1) -> int:
    """Serve the web application until interrupted; returns the exit status."""
    if not 1 <= workers <= 64:
        raise InputError(f"--workers {workers} no tiene sentido: dé de 1 a 64")
    if not 0 <= port <= 65535:
        raise InputError(f"--port {port} no tiene sentido: dé de 0 a 65535")
    if workers == 1:
        from werkzeug.serving import run_simple

        run_simple(host, port, make_app(url, host), threaded=True)
        return 0
    _Gunicorn(url, host, port, workers).run()
    return 0


class _Gunicorn(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type hints
    """gunicorn with our options and our app, without a config file or its own command line.

    Not preloaded: each worker builds the app after the fork, so no database connection is
    ever shared between processes.
    """

    def __init__(self, url: str | None, host: str, port: int, workers: int) -> None:
        self.url, self.host = url, host
        self.options = {"bind": f"{host}:{port}", "workers": workers, "preload_app": False,
                        "accesslog": "-", "timeout": 60, "graceful_timeout": 10}
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return make_app(self.url, self.host)


def user_add(url: str | None, name: str, role: str, password: str) -> str:
    """Create a user; returns the line to print."""
    engine = open_engine(url)
    try:
        with transaction(engine) as conn:
            user = add_user(conn, name, role, password)
    finally:
        engine.dispose()
    return f"usuario «{user.name}» creado con el rol {user.role}"


def user_token(url: str | None, name: str) -> str:
    """A new API token for ``name`` (the old one stops working); returns the token itself."""
    engine = open_engine(url)
    try:
        with transaction(engine) as conn:
            return issue_token(conn, name)
    finally:
        engine.dispose()
