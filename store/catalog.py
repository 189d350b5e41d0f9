"""The catalogue of tracked documents: the form titles are matched in, a document's title by id,
the documents whose title has every word of a name, and the list of them all."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, func, select

from errors import InputError, NotFound
from parser.labels import fold

from . import schema as s

MAX_NAME_WORDS = 40


def normalize_title(title: str) -> str:
    """The form titles are matched in: lowercase ASCII, accents removed, white space collapsed.

    >>> normalize_title("  Estatuto Orgánico   de los Servicios de Salud del IMSS-BIENESTAR ")
    'estatuto organico de los servicios de salud del imss-bienestar'
    """
    return " ".join(fold(title).split())


def document_title(conn: Connection, document_id: int) -> str:
    title = conn.execute(select(s.document.c.title).where(s.document.c.id == document_id)).scalar()
    if title is None:
        raise NotFound(f"no hay ningún documento con id {document_id}")
    return str(title)


def find_documents(conn: Connection, query: str) -> tuple[tuple[int, str], ...]:
    """Documents whose title contains every word of ``query`` (accents and case ignored).

    Each word is bound as a parameter and matched literally (``%`` and ``_`` included).
    """
    words = list(dict.fromkeys(normalize_title(query).split()))
    if not words or "\x00" in query:
        raise InputError("el nombre de un documento necesita al menos una palabra y ningún carácter NUL")
    if len(words) > MAX_NAME_WORDS:
        raise InputError(f"un nombre de más de {MAX_NAME_WORDS} palabras distintas no es el de un documento")
    doc = s.document
    conditions = [doc.c.search_title.contains(word, autoescape=True) for word in words]
    rows = conn.execute(select(doc.c.id, doc.c.title).where(*conditions).order_by(doc.c.id)).all()
    return tuple((int(r.id), str(r.title)) for r in rows)


def documents(conn: Connection) -> tuple[tuple[int, str, str, date, int], ...]:
    """(id, title, kind, first valid_from, number of revisions) for every document."""
    dv = s.document_version
    doc = s.document
    rows = conn.execute(
        select(doc.c.id, doc.c.title, doc.c.kind, func.min(dv.c.valid_from), func.count(dv.c.id))
        .join(dv, dv.c.document_id == doc.c.id).group_by(doc.c.id, doc.c.title, doc.c.kind)
        .order_by(doc.c.id)).all()
    return tuple((int(r[0]), str(r[1]), str(r[2]), r[3], int(r[4])) for r in rows)


__all__ = ["document_title", "documents", "find_documents", "normalize_title"]
