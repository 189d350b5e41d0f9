"""When a failed attempt is worth another: retryable statuses, Retry-After, and a reason in words.

An attempt that fails in a way worth retrying raises ``_Retry`` with a reason, the key the
fetcher counts faults by ("timeout", "http_503", "incomplete: …"); ``reason_words`` is what
people read for it when the fetcher gives up. ``scraper.http`` runs the attempt loop.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 520, 522, 524})


class _Retry(Exception):
    """One attempt failed in a way worth retrying."""

    def __init__(self, reason: str, status: int | None = None, wait: float = 0.0,
                 cause: Exception | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.wait = wait
        self.cause = cause


# A retry's reason is a key of ``FetchStats.faults`` ("timeout", "http_503", "incomplete: …"); the
# words people read for it when the fetcher gives up:
_REASON_WORDS = {"deadline": "se agotó el plazo de la petición",
                 "timeout": "el servidor no respondió a tiempo", "connection": "falló la conexión",
                 "incomplete": "respuesta incompleta",
                 "rejected": "respuesta rechazada", "refused": "respuesta rechazada"}


def reason_words(reason: str) -> str:
    """A retry reason as people read it.

    >>> reason_words("http_503"), reason_words("incomplete: llegaron 10 de 20 bytes")
    ('HTTP 503', 'respuesta incompleta: llegaron 10 de 20 bytes')
    """
    head, sep, detail = reason.partition(": ")
    if head.startswith("http_"):
        return f"HTTP {head.removeprefix('http_')}"
    return _REASON_WORDS.get(head, head) + (f": {detail}" if sep else "")


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None.

    >>> parse_retry_after("3")
    3.0
    >>> parse_retry_after("soon") is None
    True
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
