"""Who may see what: the login gate, ``/login`` and ``/logout``, API tokens, and CSRF tokens.

Nothing of the store is reachable without a signed-in session or a per-user token
(``Authorization: Bearer T``, or ``?token=T`` for feed readers that cannot send headers). A page
asked for without either redirects to ``/login``; a feed, a JSON request or a token that does
not check out gets 401.

CSRF: a random token kept in the (signed, HttpOnly) session and written into every form; each
POST must carry it back (compared in constant time). Twenty lines, so no Flask-WTF: we have no
WTForms forms for it to validate, and the cookie is SameSite=Lax as a second line. A POST
authenticated by an ``Authorization`` header needs no CSRF token: a browser never adds that
header on its own, so a forged cross-site request cannot carry it.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, g, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from store.users import User, authenticate, get_user, user_for_token

from .context import current_store, error_response, wants_json

blueprint = Blueprint("auth", __name__)
OPEN_ENDPOINTS = frozenset({"auth.login", "static"})
CSRF_FIELD = "csrf_token"


def csrf_token() -> str:
    """This session's CSRF token (made on first use)."""
    token = session.get(CSRF_FIELD)
    if not isinstance(token, str):
        token = session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return token


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip() or None
    return None


def _token_user() -> User | None:
    token = _bearer() or request.args.get("token")
    if not token:
        return None
    with current_store().engine.connect() as conn:
        user = user_for_token(conn, token)
    if user is None:
        abort(401, "El token no es válido (pida uno nuevo con «dof-tracker user token NOMBRE»).")
    return user


def _session_user() -> User | None:
    user_id = session.get("user_id")
    if not isinstance(user_id, int):
        return None
    with current_store().engine.connect() as conn:
        user = get_user(conn, user_id)
    if user is None:
        session.clear()
    return user


def _check_csrf() -> None:
    if request.method in ("GET", "HEAD", "OPTIONS") or _bearer():
        return
    sent = request.form.get(CSRF_FIELD, "")
    kept = session.get(CSRF_FIELD)
    if not isinstance(kept, str) or not hmac.compare_digest(sent.encode(), kept.encode()):
        abort(400, "El formulario caducó o no lleva su token de seguridad (CSRF): vuelva a cargar la página.")


def _gate() -> ResponseReturnValue | None:
    """Runs before every request: CSRF on POSTs, then who is asking."""
    g.user = None
    _check_csrf()
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    g.user = _token_user() or _session_user()
    if g.user is not None:
        return None
    if wants_json() or request.path.startswith("/feeds/") or request.method != "GET":
        response = error_response(401, "Se requiere iniciar sesión o un token (Authorization: Bearer …).")
        response.headers["WWW-Authenticate"] = 'Bearer realm="dof-tracker"'
        return response
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def install(app: Flask) -> None:
    app.before_request(_gate)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["current_user"] = lambda: g.get("user")


def _local(target: str | None) -> str:
    """Where to go after login: a path of this site only (never ``//evil`` or ``https://evil``)."""
    if not target:
        return url_for("changes.change_log")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") \
            or "\\" in target:
        return url_for("changes.change_log")
    return target


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    target = request.values.get("next")
    if request.method == "GET":
        return render_template("login.html", next=_local(target), error=None)
    name = request.form.get("name", "").strip()
    password = request.form.get("password", "")
    with current_store().engine.begin() as conn:  # a successful login may rehash the password
        user = authenticate(conn, name, password) if name and password else None
    if user is None:
        return render_template("login.html", next=_local(target), error="Nombre o contraseña incorrectos.",
                               name=name), 401
    session.clear()
    session["user_id"] = user.id
    csrf_token()
    return redirect(_local(target))


@blueprint.route("/logout", methods=["POST"])
def logout() -> ResponseReturnValue:
    session.clear()
    return redirect(url_for("auth.login"))
