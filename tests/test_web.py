"""The web application over the demo store (IMSS-BIENESTAR, 15/05/2024): every page as HTML and
as JSON, the login gate, tokens, CSRF, review permissions and the error pages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from test_pipeline_support import ROOT
from test_web_support import (
    DOCUMENT_ID,
    IMSS_CODIGO,
    PASSWORD,
    build_demo_store,
    copy_store,
    csrf_of,
    log_in,
)

from store import get_meta, open_engine
from web.app import SECRET_META_KEY, create_app
from web.commands import user_token

EXPECTED_FILE = ROOT / "fixtures" / "imss" / "expected_changes.json"
EXPECTED = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))["changes"]
JSON = {"Accept": "application/json"}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "demo.sqlite"
    build_demo_store(path)
    return path


@pytest.fixture
def app(demo_file: Path, tmp_path: Path) -> Iterator[Flask]:
    url = copy_store(demo_file, tmp_path / "store.sqlite")
    application = create_app(url, testing=True)
    yield application
    application.extensions["dof_tracker_store"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def reviewer(client: FlaskClient) -> FlaskClient:
    log_in(client, "revisor")
    return client


def text(answer: object) -> str:
    return answer.get_data(as_text=True)  # type: ignore[attr-defined, no-any-return]


def visible(html: str) -> str:
    """The page's words: tags dropped, white space collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# --- the login gate -------------------------------------------------------------------------------
def _routes(app: Flask) -> list[tuple[str, str]]:
    values = {"change_id": "1", "document_id": str(DOCUMENT_ID), "label": "art_57", "codigo": IMSS_CODIGO,
              "watch_id": "1", "discrepancy_id": "1", "filename": "style.css"}
    found: list[tuple[str, str]] = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in ("static", "auth.login"):
            continue
        path = rule.rule
        for name in rule.arguments:
            path = re.sub(rf"<(?:\w+:)?{name}>", values[name], path)
        found.extend((method, path) for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}))
    return found


def test_every_route_refuses_an_anonymous_request(app: Flask, client: FlaskClient) -> None:
    routes = _routes(app)
    assert len(routes) >= 18
    for method, path in routes:
        if method == "GET" and not path.startswith("/feeds/"):
            page = client.get(path)
            assert page.status_code == 302 and "/login?next=" in page.headers["Location"], path
            assert client.get(path, headers=JSON).status_code == 401, path
        else:
            answer = client.open(path, method=method, headers={"Authorization": "Bearer nada"})
            assert answer.status_code == 401, (method, path)
            anonymous = client.open(path, method=method)
            assert anonymous.status_code in (400, 401), (method, path)  # a POST fails its CSRF check first
            assert IMSS_CODIGO not in text(anonymous) and "Estatuto" not in text(anonymous)


def test_login_page_is_spanish_and_a_wrong_password_is_refused(client: FlaskClient) -> None:
    page = text(client.get("/login"))
    assert '<html lang="es">' in page and "Iniciar sesión" in page and "Contraseña" in page
    answer = client.post("/login", data={"name": "revisor", "password": "otra-cosa",
                                         "csrf_token": csrf_of(page)})
    assert answer.status_code == 401 and "Nombre o contraseña incorrectos" in text(answer)
    assert client.get("/changes").status_code == 302


def test_login_then_logout_and_the_session_cookie_flags(demo_file: Path, tmp_path: Path) -> None:
    app = create_app(copy_store(demo_file, tmp_path / "s.sqlite"), secure_cookies=True)
    client = app.test_client()
    page = text(client.get("/login"))
    answer = client.post("/login?next=/documents", data={"name": "lectora", "password": PASSWORD,
                                                         "csrf_token": csrf_of(page)})
    assert answer.status_code == 302 and answer.headers["Location"] == "/documents"
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie
    assert client.get("/documents", base_url="https://localhost").status_code == 200
    home = text(client.get("/documents", base_url="https://localhost"))
    client.post("/logout", data={"csrf_token": csrf_of(home)}, base_url="https://localhost")
    assert client.get("/documents", base_url="https://localhost").status_code == 302


def test_login_never_redirects_off_site(client: FlaskClient) -> None:
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        page = text(client.get("/login"))
        answer = client.post("/login", data={"name": "lectora", "password": PASSWORD,
                                             "next": target, "csrf_token": csrf_of(page)})
        assert answer.headers["Location"] == "/changes", target
        client.post("/logout", data={"csrf_token": csrf_of(text(client.get("/changes")))})


def test_a_post_without_its_csrf_token_is_refused(client: FlaskClient) -> None:
    assert client.post("/login", data={"name": "revisor", "password": PASSWORD}).status_code == 400
    reviewer(client)
    answer = client.post("/changes/1/review", data={"state": "revisada", "note": "sin token"})
    assert answer.status_code == 400 and "CSRF" in text(answer)
    forged = client.post("/changes/1/review", data={"state": "revisada", "csrf_token": "x" * 43})
    assert forged.status_code == 400
    assert "sin token" not in text(client.get("/changes/1"))


def test_the_secret_key_is_made_once_and_kept_in_the_store(demo_file: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOF_TRACKER_SECRET", raising=False)
    url = copy_store(demo_file, tmp_path / "k.sqlite")
    first, second = create_app(url, testing=True), create_app(url, testing=True)
    engine = open_engine(url)
    with engine.connect() as conn:
        kept = get_meta(conn, SECRET_META_KEY)
    engine.dispose()
    assert kept and len(kept) >= 40 and first.secret_key == second.secret_key == kept
    monkeypatch.setenv("DOF_TRACKER_SECRET", "de-la-variable")
    assert create_app(url, testing=True).secret_key == "de-la-variable"


# --- the change log -------------------------------------------------------------------------------
def test_the_change_log_shows_every_demo_change_grouped_by_instrument(client: FlaskClient) -> None:
    html = text(reviewer(client).get("/changes"))
    words = visible(html)
    assert f"{len(EXPECTED)} cambios" in words
    assert html.count('class="change ') == len(EXPECTED)
    assert "Modificación al Estatuto Orgánico" in words and "DOF 15/05/2024 matutina 5727205" in words
    assert f'href="/notices/{IMSS_CODIGO}"' in html
    assert f'href="/documents/{DOCUMENT_ID}/provisions/art_57__frac_ix"' in html
    assert "https://www.dof.gob.mx/nota_detalle.php?codigo=5727205&amp;fecha=15/05/2024" in html
    summary = re.search(r'<table class="summary">(.*?)</table>', html, re.S)
    assert summary is not None
    cells = visible(summary.group(1))
    counts = {t: sum(1 for c in EXPECTED if c["type"] == t) for t in ("added", "modified", "derogated")}
    assert f"DOF 15/05/2024 {IMSS_CODIGO} {counts['added']} {counts['modified']} {counts['derogated']} 0 " \
           f"{len(EXPECTED)}" in cells
    assert "<del>" in html and "<ins>" in html


def test_the_change_log_filters_by_dates_either_way_type_and_document(client: FlaskClient) -> None:
    reviewer(client)
    derogated = sum(1 for c in EXPECTED if c["type"] == "derogated")
    data = client.get("/changes?since=15/05/2024&until=2024-05-15&type=derogated&document=imss",
                      headers=JSON).get_json()
    assert data["total"] == derogated and {c["type"] for c in data["changes"]} == {"derogated"}
    assert data["filters"]["since"] == data["filters"]["until"] == "2024-05-15"
    assert client.get("/changes?since=16/05/2024", headers=JSON).get_json()["total"] == 0
    assert client.get("/changes?until=14/05/2024", headers=JSON).get_json()["changes"] == []


def test_the_change_log_json_has_the_design_change_shape(client: FlaskClient) -> None:
    data = reviewer(client).get("/", headers=JSON).get_json()
    assert data["total"] == len(EXPECTED) == len(data["changes"])
    for change in data["changes"]:
        assert {"label", "type", "from_label", "before", "after", "diff", "notice", "id",
                "review_state"} <= set(change)
        assert set(change["notice"]) >= {"codigo", "date", "edition", "title", "url"}
        assert change["review_state"] == "nueva"
    assert sorted(c["label"] for c in data["changes"]) == sorted(c["label"] for c in EXPECTED)


@pytest.mark.parametrize("query", ["since=31/02/2024", "until=mañana", "type=borrado", "state=lista",
                                   "page=0", "since=2024-06-01&until=2024-05-01"])
def test_a_bad_filter_is_a_spanish_400_page_not_a_traceback(client: FlaskClient, query: str) -> None:
    answer = reviewer(client).get(f"/changes?{query}")
    assert answer.status_code == 400
    page = text(answer)
    assert "Solicitud no válida" in page and "Traceback" not in page and '<html lang="es">' in page
    assert client.get(f"/changes?{query}", headers=JSON).get_json()["status"] == 400


def test_unknown_things_are_spanish_404_pages(client: FlaskClient) -> None:
    reviewer(client)
    for path in ("/no-existe", "/documents/99", "/notices/0000000", "/changes/999999",
                 f"/documents/{DOCUMENT_ID}/provisions/art_999"):
        answer = client.get(path)
        assert answer.status_code == 404 and "No encontrado" in text(answer), path
        assert "Traceback" not in text(answer)


# --- documents, provisions, comparisons, notices ---------------------------------------------------
def test_a_document_outline_its_text_on_a_date_and_its_revisions(client: FlaskClient) -> None:
    reviewer(client)
    outline = visible(text(client.get(f"/documents/{DOCUMENT_ID}")))
    assert "Estatuto Orgánico de Servicios de Salud" in outline and "Artículo 57 Bis" in outline
    before = visible(text(client.get(f"/documents/{DOCUMENT_ID}?at=01/05/2024")))
    after = visible(text(client.get(f"/documents/{DOCUMENT_ID}?at=2024-06-01")))
    assert "Artículo 57 Bis.-" not in before and "Artículo 57 Bis.-" in after
    assert "IX. Se deroga." in after and "IX. Se deroga." not in before
    data = client.get(f"/documents/{DOCUMENT_ID}?at=2024-06-01", headers=JSON).get_json()
    assert data["at"] == "2024-06-01" and [r["valid_from"] for r in data["revisions"]] == ["2023-10-06",
                                                                                          "2024-05-16"]
    assert any(p["label"].startswith("tit_") or p["label"].startswith("art_") for p in data["provisions"])
    assert data["pending"] == []


def test_a_provision_timeline_shows_every_version_with_its_notice(client: FlaskClient) -> None:
    reviewer(client)
    html = text(client.get(f"/documents/{DOCUMENT_ID}/provisions/art_57__frac_ix"))
    words = visible(html)
    assert "artículo 57, fracción IX" in words
    assert "Del 2023-10-06 al 2024-05-16" in words and "Del 2024-05-16 al hoy" in words
    assert "derogación" in words and f"DOF 15/05/2024 matutina {IMSS_CODIGO}" in words
    assert "<ins>Se deroga.</ins>" in html.replace("\n", " ") or "<ins>" in html
    data = client.get(f"/documents/{DOCUMENT_ID}/provisions/57, fracción IX", headers=JSON).get_json()
    assert data["label"] == "art_57__frac_ix"
    assert [v["status"] for v in data["versions"]] == ["vigente", "derogado"]
    assert data["versions"][1]["notice"]["codigo"] == IMSS_CODIGO
    assert data["versions"][1]["change"] == "derogated"


def test_compare_two_dates_for_a_provision_and_for_the_document(client: FlaskClient) -> None:
    reviewer(client)
    one = client.get(f"/documents/{DOCUMENT_ID}/compare?from=01/05/2024&to=2024-06-01&label=57")
    html = text(one)
    assert one.status_code == 200 and html.count('class="side ') == 2
    assert "<del>" in html and "<ins>" in html and "Vista en línea" in html
    data = client.get(f"/documents/{DOCUMENT_ID}/compare?from=2024-05-01&to=2024-06-01&label=57",
                      headers=JSON).get_json()
    assert data["label"] == "art_57" and data["date1"] == "2024-05-01" and "Se deroga" in data["after"]
    whole = client.get(f"/documents/{DOCUMENT_ID}/compare?from=2024-05-01&to=2024-06-01", headers=JSON)
    labels = [u["label"] for u in whole.get_json()["units"]]
    assert "art_57" in labels and "art_57-bis" in labels
    added = next(u for u in whole.get_json()["units"] if u["label"] == "art_57-bis")
    assert added["before"] is None and added["after"].startswith("Artículo 57 Bis.-")
    same = client.get(f"/documents/{DOCUMENT_ID}/compare?from=2024-05-01&to=2024-05-02", headers=JSON)
    assert same.get_json()["units"] == []
    assert client.get(f"/documents/{DOCUMENT_ID}/compare?from=2024-05-01").status_code == 400


def test_a_notice_page_shows_what_it_changed(client: FlaskClient) -> None:
    reviewer(client)
    html = text(client.get(f"/notices/{IMSS_CODIGO}"))
    assert "Modificación al Estatuto Orgánico" in html and html.count('class="change ') == len(EXPECTED)
    assert "Discrepancias" in html
    data = client.get(f"/notices/{IMSS_CODIGO}", headers=JSON).get_json()
    assert data["codigo"] == IMSS_CODIGO and data["date"] == "2024-05-15" and data["edition"] == "MAT"
    assert data["document_id"] == DOCUMENT_ID and len(data["changes"]) == len(EXPECTED)
    assert isinstance(data["discrepancies"], list)


def test_the_documents_list(client: FlaskClient) -> None:
    data = reviewer(client).get("/documents", headers=JSON).get_json()
    estatuto = next(d for d in data["documents"] if d["id"] == DOCUMENT_ID)
    assert estatuto["title"].startswith("Estatuto Orgánico") and estatuto["revisions"] == 2
    html = text(client.get("/documents"))
    assert all(f'href="/documents/{d["id"]}"' in html for d in data["documents"])


# --- review ---------------------------------------------------------------------------------------
def _first_change(client: FlaskClient) -> int:
    return int(client.get("/changes", headers=JSON).get_json()["changes"][0]["id"])


def test_a_reviewer_marks_a_change_and_the_trail_keeps_every_step(client: FlaskClient) -> None:
    reviewer(client)
    change_id = _first_change(client)
    page = text(client.get(f"/changes/{change_id}"))
    assert "Nadie lo ha revisado todavía" in page and 'name="state"' in page
    for state, note in (("requiere_atencion", "consultar con jurídico"), ("revisada", "visto con jurídico")):
        answer = client.post(f"/changes/{change_id}/review", data={"state": state, "note": note,
                                                                   "csrf_token": csrf_of(page)})
        assert answer.status_code == 303
    data = client.get(f"/changes/{change_id}", headers=JSON).get_json()
    assert data["review_state"] == "revisada"
    assert [(e["state"], e["user"], e["note"]) for e in data["trail"]] == [
        ("requiere_atencion", "revisor", "consultar con jurídico"),
        ("revisada", "revisor", "visto con jurídico")]
    trail = visible(text(client.get(f"/changes/{change_id}")))
    assert "revisor Requiere atención consultar con jurídico" in trail
    assert "Revisada visto con jurídico" in trail
    reviewed = client.get("/changes?state=revisada", headers=JSON).get_json()
    assert [c["id"] for c in reviewed["changes"]] == [change_id]
    fresh = client.get("/changes?state=nueva", headers=JSON).get_json()
    assert fresh["total"] == len(EXPECTED) - 1 and change_id not in {c["id"] for c in fresh["changes"]}
    queue = client.get("/review", headers=JSON).get_json()
    assert queue["total"] == len(EXPECTED) - 1


def test_a_reader_cannot_change_review_state(client: FlaskClient) -> None:
    log_in(client, "lectora")
    change_id = _first_change(client)
    page = text(client.get(f"/changes/{change_id}"))
    assert 'name="state"' not in page  # no form offered
    answer = client.post(f"/changes/{change_id}/review", data={"state": "revisada", "note": "",
                                                               "csrf_token": csrf_of(page)})
    assert answer.status_code == 403 and "Solo las personas revisoras" in text(answer)
    assert client.get(f"/changes/{change_id}", headers=JSON).get_json()["trail"] == []


def test_a_review_post_checks_its_state_and_its_change(client: FlaskClient) -> None:
    reviewer(client)
    token = csrf_of(text(client.get("/changes")))
    bad = client.post("/changes/1/review", data={"state": "aprobada", "csrf_token": token})
    assert bad.status_code == 400
    assert client.post("/changes/999999/review", data={"state": "revisada",
                                                       "csrf_token": token}).status_code == 404


# --- tokens, search, watchlist ---------------------------------------------------------------------
def test_a_token_opens_json_and_a_post_by_header_needs_no_csrf(app: Flask, client: FlaskClient) -> None:
    url = app.extensions["dof_tracker_store"].engine.url.render_as_string(hide_password=False)
    token = user_token(url, "revisor")
    bearer = {"Authorization": f"Bearer {token}", **JSON}
    assert client.get("/changes", headers=bearer).get_json()["total"] == len(EXPECTED)
    assert client.get(f"/changes?token={token}", headers=JSON).status_code == 200
    answer = client.post("/changes/1/review", data={"state": "revisada", "note": "por API"}, headers=bearer)
    assert answer.status_code == 200 and answer.get_json()["user"] == "revisor"
    replaced = user_token(url, "revisor")
    assert client.get("/changes", headers={"Authorization": f"Bearer {token}", **JSON}).status_code == 401
    assert client.get("/changes", headers={"Authorization": f"Bearer {replaced}", **JSON}).status_code == 200


def test_search_finds_words_without_their_accents(client: FlaskClient) -> None:
    reviewer(client)
    data = client.get("/search?q=informacion estrategica", headers=JSON).get_json()
    assert "art_57-bis__par_1" in {h["label"] for h in data["hits"]}
    html = text(client.get("/search?q=informacion"))
    assert f'href="/documents/{DOCUMENT_ID}/provisions/art_57-bis__par_1"' in html
    assert client.get("/search", headers=JSON).get_json()["hits"] == []


def test_watch_a_provision_see_its_changes_and_stop(client: FlaskClient) -> None:
    reviewer(client)
    page = text(client.get("/watchlist"))
    assert "Todavía no sigue nada" in page
    answer = client.post("/watchlist", data={"document": str(DOCUMENT_ID), "provision": "57",
                                             "csrf_token": csrf_of(page)})
    assert answer.status_code == 303
    data = client.get("/watchlist", headers=JSON).get_json()
    assert [w["label"] for w in data["watches"]] == ["art_57"]
    assert data["changes"] and all(c["label"].startswith("art_57") for c in data["changes"])
    watch_id = data["watches"][0]["id"]
    client.post(f"/watchlist/{watch_id}/delete", data={"csrf_token": csrf_of(page)})
    assert client.get("/watchlist", headers=JSON).get_json()["watches"] == []
    assert client.post(f"/watchlist/{watch_id}/delete", data={"csrf_token": csrf_of(page)}).status_code == 404


def test_pages_carry_security_headers_and_no_inline_script(client: FlaskClient) -> None:
    answer = reviewer(client).get("/changes")
    assert "default-src 'none'" in answer.headers["Content-Security-Policy"]
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script" not in text(answer)


# --- feeds ----------------------------------------------------------------------------------------
def test_feeds_take_a_token_and_parse_as_atom(app: Flask, client: FlaskClient) -> None:
    import feedparser

    url = app.extensions["dof_tracker_store"].engine.url.render_as_string(hide_password=False)
    token = user_token(url, "lectora")
    for path in ("/feeds/changes.atom", f"/feeds/documents/{DOCUMENT_ID}.atom"):
        assert client.get(path).status_code == 401
        answer = client.get(f"{path}?token={token}")
        assert answer.status_code == 200 and answer.mimetype == "application/atom+xml"
        feed = feedparser.parse(answer.data)
        assert not feed.bozo, feed.bozo_exception
        assert len(feed.entries) == len(EXPECTED)
        assert feed.feed.links[0].href.endswith(path) and "token" not in feed.feed.links[0].href
        derogated = next(e for e in feed.entries if "artículo 57, fracción IX" in e.title)
        links = {link.href for link in derogated.links}
        assert f"http://localhost/documents/{DOCUMENT_ID}/provisions/art_57__frac_ix" in links
        assert any(IMSS_CODIGO in href for href in links)
        assert "<del>" in derogated.content[0].value or "<ins>" in derogated.content[0].value
    watch_page = client.get(f"/feeds/watchlist.atom?token={token}")
    assert watch_page.status_code == 200 and feedparser.parse(watch_page.data).entries == []


def test_discrepancies_are_reviewed_the_same_way(app: Flask, client: FlaskClient) -> None:
    from diffing.model import Discrepancy, DiscrepancyKind
    from store import notice_id, record_discrepancies, transaction

    engine = app.extensions["dof_tracker_store"].engine
    with transaction(engine) as conn:
        undeclared = Discrepancy(DiscrepancyKind.UNDECLARED_CHANGE, "art_57__frac_iii",
                                 "el texto cambia y el decreto no lo dice")
        record_discrepancies(conn, DOCUMENT_ID, notice_id(conn, IMSS_CODIGO), [undeclared])
    reviewer(client)
    queue = client.get("/review", headers=JSON).get_json()
    [found] = queue["discrepancies"]
    assert found["notice"]["codigo"] == IMSS_CODIGO and found["label"] == "art_57__frac_iii"
    page = text(client.get("/review"))
    assert "el texto cambia y el decreto no lo dice" in page
    answer = client.post(f"/discrepancies/{found['id']}/review", data={
        "state": "requiere_atencion", "note": "preguntar a la Secretaría", "csrf_token": csrf_of(page)})
    assert answer.status_code == 303
    assert client.get("/review", headers=JSON).get_json()["discrepancies"] == []
    flagged = client.get("/review?state=requiere_atencion", headers=JSON).get_json()["discrepancies"]
    assert [d["id"] for d in flagged] == [found["id"]]
    assert client.post("/discrepancies/999999/review", data={
        "state": "revisada", "csrf_token": csrf_of(page)}).status_code == 404


def test_a_long_log_is_counted_only_so_far_ahead(client: FlaskClient,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import web.queries

    reviewer(client)
    monkeypatch.setattr(web.queries, "COUNT_AHEAD", 5)
    first = client.get("/changes", headers=JSON).get_json()
    assert (first["total"], first["total_exact"]) == (5, False)
    assert "Más de 5 cambios" in visible(text(client.get("/changes")))
    monkeypatch.setattr(web.queries, "COUNT_AHEAD", 50)
    whole = client.get("/changes", headers=JSON).get_json()
    assert (whole["total"], whole["total_exact"]) == (len(EXPECTED), True)


def test_a_page_past_the_end_of_the_log_is_empty_and_says_how_long_the_log_is(client: FlaskClient) -> None:
    reviewer(client)
    past = client.get("/changes?page=3", headers=JSON).get_json()
    assert past["changes"] == [] and (past["total"], past["total_exact"]) == (len(EXPECTED), True)
    assert "Ningún cambio coincide" in text(client.get("/changes?page=3"))
