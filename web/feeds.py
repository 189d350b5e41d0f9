"""Atom feeds: the whole change log, one document's changes, and the user's watchlist. Feed
readers cannot log in, so these take the user's token (``?token=`` or a Bearer header); the
feed's own URL keeps no token (it is the user's secret, not part of the feed's identity)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request, url_for
from flask.typing import ResponseReturnValue

from store.values import ChangeEntry
from store.watch import watched_changes

from .atom import changes_feed
from .context import current_store, signed_in
from .queries import document_handle, latest_changes

blueprint = Blueprint("feeds", __name__)
FEED_SIZE = 100
ATOM = "application/atom+xml; charset=utf-8"


def _feed(title: str, endpoint: str, entries: tuple[ChangeEntry, ...], **values: Any) -> Response:
    feed_url = url_for(endpoint, _external=True, **values)
    body = changes_feed(title, feed_url, entries, request.url_root)
    return Response(body, content_type=ATOM)


@blueprint.route("/feeds/changes.atom")
def all_changes() -> ResponseReturnValue:
    return _feed("Cambios del DOF", "feeds.all_changes", latest_changes(current_store(), limit=FEED_SIZE))


@blueprint.route("/feeds/documents/<int:document_id>.atom")
def document_changes(document_id: int) -> ResponseReturnValue:
    handle = document_handle(current_store(), document_id)
    entries = latest_changes(current_store(), document_id=handle.id, limit=FEED_SIZE)
    return _feed(f"Cambios: {handle.title}", "feeds.document_changes", entries, document_id=document_id)


@blueprint.route("/feeds/watchlist.atom")
def watchlist_changes() -> ResponseReturnValue:
    user = signed_in()
    with current_store().engine.connect() as conn:
        entries = tuple(reversed(watched_changes(conn, user.id, None, FEED_SIZE)))
    return _feed(f"Lo que sigue {user.name}", "feeds.watchlist_changes", entries)
