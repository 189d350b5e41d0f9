"""One instrument-name matcher (parser.instruments) for the store and for diffing.amend.

Regression cases of the substring test it replaced in diffing: "Ley General de Salud" matched
the "Reglamento de la Ley General de Salud …" (an omnibus decree's two articles were both applied
to the Ley), and "… del IMSS-BIENESTAR" missed the Estatuto whose title spells the acronym out
(applied only as a lone article, with an 'applied anyway' discrepancy).
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffing import DiscrepancyKind, amend
from parser import instruments, parse_statute, same_instrument

ROOT = Path(__file__).resolve().parent.parent
IMSS = ROOT / "fixtures" / "imss"
TITLE = ("Estatuto Orgánico de Servicios de Salud del Instituto Mexicano del Seguro Social para el "
         "Bienestar (IMSS-BIENESTAR)")
REGLAMENTO = "Reglamento de la Ley General de Salud en Materia de Publicidad"


def test_doctests() -> None:
    result = doctest.testmod(instruments)
    assert result.attempted >= 4 and result.failed == 0


@pytest.mark.parametrize(("name", "title", "same"), [
    ("Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR", TITLE, True),
    (TITLE, "ESTATUTO Orgánico de Servicios de Salud del Instituto Mexicano del Seguro Social para el "
            "Bienestar (IMSS-BIENESTAR).", True),
    ("estatuto organico de servicios de salud del instituto mexicano del seguro social para el bienestar",
     TITLE, True),
    ("el Reglamento Interior de la Secretaría de Salud", "Reglamento Interior de la Secretaria de Salud",
     True),
    ("Ley General de Salud", REGLAMENTO, False),
    ("Reglamento de la Ley General de Salud", "Ley General de Salud", False),
    ("Estatuto Orgánico del IMSS", TITLE, False),
    ("Estatuto Orgánico de Servicios de Salud", TITLE, False),  # a prefix is not the name
    ("Ley Federal del Trabajo (LFT)", "Ley Federal del Trabajo (LFTR)", False),
    ("", TITLE, False),
])
def test_same_instrument(name: str, title: str, same: bool) -> None:
    assert same_instrument(name, title) is same
    assert same_instrument(title, name) is same


@given(st.text(alphabet="abcdeñóÁ ().-", max_size=40), st.text(alphabet="abcdeñóÁ ().-", max_size=40))
def test_symmetric(a: str, b: str) -> None:
    assert same_instrument(a, b) is same_instrument(b, a)


@given(st.text(alphabet="abcdeñóÁ .-", min_size=1, max_size=40))
def test_a_name_is_itself_in_any_case(name: str) -> None:
    assert same_instrument(name, name.upper()) is bool(instruments.name_words(name))


# --- through diffing.amend -------------------------------------------------------------------------
LEY = """LEY GENERAL DE SALUD
TÍTULO PRIMERO
Disposiciones Generales
CAPÍTULO ÚNICO
Artículo 1o.- La presente ley reglamenta el derecho a la protección de la salud que tiene toda persona.
Artículo 2o.- El derecho a la protección de la salud tiene las siguientes finalidades:
I. El bienestar físico y mental de la persona;
II. La prolongación y mejoramiento de la calidad de la vida humana.
"""
REG = f"""{REGLAMENTO.upper()}
CAPÍTULO I
Disposiciones Generales
Artículo 1.- El presente ordenamiento tiene por objeto reglamentar el control sanitario de la publicidad.
Artículo 2.- Para efectos de este Reglamento se entenderá por:
I. Ley: la Ley General de Salud;
II. Secretaría: la Secretaría de Salud.
"""
IN_FORCE = ("ÚNICO.- El presente Decreto entrará en vigor al día siguiente de su publicación en el "
            "Diario Oficial de la Federación.")
OMNIBUS = "\n".join([
    f"DECRETO por el que se reforman la Ley General de Salud y el {REGLAMENTO}.",
    "Al margen un sello con el Escudo Nacional, que dice: Estados Unidos Mexicanos.- Presidencia de la "
    "República.",
    "DECRETO",
    "ARTÍCULO PRIMERO.- Se reforma la fracción II del artículo 2o. de la Ley General de Salud, para "
    "quedar como sigue:",
    "Artículo 2o.- ...",
    "I. ...",
    "II. La prolongación y el mejoramiento de la calidad de la vida humana, en condiciones de igualdad.",
    f"ARTÍCULO SEGUNDO.- Se reforma la fracción II del artículo 2 del {REGLAMENTO}, para quedar como sigue:",
    "Artículo 2.- ...",
    "I. ...",
    "II. Secretaría: la Secretaría de Salud del Gobierno Federal.",
    "TRANSITORIOS",
    IN_FORCE,
    "",
])


@pytest.mark.parametrize(("base", "after"), [
    (LEY, "La prolongación y el mejoramiento de la calidad de la vida humana, en condiciones de igualdad."),
    (REG, "Secretaría: la Secretaría de Salud del Gobierno Federal."),
])
def test_an_omnibus_decree_applies_to_each_base_only_its_own_article(base: str, after: str) -> None:
    outcome = amend(parse_statute(base), OMNIBUS)
    changes = [(c.label, str(c.type), c.after) for c in outcome.changes]
    assert changes == [("art_2__frac_ii", "modified", after)]
    assert [i.source for i in outcome.instructions] == ["Se reforma la fracción II del artículo 2"
                                                        + ("o." if base is LEY else "")]
    assert outcome.discrepancies == ()


def test_a_clause_naming_the_instrument_by_its_acronym_amends_the_spelled_out_base() -> None:
    base = parse_statute((IMSS / "estatuto_organico_base.txt").read_text(encoding="utf-8"))
    spelled = f"del {TITLE}, para quedar como sigue"
    text = (IMSS / "modificacion_2024-05-15.txt").read_text(encoding="utf-8")
    assert spelled in text
    short = text.replace(spelled, "del Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR, "
                                  "para quedar como sigue")
    outcome = amend(base, short)
    assert outcome.document == "Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR"
    assert not [d for d in outcome.discrepancies if d.kind is DiscrepancyKind.UNRESOLVED]
    assert outcome.ok and len(outcome.changes) == 14
