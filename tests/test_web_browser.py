"""The web application in a real browser: Playwright driving Debian's chromium against a live
server (werkzeug in a thread) over the demo store. Log in, filter the change log, open a
provision's timeline, compare two dates, mark a change reviewed with a note and find it in the
audit trail; a screenshot of the change log; keyboard navigation and labels."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from test_web_support import DOCUMENT_ID, IMSS_CODIGO, PASSWORD, build_demo_store, copy_store
from werkzeug.serving import make_server

from web.app import create_app

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("DOF_TRACKER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

UNLABELED = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
    .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
    .map(e => e.name || e.id)"""


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "demo.sqlite"
    build_demo_store(path)
    return path


@pytest.fixture(scope="module")
def live_server(demo_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = copy_store(demo_store, tmp_path_factory.mktemp("live") / "store.sqlite")
    app = create_app(url, secure_cookies=False)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        app.extensions["dof_tracker_store"].close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM} (.ci/run installs Debian's)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def p(browser: Browser, live_server: str) -> Iterator[Page]:
    """A fresh page (its own cookies) on the live server."""
    context = browser.new_context(base_url=live_server, locale="es-MX")
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


def log_in(page: Page, name: str) -> None:
    page.goto("/changes")
    assert "/login" in page.url
    page.get_by_label("Usuario").fill(name)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()
    page.wait_for_url("**/changes")


def test_log_in_and_filter_the_change_log(p: Page) -> None:
    log_in(p, "lectora")
    assert p.locator("h1").inner_text() == "Cambios"
    total = p.locator("article.change").count()
    assert total > 3
    p.get_by_label("Desde").fill("15/05/2024")
    p.get_by_label("Hasta").fill("15/05/2024")
    p.get_by_label("Tipo de cambio").select_option("derogated")
    p.get_by_role("button", name="Filtrar").click()
    p.wait_for_url("**type=derogated**")
    cards = p.locator("article.change")
    assert 0 < cards.count() < total
    assert all("derogación" in cards.nth(i).inner_text().lower() for i in range(cards.count()))
    assert p.get_by_label("Desde").input_value() == "2024-05-15"


def test_open_a_provision_timeline_and_compare_two_dates(p: Page) -> None:
    log_in(p, "lectora")
    p.locator("article.change h4 a", has_text="artículo 57, fracción IX").first.click()
    p.wait_for_url(f"**/documents/{DOCUMENT_ID}/provisions/art_57__frac_ix")
    versions = p.locator("li.version")
    assert versions.count() == 2
    assert "Del 2024-05-16 al hoy" in versions.nth(1).inner_text()
    assert IMSS_CODIGO in versions.nth(1).inner_text()
    p.get_by_role("link", name="Estatuto Orgánico", exact=False).first.click()
    p.get_by_label("Comparar del").fill("01/05/2024")
    p.get_by_label("al", exact=True).fill("2024-06-01")
    p.get_by_label("Disposición (opcional)").fill("57")
    p.get_by_role("button", name="Comparar").click()
    p.wait_for_url("**/compare?**")
    assert p.locator(".side").count() == 2
    assert p.locator(".side.after ins").count() > 0 and p.locator(".side.before del").count() > 0
    assert "Se deroga" in p.locator(".side.after").inner_text()


def test_mark_a_change_reviewed_with_a_note_and_see_it_in_the_trail(p: Page) -> None:
    log_in(p, "revisor")
    p.get_by_role("link", name="Revisión", exact=True).click()
    first = p.locator("article.change").first
    citation = first.locator("h4 a").inner_text()
    first.get_by_label("Estado").select_option("revisada")
    first.get_by_label("Nota").fill("Revisado en el navegador")
    first.get_by_role("button", name="Guardar revisión").click()
    p.wait_for_load_state()
    p.goto("/changes?state=revisada")
    reviewed = p.locator("article.change", has_text=citation)
    assert reviewed.count() >= 1
    reviewed.first.get_by_role("link", name="revisión y bitácora").click()
    trail = p.locator("table.trail")
    assert "Revisado en el navegador" in trail.inner_text() and "revisor" in trail.inner_text()
    assert "Revisada" in trail.inner_text()


def test_a_screenshot_of_the_change_log_shows_its_content(p: Page, tmp_path: Path) -> None:
    log_in(p, "lectora")
    p.set_viewport_size({"width": 1280, "height": 900})
    shot = Path(os.environ.get("DOF_TRACKER_SCREENSHOT_DIR", str(tmp_path))) / "cambios.png"
    p.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert p.locator("table.summary").is_visible()
    assert p.locator("h1", has_text="Cambios").is_visible()
    assert p.locator("del").first.is_visible() or p.locator("ins").first.is_visible()
    visible_text = p.locator("main").inner_text()
    assert "Resumen por instrumento" in visible_text and "Modificación al Estatuto Orgánico" in visible_text


def _tab_to(p: Page, wanted: str, limit: int = 40) -> list[str]:
    """Press Tab until the focused element's id (or text) is ``wanted``; what it passed through."""
    reached: list[str] = []
    for _ in range(limit):
        p.keyboard.press("Tab")
        reached.append(p.evaluate("document.activeElement.id || document.activeElement.textContent.trim()"))
        if reached[-1] == wanted:
            return reached
    raise AssertionError(f"Tab never reached {wanted!r}: {reached}")


def test_keyboard_reaches_the_filters_and_submits_them(p: Page) -> None:
    log_in(p, "lectora")
    reached = _tab_to(p, "Filtrar")
    assert reached[0] == "Saltar al contenido"
    assert [r for r in reached if r in ("since", "until", "document", "type", "state")] == [
        "since", "until", "document", "type", "state"]
    p.goto("/changes")
    _tab_to(p, "since")
    p.keyboard.type("16/05/2024")
    _tab_to(p, "Filtrar")
    p.keyboard.press("Enter")
    p.wait_for_url("**since=16%2F05%2F2024**")
    assert p.locator("article.change").count() == 0 and "Ningún cambio coincide" in p.content()


@pytest.mark.parametrize("path", ["/changes", "/review", f"/documents/{DOCUMENT_ID}", "/search?q=salud",
                                  "/watchlist", "/login"])
def test_every_input_has_a_label(p: Page, path: str) -> None:
    if path != "/login":
        log_in(p, "revisor")
    p.goto(path)
    unlabeled = p.evaluate(UNLABELED)
    assert unlabeled == []
    assert p.locator("html").get_attribute("lang") == "es"
