"""Agency instruments (acuerdos modifying manuales, lineamientos): Roman-numbered apartados.

Manuales de organización and lineamientos number their apartados with Roman numerals
("Apartado IV"), statutes with letters ("Apartado B"); the clause grammar reads both
(DESIGN.md §1.2: ``apt_`` + the lowercase number).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from errors import AmendmentError
from parser import parse_amendment, read_amendment_text
from parser.clauses import read_clause

ROOT = Path(__file__).resolve().parent.parent


def labels_of(clause: str) -> list[tuple[str, str]]:
    _, directives = read_clause(clause)
    return [(str(d.verb), d.label) for d in directives]


@pytest.mark.parametrize(("clause", "expected"), [
    # a list of Roman apartados, the form of the Salud manual acuerdos
    ("Se MODIFICAN los apartados IV, V y VII del Manual de Organización General de la "
     "Secretaría de Salud, para quedar como sigue:",
     [("reforma", "apt_iv"), ("reforma", "apt_v"), ("reforma", "apt_vii")]),
    # a Roman range counts in Roman numerals
    ("Se reforman los apartados II a IV del Manual de Procedimientos X, para quedar como sigue:",
     [("reforma", "apt_ii"), ("reforma", "apt_iii"), ("reforma", "apt_iv")]),
    ("Se derogan los apartados I a III de los Lineamientos X.",
     [("deroga", "apt_i"), ("deroga", "apt_ii"), ("deroga", "apt_iii")]),
    # a lettered range still counts in letters
    ("Se reforman los apartados A a C de los Lineamientos X.",
     [("reforma", "apt_a"), ("reforma", "apt_b"), ("reforma", "apt_c")]),
    # suffixes on a Roman apartado
    ("Se adiciona el apartado VIII Bis al Manual de Organización X, para quedar como sigue:",
     [("adiciona", "apt_viii-bis")]),
    # letters inside an article are unchanged
    ("Se reforma el artículo 4o., apartado B, fracción III de la Ley X.",
     [("reforma", "art_4__apt_b__frac_iii")]),
    ("Se reforma la fracción VII del apartado A del artículo 2 de la Ley X.",
     [("reforma", "art_2__apt_a__frac_vii")]),
])
def test_roman_apartados(clause: str, expected: list[tuple[str, str]]) -> None:
    assert labels_of(clause) == expected


def test_instrument_name_after_roman_apartados() -> None:
    instrument, _ = read_clause("Se MODIFICAN los apartados IV, V y VII del Manual de "
                                "Organización General de la Secretaría de Salud")
    assert instrument == "Manual de Organización General de la Secretaría de Salud"


def test_apartado_with_a_word_is_still_rejected() -> None:
    with pytest.raises(AmendmentError):
        read_clause("Se reforma el apartado correspondiente del Manual X.")


def test_manual_acuerdo_declares_its_numerales() -> None:
    """The fixture note 5727101 (our reconstruction of a Salud acuerdo) declares numerales."""
    data = (ROOT / "fixtures" / "dof" / "sidof" / "docFuente" / "5727101.html").read_bytes()
    amendment = parse_amendment(read_amendment_text(data))
    (article,) = amendment.articles
    assert [(str(d.verb), d.label) for d in article.directives] == [
        ("reforma", "num_2"), ("reforma", "num_7"), ("adiciona", "num_7-bis")]
    assert article.instrument == "Manual de Organización General de la Secretaría de Salud"
