"""The clause reader speaks parser.vocabulary: every number form a statute prints (Ñ in labels,
accented and rarer Latin qualifiers, ordinal words up to the nineties, partitives written for
ordinals) is read in a clause as the statute reader reads it, never dropped to a shorter label.

Rows are forms real decrees and consolidated texts print (research/mx-amendment-grammar.md §4;
LFT "112 Séptimus", Constitución 73 "XXIX-Ñ", LFT "353-Ñ", Código de Comercio "onceavo"). The
print-layout reader's lone heads and ellipses come from the same vocabulary (last section).
"""

from __future__ import annotations

import pytest

from errors import AmendmentError
from parser import Kind, Verb, labels, parse_statute
from parser.clauses import read_clause
from parser.print_layout import printed_text
from parser.shifts import with_shifts


def labels_of(clause: str) -> list[tuple[str, str]]:
    _, directives = read_clause(clause)
    return [(str(d.verb), d.label) for d in directives]


@pytest.mark.parametrize(("clause", "expected"), [
    # Ñ after a Roman numeral: a fracción of its own, not XXIX
    ("Se reforma la fracción XXIX-Ñ del artículo 73 de la Constitución",
     [("reforma", "art_73__frac_xxix-nn")]),
    ("Se adicionan las fracciones XXIX-Ñ y XXIX-O al artículo 73 de la Constitución",
     [("adiciona", "art_73__frac_xxix-nn"), ("adiciona", "art_73__frac_xxix-o")]),
    ("Se reforman los artículos 353-Ñ y 353-O de la Ley Federal del Trabajo",
     [("reforma", "art_353-nn"), ("reforma", "art_353-o")]),
    ("Se reforma el inciso ñ) de la fracción II del artículo 5 de la Ley X",
     [("reforma", "art_5__frac_ii__inc_nn")]),
    # Latin qualifiers, accented or not, and the rarer ones the vocabulary knows
    ("Se adiciona el artículo 112 Séptimus de la Ley Federal del Trabajo",
     [("adiciona", "art_112-septimus")]),
    ("Se adiciona el artículo 112 SEPTIMUS de la Ley X", [("adiciona", "art_112-septimus")]),
    ("Se adiciona el artículo 84 Quáter de la Ley X", [("adiciona", "art_84-quater")]),
    ("Se adiciona el artículo 7 Terdecies de la Ley X", [("adiciona", "art_7-terdecies")]),
    ("Se adiciona el artículo 7 Tredecies de la Ley X", [("adiciona", "art_7-tredecies")]),
    ("Se adiciona el artículo 7 Quáterdecies de la Ley X", [("adiciona", "art_7-quaterdecies")]),
    ("Se adiciona el artículo 7 Octavus de la Ley X", [("adiciona", "art_7-octavus")]),
    ("Se adiciona el artículo 7 Vicies de la Ley X", [("adiciona", "art_7-vicies")]),
    ("Se adiciona la fracción III Quintus al artículo 7 de la Ley X",
     [("adiciona", "art_7__frac_iii-quintus")]),
    # ordinal words: every ten the vocabulary has, joined or hyphenated
    ("Se reforma el párrafo quincuagésimo primero del artículo 3 de la Ley X",
     [("reforma", "art_3__par_51")]),
    ("Se reforma el párrafo sexagésimo del artículo 3 de la Ley X",
     [("reforma", "art_3__par_60")]),
    ("Se reforma el párrafo vigésimo-primero del artículo 3 de la Ley X",
     [("reforma", "art_3__par_21")]),
    ("Se reforma el párrafo decimosegundo del artículo 3 de la Ley X",
     [("reforma", "art_3__par_12")]),
    ("Se reforma el párrafo nono del artículo 3 de la Ley X", [("reforma", "art_3__par_9")]),
    ("Se reforma el párrafo sétimo del artículo 3 de la Ley X", [("reforma", "art_3__par_7")]),
    ("Se reforma el Capítulo Quincuagésimo de la Ley X", [("reforma", "cap_50")]),
    # partitives written for ordinals (Código de Comercio: "décimo y onceavo párrafos")
    ("Se reforma el párrafo onceavo del artículo 3 de la Ley X", [("reforma", "art_3__par_11")]),
    ("Se reforman los párrafos décimo y onceavo del artículo 1070 del Código de Comercio",
     [("reforma", "art_1070__par_10"), ("reforma", "art_1070__par_11")]),
    ("Se reforma el párrafo doceavo del artículo 3 de la Ley X", [("reforma", "art_3__par_12")]),
    ("Se reforma el párrafo treceavo del artículo 3 de la Ley X", [("reforma", "art_3__par_13")]),
    # relative ordinals stay the clause reader's own
    ("Se reforma el último párrafo del artículo 3 de la Ley X",
     [("reforma", "art_3__par_ultimo")]),
    ("Se reforma el penúltimo párrafo del artículo 3 de la Ley X",
     [("reforma", "art_3__par_penultimo")]),
])
def test_clause_numbers_as_the_vocabulary_reads_them(clause: str, expected: list[tuple[str, str]]) -> None:
    assert labels_of(clause) == expected


@pytest.mark.parametrize("clause", [
    # a word that only starts like an ordinal is no ordinal ("Quintana", "primeramente")
    "Se reforma el párrafo Quintana del artículo 3 de la Ley X",
])
def test_words_that_only_start_like_ordinals(clause: str) -> None:
    try:
        found = labels_of(clause)
    except AmendmentError:
        return
    assert all("par_5" not in label for _, label in found), found


@pytest.mark.parametrize(("clause", "expected"), [
    # a run that names Ñ (label 'nn') counts it, after N: Constitución 73 XXIX-N, XXIX-Ñ, XXIX-O
    ("Se adicionan las fracciones XXIX-Ñ a XXIX-P al artículo 73 de la Constitución",
     ["art_73__frac_xxix-nn", "art_73__frac_xxix-o", "art_73__frac_xxix-p"]),
    ("Se reforman los artículos 353-M a 353-Ñ de la Ley Federal del Trabajo",
     ["art_353-m", "art_353-n", "art_353-nn"]),
    ("Se reforman los incisos ñ) a p) de la fracción I del artículo 5 de la Ley X",
     ["art_5__frac_i__inc_nn", "art_5__frac_i__inc_o", "art_5__frac_i__inc_p"]),
    # a run between plain letters is read in the plain alphabet: the LFT decree's "291-A a
    # 291-U" added no 291-Ñ (the same law's 353-Ñ is named one by one)
    ("Se reforman las fracciones XXIX-A a XXIX-C del artículo 73 de la Constitución",
     ["art_73__frac_xxix-a", "art_73__frac_xxix-b", "art_73__frac_xxix-c"]),
    ("Se reforman los artículos 291-M a 291-O de la Ley Federal del Trabajo",
     ["art_291-m", "art_291-n", "art_291-o"]),
    ("Se reforman los incisos m) a o) de la fracción I del artículo 5 de la Ley X",
     ["art_5__frac_i__inc_m", "art_5__frac_i__inc_n", "art_5__frac_i__inc_o"]),
    ("Se reforman los incisos a) a c) de la fracción I del artículo 5 de la Ley X",
     ["art_5__frac_i__inc_a", "art_5__frac_i__inc_b", "art_5__frac_i__inc_c"]),
    ("Se reforman los apartados A a C del artículo 5 de la Ley X",
     ["art_5__apt_a", "art_5__apt_b", "art_5__apt_c"]),
    ("Se reforman los apartados II a IV del artículo 5 de la Ley X",
     ["art_5__apt_ii", "art_5__apt_iii", "art_5__apt_iv"]),
])
def test_lettered_runs(clause: str, expected: list[str]) -> None:
    assert [label for _, label in labels_of(clause)] == expected


@pytest.mark.parametrize("clause", [
    # malformed Roman numerals are refused by name, never a crash or another unit's label
    "Se reforman las reglas IIII y V del Acuerdo X",              # was art_5 alone
    "Se reforma la Sección A del Capítulo II de la Ley X",        # was the whole cap_2
    "Se reforma el numeral A del artículo 5 de la Ley X",         # was the whole art_5
    "Se reforman los apartados IIII a VI del artículo 5 de la Ley X",
    "Se reforman los apartados IC a VI del artículo 5 de la Ley X",
    "Se reforman las fracciones IIII a VI del artículo 5 de la Ley X",
    "Se adiciona una fracción V, recorriéndose las actuales IIII y V del artículo 5 de la Ley X",
])
def test_malformed_roman_numerals_are_refused(clause: str) -> None:
    with pytest.raises(AmendmentError):
        labels_of(clause)


# --- the print-layout reader (parser.print_layout) speaks the same vocabulary -------------------

@pytest.mark.parametrize("head", [
    "ARTÍCULO TRIGÉSIMO PRIMERO", "TRIGÉSIMO TRANSITORIO", "ARTÍCULO DECIMOTERCERO.-",
    "ARTÍCULO CUADRAGÉSIMO QUINTO TRANSITORIO", "Artículo Vigésimo Segundo", "ARTICULO ÚNICO",
])
def test_lone_operative_heads_join_their_text(head: str) -> None:
    printed = printed_text(f"{head}\nSe reforma el artículo 5 de la Ley X, para quedar como sigue:\n")
    assert printed.text.splitlines()[0] == \
        f"{head.rstrip(' .-')}.- Se reforma el artículo 5 de la Ley X, para quedar como sigue:"


_FILLER = "texto de la fracción que sigue igual en todo su contenido normativo " * 40


@pytest.mark.parametrize("ellipsis", ["...", "…", ". . .", "[...]", "[. . .]", "[…]"])
def test_collapsed_text_cut_before_every_ellipsis(ellipsis: str) -> None:
    """A body collapsed to one line is cut before each ellipsis, however it is printed."""
    text = ("ARTÍCULO ÚNICO.- Se reforma la fracción III del artículo 2 de la Ley X, para quedar "
            f"como sigue: Artículo 2.- {_FILLER}fin. {ellipsis} I. a II. {ellipsis} III. Nueva "
            f"fracción; {_FILLER}")
    lines = printed_text(text).text.splitlines()
    assert lines[2:4] == [ellipsis, f"I. a II. {ellipsis}"]
    assert lines[4].startswith("III. Nueva fracción;")


# --- shifts ("recorriéndose en su orden") count letters as the base letters them ---------------

def _base_with_incisos(letters: list[str]) -> str:
    return ("LEY de Pruebas\nArtículo 5o. El artículo dice:\nI. La fracción comprende:\n"
            + "".join(f"{letter}) Texto del inciso {letter};\n" for letter in letters)
            + "II. Otra fracción.\n")


@pytest.mark.parametrize(("letters", "expected"), [
    # a list that has ñ): every inciso from m) on moves one letter, ñ) included
    (["k", "l", "m", "n", "ñ", "o"],
     [("m", "n"), ("n", "nn"), ("nn", "o"), ("o", "p")]),
    # a list that goes from n) to o) keeps the plain alphabet (LFT 291-N, 291-O)
    (["k", "l", "m", "n", "o"], [("m", "n"), ("n", "o"), ("o", "p")]),
])
def test_a_shift_moves_incisos_in_the_base_alphabet(letters: list[str],
                                                    expected: list[tuple[str, str]]) -> None:
    base = parse_statute(_base_with_incisos(letters))
    assert [p.label for p in base.index().values() if p.kind is Kind.INCISO][-2:] == \
        [f"art_5__frac_i__inc_{labels.fold_label(letter)}" for letter in letters[-2:]]
    _, directives = read_clause("Se adiciona el inciso m), recorriéndose en su orden los "
                                "subsecuentes, a la fracción I del artículo 5o.")
    moves = [(d.label, d.new_label) for d in with_shifts(directives, base) if d.verb is Verb.RENUMERA]
    assert moves == [(f"art_5__frac_i__inc_{a}", f"art_5__frac_i__inc_{b}") for a, b in expected]
