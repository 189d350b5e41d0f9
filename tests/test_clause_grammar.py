"""Operative-clause forms from research/mx-amendment-grammar.md §4 and §4.1 that were once read
wrong, with the near misses that must not be read as them.

Each row is a real phrasing (the spec's sources; the SADER and ASEA acuerdos are read from
../shared/dof-samples). Labels follow DESIGN.md §1.2. A unit the grammar does not model
(viñetas, anexos, dotted numbers …) must raise ``AmendmentError``: never another unit's label.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_amend_real import demarkdown

from errors import AmendmentError
from parser import parse_amendment
from parser.clauses import read_clause

Row = tuple[str, str, str | None]


def labels_of(clause: str) -> list[Row]:
    _, directives = read_clause(clause)
    return [(str(d.verb), d.label, d.new_label) for d in directives]


def headings_of(clause: str) -> list[str]:
    _, directives = read_clause(clause)
    return [d.label for d in directives if d.heading_only]


@pytest.mark.parametrize(("clause", "expected"), [
    # 1. "para quedar como actuales párrafos …" names where the added paragraphs go: no renumbering
    ("Se adicionan dos últimos párrafos al artículo 28, para quedar como actuales párrafos "
     "vigésimo y vigésimo primero, de la Constitución Política de los Estados Unidos Mexicanos",
     [("adiciona", "art_28__par_20", None), ("adiciona", "art_28__par_21", None)]),
    # 2. one locator for every action, written once after the last
    ("Se reforma el numeral 1 y se adiciona un numeral 4, recorriendo el numeral 4 vigente al "
     "numeral 5, del artículo 104 de la Ley Orgánica del Congreso General",
     [("reforma", "art_104__num_1", None), ("adiciona", "art_104__num_4", None),
      ("renumera", "art_104__num_4", "art_104__num_5")]),
    ("Se reforma la fracción II y se adiciona la fracción III al artículo 5 de la Ley X",
     [("reforma", "art_5__frac_ii", None), ("adiciona", "art_5__frac_iii", None)]),
    # ... but an action with an article of its own keeps it
    ("Se reforma la fracción II del artículo 3 y se adiciona la fracción III al artículo 5 de la "
     "Ley X", [("reforma", "art_3__frac_ii", None), ("adiciona", "art_5__frac_iii", None)]),
    # 3. transitorios of an earlier decree, article-first with sub-locators
    ("Se reforman los transitorios Segundo, párrafo cuarto; Cuarto, párrafos primero, tercero y "
     "sexto del Decreto X",
     [("reforma", "tra_2__par_4", None), ("reforma", "tra_4__par_1", None),
      ("reforma", "tra_4__par_3", None), ("reforma", "tra_4__par_6", None)]),
    ("Se reforman los transitorios Primero y Cuarto del “Decreto por el que se exenta el pago de "
     "arancel”, publicado en el Diario Oficial de la Federación el 6 de enero de 2023",
     [("reforma", "tra_1", None), ("reforma", "tra_4", None)]),
    ("Se reforma el párrafo cuarto del transitorio Segundo del Decreto X",
     [("reforma", "tra_2__par_4", None)]),
    # 4. a heading reformed, and a new chapter inside it ("el cual tendrá un Capítulo Único")
    ("Se reforma la denominación del Título Sexto, el cual tendrá un Capítulo Único denominado "
     "De la Inspección y Vigilancia, de la Ley de Instituciones de Crédito",
     [("reforma", "tit_6", None), ("adiciona", "tit_6__cap_1", None)]),
    # 5. a renumbering inside a list of fracciones: the list goes on after it
    ("Se reforman los artículos 7o., fracciones VIII Bis, actual X, que pasa a ser IX Bis, XIV Bis "
     "y actual XV de la Ley General de Salud",
     [("reforma", "art_7__frac_viii-bis", None),
      ("reforma", "art_7__frac_x", "art_7__frac_ix-bis"),
      ("renumera", "art_7__frac_x", "art_7__frac_ix-bis"),
      ("reforma", "art_7__frac_xiv-bis", None), ("reforma", "art_7__frac_xv", None)]),
    # 6. the issuing authority as subject, no "se"; a lettered "fracción B" is an apartado
    ("La Secretaría de Agricultura y Desarrollo Rural, a través de la CONAPESCA y con fundamento "
     "en los artículos 26, fracción XI y 35, fracciones XXI y XXVI, de la Ley Orgánica, modifica la "
     "fracción B del Artículo Primero, la fracción B del Artículo Segundo y el Artículo Tercero del "
     "Acuerdo por el que se establece veda temporal, para quedar como sigue:",
     [("reforma", "art_1__apt_b", None), ("reforma", "art_2__apt_b", None),
      ("reforma", "art_3", None)]),
    ("La Junta de Gobierno reforma los numerales 3 y 4 del Manual X, para quedar como sigue:",
     [("reforma", "num_3", None), ("reforma", "num_4", None)]),
    # "la reforma" is a noun: the verb is the one before the targets
    ("La Secretaría, con fundamento en la reforma del artículo 26, fracción XI, modifica el "
     "Artículo Tercero del Acuerdo X, para quedar como sigue:", [("reforma", "art_3", None)]),
    # a lettered list of fracciones stays in letters; Roman fracciones stay fracciones
    ("Se reforman las fracciones A, B y C del Artículo Primero del Acuerdo X",
     [("reforma", f"art_1__apt_{x}", None) for x in "abc"]),
    ("Se reforman las fracciones I, V y X del artículo 3 de la Ley X",
     [("reforma", f"art_3__frac_{x}", None) for x in ("i", "v", "x")]),
    # 7. articles named by ordinal words, with sub-locators, in a list
    ("Se reforman los artículos Primero, fracción II y Tercero del Acuerdo por el que se "
     "establece X", [("reforma", "art_1__frac_ii", None), ("reforma", "art_3", None)]),
    ("Se reforman los artículos Primero, segundo párrafo y Tercero del Acuerdo X",
     [("reforma", "art_1__par_2", None), ("reforma", "art_3", None)]),
    # a verb inside the amended instrument's name is not an action
    ("Se reforma el artículo Segundo del Acuerdo por el que se modifica el diverso X",
     [("reforma", "art_2", None)]),
    # a paragraph named only to place a list ('del cuarto párrafo') is not a target itself
    ("Se reforma la fracción VIII del Apartado A del cuarto párrafo del artículo 6 de la Ley X",
     [("reforma", "art_6__apt_a__frac_viii", None)]),
    # "y la actual III pasa a ser IV": the renumbering is not dropped
    ("Se adiciona la fracción III, y la actual III pasa a ser IV, del artículo 5 de la Ley X",
     [("adiciona", "art_5__frac_iii", None), ("renumera", "art_5__frac_iii", "art_5__frac_iv")]),
    # containers inside a new container (§4.1 "conformado de", "que comprende los Capítulos")
    ("Se adicionan un Capítulo Octavo denominado “Del Comité”, conformado de una Sección "
     "Primera, denominada “De la Integración”, a la Ley X",
     [("adiciona", "cap_8", None), ("adiciona", "cap_8__sec_1", None)]),
    ("Se adicionan un Título Décimo, denominado “De la Evaluación”, que comprende los Capítulos I "
     "“De los Principios”, con los artículos 286 y 287 y Capítulo II “Del Procedimiento” al "
     "Reglamento de la Cámara",
     [("adiciona", "tit_10", None), ("adiciona", "tit_10__cap_1", None),
      ("adiciona", "art_286", None), ("adiciona", "art_287", None),
      ("adiciona", "tit_10__cap_2", None)]),
    # ordinal words with a Latin qualifier; "artículo Segundo Transitorio" is a transitorio
    ("Se reforman los artículos Primero y Segundo, y se adiciona un artículo Tercero Bis al "
     "Acuerdo X", [("reforma", "art_1", None), ("reforma", "art_2", None),
                   ("adiciona", "art_3-bis", None)]),
    ("Se reforma el artículo Segundo Transitorio del Decreto X", [("reforma", "tra_2", None)]),
    # a Latin qualifier glued to the number (real: "Se adiciona el articulo 37bis, fracción VII")
    ("Se adiciona el articulo 37bis, fracción VII, para quedar como sigue:",
     [("adiciona", "art_37-bis__frac_vii", None)]),
    # the authority as subject, with citations before the verb
    ("El Consejo General del Instituto, con fundamento en los artículos 35 y 44, reforma los "
     "artículos 5 y 6 del Reglamento de Elecciones, para quedar como sigue:",
     [("reforma", "art_5", None), ("reforma", "art_6", None)]),
])
def test_clause_forms(clause: str, expected: list[Row]) -> None:
    assert labels_of(clause) == expected


def test_heading_and_new_chapter() -> None:
    clause = ("Se reforma la denominación del Título Sexto, el cual tendrá un Capítulo Único "
              "denominado De la Inspección y Vigilancia, de la Ley de Instituciones de Crédito")
    instrument, _ = read_clause(clause)
    assert headings_of(clause) == ["tit_6"]
    assert instrument == "Ley de Instituciones de Crédito"


def test_constitution_named_after_the_placement() -> None:
    instrument, _ = read_clause("Se adicionan dos últimos párrafos al artículo 28, para quedar "
                                "como actuales párrafos vigésimo y vigésimo primero, de la "
                                "Constitución Política de los Estados Unidos Mexicanos")
    assert instrument == "Constitución Política de los Estados Unidos Mexicanos"


def test_instrument_name_with_a_verb_in_it() -> None:
    instrument, _ = read_clause("Se reforman los artículos Primero, fracción II y Tercero del "
                                "Acuerdo por el que se modifica el diverso X")
    assert instrument == "Acuerdo por el que se modifica el diverso X"


# --- 10. real clause shapes of issue #13 item 4 (LOAPF, CPEUM, CPF decrees) -------------------
ShiftRow = tuple[str, str, str | None, bool]


def shifts_of(clause: str) -> list[ShiftRow]:
    """(verb, label, new label, shifts) of each directive."""
    _, directives = read_clause(clause)
    return [(str(d.verb), d.label, d.new_label, d.shifts) for d in directives]


@pytest.mark.parametrize(("clause", "expected"), [
    # a list goes on after a sub-locator; an addition names its article first
    ("Se reforman los artículos 29, fracciones IV y XVI; 30 Bis, fracciones I, párrafo primero, II "
     "y III, y se adicionan al artículo 30 Bis, fracción I, el párrafo segundo, y las fracciones "
     "XXV y XXVI, recorriéndose la actual en su orden, de la Ley Orgánica de la Administración "
     "Pública Federal, para quedar como sigue:",
     [("reforma", "art_29__frac_iv", None, False), ("reforma", "art_29__frac_xvi", None, False),
      ("reforma", "art_30-bis__frac_i__par_1", None, False),
      ("reforma", "art_30-bis__frac_ii", None, False),
      ("reforma", "art_30-bis__frac_iii", None, False),
      ("adiciona", "art_30-bis__frac_i__par_2", None, False),
      ("adiciona", "art_30-bis__frac_xxv", None, True),
      ("adiciona", "art_30-bis__frac_xxvi", None, True)]),
    ("Se reforman los artículos 17-F, último párrafo; 17-H Bis, fracciones I, segundo párrafo, y "
     "II, del Código Fiscal de la Federación",
     [("reforma", "art_17-f__par_ultimo", None, False),
      ("reforma", "art_17-h-bis__frac_i__par_2", None, False),
      ("reforma", "art_17-h-bis__frac_ii", None, False)]),
    # several additions, each with its own "recorriéndose …" and its own article
    ("Se adicionan un párrafo quinto, recorriéndose en su orden los subsecuentes, al artículo 4o. "
     "y un párrafo segundo, recorriéndose en su orden los subsecuentes, al artículo 5o. de la "
     "Constitución Política de los Estados Unidos Mexicanos",
     [("adiciona", "art_4__par_5", None, True), ("adiciona", "art_5__par_2", None, True)]),
    ("Se adiciona un párrafo segundo, recorriéndose en su orden los actuales, al artículo 1051 del "
     "Código de Comercio", [("adiciona", "art_1051__par_2", None, True)]),
    # a trailing locator belongs to every item before it, down to the items' own level
    ("Se reforma el inciso e) y se adiciona el inciso o) de la fracción IV del artículo 116 de la "
     "Constitución Política de los Estados Unidos Mexicanos",
     [("reforma", "art_116__frac_iv__inc_e", None, False),
      ("adiciona", "art_116__frac_iv__inc_o", None, False)]),
    ("Se REFORMA la fracción IV y se ADICIONAN las fracciones V y VI al artículo 5o., recorriéndose "
     "la actual en su orden, de la Ley X",
     [("reforma", "art_5__frac_iv", None, False), ("adiciona", "art_5__frac_v", None, True),
      ("adiciona", "art_5__frac_vi", None, True)]),
    # renumbering phrased with ranges, "pasa a ser", "pasando … a ser …"
    ("Se adiciona una fracción III, recorriéndose las actuales fracciones III a V para pasar a ser "
     "IV a VI, del artículo 5o. de la Ley X",
     [("adiciona", "art_5__frac_iii", None, True),
      ("renumera", "art_5__frac_iii", "art_5__frac_iv", False),
      ("renumera", "art_5__frac_iv", "art_5__frac_v", False),
      ("renumera", "art_5__frac_v", "art_5__frac_vi", False)]),
    ("Se adiciona un párrafo tercero, pasando los actuales tercer a sexto párrafos a ser cuarto a "
     "séptimo párrafos del artículo 69 del Código Fiscal de la Federación",
     [("adiciona", "art_69__par_3", None, True)] +
     [("renumera", f"art_69__par_{n}", f"art_69__par_{n + 1}", False) for n in (3, 4, 5, 6)]),
    ("Se adicionan un párrafo cuarto y un párrafo quinto al artículo 2o., y un párrafo tercero al "
     "artículo 103, pasando el actual tercero a ser cuarto y el cuarto a ser quinto; y se reforman "
     "el párrafo primero y la fracción segunda del artículo 103, ambos de la Ley de Instituciones "
     "de Crédito",
     [("adiciona", "art_2__par_4", None, False), ("adiciona", "art_2__par_5", None, False),
      ("adiciona", "art_103__par_3", None, True),
      ("renumera", "art_103__par_3", "art_103__par_4", False),
      ("renumera", "art_103__par_4", "art_103__par_5", False),
      ("reforma", "art_103__par_1", None, False), ("reforma", "art_103__frac_ii", None, False)]),
    ("Se adiciona un tercer párrafo, pasando el actual a ser cuarto al artículo 1255 del Código de "
     "Comercio", [("adiciona", "art_1255__par_3", None, True),
                  ("renumera", "art_1255__par_3", "art_1255__par_4", False)]),
    # a párrafo whose parent is named after it, inside an article-first list
    ("Se REFORMAN los Artículos 3o., segundo párrafo; 4o., primer párrafo de la Fracción I; 5o., "
     "segundo párrafo de la Ley del Impuesto al Valor Agregado",
     [("reforma", "art_3__par_2", None, False), ("reforma", "art_4__frac_i__par_1", None, False),
      ("reforma", "art_5__par_2", None, False)]),
    # ranges of articles numbered with a Latin qualifier and a counter (LIC, Código de Comercio)
    ("Se reforman los artículos 109 Bis a 109 Bis 3 y 138 a 140 Bis de la Ley X",
     [("reforma", f"art_{n}", None, False) for n in ("109-bis", "109-bis-1", "109-bis-2",
                                                     "109-bis-3", "138", "139", "140", "140-bis")]),
    # each item's renumbering under its own article ("a convertirse en", "del mismo artículo")
    ("Se adicionan una fracción XII al artículo 125, pasando la actual XII a convertirse en la "
     "fracción XIII del mismo artículo; una fracción XVIII al artículo 131, pasando la actual "
     "XVIII a convertirse en la fracción XIX del mismo artículo; y el artículo 17 Bis de la Ley X",
     [("adiciona", "art_125__frac_xii", None, True),
      ("renumera", "art_125__frac_xii", "art_125__frac_xiii", False),
      ("adiciona", "art_131__frac_xviii", None, True),
      ("renumera", "art_131__frac_xviii", "art_131__frac_xix", False),
      ("adiciona", "art_17-bis", None, False)]),
    # a new container placed after what it comprises ("…, que comprende …, al Título Segundo")
    ("Se adicionan un Capítulo III, denominado \"De las Filiales\", que comprende los artículos "
     "45-A a 45-C, al Título Segundo, y se DEROGAN las fracciones I y II del artículo 102 de la "
     "Ley de Instituciones de Crédito",
     [("adiciona", "tit_2__cap_3", None, False), ("adiciona", "art_45-a", None, False),
      ("adiciona", "art_45-b", None, False), ("adiciona", "art_45-c", None, False),
      ("deroga", "art_102__frac_i", None, False), ("deroga", "art_102__frac_ii", None, False)]),
    # Latin qualifiers followed by a number are one article each
    ("Se ADICIONAN los artículos 48 Bis 1, 48 Bis 2 y 48 Bis 3; y se adicionan los artículos 112 "
     "Sextus y 112 Séptimus de la Ley de Instituciones de Crédito",
     [("adiciona", f"art_48-bis-{n}", None, False) for n in (1, 2, 3)] +
     [("adiciona", "art_112-sextus", None, False), ("adiciona", "art_112-septimus", None, False)]),
])
def test_real_clause_shapes(clause: str, expected: list[ShiftRow]) -> None:
    assert shifts_of(clause) == expected


# --- 8. units the grammar does not model ------------------------------------------------------
@pytest.mark.parametrize(("clause", "noun"), [
    # reglas and lineamientos are read (tests/test_amend_agency_units.py), dotted ones are not
    ("Se reforman las reglas 3.1 y 3.2 de las Reglas de Operación X", "numeración decimal"),
    ("Se reforma la viñeta 2 del numeral 4 del Manual X", "viñeta"),
    ("Se reforma el subinciso i) del inciso a) de la fracción II del artículo 5 de la Ley X",
     "subinciso"),
    ("Se reforma el punto 5 del Acuerdo X", "punto"),
    ("Se reforma el Anexo 3 de las Reglas X", "anexo"),
    ("Se reforma la tabla 2 del numeral 5 de la Norma X", "tabla"),
    ("Se reforman los códigos 0301.99.01 y 0302.89.01 del artículo 1o. de la Ley X", "código"),
    ("Se adiciona una nota 4 al artículo 1o. de la Ley X", "nota"),
    ("Se reforma la base III del artículo 41 de la Constitución", "base"),
    ("Se reforman los numerales 4.1 y 4.2 de la Norma Oficial Mexicana X", "numeración decimal"),
])
def test_unmodelled_units_raise(clause: str, noun: str) -> None:
    with pytest.raises(AmendmentError, match=noun):
        read_clause(clause)


@pytest.mark.parametrize("clause", [
    # no verb of its own: prose, a relative clause, a future tense, a noun
    "Que modifica el artículo 5 del Reglamento X, para quedar como sigue:",
    "La Secretaría, que modifica sus reglas cada año, publica el Acuerdo X.",
    "La Secretaría modificará la fracción II del artículo 5 del Acuerdo X.",
    "La Secretaría publica la reforma del artículo 5 del Acuerdo X.",
    "El presente Acuerdo entrará en vigor al día siguiente de su publicación.",
    "La Secretaría emite el presente Acuerdo que modifica el Artículo Tercero del Acuerdo X, para "
    "quedar como sigue:",
])
def test_no_operative_verb(clause: str) -> None:
    with pytest.raises(AmendmentError):
        read_clause(clause)


# --- 6 and 9: the real acuerdos ----------------------------------------------------------------
SADER = "DOF_2026-07-31_MAT_SADER_ACUERDO_modifica_similar_veda_atun_codigo-5795172.body_text.txt"
ASEA = ("DOF_2024-04-01_MAT_ASEA_ACUERDO_modifica-adiciona-deroga_Convocatoria_"
        "NOM-007-ASEA-2016.marker.md")


def test_sader_acuerdo_authority_as_subject(samples: Path) -> None:
    """Real DOF 31/07/2026 (body text as the scraper keeps it: one line)."""
    text = (samples / "texts" / SADER).read_text(encoding="utf-8")
    amendment = parse_amendment(text)
    (article,) = amendment.articles
    assert [(str(d.verb), d.label) for d in article.directives] == [
        ("reforma", "art_1__apt_b"), ("reforma", "art_2__apt_b"), ("reforma", "art_3")]
    assert article.instrument.startswith("Acuerdo por el que se establece veda temporal para la "
                                         "pesca comercial de atún aleta amarilla")
    # the preamble's "con fundamento en los artículos 26, fracción XI …" is not a target
    assert "art_26" not in {d.label for d in article.directives}


def test_sader_body_prose_is_not_an_operative_article() -> None:
    text = ("ACUERDO por el que se modifica el similar X\n"
            "ARTÍCULO ÚNICO. La Secretaría modifica el Artículo Tercero del Acuerdo X, para quedar "
            "como sigue:\n"
            "ARTÍCULO TERCERO. La Secretaría modifica la fracción II del programa anual cuando lo "
            "estime necesario.\n"
            "TRANSITORIO\n"
            "ÚNICO. El presente Acuerdo entrará en vigor el día de su publicación.\n")
    amendment = parse_amendment(text)
    assert [[d.label for d in a.directives] for a in amendment.articles] == [["art_3"]]


def _asea_clause(samples: Path) -> str:
    text = demarkdown((samples / "texts" / ASEA).read_text(encoding="utf-8"))
    start = text.index("ÚNICO. Se reforma")
    end = text.index("para quedar como sigue:\nCONVOCATORIA") + len("para quedar como sigue:")
    return " ".join(text[start + len("ÚNICO."):end].split())


def test_asea_subnumerales(samples: Path) -> None:
    """Real DOF 01/04/2024: the clause's subnumerales ("i.", "ii." in an inciso) are numerales
    under the inciso, labelled as the statute parser labels them (tests/test_subnumerales.py)."""
    _, directives = read_clause(_asea_clause(samples))
    assert [(str(d.verb), d.label) for d in directives if "__num_" in d.label] == [
        ("reforma", "sec_3__apt_a__inc_b__num_ii"),     # "el inciso b) y sus subnumerales ii y iii"
        ("reforma", "sec_3__apt_a__inc_b__num_iii"),
        ("reforma", "sec_3__apt_b__inc_a__num_i"),
        ("reforma", "sec_3__apt_b__inc_a__num_ii"),
        ("reforma", "sec_3__apt_b__inc_c__num_i"),
        ("adiciona", "sec_3__apt_a__inc_a__num_i"),
        ("adiciona", "sec_3__apt_b__inc_a__num_iii"),
        ("deroga", "sec_3__apt_a__inc_b__num_iv"),
        ("deroga", "sec_3__apt_a__inc_b__num_v"),
    ]


def test_asea_every_other_target(samples: Path) -> None:
    """The same clause with its subnumeral targets cut out: everything else is read as before."""
    clause = _asea_clause(samples)
    for cut in (r"y sus subnumerales ii y iii ", r"los subnumerales i, y ii del inciso a\) del "
                r"apartado B de la sección III; ", r"el subnumeral i del inciso c\) del apartado "
                r"B de la sección III; ", r"el subnumeral i al inciso a\) del apartado A de la "
                r"sección III; ", r"el subnumeral iii al inciso a\) del apartado B de la sección "
                r"III; ", r"los subnumerales iv y v del inciso b\) del apartado A de la sección "
                r"III; "):
        clause, count = re.subn(cut, "", clause)
        assert count == 1, cut
    instrument, directives = read_clause(clause)
    assert instrument.startswith("Convocatoria para obtener la Aprobación como Unidad de")
    got = [(str(d.verb), d.label, d.heading_only) for d in directives]
    assert got == [
        ("reforma", "", True),                          # la denominación de la Convocatoria
        ("reforma", "par_1", False),
        ("reforma", "sec_1__par_1", False),
        ("reforma", "sec_1__apt_a__inc_a", False),
        ("reforma", "sec_3__apt_a", True),              # "el título del apartado A …"
        ("reforma", "sec_3__apt_a__inc_a", False),
        ("reforma", "sec_3__apt_a__inc_b", False),
        ("reforma", "sec_3__apt_b", True),
        ("reforma", "sec_3__apt_b__inc_b", False),
        ("reforma", "sec_4", True),                     # "el título y los párrafos … de la sección IV"
        ("reforma", "sec_4__par_2", False),
        ("reforma", "sec_4__par_3", False),
        ("adiciona", "par_2", False),
        ("adiciona", "sec_3__apt_a__inc_a-bis", False),
        ("adiciona", "sec_3__apt_a__inc_c", False),
        ("adiciona", "sec_4__inc_a", False),            # "al segundo párrafo de la sección IV"
        ("adiciona", "sec_4__inc_b", False),
        ("adiciona", "sec_4__par_5", False),
        ("adiciona", "sec_4__par_6", False),
        ("adiciona", "sec_5", False),
        ("deroga", "sec_1__apt_b", False),
        ("deroga", "sec_2", False),
        ("deroga", "sec_4__par_1", False),
        ("deroga", "sec_4__par_4", False),
    ]


def test_clause_continued_on_the_next_line() -> None:
    """A page break inside the clause (ASEA: '… el subnumeral i al' / 'inciso a) …') is joined."""
    text = ("DECRETO por el que se reforma la Ley X\n"
            "ARTÍCULO ÚNICO.- Se reforman la fracción II y la fracción III del\n"
            "artículo 5 de la Ley X, para quedar como sigue:\n"
            "Artículo 5.- ...\n"
            "II. Nueva.\n"
            "III. Otra.\n"
            "TRANSITORIO\n"
            "ÚNICO.- Este Decreto entrará en vigor al día siguiente de su publicación.\n")
    (article,) = parse_amendment(text).articles
    assert [d.label for d in article.directives] == ["art_5__frac_ii", "art_5__frac_iii"]
    assert article.instrument == "Ley X"
