"""What each user's daily digest has covered, kept in the ``meta`` table (one row per user).

A ``DigestMark`` holds the newest change id a user has been told about (every change after it
is new to them, whatever its notice's date: a missed night's changes, or a week caught up late,
are never skipped), the day up to which they were told, and the day their last digest was sent
for (at most one a day). Marks move by compare-and-set (``replace_mark``): of two runners
sending at once, one claims the user's day and the other sees it taken.

A change id is a cursor here because the store has one writer at a time (``acquire_writer_lock``):
ids are committed in the order they are given, and never handed out twice (``store.identity``).
A change that waits for its day (a declaratoria) has an id before it is told; the mark keeps
those ids and the next digest tells the ones applied since.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, and_, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from . import schema as s

_KEY = "digest:user:{}"


@dataclass(frozen=True, slots=True)
class DigestMark:
    """How far a user's digests have gone. Changes up to ``change_id`` were told, or looked at
    and none was the user's; ``since`` is the day the next digest tells from; ``sent_on`` the day
    the last digest was sent for. Before the first digest goes, ``change_id`` is None and the
    first digest reads the changes known on or after ``since``."""

    change_id: int | None
    since: date
    sent_on: date | None = None
    waiting: tuple[int, ...] = ()  # changes up to change_id still waiting for their day then

    def to_value(self) -> str:
        return json.dumps({"change_id": self.change_id, "since": self.since.isoformat(),
                           "sent_on": self.sent_on.isoformat() if self.sent_on else None,
                           "waiting": list(self.waiting)}, sort_keys=True)

    @classmethod
    def from_value(cls, value: str) -> DigestMark:
        data = json.loads(value)
        change_id, sent_on = data.get("change_id"), data.get("sent_on")
        return cls(None if change_id is None else int(change_id), date.fromisoformat(data["since"]),
                   date.fromisoformat(sent_on) if sent_on else None,
                   tuple(int(i) for i in data.get("waiting", ())))


def _key(user_id: int) -> str:
    return _KEY.format(user_id)


def digest_mark(conn: Connection, user_id: int) -> DigestMark | None:
    """The user's mark; None before their first digest run."""
    value = conn.execute(select(s.meta.c.value).where(s.meta.c.key == _key(user_id))).scalar()
    return DigestMark.from_value(value) if value is not None else None


def replace_mark(conn: Connection, user_id: int, expected: DigestMark | None, new: DigestMark | None
                 ) -> bool:
    """Set the user's mark to ``new`` (None: remove it) if it is still ``expected``; False when
    another run moved it first."""
    m = s.meta
    if expected is None:
        if new is None:
            return digest_mark(conn, user_id) is None
        try:
            with conn.begin_nested():
                conn.execute(insert(m).values(key=_key(user_id), value=new.to_value()))
        except IntegrityError:  # another run wrote the first mark
            return False
        return True
    same = and_(m.c.key == _key(user_id), m.c.value == expected.to_value())
    if new is None:
        return bool(conn.execute(delete(m).where(same)).rowcount == 1)
    return bool(conn.execute(update(m).where(same).values(value=new.to_value())).rowcount == 1)


def newest_change_id(conn: Connection) -> int:
    """The id of the newest change recorded (0 in an empty store): where a digest's reading stops."""
    newest = conn.execute(select(func.max(s.change.c.id))).scalar()
    return int(newest) if newest is not None else 0


def waiting_change_ids(conn: Connection, through: int) -> tuple[int, ...]:
    """The changes up to ``through`` still waiting for their day (no revision yet). A digest's
    cursor passes them untold; applied later, they keep their id (``store.identity``), so the
    mark remembers them to tell them then."""
    c = s.change
    return tuple(int(i) for i in conn.execute(
        select(c.c.id).where(c.c.revision.is_(None), c.c.valid_from.is_(None), c.c.id <= through)
        .order_by(c.c.id)).scalars())


__all__ = ["DigestMark", "digest_mark", "newest_change_id", "replace_mark", "waiting_change_ids"]
