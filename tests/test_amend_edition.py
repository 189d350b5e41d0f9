"""Amending notes cut from the complete DOF edition of 1 April 2024 (../shared/dof-samples),
applied to base texts we reconstructed from the notes themselves (fixtures/amendments/).

Each note is found by its own heading and ends at its DOF publication number "(R.- N)", as
on the printed page; nothing here depends on line numbers of the sample.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_amend_real import demarkdown

from diffing import ChangeType, amend
from parser import parse_statute

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "amendments"
EDITION = "DOF_2024-04-01_MAT_edicion_completa_marker.md"


def note(samples: Path, heading: str, publication: str) -> str:
    """The note from its heading to its "(R.- N)" publication number, as plain DOF text."""
    text = (samples / "texts" / EDITION).read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.index(f"(R.- {publication})", start)
    return demarkdown(text[start:end])


def test_cfe_estatuto_adds_a_fraccion_to_article_37_bis(samples: Path) -> None:
    # "Único.- Se adiciona el articulo 37bis, fracción VII": the number glued to its
    # qualifier, without accent, in the clause and in the restated heading "ARTÍCULO 37bis. - …"
    text = note(samples, "MODIFICACION AL ESTATUTO ORGÁNICO DE LA COMISIÓN FEDERAL", "550168")
    base = parse_statute((FIXTURES / "estatuto_cfe_base.txt").read_text(encoding="utf-8"))
    outcome = amend(base, text)
    assert [(str(i.verb), i.target) for i in outcome.instructions] == [
        ("adiciona", "art_37-bis__frac_vii")]
    assert [(c.label, c.type) for c in outcome.changes] == [
        ("art_37-bis__frac_vii", ChangeType.ADDED)]
    (added,) = outcome.changes
    assert added.after is not None and added.after.startswith("Vigilar y dar seguimiento")
    assert outcome.discrepancies == ()
    assert outcome.entry_into_force.kind == "day_after_publication"


@pytest.mark.parametrize("qualifier", ["bis", "Bis", "BIS", "ter"])
def test_glued_qualifier_in_a_restated_heading(qualifier: str) -> None:
    base = parse_statute(f"ESTATUTO X\nARTÍCULO 5 {qualifier.capitalize()}.- Texto.\n"
                         "I. Uno;\nII. Dos.\n")
    outcome = amend(base, f"Único.- Se adiciona el artículo 5{qualifier}, fracción III, para "
                          f"quedar como sigue:\nARTÍCULO 5{qualifier}. - …\nI. y II. …\n"
                          "III. Tres.\nTRANSITORIO\nÚNICO.- Entrará en vigor al día siguiente "
                          "de su publicación.\n")
    label = f"art_5-{qualifier.lower()}__frac_iii"
    assert [(c.label, c.type) for c in outcome.changes] == [(label, ChangeType.ADDED)]
    assert outcome.discrepancies == ()


# --- a note kept as one line of text (another scraper's corpus) --------------------------------
SADER = "DOF_2026-07-31_MAT_SADER_ACUERDO_modifica_similar_veda_atun_codigo-5795172.body_text.txt"
_BREAKS = re.compile(r"\s+(?=ARTÍCULO\s|TRANSITORIO\s|[A-H]\.\s|Ciudad de México, a)"
                     r"|(?<=\[\.\.\.\])\s+(?=\[\.\.\.\])")


def unflatten(text: str) -> str:
    """The note's paragraph breaks back, as its HTML has them: before each ARTÍCULO heading,
    lettered unit, "[...]" after "[...]" (one unchanged paragraph each), TRANSITORIO and the
    place-and-date line."""
    text = text.replace("TRANSITORIO ÚNICO.", "TRANSITORIO\nÚNICO.")
    return _BREAKS.sub("\n", text)


def test_sader_acuerdo_with_the_authority_as_subject(samples: Path) -> None:
    # "ARTÍCULO ÚNICO. La Secretaría …, modifica la fracción B del Artículo Primero, la fracción B
    # del Artículo Segundo y el Artículo Tercero del Acuerdo …": lettered units are apartados
    text = unflatten((samples / "texts" / SADER).read_text(encoding="utf-8"))
    base = parse_statute((FIXTURES / "acuerdo_veda_atun_base.txt").read_text(encoding="utf-8"))
    outcome = amend(base, text)
    assert [(str(i.verb), i.target) for i in outcome.instructions] == [
        ("reforma", "art_1__apt_b"), ("reforma", "art_2__apt_b"), ("reforma", "art_3")]
    changes = {c.label: c for c in outcome.changes}
    assert {(c.label, c.type) for c in outcome.changes} == {
        ("art_1__apt_b", ChangeType.MODIFIED), ("art_2__apt_b", ChangeType.MODIFIED),
        ("art_3__par_1", ChangeType.MODIFIED)}          # the article's own text
    assert "6 de agosto de 2026" in (changes["art_1__apt_b"].after or "")
    assert outcome.discrepancies == ()
    assert outcome.entry_into_force.kind == "publication_day"
