"""The Flask application: ``create_app(store)`` wires the page blueprints, the login gate, the
error pages and the JSON answers over one ``store.api.Store``.

Flask because the pages are server-rendered HTML with forms, sessions and a few JSON answers:
it brings Jinja2 (autoescaped templates), signed session cookies and the WSGI interface gunicorn
runs, and nothing we would not use (no ORM, no async; the store is SQLAlchemy Core already).

Every page answers JSON to ``Accept: application/json`` (``respond``), in DESIGN §1.3's shapes.
Errors are pages in Spanish (or JSON ``{"error": ...}``), never a traceback.
"""

from __future__ import annotations

import functools
import os
import secrets

from flask import Flask, Response, request
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException

from errors import InputError, NotFound, TrackerError
from report import safe_href
from store import get_meta, set_meta
from store.api import Store, open_store

from . import auth, changes, documents, feeds, notices, personal
from .context import ERROR_TITLES, STORE_KEY, error_response
from .render import by_instrument, citation, edition_name, inline_html

SECRET_META_KEY = "web.secret_key"  # noqa: S105 - the name of a meta row, not a secret


def stored_secret_key(store: Store) -> str:
    """``$DOF_TRACKER_SECRET``, else the key kept in the store's meta table (made once, so every
    worker and every restart signs sessions alike)."""
    from_env = os.environ.get("DOF_TRACKER_SECRET", "").strip()
    if from_env:
        return from_env
    with store.engine.connect() as conn:
        kept = get_meta(conn, SECRET_META_KEY)
    if kept:
        return kept
    try:
        with store.engine.begin() as conn:
            set_meta(conn, SECRET_META_KEY, secrets.token_urlsafe(48))
    except IntegrityError:
        pass  # another worker made it first: read theirs
    with store.engine.connect() as conn:
        made = get_meta(conn, SECRET_META_KEY)
    if not made:
        raise TrackerError("no se pudo guardar la clave secreta de la aplicación web en la tabla meta")
    return made


def create_app(store: str | Store | None, *, secret_key: str | None = None, testing: bool = False,
               secure_cookies: bool | None = None) -> Flask:
    """The application over ``store`` (a Store, or a database URL; None: the default store).

    Session cookies are HttpOnly and SameSite=Lax always, and Secure unless ``testing`` (or
    ``secure_cookies=False``, what ``serve`` passes for a loopback host).
    """
    opened = store if isinstance(store, Store) else open_store(store)
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret_key or stored_secret_key(opened), TESTING=testing,
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=(not testing) if secure_cookies is None else secure_cookies,
        SESSION_COOKIE_NAME="dof_tracker_session", JSON_SORT_KEYS=False, MAX_CONTENT_LENGTH=1 << 20,
    )
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions[STORE_KEY] = opened
    app.jinja_env.filters["redline"] = inline_html
    app.jinja_env.filters["citation"] = citation
    app.jinja_env.filters["edition"] = edition_name
    app.jinja_env.filters["safe_href"] = functools.lru_cache(maxsize=4096)(safe_href)  # notices repeat
    app.jinja_env.filters["groupby_instrument"] = by_instrument
    for blueprint in (auth.blueprint, changes.blueprint, documents.blueprint, feeds.blueprint,
                      notices.blueprint, personal.blueprint):
        app.register_blueprint(blueprint)
    auth.install(app)
    _install_errors(app)
    _install_headers(app)
    return app


def _install_errors(app: Flask) -> None:
    messages = {400: "La solicitud no es válida.", 404: "Esa página no existe.",
                405: "Esa dirección no admite este método.", 413: "La solicitud es demasiado grande."}

    @app.errorhandler(InputError)
    def input_error(exc: InputError) -> Response:
        return error_response(400, str(exc))

    @app.errorhandler(NotFound)
    def not_found(exc: NotFound) -> Response:
        return error_response(404, str(exc))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        code = exc.code or 500
        if exc.description and exc.description != type(exc).description:  # abort(code, "en español")
            return error_response(code, exc.description)
        return error_response(code, messages.get(code, ERROR_TITLES.get(code, "Error")))

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        app.logger.exception("unexpected error on %s", request.path)
        return error_response(500, "Algo falló en el servidor; el error quedó registrado.")


def _install_headers(app: Flask) -> None:
    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.endpoint != "static":
            response.headers.setdefault("Cache-Control", "no-store")
        response.vary.add("Accept")
        return response
