"""The tracked documents: the list, one document (outline, whole text on a date, pending changes,
revisions), a provision's timeline, and the comparison of two dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, jsonify, render_template, request
from flask.typing import ResponseReturnValue

from diffing import DiffOp
from errors import InputError
from gazette import mexico_today
from parser.model import Document
from parser.render import provision_text
from store.handle import DocumentHandle
from store.values import Version

from .context import current_store, respond, wants_json
from .params import TYPE_NAMES, parse_day, require_day
from .queries import document_handle, pending_changes, renumberings
from .render import UnitChange, compare_documents, outline_rows, side_html, version_changes

blueprint = Blueprint("documents", __name__)



def _handle(document_id: int) -> DocumentHandle:
    return document_handle(current_store(), document_id)


@blueprint.route("/documents")
def document_list() -> ResponseReturnValue:
    found = current_store().documents()
    return respond("documents.html", {"documents": [d.to_json() for d in found]}, documents=found)


def _text_json(document: Document) -> list[dict[str, Any]]:
    return [p.to_json() for p in document.provisions]


@blueprint.route("/documents/<int:document_id>")
def document(document_id: int) -> ResponseReturnValue:
    handle = _handle(document_id)
    on = parse_day(request.args.get("at"), "fecha")
    text = handle.text(on)
    revisions = handle.revisions()
    pending = pending_changes(current_store(), handle.id, mexico_today())
    findings = handle.findings(on)
    data = {**handle.info.to_json(), "at": on.isoformat() if on else None,
            "provisions": _text_json(text),
            "revisions": [{"number": r.number, "valid_from": r.valid_from.isoformat()} for r in revisions],
            "pending": [e.to_json() for e in pending], "findings": [f.to_json() for f in findings]}
    whole = [(p.label, provision_text(p)) for p in text.provisions] if on else []
    return respond("document.html", data, info=handle.info, on=on, rows=outline_rows(text), whole=whole,
                   revisions=revisions, pending=pending, findings=findings, type_names=TYPE_NAMES)


def _timeline(versions: tuple[Version, ...]) -> list[tuple[Version, tuple[UnitChange, ...]]]:
    """Each version with what changed from the one before it, unit by unit."""
    previous = (None, *(v.provision for v in versions[:-1]))
    return [(version, version_changes(before, version.provision))
            for before, version in zip(previous, versions, strict=True)]


@blueprint.route("/documents/<int:document_id>/provisions/<label>")
def provision(document_id: int, label: str) -> ResponseReturnValue:
    handle = _handle(document_id)
    versions = handle.history(label)
    label = handle.label(label)   # the versions may carry earlier labels (history follows renumbering)
    gone = versions[-1].valid_to is not None
    moves, later = renumberings(current_store(), handle.id, label, moved_away=gone)
    if wants_json():
        return jsonify({"document": handle.title, "document_id": handle.id, "label": label,
                        "versions": [v.to_json() for v in versions],   # 'pending' as of today
                        "renumbered_from": [e.change.from_label for e in moves],
                        "renumbered_to": [e.label for e in later]})
    return render_template("provision.html", info=handle.info, label=label, timeline=_timeline(versions),
                           moves=moves, later=later, today=mexico_today(), type_names=TYPE_NAMES)


@blueprint.route("/documents/<int:document_id>/compare")
def compare(document_id: int) -> ResponseReturnValue:
    handle = _handle(document_id)
    day1 = require_day(request.args.get("from"), "desde")
    day2 = require_day(request.args.get("to"), "hasta")
    citation = (request.args.get("label") or "").strip()
    context: dict[str, Any] = {"info": handle.info, "day1": day1, "day2": day2, "citation": citation,
                               "DiffOp": DiffOp, "side": side_html}
    if citation:
        comparison = handle.diff(citation, day1, day2)
        return respond("compare.html", comparison.to_json(), comparison=comparison, units=None, **context)
    first, last = _text_on(handle, day1), _text_on(handle, day2)
    units = compare_documents(first, last)
    data = {"document": handle.title, "date1": day1.isoformat(), "date2": day2.isoformat(),
            "units": [u.to_json() for u in units]}
    return respond("compare.html", data, comparison=None, units=units, **context)


def _text_on(handle: DocumentHandle, day: date) -> Document:
    if day < handle.info.since:
        raise InputError(f"el documento se registró con su texto del {handle.info.since.isoformat()}; "
                         f"no hay texto del {day.isoformat()}")
    return handle.text(day)
