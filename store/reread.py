"""A reviewed change whose text changed when it was recorded again is flagged for its reviewer.

A change keeps its id through a reprocess, a rewind and replay and a declaratoria
(``store.identity``): the same document, notice, day known, label, type and origin of a
renumbering. Its text is not part of that identity, so the row under a reviewed id can come back
with other words: a better reader makes the notice say more (or less), or a decree in force
sooner changed the text a replayed change amends. The reviewer approved the words they saw, so a
change in state ``revisada`` whose ``before`` or ``after`` differs from what it held gets a
``requiere_atencion`` event, authored by the tracker (no user: ``store.review.SYSTEM``) and
saying why, in the same transaction that records the new text. A ``nueva`` change or one already
needing attention stays as it is: nothing a person approved is at stake. An erratum is not this
case: it is its own change (type ``corrected``, under the erratum's notice), new in the log.

Every function runs inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from gazette import MEXICO_CITY
from parser.dates import long_date

from . import schema as s
from .review_model import ReviewState, Subject

_CHUNK = 500


def note_for(codigo: str | None, when: datetime) -> str:
    """What the reviewer reads on the flag (Spanish, the day in Mexico City).

    >>> note = note_for("5728123", datetime(2026, 12, 4, 3, 0, tzinfo=UTC))   # 21:00 on the 3rd there
    >>> note[note.index("el aviso"):]
    'el aviso DOF 5728123 el 3 de diciembre de 2026: ya no es el que se marcó como revisado.'
    """
    source = f"el aviso DOF {codigo}" if codigo else "el texto importado"
    return (f"El texto de este cambio cambió al volver a leer {source} el "
            f"{long_date(when.astimezone(MEXICO_CITY).date())}: ya no es el que se marcó como revisado.")


def _reviewed(conn: Connection, ids: list[int]) -> list[int]:
    """Those of ``ids`` whose latest review event says ``revisada``."""
    from .review import current_states  # store.review reads retired rows through store.identity

    states = current_states(conn, Subject.CHANGE, ids)
    return sorted(i for i, event in states.items() if event.state is ReviewState.REVISADA)


def _old_texts(conn: Connection, ids: list[int]) -> dict[int, tuple[str | None, str | None]]:
    r = s.retired_change
    found: dict[int, tuple[str | None, str | None]] = {}
    for start in range(0, len(ids), _CHUNK):
        query = select(r.c.id, r.c.before, r.c.after).where(r.c.id.in_(ids[start:start + _CHUNK]))
        found.update({int(row.id): (row.before, row.after) for row in conn.execute(query)})
    return found


def _codigos(conn: Connection, notice_ids: set[int]) -> dict[int, str]:
    n = s.notice
    return {int(i): c for i, c in conn.execute(select(n.c.id, n.c.codigo).where(n.c.id.in_(notice_ids)))}


def flag_rewritten(conn: Connection, rows: Mapping[int, Mapping[str, Any]], *,
                   now: datetime | None = None) -> tuple[int, ...]:
    """Flag each reviewed change of ``rows`` (the rows about to be recorded again under a retired
    change's id, by that id, whose tombstone is still there) whose text is not the retired one's;
    returns the ids flagged."""
    reviewed = _reviewed(conn, sorted(rows))
    if not reviewed:
        return ()
    old = _old_texts(conn, reviewed)
    changed = [i for i in reviewed if i in old and old[i] != (rows[i]["before"], rows[i]["after"])]
    if not changed:
        return ()
    when = now or datetime.now(UTC)
    codigos = _codigos(conn, {rows[i]["notice_id"] for i in changed if rows[i]["notice_id"] is not None})
    conn.execute(insert(s.review_event), [
        {"subject": str(Subject.CHANGE), "subject_id": i, "state": str(ReviewState.REQUIERE_ATENCION),
         "user_id": None, "note": note_for(codigos.get(rows[i]["notice_id"]), when), "at": when}
        for i in changed])
    return tuple(changed)


__all__ = ["flag_rewritten", "note_for"]
