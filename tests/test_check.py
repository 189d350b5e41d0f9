"""parser.check: the structural check of a parsed text (issue #13, item 2b).

Table tests on small trees built by hand (the numbering rules, one sequence at a time), table
tests on provision texts in the forms the real samples show (headings, page furniture and
history notes swallowed into a text, and the prose that must not be mistaken for them), the
wiring into ``parse_statute``, and invariants over the real samples (no counts pinned: the
statute reader is being fixed at the same time).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errors import TrackerError
from parser import (
    Document,
    Finding,
    FindingKind,
    Kind,
    Provision,
    check_document,
    labels,
    parse_statute,
    read_statute,
)
from parser.check import with_check


def unit(label: str, *children: Provision, text: str = "Texto.") -> Provision:
    """A provision whose kind and number come from its label."""
    kind, number = labels.split(label)[-1]
    return Provision(label, kind, number, text=text, children=children)


def messages(*provisions: Provision) -> list[str]:
    return [str(f) for f in check_document(Document("Ley", provisions))]


def articles(*numbers: str) -> list[Provision]:
    return [unit(f"art_{n}") for n in numbers]


# --- numbering ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("numbers", "expected"), [
    (("1", "2", "3"), []),
    (("57", "57-bis", "57-ter", "58"), []),
    (("1", "1-a", "1-a-bis", "1-b", "2"), []),                 # LIVA: 1o., 1o.-A, 1o.-A BIS, 1o.-B
    (("353-n", "353-nn", "353-o", "354"), []),                 # LFT: 353-N, 353-Ñ, 353-O
    (("84-ter", "84-quater", "84-quinquies"), []),
    (("5", "7"), ["artículo 7 después de 5: falta 6 [art_7]"]),
    (("57", "60"), ["artículo 60 después de 57: faltan 58 y 59 [art_60]"]),
    (("57", "61"), ["artículo 61 después de 57: faltan 58 a 60 [art_61]"]),
    (("57-ter", "57-bis"), ["artículo 57 Bis después de 57 Ter [art_57-bis]"]),
    (("353-nn", "353-n"), ["artículo 353-N después de 353-Ñ [art_353-n]"]),
    (("58", "60", "59"), ["artículo 60 después de 58: falta 59 [art_60]",
                          "artículo 59 después de 60 [art_59]"]),
    (("12", "13"), []),                                        # an excerpt need not start at 1
])
def test_articles_in_number_order(numbers: tuple[str, ...], expected: list[str]) -> None:
    assert messages(*articles(*numbers)) == expected


def test_articles_are_one_sequence_across_containers() -> None:
    first = Provision("tit_1", Kind.TITULO, "1", children=tuple(articles("1", "2")))
    second = Provision("tit_2", Kind.TITULO, "2", children=(
        Provision("tit_2__cap_1", Kind.CAPITULO, "1", children=tuple(articles("4"))),))
    assert messages(first, second) == ["artículo 4 después de 2: falta 3 [art_4]"]


def test_containers_in_order_within_their_parent() -> None:
    """Títulos within a libro, capítulos within a título (they restart there, or run on across
    títulos: no first number is expected); CNPP's TÍTULO VI swallowed into a text shows as a gap."""
    def container(label: str, *children: Provision) -> Provision:
        kind, number = labels.split(label)[-1]
        return Provision(label, kind, number, children=children)

    libro = container("lib_2", container("lib_2__tit_5", container("lib_2__tit_5__cap_4"),
                                         container("lib_2__tit_5__cap_4-bis")),
                      container("lib_2__tit_7", container("lib_2__tit_7__cap_1"),
                                container("lib_2__tit_7__cap_3")))
    assert messages(libro) == ["título 7 después de 5: falta 6 [lib_2__tit_7]",
                               "capítulo 3 después de 1: falta 2 [lib_2__tit_7__cap_3]"]


def _list(parent: str, prefix: str, *numbers: str) -> Provision:
    return unit(parent, *(unit(f"{parent}__{prefix}_{n}") for n in numbers))


@pytest.mark.parametrize(("prefix", "numbers", "expected"), [
    ("frac", ("i", "ii", "ii-bis", "iii"), []),
    ("frac", ("i", "ii", "ii-a", "ii-z", "iii"), []),              # XXIX-A … XXIX-Z
    ("frac", ("i", "ii", "iv"), ["fracción IV después de II: falta III [art_1__frac_iv]"]),
    ("frac", ("ii", "iii"), ["la lista abre con fracción II: falta I [art_1__frac_ii]"]),
    ("frac", ("i", "iii", "ii"), ["fracción III después de I: falta II [art_1__frac_iii]",
                                  "fracción II después de III [art_1__frac_ii]"]),
    ("inc", ("a", "b", "c"), []),
    ("inc", tuple("abcdefghij"), []),                           # i) is a letter, not Roman one
    ("inc", (*"abcdefghijklmn", "nn", "o"), []),
    ("inc", tuple("abcdefghijklmno"), []),                      # many texts skip ñ)
    ("inc", ("a", "c"), ["inciso c) después de a): falta b) [art_1__inc_c]"]),
    ("inc", (*"abcdefghijklmn", "p"), ["inciso p) después de n): faltan ñ) y o) [art_1__inc_p]"]),
    ("inc", ("nn", "n"), ["la lista abre con inciso ñ): faltan a) a n) [art_1__inc_nn]",
                          "inciso n) después de ñ) [art_1__inc_n]"]),
    ("num", ("1", "2", "3"), []),
    ("num", ("1", "3"), ["numeral 3 después de 1: falta 2 [art_1__num_3]"]),
    ("num", ("1", "2", "i", "ii", "3"), []),                    # subnumerales: a list of their own
    ("num", ("i", "iii"), ["subnumeral iii después de i: falta ii [art_1__num_iii]"]),
])
def test_lists_in_order_within_their_parent(prefix: str, numbers: tuple[str, ...],
                                           expected: list[str]) -> None:
    assert messages(_list("art_1", prefix, *numbers)) == expected


def test_each_parent_has_its_own_list() -> None:
    """Art. 123: apartado A fracciones I-II, apartado B fracciones I-II; a list restarted under
    a paragraph hangs from it and starts again at I."""
    tree = unit("art_123",
                _list("art_123__apt_a", "frac", "i", "ii"),
                _list("art_123__apt_b", "frac", "i", "ii"),
                _list("art_123__par_3", "frac", "i", "ii"))
    assert messages(tree) == []


def test_transitorios_in_order() -> None:
    transitorios = [unit(f"tra_{n}") for n in (1, 2, 4)]
    assert messages(*articles("1", "2"), *transitorios) == [
        "transitorio 4 después de 2: falta 3 [tra_4]"]


def test_top_level_numerales_of_a_manual_are_one_sequence() -> None:
    numerales = [unit(f"num_{n}") for n in ("1", "2", "2-bis", "3", "5")]
    assert messages(*numerales) == ["numeral 5 después de 3: falta 4 [num_5]"]


def test_findings_carry_label_kind_and_no_line() -> None:
    found = check_document(Document("Ley", tuple(articles("1", "3"))))
    assert found == (Finding(FindingKind.GAP, "artículo 3 después de 1: falta 2", None, "art_3"),)


# --- what a text must not hold ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "kind"), [
    # headings swallowed into a text (a heading line joined to the paragraph before it)
    ("Las partes podrán desistirse. CAPÍTULO II De las notificaciones", FindingKind.HEADING_IN_TEXT),
    ("El plazo se computará en días hábiles. TÍTULO TERCERO DE LAS PRUEBAS",
     FindingKind.HEADING_IN_TEXT),
    ("Sección Primera Disposiciones Generales", FindingKind.HEADING_IN_TEXT),
    ("Se estará a lo previsto. Capítulo IV Bis De los Medios Electrónicos",
     FindingKind.HEADING_IN_TEXT),
    # page furniture of the Cámara's PDFs and of DOF editions
    ("El Juez resolverá. CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN Secretaría General "
     "Secretaría de Servicios Parlamentarios Última Reforma DOF 16-10-2025 12 de 245 y notificará",
     FindingKind.FURNITURE),
    ("los requisitos siguientes: Última Reforma DOF 12-11-2021", FindingKind.FURNITURE),
    ("los plazos. Secretaría General Secretaría de Servicios Parlamentarios", FindingKind.FURNITURE),
    ("la cantidad que resulte. 37 de 119", FindingKind.FURNITURE),
    ("y las demás que establezca. Viernes 17 de enero de 2025 DIARIO OFICIAL (Primera Sección) "
     "la Secretaría", FindingKind.FURNITURE),
    ("(Primera Sección) DIARIO OFICIAL Martes 2 de abril de 2024", FindingKind.FURNITURE),
    # Cámara history notes left inside a text
    ("Las demás que señalen las leyes. Fracción reformada DOF 01-12-2004", FindingKind.ANNOTATION_IN_TEXT),
    ("Párrafo adicionado DOF 09-12-2013", FindingKind.ANNOTATION_IN_TEXT),
    ("El impuesto se pagará mensualmente. Reformado DOF 12-12-2013, 09-12-2019",
     FindingKind.ANNOTATION_IN_TEXT),
    ("Artículo derogado DOF 30-12-2002", FindingKind.ANNOTATION_IN_TEXT),
])
def test_out_of_place_text_is_found(text: str, kind: FindingKind) -> None:
    found = check_document(Document("Ley", (unit("art_5", text=text),)))
    assert kind in {f.kind for f in found}
    assert all(f.label == "art_5" and f.line is None for f in found)


@pytest.mark.parametrize("text", [
    "Lo dispuesto en el Capítulo II del Título Tercero de esta Ley.",
    "conforme a la Sección Primera del Capítulo IV; y",
    "Las adquisiciones a título gratuito. Título Tercero de esta Ley.",
    "a TÍTULO DE PROPIEDAD o de cualquier otro",
    # decree clauses citing headings in capitals (DOF 1 April 2024; Código de Comercio's history)
    "se modifica la denominación del CAPÍTULO IV, 17, fracciones I y II",
    "la denominación del Capítulo VI del TITULO PRIMERO del LIBRO QUINTO; la Fracción III",
    "SE ADICIONAN un artículo 46 bis; un CAPÍTULO I Bis denominado “De la Digitalización”",
    "la Secretaría General de Gobierno y la Secretaría de Hacienda.",
    "publicado en el DIARIO OFICIAL DE LA FEDERACIÓN el 5 de febrero de 2017.",
    "publicado en el Diario Oficial de la Federación el 12 de diciembre de 2012.",
    "el plazo de 3 de 10 días hábiles.",
    "el ejercicio terminará. 31 de 12",
    "el Decreto publicado en el DOF 12-12-2012 seguirá aplicándose.",
    "La Cámara de Diputados del Congreso de la Unión aprobará el presupuesto.",
    # the Cámara's own Lineamientos para el Parlamento Abierto (DOF 15/05/2024) name its bodies
    "La Secretaría de Servicios Parlamentarios publicará las iniciativas.",
    "el Centro de Documentación, Información y Análisis de la Cámara.",
])
def test_prose_is_not_mistaken(text: str) -> None:
    assert check_document(Document("Ley", (unit("art_5", text=text),))) == ()


def test_one_finding_per_provision_and_kind_in_document_order() -> None:
    header = "CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN Secretaría de Servicios Parlamentarios"
    tree = (unit("art_1", text=f"Uno. {header} dos."), unit("art_3", text="Tres. CAPÍTULO II De"),
            unit("art_4", text="Cuatro."))
    found = check_document(Document("Ley", tree))
    assert [(f.kind, f.label) for f in found] == [
        (FindingKind.FURNITURE, "art_1"), (FindingKind.GAP, "art_3"),
        (FindingKind.HEADING_IN_TEXT, "art_3")]


# --- wiring -------------------------------------------------------------------------------------
STATUTE = """LEY FEDERAL DE PRUEBA

Artículo 1o.- Esta Ley es de orden público.

Artículo 2o.- Son autoridades:

I. La Secretaría;

II. El Instituto, y

IV. Los demás órganos.

Artículo 4o.- El Instituto resolverá. CAPÍTULO II De las notificaciones

TRANSITORIOS

PRIMERO.- El presente Decreto entrará en vigor al día siguiente de su publicación.
"""


def test_parse_statute_carries_the_check() -> None:
    document = parse_statute(STATUTE)
    found = {(f.kind, f.label) for f in document.findings}
    assert {(FindingKind.GAP, "art_2__frac_iv"), (FindingKind.GAP, "art_4"),
            (FindingKind.HEADING_IN_TEXT, "art_4__par_1")} <= found


def test_check_findings_carry_the_line_the_provision_opened_on() -> None:
    """'falta III' points at the unit after the gap (IV. on line 11), a gap in the artículos at
    the article after it, a heading inside a text at the line of the paragraph holding it."""
    lines = {f.label: f.line for f in parse_statute(STATUTE).findings}
    assert lines == {"art_2__frac_iv": 11, "art_4": 13, "art_4__par_1": 13}
    assert STATUTE.split("\n")[10].startswith("IV.") and STATUTE.split("\n")[12].startswith("Artículo 4o.")


def test_with_check_fills_lines_from_the_labels_it_knows() -> None:
    bare = Document("Ley", tuple(articles("1", "3")))
    assert [f.line for f in with_check(bare, {"art_1": 3, "art_3": 9}).findings] == [9]
    assert [f.line for f in with_check(bare, {"art_1": 3}).findings] == [None]  # unknown: no guess


def test_with_check_does_not_repeat_what_the_reading_raised() -> None:
    document = Document("Ley", tuple(articles("1", "3")),
                        (Finding(FindingKind.GAP, "artículo 3 después de 1", 7, "art_3"),))
    assert with_check(document).findings == document.findings
    bare = Document("Ley", tuple(articles("1", "3")))
    assert [f.label for f in with_check(bare).findings] == ["art_3"]


# --- the real samples ---------------------------------------------------------------------------
def _real(samples: Path) -> list[Path]:
    return [*sorted((samples / "consolidated").glob("*.txt")), *sorted((samples / "texts").glob("*"))]


def test_invariants_on_the_real_samples(samples: Path) -> None:
    """Every finding names a provision of the document, says what it is in Spanish, and comes
    again identically; parse_statute carries every one of them."""
    checked = 0
    for path in _real(samples):
        try:
            document = read_statute(path.read_bytes(), path.name)
        except TrackerError:
            continue  # refused texts are the reader's business (test_statute_outputs pins them)
        found = check_document(document)
        index = document.index()
        assert all(f.label in index for f in found), path.name
        assert all(f.line is None and f.message for f in found), path.name
        assert all("dentro del texto: «" in f.message for f in found
                   if f.kind not in (FindingKind.GAP, FindingKind.ORDER)), path.name
        assert all(" después de " in f.message or "abre con" in f.message
                   for f in found if f.kind in (FindingKind.GAP, FindingKind.ORDER)), path.name
        assert check_document(document) == found
        assert {(f.kind, f.label) for f in found} <= {(f.kind, f.label) for f in document.findings}
        checked += 1
    assert checked >= 5


def test_camara_consolidations_keep_no_furniture_in_texts(samples: Path) -> None:
    """parser.furniture removes the Cámara running header from LAmp and LIVA; none of it may be
    left inside a provision (a regression there shows up here first)."""
    for path in sorted((samples / "consolidated").glob("*.txt")):
        found = check_document(read_statute(path.read_bytes(), path.name))
        assert [f for f in found if f.kind is FindingKind.FURNITURE] == [], path.name


@pytest.mark.slow
def test_invariants_on_the_tezca_codes(samples: Path) -> None:
    """The 1.4 MB codes: the check stays linear (well under the parse) and its findings name
    provisions of the document."""
    import time

    for path in sorted((samples / "consolidated-tezca").glob("*.txt")):
        try:
            document = read_statute(path.read_bytes(), path.name)
        except TrackerError:
            continue
        started = time.perf_counter()
        found = check_document(document)
        assert time.perf_counter() - started < 0.5, path.name
        index = document.index()
        assert all(f.label in index for f in found), path.name


# --- properties ---------------------------------------------------------------------------------
QUALIFIERS = ("", "-bis", "-ter", "-quater")


@given(st.integers(1, 400), st.lists(st.sampled_from(QUALIFIERS[1:]), max_size=3, unique=True),
       st.integers(1, 30))
def test_a_run_without_holes_has_no_findings(first: int, qualifiers: list[str], length: int) -> None:
    """Consecutive articles, each optionally followed by Bis, Ter … in their order, and a full
    fracción list: nothing to report, whatever the numbers."""
    ordered = [q for q in QUALIFIERS[1:] if q in qualifiers]
    numbers = [f"{n}{q}" for n in range(first, first + length) for q in ("", *ordered)]
    fracciones = _list("tra_1", "frac", *(labels.int_to_roman(n).lower() for n in range(1, length + 1)))
    assert messages(*articles(*numbers), fracciones) == []


@given(st.permutations(list(range(1, 12))))
def test_articles_out_of_order_are_reported(order: list[int]) -> None:
    """Every step back is an ORDER finding on the article that steps back; nothing else is."""
    found = check_document(Document("Ley", tuple(articles(*map(str, order)))))
    backwards = {f"art_{b}" for a, b in zip(order, order[1:], strict=False) if b < a}
    assert {f.label for f in found if f.kind is FindingKind.ORDER} == backwards
