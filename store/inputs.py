"""What a caller of the Python API hands in, made a typed value or refused: dates, enum members,
change types and notice kinds. A refusal is an ``InputError`` that names the value and what is
allowed, raised before the value gets anywhere near SQL."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import TypeVar

from diffing.model import ChangeType
from errors import InputError
from gazette import NoticeKind

DateLike = date | str
E = TypeVar("E", bound=Enum)


def as_date(value: DateLike, what: str = "date") -> date:
    """A date from a ``date`` or an ISO string; ``InputError`` for anything else."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{what}: se esperaba una fecha AAAA-MM-DD, no {str(value)[:40]!r}") from None


def one_of(kind: type[E], value: E | str, unknown: str) -> E:
    """The member of the enum ``kind`` named by ``value``; otherwise ``InputError`` saying
    ``unknown`` ("rol desconocido") and listing the values allowed."""
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in kind)
        raise InputError(f"{unknown}: {str(value)[:40]!r} (valores posibles: {allowed})") from None


def change_type(value: ChangeType | str) -> ChangeType:
    """The change type named by ``value``; ``InputError`` listing the types otherwise."""
    return one_of(ChangeType, value, "tipo de cambio desconocido")


def notice_kind(value: NoticeKind | str) -> NoticeKind:
    """The notice kind named by ``value``; ``InputError`` listing the kinds otherwise."""
    return one_of(NoticeKind, value, "clase de aviso desconocida")


__all__ = ["DateLike", "as_date", "change_type", "notice_kind", "one_of"]
