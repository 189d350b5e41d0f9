"""Full-text search over the current provision versions, accents and case ignored.

``search_entry`` keeps one row per current ``provision_version`` (its heading and own text, and
that text folded to lowercase ASCII by ``parser.vocabulary.fold_text``, in Python, so no database
extension is needed). SQLite matches through the FTS5 table ``search_fts`` (``unicode61
remove_diacritics 2``, whose content is ``search_entry.folded``) and ranks by bm25; PostgreSQL
matches ``to_tsvector('spanish', folded)`` (GIN-indexed column ``tsv``) and ranks by ``ts_rank``.
Each word of a query must occur, as a word or a word's beginning.

``reindex(conn, document_id)`` brings a document's entries in line with its current versions:
entries of closed versions go, entries of new versions come, and the backend's index follows in
one set-based statement per batch (on SQLite a per-row trigger measured 17 times slower).
``store.versions`` calls it after every write of a document's versions, in the same transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    Integer,
    Text,
    bindparam,
    column,
    delete,
    insert,
    select,
    text,
    update,
)

from errors import InputError
from parser.vocabulary import fold_text

from . import schema as s

FTS_TABLE = "search_fts"
MAX_WORDS = 20
MAX_LIMIT = 500
SNIPPET = 160  # characters of context shown around the first match
_BATCH = 500
_WORD = re.compile(r"\w+")


def is_index_table(name: str | None) -> bool:
    """SQLite's FTS5 table and its shadow tables: made by the migration, not in ``schema``."""
    return name is not None and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_"))


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A current provision whose text matches: where it is, and the matching passage."""

    document_id: int
    document_title: str
    label: str
    snippet: str
    valid_from: date

    def to_json(self) -> dict[str, Any]:
        return {"document_id": self.document_id, "document": self.document_title, "label": self.label,
                "snippet": self.snippet, "valid_from": self.valid_from.isoformat()}


# --- keeping the index -----------------------------------------------------------------------------
def shown_text(heading: str, own_text: str) -> str:
    """What a provision is searched and shown by: its heading and its own text."""
    return " ".join(part.strip() for part in (heading, own_text) if part and part.strip())


def reindex(conn: Connection, document_id: int) -> int:
    """Make ``document_id``'s entries those of its current versions; returns how many changed.

    Entries of closed versions and current versions without an entry are found by two joins in
    the database, so a revision that replaced ten provisions costs ten inserts and deletes, not a
    rewrite of the document's index.
    """
    pv, se = s.provision_version, s.search_entry
    stale = list(conn.execute(select(se.c.id).join(pv, pv.c.id == se.c.version_id)
                              .where(se.c.document_id == document_id, pv.c.rev_to.is_not(None))
                              .order_by(se.c.id)).scalars())
    sqlite = conn.dialect.name == "sqlite"
    for chunk in _chunks(stale):
        if sqlite:  # an external-content FTS5 table forgets a row given the text it indexed
            conn.execute(_FTS_FORGET, {"ids": chunk})
        conn.execute(delete(se).where(se.c.id.in_(chunk)))
    unindexed = ~select(se.c.id).where(se.c.version_id == pv.c.id).exists()
    rows = conn.execute(select(pv.c.id, pv.c.label, pv.c.valid_from, pv.c.heading, pv.c.text)
                        .where(pv.c.document_id == document_id, pv.c.rev_to.is_(None), unindexed)
                        .order_by(pv.c.id)).all()
    entries = [{"version_id": r.id, "document_id": document_id, "label": r.label,
                "valid_from": r.valid_from, "text": shown, "folded": fold_text(shown)}
               for r in rows if (shown := shown_text(r.heading, r.text))]
    for start in range(0, len(entries), _BATCH):
        batch = entries[start:start + _BATCH]
        conn.execute(insert(se), batch)
        ids = [e["version_id"] for e in batch]
        if sqlite:
            conn.execute(_FTS_ADD, {"ids": ids})
        else:
            conn.execute(update(se).where(se.c.version_id.in_(ids))
                         .values(tsv=text("to_tsvector('spanish', folded)")))
    return len(stale) + len(entries)


_FTS_FORGET = text("INSERT INTO search_fts (search_fts, rowid, folded) SELECT 'delete', id, folded "
                   "FROM search_entry WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
_FTS_ADD = text("INSERT INTO search_fts (rowid, folded) SELECT id, folded FROM search_entry "
                "WHERE version_id IN :ids").bindparams(bindparam("ids", expanding=True))


def _chunks(items: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(items), _BATCH):
        yield items[start:start + _BATCH]


# --- asking it -------------------------------------------------------------------------------------
def query_words(query: str) -> tuple[str, ...]:
    """The folded words of a query, each once, in order; ``InputError`` when there is none."""
    if "\x00" in query:
        raise InputError("una búsqueda no lleva caracteres NUL")
    words = tuple(dict.fromkeys(_WORD.findall(fold_text(query))))
    if not words:
        raise InputError("una búsqueda necesita al menos una palabra")
    if len(words) > MAX_WORDS:
        raise InputError(f"una búsqueda tiene a lo más {MAX_WORDS} palabras distintas")
    return words


_SQLITE = text(
    "SELECT se.document_id, d.title, se.label, se.text, se.valid_from FROM search_fts "
    "JOIN search_entry se ON se.id = search_fts.rowid JOIN document d ON d.id = se.document_id "
    "WHERE search_fts MATCH :match AND (:document_id IS NULL OR se.document_id = :document_id) "
    "ORDER BY bm25(search_fts), se.id LIMIT :limit")
_TYPED = (column("document_id", Integer), column("title", Text), column("label", Text), column("text", Text),
          column("valid_from", Date))
_POSTGRES = text(
    "SELECT se.document_id, d.title, se.label, se.text, se.valid_from FROM search_entry se "
    "JOIN document d ON d.id = se.document_id, to_tsquery('spanish', :match) q "
    "WHERE se.tsv @@ q AND (CAST(:document_id AS integer) IS NULL OR se.document_id = :document_id) "
    "ORDER BY ts_rank(se.tsv, q) DESC, se.id LIMIT :limit")


def search(conn: Connection, query: str, limit: int = 50, document_id: int | None = None
           ) -> tuple[SearchHit, ...]:
    """Current provisions containing every word of ``query`` (accents and case ignored), best
    first; optionally in one document."""
    words = query_words(query)
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"el límite de una búsqueda va de 1 a {MAX_LIMIT}")
    if conn.dialect.name == "postgresql":
        statement, match = _POSTGRES, " & ".join(f"{w}:*" for w in words)
    else:
        statement, match = _SQLITE, " AND ".join(f'"{w}"*' for w in words)
    values = {"match": match, "document_id": document_id, "limit": limit}
    rows = conn.execute(statement.columns(*_TYPED), values).all()
    return tuple(SearchHit(int(r[0]), r[1], r[2], snippet(r[3], words), r[4]) for r in rows)


def snippet(shown: str, words: tuple[str, ...], width: int = SNIPPET) -> str:
    """The passage of ``shown`` around the first word of ``words`` found in it (folded), cut at
    spaces, with '…' where text was left out."""
    flat = " ".join(shown.split())
    folded = [fold_text(c) or " " for c in flat]  # one entry per character: positions map back
    joined = "".join(c[:1] for c in folded)
    found = [i for w in words if (i := _word_start(joined, w)) >= 0]
    if len(flat) <= width:
        return flat
    first = min(found) if found else 0
    start = max(0, first - width // 3)
    if start:
        space = flat.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > start else end
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def _word_start(folded: str, word: str) -> int:
    match = re.search(r"\b" + re.escape(word), folded)
    return match.start() if match else -1


__all__ = ["SearchHit", "is_index_table", "query_words", "reindex", "search", "snippet"]
