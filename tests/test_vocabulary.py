"""The shared vocabulary (parser.vocabulary) and the Label value type (parser.labels.Label)."""

from __future__ import annotations

import doctest
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parser import Kind, format_citation, labels, parse_citation, parse_statute, vocabulary, word_patterns
from parser.labels import Label


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(value: int) -> None:
    numeral = vocabulary.int_to_roman(value)
    assert vocabulary.roman_to_int(numeral) == value
    assert vocabulary.roman_to_int(numeral.lower()) == value


@given(st.integers(min_value=1, max_value=99), st.booleans())
def test_ordinal_round_trip(value: int, feminine: bool) -> None:
    words = vocabulary.int_to_ordinal(value, feminine=feminine)
    assert vocabulary.ordinal_to_int(words) == value
    assert vocabulary.ordinal_to_int(words.upper()) == value       # "DÉCIMA SEGUNDA"
    assert vocabulary.ordinal_to_int(words.replace(" ", "")) == value  # "VIGESIMOCUARTO"


@given(st.integers(min_value=0, max_value=99))
def test_cardinal_round_trip(value: int) -> None:
    assert vocabulary.cardinal_to_int(vocabulary.int_to_cardinal(value)) == value


@pytest.mark.parametrize("module", [vocabulary, word_patterns, labels])
def test_doctests(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0


@given(st.integers(min_value=1, max_value=99), st.booleans())
def test_ordinal_fragment_matches_every_ordinal(value: int, feminine: bool) -> None:
    words = vocabulary.int_to_ordinal(value, feminine=feminine)
    for written in (words, words.upper(), vocabulary.fold_text(words).replace(" ", "")):
        assert re.fullmatch(vocabulary.ORDINAL, written, re.IGNORECASE), written


@given(st.integers(min_value=0, max_value=29))
def test_cardinal_fragment_matches_the_one_word_cardinals(value: int) -> None:
    words = vocabulary.int_to_cardinal(value)
    for written in (words, words.upper(), vocabulary.fold_text(words)):
        assert re.fullmatch(vocabulary.CARDINAL, written, re.IGNORECASE), written


@pytest.mark.parametrize("bad", ["", "IIII", "VX", "abc", "MMMM"])
def test_not_roman(bad: str) -> None:
    with pytest.raises(ValueError):
        vocabulary.roman_to_int(bad)


@pytest.mark.parametrize(("words", "value"), [
    ("Primero", 1), ("Primer", 1), ("Primera", 1), ("Tercer", 3), ("Séptima", 7), ("Setimo", 7),
    ("Décima Segunda", 12), ("DÉCIMO PRIMERO", 11), ("Undécima", 11), ("Duodécimo", 12),
    ("VIGESIMOCUARTO", 24), ("Vigésimo-Quinto", 25), ("Trigésima Novena", 39), ("Nona", 9),
    ("Único", 1), ("ÚNICA", 1),
])
def test_ordinal_words(words: str, value: int) -> None:
    assert vocabulary.ordinal_to_int(words) == value


@pytest.mark.parametrize("bad", ["", "Segundos párrafos", "Bis", "trece"])
def test_not_ordinal(bad: str) -> None:
    with pytest.raises(ValueError):
        vocabulary.ordinal_to_int(bad)


@pytest.mark.parametrize(("word", "rank"), [
    ("Bis", 2), ("Ter", 3), ("Quáter", 4), ("QUATER", 4), ("Quinquies", 5), ("Quintus", 5),
    ("Sexies", 6), ("Sextus", 6), ("Septies", 7), ("Séptimus", 7), ("Octies", 8), ("Nonies", 9),
    ("Novies", 9), ("Decies", 10), ("Vicies", 20),
])
def test_latin_qualifiers(word: str, rank: int) -> None:
    assert vocabulary.latin_rank(word) == rank
    assert re.fullmatch(vocabulary.LATIN, word, re.IGNORECASE)


def test_latin_pattern_prefers_the_longest_word() -> None:
    assert re.match(vocabulary.LATIN, "quaterdecies").group() == "quaterdecies"  # type: ignore[union-attr]


def test_the_two_folds() -> None:
    assert vocabulary.fold_text("Ñoño Artículo") == "nono articulo"
    assert vocabulary.fold_label("353-Ñ") == "353-nn"
    assert vocabulary.fold_label("353-N") == "353-n"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
       | st.text(alphabet="aeinoAEINÑñáéíóúÁÉÍÓÚüÜ ﬁ²ºª́̃", max_size=12))
def test_fold_text_fast_path_is_the_full_fold(text: str) -> None:
    # the reference: every combining mark of the NFKD form dropped, one character at a time
    decomposed = unicodedata.normalize("NFKD", text)
    assert vocabulary.fold_text(text) == "".join(
        c for c in decomposed if not unicodedata.combining(c)).lower()


@pytest.mark.parametrize(("written", "value"), [
    ("DECIMOCTAVO", 18), ("Decimoctava", 18), ("vigesimoctavo", 28),  # one o for two (LIC)
    ("Décimo Octavo", 18), ("décimo-primero", 11), ("VIGESIMOCUARTO", 24), ("Vigésima", 20),
    ("Sexagésimo Quinto", 65), ("Nonagésimo", 90), ("Undécimo", 11), ("Único", 1),
])
def test_ordinal_pattern_reads_the_whole_word(written: str, value: int) -> None:
    found = re.match(vocabulary.ORDINAL, written, re.IGNORECASE)
    assert found is not None and found.group() == written
    assert vocabulary.ordinal_to_int(written) == value


@pytest.mark.parametrize(("text", "unspaced"), [
    ("…", True), ("……", True), ("...", True), ("[...]", True), ("[ … ]", True), ("……..", True),
    (". . .", False), ("… …", False), ("..", False), ("…  …", False),
])
def test_unspaced_ellipsis_is_one_written_without_inner_spaces(text: str, unspaced: bool) -> None:
    # parser.lines.split_elision_runs cuts "… … I. a III. …" with it, but never ". . ." in three
    assert bool(re.fullmatch(vocabulary.UNSPACED_ELLIPSIS, text)) is unspaced
    assert vocabulary.is_ellipsis(text)


@pytest.mark.parametrize("text", ["… …", "[...] [...]", ". . . …", "...[…]"])
def test_ellipsis_run_is_all_of_an_elided_line(text: str) -> None:
    assert re.fullmatch(vocabulary.ELLIPSIS_RUN, text)


@pytest.mark.parametrize("text", [
    "...", "…", ". . .", "..", "[...]", "[…]", "……..", "… …", "[...] [...]", " … ",
])
def test_ellipsis_forms(text: str) -> None:
    assert vocabulary.is_ellipsis(text)


@pytest.mark.parametrize("text", ["", ".", "I. ...", "a) …", "texto..."])
def test_not_only_an_ellipsis(text: str) -> None:
    assert not vocabulary.is_ellipsis(text)


@pytest.mark.parametrize("text", [
    "Se deroga", "Se deroga.", "Se Deroga.", "SE DEROGA", "Se derogan.", "Derogado",
    "Derogada.", "Derogados;", "(Se deroga)", "DEROGADO",
])
def test_derogation_forms(text: str) -> None:
    assert vocabulary.is_derogation(text)


@pytest.mark.parametrize("text", ["Se deroga el artículo 5.", "Derogación", "se reforma"])
def test_not_a_derogation_placeholder(text: str) -> None:
    assert not vocabulary.is_derogation(text)


# --- number forms real codes print ------------------------------------------------------------

@pytest.mark.parametrize(("written", "number"), [
    ("20-Bis", "20-bis"), ("20 Bis", "20-bis"), ("353-Ñ", "353-nn"), ("353-N", "353-n"),
    ("1390 Bis 1", "1390-bis-1"), ("118 A", "118-a"), ("195-D-1", "195-d-1"),
    ("257 Séptimus", "257-septimus"), ("112 Séptimus", "112-septimus"), ("1o.", "1"),
    ("1º", "1"), ("2o.-A", "2-a"), ("37bis", "37-bis"), ("Décimo Segundo", "12"),
])
def test_article_numbers(written: str, number: str) -> None:
    assert labels.article_number(written) == number


@pytest.mark.parametrize(("written", "number"), [
    ("XXIX-Ñ", "xxix-nn"), ("XXIX-N", "xxix-n"), ("I Bis", "i-bis"), ("XXIII Bis.", "xxiii-bis"),
])
def test_fraccion_numbers(written: str, number: str) -> None:
    assert labels.fraccion_number(written) == number


@pytest.mark.parametrize("ordered", [
    ["353-n", "353-nn", "353-o"],
    ["57", "57-bis", "57-ter", "57-quater", "57-quinquies", "57-sexies", "57-septimus", "58"],
    ["118", "118-a", "118-b", "119"],
    ["1390-bis", "1390-bis-1", "1390-bis-2", "1390-bis-10", "1390-ter"],
    ["xxix", "xxix-a", "xxix-n", "xxix-nn", "xxix-o", "xxx"],
])
def test_numbers_sort_as_codes_do(ordered: list[str]) -> None:
    shuffled = ordered[1::2] + ordered[::2]
    assert sorted(shuffled, key=labels.number_sort_key) == ordered


@pytest.mark.parametrize(("kind", "number", "shown"), [
    (Kind.ARTICULO, "353-nn", "353-Ñ"), (Kind.ARTICULO, "1390-bis-1", "1390 Bis 1"),
    (Kind.ARTICULO, "257-septimus", "257 Séptimus"), (Kind.ARTICULO, "84-quater", "84 Quáter"),
    (Kind.FRACCION, "xxix-nn", "XXIX-Ñ"), (Kind.INCISO, "nn", "ñ)"),
])
def test_display_numbers(kind: Kind, number: str, shown: str) -> None:
    assert labels.display_number(kind, number) == shown


@pytest.mark.parametrize(("citation", "label"), [
    ("artículo 353-Ñ", "art_353-nn"), ("353 Ñ", "art_353-nn"), ("353-N", "art_353-n"),
    ("Artículo 257 Séptimus", "art_257-septimus"), ("art. 1390 Bis 1", "art_1390-bis-1"),
    ("fracción XXIX-Ñ del artículo 73", "art_73__frac_xxix-nn"), ("20-Bis", "art_20-bis"),
])
def test_citations_resolve_to_the_new_labels(citation: str, label: str) -> None:
    assert parse_citation(citation) == label
    assert parse_citation(format_citation(label)) == label


# --- the Label value type -------------------------------------------------------------------

_PARTS = st.sampled_from(sorted(labels.PREFIX.values()))
_NUMBERS = st.from_regex(r"[a-z0-9]{1,4}(-[a-z0-9]{1,3}){0,2}", fullmatch=True)
_LABELS = st.lists(st.tuples(_PARTS, _NUMBERS), min_size=1, max_size=4).map(
    lambda parts: "__".join(f"{p}_{n}" for p, n in parts))


@given(_LABELS)
def test_label_round_trip_and_agrees_with_the_string_helpers(text: str) -> None:
    label = Label.parse(text)
    assert str(label) == text
    assert str(label.parent) == labels.parent(text)
    assert label.last_part == labels.last_part(text)
    assert list(label.parts) == labels.split(text)
    assert label.is_under(label.parent) and label.within(label) and not label.is_under(label)


def test_label_navigation() -> None:
    label = Label.parse("art_11__frac_iii__inc_h")
    assert (label.kind, label.number, label.last) == (Kind.INCISO, "h", (Kind.INCISO, "h"))
    assert str(label.parent.parent) == "art_11" and not label.parent.parent.parent
    assert str(label.with_last(Kind.INCISO, "i")) == "art_11__frac_iii__inc_i"
    assert str(Label().child(Kind.TRANSITORIO, "2")) == "tra_2"
    assert not Label.parse("art_11__frac_iii").is_under(Label.parse("art_1"))
    assert not Label.parse("art_110").within(Label.parse("art_11"))


def test_labels_sort_as_codes_do() -> None:
    texts = ["art_58", "art_57__frac_x", "art_57-bis", "art_57__frac_ix", "art_57"]
    assert sorted(texts, key=lambda t: Label.parse(t).sort_key()) == [
        "art_57", "art_57__frac_ix", "art_57__frac_x", "art_57-bis", "art_58"]


@pytest.mark.parametrize("bad", ["foo_1", "art_", "art_1__", "57"])
def test_not_a_label(bad: str) -> None:
    with pytest.raises(ValueError):
        Label.parse(bad)


_LFT_LIKE = """LEY FEDERAL DEL TRABAJO

Artículo 353-N.- Los sindicatos de trabajadores universitarios.

Artículo 353-Ñ.- Los sindicatos y las directivas de los mismos que se constituyan en las universidades.

Artículo 353-O.- Las disposiciones de este capítulo.

Artículo 73.- El Congreso tiene facultad:

XXIX-N. Para expedir leyes en materia de constitución y funcionamiento de las sociedades cooperativas;

XXIX-Ñ. Para expedir leyes que establezcan las bases sobre las cuales la Federación coordinará sus acciones;

XXIX-O. Para legislar en materia de protección de datos personales en posesión de particulares.
"""


def test_n_and_enye_are_different_units_in_a_parsed_statute() -> None:
    labels_found = list(parse_statute(_LFT_LIKE).index())
    assert [x for x in labels_found if "__" not in x] == [
        "art_353-n", "art_353-nn", "art_353-o", "art_73"]
    assert [x for x in labels_found if "frac" in x] == [
        "art_73__frac_xxix-n", "art_73__frac_xxix-nn", "art_73__frac_xxix-o"]
    assert format_citation("art_73__frac_xxix-nn") == "artículo 73, fracción XXIX-Ñ"


_QUALIFIERS = st.lists(st.one_of(st.sampled_from(sorted(labels.LATIN_RANK)),
                                 st.sampled_from([*"abcdefghijklmnopqrstuvwxyz", "nn"]),
                                 st.integers(min_value=1, max_value=40).map(str)), max_size=3)


@given(st.integers(min_value=1, max_value=3000), _QUALIFIERS)
def test_article_numbers_survive_display_and_reading(base: int, qualifiers: list[str]) -> None:
    number = "-".join([str(base), *qualifiers])
    assert labels.article_number(labels.display_number(Kind.ARTICULO, number)) == number


@given(st.integers(min_value=1, max_value=60), _QUALIFIERS)
def test_fraccion_numbers_survive_display_and_reading(base: int, qualifiers: list[str]) -> None:
    number = "-".join([vocabulary.int_to_roman(base).lower(), *qualifiers])
    assert labels.fraccion_number(labels.display_number(Kind.FRACCION, number)) == number
