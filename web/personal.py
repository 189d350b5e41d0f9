"""What one user does with the store: full-text search (``/search?q=``) and the watchlist
(``/watchlist``: watch a document or a provision, stop watching, read the changes to them)."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, redirect, request, url_for
from flask.typing import ResponseReturnValue

from errors import InputError
from store.search import SearchHit
from store.search import search as search_provisions
from store.watch import add_watch, remove_watch, watched_changes, watches

from .context import current_store, respond, signed_in, wants_json
from .params import MAX_QUERY, TYPE_NAMES
from .queries import document_handle, document_titles

blueprint = Blueprint("personal", __name__)
SEARCH_LIMIT = 50
WATCHED_CHANGES = 100


@blueprint.route("/search")
def search() -> ResponseReturnValue:
    query = (request.args.get("q") or "").strip()[:MAX_QUERY]
    document = (request.args.get("document") or "").strip()
    document_id = document_handle(current_store(), document).id if document else None
    hits: tuple[SearchHit, ...] = ()
    if query:
        with current_store().engine.connect() as conn:
            hits = search_provisions(conn, query, SEARCH_LIMIT, document_id)
    return respond("search.html", {"query": query, "hits": [h.to_json() for h in hits]}, query=query,
                   hits=hits, document=document)


@blueprint.route("/watchlist")
def watchlist() -> ResponseReturnValue:
    user = signed_in()
    with current_store().engine.connect() as conn:
        mine = watches(conn, user.id)
        changes = tuple(reversed(watched_changes(conn, user.id, None, WATCHED_CHANGES)))
    return respond("watchlist.html", {"watches": [w.to_json() for w in mine],
                                      "changes": [e.to_json() for e in changes]},
                   watches=mine, changes=changes, documents=document_titles(current_store()),
                   type_names=TYPE_NAMES)


@blueprint.route("/watchlist", methods=["POST"])
def watch() -> ResponseReturnValue:
    document = (request.form.get("document") or "").strip()
    if not document:
        raise InputError("elija el documento que quiere seguir")
    handle = document_handle(current_store(), document)
    cited = (request.form.get("provision") or "").strip()
    label = handle.label(cited) if cited else None
    with current_store().engine.begin() as conn:
        added = add_watch(conn, signed_in().id, handle.id, label)
    if wants_json():
        return jsonify(added.to_json())
    return redirect(url_for("personal.watchlist"), code=303)


@blueprint.route("/watchlist/<int:watch_id>/delete", methods=["POST"])
def unwatch(watch_id: int) -> ResponseReturnValue:
    with current_store().engine.begin() as conn:
        removed = remove_watch(conn, signed_in().id, watch_id)
    if not removed:
        abort(404, "No sigue eso (o ya dejó de seguirlo).")
    return redirect(url_for("personal.watchlist"), code=303)
