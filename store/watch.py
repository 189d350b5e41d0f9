"""Watchlists: a user watches a whole document, or one provision and everything under it.

A provision watch follows renumbering. The watch keeps the label it was made on and the highest
change id then (ids are stable and never handed out twice, ``store.identity``, so "recorded after
the watch" survives a rewind that renumbers the revisions); the renumbered change records made
after the watch tell where the provision went (``art_57`` renumbered to ``art_58`` moves a watch
on ``art_57`` or on ``art_57__frac_ix`` along), so the query matches each label only for the
revisions in which it named the watched provision: a new ``art_57`` added later is someone else.
``watches`` shows each watch under its current label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, delete, func, insert, or_, select

from errors import InputError, NotFound

from . import schema as s
from .change_log import _changes
from .revision_reads import _is_container
from .values import ChangeEntry

MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Watch:
    """What a user watches: a document (``label`` None) or a provision, under its current label."""

    id: int
    user_id: int
    document_id: int
    label: str | None
    document_title: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "document_id": self.document_id, "document": self.document_title,
                "label": self.label}


@dataclass(frozen=True, slots=True)
class Segment:
    """A label naming the watched provision from revision ``start`` to before ``end`` (None: on);
    ``moved_by`` is the label of the renumbered provision (itself or an ancestor) whose change
    record gave it that label, if one did."""

    label: str
    start: int
    end: int | None
    moved_by: str | None = None


Renumbering = tuple[int, str, str, int]  # (revision, new label, old label, change id)


def _within(label: str, root: str) -> bool:
    return label == root or label.startswith(root + "__")


def lineage(label: str, since_change: int, renumberings: Sequence[Renumbering]) -> tuple[Segment, ...]:
    """The labels a provision watched as ``label`` when the highest change id was
    ``since_change`` has had, with when (revisions).

    ``renumberings`` are the document's renumbered change records in revision order. The first
    segment starts where ``label`` last came to be by a renumbering known when watched (or at the
    beginning); each renumbering recorded after the watch of the provision or of one of its
    ancestors starts the next. One move per revision: a decree that shifts 57 to 58 and 58 to 59
    moves 57 once.

    >>> [(s.label, s.start, s.end) for s in lineage("art_57__frac_ix", 10, [(2, "art_58", "art_57", 11),
    ...                                                                    (2, "art_59", "art_58", 12)])]
    [('art_57__frac_ix', 0, 2), ('art_58__frac_ix', 2, None)]
    """
    start, moved_by = max(((rev, new) for rev, new, _, change_id in renumberings
                           if change_id <= since_change and _within(label, new)), default=(0, None))
    segments, current, moved_at = [], label, -1
    for rev, new, old, change_id in renumberings:
        if change_id <= since_change or rev <= start or rev == moved_at or not _within(current, old):
            continue
        segments.append(Segment(current, start, rev, moved_by))
        current, start, moved_at, moved_by = new + current[len(old):], rev, rev, new
    segments.append(Segment(current, start, None, moved_by))
    return tuple(segments)


def _renumberings(conn: Connection, document_id: int) -> tuple[Renumbering, ...]:
    c = s.change
    rows = conn.execute(select(c.c.revision, c.c.label, c.c.from_label, c.c.id)
                        .where(c.c.document_id == document_id, c.c.type == "renumbered",
                               c.c.from_label.is_not(None), c.c.revision.is_not(None))
                        .order_by(c.c.revision, c.c.seq))
    return tuple((int(r.revision), r.label, r.from_label, int(r.id)) for r in rows)


def _labels_under(conn: Connection, document_id: int, label: str) -> set[str]:
    """A container and every label ever under it (containers do not prefix their articles)."""
    pv = s.provision_version
    children: dict[str, set[str]] = {}
    for row in conn.execute(select(pv.c.label, pv.c.children).where(pv.c.document_id == document_id)):
        children.setdefault(row.label, set()).update(row.children)
    found, todo = {label}, [label]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


# --- writing ---------------------------------------------------------------------------------------
def _last_change(conn: Connection, document_id: int) -> int:
    """The highest change id now (0 before the first): what a new watch has seen."""
    if conn.execute(select(s.document.c.id).where(s.document.c.id == document_id)).first() is None:
        raise NotFound(f"no hay ningún documento con id {document_id}")
    return int(conn.execute(select(func.coalesce(func.max(s.change.c.id), 0))).scalar_one())


def add_watch(conn: Connection, user_id: int, document_id: int, label: str | None = None) -> Watch:
    """Watch a document, or the provision ``label`` of it (and what is under it). Watching the
    same thing twice gives back the first watch. ``NotFound`` for an unknown user, document or
    label."""
    if conn.execute(select(s.app_user.c.id).where(s.app_user.c.id == user_id)).first() is None:
        raise NotFound(f"no hay ningún usuario con id {user_id}")
    seen = _last_change(conn, document_id)
    if label is not None:
        label = label.strip()
        if not label or len(label) > 255:
            raise InputError("para seguir una disposición hace falta su etiqueta (p. ej. art_57__frac_ix)")
        pv = s.provision_version
        if conn.execute(select(pv.c.id).where(pv.c.document_id == document_id, pv.c.label == label)
                        .limit(1)).first() is None:
            raise NotFound(f"el documento {document_id} no tiene la disposición {label}")
    w = s.watch
    same = w.c.label.is_(None) if label is None else w.c.label == label
    existing = conn.execute(select(w.c.id).where(w.c.user_id == user_id, w.c.document_id == document_id,
                                                 same).order_by(w.c.id)).scalar()
    if existing is None:
        existing = conn.execute(insert(w).values(user_id=user_id, document_id=document_id, label=label,
                                                 since_change=seen).returning(w.c.id)).scalar_one()
    return next(x for x in watches(conn, user_id) if x.id == existing)


def remove_watch(conn: Connection, user_id: int, watch_id: int) -> bool:
    """Stop a watch of this user; False when the user has no such watch."""
    w = s.watch
    return bool(conn.execute(delete(w).where(w.c.id == watch_id, w.c.user_id == user_id)).rowcount)


# --- reading ---------------------------------------------------------------------------------------
def _rows(conn: Connection, user_id: int) -> list[Any]:
    w, d = s.watch, s.document
    return list(conn.execute(select(w.c.id, w.c.document_id, w.c.label, w.c.since_change, d.c.title)
                             .join(d, d.c.id == w.c.document_id).where(w.c.user_id == user_id)
                             .order_by(w.c.id)))


def watches(conn: Connection, user_id: int) -> tuple[Watch, ...]:
    """The user's watches, oldest first, provision watches under their current label."""
    rows = _rows(conn, user_id)
    moves = {doc: _renumberings(conn, doc) for doc in {r.document_id for r in rows if r.label}}
    return tuple(Watch(r.id, user_id, r.document_id, _current_label(r, moves), r.title) for r in rows)


def _current_label(row: Any, moves: dict[int, tuple[Renumbering, ...]]) -> str | None:
    if row.label is None:
        return None
    return lineage(row.label, row.since_change, moves[row.document_id])[-1].label


def _condition(conn: Connection, row: Any, moves: Sequence[Renumbering]) -> ColumnElement[bool]:
    c = s.change
    document_id: int = row.document_id
    if row.label is None:
        return c.c.document_id == document_id
    matches = []
    for segment in lineage(row.label, row.since_change, moves):
        if _is_container(segment.label):
            where: ColumnElement[bool] = c.c.label.in_(sorted(_labels_under(conn, row.document_id,
                                                                            segment.label)))
        else:
            where = or_(c.c.label == segment.label,
                        c.c.label.startswith(segment.label + "__", autoescape=True))
        window = [c.c.revision >= segment.start] + ([c.c.revision < segment.end] if segment.end else [])
        matches.append(and_(where, *window))
        if segment.moved_by is not None and segment.moved_by != segment.label:  # an ancestor's move
            matches.append(and_(c.c.label == segment.moved_by, c.c.revision == segment.start,
                                c.c.type == "renumbered"))
    return and_(c.c.document_id == document_id, or_(*matches))


def watched_changes(conn: Connection, user_id: int, since: date | None = None, limit: int = 200, *,
                    after: int | None = None, through: int | None = None,
                    among: Sequence[int] | None = None) -> tuple[ChangeEntry, ...]:
    """The latest ``limit`` changes (known on or after ``since``) to what the user watches,
    oldest first, as the change log shows them.

    With ``after`` (a change id), the first ``limit`` changes recorded after it instead, up to
    ``through`` if given: a cursor that skips none, whatever the changes' dates (the digest's).
    ``among`` keeps only the changes with those ids."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"el límite va de 1 a {MAX_LIMIT}")
    rows = _rows(conn, user_id)
    if not rows:
        return ()
    moves = {doc: _renumberings(conn, doc) for doc in {r.document_id for r in rows if r.label}}
    c = s.change
    conditions = [or_(*(_condition(conn, r, moves.get(r.document_id, ())) for r in rows))]
    if since is not None:
        conditions.append(c.c.date >= since)
    if through is not None:
        conditions.append(c.c.id <= through)
    if among is not None:
        conditions.append(c.c.id.in_(list(among)))
    order = [c.c.date.desc(), c.c.id.desc()]
    if after is not None:
        conditions += [c.c.id > after, c.c.revision.is_not(None)]
        order = [c.c.id.asc()]
    ids = list(conn.execute(select(c.c.id).where(*conditions).order_by(*order).limit(limit)).scalars())
    return _changes(conn, [c.c.id.in_(ids)]) if ids else ()


__all__ = ["Segment", "Watch", "add_watch", "lineage", "remove_watch", "watched_changes", "watches"]
