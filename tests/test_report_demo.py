"""What people read, on the demo store (the IMSS-BIENESTAR case ``dof-tracker demo`` syncs).

The terminal outputs are golden files under fixtures/report/ (readable text; ``--update-golden``
rewrites them on purpose, a missing one is written and the test fails for review). The HTML
change log is parsed (bs4) and checked for what a lawyer relies on; then it is printed to PDF
by headless Chromium and the PDF's text is checked: the summary table on page 1, the running
header on every page, each change once.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from sqlalchemy import URL

import scheduler
from report import at_text, change_log_html, changes_table, history_text, notices_text
from report.html import TITLE
from store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "fixtures" / "report"
DEMO = "IMSS-BIENESTAR"
SINCE = date(2024, 5, 13)
GENERATED = datetime(2024, 6, 3, 9, 30)
# English words the old report leaked, and internal values; none may reach a reader.
LEAKS = ("added", "modified", "derogated", "renumbered", "corrected", "changes", "change", "since", "until",
         "published", "force", "before", "today", "generated", "notice", "document", "type", "findings",
         "discrepancies", "edition", "none", "MAT", "VES", "EXT", "unmatched_instruction",
         "undeclared_change", "unresolved", "day_after_publication", "by DOF", "imported")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    url = URL.create("sqlite", database=str(path)).render_as_string()
    assert scheduler.main(["--db", url, "demo"]) == 0
    store = open_store(url)
    yield store
    store.close()


@pytest.fixture(scope="module")
def page(demo: Store) -> str:
    entries = demo.document(DEMO).changes(since=SINCE)
    return change_log_html(demo, entries, since=SINCE, document=DEMO, generated=GENERATED,
                           filters="publicados desde el 13 de mayo de 2024")


def _golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not update:
            pytest.fail(f"wrote {path.relative_to(ROOT)}: review it and run again")
    assert text == path.read_text(encoding="utf-8")


# --- the terminal -------------------------------------------------------------------------------
def test_the_change_table_reads_as_the_golden_file(demo: Store, update_golden: bool) -> None:
    entries = demo.document(DEMO).changes(since=SINCE)
    _golden("demo_changes.txt", changes_table(entries, redlines=True), update_golden)


def test_history_and_at_read_as_the_golden_files(demo: Store, update_golden: bool) -> None:
    estatuto = demo.document(DEMO)
    shown = history_text(estatuto.history("57, fracción IX"))
    shown += "\n" + at_text(estatuto.at("57, fracción IX", "2024-05-15"), date(2024, 5, 15))
    shown += "\n" + at_text(estatuto.at("57 Bis", "2024-05-16"), date(2024, 5, 16))
    _golden("demo_history.txt", shown, update_golden)


def test_notices_read_as_the_golden_file(demo: Store, update_golden: bool) -> None:
    _golden("demo_notices.txt", notices_text(demo.notices(since=SINCE, until="2024-05-15")), update_golden)


def test_terminal_outputs_say_no_internal_value(demo: Store) -> None:
    estatuto = demo.document(DEMO)
    shown = (changes_table(estatuto.changes(since=SINCE)) + history_text(estatuto.history("57, fracción IX"))
             + notices_text(demo.notices(since=SINCE)))
    for leak in ("added", "modified", "derogated", "today", " .. ", " MAT ", "amends", "creates", "other"):
        assert leak not in shown, leak
    assert not re.search(r"\d{4}-\d{2}-\d{2}", shown)  # dates as lawyers read them


# --- the HTML change log --------------------------------------------------------------------------
def test_the_page_is_spanish_and_says_no_english(page: str) -> None:
    soup = BeautifulSoup(page, "lxml")
    assert soup.html is not None and soup.html["lang"] == "es"
    text = soup.body.get_text(" ") if soup.body else ""
    found = [leak for leak in LEAKS if re.search(rf"\b{re.escape(leak)}\b", text)]
    assert found == []
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)


def test_one_summary_row_per_entry_and_one_entry_per_change(page: str, demo: Store) -> None:
    soup = BeautifulSoup(page, "lxml")
    rows = soup.select("table.summary > tbody > tr")
    entries = soup.select("article.change")
    recorded = demo.document(DEMO).changes(since=SINCE)
    assert len(recorded) == 14 and len(rows) == len(entries) == 13  # the sección brings artículo 57 Bis
    anchors = [row.a["href"] for row in rows if row.a]
    assert anchors == [f"#{entry['id']}" for entry in entries]
    headings = [e.h4.get_text(" ", strip=True) for e in entries if e.h4]
    assert len(set(headings)) == len(headings) == 13
    cells = [[td.get_text(" ", strip=True) for td in row.find_all("td")] for row in rows]
    assert cells[0][:3] == ["1", "artículo 2, fracción VII", "reformado"]
    assert cells[7][1:3] == ["artículo 57, fracción IX", "derogado"]
    assert cells[12][1:3] == ["título tercero, capítulo II, sección IV (con artículo 57 Bis)", "adicionado"]
    assert {row[4] for row in cells} == {"16 de mayo de 2024"}


def test_a_section_added_with_its_article_is_one_entry(page: str) -> None:
    soup = BeautifulSoup(page, "lxml")
    section = soup.find(id="cambio-13")
    assert section is not None
    assert "Comprende: artículo 57 Bis" in section.get_text(" ")
    text = " ".join(soup.get_text(" ").split())
    assert text.count("Artículo 57 Bis.- Corresponde") == 1
    xxi = soup.find(id="cambio-12")  # its words are also in the sección's text, but it is not inside it
    assert xxi is not None and "artículo 57, fracción XXI" in xxi.get_text(" ")


def test_changes_are_grouped_by_instrument_with_context(page: str) -> None:
    soup = BeautifulSoup(page, "lxml")
    [group] = soup.select("section.instrument")
    header = group.header.get_text(" ", strip=True) if group.header else ""
    assert header.startswith("Modificación al Estatuto Orgánico de Servicios de Salud")
    assert "DOF 15/05/2024, edición matutina, código 5727205" in header
    assert group.a is not None and group.a["href"] == \
        "https://www.dof.gob.mx/nota_detalle.php?codigo=5727205&fecha=15/05/2024"
    assert len(group.select("article.change")) == 13
    fraccion_ix = soup.find(id="cambio-8")
    assert fraccion_ix is not None
    context = fraccion_ix.select_one("p.context")
    assert context is not None and context.get_text(" ", strip=True).startswith("artículo 57: ")
    assert fraccion_ix.find("del") is not None and fraccion_ix.find("ins") is not None
    assert "en vigor desde el 16 de mayo de 2024 (al día siguiente de su publicación)" in \
        fraccion_ix.get_text(" ")


def test_the_editions_covered_findings_and_discrepancies_are_shown(page: str) -> None:
    soup = BeautifulSoup(page, "lxml")
    editions = soup.find(id="ediciones")
    assert editions is not None
    said = editions.get_text(" ")
    assert "del 13 de mayo de 2024 al 17 de mayo de 2024: 15 ediciones revisadas: 6 publicadas, 9 sin " \
           "publicación" in said
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")]
            for tr in editions.select("table.editions > tbody > tr")]
    assert rows[3] == ["15 de mayo de 2024", "matutina", "leída", "8"] and len(rows) == 6
    findings = soup.find(id="hallazgos")
    assert findings is not None and len(findings.select("ul.findings li")) == 4
    assert findings.select("ul.findings li")[0].get_text() == \
        "artículo 20 después de 10: faltan 11 a 19 (artículo 20)"  # cited, not labelled
    discrepancies = soup.find(id="discrepancias")
    assert discrepancies is not None and "Ninguna" in discrepancies.get_text()


def test_the_cli_change_log_in_html_is_the_new_page(demo: Store, capsys: pytest.CaptureFixture[str]) -> None:
    url = demo.engine.url.render_as_string(hide_password=False)
    assert scheduler.main(["--db", url, "changes", "--document", DEMO, "--format", "html"]) == 0
    soup = BeautifulSoup(capsys.readouterr().out, "lxml")
    assert len(soup.select("table.summary > tbody > tr")) == len(soup.select("article.change")) == 13


# --- printed ------------------------------------------------------------------------------------
def _chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing in CI (.ci/run installs it)")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return found


def test_the_printed_change_log_has_its_summary_on_page_one_and_each_change_once(
        page: str, tmp_path: Path) -> None:
    chromium = _chromium()
    source, pdf = tmp_path / "cambios.html", tmp_path / "cambios.pdf"
    source.write_text(page, encoding="utf-8")
    done = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                           f"--print-to-pdf={pdf}", source.as_uri()], capture_output=True, text=True,
                          timeout=180, check=False)
    assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages]
    assert len(pages) >= 2
    first = pages[0]
    assert "Resumen de cambios" in first and "Disposición" in first and "En vigor desde" in first
    summary = first[first.index("Resumen de cambios"):]
    for citation in ("artículo 2, fracción VII", "artículo 57, fracción IX", "artículo 57, fracción XXI",
                     "sección IV (con artículo 57 Bis)"):
        assert citation in summary, citation
    assert "Texto suprimido" in first  # the legend that closes the summary
    assert all(p.startswith(f"{TITLE} · del 13 de mayo de 2024 al 17 de mayo de 2024") for p in pages)
    whole = " ".join(pages)
    for number in range(1, 14):
        assert whole.count(f"Cambio {number} · ") == 1, number
    assert "Cambio 14 · " not in whole
    for text in pages:  # no entry split: each heading's page also has its dates line
        assert len(re.findall(r"Cambio \d+ · ", text)) == text.count("Publicado el "), text
    [longest] = [text for text in pages if "Cambio 13 · " in text]  # the sección, start to end
    assert "VIII. Las demás que le confieran" in longest[longest.index("Cambio 13 · "):]
    assert whole.count("Artículo 57 Bis.- Corresponde") == 1


def test_the_command_line_prints_the_page_with_its_context(demo: Store, capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    """`changes --format html` is the same page: the editions it covers come from the store."""
    assert scheduler.main(["changes", "--since", "13/05/2024", "--document", DEMO, "--format", "html",
                           "--db", demo.url]) == 0
    soup = BeautifulSoup(capsys.readouterr().out, "lxml")
    editions = soup.find(id="ediciones")
    assert editions is not None and "15 ediciones revisadas" in editions.get_text(" ")
