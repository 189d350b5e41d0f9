"""Reading Fe de erratas, Aclaraciones and Notas aclaratorias (parser.errata) on our fixtures in the
real forms (fixtures/errata/README.md), the mirror's two notes, and the real Cámara quotes."""

from __future__ import annotations

import doctest
from datetime import date
from pathlib import Path

import pytest

from errors import InputError
from parser import errata
from parser.errata import ErrataKind, Scope, parse_errata, place_label, read_errata

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "errata"
DOCFUENTE = ROOT / "fixtures" / "dof" / "sidof" / "docFuente"
TITLE = ("Decreto por el que se reforman diversas disposiciones de la Ley Federal de Verificación "
         "Sanitaria de Prueba")


def read(name: str) -> errata.Errata:
    path = FIXTURES / name if (FIXTURES / name).exists() else DOCFUENTE / name
    return read_errata(path.read_bytes(), path.name)


def test_doctests() -> None:
    assert doctest.testmod(errata).failed == 0


def test_inline_place_and_dice_on_one_line() -> None:
    e = read("01_en_linea.txt")
    assert (e.kind, e.corrects.title, e.corrects.published) == (ErrataKind.FE_DE_ERRATAS, TITLE,
                                                               date(2024, 5, 15))
    (c,) = e.corrections
    assert c.place == "En la Primera Sección, página 5, primera columna, en el artículo 57, fracción IX,"
    assert (c.label, c.line, c.scope) == ("art_57__frac_ix", 3, Scope.PROVISION)
    assert c.wrong == "IX. Elaborar el programa anual de verificación sanitaria, y"
    assert c.right == "IX. Elaborar y ejecutar el programa anual de verificación sanitaria, y"
    assert e.findings == ()


def test_a_dice_debe_decir_table_in_an_aclaracion_of_the_vespertina() -> None:
    e = read("02_tabla.html")
    assert (e.kind, e.corrects.edition, e.corrects.published) == (ErrataKind.ACLARACION, "Vespertina",
                                                                  date(2024, 5, 15))
    assert [(c.place, c.label, c.wrong, c.right) for c in e.corrections] == [
        ("Página 5, Artículo 2, fracción III", "art_2__frac_iii",
         "Verificador: la persona servidora pública facultada para practicar visitas, y",
         "Verificador: la persona servidora pública facultada y acreditada para practicar visitas, y"),
        ("Página 6, Artículo 57, fracción II", "art_57__frac_ii",
         "Designar a las personas verificadoras;", "Designar y capacitar a las personas verificadoras;")]


def test_several_corrections_in_one_note_and_the_seal_is_no_dice() -> None:
    e = read("03_varias.html")
    assert [(c.label, c.line) for c in e.corrections] == [
        ("art_1", 7), ("art_57__frac_iii", 15), ("art_57__frac_vii", 23)]
    assert e.corrections[2].wrong == "VII. Proponer las sanciones que correspondan;"


@pytest.mark.parametrize(("name", "label"), [
    ("04_transitorio.txt", "tra_2__par_2"),
    ("05_denominacion.txt", "tit_1__cap_2"),
    ("09_nota_aclaratoria.txt", "art_82__frac_iv"),   # "Artículo 82. ……" then "IV. De …"
])
def test_places_resolve_to_labels(name: str, label: str) -> None:
    (c,) = read(name).corrections
    assert (c.label, c.scope) == (label, Scope.PROVISION)


def test_a_nota_aclaratoria_names_its_section() -> None:
    e = read("09_nota_aclaratoria.txt")
    assert (e.kind, e.corrects.section, e.corrects.published) == (
        ErrataKind.NOTA_ACLARATORIA, "Primera Sección", date(2024, 5, 15))
    assert e.corrects.title == TITLE


def test_the_amending_clause_and_a_considerando_are_not_provisions() -> None:
    (clause,) = read("06_clausula.txt").corrections
    assert (clause.scope, clause.label, clause.place) == (Scope.CLAUSE, None, "")
    (considerando,) = read("10_considerando.txt").corrections
    assert (considerando.scope, considerando.label) == (Scope.OUTSIDE, None)


def test_a_dice_without_debe_decir_is_a_finding_with_its_line() -> None:
    e = read("07_no_se_ubica.txt")
    assert [(c.label, c.line) for c in e.corrections] == [("art_99__frac_ii", 2), ("art_57__frac_iv", 6)]
    assert [str(f) for f in e.findings] == [
        "línea 10: «dice» sin «Debe decir»: la corrección no se puede aplicar"]


def test_hard_wrapped_print_with_a_running_header_and_no_place() -> None:
    e = read("08_impreso_sin_lugar.txt")
    assert e.corrects.published == date(2024, 5, 15)   # the date on the heading's third line
    first, second = e.corrections
    assert first.label == "art_21"                      # from the quoted "Artículo 21. …"
    assert "12 de 40" not in first.right and "CÁMARA DE DIPUTADOS" not in first.right
    assert (second.place, second.label) == ("", None)   # words only: searched in the whole text


def test_the_mirror_notes() -> None:
    manual = read("5727301.html")
    assert manual.corrects.title == ("Acuerdo por el que se modifica el Manual de Organización General "
                                     "de la Secretaría de Salud")
    assert [c.label for c in manual.corrections] == ["num_7", "tra_2"]
    imss = read("5727402.html")
    assert imss.kind is ErrataKind.ACLARACION and imss.corrects.published == date(2024, 5, 15)
    assert [c.scope for c in imss.corrections] == [Scope.OUTSIDE]


@pytest.mark.parametrize(("place", "label"), [
    ("En la página 5, Artículo 127, primer párrafo, cuarto renglón,", "art_127__par_1"),
    ("En la página 19, primera columna, párrafo antepenúltimo, se", None),
    ("En la Primera Sección, página 22:", None),
    ("En la página 24, primera columna, en el SEGUNDO transitorio, tercer renglón,", "tra_2"),
    ("Edición Vespertina, página 3, en el inciso h) de la fracción III del artículo 11",
     "art_11__frac_iii__inc_h"),
])
def test_place_label_leaves_the_print_out(place: str, label: str | None) -> None:
    assert place_label(place) == label


def test_not_an_erratum() -> None:
    with pytest.raises(InputError):
        parse_errata("DECRETO por el que se reforma el artículo 1.\nArtículo 1.- Texto.\n")


def test_the_real_camara_quotes(samples: Path) -> None:
    # the CFF's consolidated text quotes the FE de erratas of 26/12/2011 whole, page furniture included
    lines = (samples / "consolidated-tezca" / "cff.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("FE de erratas que emite la Cámara"))
    e = parse_errata("\n".join(lines[start:start + 32]))
    assert e.corrects.published == date(2011, 12, 12)
    assert e.corrects.title.startswith("Decreto por el que se reforman, adicionan y derogan diversas "
                                       "disposiciones del Código Fiscal de la Federación")
    (c,) = e.corrections
    assert c.label == "art_21" and c.wrong.startswith("Artículo 21. Cuando no se cubran")
    assert c.right.rstrip().endswith("resultado.")


def test_the_real_lic_erratum_corrects_the_clause_and_an_article(samples: Path) -> None:
    # the LIC's consolidated text quotes the FE de erratas of 08/07/2002: the amending clause itself,
    # then "Artículo 41.- ……" with ellipses between the paragraphs it quotes; the next decree follows
    lines = (samples / "consolidated-tezca" / "lic.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines)
                 if line.startswith("FE de erratas al Decreto por el que se reforman, adicionan y derogan"))
    e = parse_errata("\n".join(lines[start:start + 60]))
    assert e.corrects.published == date(2002, 6, 24)
    clause, article = e.corrections
    assert (clause.scope, clause.label) == (Scope.CLAUSE, None)
    assert (article.scope, article.label) == (Scope.PROVISION, "art_41")
    assert article.right.endswith('derivados del cargo."')
