"""The change log paged by keyset (store.paging), on both backends: paging forward (and back)
through a filtered log gives exactly the rows of one big listing (``Store.changes``), a change
recorded while someone pages is never shown twice nor makes them miss one, and counts stop at
their cap."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pytest
from sqlalchemy import ColumnElement, Connection, Engine
from test_store_support import TITLE, base_document, db_url_fixture, engine_fixture  # noqa: F401

import store
from diffing.model import Change, ChangeType
from errors import InputError
from store import schema as s
from store.paging import (
    Cursor,
    KeysetPage,
    count_capped,
    from_cursor,
    in_log,
    key_at,
    keyset_page,
    newer_than,
)
from store.versions import insert_changes

FIRST_DAY = date(2024, 1, 8)
TYPES = (ChangeType.MODIFIED, ChangeType.ADDED, ChangeType.DEROGATED)


def record(conn: Connection, document_id: int, day: date, count: int, start: int = 0,
           in_force: date | None = None) -> None:
    """``count`` changes known on ``day`` (in force that day, or ``in_force``): fracciones
    ``start``.. of artículo 57, types in turn."""
    changes = [Change(f"art_57__frac_{n}", TYPES[n % 3], "antes", "después")
               for n in range(start, start + count)]
    insert_changes(conn, document_id, 1, changes, day, in_force or day, None, ())


@pytest.fixture
def logged(engine: Engine) -> tuple[Engine, int]:
    """A document and 47 changes over 9 days, several per day (so pages split days), those of
    the fifth day in force a month later (in the log all the same), and one change still
    waiting for its day (no revision: not in the log)."""
    with store.transaction(engine) as conn:
        document_id = store.register_document(conn, TITLE, base_document(), date(2023, 3, 1))
        for n, count in enumerate((7, 1, 9, 3, 5, 8, 2, 6, 6)):
            day = FIRST_DAY + timedelta(days=n)
            later = day + timedelta(days=30) if n == 4 else None
            record(conn, document_id, day, count, start=n * 10, in_force=later)
        insert_changes(conn, document_id, None, [Change("art_58", ChangeType.ADDED, None, "nuevo")],
                       FIRST_DAY + timedelta(days=3), None, None, (), pending="declaratoria")
    return engine, document_id


def log_conditions(*extra: ColumnElement[bool]) -> list[ColumnElement[bool]]:
    return [in_log(), *extra]


def page_forward(conn: Connection, conditions: Sequence[ColumnElement[bool]], size: int) -> list[KeysetPage]:
    """Every page, from the newest, each one after the last change of the page before."""
    pages = [keyset_page(conn, conditions, size=size)]
    while pages[-1].older:
        pages.append(keyset_page(conn, conditions, size=size, after=pages[-1].last))
        assert pages[-1].newer
    assert not pages[0].newer
    return pages


def ids(pages: Sequence[KeysetPage]) -> list[int]:
    return [i for page in pages for i in page.ids]


def newest_first(tracker: store.Store, **filters: object) -> list[int]:
    return [e.id for e in reversed(tracker.changes(**filters))]  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [1, 4, 7, 25, 47, 100])
def test_paging_forward_gives_the_whole_log_once_in_order(logged: tuple[Engine, int], size: int) -> None:
    engine, _ = logged
    with engine.connect() as conn:
        pages = page_forward(conn, log_conditions(), size)
    assert [len(p.ids) for p in pages[:-1]] == [size] * (len(pages) - 1) and 0 < len(pages[-1].ids) <= size
    whole = newest_first(store.Store(engine))
    assert len(whole) == 47 and ids(pages) == whole


@pytest.mark.parametrize(("filters", "condition"), [
    ({"type": "derogated"}, s.change.c.type == "derogated"),
    ({"since": date(2024, 1, 10), "until": date(2024, 1, 14)},
     s.change.c.date.between(date(2024, 1, 10), date(2024, 1, 14))),
])
def test_paging_a_filtered_log_gives_the_filtered_listing(
        logged: tuple[Engine, int], filters: dict[str, object], condition: ColumnElement[bool]) -> None:
    engine, _ = logged
    with engine.connect() as conn:
        pages = page_forward(conn, log_conditions(condition), 4)
    whole = newest_first(store.Store(engine), **filters)
    assert 4 < len(whole) < 47 and ids(pages) == whole


def test_one_document_pages_like_its_listing(logged: tuple[Engine, int]) -> None:
    engine, document_id = logged
    with engine.connect() as conn:
        pages = page_forward(conn, log_conditions(s.change.c.document_id == document_id), 5)
    assert ids(pages) == newest_first(store.Store(engine), document=document_id)


def test_paging_back_retraces_the_pages(logged: tuple[Engine, int]) -> None:
    engine, _ = logged
    with engine.connect() as conn:
        forward = page_forward(conn, log_conditions(), 6)
        back = [forward[-1]]
        while back[-1].newer:
            back.append(keyset_page(conn, log_conditions(), size=6, before=back[-1].first))
    assert [page.ids for page in reversed(back)] == [page.ids for page in forward] and len(forward) == 8


def test_the_page_before_the_second_is_the_whole_newest_page(logged: tuple[Engine, int]) -> None:
    """Fewer than a page newer than the cursor: the newest page, whole, not a short one."""
    engine, _ = logged
    with engine.connect() as conn:
        forward = page_forward(conn, log_conditions(), 6)
        third = forward[2].keys[3]
        back = keyset_page(conn, log_conditions(), size=6, before=third)
        newest = keyset_page(conn, log_conditions(), size=6, before=forward[0].keys[3])
    assert list(back.ids) == ids(forward)[9:15] and back.newer and back.older
    assert newest.ids == forward[0].ids and not newest.newer and newest.older


def test_past_the_end_nothing_is_older(logged: tuple[Engine, int]) -> None:
    engine, _ = logged
    with engine.connect() as conn:
        page = keyset_page(conn, log_conditions(), size=6, after=Cursor(date(2024, 1, 1), 1))
    assert page.ids == () and page.newer and not page.older and page.first is None


def test_a_change_recorded_while_paging_is_never_seen_twice_nor_makes_one_missed(
        logged: tuple[Engine, int]) -> None:
    """With OFFSET, a new change on top shifts every row one place down: the next page repeats
    the last row seen. By keyset the next page starts after the last change seen, wherever new
    changes land: one newer than the page is not shown (the reader started after it), one
    among the rows still to come is shown once."""
    engine, document_id = logged
    tracker = store.Store(engine)
    before = newest_first(tracker)
    with engine.connect() as conn:
        first = keyset_page(conn, log_conditions(), size=10)
    with store.transaction(engine) as conn:
        record(conn, document_id, date(2024, 2, 1), 2, start=200)     # newer than all: on top
        record(conn, document_id, date(2024, 1, 10), 1, start=300)    # an old day, a new id: still to come
    seen = list(first.ids)
    after = first.last
    with engine.connect() as conn:
        while after is not None:
            page = keyset_page(conn, log_conditions(), size=10, after=after)
            seen.extend(page.ids)
            after = page.last if page.older else None
    now = newest_first(tracker)
    late_old = [i for i in now if i not in before and now.index(i) > 10]
    assert len(seen) == len(set(seen)) == len(before) + 1 and set(before) <= set(seen)
    assert len(late_old) == 1 and late_old[0] in seen


def test_counts_stop_at_their_cap_and_split_around_a_cursor(logged: tuple[Engine, int]) -> None:
    engine, _ = logged
    whole = newest_first(store.Store(engine))
    with engine.connect() as conn:
        assert count_capped(conn, log_conditions(), 100) == 47
        assert count_capped(conn, log_conditions(), 10) == 11  # "more than 10"
        middle = key_at(conn, log_conditions(), 20)
        assert middle is not None and middle.id == whole[20]
        assert count_capped(conn, log_conditions(newer_than(middle)), 100) == 20
        assert count_capped(conn, log_conditions(from_cursor(middle)), 100) == 27
        assert key_at(conn, log_conditions(), 47) is None


@pytest.mark.parametrize("text", ["", "ayer", "2024-05-15", "2024-05-15_", "2024-13-01_5", "2024-02-30_5",
                                  "15/05/2024_5", "2024-05-15_-5", "2024-05-15_5_6",
                                  "2024-05-15_" + "9" * 19])
def test_a_bad_cursor_is_a_spanish_input_error(text: str) -> None:
    with pytest.raises(InputError, match="no es una posición válida en la bitácora"):
        Cursor.parse(text)


def test_a_cursor_reads_back_what_it_writes() -> None:
    cursor = Cursor(date(2024, 5, 15), 8123)
    assert str(cursor) == "2024-05-15_8123" and Cursor.parse(str(cursor)) == cursor
