"""A declaratoria of entry into force read: the day it fixes and the decree it names."""

from __future__ import annotations

from datetime import date

from parser.entry_rules import RuleKind
from parser.transitorios import read_declaratoria

# The form of the CNPP's and of our scenario's declaratorias (own wording, DOF style)
DECREE_NAMED = (
    "La Comisión Federal de Pruebas, con fundamento en el Transitorio Único del Decreto por el que se "
    "reforma el artículo 3 del Reglamento Interior de la Comisión Federal de Pruebas, emite la siguiente\n"
    "DECLARATORIA\n"
    "ÚNICO.- El Decreto por el que se reforma el artículo 3 del Reglamento Interior de la Comisión "
    "Federal de Pruebas, publicado en el Diario Oficial de la Federación el 26 de noviembre de 2024, "
    "entrará en vigor el 15 de enero de 2025.\n"
    "TRANSITORIO\n"
    "ÚNICO.- La presente Declaratoria entrará en vigor el día de su publicación.")


def test_the_day_and_the_decree_it_puts_in_force() -> None:
    found = read_declaratoria(DECREE_NAMED)
    assert found is not None
    assert (found.rule.kind, found.rule.on, found.published) == \
        (RuleKind.FIXED_DATE, date(2025, 1, 15), date(2024, 11, 26))


def test_a_day_in_words_and_no_decree_date() -> None:
    found = read_declaratoria("ARTÍCULO ÚNICO.- Las reformas al Código entrarán en vigor el primero de "
                              "marzo de dos mil veinticinco.")
    assert found is not None
    assert (found.rule.on, found.published) == (date(2025, 3, 1), None)


def test_a_relative_day_counts_from_the_declaratoria() -> None:
    found = read_declaratoria("ÚNICO.- El Decreto publicado el 2 de diciembre de 2024 entrará en vigor "
                              "al día siguiente de la publicación de la presente Declaratoria.")
    assert found is not None
    assert found.rule.in_force(date(2024, 12, 10)) == date(2024, 12, 11)


def test_no_sentence_about_entry_into_force_is_none() -> None:
    assert read_declaratoria("DECLARATORIA de utilidad pública del inmueble ubicado en la calle "
                             "Madero 12.") is None
