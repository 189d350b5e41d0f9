"""The change log (``/`` and ``/changes``), one change with its review trail
(``/changes/{id}``), the review queue (``/review``) and the review form's target
(POST ``/changes/{id}/review``)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response

from errors import NotFound, PermissionDenied
from store.orphans import orphans, retired_change
from store.review import ReviewState, Subject, current_states, discrepancies, in_state, set_review, trail
from store.values import ChangeEntry

from .context import current_store, respond, signed_in, wants_json
from .params import STATE_NAMES, TYPE_NAMES, ChangeFilters
from .queries import ChangePage, change_entry, change_page, document_titles, page_cursor, past_the_end

blueprint = Blueprint("changes", __name__)
MAX_NOTE = 2000
DISCREPANCIES_SHOWN = 100


def _states(ids: list[int]) -> dict[int, str]:
    with current_store().engine.connect() as conn:
        found = current_states(conn, Subject.CHANGE, ids)
    return {i: str(found[i].state) if i in found else str(ReviewState.NUEVA) for i in ids}


def _links(page: ChangePage, filters: ChangeFilters, endpoint: str) -> dict[str, str | None]:
    """Where "siguiente" and "anterior" go, the filters kept: after the page's last change,
    before its first one (or the newest page, when that is the previous one)."""
    prev = None
    if page.prev is not None:
        prev = _url(endpoint, filters.query(before=None if page.newest else page.prev))
    return {"next": _url(endpoint, filters.query(after=page.next)) if page.next else None, "prev": prev}


def _url(endpoint: str, args: dict[str, Any]) -> str:
    return url_for(endpoint, **args)


def _page_json(page: ChangePage, filters: ChangeFilters, states: dict[int, str],
               links: dict[str, str | None]) -> dict[str, Any]:
    return {"filters": filters.to_json(), "total": page.total, "total_exact": page.exact, "page": page.page,
            "pages": page.pages, **links,
            "summary": [row.to_json() for row in page.summary],
            "changes": [{**e.to_json(), "review_state": states[e.id]} for e in page.entries]}


def _listing(filters: ChangeFilters, extra: list[Any], endpoint: str
             ) -> tuple[ChangePage, dict[str, str | None]] | Response:
    """The page the request asks for, with its links; a ``page=N`` jump is redirected to the
    keyset page it names (``after=`` the change before it), so every page's URL stays valid
    however many changes arrive later."""
    if filters.page > 1:
        cursor = page_cursor(current_store(), filters, extra)
        if cursor is None:
            return past_the_end(current_store(), filters, extra), {"next": None, "prev": None}
        return redirect(_url(endpoint, filters.query(after=cursor)))
    page = change_page(current_store(), filters, extra=extra)
    return page, _links(page, filters, endpoint)


@blueprint.route("/")
@blueprint.route("/changes")
def change_log() -> ResponseReturnValue:
    filters = ChangeFilters.from_args(request.args)
    extra = [in_state(Subject.CHANGE, filters.state)] if filters.state else []
    found = _listing(filters, extra, "changes.change_log")
    if isinstance(found, Response):
        return found
    page, links = found
    states = _states([e.id for e in page.entries])
    if wants_json():
        return jsonify(_page_json(page, filters, states, links))
    return render_template("changes.html", page=page, filters=filters, states=states, links=links,
                           documents=document_titles(current_store()), state_names=STATE_NAMES,
                           type_names=TYPE_NAMES, endpoint="changes.change_log")


@blueprint.route("/review")
def review_queue() -> ResponseReturnValue:
    """What is still to review: changes (newest first) and the discrepancies between what an
    instrument declared and what its text showed, in one state (default nueva)."""
    filters = ChangeFilters.from_args(request.args)
    shown = filters.state or str(ReviewState.NUEVA)
    found = _listing(filters, [in_state(Subject.CHANGE, shown)], "changes.review_queue")
    if isinstance(found, Response):
        return found
    page, links = found
    states = _states([e.id for e in page.entries])
    with current_store().engine.connect() as conn:
        queue = discrepancies(conn, state=shown, limit=DISCREPANCIES_SHOWN)
        gone = orphans(conn)   # whatever their state: that they are gone is news to a reviewer
    data = {**_page_json(page, filters, states, links), "discrepancies": [d.to_json() for d in queue],
            "orphaned": [o.to_json() for o in gone]}
    return respond("review.html", data, page=page, filters=filters, states=states, shown=shown, links=links,
                   discrepancies=queue, orphaned=gone, state_names=STATE_NAMES, type_names=TYPE_NAMES,
                   endpoint="changes.review_queue")


@blueprint.route("/changes/<int:change_id>")
def change(change_id: int) -> ResponseReturnValue:
    """One change with its review trail; a change that no longer exists (``store.orphans``) is
    shown as such, with its trail, while anything still names it."""
    entry: ChangeEntry | None
    try:
        entry, exists = change_entry(current_store(), change_id), True
    except NotFound:
        entry, exists = None, False
    with current_store().engine.connect() as conn:
        events = trail(conn, Subject.CHANGE, change_id)
        if entry is None:
            entry = retired_change(conn, change_id)
    if entry is None and not events:
        abort(404, "No existe ese cambio.")
    state = str(events[-1].state) if events else str(ReviewState.NUEVA)
    data = {**(entry.to_json() if entry else {"id": change_id}), "exists": exists, "review_state": state,
            "trail": [_event_json(e) for e in events]}
    return respond("change.html", data, entry=entry, change_id=change_id, exists=exists, events=events,
                   state=state, state_names=STATE_NAMES, type_names=TYPE_NAMES)


def _event_json(event: Any) -> dict[str, Any]:
    return {"state": str(event.state), "user": event.user, "system": event.system, "note": event.note,
            "at": event.at.isoformat()}


def _review(subject: Subject, subject_id: int, default_next: str) -> ResponseReturnValue:
    state = request.form.get("state", "")
    if state not in STATE_NAMES:
        abort(400, f"Estado de revisión desconocido «{state[:40]}».")
    note = request.form.get("note", "")
    if len(note) > MAX_NOTE:
        abort(400, f"La nota es demasiado larga (máximo {MAX_NOTE} caracteres).")
    try:
        with current_store().engine.begin() as conn:
            event = set_review(conn, subject, subject_id, ReviewState(state), signed_in(), note)
    except PermissionDenied:
        abort(403, "Solo las personas revisoras o administradoras pueden cambiar el estado de revisión.")
    except NotFound:
        abort(404, "No existe lo que quiere revisar.")
    if wants_json():
        return jsonify({"id": subject_id, **_event_json(event)})
    back = request.form.get("next", "")
    target = back if back.startswith("/") and not back.startswith("//") else default_next
    return redirect(target, code=303)


@blueprint.route("/changes/<int:change_id>/review", methods=["POST"])
def review(change_id: int) -> ResponseReturnValue:
    return _review(Subject.CHANGE, change_id, url_for("changes.change", change_id=change_id))


@blueprint.route("/discrepancies/<int:discrepancy_id>/review", methods=["POST"])
def review_discrepancy(discrepancy_id: int) -> ResponseReturnValue:
    return _review(Subject.DISCREPANCY, discrepancy_id, url_for("changes.review_queue"))
