"""Labels and citations, both ways (DESIGN.md §1.2)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errors import InputError
from parser import Kind, format_citation, labels, parse_citation


@pytest.mark.parametrize(("citation", "label"), [
    ("57", "art_57"),
    ("Artículo 1o.", "art_1"),
    ("57 Bis", "art_57-bis"),
    ("84 Quáter", "art_84-quater"),
    ("84 Quintus", "art_84-quintus"),
    ("art. 2o.-A", "art_2-a"),
    ("15-B Bis", "art_15-b-bis"),
    ("77 bis 35-J", "art_77-bis-35-j"),
    ("artículo 57, fracción III", "art_57__frac_iii"),
    ("57, fracción IX", "art_57__frac_ix"),
    ("fracción IX del artículo 57", "art_57__frac_ix"),
    ("el inciso h) de la fracción III del artículo 11", "art_11__frac_iii__inc_h"),
    ("artículo 73, fracción XXIX-Y", "art_73__frac_xxix-y"),
    ("fracción I Bis del artículo 2", "art_2__frac_i-bis"),
    ("artículo 56, párrafo primero", "art_56__par_1"),
    ("segundo párrafo del artículo 4", "art_4__par_2"),
    ("Artículo Primero", "art_1"),
    ("transitorio segundo", "tra_2"),
    ("artículo tercero transitorio", "tra_3"),
    ("Sección Décima Segunda", "sec_12"),
    ("art_57__frac_iii", "art_57__frac_iii"),
])
def test_citation_to_label(citation: str, label: str) -> None:
    assert parse_citation(citation) == label


@pytest.mark.parametrize("bad", ["", "   ", "fracción", "artículo", "hola mundo"])
def test_unreadable_citation_is_input_error(bad: str) -> None:
    with pytest.raises(InputError):
        parse_citation(bad)


@pytest.mark.parametrize(("number", "value"), [
    ("Primero", 1), ("Segunda", 2), ("Décimo Segundo", 12), ("VIGESIMOCUARTO", 24),
    ("Vigésimo Primero", 21), ("Undécimo", 11), ("Duodécimo", 12), ("ÚNICO", 1), ("XIV", 14),
    ("13", 13), ("1o.", 1), ("trece", 13),
])
def test_number_value(number: str, value: int) -> None:
    assert labels.number_value(number) == value


def test_article_order_follows_latin_ranks() -> None:
    numbers = ["55", "54-quintus", "54-quater", "54", "54-bis", "54-ter"]
    assert sorted(numbers, key=labels.number_sort_key) == [
        "54", "54-bis", "54-ter", "54-quater", "54-quintus", "55"]


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(value: int) -> None:
    assert labels.roman_to_int(labels.int_to_roman(value)) == value


@given(st.integers(min_value=1, max_value=99), st.booleans())
def test_ordinal_round_trip(value: int, feminine: bool) -> None:
    assert labels.ordinal_to_int(labels.int_to_ordinal(value, feminine)) == value


_latin = st.sampled_from(["bis", "ter", "quater", "quinquies", "sexies"])
_article = st.builds(
    lambda base, quals: "-".join([str(base), *quals]),
    st.integers(min_value=1, max_value=3000),
    st.lists(st.one_of(_latin, st.sampled_from(list("abcdejz"))), max_size=2),
)
_fraccion = st.builds(
    lambda n, q: "-".join([labels.int_to_roman(n).lower(), *q]),
    st.integers(min_value=1, max_value=60), st.lists(_latin, max_size=1),
)


@given(_article, st.one_of(st.none(), _fraccion), st.one_of(st.none(), st.sampled_from("abcdh")))
def test_label_citation_round_trip(article: str, fraccion: str | None, inciso: str | None) -> None:
    parts = [f"art_{article}"]
    if fraccion:
        parts.append(f"frac_{fraccion}")
        if inciso:
            parts.append(f"inc_{inciso}")
    label = labels.join(*parts)
    assert parse_citation(format_citation(label)) == label


def test_split_rejects_non_labels() -> None:
    with pytest.raises(ValueError):
        labels.split("artículo 57")
    assert labels.split("tit_2__cap_3__sec_10") == [
        (Kind.TITULO, "2"), (Kind.CAPITULO, "3"), (Kind.SECCION, "10")]


@pytest.mark.parametrize(("kind", "written", "expected"), [
    (Kind.ARTICULO, "37bis", "art_37-bis"), (Kind.ARTICULO, "5Ter", "art_5-ter"),
    (Kind.NUMERAL, "7bis", "num_7-bis"), (Kind.NUMERAL, "7 Bis", "num_7-bis"),
])
def test_a_qualifier_glued_to_its_number_is_read_apart(kind: Kind, written: str, expected: str) -> None:
    assert labels.part(kind, written) == expected
