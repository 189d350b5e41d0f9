"""SQL injection: every filter and lookup treats its input literally, on both backends.

Each payload goes through every user-facing entry point (document names, citations, dates,
change types, notice kinds) and through the write side as stored text. The result must equal a
literal-match oracle computed in Python, or be an ``InputError``/``NotFound``; never a database
error, and the database must be exactly as before.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, inspect, select
from test_store_support import (  # noqa: F401  (fixtures)
    BASE_DAY,
    DECREE_DAY,
    TITLE,
    amended_document,
    base_document,
    db_url_fixture,
    engine_fixture,
)

import store
from errors import InputError, NotFound, TrackerError
from gazette import Edition, Notice, NoticeKind
from parser.model import Document
from store import Store, normalize_title
from store import schema as s

LITERAL_TITLE = "Ley del 100% de Transparencia_Fiscal y O'Higgins \\ barra"

PAYLOADS = [
    "' OR 1=1--", "' OR '1'='1", '" OR ""="', "1' OR '1'='1' --", "1 OR 1=1", "1; DROP TABLE document",
    "'; DROP TABLE provision_version;--", '"; DROP TABLE change; --', "') OR ('a'='a", "admin'--",
    "' UNION SELECT id, title FROM document --", "0 UNION ALL SELECT NULL, NULL, NULL",
    "1) OR (1=1", "'||(SELECT version())||'", "'; SELECT pg_sleep(5); --", "1 AND SLEEP(5)",
    "' AND 1=CAST((SELECT current_user) AS int) --", "$$; DROP TABLE run; $$", "E'\\x27 OR 1=1'",
    "%", "_", "%%", "__", "%_%", "\\", "\\%", "\\_", "[a-z]%", "*", "?", "'", "''", '"', "`", ";",
    "--", "/*", "*/", "/* comment */ 1=1", "\x00", "abc\x00def", "ley\u2028nueva", "ＤＲＯＰ",
    "ley' COLLATE \"C\" --", "x" * 10_000, "' " * 2000, "%" * 500, "1e308", "-1", "0",
    "2024-05-15' OR '1'='1", "2024-05-15; DROP TABLE notice", "art_57' OR '1'='1",
    "57'; DELETE FROM change; --", "artículo 57, fracción IX' OR 1=1 --", "derogated' OR '1'='1",
    "added; DROP TABLE change", "amends' --", "ley%", "%fiscal%", "o'higgins", "100%", "transparencia_",
]


def populate(engine: Engine) -> None:
    amended, changes = amended_document()
    with store.transaction(engine) as conn:
        document_id = store.register_document(conn, TITLE, base_document(), BASE_DAY)
        notice_id = store.save_notice(conn, Notice(
            "5727035", date(2024, 5, 15), Edition.MAT, "Primera Sección", "", "IMSS-BIENESTAR",
            "MODIFICACIÓN al Estatuto", "https://www.dof.gob.mx/nota_detalle.php?codigo=5727035",
            NoticeKind.AMENDS))
        store.apply_new_version(conn, document_id, amended, changes, DECREE_DAY, notice_id)
        store.register_document(conn, LITERAL_TITLE, Document(LITERAL_TITLE, base_document().provisions[:1]),
                                BASE_DAY)


def snapshot(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        names = sorted(inspect(conn).get_table_names())
        return {name: conn.execute(select(func.count()).select_from(s.metadata.tables[name])).scalar_one()
                for name in names if name in s.metadata.tables}


def oracle(payload: str, titles: list[str]) -> list[str]:
    """Literal matching done in Python: every word of the name occurs in the folded title."""
    words = normalize_title(payload).split()
    return [t for t in titles if words and all(w in normalize_title(t) for w in words)]


def expect_literal_lookup(tracker: Store, payload: str, titles: list[str]) -> None:
    matches = oracle(payload, titles)
    if "\x00" in payload:
        with pytest.raises(InputError):
            tracker.document(payload)
        return
    if payload.strip().isdigit() and 0 < int(payload) <= len(titles):
        assert tracker.document(payload).id == int(payload)
    elif len(matches) == 1:
        assert tracker.document(payload).title == matches[0]
    elif not matches:
        with pytest.raises((NotFound, InputError)):
            tracker.document(payload)
    else:
        with pytest.raises(InputError, match="matches"):
            tracker.document(payload)


def expect_refused(call: object, *args: object, **kwargs: object) -> None:
    """Refused as input (or not found), never a database error."""
    assert callable(call)
    try:
        result = call(*args, **kwargs)
    except (InputError, NotFound):
        return
    except TrackerError as exc:  # pragma: no cover - the failure message names the payload
        raise AssertionError(f"{call.__name__}{args!r}: {type(exc).__name__}: {exc}") from exc
    assert result == () or result is not None


def test_every_filter_and_lookup_takes_its_input_literally(engine: Engine) -> None:
    populate(engine)
    tracker = Store(engine)
    titles = [d.title for d in tracker.documents()]
    before = snapshot(engine)
    estatuto = tracker.document("imss")
    for payload in PAYLOADS:
        expect_literal_lookup(tracker, payload, titles)
        expect_refused(estatuto.history, payload)
        expect_refused(estatuto.at, payload, "2024-06-01")
        expect_refused(estatuto.at, "57", payload)
        expect_refused(estatuto.diff, "57", payload, "2024-06-01")
        with pytest.raises(InputError):
            tracker.changes(since=payload)
        with pytest.raises(InputError):
            tracker.changes(until=payload)
        with pytest.raises(InputError):
            tracker.changes(type=payload)
        with pytest.raises(InputError):
            tracker.notices(kind=payload)
        with pytest.raises(InputError):
            tracker.notices(on=payload)
        if len(oracle(payload, titles)) != 1 and "\x00" not in payload and not payload.strip().isdigit():
            with pytest.raises((InputError, NotFound)):
                tracker.changes(document=payload)
    assert snapshot(engine) == before
    assert tracker.document("100%").title == LITERAL_TITLE      # % matched as itself...
    assert tracker.document("transparencia_").title == LITERAL_TITLE
    with pytest.raises(NotFound):
        tracker.document("100_")                                   # ...and _ too, not as wildcards
    assert tracker.document("o'higgins \\").title == LITERAL_TITLE
    print(f"\nsqli: {len(PAYLOADS)} payloads x 11 entry points, database unchanged")


def test_stored_text_comes_back_exactly(engine: Engine) -> None:
    """The write side binds every value: payloads stored as titles and notices read back intact."""
    stored = [p for p in PAYLOADS if "\x00" not in p and normalize_title(p)]
    with store.transaction(engine) as conn:
        for number, payload in enumerate(stored):
            store.save_notice(conn, Notice(f"9{number:06d}", date(2024, 5, 15), Edition.EXT, payload, payload,
                                           payload, payload, payload, NoticeKind.OTHER, payload))
    tracker = Store(engine)
    assert [n.title for n in tracker.notices()] == stored  # codigos 9000000.. keep insertion order
    for payload in stored[:12]:
        with store.transaction(engine) as conn:
            store.register_document(conn, payload, base_document(), BASE_DAY)
    assert {d.title for d in tracker.documents()} == {" ".join(p.split()) for p in stored[:12]}
    with pytest.raises(InputError), store.transaction(engine) as conn:
        store.register_document(conn, "Ley\x00", base_document(), BASE_DAY)
