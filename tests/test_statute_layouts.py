"""Real layouts of consolidated codes, on small texts of our own written like the real ones.

Each case copies the shape of lines met in the Cámara codes (consolidated-tezca/ in the samples:
line numbers are given), with the words shortened. The second extractor prints no blank lines, so
paragraphs are told apart by the wrap, and page furniture can fall in the middle of a sentence.
"""

from __future__ import annotations

import pytest

from parser import Kind, Status, labels, parse_statute
from parser.annotations import is_annotation, is_undated_note, read_note
from parser.lines import LineKind, classify_line
from parser.model import FindingKind

_FILLER = ("Las instituciones de prueba deberán sujetarse a lo dispuesto en esta Ley y en las "
           "disposiciones de carácter general que al efecto expida la Comisión Nacional, así "
           "como a las reglas que emita el Banco de México en el ámbito de su competencia y en "
           "los términos de los ordenamientos legales aplicables a la materia de que se trate.")


def _wrap(text: str, width: int = 98) -> str:
    """Text wrapped as the PDF extractor wraps it: words up to ``width`` columns a line."""
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*out, line])


def _code(*body: str) -> str:
    """A short code in the second extractor's layout: wrapped articles, no blank lines."""
    articles = "\n".join(_wrap(f"Artículo {n}.- {_FILLER}") for n in range(1, 5))
    return articles + "\n" + "\n".join(body) + "\n"


_FURNITURE = ("7 de 291\nLEY DE PRUEBA\nCÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN Última "
              "Reforma DOF 14-11-2025\nSecretaría General\nSecretaría de Servicios Parlamentarios")


def test_page_furniture_in_the_middle_of_a_sentence_is_cut_and_the_sentence_joined() -> None:
    # cff 36-43: 'II. Aportaciones … en materia' / furniture / 'de seguridad social …'
    text = _code(_wrap("Artículo 5o.- Las contribuciones se clasifican de la siguiente manera:"),
                 _wrap("I. Impuestos son las contribuciones establecidas en ley que deben pagar las "
                       "personas físicas y morales que se encuentran en la situación jurídica."),
                 "II. Aportaciones de seguridad social son las contribuciones establecidas en ley a "
                 "cargo de personas\nque son sustituidas por el Estado en el cumplimiento de "
                 "obligaciones fijadas por la ley en materia",
                 _FURNITURE, "de seguridad social proporcionados por el mismo Estado.")
    document = parse_statute("LEY DE PRUEBA\n" + _FURNITURE.split("\n", 2)[2] + "\n" + text)
    fraccion = document.index()["art_5__frac_ii"]
    assert fraccion.text.endswith("en materia de seguridad social proporcionados por el mismo Estado.")
    assert document.title == "LEY DE PRUEBA"
    assert all("CÁMARA" not in p.text and "291" not in p.text for p in document.walk())


@pytest.mark.parametrize(("line", "label"), [
    ("Artículo 20-Bis. El Índice Nacional …", "art_20-bis"),       # cff 1418
    ("Artículo 208-Bis.- (Se deroga).", "art_208-bis"),           # cff 11209
    ("Artículo 353-Ñ.- Los sindicatos …", "art_353-nn"),          # lft 4654
    ("Artículo 353-N.- Los sindicatos …", "art_353-n"),
    ("Artículo 1390 Bis 1.- Se tramitarán …", "art_1390-bis-1"),  # ccom
    ("Artículo 99 A.- Las instituciones …", "art_99-a"),          # lic 4792
    ("Artículo 118-B.- Las instituciones …", "art_118-b"),
    ("Artículo 195-D-1.- Las personas …", "art_195-d-1"),
    ("Artículo 112 Séptimus.- Se sancionará …", "art_112-septimus"),  # lic 6209
    ("Artículo 410 F.- La autoridad …", "art_410-f"),
    ("Artículo 32-B Ter.- Las entidades …", "art_32-b-ter"),
    ("Artículo 2o.-A.- Las …", "art_2-a"),
])
def test_article_numbers(line: str, label: str) -> None:
    classified = classify_line(line)
    assert classified.kind is LineKind.ARTICLE
    assert labels.part(Kind.ARTICULO, classified.number) == label


@pytest.mark.parametrize(("kind", "number", "label"), [
    (Kind.FRACCION, "XXIX-Ñ", "frac_xxix-nn"),
    (Kind.FRACCION, "XXIX-N", "frac_xxix-n"),
    (Kind.INCISO, "ñ", "inc_nn"),
    (Kind.TRANSITORIO, "DECIMOCTAVO", "tra_18"),  # lic transitorios
    (Kind.TRANSITORIO, "Décimo Octavo", "tra_18"),
])
def test_enye_and_contracted_ordinals(kind: Kind, number: str, label: str) -> None:
    assert labels.part(kind, number) == label


def test_headings_after_a_name_and_after_a_page_break_are_headings() -> None:
    # ccom 732-736, cnpp 6083-6087, lft 1268: a name line followed by a heading or an article
    text = _code("TITULO PRIMERO",
                 "De los Actos de Comercio y de los Contratos Mercantiles en General",
                 "CAPITULO I", "De los Actos de Comercio",
                 "Artículo 75.- La ley reputa actos de comercio:",
                 _FURNITURE,
                 "TÍTULO XIII",
                 "RECONOCIMIENTO DE INOCENCIA DEL SENTENCIADO Y ANULACIÓN DE SENTENCIA",
                 "CAPÍTULO ÚNICO", "PROCEDENCIA",
                 "Artículo 485. Causas de extinción de la acción penal.",
                 "TÍTULO ESPECIAL BIS", "Del Juicio Ejecutivo Mercantil Oral",
                 "Título adicionado DOF 25-01-2017",
                 "Capítulo I", "Disposiciones Generales",
                 "Artículo 1390 Ter.- Se tramitarán en este juicio.")
    index = parse_statute(text).index()
    assert index["tit_1"].heading == "De los Actos de Comercio y de los Contratos Mercantiles en General"
    assert index["tit_1__cap_1"].heading == "De los Actos de Comercio"
    assert index["tit_13"].heading == "RECONOCIMIENTO DE INOCENCIA DEL SENTENCIADO Y ANULACIÓN DE SENTENCIA"
    assert index["tit_13__cap_1"].heading == "PROCEDENCIA"
    assert index["art_485__par_1"].text == "Causas de extinción de la acción penal."
    assert index["tit_especial-bis"].annotations[0].verb == "adicionado"
    assert index["tit_especial-bis__cap_1"].heading == "Disposiciones Generales"
    assert "art_1390-ter" in index


def test_a_wrapped_citation_of_an_article_is_no_article() -> None:
    text = _code(_wrap("Artículo 7o.- Los recargos se causarán en los términos que señala el"),
                 "Artículo 21. Este Código establece cómo se calculan y por qué periodo se causan.")
    document = parse_statute(text)
    assert "art_21" not in document.index()
    assert document.index()["art_7__par_1"].text.endswith("que señala el Artículo 21. Este Código "
                                                          "establece cómo se calculan y por qué "
                                                          "periodo se causan.")


def test_epigraphs_are_headings_where_the_code_prints_them() -> None:
    # cnpp 28-36, 1104-1106: every article has an epigraph line, some wrapped onto two lines
    articles = [f"Artículo {n}. Epígrafe número {n}\n" + _wrap(_FILLER) for n in range(1, 9)]
    text = "\n".join(articles) + (
        "\nArtículo 98. Solicitud de declaración de nulidad sobre actos ejecutados en contravención de las"
        "\nformalidades\nLa solicitud de declaración de nulidad deberá estar fundada y motivada.\n"
        "Artículo 242. Aseguramiento de bienes o derechos relacionados con operaciones financieras\n"
        "[El Ministerio Público podrá ordenar la suspensión de cuentas.]\n")
    index = parse_statute(text).index()
    assert index["art_3"].heading == "Epígrafe número 3"
    assert index["art_3__par_1"].text == " ".join(_FILLER.split())
    assert index["art_98"].heading == ("Solicitud de declaración de nulidad sobre actos ejecutados "
                                       "en contravención de las formalidades")
    assert index["art_98__par_1"].text.startswith("La solicitud")
    assert index["art_242__par_1"].text.startswith("[El Ministerio")


def test_no_epigraph_where_the_code_does_not_print_them() -> None:
    text = _code("Artículo 19. En ningún trámite administrativo se admitirá la gestión de negocios",
                 "Artículo 20.- Sigue.")
    assert parse_statute(text).index()["art_19"].heading == ""


@pytest.mark.parametrize(("inciso", "items"), [
    # lic 1132-1140: 'a) … de inversión:' announces 'i)', 'ii)'
    ("a) Si, por un monto superior:", ["num_i", "num_ii"]),
    # lft 12110-12119: 'i)' after 'h)' is the next inciso, 'ii)' then is not a subnumeral of it
    ("h) Establecer coordinación con la Secretaría, e", None),
])
def test_parenthesised_subnumerales(inciso: str, items: list[str] | None) -> None:
    text = _code("Artículo 28.- La Comisión podrá:", "VI. Si la institución:", inciso,
                 "i) No paga créditos, o", "ii) No liquida el principal.", "VII. Otra.")
    index = parse_statute(text).index()
    letter = inciso[0]
    if items is None:
        assert index["art_28__frac_vi__inc_i"].text == "No paga créditos, o"
    else:
        assert [label.rpartition("__")[2] for label in index
                if label.startswith(f"art_28__frac_vi__inc_{letter}__")] == items


@pytest.mark.parametrize("note", [
    "Multa de la fracción compilada por resolución miscelánea fiscal DOF 05-01-2022. Actualizada DOF "
    "27-12-2022.",                                                                   # cff
    "Cantidades del artículo actualizadas por acuerdo DOF 29-12-2012, 30-12-2013",   # ccom
    "Definición adicionada DOF 07-04-2016",                                          # ccom art. 89
    "Disposición derogatoria al artículo DOF 04-01-1994. Reformado DOF 02-06-2009",  # ccom 140
    "Fracción parcialmente “sin efecto” DOF 20-08-2025",
    "Párrafo con fracciones declarado inválido por sentencia de la SCJN a Acción de "
    "Inconstitucionalidad notificada para efectos legales 25-11-2022",               # cnpp 2336
])
def test_history_notes_of_every_form(note: str) -> None:
    # the last one's "y publicada DOF …" wrapped onto the next line: a note's first line
    assert is_annotation(note) or is_undated_note(note)
    assert read_note(note).annotations


def test_wrapped_notes_stay_notes_and_end_before_the_next_article() -> None:
    # lic 4992-4994, cnpp 2336-2337, lft 11730-11732
    text = _code(
        "Artículo 103.- Ninguna persona podrá captar recursos del público.",
        "Reforma DOF 18-07-2006: Derogó del artículo los entonces párrafos penúltimo (antes adicionado por "
        "DOF 09-06-1992 y reformado",
        "por DOF 23-07-1993) y último (antes reformado por DOF 09-06-1992 y 30-04-1996)",
        "Artículo 104.- Cuando la Comisión presuma que una persona está realizando operaciones.",
        "Párrafo declarado inválido por sentencia de la SCJN a Acción de Inconstitucionalidad notificada "
        "para efectos legales 25-11-2022",
        "y publicada DOF 20-08-2025",
        "El juez no impondrá la prisión preventiva.",
        "Artículo reformado DOF 30-11-2012. Reformado en su totalidad con “Tabla de enfermedades” y "
        "“Tabla para la",
        "valuación de incapacidades” DOF 04-12-2023",
        "Artículo 105.- Las tablas serán revisadas.")
    document = parse_statute(text)
    index = document.index()
    assert index["art_104__par_1"].text.endswith("operaciones.")
    assert index["art_104__par_2"].text == "El juez no impondrá la prisión preventiva."
    assert [a.verb for a in index["art_103"].annotations] == ["reforma"]
    assert index["art_105__par_1"].text == "Las tablas serán revisadas."
    assert all("DOF" not in p.text for p in document.walk())


@pytest.mark.parametrize("text", ["Se deroga.", "Se Deroga.", "SE DEROGA", "(Se deroga).", "Se deroga",
                                  "Derogado.", "(DEROGADO)"])
def test_derogated_in_any_capitalisation(text: str) -> None:
    assert parse_statute(f"Artículo 1460.- {text}\n").provisions[0].status is Status.DEROGADO


def test_a_repeated_number_is_a_finding_and_the_unit_is_kept() -> None:
    text = _code("Artículo 12.- Primero.", "Artículo 12.- Otro artículo 12.", "Artículo 13.- Sigue.")
    document = parse_statute(text)
    assert [p.label for p in document.provisions][-3:] == ["art_12", "art_12-dup2", "art_13"]
    [finding] = [f for f in document.findings if f.kind is FindingKind.COLLISION]
    assert finding.label == "art_12-dup2"
    assert finding.line == text.split("\n").index("Artículo 12.- Otro artículo 12.") + 1


def test_ordinal_steps_inside_a_law_of_numbered_articles_are_prose() -> None:
    # lft 11054-11086: 'Primero. Si en el audiograma …' … 'Quinto. Cálculo …' inside artículo 514
    text = _code("Artículo 514.- Para calcular la hipoacusia:",
                 "Primero. Si en el audiograma no aparecieran.",
                 "Segundo. Se suman y se obtiene el promedio.", "Artículo 515.- Sigue.")
    document = parse_statute(text)
    assert [p.label for p in document.provisions][-2:] == ["art_514", "art_515"]
    assert document.index()["art_514__par_2"].text.startswith("Primero. Si en el audiograma")


def test_lowercase_ell_fraccion() -> None:
    # lft 12121: 'lV. En materia de registro de constancias …'
    text = _code("Artículo 539.- Corresponden:", "III. Uno;", "lV. En materia de registro:",
                 "a) Establecer registros, y", "b) En general.")
    index = parse_statute(text).index()
    assert index["art_539__frac_iv"].text == "En materia de registro:"
    assert "art_539__frac_iv__inc_b" in index


def test_the_reform_appendix_ends_the_body_and_the_laws_transitorios_stay() -> None:
    text = _code("TRANSITORIOS", "Artículo Primero.- Esta Ley entrará en vigor el 1o. de enero.",
                 "Artículo Segundo.- Se abroga la Ley anterior.",
                 "México, D.F., a 14 de julio de 1990.- Rúbrica.",
                 "ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA",
                 "DECRETO por el que se reforma la Ley de Prueba.",
                 "ARTÍCULO PRIMERO.- Se REFORMA el artículo 1o.", "TRANSITORIO",
                 "PRIMERO.- Entrará en vigor al día siguiente.")
    document = parse_statute(text)
    assert [p.label for p in document.provisions if p.kind is Kind.TRANSITORIO] == ["tra_1", "tra_2"]
    assert document.index()["tra_2__par_1"].text == "Se abroga la Ley anterior."
    assert document.findings == ()


def test_a_law_that_goes_on_after_its_end_says_so() -> None:
    """A reform decree's transitorios printed inside the body (a misplaced page) end the
    statute there, as another decree's would; the artículos after them are reported unread."""
    text = _code("TRANSITORIOS", "PRIMERO.- Entrará en vigor al día siguiente.",
                 "TRANSITORIOS", "PRIMERO.- El presente Decreto entrará en vigor.",
                 "CAPITULO III", "De los Corredores", "Artículo 51.- Sigue la ley.", "Artículo 52.- Y sigue.")
    document = parse_statute(text)
    assert [p.label for p in document.provisions][-1] == "tra_1"
    [finding] = document.findings
    assert finding.kind is FindingKind.CUT_SHORT and "3 artículos o encabezados" in finding.message
    lines = text.split("\n")
    assert finding.line == lines.index("TRANSITORIOS", lines.index("TRANSITORIOS") + 1) + 1
