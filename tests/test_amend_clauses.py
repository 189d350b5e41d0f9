"""Operative-clause grammar (research/mx-amendment-grammar.md §4), one real phrasing per row."""

from __future__ import annotations

import pytest

from errors import AmendmentError
from parser import Document, Kind, Provision, parse_amendment, resolve_directives
from parser.clauses import read_clause
from parser.transitorios import Transitorio, classify, entry_into_force


def labels_of(clause: str) -> list[tuple[str, str, str | None]]:
    _, directives = read_clause(clause)
    return [(str(d.verb), d.label, d.new_label) for d in directives]


@pytest.mark.parametrize(("clause", "expected"), [
    # article-first, semicolons, a párrafo of an article, unit-first additions
    ("Se reforman los artículos 59; 61; 66 y 71, segundo párrafo; se adicionan un segundo párrafo "
     "al artículo 58; y la fracción XXXIV al artículo 132 y la fracción IV Bis al artículo 994; y se "
     "deroga el segundo párrafo del artículo 67, de la Ley Federal del Trabajo, para quedar como sigue:",
     [("reforma", "art_59", None), ("reforma", "art_61", None), ("reforma", "art_66", None),
      ("reforma", "art_71__par_2", None), ("adiciona", "art_58__par_2", None),
      ("adiciona", "art_132__frac_xxxiv", None), ("adiciona", "art_994__frac_iv-bis", None),
      ("deroga", "art_67__par_2", None)]),
    # unit-first chain
    ("Se reforma el inciso h) de la fracción III del artículo 11 de la Ley General del Equilibrio "
     "Ecológico y la Protección al Ambiente, para quedar como sigue:",
     [("reforma", "art_11__frac_iii__inc_h", None)]),
    # "Se reforman:" with a colon, ordinal before and after the noun
    ("Se reforman: la fracción VII del apartado A del artículo 2; el párrafo primero del artículo 4",
     [("reforma", "art_2__apt_a__frac_vii", None), ("reforma", "art_4__par_1", None)]),
    # ranges of fracciones and of paragraphs
    ("Se reforman las fracciones IV a VII del artículo 10 de la Ley X.",
     [("reforma", f"art_10__frac_{n}", None) for n in ("iv", "v", "vi", "vii")]),
    ("Se derogan los incisos a) a c) de la fracción II del artículo 5 de la Ley X.",
     [("deroga", f"art_5__frac_ii__inc_{x}", None) for x in "abc"]),
    # "se declara reformado" (constitutional decrees)
    ("Se declara reformado el primer párrafo del artículo 65 de la Constitución Política de los "
     "Estados Unidos Mexicanos.", [("reforma", "art_65__par_1", None)]),
    # explicit renumbering: "recorriéndose las actuales … para ser …"
    ("Se reforma la fracción XXVIII, recorriéndose las actuales XXVIII y XXIX, para ser las XXIX "
     "y XXX respectivamente del artículo 90 de la Ley Orgánica",
     [("reforma", "art_90__frac_xxviii", None),
      ("renumera", "art_90__frac_xxviii", "art_90__frac_xxix"),
      ("renumera", "art_90__frac_xxix", "art_90__frac_xxx")]),
    # a new chapter with its articles; a denomination
    ("Se adiciona un Capítulo VI, denominado “Del Sistema de Evaluación de Diputados”, al Título "
     "Octavo, que comprende los artículos 284 Bis y 284 Ter del Reglamento de la Cámara",
     [("adiciona", "tit_8__cap_6", None), ("adiciona", "art_284-bis", None),
      ("adiciona", "art_284-ter", None)]),
    ("Se modifica la denominación del Capítulo III del Reglamento X.",
     [("reforma", "cap_3", None)]),
    # paragraph ranges, ordinal before or after the noun
    ("Se reforman los párrafos noveno, y del décimo quinto al décimo séptimo del artículo 28 de "
     "la Ley X", [("reforma", f"art_28__par_{n}", None) for n in (9, 15, 16, 17)]),
    ("Se reforman del séptimo al décimo párrafos del artículo 28 de la Ley X",
     [("reforma", f"art_28__par_{n}", None) for n in (7, 8, 9, 10)]),
    # agency instruments: numerales
    ("Se modifican los numerales 4 y 7 del artículo 3 del Acuerdo X.",
     [("reforma", "art_3__num_4", None), ("reforma", "art_3__num_7", None)]),
])
def test_clause_table(clause: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert labels_of(clause) == expected


def test_instrument_named_once_at_the_end() -> None:
    instrument, _ = read_clause("Se deroga la fracción V del artículo 131 de la Ley del Instituto "
                                "de Seguridad y Servicios Sociales de los Trabajadores del Estado, "
                                "para quedar como sigue:")
    assert instrument == ("Ley del Instituto de Seguridad y Servicios Sociales de los Trabajadores "
                          "del Estado")


def test_relative_paragraphs_resolve_against_the_base() -> None:
    article = Provision("art_41", Kind.ARTICULO, "41", children=tuple(
        Provision(f"art_41__par_{i}", Kind.PARRAFO, str(i), text=f"P{i}") for i in (1, 2, 3)))
    base = Document("R", (article,))
    _, directives = read_clause("Se reforman los artículos 41, primer, penúltimo y último párrafo "
                                "del Reglamento R")
    instructions, problems = resolve_directives(directives, base)
    assert [i.target for i in instructions] == ["art_41__par_1", "art_41__par_2", "art_41__par_3"]
    assert problems == ()


def test_missing_target_is_reported_not_dropped() -> None:
    base = Document("R", (Provision("art_1", Kind.ARTICULO, "1"),))
    _, directives = read_clause("Se reforma el artículo 9 del Reglamento R")
    instructions, problems = resolve_directives(directives, base)
    assert [i.target for i in instructions] == ["art_9"]
    assert problems == (("art_9", "el instrumento ordena «se reforma» artículo 9, que el texto base "
                                  "no tiene"),)


def test_no_operative_clause_is_an_error() -> None:
    with pytest.raises(AmendmentError, match="no se encontró la cláusula que ordena los cambios"):
        parse_amendment("AVISO por el que se da a conocer algo.\nTexto del aviso.\n")


def test_verb_without_target_is_an_error() -> None:
    with pytest.raises(AmendmentError):
        read_clause("Se reforma de la Ley X.")


@pytest.mark.parametrize(("when", "kind"), [
    ("al día siguiente de su publicación en el Diario Oficial de la Federación", "day_after_publication"),
    ("el día siguiente al de su publicación en el Diario Oficial", "day_after_publication"),
    ("el día hábil siguiente al de su publicación", "business_day_after_publication"),
    ("el día de su publicación en el Diario Oficial de la Federación", "publication_day"),
    ("a los ciento ochenta días naturales siguientes a su publicación", "days_after_publication"),
    ("el 1o. de enero de 2025", "fixed_date"),
    ("a partir del ejercicio fiscal 2026", "fiscal_year"),
    ("en términos de la Declaratoria que emita el Congreso", "declaratoria"),
])
def test_entry_into_force_kinds(when: str, kind: str) -> None:
    assert classify(when, "").kind == kind


def test_silent_transitorios_fall_back_to_the_civil_code() -> None:
    rule = entry_into_force((Transitorio(1, "Se derogan las disposiciones que se opongan."),))
    assert rule.kind == "default_ccf_3"
