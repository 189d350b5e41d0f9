"""Applying an erratum's corrections to the text as published (diffing.errata): on our fixtures in
the real forms (fixtures/errata/) and, as properties, on generated texts."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffing import ChangeType, DiscrepancyKind
from diffing import errata as errata_module
from diffing.errata import apply_corrections
from parser import Document, Kind, Provision, read_statute
from parser.errata import Correction, read_errata

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "errata"
BASE = read_statute((FIXTURES / "ley_base.txt").read_bytes(), "ley_base.txt")


def corrected(name: str) -> errata_module.CorrectedText:
    return apply_corrections(BASE, read_errata((FIXTURES / name).read_bytes(), name).corrections)


def summary(result: errata_module.CorrectedText) -> list[tuple[str, str, str | None]]:
    return [(c.label, str(c.type), c.after) for c in result.changes]


def test_doctests() -> None:
    assert doctest.testmod(errata_module).failed == 0


def test_an_inline_correction_lands_in_its_fraccion() -> None:
    result = corrected("01_en_linea.txt")
    assert summary(result) == [("art_57__frac_ix", "corrected",
                                "Elaborar y ejecutar el programa anual de verificación sanitaria, y")]
    assert result.discrepancies == ()
    assert [p.labels for p in result.placed] == [("art_57__frac_ix",)]
    assert result.changes[0].before == "Elaborar el programa anual de verificación sanitaria, y"


def test_a_table_corrects_two_provisions() -> None:
    result = corrected("02_tabla.html")
    assert [(label, kind) for label, kind, _ in summary(result)] == [
        ("art_2__frac_iii", "corrected"), ("art_57__frac_ii", "corrected")]
    assert BASE.index()["art_57__frac_ii"].text == "Designar a las personas verificadoras;"
    fixed = result.document.index()["art_57__frac_ii"].text
    assert fixed == "Designar y capacitar a las personas verificadoras;"


def test_a_fragment_of_a_print_line_is_found_inside_its_paragraph() -> None:
    result = corrected("03_varias.html")
    assert [label for label, _, _ in summary(result)] == ["art_1__par_1", "art_57__frac_iii",
                                                          "art_57__frac_vii"]
    text = result.document.index()["art_1__par_1"].text
    assert text.endswith("regular la verificación sanitaria de establecimientos y servicios.")
    assert text.startswith("La presente Ley es de orden público")   # the rest untouched


def test_a_transitorio_and_a_heading() -> None:
    assert summary(corrected("04_transitorio.txt")) == [(
        "tra_2__par_2", "corrected", "Las visitas y procedimientos iniciados antes de la entrada en "
        "vigor de esta Ley se concluirán conforme a las disposiciones vigentes al momento de su inicio.")]
    heading = corrected("05_denominacion.txt")
    assert heading.document.index()["tit_1__cap_2"].heading == "De las Autoridades Sanitarias"
    assert [c.label for c in heading.changes] == ["tit_1__cap_2"]


def test_the_amending_clause_is_a_discrepancy_and_a_considerando_is_set_apart() -> None:
    clause = corrected("06_clausula.txt")
    assert clause.changes == () and clause.document == BASE
    (problem,) = clause.discrepancies
    assert problem.kind is DiscrepancyKind.UNPLACED_CORRECTION
    assert "corrige la cláusula del instrumento" in problem.detail
    considerando = corrected("10_considerando.txt")
    assert considerando.changes == () and considerando.discrepancies == ()
    assert [c.place for c in considerando.outside] == [
        "En la página 41, primera columna, en el tercer considerando, segundo renglón,"]


def test_what_cannot_be_placed_is_a_discrepancy_and_nothing_is_guessed() -> None:
    result = corrected("07_no_se_ubica.txt")
    assert result.changes == ()
    assert [(d.label, d.detail) for d in result.discrepancies] == [
        ("art_99__frac_ii", "corrección, línea 2: «En la página 5, primera columna, en el artículo 99, "
                            "fracción II,»: art_99__frac_ii no existe en el texto publicado"),
        # the fracción says "órdenes de visita": the erratum quotes words it does not hold
        ("art_57__frac_iv", "corrección, línea 6: «En la página 6, primera columna, en el artículo 57, "
                            "fracción IV,»: no se encontró «Emitir las órdenes de verificación;» en "
                            "art_57__frac_iv")]


def test_hard_wrapped_print_applies_and_unplaced_words_are_reported() -> None:
    result = corrected("08_impreso_sin_lugar.txt")
    assert summary(result) == [("art_21__par_1", "corrected",
                                "Cuando no se cubran los derechos o los aprovechamientos en la fecha "
                                "fijada por las disposiciones aplicables, su monto se actualizará desde "
                                "el mes en que debió hacerse el pago y hasta que el mismo se efectúe.")]
    (problem,) = result.discrepancies
    assert problem.label == "" and "no se encontró «Nacional de Verificación." in problem.detail


def test_a_figure_in_a_fraccion_named_by_the_quoted_marker() -> None:
    result = corrected("09_nota_aclaratoria.txt")
    (change,) = result.changes
    assert change.label == "art_82__frac_iv" and change.type is ChangeType.CORRECTED
    assert change.after is not None and change.after.startswith("De $12,240.00 a $24,480.00")


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("[0-9]*")))
def test_applying_twice_changes_nothing_more(name: str) -> None:
    once = corrected(name)
    again = apply_corrections(once.document, read_errata((FIXTURES / name).read_bytes(), name).corrections)
    assert again.changes == () and again.document == once.document


def test_words_found_twice_are_ambiguous() -> None:
    both = Correction("", None, "Texto repetido.", "Texto corregido.", 4)
    document = Document("Ley", (
        Provision("art_1", Kind.ARTICULO, "1", text="Texto repetido."),
        Provision("art_2", Kind.ARTICULO, "2", text="Texto repetido.")))
    result = apply_corrections(document, (both,))
    assert result.changes == ()
    assert [d.detail for d in result.discrepancies] == [
        "corrección, línea 4: «Texto repetido.» aparece 2 veces: no se sabe cuál corregir"]
    # named, the same words are found once
    named = apply_corrections(document, (Correction("artículo 2", "art_2", both.wrong, both.right, 4),))
    assert [(c.label, c.after) for c in named.changes] == [("art_2", "Texto corregido.")]


def test_a_correction_that_joins_paragraphs_is_not_applied() -> None:
    first, second = (BASE.index()[label].text for label in ("art_21__par_1", "art_21__par_2"))
    join = Correction("", "art_21", f"{first}\n{second}", f"{first} {second}", 3)
    result = apply_corrections(BASE, (join,))
    assert result.changes == ()
    assert [d.detail for d in result.discrepancies] == [
        "corrección, línea 3: la corrección une o divide párrafos: no se aplica"]


# --- properties ------------------------------------------------------------------------------
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéíóúñ", min_size=2, max_size=9)


@given(st.lists(_WORD, min_size=4, max_size=30), st.data())
def test_one_word_corrected_in_place_and_nowhere_else(words: list[str], data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(words) - 1))
    new_word = data.draw(_WORD.filter(lambda w: w != words[at]))
    text = " ".join(words) + "."
    fixed = " ".join([*words[:at], new_word, *words[at + 1:]]) + "."
    other = Provision("art_2", Kind.ARTICULO, "2", text="Otro texto que no cambia.")
    document = Document("Ley", (Provision("art_1", Kind.ARTICULO, "1", text=text), other))
    # the erratum quotes the paragraph hard-wrapped, with other spacing: neither is a correction
    wrapped = "\n".join(" ".join(words[i:i + 3]) for i in range(0, len(words), 3)) + "."
    result = apply_corrections(document, (Correction("artículo 1", "art_1", wrapped, fixed, 1),))
    assert result.discrepancies == ()
    assert result.document.index()["art_1"].text == fixed
    assert result.document.index()["art_2"] == other
    assert [(c.label, c.type) for c in result.changes] == [("art_1", ChangeType.CORRECTED)]
    again = apply_corrections(result.document, (Correction("artículo 1", "art_1", wrapped, fixed, 1),))
    assert again.changes == () and again.discrepancies == ()


@given(st.lists(_WORD, min_size=3, max_size=20), _WORD)
def test_words_the_text_does_not_hold_change_nothing(words: list[str], extra: str) -> None:
    text = " ".join(words) + "."
    document = Document("Ley", (Provision("art_1", Kind.ARTICULO, "1", text=text),))
    wrong = f"{text} {extra}zz"  # never in the text (no word of the alphabet ends in zz)
    result = apply_corrections(document, (Correction("", None, wrong, f"{text} {extra}", 1),))
    assert result.document == document and result.changes == ()
    assert [d.kind for d in result.discrepancies] == [DiscrepancyKind.UNPLACED_CORRECTION]
