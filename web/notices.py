"""A DOF notice: what it is, what it changed in the tracked documents, and its discrepancies."""

from __future__ import annotations

from flask import Blueprint
from flask.typing import ResponseReturnValue

from .context import current_store, respond
from .params import TYPE_NAMES
from .queries import notice_view

blueprint = Blueprint("notices", __name__)


@blueprint.route("/notices/<codigo>")
def notice(codigo: str) -> ResponseReturnValue:
    view = notice_view(current_store(), codigo.strip())
    return respond("notice.html", view.to_json(), view=view, type_names=TYPE_NAMES)
