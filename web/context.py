"""What every view needs from the request it serves: the store, the signed-in user, and whether
to answer HTML or JSON. Kept apart from ``app`` so the blueprints import it without a cycle."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, g, jsonify, render_template, request

from store.api import Store
from store.users import User

STORE_KEY = "dof_tracker_store"


def current_store() -> Store:
    store: Store = current_app.extensions[STORE_KEY]
    return store


def wants_json() -> bool:
    """True when the client prefers JSON to HTML (``Accept: application/json``)."""
    accept = request.accept_mimetypes
    best = accept.best_match(["text/html", "application/json"])
    return best == "application/json" and accept[best] > accept["text/html"]


def respond(template: str, data: Any, **context: Any) -> Response | str:
    """The page, or ``data`` as JSON when the client asked for JSON."""
    if wants_json():
        return jsonify(data)
    return render_template(template, **context)


def signed_in() -> User:
    """The user this request acts as (the login gate guarantees one)."""
    user: User = g.user
    return user


ERROR_TITLES = {400: "Solicitud no válida", 401: "Se requiere identificarse", 403: "Acceso denegado",
                404: "No encontrado", 405: "Método no permitido", 413: "Solicitud demasiado grande",
                500: "Error interno"}


def error_response(status: int, message: str) -> Response:
    """An error as a page in Spanish, or as ``{"error", "status"}`` for JSON clients and feeds."""
    if wants_json() or request.path.startswith("/feeds/"):
        response = jsonify({"error": message, "status": status})
    else:
        response = Response(render_template("error.html", title=ERROR_TITLES.get(status, "Error"),
                                            message=message, status=status), mimetype="text/html")
    response.status_code = status
    return response
