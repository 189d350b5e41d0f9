"""Converter independence on the real decrees (../shared/dof-samples): what a converter printed
is read as the instrument, not as Markdown.

* The marker decrees of 1 April 2024 give, read as marker printed them, the instructions, changes
  and discrepancies they give once a hand-written clean-up (``demarkdown``) made them plain text.
* The STPS acuerdo of 12 April 2024, whose ARTÍCULO PRIMERO/SEGUNDO modify another acuerdo's
  artículo 4 and its Sexto Transitorio, is cut out of the docling and the gemini conversion of the
  edition and gives the same instructions and the same changes in both, applied to a base we
  reconstructed (fixtures/amendments/acuerdo_stps_circunscripcion_base.txt).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from test_amend_edition import unflatten
from test_amend_real import demarkdown

from diffing import AmendmentOutcome, ChangeType, amend
from parser import BodyUnit, Elision, FindingKind, parse_amendment, parse_statute, provision_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "amendments"
MARKER_EDITION = "DOF_2024-04-01_MAT_edicion_completa_marker.md"
STPS_EDITION = "DOF_2024-04-12_MAT_edicion_completa_{}.md"


def _note(samples: Path, edition: str, heading: str, end: str) -> str:
    text = (samples / "texts" / edition).read_text(encoding="utf-8")
    start = text.index(heading)
    return text[start:text.index(end, start)]


# (sample, how to cut it from ../shared/dof-samples/texts, base under fixtures/amendments)
MARKER_DECREES = {
    "cultura": ("DOF_2024-04-01_MAT_SEP_DECRETO_reforma-adiciona-deroga_Reglamento_Ley_General_"
                "Cultura_Fisica_Deporte.marker.md", None, "reglamento_cultura_fisica_deporte_base.txt"),
    "registro": ("DOF_2024-04-01_MAT_SHCP_DECRETO_reforma-adiciona-deroga_Reglamento_Registro_"
                 "Publico_Unico.marker.md", None, "reglamento_registro_publico_unico_base.txt"),
    "asea": ("DOF_2024-04-01_MAT_ASEA_ACUERDO_modifica-adiciona-deroga_Convocatoria_NOM-007-ASEA-"
             "2016.marker.md", None, "convocatoria_asea_base.txt"),
    "cfe_disposiciones": (MARKER_EDITION, ("MODIFICACIÓN A LAS DISPOSICIONES GENERALES EN MATERIA "
                                           "DE ADQUISICIONES", "MODIFICACIÓN al Estatuto Orgánico"),
                          "disposiciones_cfe_base.txt"),
    "cfe_estatuto": (MARKER_EDITION, ("MODIFICACION AL ESTATUTO ORGÁNICO DE LA COMISIÓN FEDERAL",
                                      "(R.- 550168)"), "estatuto_cfe_base.txt"),
}


def _marker_text(samples: Path, name: str) -> str:
    sample, cut, _ = MARKER_DECREES[name]
    if cut is None:
        return (samples / "texts" / sample).read_text(encoding="utf-8")
    return _note(samples, sample, *cut)


def _without_lines(detail: str) -> str:
    return re.sub(r"\blínea \d+: ", "", detail)


@pytest.mark.parametrize("name", sorted(MARKER_DECREES))
def test_a_marker_decree_reads_as_its_plain_text(samples: Path, name: str) -> None:
    printed = _marker_text(samples, name)
    base = parse_statute((FIXTURES / MARKER_DECREES[name][2]).read_text(encoding="utf-8"))
    as_printed, as_plain = amend(base, printed), amend(base, demarkdown(printed))
    assert as_printed.instructions == as_plain.instructions
    assert [(c.label, c.type, c.from_label) for c in as_printed.changes] == \
        [(c.label, c.type, c.from_label) for c in as_plain.changes]
    # line numbers differ (the printed text's are the file's own); what each says does not
    assert [(d.kind, d.label, _without_lines(d.detail)) for d in as_printed.discrepancies] == \
        [(d.kind, d.label, _without_lines(d.detail)) for d in as_plain.discrepancies]


def test_marker_emphasis_inside_a_sentence_is_not_text(samples: Path) -> None:
    # "la sección *III. Técnicos*, apartado *A. Del promovente*": marker's italics, not the DOF's
    printed = amend(parse_statute((FIXTURES / "convocatoria_asea_base.txt").read_text(
        encoding="utf-8")), _marker_text(samples, "asea"))
    assert not any("*" in (c.after or "") for c in printed.changes)


def _shape(item: BodyUnit | Elision) -> BodyUnit | Elision:
    """A body item without line numbers: what was read, not where."""
    if isinstance(item, Elision):
        return dataclasses.replace(item, lineno=0)
    return dataclasses.replace(item, lineno=0, children=tuple(_shape(c) for c in item.children))


def test_the_sep_acuerdo_parses_as_its_plain_text(samples: Path) -> None:
    # no base for the Lineamientos it modifies: the reading itself is compared
    name = "DOF_2024-04-01_MAT_SEP_ACUERDO_04-03-24_modifica_Lineamientos_opciones_educativas.marker.md"
    printed = (samples / "texts" / name).read_text(encoding="utf-8")
    as_printed, as_plain = parse_amendment(printed), parse_amendment(demarkdown(printed))
    assert [(a.instrument, a.directives) for a in as_printed.articles] == \
        [(a.instrument, a.directives) for a in as_plain.articles]
    assert [tuple(map(_shape, a.body)) for a in as_printed.articles] == \
        [tuple(map(_shape, a.body)) for a in as_plain.articles]
    assert as_printed.transitorios == as_plain.transitorios


# --- the STPS acuerdo of 12 April 2024, docling and gemini ------------------------------------
STPS_TITLE = re.compile(r"ACUERDO que modifica el diverso por el que se determina la "
                        r"circunscripci[óo]n territorial", re.IGNORECASE)


def stps_acuerdo(samples: Path, converter: str) -> str:
    """The acuerdo from its title to its signature, found by its words, not by line numbers."""
    text = (samples / "texts" / STPS_EDITION.format(converter)).read_text(encoding="utf-8")
    start = STPS_TITLE.search(text)
    assert start is not None
    signed = text.index("Dado en la Ciudad de México, a los veinte días del mes de marzo",
                        start.start())
    return text[start.start():text.index("\n", signed)]


@pytest.fixture(scope="module")
def stps(samples: Path) -> dict[str, AmendmentOutcome]:
    base = parse_statute((FIXTURES / "acuerdo_stps_circunscripcion_base.txt").read_text(
        encoding="utf-8"))
    return {c: amend(base, stps_acuerdo(samples, c)) for c in ("docling", "gemini")}


def test_stps_same_instructions_from_both_converters(stps: dict[str, AmendmentOutcome]) -> None:
    docling, gemini = stps["docling"], stps["gemini"]
    assert [(str(i.verb), i.target) for i in docling.instructions] == [
        ("reforma", "art_4"), ("reforma", "tra_6")]
    # the sources differ only as printed: 'ACUERDO …' (docling) and "ACUERDO …" (gemini)
    assert [(i.verb, i.target, i.new_label) for i in gemini.instructions] == \
        [(i.verb, i.target, i.new_label) for i in docling.instructions]
    assert docling.discrepancies == () and gemini.discrepancies == ()
    assert docling.entry_into_force == gemini.entry_into_force
    assert docling.entry_into_force.kind == "day_after_publication"
    assert [t.number for t in docling.transitorios] == [t.number for t in gemini.transitorios] \
        == [1, 2, 3, 4]


def test_stps_the_sexto_transitorio_changes_alike(stps: dict[str, AmendmentOutcome]) -> None:
    # "ARTÍCULO SEGUNDO. Se modifica el artículo Sexto Transitorio …" / "SEXTO TRANSITORIO. En
    # tanto …" (docling, one line each) and "## ARTICULO SEGUNDO" / "Se modifica …" /
    # "## SEXTO TRANSITORIO" / "En tanto …" (gemini, heads alone on their lines)
    changes = {c: [ch for ch in o.changes if ch.label.startswith("tra_")] for c, o in stps.items()}
    assert changes["docling"] == changes["gemini"]
    (sexto,) = changes["docling"]
    assert (sexto.label, sexto.type) == ("tra_6__par_1", ChangeType.MODIFIED)
    assert sexto.after is not None and sexto.after.startswith(
        "En tanto se nombra a los titulares de las Direcciones de Coordinación Regional de las "
        "Zonas Norte 1, Norte 2, Centro 1, Centro 2, y Sur 2")


def test_stps_article_4_keeps_its_first_paragraph_and_takes_the_new_tables(
        stps: dict[str, AmendmentOutcome]) -> None:
    """'Artículo 4.- …' keeps the base's first paragraph; what follows it is the new table of
    offices by zone. Both converters print that table, each its own way (docling as pipe tables
    under a heading per zone; gemini as tables, lists of municipalities, and without the heading
    of Zona Centro 1), so its text is compared by what both printed, not character by character.
    """
    for converter, outcome in stps.items():
        labels = {c.label for c in outcome.changes if not c.label.startswith("tra_")}
        assert labels and all(label.startswith("art_4__") for label in labels), converter
        assert "art_4__par_1" not in labels, converter
        new = provision_text(outcome.new.index()["art_4"])
        for zone in ("NORTE 1", "NORTE 2", "CENTRO 2", "SUR 1", "SUR 2"):
            assert f"DIRECCIÓN DE COORDINACIÓN REGIONAL ZONA {zone}" in new, (converter, zone)
        for office in ("Mexicali", "Playas de Rosarito", "Tulum", "Mazatlán"):
            assert office in new, (converter, office)
        assert "DIARIO OFICIAL" not in new and "imagen" not in new, converter


def test_stps_gemini_remarks_are_findings_not_text(samples: Path) -> None:
    text = stps_acuerdo(samples, "gemini")
    findings = parse_amendment(text).findings
    assert [f.kind for f in findings] == [FindingKind.CONVERTER_TEXT, FindingKind.CONVERTER_TEXT]
    lines = text.splitlines()
    assert all("imagen proporcionada" in lines[f.line - 1] for f in findings if f.line)


# --- a note whose line breaks a scraper collapsed (notes corpus, DOF 31/07/2026) ----------------
def test_the_sader_note_as_scraped_reads_as_with_its_breaks(samples: Path) -> None:
    # body_text keeps the note as one line of 10,931 characters; test_amend_edition restores its
    # breaks by hand (unflatten): the reader restores them itself, at the units' markers
    name = "DOF_2026-07-31_MAT_SADER_ACUERDO_modifica_similar_veda_atun_codigo-5795172.body_text.txt"
    scraped = (samples / "texts" / name).read_text(encoding="utf-8")
    base = parse_statute((FIXTURES / "acuerdo_veda_atun_base.txt").read_text(encoding="utf-8"))
    as_scraped, by_hand = amend(base, scraped), amend(base, unflatten(scraped))
    assert as_scraped.instructions == by_hand.instructions
    assert as_scraped.changes == by_hand.changes
    assert as_scraped.discrepancies == by_hand.discrepancies == ()
    assert as_scraped.entry_into_force == by_hand.entry_into_force
    assert [f.kind for f in as_scraped.findings] == [FindingKind.LINE_BREAKS]
