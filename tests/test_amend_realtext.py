"""Reading amending instruments as real DOF prints deliver them: a locator word an OCR misread
("fracci6n"), and one operative clause the grammar cannot read among others that it can. Found
in the whole DOF editions of ../shared/dof-samples; the excerpts here are our own.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from diffing import amend
from errors import AmendmentError
from gazette import NoticeKind
from parser import FindingKind, parse_amendment, parse_statute
from parser.clause_check import unread_numbers
from parser.clauses import read_clause
from parser.dates import find_date
from parser.entry_rules import read_when
from parser.lines import classify_line
from parser.ocr_words import repaired
from parser.transitorios import read_schedule
from scraper.classify import classify


@pytest.mark.parametrize(("printed", "read", "repairs"), [
    ("Se reforma la fracci6n IX del artícul0 57", "Se reforma la fracción IX del artículo 57",
     [("fracci6n", "fracción"), ("artícul0", "artículo")]),
    ("ARTICUL0 PRIMERO.- Se reforma", "ARTÍCULO PRIMERO.- Se reforma", [("ARTICUL0", "ARTÍCULO")]),
    ("los párraf0s segundo y tercero", "los párrafos segundo y tercero", [("párraf0s", "párrafos")]),
    # near misses: digits that are numbers, words that are no locator, accents missing only
    ("Artículo 1o.- Texto del artículo 37bis, fracción 10", "Artículo 1o.- Texto del artículo "
     "37bis, fracción 10", []),
    ("la fraccion IX del articulo 57", "la fraccion IX del articulo 57", []),
    ("el predio 6n de la manzana A1", "el predio 6n de la manzana A1", []),
])
def test_ocr_misread_locator_words(printed: str, read: str, repairs: list[tuple[str, str]]) -> None:
    assert repaired(printed) == (read, tuple(repairs))


BASE = ("LEY X\nArtículo 57.- Son obligaciones:\nI. Uno;\nII. Dos;\nIII. Tres.\n"
        "Artículo 58.- Texto anterior.\n")
ENTRY = ("TRANSITORIO\nÚNICO.- El presente Decreto entrará en vigor al día siguiente de su "
         "publicación en el Diario Oficial de la Federación.\n")


def test_an_ocr_misread_noun_is_read_and_reported_on_its_line() -> None:
    # "fracci6n II" unread left "del artículo 57": the whole article reformed, silently
    outcome = amend(parse_statute(BASE), (
        "DECRETO por el que se reforma la fracción II del artículo 57 de la Ley X.\n"
        "ARTÍCULO ÚNICO.- Se reforma la fracci6n II del artículo 57 de la Ley X, para quedar "
        "como sigue:\nArtículo 57.- …\nI. …\nII. Dos reformada;\nIII. …\n" + ENTRY))
    assert [i.target for i in outcome.instructions] == ["art_57__frac_ii"]
    assert [c.label for c in outcome.changes] == ["art_57__frac_ii"]
    assert [(f.kind, f.line, f.message) for f in outcome.findings] == [
        (FindingKind.CONVERTER_TEXT, 2, "'fracci6n' mal leído por el convertidor; se lee 'fracción'")]


def test_one_unreadable_clause_does_not_refuse_the_other_articles() -> None:
    text = ("DECRETO por el que se reforman diversas disposiciones de la Ley X.\n"
            "ARTÍCULO PRIMERO.- Se reforma la fracción II del artículo 57 de la Ley X, para "
            "quedar como sigue:\nArtículo 57.- …\nI. …\nII. Dos reformada;\nIII. …\n"
            "ARTÍCULO SEGUNDO.- Se reforman las viñetas 3 y 4 del artículo 58 de la Ley X, para "
            "quedar como sigue:\nArtículo 58.- Texto nuevo.\n" + ENTRY)
    amendment = parse_amendment(text)
    assert [len(a.directives) for a in amendment.articles] == [1, 0]
    (finding,) = amendment.findings
    assert finding.kind is FindingKind.UNREADABLE and finding.line == 7
    assert "viñetas 3" in finding.message
    outcome = amend(parse_statute(BASE), amendment)
    # the unread article's new text is not applied (nothing guessed), and that is a discrepancy
    assert [c.label for c in outcome.changes] == ["art_57__frac_ii"]
    (discrepancy,) = outcome.discrepancies
    assert "ARTÍCULO SEGUNDO" in discrepancy.detail and "no se aplican" in discrepancy.detail


def test_a_decree_none_of_whose_clauses_reads_is_still_refused() -> None:
    with pytest.raises(AmendmentError, match="viñetas"):
        parse_amendment("ARTÍCULO ÚNICO.- Se reforman las viñetas 3 y 4 del artículo 58 de la "
                        "Ley X, para quedar como sigue:\nArtículo 58.- Texto nuevo.\n" + ENTRY)


@pytest.mark.parametrize("place_and_date", [
    # the forms of the editions of 01/04/2024 and 12/04/2024
    "En la Ciudad de México, al día veintidós de enero de dos mil veinticuatro.- El Prosecretario "
    "del Consejo de Administración, Dr. Raúl Armando Jiménez Vázquez.- Rúbrica.",
    "Expedido en la Ciudad de México, a los dos días del mes de abril de dos mil veinticuatro.- La "
    "Secretaria, Rúbrica.",
    "Ciudad de México, treinta de enero de dos mil veinticuatro.- El Titular.- Rúbrica.",
    "Ciudad de México; 16 de noviembre de 2021.- El Titular.- Rúbrica.",
    "Ciudad de México, lunes 11 de marzo de 2024.- El Titular.- Rúbrica.",
])
def test_an_agency_signature_ends_the_transitorio(place_and_date: str) -> None:
    amendment = parse_amendment(
        "MODIFICACIÓN al Estatuto Orgánico de la Comisión X.\nÚnico.- Se adiciona la fracción "
        "VII al artículo 37 Bis, para quedar como sigue:\nARTÍCULO 37 Bis.- …\nI. a VI. …\n"
        "VII. Vigilar.\nTRANSITORIO\nÚnico. La presente modificación entrará en vigor al día "
        f"siguiente de su publicación en el Diario Oficial de la Federación.\n{place_and_date}\n")
    (transitorio,) = amendment.transitorios
    assert transitorio.text == ("La presente modificación entrará en vigor al día siguiente de su "
                                "publicación en el Diario Oficial de la Federación.")


@pytest.mark.parametrize("line", [
    "En la Ciudad de México, el Instituto tendrá su domicilio legal.",
    "La Ciudad de México, el 5 de mayo de 2024, celebró el convenio.",
])
def test_prose_about_the_city_is_no_signature(line: str) -> None:
    assert str(classify_line(line).kind) == "paragraph"


def test_a_modificacion_of_disposiciones_generales_is_an_amendment() -> None:
    # CFE, DOF 01/04/2024: classified "other", so the pipeline never read it
    assert classify("MODIFICACIÓN a las Disposiciones Generales en Materia de Adquisiciones, "
                    "Arrendamientos, Contratación de Servicios y Ejecución de Obras de la Comisión "
                    "Federal de Electricidad y sus empresas productivas subsidiarias.") == (
        NoticeKind.AMENDS, "Disposiciones Generales en Materia de Adquisiciones, Arrendamientos, "
        "Contratación de Servicios y Ejecución de Obras de la Comisión Federal de Electricidad y "
        "sus empresas productivas subsidiarias")
    # "diversas disposiciones" is no instrument's name: the law after it is
    assert classify("DECRETO por el que se reforman diversas disposiciones de la Ley Federal del "
                    "Trabajo.") == (NoticeKind.AMENDS, "Ley Federal del Trabajo")


# --- bodies ------------------------------------------------------------------------------------
BODY_BASE = ("LEY X\nCAPÍTULO I\nDe lo general\nArtículo 7.- Son obligaciones:\nI. Uno;\n"
             "II. Dos;\nIII. Tres;\nIV. Cuatro, y\nV. Cinco.\nArtículo 8.- Primer párrafo.\n"
             "Segundo párrafo.\nTercer párrafo.\nCAPÍTULO II\nDe lo particular\n"
             "Artículo 10.- Único párrafo.\n")


def amended(clause: str, body: str) -> list[tuple[str, str, str]]:
    outcome = amend(parse_statute(BODY_BASE), (
        f"DECRETO por el que se reforma la Ley X.\nARTÍCULO ÚNICO.- {clause} de la Ley X, para "
        f"quedar como sigue:\n{body}{ENTRY}"))
    assert outcome.discrepancies == ()
    return [(c.label, str(c.type), c.after or "") for c in outcome.changes]


@pytest.mark.parametrize("body", [
    "Artículo 7.- (...)\nI. a III. (...)\nIV. Cuatro reformada, y\n",
    "Artículo 7.- (…)\nI. a III. (…)\nIV. Cuatro reformada, y\n",
    "Artículo 7.- [...]\nI. a III. [...]\nIV. Cuatro reformada, y\n",
])
def test_an_ellipsis_in_parentheses_is_an_ellipsis(body: str) -> None:
    # "(...)" was read as the new text of the chapeau and of fracción I
    assert amended("Se reforma la fracción IV del artículo 7", body) == [
        ("art_7__frac_iv", "modified", "Cuatro reformada, y")]


def test_a_paragraph_elided_in_parentheses() -> None:
    assert amended("Se reforma el párrafo tercero del artículo 8",
                   "Artículo 8.- (…)\n(…)\nTercer párrafo reformado.\n") == [
        ("art_8__par_3", "modified", "Tercer párrafo reformado.")]


def test_a_sentence_cut_by_a_header_glued_to_its_line_goes_on_after_it() -> None:
    # one paragraph per line, the page's running header glued to where the page turned: the
    # rest of the sentence ("y") was a new párrafo of the fracción
    assert amended("Se reforma la fracción IV del artículo 7",
                   "Artículo 7.- ...\nI. a III. ...\nIV. Cuatro reformada, 4 DIARIO OFICIAL "
                   "Miércoles 11 de enero de 2023\ny\nV. ...\n") == [
        ("art_7__frac_iv", "modified", "Cuatro reformada, y")]


def test_a_new_article_alone_goes_after_the_one_before_it_in_the_numbering() -> None:
    # "Se adiciona el artículo 7 Bis" restating no other article: it was put at the end of the
    # law, with a discrepancy; it goes after 7, in 7's chapter
    outcome = amend(parse_statute(BODY_BASE), (
        "DECRETO por el que se adiciona el artículo 7 Bis a la Ley X.\nARTÍCULO ÚNICO.- Se adiciona "
        "el artículo 7 Bis a la Ley X, para quedar como sigue:\nArtículo 7 Bis.- Nuevo.\n" + ENTRY))
    assert outcome.discrepancies == ()
    chapter = next(p for p in outcome.new.provisions if p.label == "cap_1")
    assert [c.label for c in chapter.children] == ["art_7", "art_7-bis", "art_8"]


# --- entry into force counted from the instrument's own act --------------------------------------
ACUERDO_AFTER_APPROVAL = (
    "ACUERDO por el que se modifican las Bases X.\nEl Director General, con fundamento en {basis}, "
    "he tenido a bien expedir el siguiente:\nACUERDO\nÚNICO. Se MODIFICA el artículo 10 de las "
    "Bases X, para quedar como sigue:\nArtículo 10.- Único párrafo reformado.\nTRANSITORIO\n"
    "ARTÍCULO ÚNICO. El presente Acuerdo entrará en vigor al día siguiente de su aprobación por la "
    "Junta de Gobierno y deberá ser publicado en el Diario Oficial de la Federación.\n"
    "Ciudad de México, a 4 de marzo de 2024.- El Director General.- Rúbrica.\n")


def test_in_force_the_day_after_the_approval_the_instrument_dates() -> None:
    # IMSS-BIENESTAR, DOF 18/03/2024: it was read as the day after publication
    amendment = parse_amendment(ACUERDO_AFTER_APPROVAL.format(
        basis="el acuerdo de la Junta de Gobierno dictado en su Tercera Sesión Extraordinaria, "
              "celebrada en la Ciudad de México, el 01 de marzo de 2024"))
    rule = amendment.entry_into_force
    assert (rule.kind, rule.on) == ("fixed_date", date(2024, 3, 2))


def test_in_force_after_an_approval_the_instrument_does_not_date_is_pending() -> None:
    amendment = parse_amendment(ACUERDO_AFTER_APPROVAL.format(basis="el artículo 58"))
    assert amendment.entry_into_force.kind == "unrecognized"
    schedule = read_schedule(amendment.transitorios)
    assert [f.message for f in schedule.findings] == [
        "transitorio 1: entra en vigor según la fecha de su aprobación, y el instrumento no da "
        "una sola fecha de ese acto; la fecha queda pendiente"]


def test_in_force_on_the_day_of_its_signing() -> None:
    amendment = parse_amendment(ACUERDO_AFTER_APPROVAL.format(
        basis="el artículo 58").replace(
        "al día siguiente de su aprobación por la Junta de Gobierno", "el día de su firma").replace(
        "Ciudad de México, a 4 de marzo de 2024", "Dado en la Ciudad de México, a 4 de marzo de 2024"))
    rule = amendment.entry_into_force
    assert (rule.kind, rule.on) == ("fixed_date", date(2024, 3, 4))


@pytest.mark.parametrize("words", [
    "Las presentes modificaciones entrarán en vigor a partir de su publicación en el Diario "
    "Oficial de la Federación.",
    "El presente Acuerdo entrará en vigor al momento de su publicación en el Diario Oficial de la "
    "Federación.",
])
def test_in_force_from_its_publication(words: str) -> None:
    # they were not understood: the changes waited, pending
    assert read_when(words, words).kind == "publication_day"


@pytest.mark.parametrize(("words", "expected"), [
    ("El presente Acuerdo entrará en vigor al día siguiente de la aprobación por el Consejo "
     "General del Instituto Nacional Electoral.", None),
    ("El presente Acuerdo entrará en vigor al día siguiente de su firma.", None),
    # near misses: the publication is what counts
    ("El presente Acuerdo entrará en vigor al día siguiente de su publicación en el Diario "
     "Oficial de la Federación.", "day_after_publication"),
    ("El presente Decreto entrará en vigor el día siguiente al de su publicación.",
     "day_after_publication"),
])
def test_a_day_after_an_act_is_not_the_day_after_publication(words: str,
                                                            expected: str | None) -> None:
    assert read_when(words, words).kind == (expected or "unrecognized")


def test_imss_bienestar_bases_in_force_the_day_after_the_board_approved_them(samples: Path) -> None:
    text = (samples / "texts" / "DOF_2024-03-18_MAT_edicion_parcial_docling.md").read_text(
        encoding="utf-8")
    start = text.index("ACUERDO  por  el  que  se  modifican,  adicionan  y  derogan  las  Bases")
    rule = parse_amendment(text[start:start + 120_000]).entry_into_force
    # "… al día siguiente de su aprobación por la Junta de Gobierno": the board's Tercera Sesión
    # Extraordinaria, "celebrada en la Ciudad de México, el 01 de marzo de 2024"
    assert (rule.kind, rule.on) == ("fixed_date", date(2024, 3, 2))


@pytest.mark.parametrize(("written", "day"), [
    ("Dado en la Ciudad de México, a 1 del mes de marzo de dos mil veinticuatro.- El Director",
     date(2024, 3, 1)),
    ("Expedido en la Ciudad de México, a los veinte días del mes de marzo de dos mil veinticuatro",
     date(2024, 3, 20)),
])
def test_the_signing_day_as_agencies_write_it(written: str, day: date) -> None:
    found = find_date(written)
    assert found is not None and found.on() == day
    assert str(classify_line(written).kind) == "signature"


# --- a number the clause names and no target holds ----------------------------------------------
@pytest.mark.parametrize(("clause", "unread"), [
    # real (Código de Comercio's reform appendix): "del 21" is read as no article
    ("Se derogan los artículos 6o., 7o. y fracción VIII del 21 del Código de Comercio en vigor.",
     ("21",)),
    ("Se reforman los artículos 1054; 1063; 1466, en su párrafo y, 1477 del Código de Comercio",
     ("1466",)),
    ("Se reforma la fracci6n IX del artículo 57 de la Ley X", ("IX",)),
    # near misses: every number is in a target; a container only places its article
    ("Se REFORMA el primer párrafo del artículo 83 del Título Tercero, Capítulo IV, de la Ley X",
     ()),
    ("Se reforma la denominación del Capítulo III del Título Segundo de la Ley X", ()),
    ("Se reforman las fracciones IV a VIII del artículo 2 de la Ley X", ()),
    ("Se modifican los Lineamientos emitidos mediante Acuerdo número 20/10/22, conforme al Anexo",
     ()),
])
def test_numbers_no_target_holds(clause: str, unread: tuple[str, ...]) -> None:
    assert unread_numbers(clause, read_clause(clause)[1]) == unread


def test_a_number_read_past_is_a_finding_and_the_rest_is_applied() -> None:
    # real (Código de Comercio): "fracción VIII del 21" is still read as 7o.'s fracción VIII
    amendment = parse_amendment(
        "DECRETO por el que se reforma la Ley X.\nARTÍCULO ÚNICO.- Se derogan los artículos 6o., "
        "7o. y fracción VIII del 21 de la Ley X, para quedar como sigue:\nArtículo 6o.- Se "
        "deroga.\n" + ENTRY)
    assert [d.label for d in amendment.articles[0].directives] == ["art_6", "art_7__frac_viii"]
    (finding,) = amendment.findings
    assert (finding.kind, finding.line, finding.message) == (
        FindingKind.UNREADABLE, 2, "en la cláusula operativa, «21» no forma parte de ningún "
        "destino leído; esa orden no se aplica")


# --- heads the DOF prints ------------------------------------------------------------------------
HEAD_BASE = "LEY A\nArtículo 2.- Dos:\nI. Primera;\nII. Segunda.\nArtículo 3.- Tres.\n"
REFORM_2_II = ("Se reforma la fracción II del artículo 2 de la Ley A, para quedar como sigue:\n"
               "Artículo 2.- ...\nI. ...\nII. Segunda reformada.\n")


@pytest.mark.parametrize("heading", ["T R A N S I T O R I O S", "T R A N S I T O R I O"])
def test_a_letter_spaced_transitorios_heading(heading: str) -> None:
    # Congress's decrees print it so: the transitorios were read as new text of the law
    # ("Primero.- El presente Decreto …" as artículo 1)
    outcome = amend(parse_statute(HEAD_BASE), (
        f"DECRETO por el que se reforma la Ley A.\nARTÍCULO ÚNICO.- {REFORM_2_II}{heading}\n"
        "Primero.- El presente Decreto entrará en vigor el 1o. de enero de 2025.\nSegundo.- Se "
        "derogan las disposiciones que se opongan al presente Decreto.\n"))
    assert [c.label for c in outcome.changes] == ["art_2__frac_ii"]
    assert outcome.discrepancies == ()
    assert (outcome.entry_into_force.on, len(outcome.transitorios)) == (date(2025, 1, 1), 2)


@pytest.mark.parametrize("head", [
    "ARTÍCULO ÚNICO",           # the separator lost in a conversion
    "ARTICULO 1o.-",            # older decrees number their operative articles
])
def test_operative_heads_without_separator_or_with_a_number(head: str) -> None:
    outcome = amend(parse_statute(HEAD_BASE), (
        f"DECRETO que reforma la Ley A.\n{head} {REFORM_2_II}" + ENTRY))
    assert [c.label for c in outcome.changes] == ["art_2__frac_ii"]


def test_a_restated_article_that_says_se_deroga_is_no_operative_article() -> None:
    outcome = amend(parse_statute(HEAD_BASE), (
        "DECRETO que reforma la Ley A.\nARTICULO 1o.- Se deroga el artículo 3 de la Ley A, para "
        "quedar como sigue:\nArtículo 3.- Se deroga.\n" + ENTRY))
    assert [(c.label, str(c.type)) for c in outcome.changes] == [("art_3", "derogated")]


@pytest.mark.parametrize("clause", [
    "Se reforma la fracción II del artículo\n2 de la Ley A, para quedar como sigue:",
    "Se reforma la fracción II del artículo 2 de la\nLey A, para quedar como sigue:",
    "Se reforma la fracción\nII del artículo 2 de la Ley A, para quedar como sigue:",
])
def test_a_clause_broken_before_a_number_or_a_name_goes_on(clause: str) -> None:
    # only a line in lower case continued a clause: the article's number was lost (the
    # fracción was read as of no article) or the clause had no target at all (refused)
    outcome = amend(parse_statute(HEAD_BASE), (
        f"DECRETO por el que se reforma la Ley A.\nARTÍCULO ÚNICO.- {clause}\nArtículo 2.- ...\n"
        "I. ...\nII. Segunda reformada.\n" + ENTRY))
    assert [i.target for i in outcome.instructions] == ["art_2__frac_ii"]
    assert outcome.discrepancies == ()
