"""The change log and the review queue paged by keyset in the web application: "siguiente" and
"anterior" links (HTML) and ``next``/``prev`` URLs (JSON) that keep the filters, ``page=N`` sent
to its keyset page, bad cursors as Spanish 400 pages, and a change recorded while someone pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from test_web_support import DOCUMENT_ID, build_demo_store, copy_store, log_in, sqlite_url

import store
import web.queries
from diffing.model import Change, ChangeType
from store.versions import insert_changes
from web.app import create_app

JSON = {"Accept": "application/json"}
TYPES = (ChangeType.MODIFIED, ChangeType.ADDED, ChangeType.DEROGATED)
#: the changes added to the demo's 14: 66 over 11 days of June 2024, six a day
DAYS, PER_DAY = 11, 6


def record(engine: Any, day: date, count: int, start: int) -> None:
    changes = [Change(f"art_57__frac_{n}", TYPES[n % 3], "antes", "después")
               for n in range(start, start + count)]
    with store.transaction(engine) as conn:
        insert_changes(conn, DOCUMENT_ID, 1, changes, day, day, None, ())


@pytest.fixture(scope="module")
def long_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store with 66 more changes: 80 in all, four pages of the log."""
    path = tmp_path_factory.mktemp("paging") / "demo.sqlite"
    build_demo_store(path)
    engine = store.open_engine(sqlite_url(path))
    for n in range(DAYS):
        record(engine, date(2024, 6, 1) + timedelta(days=n), PER_DAY, start=100 + n * 10)
    engine.dispose()
    return path


@pytest.fixture
def app(long_log: Path, tmp_path: Path) -> Iterator[Flask]:
    application = create_app(copy_store(long_log, tmp_path / "store.sqlite"), testing=True)
    yield application
    application.extensions["dof_tracker_store"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    test_client = app.test_client()
    log_in(test_client, "revisor")
    return test_client


def every_id(app: Flask, **filters: Any) -> list[int]:
    """The whole filtered log, newest first, from the Python API (one big listing)."""
    return [e.id for e in reversed(app.extensions["dof_tracker_store"].changes(**filters))]


def follow(client: FlaskClient, url: str, link: str = "next") -> list[dict[str, Any]]:
    """Every JSON page from ``url`` on, following ``link``."""
    pages = []
    while url:
        answer = client.get(url, headers=JSON)
        assert answer.status_code == 200, url
        pages.append(answer.get_json())
        url = pages[-1][link]
    return pages


def ids(pages: list[dict[str, Any]]) -> list[int]:
    return [change["id"] for page in pages for change in page["changes"]]


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_following_next_walks_the_whole_log_once(app: Flask, client: FlaskClient) -> None:
    pages = follow(client, "/changes")
    assert [len(p["changes"]) for p in pages] == [25, 25, 25, 5]
    assert ids(pages) == every_id(app) and len(every_id(app)) == 80
    assert [p["page"] for p in pages] == [1, 2, 3, 4] and {p["pages"] for p in pages} == {4}
    assert {(p["total"], p["total_exact"]) for p in pages} == {(80, True)}
    assert pages[0]["prev"] is None and pages[-1]["next"] is None
    last = pages[1]["changes"][-1]
    assert query(pages[1]["next"])["after"] == [f"{last['date']}_{last['id']}"]  # e.g. 2024-06-07_52


def test_following_prev_walks_back_to_the_newest_page(client: FlaskClient) -> None:
    forward = follow(client, "/changes")
    back = follow(client, forward[-1]["prev"], link="prev")
    assert [ids([p]) for p in back] == [ids([p]) for p in reversed(forward[:-1])]
    assert back[-1]["prev"] is None and urlsplit(forward[1]["prev"]).query == ""  # page 1: no cursor


def test_the_links_keep_the_filters(app: Flask, client: FlaskClient) -> None:
    url = "/changes?since=02/06/2024&until=2024-06-10&type=modified&document=imss&state=nueva"
    pages = follow(client, url)
    assert ids(pages) == every_id(app, since="2024-06-02", until="2024-06-10", type="modified")
    assert len(pages) == 1 and len(ids(pages)) == 18  # six a day, a third of them reformas, 9 days
    whole = follow(client, "/changes?type=modified&document=imss&state=nueva")
    assert len(whole) == 2 and query(whole[0]["next"]).keys() == {"type", "document", "state", "after"}
    assert query(whole[1]["prev"]) == {"type": ["modified"], "document": ["imss"], "state": ["nueva"]}
    assert ids(whole) == every_id(app, type="modified")


def test_the_html_pager_links_where_the_json_does(client: FlaskClient) -> None:
    first = client.get("/changes?type=added", headers=JSON).get_json()
    html = client.get("/changes?type=added").get_data(as_text=True)
    [pager] = re.findall(r'<nav class="pager".*?</nav>', html, re.S)
    links = dict(re.findall(r'<a rel="(\w+)" href="([^"]+)">', pager))
    assert links == {"next": first["next"].replace("&", "&amp;")} and "Siguiente »" in pager
    assert "Página 1 de 2" in pager
    second = client.get(first["next"]).get_data(as_text=True)
    [pager] = re.findall(r'<nav class="pager".*?</nav>', second, re.S)
    assert '<a rel="prev" href="/changes?type=added">« Anterior</a>' in pager and 'rel="next"' not in pager
    assert "Página 2 de 2" in pager


def test_a_page_number_is_sent_to_its_keyset_page(client: FlaskClient) -> None:
    pages = follow(client, "/changes")
    answer = client.get("/changes?page=3&type=")
    assert answer.status_code == 302 and answer.headers["Location"] == pages[1]["next"]
    assert client.get("/changes?page=3", headers=JSON, follow_redirects=True).get_json()["changes"] == \
        pages[2]["changes"]
    assert client.get("/review?page=2", headers=JSON).headers["Location"] == \
        client.get("/review", headers=JSON).get_json()["next"]


def test_a_change_recorded_while_paging_is_seen_once(app: Flask, client: FlaskClient) -> None:
    """With page numbers, a change on top pushed the rows down: page 2 began with the last row
    of page 1. The "siguiente" link starts after the last change shown, whatever arrives."""
    before = every_id(app)
    first = client.get("/changes", headers=JSON).get_json()
    engine = app.extensions["dof_tracker_store"].engine
    record(engine, date(2024, 7, 1), 3, start=900)   # newer than everything shown
    record(engine, date(2024, 6, 2), 1, start=950)   # among the pages still to come
    seen = ids([first, *follow(client, first["next"])])
    assert len(seen) == len(set(seen)) == 81 and set(before) < set(seen)
    assert client.get("/changes", headers=JSON).get_json()["total"] == 84


def test_the_review_queue_pages_the_same_way(app: Flask, client: FlaskClient) -> None:
    pages = follow(client, "/review?state=nueva")
    assert ids(pages) == every_id(app) and len(pages) == 4
    assert query(pages[0]["next"])["state"] == ["nueva"]
    html = client.get(pages[0]["next"]).get_data(as_text=True)
    assert 'rel="prev" href="/review?state=nueva"' in html and 'rel="next"' in html


@pytest.mark.parametrize("query_string", ["after=ayer", "after=2024-06-31_5", "before=2024-06-01",
                                          "after=2024-06-01_x", "after=2024-06-01_5&before=2024-06-02_6",
                                          "page=2&after=2024-06-01_5"])
def test_a_bad_cursor_is_a_spanish_400(client: FlaskClient, query_string: str) -> None:
    for path in ("/changes", "/review"):
        answer = client.get(f"{path}?{query_string}")
        page = answer.get_data(as_text=True)
        assert answer.status_code == 400 and "Solicitud no válida" in page and "Traceback" not in page
        assert re.search(r"no es una posición válida en la bitácora|use solo uno", page), page
        assert client.get(f"{path}?{query_string}", headers=JSON).get_json()["status"] == 400


def test_a_type_or_document_filter_is_counted_as_far_as_the_whole_log(
        client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """ix_change_type and ix_change_document (migration 0007) make their counts as cheap."""
    monkeypatch.setattr(web.queries, "COUNT_AHEAD", 10)
    for filtered in ("type=modified", "document=imss"):
        data = client.get(f"/changes?{filtered}", headers=JSON).get_json()
        assert (data["total"], data["total_exact"]) == (10, False), filtered
        assert len(data["changes"]) == 25 and data["next"]
    monkeypatch.setattr(web.queries, "COUNT_AHEAD", 1000)
    for filtered in ("type=modified", "document=imss"):
        data = client.get(f"/changes?{filtered}", headers=JSON).get_json()
        every = ids(follow(client, f"/changes?{filtered}"))
        assert (data["total"], data["total_exact"]) == (len(every), True) and len(every) > 25


def test_a_page_deeper_than_the_count_has_no_number(app: Flask, client: FlaskClient,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web.queries, "COUNT_AHEAD", 30)
    pages = follow(client, "/changes")
    assert [p["page"] for p in pages] == [1, 2, None, None] and {p["total_exact"] for p in pages} == {False}
    third = client.get(pages[1]["next"]).get_data(as_text=True)
    assert "Más de 30 cambios antes de esta página" in visible(third)
    assert ids(pages) == every_id(app)


def visible(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_cursor_past_the_end_is_an_empty_page_that_links_back(client: FlaskClient) -> None:
    data = client.get("/changes?after=2000-01-01_1", headers=JSON).get_json()
    assert data["changes"] == [] and data["next"] is None and (data["total"], data["page"]) == (80, 4)
    assert data["prev"] == "/changes?before=2000-01-01_1"
    back = follow(client, data["prev"], link="prev")
    assert ids(back[:1]) == ids(follow(client, "/changes"))[-25:]  # the oldest 25
