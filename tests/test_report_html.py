"""The lawyers' change log on hand-built entries: grouping by instrument, one entry per change (a
unit added with its contents is one), the summary rows, renumberings, discrepancies, coverage."""

from __future__ import annotations

from datetime import date, timedelta

from bs4 import BeautifulSoup

from diffing.model import Change, ChangeType, DiscrepancyKind
from gazette import Edition, Notice, NoticeKind
from report import changes_html
from report.changelog import group_entries
from report.context import Coverage, EditionRead, LogContext, Opening
from store.discrepancies import StoredDiscrepancy
from store.values import ChangeEntry

LEY = "Ley Federal de Prueba"


REFORMA = "DECRETO por el que se reforma la Ley Federal de Prueba"
ADICION = "DECRETO por el que se adiciona un capítulo a la Ley Federal de Prueba"


def _notice(codigo: str, day: date, title: str = REFORMA) -> Notice:
    return Notice(codigo=codigo, date=day, edition=Edition.MAT, section="PRIMERA SECCION",
                  poder="PODER EJECUTIVO", issuer="SECRETARIA", title=title,
                  url=f"https://www.dof.gob.mx/nota_detalle.php?codigo={codigo}", kind=NoticeKind.AMENDS,
                  document=LEY)


FIRST = _notice("5700001", date(2024, 3, 4))
SECOND = _notice("5700002", date(2024, 3, 5), ADICION)


def _entry(label: str, kind: ChangeType, notice: Notice | None = FIRST, before: str | None = "Antes.",
           after: str | None = "Después.", from_label: str | None = None,
           reconciled: bool = True) -> ChangeEntry:
    day = notice.date if notice else date(2024, 1, 1)
    return ChangeEntry(document=LEY, document_id=1, date=day, valid_from=day + timedelta(days=1),
                       change=Change(label, kind, before, after, (), from_label), notice=notice,
                       reconciled=reconciled, origin="computed")


def _soup(page: str) -> BeautifulSoup:
    return BeautifulSoup(page, "lxml")


def test_an_article_added_with_its_fracciones_is_one_entry() -> None:
    entries = [_entry("art_80", ChangeType.ADDED, before=None, after="Artículo 80.- Texto.\nI. Uno."),
               _entry("art_80__frac_i", ChangeType.ADDED, before=None, after="I. Uno."),
               _entry("art_81__frac_ii", ChangeType.MODIFIED)]
    [group] = group_entries(entries)
    assert [(i.number, i.entry.label, [m.label for m in i.members]) for i in group.items] == \
        [(1, "art_80", ["art_80__frac_i"]), (2, "art_81__frac_ii", [])]


def test_what_an_added_container_holds_comes_from_its_text() -> None:
    chapter = _entry("tit_1__cap_5", ChangeType.ADDED, notice=SECOND, before=None,
                     after="CAPÍTULO V De las pruebas\nArtículo 90.- Noventa.\nArtículo 91.- Noventa y uno.")
    article = _entry("art_90", ChangeType.ADDED, notice=SECOND, before=None, after="Artículo 90.- Noventa.")
    elsewhere = _entry("art_12__frac_iv", ChangeType.ADDED, notice=SECOND, before=None, after="Noventa.")
    entries = [chapter, article, elsewhere]
    # without the tree: the artículo's whole text is in the capítulo's; a fracción of another
    # artículo is not inside a new capítulo even when its words are
    [group] = group_entries(entries)
    assert [[m.label for m in i.members] for i in group.items] == [["art_90"], []]
    # with the tree, the tree decides
    context = LogContext(inside={(1, "tit_1__cap_5"): frozenset({"art_90", "art_91"})})
    [group] = group_entries(entries, context)
    assert [i.entry.label for i in group.items] == ["tit_1__cap_5", "art_12__frac_iv"]
    page = _soup(changes_html(entries, context=context))
    assert len(page.select("table.summary > tbody > tr")) == len(page.select("article.change")) == 2
    assert "Comprende: artículo 90" in page.get_text(" ")
    assert page.select("table.summary > tbody > tr")[0].find_all("td")[1].get_text() == \
        "título primero, capítulo V (con artículo 90)"


def test_a_modified_unit_never_absorbs_others() -> None:
    entries = [_entry("art_5", ChangeType.MODIFIED), _entry("art_5__frac_i", ChangeType.ADDED, before=None)]
    assert [len(i.members) for i in group_entries(entries)[0].items] == [0, 0]


def test_changes_are_grouped_by_instrument_in_order_and_numbered_across() -> None:
    entries = [_entry("art_1", ChangeType.MODIFIED),
               _entry("art_2", ChangeType.DEROGATED, after="Se deroga."),
               _entry("art_3", ChangeType.MODIFIED, notice=SECOND)]
    page = _soup(changes_html(entries))
    groups = page.select("section.instrument")
    assert [g.h3.get_text() for g in groups if g.h3] == [FIRST.title, SECOND.title]
    assert [[a["id"] for a in g.select("article.change")] for g in groups] == \
        [["cambio-1", "cambio-2"], ["cambio-3"]]
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in page.select("table.summary > tbody > tr")]
    assert [row[1:3] for row in rows] == [["artículo 1", "reformado"], ["artículo 2", "derogado"],
                                          ["artículo 3", "reformado"]]
    assert rows[2][3] == "DECRETO por el que se adiciona un capítulo a la Ley Federal de… (DOF 05/03/2024)"
    assert rows[2][4] == "6 de marzo de 2024"


def test_a_renumbering_says_where_the_unit_was() -> None:
    entries = [_entry("art_4__frac_vi", ChangeType.RENUMBERED, from_label="art_4__frac_v")]
    page = _soup(changes_html(entries))
    [row] = page.select("table.summary > tbody > tr")
    assert row.find_all("td")[2].get_text() == "renumerado (antes artículo 4, fracción V)"
    heading = page.select_one("article.change h4")
    assert heading is not None and heading.get_text(" ", strip=True) == \
        "Cambio 1 · artículo 4, fracción VI renumerado (antes artículo 4, fracción V)"


def test_the_parent_opening_words_give_context() -> None:
    entry = _entry("art_57__frac_ix", ChangeType.DEROGATED, after="Se deroga.")
    opening = Opening("artículo 57", "Corresponde a la Coordinación:")
    context = LogContext(openings={(1, "art_57__frac_ix"): opening})
    page = _soup(changes_html([entry], context=context))
    shown = page.select_one("p.context")
    assert shown is not None and shown.get_text() == "artículo 57: Corresponde a la Coordinación:"
    assert shown.q is not None  # the quoted words are the law's, not ours


def test_discrepancies_list_stored_ones_and_undeclared_changes() -> None:
    undeclared = _entry("art_7", ChangeType.MODIFIED, reconciled=False)
    stored = StoredDiscrepancy(1, 1, LEY, DiscrepancyKind.UNMATCHED_INSTRUCTION, "art_9__frac_ii",
                               "la fracción II no cambia en el texto", FIRST)
    page = _soup(changes_html([undeclared], context=LogContext(discrepancies=(stored,))))
    items = [li.get_text() for li in page.select("ul.discrepancies li")]
    assert items == [
        "declarado por el instrumento, sin cambio en el texto: artículo 9, fracción II — la fracción II no "
        f"cambia en el texto (DOF 04/03/2024, edición matutina, código 5700001; {LEY})",
        "cambio en el texto que la parte dispositiva del instrumento no declara: artículo 7, reformado "
        f"(DOF 04/03/2024, edición matutina, código 5700001; {LEY})"]
    flag = page.select_one("article.change .unreconciled")
    assert flag is not None


def test_the_editions_covered_say_which_failed() -> None:
    coverage = Coverage(date(2024, 3, 4), date(2024, 3, 5), (
        EditionRead(date(2024, 3, 4), Edition.MAT, "ok", True, 7),
        EditionRead(date(2024, 3, 4), Edition.VES, "ok", False, 0),
        EditionRead(date(2024, 3, 5), Edition.MAT, "failed", True, 0, "la respuesta llegó cortada")))
    page = _soup(changes_html([_entry("art_1", ChangeType.MODIFIED)], context=LogContext(coverage=coverage)))
    section = page.find(id="ediciones")
    assert section is not None
    assert "del 4 de marzo de 2024 al 5 de marzo de 2024: 3 ediciones revisadas: 1 publicada, 1 sin " \
           "publicación, 1 fallida (se reintentan)." in section.get_text()
    rows = [[td.get_text() for td in tr.find_all("td")]
            for tr in section.select("table.editions > tbody > tr")]
    assert rows == [["4 de marzo de 2024", "matutina", "leída", "7"],
                    ["5 de marzo de 2024", "matutina", "falló (se reintenta en la próxima ejecución): la "
                     "respuesta llegó cortada", "0"]]


def test_without_run_records_the_page_says_what_it_does_not_know() -> None:
    page = _soup(changes_html([_entry("art_1", ChangeType.MODIFIED)]))
    section = page.find(id="ediciones")
    assert section is not None and "04/03/2024 matutina" in section.get_text() and \
        "no se sabe qué otras ediciones se revisaron" in section.get_text()


def test_an_empty_log_says_so_in_spanish() -> None:
    page = _soup(changes_html([]))
    assert "Ningún cambio corresponde a la consulta." in page.get_text()
    assert page.select("article.change") == []


def test_a_text_registered_by_hand_has_no_link_and_says_why() -> None:
    page = _soup(changes_html([_entry("art_1", ChangeType.MODIFIED, notice=None)]))
    group = page.select_one("section.instrument")
    assert group is not None and group.a is None
    assert "sin aviso del DOF (texto registrado a mano)" in group.get_text()
