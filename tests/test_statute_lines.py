"""Stage one of the statute parser: classify_lines (engineer B builds amendment bodies on it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parser import Kind
from parser.lines import classify_line
from parser.statute import Line, LineKind, classify_lines


def one(text: str, transitorios: bool = False) -> Line:
    lines = list(classify_lines("TRANSITORIOS\n" + text if transitorios else text))
    if transitorios:
        assert lines.pop(0).kind is LineKind.TRANSITORIOS_HEADING
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(("text", "number"), [
    ("Artículo 1o. El juicio de amparo tiene por objeto", "1o"),
    ("Artículo 10. Texto.", "10"),
    ("Artículo 57 Bis.- Texto.", "57 Bis"),
    ("Artículo 84 Quáter. Para el otorgamiento", "84 Quáter"),
    ("Artículo 84 Quintus. Previa solicitud", "84 Quintus"),
    ("Artículo 2o.-A.- Se calculará el impuesto", "2o-A"),
    ("Artículo 1o.-A.- Están obligados a efectuar", "1o-A"),
    ("Artículo 15-B Bis.- Texto", "15-B Bis"),
    ("Artículo 77 bis 35-J. Texto", "77 bis 35-J"),
    ("Artículo 18-B.- Para los efectos", "18-B"),
    ("ARTÍCULO PRIMERO. Se expide la Ley de Amparo", "PRIMERO"),
    ("Artículo Segundo.- Al entrar en vigor", "Segundo"),
    ("ARTICULO DECIMO SEGUNDO.- Se REFORMAN los artículos", "DECIMO SEGUNDO"),
    ("Artículo 2448 D", "2448 D"),
])
def test_article_numbers_as_written(text: str, number: str) -> None:
    line = one(text)
    assert line.kind is LineKind.ARTICLE
    assert line.unit is Kind.ARTICULO
    assert line.number == number


def test_article_text_after_marker() -> None:
    line = one("Artículo 1o. El juicio de amparo tiene por objeto")
    assert line.text == "El juicio de amparo tiene por objeto"


@pytest.mark.parametrize("text", [
    "artículo 3o. del presente ordenamiento",          # a reference, not a heading
    "Capítulo VI del Título Cuarto de esta Ley, o en términos de lo dispuesto",
    "ARTÍCULOS 103 Y 107 DE LA CONSTITUCIÓN",
    "Artículos Transitorios del Decreto por el que se reforma la ley",
    "Áreas tipo AA ........ $46.00",                     # dot leader, not an ellipsis
])
def test_not_units(text: str) -> None:
    assert one(text).kind is LineKind.PARAGRAPH


@pytest.mark.parametrize(("text", "unit", "low", "high"), [
    ("...", None, "", ""),
    ("…", None, "", ""),
    ("……", None, "", ""),
    ("……..", None, "", ""),
    ("[...]", None, "", ""),
    ("I. a III. ...", Kind.FRACCION, "I", "III"),
    ("I.- a VIII.- ...", Kind.FRACCION, "I", "VIII"),
    ("X.- a XXXIII.- ...", Kind.FRACCION, "X", "XXXIII"),
    ("I. …", Kind.FRACCION, "I", "I"),
    ("XI. y XII. …", Kind.FRACCION, "XI", "XII"),
    ("a) a d) …", Kind.INCISO, "a", "d"),
    ("a) y b) …", Kind.INCISO, "a", "b"),
    ("1. …", Kind.NUMERAL, "1", "1"),
    ("ARTICULOS QUINTO A TRIGESIMO TERCERO.- ..........", Kind.ARTICULO, "QUINTO", "TRIGESIMO TERCERO"),
    ("ARTICULO NOVENO Y DECIMO.- ..........", Kind.ARTICULO, "NOVENO", "DECIMO"),
])
def test_elisions(text: str, unit: Kind | None, low: str, high: str) -> None:
    line = one(text)
    assert line.kind is LineKind.ELISION
    assert (line.unit, line.number, line.to_number) == (unit, low, high)
    assert line.elided


def test_article_with_elided_chapeau_is_an_article() -> None:
    line = one("Artículo 2. ...")
    assert (line.kind, line.number, line.elided, line.text) == (LineKind.ARTICLE, "2", True, "")
    line = one("ARTÍCULO CUARTO [...]")
    assert (line.kind, line.number, line.elided) == (LineKind.ARTICLE, "CUARTO", True)
    line = one("ARTÍCULO SEGUNDO. ……….")
    assert (line.kind, line.number, line.elided) == (LineKind.ARTICLE, "SEGUNDO", True)
    line = one("Sexto.- …")
    assert (line.kind, line.number, line.elided) == (LineKind.ARTICLE, "Sexto", True)


@pytest.mark.parametrize(("text", "kind", "number"), [
    ("I. Por normas generales", LineKind.FRACCION, "I"),
    ("IX.-   Texto", LineKind.FRACCION, "IX"),
    ("XXIX-A. Para establecer", LineKind.FRACCION, "XXIX-A"),
    ("I Bis. Texto", LineKind.FRACCION, "I Bis"),
    ("a)  Reciban servicios", LineKind.INCISO, "a"),
    ("ñ) Texto", LineKind.INCISO, "ñ"),
    ("1.- Ley Federal del Impuesto", LineKind.NUMERAL, "1"),
    ("l0.- Ley del Impuesto sobre Llantas", LineKind.NUMERAL, "10"),
    ("Apartado A. Sistema de Justicia Penal Mixto", LineKind.APARTADO, "A"),
])
def test_units(text: str, kind: LineKind, number: str) -> None:
    line = one(text)
    assert (line.kind, line.number) == (kind, number)


@pytest.mark.parametrize(("text", "unit", "number", "rest"), [
    ("TÍTULO PRIMERO", Kind.TITULO, "PRIMERO", ""),
    ("TÍTULO CUARTO", Kind.TITULO, "CUARTO", ""),
    ("CAPÍTULO III BIS", Kind.CAPITULO, "III BIS", ""),
    ("Sección Décima Segunda", Kind.SECCION, "Décima Segunda", ""),
    ("CAPITULO I", Kind.CAPITULO, "I", ""),
    ("Capítulo Único", Kind.CAPITULO, "Único", ""),
    ("LIBRO SEGUNDO", Kind.LIBRO, "SEGUNDO", ""),
    ("Título TRECE BIS", Kind.TITULO, "TRECE BIS", ""),
    ("CAPÍTULO I.- Disposiciones generales", Kind.CAPITULO, "I", "Disposiciones generales"),
])
def test_headings(text: str, unit: Kind, number: str, rest: str) -> None:
    line = one(text)
    assert (line.kind, line.unit, line.number, line.text) == (LineKind.HEADING, unit, number, rest)


@pytest.mark.parametrize("text", ["TRANSITORIOS", "Transitorios", "TRANSITORIO", "ARTÍCULOS TRANSITORIOS",
                                  "Transitorio"])
def test_transitorios_heading(text: str) -> None:
    assert one(text).kind is LineKind.TRANSITORIOS_HEADING


@pytest.mark.parametrize(("text", "number"), [
    ("PRIMERO. La presente Ley entrará en vigor", "PRIMERO"),
    ("DÉCIMO PRIMERO. El Consejo", "DÉCIMO PRIMERO"),
    ("ÚNICO.- El presente Decreto", "ÚNICO"),
    ("Artículo Primero.- Esta Ley entrará en vigor", "Primero"),
    ("Único. El presente", "Único"),
])
def test_transitorio_items(text: str, number: str) -> None:
    line = one(text, transitorios=True)
    assert (line.kind, line.unit, line.number) == (LineKind.TRANSITORIO, Kind.TRANSITORIO, number)


@pytest.mark.parametrize("text", ["Se deroga.", "Derogado.", "(Se deroga).", "(Se deroga)", "Derogada."])
def test_derogated_placeholders(text: str) -> None:
    line = one(f"IV. {text}")
    assert line.derogated
    assert one(f"Artículo 83. {text}").derogated


def test_annotations_are_lines_of_their_own() -> None:
    line = one("Fracción adicionada DOF 30-12-2002. Reformada DOF 01-12-2004, 07-06-2005. "
               "Derogada DOF 11-12-2013.")
    assert line.kind is LineKind.ANNOTATION
    assert line.unit is Kind.FRACCION
    assert [a.verb for a in line.annotations] == ["adicionado", "reformado", "derogado"]


def test_glued_annotation_is_cut_out() -> None:
    lines = classify_lines("III.- Índice de Contenido, y Fracción reformada DOF 31-05-2019 IV.- Firma")
    assert [(line.kind, line.number) for line in lines] == [
        (LineKind.FRACCION, "III"), (LineKind.ANNOTATION, ""), (LineKind.FRACCION, "IV")]
    assert lines[0].text == "Índice de Contenido, y"


def test_wrapped_annotation_continues() -> None:
    text = ("IV.  (Se deroga).\nFracción adicionada DOF 30-12-2002. Reformada DOF 01-12-2004. "
            "Derogada DOF 11-12-2013. Adicionada DOF 09-12-2019.\nDerogada DOF 23-04-2021\n")
    lines = classify_lines(text)
    assert [line.kind for line in lines] == [LineKind.FRACCION, LineKind.ANNOTATION]
    assert lines[1].annotations[-1].verb == "derogado"
    assert lines[1].annotations[-1].dates[0].isoformat() == "2021-04-23"


def test_markdown_from_marker_is_cleaned() -> None:
    text = "**Artículo 2. ...**\n\n**I.** a **III. ...**\n\n- **IV.** Programa: texto;\n\n{28}-----------\n"
    lines = classify_lines(text)
    assert [(line.kind, line.number) for line in lines] == [
        (LineKind.ARTICLE, "2"), (LineKind.ELISION, "I"), (LineKind.FRACCION, "IV")]


def _texts(samples: Path) -> list[Path]:
    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "statutes"
    return [*sorted((samples / "consolidated").glob("*.txt")), *sorted((samples / "texts").glob("*")),
            *sorted(fixtures.glob("*.txt")), *sorted(fixtures.glob("*.md"))]


def test_fast_path_agrees_with_full_classification(samples: Path) -> None:
    """Prose lines skip most checks; on every real text they must come out as the full check says."""
    checked = 0
    for path in _texts(samples):
        for line in classify_lines(path.read_text(encoding="utf-8")):
            if line.kind is LineKind.PARAGRAPH:
                assert classify_line(line.raw).kind is LineKind.PARAGRAPH, (path.name, line.raw[:80])
                checked += 1
    assert checked > 1000


# The statute reader reads numbers, ellipses and placeholders with parser.vocabulary, so it knows
# every form the clause and body readers know (before, its own copies lacked these).
@pytest.mark.parametrize(("text", "kind", "number", "elided", "derogated"), [
    ("CAPÍTULO VEINTIUNO", LineKind.HEADING, "VEINTIUNO", False, False),
    ("Sección Septuagésima", LineKind.HEADING, "Septuagésima", False, False),
    ("Artículo 5 Quáterdecies.- Texto.", LineKind.ARTICLE, "5 Quáterdecies", False, False),
    ("Artículo 7 Octavus. Texto.", LineKind.ARTICLE, "7 Octavus", False, False),
    ("Artículo 5-Sexies. Texto.", LineKind.ARTICLE, "5-Sexies", False, False),
    ("Artículo 20-QUÁTER.- Texto.", LineKind.ARTICLE, "20-QUÁTER", False, False),
    ("Apartado B Quáter.- Texto.", LineKind.APARTADO, "B Quáter", False, False),
    ("c) ..", LineKind.INCISO, "c", True, False),          # pypdf's cut "……..", body reader too
    ("IX. derogada.", LineKind.FRACCION, "IX", False, True),
])
def test_forms_the_shared_vocabulary_brings(text: str, kind: LineKind, number: str, elided: bool,
                                            derogated: bool) -> None:
    line = one(text)
    assert (line.kind, line.number, line.elided, line.derogated) == (kind, number, elided, derogated)


def test_decimoctavo_is_one_ordinal() -> None:
    line = one("DECIMOCTAVO.- El presente Decreto entrará en vigor", transitorios=True)
    assert (line.kind, line.number) == (LineKind.TRANSITORIO, "DECIMOCTAVO")
