"""Stage two of the statute parser: the tree rules of DESIGN.md §1.2, one at a time, and a
property test that rendering a generated tree and parsing it back gives the same tree."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errors import InputError, ParseError
from parser import Annotation, Document, Kind, Provision, Status, ensure_whole, labels, parse_statute
from parser.model import FindingKind
from parser.render import outline, provision_text, render_document


def labels_of(text: str) -> list[str]:
    return [p.label for p in parse_statute(text).walk()]


def test_paragraphs_counted_with_fracciones_left_out() -> None:
    doc = parse_statute(
        "Artículo 57.- Son obligaciones:\n\nI. Primera;\n\nII. Segunda, y\n\nIII. Tercera.\n\n"
        "Lo anterior se aplicará.\n\nY también esto.\n")
    assert labels_of(render_document(doc)) == [
        "art_57", "art_57__par_1", "art_57__frac_i", "art_57__frac_ii", "art_57__frac_iii",
        "art_57__par_2", "art_57__par_3"]
    article = doc.provisions[0]
    assert article.text == ""
    assert article.children[0].text == "Son obligaciones:"
    assert article.children[2].text == "Segunda, y"


def test_paragraph_between_fracciones_belongs_to_the_fraccion() -> None:
    doc = parse_statute("Artículo 2.- Texto:\n\nI. Uno:\n\na) Inciso;\n\nb) Otro.\n\n"
                        "Párrafo de la fracción.\n\nII. Dos.\n")
    index = doc.index()
    assert index["art_2__frac_i__par_2"].text == "Párrafo de la fracción."
    assert [c.label for c in index["art_2__frac_i"].children] == [
        "art_2__frac_i__inc_a", "art_2__frac_i__inc_b", "art_2__frac_i__par_2"]


def test_restarted_list_hangs_from_the_paragraph_that_introduces_it() -> None:
    labels = labels_of("Artículo 5.- Intro:\n\nI. a;\n\nII. b.\n\nPara efectos de lo anterior:\n\n"
                       "I. c;\n\nII. d.\n")
    assert labels == ["art_5", "art_5__par_1", "art_5__frac_i", "art_5__frac_ii", "art_5__par_2",
                      "art_5__par_2__frac_i", "art_5__par_2__frac_ii"]


def test_numerales_and_incisos_nest_in_the_order_they_open() -> None:
    assert labels_of("Artículo 1.- Texto:\n\n1. Uno:\n\na) Inciso.\n\n2. Dos.\n") == [
        "art_1", "art_1__par_1", "art_1__num_1", "art_1__num_1__inc_a", "art_1__num_2"]
    assert labels_of("Artículo 1.- Texto:\n\nI. Uno:\n\na) Inciso:\n\n1. Numeral.\n\nb) Otro.\n") == [
        "art_1", "art_1__par_1", "art_1__frac_i", "art_1__frac_i__inc_a",
        "art_1__frac_i__inc_a__num_1", "art_1__frac_i__inc_b"]


def test_container_paths_and_ordinal_words() -> None:
    text = ("TÍTULO SEGUNDO\nDe los Procedimientos\n\nCAPÍTULO III\nDel Amparo\n\n"
            "Sección Décima Segunda\nDisposiciones\n\nArtículo 10.- Texto.\n\n"
            "CAPÍTULO IV\nOtro\n\nArtículo 11.- Texto.\n")
    doc = parse_statute(text)
    index = doc.index()
    assert index["tit_2__cap_3__sec_12"].heading == "Disposiciones"
    assert index["tit_2__cap_3"].heading == "Del Amparo"
    assert [c.label for c in index["tit_2__cap_3__sec_12"].children] == ["art_10"]
    assert [c.label for c in index["tit_2"].children] == ["tit_2__cap_3", "tit_2__cap_4"]
    assert index["tit_2__cap_4"].children[0].label == "art_11"


@pytest.mark.parametrize(("heading", "label"), [
    ("Artículo 1o.", "art_1"), ("Artículo 10.", "art_10"), ("Artículo 57 Bis.", "art_57-bis"),
    ("Artículo 84 Quáter.", "art_84-quater"), ("Artículo 84 Quintus.", "art_84-quintus"),
    ("Artículo 2o.-A.-", "art_2-a"), ("Artículo 15-B Bis.-", "art_15-b-bis"),
    ("Artículo 77 bis 35-J.", "art_77-bis-35-j"), ("Artículo Primero.-", "art_1"),
    ("ARTÍCULO DÉCIMO SEGUNDO.-", "art_12"), ("Artículo 84 Sextus.", "art_84-sextus"),
])
def test_article_labels(heading: str, label: str) -> None:
    assert parse_statute(f"{heading} Texto del artículo.\n").provisions[0].label == label


@pytest.mark.parametrize(("marker", "label"), [
    ("I Bis.", "art_2__frac_i-bis"), ("XXIX-A.", "art_2__frac_xxix-a"),
    ("XXIII Bis.", "art_2__frac_xxiii-bis"),
])
def test_fraccion_labels(marker: str, label: str) -> None:
    assert label in labels_of(f"Artículo 2.- Texto:\n\n{marker} Fracción.\n")


@pytest.mark.parametrize("placeholder", ["Se deroga.", "Derogado.", "(Se deroga).", "(Se deroga)",
                                         "Derogada."])
def test_derogated_units_kept(placeholder: str) -> None:
    doc = parse_statute(f"Artículo 83. {placeholder}\n\nArtículo 84.- Texto:\n\nI. Uno;\n\n"
                        f"II. {placeholder}\n\nIII. Tres.\n")
    index = doc.index()
    assert index["art_83"].status is Status.DEROGADO
    assert index["art_84__frac_ii"].status is Status.DEROGADO
    assert index["art_84__frac_iii"].status is Status.VIGENTE


def test_transitorio_ordinals() -> None:
    text = ("Artículo 1.- Texto.\n\nTRANSITORIOS\n\nPRIMERO.- Entra en vigor.\n\n"
            "Décimo Segundo.- Otro.\n\nVIGÉSIMO PRIMERO.- Tercero.\n")
    assert [p.label for p in parse_statute(text).provisions] == ["art_1", "tra_1", "tra_12", "tra_21"]


def test_the_camara_appendix_ends_the_statute() -> None:
    text = ("Artículo 1.- Texto.\n\nTRANSITORIOS\n\nPRIMERO.- Uno.\n\nSEGUNDO.- Dos.\n\n"
            "ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA\n\nDECRETO por el que se reforma la Ley.\n\n"
            "ARTÍCULO QUINTO.- Se reforma el artículo 1, para quedar como sigue:\n\n……\n\n"
            "TRANSITORIOS\n\nPRIMERO.- De otro decreto.\n")
    assert [p.label for p in parse_statute(text).provisions] == ["art_1", "tra_1", "tra_2"]


def test_restarting_transitorios_end_the_statute() -> None:
    text = ("Artículo 1.- Texto.\n\nTRANSITORIOS\n\nPRIMERO.- Uno.\n\nSEGUNDO.- Dos.\n\n"
            "ARTÍCULO SEGUNDO. ……….\n\nTRANSITORIO\n\nÚNICO. Del decreto.\n")
    assert [p.label for p in parse_statute(text).provisions] == ["art_1", "tra_1", "tra_2"]


def test_enacting_article_is_preamble_and_a_second_one_ends_the_statute() -> None:
    text = ("DECRETO por el que se expide la Ley X\n\nARTÍCULO PRIMERO.- Se expide la Ley X, "
            "para quedar como sigue:\n\nLEY X\n\nArtículo 1.- Objeto.\n\nArtículo 2.- Otro.\n\n"
            "ARTÍCULO SEGUNDO.- Se reforma el artículo 1 de la Ley Y, para quedar como sigue:\n\n"
            "Artículo 1.- Nuevo.\n")
    doc = parse_statute(text)
    assert [p.label for p in doc.provisions] == ["art_1", "art_2"]
    assert doc.title == "DECRETO por el que se expide la Ley X"


def test_duplicate_article_is_kept_apart_with_a_finding() -> None:
    """One doubt never refuses the law: the second artículo 5 is kept under its own label."""
    doc = parse_statute("Artículo 5.- Uno.\n\nArtículo 6.- Dos.\n\nArtículo 5.- Otra vez.\n")
    assert [p.label for p in doc.provisions] == ["art_5", "art_6", "art_5-dup2"]
    assert doc.index()["art_5__par_1"].text == "Uno."
    assert doc.index()["art_5-dup2__par_1"].text == "Otra vez."
    [finding] = [f for f in doc.findings if f.kind is FindingKind.COLLISION]  # the check adds ORDER
    assert (finding.line, finding.label) == (5, "art_5-dup2")
    assert "art_5" in finding.message


def test_notes_go_to_the_unit_they_name() -> None:
    text = ("Artículo 1o.- Texto:\nPárrafo reformado DOF 30-12-1980\n\nI. Uno:\n\na) Inciso.\n"
            "Inciso adicionado DOF 31-12-1999\n\nb) Otro, y\nFracción reformada DOF 01-12-2004, "
            "07-06-2005\n\nII. Dos.\n\nFinal.\nArtículo reformado DOF 12-07-2018. Derogado DOF "
            "11-12-2013\n")
    index = parse_statute(text).index()
    assert index["art_1__par_1"].annotations == (
        Annotation("reformado", (date(1980, 12, 30),), "parrafo"),)
    assert index["art_1__frac_i__inc_a"].annotations[0].verb == "adicionado"
    assert index["art_1__frac_i"].annotations[0].dates == (date(2004, 12, 1), date(2005, 6, 7))
    assert [a.verb for a in index["art_1"].annotations] == ["reformado", "derogado"]
    assert all("DOF" not in p.text for p in index.values())


def test_glued_note_is_lifted_out_of_the_text() -> None:
    text = ("Artículo 6o.- Contenido:\n\nIII.- Índice de Contenido, y Fracción reformada DOF 31-05-2019 "
            "IV.- Firma.\n")
    index = parse_statute(text).index()
    assert index["art_6__frac_iii"].text == "Índice de Contenido, y"
    assert index["art_6__frac_iii"].annotations[0].dates == (date(2019, 5, 31),)
    assert index["art_6__frac_iv"].text == "Firma."


def test_elided_chapeau_keeps_paragraph_numbering() -> None:
    index = parse_statute("Artículo 2. ...\n\nI. a III. ...\n\nIV. Programa;\n\n…\n\nÚltimo.\n").index()
    assert "art_2__par_1" not in index
    assert index["art_2__frac_iv"].text == "Programa;"
    assert index["art_2__par_3"].text == "Último."


def test_page_furniture_and_wrapped_lines() -> None:
    page = ("LEY FEDERAL DE PRUEBA\n\nCÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN\n"
            "Secretaría General\nSecretaría de Servicios Parlamentarios\nÚltima Reforma DOF 01-02-2024\n\n\n")
    text = (
        f"{page}1 de 2\nLEY FEDERAL DE PRUEBA\n\nCAPÍTULO I\nDisposiciones generales\n\n"
        "Artículo 1.- Esta es una ley de prueba cuyo texto largo ocupa varias líneas del documento\n"
        "para que el lector vea cómo se unen las líneas cortadas por la extracción del PDF, y\n"
        "dispone lo que dispone el Capítulo II de esta Ley, en términos de lo dispuesto por el\n"
        "Capítulo VI del Título Cuarto de esta Ley, o en términos de lo dispuesto por la Ley que\n"
        "corresponda a cada caso concreto de los que aquí se regulan de manera general y \f\n \n"
        f"{page}2 de 2\ncompleta.\nArtículo reformado DOF 01-02-2024\n\n"
        "Artículo 2.- La ley se aplica en todo el territorio nacional, sin excepción alguna, a\n"
        "partir del día siguiente al de su publicación en el Diario Oficial de la Federación.\n")
    doc = parse_statute(text)
    assert doc.title == "LEY FEDERAL DE PRUEBA"
    index = doc.index()
    assert list(index) == ["cap_1", "art_1", "art_1__par_1", "art_2", "art_2__par_1"]
    paragraph = index["art_1__par_1"].text
    assert paragraph.startswith("Esta es una ley de prueba")
    assert "Capítulo VI del Título Cuarto de esta Ley" in paragraph
    assert paragraph.endswith("de manera general y completa.")
    assert "CÁMARA" not in paragraph and "de 2" not in paragraph
    assert index["art_1"].annotations[0].verb == "reformado"


@pytest.mark.parametrize("text", ["", "   \n\n", "hola mundo, esto no es una ley.\n"])
def test_not_a_statute(text: str) -> None:
    with pytest.raises((InputError, ParseError)):
        parse_statute(text)


def test_a_text_cut_mid_sentence_is_read_and_said_so_but_never_stored() -> None:
    """A cut text is a statute with a doubt: read whole, the cut a finding with its line;
    ``ensure_whole`` (what import, amend and the pipeline call) refuses to store it."""
    document = parse_statute("Artículo 1.- Texto completo.\n\nArtículo 2.- Este artículo quedó "
                             "cortado a la mi")
    assert [p.label for p in document.provisions] == ["art_1", "art_2"]
    cut = document.findings[0]
    assert (cut.kind, cut.line) == (FindingKind.TRUNCATED, 3)
    assert "a media frase" in cut.message and "cortado a la mi" in cut.message
    with pytest.raises(InputError, match="línea 3.*parece cortado"):
        ensure_whole(document)
    whole = parse_statute("Artículo 1.- Texto completo.\n\nArtículo 2.- Texto completo.\n")
    assert ensure_whole(whole) is whole
    assert not any(f.kind is FindingKind.TRUNCATED for f in whole.findings)


@pytest.mark.parametrize("colophon", [
    # marker and gemini print the DOF's last page line by line, docling on one line
    "DIARIO OFICIAL DE LA FEDERACIÓN\n\nALEJANDRO LÓPEZ GONZÁLEZ, Director General Adjunto\n\n"
    "Río Amazonas No. 62, Col. Cuauhtémoc, C.P. 06500, Ciudad de México, Secretaría de Gobernación\n\n"
    "Tel. 55 5093-3200, donde podrá acceder a nuestro menú de servicios\n\n"
    "Dirección electrónica: www.dof.gob.mx\n\nEsta edición consta de 174 páginas\n",
    "\\_\\_\\_\\_\\_\\_\n\n●\n\n\\_\\_\\_\\_\\_\\_\n\n## DIARIO OFICIAL DE LA FEDERACIÓN\n\n"
    "ALEJANDRO LÓPEZ GONZÁLEZ, "
    "Director General Adjunto Río Amazonas No. 62, Col. Cuauhtémoc, C.P. 06500, Ciudad de México, "
    "Secretaría de Gobernación Tel. 55 5093-3200, donde podrá acceder a nuestro menú de servicios "
    "Dirección electrónica: www.dof.gob.mx\n",
])
def test_an_edition_ends_with_its_colophon_not_mid_sentence(colophon: str) -> None:
    document = parse_statute("Artículo 1.- Texto completo.\n\nArtículo 2.- Texto completo.\n\n" + colophon)
    assert not any(f.kind is FindingKind.TRUNCATED for f in document.findings)


def test_provision_text_and_outline() -> None:
    doc = parse_statute("CAPÍTULO I\nGenerales\n\nArtículo 57.- Son obligaciones:\n\nI. Una;\n\n"
                        "II. Otra.\nFracción reformada DOF 01-02-2020\n\nFinal.\n")
    article = doc.index()["art_57"]
    assert provision_text(article) == "Artículo 57.- Son obligaciones:\nI. Una;\nII. Otra.\nFinal."
    text = outline(doc)
    assert "Capítulo I  Generales  <cap_1>" in text
    assert "  Artículo 57  Son obligaciones:  <art_57>" in text
    assert "II.  Otra.  (reformado 2020-02-01)  <art_57__frac_ii>" in text


# --- property: parse(render(tree)) == tree ---------------------------------------------------------
_WORDS = ["ley", "persona", "autoridad", "plazo", "registro", "federal", "juicio", "derecho", "datos",
          "secretaría", "término", "público", "ámbito", "órgano", "dicho", "informe"]
_OPENERS = ["El", "La", "Los", "Las", "Para", "Cuando", "En", "Toda", "Sin", "Quienes"]
_DATES = st.dates(min_value=date(1917, 2, 5), max_value=date(2030, 12, 31))


@st.composite
def _sentence(draw: st.DrawFn, end: str = ".") -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12))
    return " ".join([draw(st.sampled_from(_OPENERS)), *words]) + end


def _notes(unit: str) -> st.SearchStrategy[tuple[Annotation, ...]]:
    one = st.builds(lambda verb, dates: Annotation(verb, tuple(dates), unit),
                    st.sampled_from(["reformado", "adicionado", "derogado"]),
                    st.lists(_DATES, min_size=1, max_size=3))
    return st.lists(one, max_size=2).map(tuple)


@st.composite
def _inciso(draw: st.DrawFn, parent: str, letter: str) -> Provision:
    label = f"{parent}__inc_{letter}"
    return Provision(label, Kind.INCISO, letter, text=draw(_sentence(";")),
                     annotations=draw(_notes("inciso")))


@st.composite
def _fraccion(draw: st.DrawFn, parent: str, value: int, last: bool) -> Provision:
    roman = labels.int_to_roman(value)
    label = f"{parent}__frac_{roman.lower()}"
    if draw(st.integers(0, 9)) == 0:
        return Provision(label, Kind.FRACCION, roman, text="(Se deroga).", status=Status.DEROGADO)
    letters = "abcdefgh"[:draw(st.integers(0, 4))]
    children = [draw(_inciso(label, letter)) for letter in letters]
    if not last and draw(st.booleans()):
        children.append(Provision(f"{label}__par_2", Kind.PARRAFO, "2", text=draw(_sentence())))
    return Provision(label, Kind.FRACCION, roman, text=draw(_sentence(":" if letters else ";")),
                     annotations=draw(_notes("fraccion")), children=tuple(children))


@st.composite
def _article(draw: st.DrawFn, number: str) -> Provision:
    label = labels.part(Kind.ARTICULO, number)
    notes = draw(_notes("articulo"))
    if draw(st.integers(0, 9)) == 0:
        return Provision(label, Kind.ARTICULO, number, text="Se deroga.", status=Status.DEROGADO,
                         annotations=notes)
    children = [Provision(f"{label}__par_1", Kind.PARRAFO, "1", text=draw(_sentence(":")),
                          annotations=draw(_notes("parrafo")))]
    count = draw(st.integers(0, 4))
    children += [draw(_fraccion(label, value, value == count)) for value in range(1, count + 1)]
    for extra in range(2, 2 + draw(st.integers(0, 2))):
        children.append(Provision(f"{label}__par_{extra}", Kind.PARRAFO, str(extra),
                                  text=draw(_sentence())))
    return Provision(label, Kind.ARTICULO, number, annotations=notes, children=tuple(children))


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    numbers: list[str] = []
    for base in range(1, draw(st.integers(1, 6)) + 1):
        numbers.append(str(base))
        numbers += [f"{base} {q}" for q in ("Bis", "Ter")[:draw(st.integers(0, 2))]]
    articles = [draw(_article(n)) for n in numbers]
    provisions: list[Provision] = []
    if draw(st.booleans()):
        cut = draw(st.integers(1, len(articles)))
        for index, chunk in enumerate((articles[:cut], articles[cut:]), start=1):
            if chunk:
                provisions.append(Provision(f"cap_{index}", Kind.CAPITULO, labels.int_to_roman(index),
                                            heading=draw(_sentence("")).rstrip(), children=tuple(chunk)))
    else:
        provisions = articles
    for value in range(1, draw(st.integers(0, 3)) + 1):
        label = f"tra_{value}"
        provisions.append(Provision(label, Kind.TRANSITORIO, labels.int_to_ordinal(value).capitalize(),
                                    children=(Provision(f"{label}__par_1", Kind.PARRAFO, "1",
                                                        text=draw(_sentence())),)))
    return Document("LEY GENERADA", tuple(provisions))


@settings(max_examples=60, deadline=None)
@given(_documents())
def test_render_then_parse_is_identity(document: Document) -> None:
    assert parse_statute(render_document(document), document.title) == document


@settings(max_examples=25, deadline=None)
@given(_documents())
def test_labels_are_unique_and_well_formed(document: Document) -> None:
    parsed = parse_statute(render_document(document), document.title)
    found = [p.label for p in parsed.walk()]
    assert len(found) == len(set(found))
    assert all(labels.is_label(label) for label in found)
