"""Subnumerales: items "i.", "ii." numbered in lowercase Roman inside an inciso (agency
instruments: convocatorias, lineamientos). Labelled num_i, num_ii under their inciso
(parser.lines), by the statute parser, the body parser and the clause grammar alike.
"""

from __future__ import annotations

import pytest

from parser import Document, classify_lines, parse_statute
from parser.body import BodyUnit, build_body
from parser.clauses import read_clause
from parser.lines import LineKind

CONVOCATORIA = """\
I. Técnicos
A. Del promovente.
a) Debe contar con una plantilla conformada por:
i. Un Gerente Técnico;
ii. Un Inspector, y
iii. Un Inspector en Entrenamiento.
b) Debe contar con el personal siguiente:
i. Diseño;
ii. Construcción.
II. Presentación
Texto de la sección II.
"""


def labels(document: Document) -> list[str]:
    return [p.label for p in document.walk()]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(line.kind.value, line.number) for line in classify_lines(text)]


def test_subnumerales_are_numerales_inside_their_inciso() -> None:
    document = parse_statute(CONVOCATORIA)
    assert labels(document) == [
        "apt_i", "apt_i__apt_a",
        "apt_i__apt_a__inc_a", "apt_i__apt_a__inc_a__num_i", "apt_i__apt_a__inc_a__num_ii",
        "apt_i__apt_a__inc_a__num_iii",
        # under the last inciso too: not hoisted to the apartado or the sección
        "apt_i__apt_a__inc_b", "apt_i__apt_a__inc_b__num_i", "apt_i__apt_a__inc_b__num_ii",
        "apt_ii", "apt_ii__par_1",
    ]
    provisions = {p.label: p for p in document.walk()}
    assert provisions["apt_i__apt_a__inc_a__num_ii"].text == "Un Inspector, y"


@pytest.mark.parametrize(("text", "expected"), [
    # an inciso "i)" is an inciso, wherever it is
    ("a) Uno.\ni) Otro.", [("inciso", "a"), ("inciso", "i")]),
    # outside an inciso "i." is prose
    ("I. Técnicos\ni. Texto.", [("fraccion", "I"), ("paragraph", "")]),
    # the list starts at "i."
    ("a) Uno:\nii. Texto.", [("inciso", "a"), ("paragraph", "")]),
    # and goes on in order
    ("a) Uno:\ni. Texto.\niii. Otro.", [("inciso", "a"), ("numeral", "i"), ("paragraph", "")]),
    # "i.e." and other lowercase prose stay prose
    ("a) Uno:\ni.e. un ejemplo.", [("inciso", "a"), ("paragraph", "")]),
    # a unit line ends the inciso: "i." after it is prose again
    ("a) Uno:\nII. Otra.\ni. Texto.", [("inciso", "a"), ("fraccion", "II"), ("paragraph", "")]),
    # an elided inciso opens the list; a bare ellipsis stands for one subnumeral
    ("a) ...\ni. ...\n…\niii. Se deroga.",
     [("elision", "a"), ("numeral", "i"), ("elision", ""), ("numeral", "iii")]),
])
def test_only_where_the_grammar_is_unambiguous(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_subnumeral_elided_and_derogated_lines() -> None:
    lines = [line for line in classify_lines("b) …\ni. ...\nii. Se deroga.")
             if line.kind is LineKind.NUMERAL]
    assert [(line.number, line.elided, line.derogated) for line in lines] == [
        ("i", True, False), ("ii", False, True)]


def test_an_arabic_numeral_after_subnumerales_closes_the_inciso() -> None:
    document = parse_statute("Artículo 5.- Son requisitos:\n1. Primero:\na) Uno:\ni. Texto.\n"
                             "ii. Otro.\n2. Segundo.\n")
    assert labels(document) == [
        "art_5", "art_5__par_1", "art_5__num_1", "art_5__num_1__inc_a",
        "art_5__num_1__inc_a__num_i", "art_5__num_1__inc_a__num_ii", "art_5__num_2"]


def test_the_body_nests_them_as_the_statute_does() -> None:
    (article,) = build_body(classify_lines(
        "Artículo 5.- ...\na) ...\ni. ...\nii. Construcción, y\niii. Se deroga.\nb) Otro.\n"))
    assert isinstance(article, BodyUnit)
    inciso_a, inciso_b = (c for c in article.children
                          if isinstance(c, BodyUnit) and c.number in ("a", "b"))
    assert isinstance(inciso_b, BodyUnit) and inciso_b.text == "Otro."
    subs = [c for c in inciso_a.children if isinstance(c, BodyUnit)]
    assert [(s.part, s.elided, s.derogated, s.text) for s in subs] == [
        ("num_i", True, False, ""), ("num_ii", False, False, "Construcción, y"),
        ("num_iii", False, True, "Se deroga.")]


@pytest.mark.parametrize(("clause", "expected"), [
    ("Se reforman los subnumerales ii y iii del inciso b) del apartado A de la sección III de "
     "la Convocatoria X", ["sec_3__apt_a__inc_b__num_ii", "sec_3__apt_a__inc_b__num_iii"]),
    ("Se adiciona el subnumeral i al inciso a) del Apartado A de la sección III de la "
     "Convocatoria X", ["sec_3__apt_a__inc_a__num_i"]),
    # "sus": the subnumerales of the inciso just named
    ("Se modifican el inciso b) y sus subnumerales ii y iii del apartado A de la sección III de "
     "la Convocatoria X",
     ["sec_3__apt_a__inc_b", "sec_3__apt_a__inc_b__num_ii", "sec_3__apt_a__inc_b__num_iii"]),
    ("Se modifican los subnumerales i, y ii del inciso a) del apartado B de la sección III de la "
     "Convocatoria X", ["sec_3__apt_b__inc_a__num_i", "sec_3__apt_b__inc_a__num_ii"]),
    ("Se derogan los subnumerales iv a vi del inciso b) del apartado A de la sección III de la "
     "Convocatoria X", ["sec_3__apt_a__inc_b__num_iv", "sec_3__apt_a__inc_b__num_v",
                        "sec_3__apt_a__inc_b__num_vi"]),
])
def test_the_clause_names_them_with_the_same_labels(clause: str, expected: list[str]) -> None:
    _, directives = read_clause(clause)
    assert [d.label for d in directives] == expected


def test_lowercase_roman_words_outside_a_subnumeral_list_are_no_numbers() -> None:
    """'numeral ii' is no Arabic numeral and 'los numerales' take digits: only the subnumeral
    noun reads lowercase Roman numbers."""
    _, directives = read_clause("Se reforma el numeral 2 del Manual X")
    assert [d.label for d in directives] == ["num_2"]
