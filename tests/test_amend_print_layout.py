"""One decree, four prints (fixtures/amendments/printed/, our own text laid out as each converter
lays out the real DOF): plain lines, pypdf hard-wrapped with the running header glued mid-sentence,
docling Markdown and gemini OCR. Whatever printed it, the reading is the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffing import AmendmentOutcome, amend
from parser import FindingKind, LineKind, classify_lines, parse_amendment, parse_statute
from parser.lines import starts_unit
from parser.print_layout import printed_text
from parser.wrapping import logical_lines

PRINTED = Path(__file__).resolve().parent.parent / "fixtures" / "amendments" / "printed"
LAYOUTS = ["decreto_plano.txt", "decreto_pypdf.txt", "decreto_docling.md", "decreto_gemini.md"]


def outcome(name: str) -> AmendmentOutcome:
    base = parse_statute((PRINTED / "ley_archivos_base.txt").read_text(encoding="utf-8"))
    return amend(base, (PRINTED / name).read_text(encoding="utf-8"))


def test_the_plain_print_reads_as_the_clause_says() -> None:
    plain = outcome("decreto_plano.txt")
    assert [(str(i.verb), i.target) for i in plain.instructions] == [
        ("reforma", "art_2__frac_iii"), ("reforma", "art_2__frac_iv"),
        ("reforma", "art_5__inc_b"), ("adiciona", "art_2__frac_v")]
    assert [(str(c.type), c.label) for c in plain.changes] == [
        ("modified", "art_2__frac_iii"), ("modified", "art_2__frac_iv"),
        ("added", "art_2__frac_v"), ("modified", "art_5__inc_b")]
    assert plain.discrepancies == ()
    assert plain.document == "Ley General de Archivos de Prueba"


@pytest.mark.parametrize("layout", LAYOUTS[1:])
def test_every_print_gives_the_same_reading(layout: str) -> None:
    plain, printed = outcome("decreto_plano.txt"), outcome(layout)
    assert printed.instructions == plain.instructions
    assert printed.changes == plain.changes            # texts included: no furniture, no marks
    assert printed.discrepancies == ()
    assert printed.document == plain.document
    assert printed.entry_into_force == plain.entry_into_force


def test_glued_headers_are_reported_on_their_lines() -> None:
    amendment = parse_amendment((PRINTED / "decreto_pypdf.txt").read_text(encoding="utf-8"))
    assert [(f.kind, f.line) for f in amendment.findings] == [
        (FindingKind.FURNITURE, 11), (FindingKind.FURNITURE, 17)]


def test_a_converters_own_remark_is_dropped_and_reported() -> None:
    text = (PRINTED / "decreto_gemini.md").read_text(encoding="utf-8")
    amendment = parse_amendment(text)
    (finding,) = amendment.findings
    assert finding.kind is FindingKind.CONVERTER_TEXT
    assert finding.line == text.splitlines().index(
        "Ten en cuenta que esta transcripción se basa en la imagen proporcionada y puede "
        "contener errores.") + 1
    assert "convertidor" in finding.message


def test_paragraph_layouts_keep_their_line_numbers() -> None:
    text = (PRINTED / "decreto_docling.md").read_text(encoding="utf-8")
    (article,) = parse_amendment(text).articles
    restated = article.body[0]
    assert restated.lineno == text.splitlines().index("Artículo 2.- …") + 1


# --- print_layout on its own: forms from the real converters -----------------------------------
@pytest.mark.parametrize("ellipsis", ["...", "…", ". . .", "..", "[...]", "[…]", "……..",
                                      ". . . . .", "………", "**...**"])
def test_every_ellipsis_form_is_an_elision(ellipsis: str) -> None:
    for line in (ellipsis, f"II. {ellipsis}", f"Artículo 5.- {ellipsis}"):
        (classified,) = classify_lines(printed_text(line).text)
        assert classified.kind is LineKind.ELISION or classified.elided, line


@pytest.mark.parametrize("furniture", [
    "Viernes 17 de enero de 2025 DIARIO OFICIAL (Primera Sección) 5",
    "6 DIARIO OFICIAL (Primera Sección) Viernes 17 de enero de 2025",
    "DIARIO OFICIAL Viernes 12 de abril de 2024",
    "## DIARIO OFICIAL", "**Viernes 12 de abril de 2024**", "**108**", "113",
    "(Segunda Sección)", "{12}------------------------------------------------", "<!-- image -->",
    "## DIARIO OFICIAL - Viernes 12 de abril de 2024", "# Diario Oficial - Viernes 12 de abril de 2024",
    "## Viernes 12 de abril de 2024 - DIARIO OFICIAL - Página 113",
    "**Viernes 12 de abril de 2024**  **108**", "**Viernes 12 de abril de 2024**  Página 109",
    "| 6 | DIARIO OFICIAL | Lunes 1 de abril de 2024 |", "---",
])
def test_page_furniture_between_the_halves_of_a_sentence(furniture: str) -> None:
    text = f"I. Los sujetos obligados que se\n\n{furniture}\n\nidentifican con su nombre, y\n"
    lines = [line for line in printed_text(text).text.splitlines() if line]
    assert lines == ["I. Los sujetos obligados que se identifican con su nombre, y"]


@pytest.mark.parametrize(("before", "after"), [
    ("ii. Construcción y Pre-Arranque, y", "iii. Operación y Mantenimiento."),   # ASEA, p. 2-3
    ("El plazo vence el día hábil siguiente.", "Las autoridades vigilarán su cumplimiento."),
    ("a) Conservar sus archivos;", "b) Organizar sus documentos, y"),
    ("I. Archivo: conjunto de documentos, y", "II. Documento: registro."),
])
def test_a_page_break_between_units_or_sentences_joins_nothing(before: str, after: str) -> None:
    text = f"{before}\n\nDIARIO OFICIAL\n\nViernes 12 de abril de 2024\n\n{after}\n"
    assert [line for line in printed_text(text).text.splitlines() if line] == [before, after]


@pytest.mark.parametrize("head", ["## ARTICULO SEGUNDO", "**ARTÍCULO ÚNICO.**", "ARTÍCULO PRIMERO.-",
                                  "## SEXTO TRANSITORIO"])
def test_a_head_alone_on_its_line_takes_the_text_below(head: str) -> None:
    text = f"{head}\n\nSe modifica el artículo 4 del Acuerdo, para quedar como sigue:\n"
    (line,) = [line for line in printed_text(text).text.splitlines() if line]
    assert line.endswith(".- Se modifica el artículo 4 del Acuerdo, para quedar como sigue:")


def test_a_head_before_a_unit_stays_alone() -> None:
    text = "## ARTÍCULO PRIMERO\n\nI. Texto de la fracción.\n"
    assert [line for line in printed_text(text).text.splitlines() if line] == [
        "ARTÍCULO PRIMERO", "I. Texto de la fracción."]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_printed_text_is_a_fixed_point(layout: str) -> None:
    once = printed_text((PRINTED / layout).read_text(encoding="utf-8")).text
    assert printed_text(once).text == once


_WORD = st.text(alphabet="abcdefghijklmnñopqrstuvwxyzáéíóú", min_size=1, max_size=8)


@given(st.lists(st.lists(_WORD, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=8))
def test_plain_prose_passes_unchanged(paragraphs: list[str]) -> None:
    text = "\n".join(p.capitalize() + "." for p in paragraphs) + "\n"
    assert printed_text(text).text == text


def test_a_header_on_a_line_of_its_own_in_wrapped_text() -> None:
    glued = (PRINTED / "decreto_pypdf.txt").read_text(encoding="utf-8")
    header = "6 DIARIO OFICIAL (Primera Sección) Viernes 17 de enero de 2025"
    alone = glued.replace(f" {header} \n", f" \n{header} \n\f")
    assert alone != glued
    base = parse_statute((PRINTED / "ley_archivos_base.txt").read_text(encoding="utf-8"))
    assert amend(base, alone).changes == outcome("decreto_plano.txt").changes


def test_a_page_turn_keeps_a_heading_off_the_last_sentence(samples: Path) -> None:
    # DOF 11/01/2023 (pypdf): "… diversos servidores. Miércoles 11 de enero de 2023 DIARIO
    # OFICIAL 3" / "DECLARACIONES"; "… participar en la 4 DIARIO OFICIAL …" / "su scripción …"
    text = (samples / "texts" / "DOF_2023-01-11_MAT_paginas_1-20_pypdf.txt").read_text(
        encoding="utf-8")
    printed = printed_text(text)
    assert "DIARIO OFICIAL" not in printed.text
    assert sum(f.kind is FindingKind.FURNITURE for f in printed.findings) >= 10
    logical = [line for _, line, _, _ in logical_lines(printed.text, starts_unit)]
    assert "DECLARACIONES" in logical
    assert any(line.endswith("mediante la adquisición de diversos servidores.") for line in logical)
    assert any("necesarias para participar en la su scripción del presente" in line
               for line in logical)


_BODY = ("Artículo 6.- Toda la información es pública y accesible.\nTransitorio\nÚnico.- El "
         "presente Decreto entrará en vigor al día siguiente de su publicación en el Diario "
         "Oficial de la Federación.\n")
_CLAUSE = ("Artículo Único.- Se reforma el artículo 6 de la Ley General de Archivos de Prueba, "
           "para quedar como sigue:\n")


@pytest.mark.parametrize("head", [
    "LA COMISIÓN PERMANENTE DEL HONORABLE CONGRESO DE LA UNIÓN, EN USO DE LA FACULTAD QUE LE "
    "CONFIERE EL ARTÍCULO 135 DE LA CONSTITUCIÓN GENERAL DE LA REPÚBLICA Y PREVIA LA APROBACIÓN "
    "DE LAS CÁMARAS, DECLARA SE REFORMA EL ARTÍCULO 6 DE LA LEY GENERAL DE ARCHIVOS DE PRUEBA.\n"
    + _CLAUSE,
    "D E C L A R A\nSE REFORMA EL ARTÍCULO 6 DE LA LEY GENERAL DE ARCHIVOS DE PRUEBA.\n" + _CLAUSE,
    "EL CONGRESO GENERAL DE LOS ESTADOS UNIDOS MEXICANOS, D E C R E T A: SE REFORMA EL ARTÍCULO "
    "6 DE LA LEY GENERAL DE ARCHIVOS DE PRUEBA.\n" + _CLAUSE,
    "DECRETO POR EL QUE SE REFORMA EL ARTÍCULO 6 DE LA LEY GENERAL DE ARCHIVOS DE PRUEBA\n"
    + _CLAUSE,
    "EL CONGRESO GENERAL DE LOS ESTADOS UNIDOS MEXICANOS, D E C R E T A:\nARTÍCULO ÚNICO.- SE "
    "REFORMA EL ARTÍCULO 6 DE LA LEY GENERAL DE ARCHIVOS DE PRUEBA, PARA QUEDAR COMO SIGUE:\n",
    "EL CONGRESO GENERAL DE LOS ESTADOS UNIDOS MEXICANOS, D E C R E T A:\nSE REFORMA EL "
    "ARTÍCULO 6 DE LA LEY GENERAL DE ARCHIVOS DE PRUEBA, PARA QUEDAR COMO SIGUE:\n",
    "ARTÍCULO ÚNICO.- Se REFORMA el artículo 6 de la Ley General de Archivos de Prueba, para "
    "quedar como sigue:\n",
])
def test_the_clause_after_the_enacting_words(head: str) -> None:
    base = parse_statute((PRINTED / "ley_archivos_base.txt").read_text(encoding="utf-8"))
    read = amend(base, head + _BODY)
    assert [(str(i.verb), i.target) for i in read.instructions] == [("reforma", "art_6")]
    assert [(c.label, str(c.type)) for c in read.changes] == [("art_6__par_1", "modified")]
    assert read.discrepancies == ()


def test_the_outcome_carries_the_findings_to_amend_json() -> None:
    read = outcome("decreto_pypdf.txt")
    assert [(f["kind"], f["line"]) for f in read.to_json()["findings"]] == [
        ("furniture", 11), ("furniture", 17)]
    assert outcome("decreto_plano.txt").to_json()["findings"] == []


@pytest.mark.parametrize(("line", "kept"), [
    ("DIARIO OFICIAL - Viernes 12 de abril de 2024 a. Los montos de los recursos;",
     "a. Los montos de los recursos;"),                                          # gemini
    ("mediante la adquisición de diversos servidores. Miércoles 11 de enero de 2023 DIARIO "
     "OFICIAL 3", "mediante la adquisición de diversos servidores."),             # pypdf
    ("publicado en el DIARIO OFICIAL de la Federación el 12 de abril de 2024.",
     "publicado en el DIARIO OFICIAL de la Federación el 12 de abril de 2024."),  # prose stays
    ("conforme al artículo 5 del Diario Oficial", "conforme al artículo 5 del Diario Oficial"),
])
def test_a_header_glued_to_a_line(line: str, kept: str) -> None:
    assert printed_text(line).text == kept + "\n"


def test_a_dash_or_star_in_a_plain_print_is_the_dofs_own() -> None:
    plain = "I. Las personas siguientes:\n- Titulares de las oficinas;\n* Nota del cuadro.\n"
    assert printed_text(plain).text == plain
    markdown = "## DECRETO\n- I. Las personas siguientes:\n* **Titulares** de las oficinas;\n"
    assert printed_text(markdown).text == ("DECRETO\nI. Las personas siguientes:\n"
                                           "Titulares de las oficinas;\n")


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_clause_joined_to_the_first_line_of_its_body(gap: str) -> None:
    text = ("**ARTÍCULO ÚNICO.** Se reforma el artículo 6 de la Ley General de Archivos de Prueba, "
            f"para quedar como sigue: **Artículo 6.-** Toda la información es pública.{gap}"
            f"## TRANSITORIO{gap}**ÚNICO.-** El presente Decreto entrará en vigor al día "
            "siguiente de su publicación.\n")
    base = parse_statute((PRINTED / "ley_archivos_base.txt").read_text(encoding="utf-8"))
    read = amend(base, text)
    assert [(c.label, str(c.type)) for c in read.changes] == [("art_6__par_1", "modified")]
    assert read.discrepancies == ()
    if gap == "\n\n":                                  # the blank line below took it
        assert printed_text(text).text.splitlines()[1] == "Artículo 6.- Toda la información es pública."


def test_a_new_denomination_after_the_colon_stays_in_the_clause() -> None:
    line = ("ÚNICO. Se reforma la denominación de la Convocatoria para quedar como sigue: "
            "Convocatoria dirigida a las Unidades de Inspección.")
    assert printed_text(line).text == line + "\n"


def test_a_text_whose_line_breaks_were_collapsed() -> None:
    # as a scraper keeps a note's body_text: every break a space (notes corpus, DOF 31/07/2026)
    base = parse_statute("ACUERDO X\nARTÍCULO PRIMERO.- Se establece veda en los periodos:\n"
                         "A. Del 1 de enero al 31 de enero.\nB. Del 1 de julio al 31 de julio.\n"
                         "ARTÍCULO SEGUNDO.- Las embarcaciones deberán:\nI. Notificar su periodo;"
                         "\nII. Portar su permiso, y\nIII. Reportar su captura.\n"
                         "ARTÍCULO TERCERO.- La CONAPESCA vigilará el presente Acuerdo.\n")
    prose = " ".join(["Que la veda es una medida de manejo de los recursos pesqueros;"] * 40)
    collapsed = (f"ACUERDO por el que se modifica el similar X. CONSIDERANDO {prose} ACUERDO "
                 "ARTÍCULO ÚNICO. Se modifican la fracción B del Artículo Primero y la fracción "
                 "II del Artículo Segundo del Acuerdo X, para quedar como sigue: ARTÍCULO PRIMERO "
                 "[...] A. [...] B. Del 1 de agosto al 30 de septiembre. ARTÍCULO SEGUNDO [...] "
                 "I. ... II. Portar su permiso y su bitácora; ... ARTÍCULO TERCERO [...] "
                 "TRANSITORIO ÚNICO. El presente Acuerdo entrará en vigor el día de su "
                 "publicación. Ciudad de México, a 28 de julio de 2026.- Rúbrica.")
    assert "\n" not in collapsed and len(collapsed) > 2000
    read = amend(base, collapsed)
    assert [(c.label, str(c.type)) for c in read.changes] == [
        ("art_1__apt_b", "modified"), ("art_2__frac_ii", "modified")]
    assert read.discrepancies == ()
    assert read.entry_into_force.kind == "publication_day"
    assert [f.kind for f in read.findings] == [FindingKind.LINE_BREAKS]


def test_a_long_paragraph_among_others_is_not_cut() -> None:
    long = "Que la veda es una medida de manejo. A. Pérez lo propuso; " * 60
    text = f"Primero.\n{long.strip()}\nSegundo.\nTercero.\nCuarto.\n"
    assert printed_text(text).text == text
