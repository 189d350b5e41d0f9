"""Bodies as decrees print them: a transitorio of the amended instrument restated, a table the
body restates, and operative articles that name no instrument."""

from __future__ import annotations

from pathlib import Path

import pytest

from diffing import ChangeType, amend
from parser import Kind, classify_lines, parse_amendment, parse_statute
from parser.body import BodyUnit, build_body

BASE = parse_statute(
    "ACUERDO por el que se determina la circunscripción territorial de las oficinas\n"
    "Artículo 4.- Las oficinas tendrán la circunscripción siguiente:\n"
    "ZONA NORTE\n| ESTADO | OFICINA |\n| Sonora | Hermosillo |\n"
    "Artículo 5.- Se delegan las facultades.\n"
    "TRANSITORIOS\nPRIMERO.- Entrará en vigor al día siguiente.\n"
    "SEXTO.- En tanto se nombra a los titulares, las atribuciones se delegan en la Dirección.\n")
_TAIL = ("TRANSITORIOS\nPRIMERO. El presente Acuerdo entrará en vigor al día siguiente de su "
         "publicación en el Diario Oficial de la Federación.\n")


@pytest.mark.parametrize("head", ["SEXTO TRANSITORIO.", "SEXTO  TRANSITORIO.-", "Sexto Transitorio.-",
                                  "ARTÍCULO SEXTO TRANSITORIO.-", "Sexto transitorio:"])
def test_a_restated_transitorio_replaces_the_bases(head: str) -> None:
    outcome = amend(BASE, "ARTÍCULO ÚNICO. Se modifica el artículo Sexto Transitorio del Acuerdo "
                          "por el que se determina la circunscripción territorial de las oficinas, "
                          f"para quedar como sigue:\n{head} En tanto se nombra a los titulares, las "
                          f"atribuciones se delegan en la Unidad.\n{_TAIL}")
    assert [(c.label, c.type) for c in outcome.changes] == [("tra_6__par_1", ChangeType.MODIFIED)]
    assert outcome.changes[0].after == ("En tanto se nombra a los titulares, las atribuciones se "
                                        "delegan en la Unidad.")
    assert outcome.discrepancies == ()


def test_prose_that_mentions_a_transitorio_is_no_restatement() -> None:
    (unit,) = build_body(classify_lines("Artículo 5.- Lo dispuesto en el Sexto Transitorio. Nada "
                                       "más.\nEl presente transitorio. Se aplica.\n"))
    assert isinstance(unit, BodyUnit) and unit.kind is Kind.ARTICULO
    assert [c.kind for c in unit.children] == [Kind.PARRAFO, Kind.PARRAFO]


def test_a_restated_table_is_new_text_not_lost() -> None:
    outcome = amend(BASE, "ARTÍCULO PRIMERO. Se modifica el artículo 4 del Acuerdo por el que se "
                          "determina la circunscripción territorial de las oficinas, para quedar "
                          "como sigue:\nArtículo 4.- …\nZONA NORTE\n| ESTADO | OFICINA |\n"
                          "| Sonora | Hermosillo y Guaymas |\n" + _TAIL)
    (change,) = outcome.changes
    assert (change.label, change.type) == ("art_4__par_2", ChangeType.MODIFIED)
    assert change.after == "ZONA NORTE\n| ESTADO | OFICINA |\n| Sonora | Hermosillo y Guaymas |"
    assert outcome.discrepancies == ()


def test_a_table_straight_after_an_elided_article_head_is_a_paragraph_of_its_own() -> None:
    (unit,) = build_body(classify_lines("Artículo 4.- …\n| Sonora | Hermosillo |\n"))
    assert isinstance(unit, BodyUnit)
    assert [getattr(c, "text", None) for c in unit.children] == [None, "| Sonora | Hermosillo |"]


def test_operative_articles_that_name_no_instrument_all_apply() -> None:
    # 'Se modifica el artículo 4 del "ACUERDO por el que …"': a name the clause reader may miss
    outcome = amend(BASE, "ARTÍCULO PRIMERO. Se modifica el artículo 5, para quedar como sigue:\n"
                          "Artículo 5.- Se delegan las facultades y atribuciones.\n"
                          "ARTÍCULO SEGUNDO. Se modifica el artículo Sexto Transitorio, para quedar "
                          "como sigue:\nSEXTO TRANSITORIO. En tanto se nombra a los titulares, las "
                          "atribuciones se delegan en la Unidad.\n" + _TAIL)
    assert [c.label for c in outcome.changes] == ["art_5__par_1", "tra_6__par_1"]
    assert outcome.discrepancies == ()


DECRETO_LEY_X = parse_statute(
    "DECRETO por el que se expide la Ley X\nArtículo Único.- Se expide la Ley X.\nTRANSITORIOS\n"
    "PRIMERO.- Entrará en vigor al día siguiente.\n"
    "SEGUNDO.- El Ejecutivo emitirá el reglamento en un plazo de 90 días.\n"
    "TERCERO.- Se derogan las disposiciones que se opongan.\n")


@pytest.mark.parametrize("body", [
    "Segundo.- El Ejecutivo emitirá el reglamento en un plazo de 180 días.",
    "SEGUNDO.- El Ejecutivo emitirá el reglamento en un plazo de 180 días.",
    "Transitorios\nPrimero.- ...\nSegundo.- El Ejecutivo emitirá el reglamento en un plazo de 180 "
    "días.",
    "TRANSITORIOS\nPRIMERO.- …\nSEGUNDO.- El Ejecutivo emitirá el reglamento en un plazo de 180 "
    "días.\nTERCERO.- …",
    "Artículo Segundo Transitorio.- El Ejecutivo emitirá el reglamento en un plazo de 180 días.",
])
def test_a_decree_amending_another_decrees_transitorio(body: str) -> None:
    outcome = amend(DECRETO_LEY_X, "ARTÍCULO ÚNICO.- Se reforma el artículo Segundo Transitorio del "
                                   "Decreto por el que se expide la Ley X, para quedar como sigue:\n"
                                   f"{body}\nTRANSITORIO\nÚNICO.- El presente Decreto entrará en "
                                   "vigor al día siguiente de su publicación.\n")
    assert [(c.label, c.type) for c in outcome.changes] == [("tra_2__par_1", ChangeType.MODIFIED)]
    assert outcome.changes[0].after == "El Ejecutivo emitirá el reglamento en un plazo de 180 días."
    assert outcome.discrepancies == ()
    (own,) = outcome.transitorios                 # the decree's own transitorio, not the restated
    assert own.text.startswith("El presente Decreto entrará en vigor")


def test_ordinal_articles_stay_articles_when_the_clause_names_articles() -> None:
    base = parse_statute("ACUERDO X\nARTÍCULO PRIMERO.- Uno.\nARTÍCULO SEGUNDO.- Dos.\n")
    outcome = amend(base, "ÚNICO.- Se modifica el Artículo Segundo del Acuerdo X, para quedar como "
                          "sigue:\nSEGUNDO.- Dos y tres.\nTRANSITORIO\nÚNICO.- Entrará en vigor "
                          "el día de su publicación.\n")
    assert [(c.label, c.type) for c in outcome.changes] == [("art_2__par_1", ChangeType.MODIFIED)]


def test_an_index_restated_in_the_body_does_not_end_it() -> None:
    # the index ("Contenido") an instrument restates lists "ARTÍCULOS TRANSITORIOS" before its
    # articles: the decree's own transitorios are the last heading before the signature
    base = parse_statute("BASES X\nTÍTULO PRIMERO\nDISPOSICIONES GENERALES\n"
                         "Artículo 1. Objeto de las Bases.\nArtículo 2. Ámbito de las Bases.\n")
    outcome = amend(base, "ÚNICO. Se MODIFICAN el Contenido y los artículos 1 y 2 de las Bases X, "
                          "para quedar como sigue:\nContenido\nTÍTULO PRIMERO\n...\n"
                          "ARTÍCULOS TRANSITORIOS\nANEXOS\nArtículo 1. Objeto nuevo de las Bases."
                          "\nArtículo 2. Ámbito nuevo de las Bases.\nTRANSITORIO\nARTÍCULO ÚNICO. "
                          "El presente Acuerdo entrará en vigor al día siguiente de su aprobación."
                          "\nDado en la Ciudad de México, a 1 del mes de marzo de dos mil "
                          "veinticuatro.- Rúbrica.\n")
    assert [(c.label, c.type) for c in outcome.changes] == [
        ("art_1__par_1", ChangeType.MODIFIED), ("art_2__par_1", ChangeType.MODIFIED)]
    (own,) = outcome.transitorios
    assert own.text.startswith("El presente Acuerdo entrará en vigor")


def test_the_imss_bases_acuerdo_keeps_its_articles(samples: Path) -> None:
    # DOF 18/03/2024 (docling): "ÚNICO. Se MODIFICAN el Contenido; los artículos 1, 2; …" restates
    # the index with its "ARTÍCULOS TRANSITORIOS" line, then the articles, then "## TRANSITORIO"
    text = (samples / "texts" / "DOF_2024-03-18_MAT_edicion_parcial_docling.md").read_text(
        encoding="utf-8")
    start = text.index("ACUERDO  por  el  que  se  modifican,  adicionan  y  derogan  las  Bases",
                       text.index("## SERVICIOS DE SALUD"))
    end = text.index("## ANEXO 1", start)
    (article,) = parse_amendment(text[start:end]).articles
    kinds = {unit.kind for unit in article.body}
    assert Kind.TRANSITORIO not in kinds
    numbers = [unit.number for unit in article.body if unit.kind is Kind.ARTICULO]
    assert numbers[:5] == ["1", "2", "3", "4", "5"] and numbers[-1] == "23"
    (own,) = parse_amendment(text[start:end]).transitorios
    assert own.text.startswith("El presente Acuerdo y sus anexos entrarán en vigor")
