"""Edition index behaviour: wrong days, layout changes, decoys, repeats, cut titles."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errors import IncompleteBody, SanityError, TrackerError
from gazette import Edition
from scraper.edition import WrongDay, check_index_complete, parse_edition

INDEX = Path(__file__).resolve().parent.parent / "fixtures" / "dof" / "www" / "index"
DAY = date(2024, 5, 15)


def page(name: str = "2024-05-15_MAT.html") -> str:
    return (INDEX / name).read_bytes().decode("utf-8")


def test_another_days_page_is_rejected() -> None:
    with pytest.raises(WrongDay, match="2024-05-14"):
        parse_edition(page(), date(2024, 5, 14), Edition.MAT)


def test_another_editions_page_is_rejected() -> None:
    """Asking without edicion gets the vespertina; the header shows it and we refuse it."""
    with pytest.raises(WrongDay, match="vespertina"):
        parse_edition(page("2024-05-14_VES.html"), date(2024, 5, 14), Edition.MAT)


def test_unmutated_page_parses() -> None:
    """Control for the mutations below: the page itself is fine."""
    parsed = parse_edition(page(), DAY, Edition.MAT)
    assert parsed.published and len(parsed.notices) == 8 and parsed.cod_diario == "323540"


@pytest.mark.parametrize("old, new", [
    ('class="txt"><span style="font-weight: bold;">Fecha:',
     'class="fecha"><span style="font-weight: bold;">Fecha:'),  # header cell renamed
    ("Fecha: 15/05/2024", "Publicado: 15/05/2024"),  # header wording changed
])
def test_layout_change_with_note_links_fails_loudly(old: str, new: str) -> None:
    mutated = page().replace(old, new)
    assert mutated != page()
    with pytest.raises(SanityError):
        parse_edition(mutated, DAY, Edition.MAT)


def test_header_without_notes_fails_loudly() -> None:
    mutated = page().replace("nota_detalle.php?codigo=", "nota_detalle_v2.php?id=")
    with pytest.raises(SanityError, match="no se leyó ninguna nota"):
        parse_edition(mutated, DAY, Edition.MAT)


def test_no_data_page_means_not_published() -> None:
    no_edition = (INDEX.parent / "no-edition.html").read_text(encoding="utf-8")
    parsed = parse_edition(no_edition, date(2024, 5, 18), Edition.MAT)
    assert not parsed.published and parsed.notices == ()


def test_decoy_word_links_and_repeats_are_not_notes() -> None:
    text = page()
    assert text.count("nota_detalle.php?codigo=5727205") == 2  # linked twice on purpose
    assert "nota_to_doc.php?codnota=5727204" in text  # decoy on the IMSS-BIENESTAR header
    codigos = [n.codigo for n in parse_edition(text, DAY, Edition.MAT).notices]
    assert len(codigos) == len(set(codigos)) == 8
    assert "5727204" not in codigos and "5727205" in codigos


def test_state_follows_sections_and_poderes() -> None:
    notices = {n.codigo: n for n in parse_edition(page(), DAY, Edition.MAT).notices}
    imss = notices["5727205"]
    assert (imss.section, imss.poder) == ("PRIMERA SECCION",
                                          "ORGANISMOS DESCONCENTRADOS O DESCENTRALIZADOS")
    assert imss.issuer.startswith("SERVICIOS DE SALUD DEL INSTITUTO MEXICANO")
    assert imss.title.startswith("Modificación al Estatuto Orgánico")
    assert str(imss.kind) == "amends" and "IMSS-BIENESTAR" in (imss.document or "")
    legislative = notices["5727214"]
    assert (legislative.section, legislative.poder, legislative.issuer) == (
        "SEGUNDA SECCION", "PODER LEGISLATIVO", "CAMARA DE DIPUTADOS")


def test_cut_title_is_flagged_and_does_not_swallow_the_next_row() -> None:
    parsed = parse_edition(page("2024-05-14_VES.html"), date(2024, 5, 14), Edition.VES)
    assert parsed.truncated == frozenset({"5727141"})
    first, second = parsed.notices
    assert first.title.endswith("a los com") and "Guatemala" not in first.title
    assert second.title.startswith("Acuerdo por el cual")


def test_cut_page_is_incomplete() -> None:
    text = page()
    check_index_complete(text)
    for cut in range(1000, len(text) - 20, 997):
        with pytest.raises(IncompleteBody):
            check_index_complete(text[:cut])


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_parses_or_raises_typed_errors(text: str) -> None:
    with contextlib.suppress(TrackerError):
        parse_edition(text, DAY, Edition.MAT)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_random_cuts_never_yield_notices_silently(cut: int) -> None:
    """A page cut anywhere either parses a prefix of the notes or raises; never invents any."""
    text = page()
    prefix = text[: cut % len(text)]
    try:
        parsed = parse_edition(prefix, DAY, Edition.MAT)
    except TrackerError:
        return
    full = [n.codigo for n in parse_edition(text, DAY, Edition.MAT).notices]
    assert [n.codigo for n in parsed.notices] == full[: len(parsed.notices)]
