"""Instruments made of top-level numbered units (no artículos): manuales de organización,
lineamientos, convocatorias, NOMs. Their numerales ("1. Objetivo", "7 Bis.") or apartados
("IV. ATRIBUCIONES") are the top of the tree, labelled num_7-bis / apt_iv (DESIGN.md §1.2);
what is preamble, index, transitorio or signature is told apart by the text's own landmarks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from errors import ParseError
from parser import Document, Kind, classify_lines, parse_statute, read_statute
from parser.lines import LineKind, heading_like, top_level

ROOT = Path(__file__).resolve().parent.parent
AMENDMENTS = ROOT / "fixtures" / "amendments"


def labels(document: Document) -> list[str]:
    return [p.label for p in document.walk()]


def top(document: Document) -> list[str]:
    return [p.label for p in document.provisions]


@pytest.fixture(scope="module")
def manual() -> Document:
    return parse_statute((AMENDMENTS / "manual_organizacion_base.txt").read_text(encoding="utf-8"))


def test_manual_numerales_are_the_top_level(manual: Document) -> None:
    assert manual.title == "MANUAL de Organización General de la Secretaría de Salud."
    assert top(manual) == [f"num_{n}" for n in range(1, 10)] + ["tra_1", "tra_2"]
    index = manual.index()
    # "1. Objetivo": a title, then its paragraphs
    assert (index["num_1"].heading, index["num_1"].text) == ("Objetivo", "")
    assert [c.label for c in index["num_1"].children] == ["num_1__par_1", "num_1__par_2"]
    # "2. Marco jurídico: la Constitución …": a sentence is the numeral's own text
    assert index["num_2"].text.startswith("Marco jurídico: la Constitución Política")
    assert index["num_2"].kind is Kind.NUMERAL and index["num_2"].number == "2"
    # sub-items: fracciones and incisos, and the closing paragraph after the last inciso
    assert [c.label for c in index["num_8"].children] == [
        "num_8__par_1", "num_8__inc_a", "num_8__inc_b", "num_8__inc_c", "num_8__inc_d",
        "num_8__par_2"]
    assert "num_5__frac_iv" in index and "num_9__frac_iii" in index


def test_preamble_index_transitorios_and_signature_are_not_numerales(manual: Document) -> None:
    text = " ".join(p.text + p.heading for p in manual.walk())
    assert "he tenido a bien expedir" not in text                 # preamble
    assert "Rúbrica" not in text and "México, D.F." not in text    # signature
    # the ÍNDICE lists the numerales first; the numerales are read where the list comes again
    assert manual.index()["num_9"].heading == "Glosario"
    assert manual.index()["tra_2"].children[0].text.startswith("Se deja sin efectos")


def test_nom_note_with_index_and_decimal_items() -> None:
    """The fixture NOM (numerales only; a DOF note) is a document now, not a refusal."""
    document = read_statute((ROOT / "fixtures" / "dof" / "sidof" / "docFuente" / "5727102.html")
                            .read_bytes())
    assert top(document) == ["num_1", "num_2", "num_3", "num_4", "num_5", "tra_1"]
    assert document.index()["num_4"].heading == "Vigilancia"
    # decimal items ("1.1 Esta Norma …") have no label of their own (DESIGN §1.2): paragraphs
    assert document.index()["num_1__par_1"].text.startswith("1.1 Esta Norma")


def test_numeral_with_a_suffix() -> None:
    document = parse_statute("LINEAMIENTOS de Operación\n1. Objeto\nRegular la operación.\n"
                             "2. Ámbito: las unidades administrativas.\n"
                             "2 Bis. Sujetos obligados: las personas servidoras públicas.\n"
                             "3. Vigencia\nA partir de su publicación.\n")
    assert top(document) == ["num_1", "num_2", "num_2-bis", "num_3"]
    assert document.index()["num_2-bis"].number == "2 Bis"


def test_a_suffixed_number_in_a_text_with_articles_stays_prose() -> None:
    """'N Bis.' is read as a numeral only in texts without artículo headings."""
    document = parse_statute("Artículo 1.- Son autoridades:\n1. La Secretaría.\n"
                             "7 Bis. Texto que sigue en el artículo.\n")
    assert labels(document) == ["art_1", "art_1__par_1", "art_1__num_1", "art_1__par_2"]
    assert document.index()["art_1__par_2"].text.startswith("7 Bis.")


def test_roman_apartados_with_nested_fracciones() -> None:
    """'IV. ATRIBUCIONES' then fracciones I to VI: 'V. Proponer …' is the fracción (a
    sentence that goes on the inner list), 'V. MISIÓN Y VISIÓN' the apartado (a title)."""
    document = parse_statute((AMENDMENTS / "manual_apartados_base.txt").read_text(encoding="utf-8"))
    assert top(document) == ["apt_i", "apt_ii", "apt_iii", "apt_iv", "apt_v", "apt_vi", "apt_vii",
                             "apt_viii", "tra_1"]
    index = document.index()
    assert index["apt_iv"].heading == "ATRIBUCIONES" and index["apt_v"].heading == "MISIÓN Y VISIÓN"
    assert [c.label for c in index["apt_iv"].children] == [
        "apt_iv__par_1", *(f"apt_iv__frac_{n}" for n in ("i", "ii", "iii", "iv", "v", "vi"))]
    assert [c.label for c in index["apt_iii"].children] == [f"apt_iii__num_{n}" for n in range(1, 5)]
    # the unnumbered INTRODUCCIÓN before apartado I has no label: not a provision
    assert "Introducción" not in " ".join(p.text for p in document.walk())


def test_nested_numerales_restart_inside_a_numeral() -> None:
    """'1.' after '2.' is an inner list; '3. Misión' (a title, the next number) is the top."""
    document = parse_statute("MANUAL de Procedimientos\n1. Objetivo\nDescribir.\n"
                             "2. Políticas\nSe observarán las siguientes:\n"
                             "1. Registrar las solicitudes.\n2. Turnarlas en un día hábil.\n"
                             "3. Responder por escrito.\n3. Misión\nServir.\n4. Visión\nSer.\n")
    assert top(document) == ["num_1", "num_2", "num_3", "num_4"]
    assert [c.label for c in document.index()["num_2"].children] == [
        "num_2__par_1", "num_2__num_1", "num_2__num_2", "num_2__num_3"]


def test_numerales_in_chapters_carry_no_path() -> None:
    """Lineamientos with CAPÍTULO headings: numerales run on across chapters, like articles."""
    document = parse_statute("LINEAMIENTOS Generales\nCAPÍTULO I\nDisposiciones generales\n"
                             "1. Objeto\nRegular.\n2. Definiciones: las del glosario.\n"
                             "CAPÍTULO II\nDel procedimiento\n3. Solicitud\nPor escrito.\n")
    assert top(document) == ["cap_1", "cap_2"]
    assert labels(document) == ["cap_1", "num_1", "num_1__par_1", "num_2", "cap_2", "num_3",
                                "num_3__par_1"]


@pytest.mark.parametrize("text", [
    # a preamble's numbered recital before the formula is not a numeral
    "ACUERDO por el que se expide el Manual X.\nCONSIDERANDO\n1. Que la Ley lo prevé;\n"
    "he tenido a bien expedir el siguiente\nMANUAL X\n1. Objetivo\nOrientar.\n2. Alcance\nTodo.\n",
    # the transitorios close the list: their "1." belongs to the transitorio
    "MANUAL X\n1. Objetivo\nOrientar.\n2. Alcance\nTodo.\nTRANSITORIOS\nPrimero.- Entra en vigor:\n"
    "1. al día siguiente.\n",
    # the signature closes it too
    "MANUAL X\n1. Objetivo\nOrientar.\n2. Alcance\nTodo.\n"
    "Ciudad de México, a 3 de junio de 2024.- Rúbrica.\n3. Anexo suelto.\n",
])
def test_the_list_is_told_apart_from_preamble_transitorios_and_signature(text: str) -> None:
    document = parse_statute(text)
    assert [p.label for p in document.provisions if p.kind is Kind.NUMERAL] == ["num_1", "num_2"]
    assert document.index()["num_1"].children[0].text == "Orientar."


def test_a_numeral_that_says_it_emits_something_is_no_formula() -> None:
    document = parse_statute("LINEAMIENTOS X\n1. Objeto\nRegular.\n2. Criterios\n"
                             "La Secretaría emite los siguientes criterios de evaluación:\n"
                             "a) Eficacia;\nb) Eficiencia.\n3. Vigencia\nUn año.\n")
    assert top(document) == ["num_1", "num_2", "num_3"]


def test_transitorio_keeps_its_own_items() -> None:
    document = parse_statute("MANUAL X\n1. Objetivo\nOrientar.\nTRANSITORIOS\n"
                             "Primero.- Entra en vigor:\n1. al día siguiente.\n")
    assert labels(document) == ["num_1", "num_1__par_1", "tra_1", "tra_1__par_1", "tra_1__num_1"]


@pytest.mark.parametrize("text", [
    # a list that does not start at its first item is not a top-level list
    "MANUAL X\nTexto de presentación.\n3. Tercero\nAlgo.\n4. Cuarto\nAlgo más.\n",
    # a convenio's antecedentes and declarations are recitals, not provisions
    "CONVENIO de Coordinación que celebran la Secretaría y el Estado.\nANTECEDENTES\n"
    "I. Que el Plan Nacional de Desarrollo lo prevé.\nII. Que las partes lo acordaron.\n"
    "DECLARACIONES\nI. DE LA SECRETARÍA:\nI.1. Que es una dependencia.\nCLÁUSULAS\n"
    "PRIMERA.- OBJETO. Coordinar acciones.\n",
])
def test_what_is_not_a_numbered_instrument_is_still_refused(text: str) -> None:
    with pytest.raises(ParseError, match="numeral"):
        parse_statute(text)


def test_top_level_lines_for_a_partial_body() -> None:
    """In a body any number may come first; '3. a 6. ...' stands for top-level numerales."""
    lines = classify_lines("1. ...\n2. Marco jurídico: la Ley.\n3. a 6. ...\n7. Estructura\n"
                           "I. La oficina;\n7 Bis. Unidad nueva.\n")
    found = top_level(lines, partial=True)
    assert found is not None and found.kind is Kind.NUMERAL
    assert sorted(found.opens) == [0, 1, 2, 3]  # "7 Bis." is not a NUMERAL line before
    assert lines[4].kind is LineKind.FRACCION and 4 not in found.opens


@pytest.mark.parametrize(("text", "expected"), [
    ("Objetivo", True), ("MARCO JURÍDICO", True), ("IV. Presentación.".upper(), True),
    ("Marco jurídico: la Ley General de Salud.", False), ("Proponer los indicadores, y", False),
    ("Registrar;", False), ("", False),
])
def test_heading_like(text: str, expected: bool) -> None:
    assert heading_like(text) is expected


# --- lettered lists inside an article (the SADER veda acuerdo's form) -----------------------
def test_a_lettered_list_is_read_as_apartados_throughout() -> None:
    document = parse_statute("ACUERDO por el que se establece veda.\n"
                             "ARTÍCULO PRIMERO.- Se establece veda en los periodos siguientes:\n"
                             "A. Del 1 de julio al 8 de octubre de 2026.\n"
                             "B. Del 2 de agosto al 11 de noviembre de 2026.\n"
                             "C. Del 3 de septiembre al 12 de diciembre de 2026.\n"
                             "D. Del 4 de octubre al 13 de enero de 2027.\n"
                             "ARTÍCULO SEGUNDO.- Las embarcaciones elegirán uno.\n")
    assert labels(document) == ["art_1", "art_1__par_1", "art_1__apt_a", "art_1__apt_b",
                                "art_1__apt_c", "art_1__apt_d", "art_2", "art_2__par_1"]
    assert document.index()["art_1__apt_b"].text == "Del 2 de agosto al 11 de noviembre de 2026."


def test_c_and_d_open_apartados_only_where_a_lettered_list_goes_on() -> None:
    lines = classify_lines("Artículo 1.- Texto.\nC. Presidente de la República.\n"
                           "Artículo 2.- Periodos:\nA. [...]\nB. ...\nC. Del 3 de septiembre.\n")
    kinds = [(line.kind, line.number) for line in lines]
    assert kinds[1] == (LineKind.PARAGRAPH, "")
    assert kinds[3:] == [(LineKind.ELISION, "A"), (LineKind.ELISION, "B"),
                         (LineKind.APARTADO, "C")]
