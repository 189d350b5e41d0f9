"""Note pages: SIDOF docFuente and the nested document inside nota_detalle."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from errors import IncompleteBody, InputError
from scraper.note import check_note_complete, parse_note, valid_codigo

ROOT = Path(__file__).resolve().parent.parent
DOF = ROOT / "fixtures" / "dof"


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def blocks(body_html: str) -> list[str]:
    """One line per Word-export block, as the parser package will read them."""
    soup = BeautifulSoup(body_html, "lxml")
    found = soup.find_all(["h1", "h2", "div"], class_=["Titulo_1", "Titulo_2", "Texto", "ANOTACION"])
    return [" ".join(b.get_text("").split()) for b in found if b.get_text().strip()]


def test_imss_modification_body_is_engineer_bs_text() -> None:
    note = parse_note(read(DOF / "sidof" / "docFuente" / "5727205.html"), "5727205")
    expected = [line for line in read(ROOT / "fixtures" / "imss" /
                                       "modificacion_2024-05-15.txt").splitlines()
                if line.strip() and not line.startswith("#")]
    assert note.title == expected[0]
    assert blocks(note.body_html) == expected
    assert not note.image_only and not note.not_found


def test_image_only_note() -> None:
    note = parse_note(read(DOF / "sidof" / "docFuente" / "5727212.html"), "5727212")
    assert note.image_only and not note.not_found and note.title.startswith("MAPA")


def test_nota_detalle_fixture_uses_inner_document() -> None:
    note = parse_note(read(DOF / "www" / "nota_detalle" / "5727301.html"), "5727301")
    assert note.title.startswith("FE de erratas al Acuerdo")
    assert note.published == date(2024, 5, 16)
    assert "En el documento que usted" not in note.body_html  # the site disclaimer is outside


def test_epoch_page_is_not_found() -> None:
    note = parse_note(read(DOF / "www" / "nota_detalle" / "epoch.html"), "1234567")
    assert note.not_found and note.title == "" and note.published is None


def test_empty_document_is_not_found() -> None:
    empty = ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"> <HTML> <head> <title></title> '
             "</head> <BODY> </BODY> </HTML> ")
    assert parse_note(empty, "1").not_found


def test_real_doc_fuente(samples: Path) -> None:
    note = parse_note(read(samples / "sidof-web" / "sidof_notas_docFuente_5788395.html"), "5788395")
    assert note.title.startswith("AVISO por el que se da a conocer el cambio de domicilio")
    assert note.title.endswith("Bellas Artes y Literatura.")
    assert "NÁJERA" in "".join(blocks(note.body_html)) or "JERA" in note.body_html


@pytest.mark.parametrize("name, codigo, title_start, day", [
    ("nota_detalle_5609396_2021-01-04_print.html", "5609396", "CONVENIO Modificatorio al Anexo",
     date(2021, 1, 4)),
    ("nota_detalle_5609558_2021-01-07_print.html", "5609558", "ANEXO Técnico de Ejecución",
     date(2021, 1, 7)),
])
def test_real_nota_detalle(samples: Path, name: str, codigo: str, title_start: str,
                           day: date) -> None:
    note = parse_note(read(samples / "dof-web" / name), codigo)
    assert note.title.startswith(title_start)  # the inner title, never "DOF - Diario Oficial…"
    assert note.published == day
    assert note.body_html.count("<table") >= 10
    assert "En el documento que usted" not in note.body_html


def test_cut_note_bodies_are_incomplete() -> None:
    text = read(DOF / "sidof" / "docFuente" / "5727205.html")
    check_note_complete(text)
    for cut in range(200, len(text) - 10, 331):
        with pytest.raises(IncompleteBody):
            check_note_complete(text[:cut])


@pytest.mark.parametrize("bad", ["", "12a", "../etc/passwd", "5727205/../1", " 5727205",
                                 "5727205?x=1", "１２３", "1" * 11])
def test_codigo_is_validated(bad: str) -> None:
    with pytest.raises(InputError):
        valid_codigo(bad)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=500))
def test_arbitrary_text_gives_a_note(text: str) -> None:
    note = parse_note(text, "123")
    assert note.codigo == "123" and (note.not_found or note.body_html)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["<HTML><BODY>", "DivDetalleNota", "DOF: 31/12/1969", "<h1 class='Titulo_1'>",
                        "</BODY>", "</HTML>", "únicamente puede ser visualizado", "x", " "]),
       st.lists(st.sampled_from(["<HTML>", "</HTML>", "<BODY>", "texto", "<img src=a>"]),
                max_size=8))
def test_markup_fragments_never_crash(head: str, parts: list[str]) -> None:
    parse_note(head + "".join(parts), "1")


@pytest.mark.parametrize("text", ["http:", "https://www.dof.gob.mx/nota.php", "5727205.html"])
def test_a_body_that_looks_like_a_locator_is_still_a_page(text: str) -> None:
    # found by hypothesis: bs4 warns that such markup "looks like a URL", and warnings are errors
    assert parse_note(text, "1").codigo == "1"
