"""Tree diff properties: apply_changes(a, changes_between(a, b)) == b, digests skip, no noise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diffing import ChangeType, apply_changes, changes_between
from parser import Document, Kind, Provision, Status
from parser.labels import int_to_roman, roman_to_int

WORDS = ["la", "persona", "titular", "deberá", "presentar", "el", "informe", "anual", "Se deroga."]
ROMANS = ["i", "ii", "iii", "iv", "v", "vi"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)


@st.composite
def incisos(draw: st.DrawFn, parent: str) -> tuple[Provision, ...]:
    letters = draw(st.lists(st.sampled_from("abcd"), unique=True, max_size=3))
    return tuple(Provision(f"{parent}__inc_{x}", Kind.INCISO, x, text=draw(texts))
                 for x in sorted(letters))


@st.composite
def fracciones(draw: st.DrawFn, article: str) -> tuple[Provision, ...]:
    numbers = draw(st.lists(st.sampled_from(ROMANS), unique=True, max_size=4))
    out = []
    for number in sorted(numbers, key=ROMANS.index):
        label = f"{article}__frac_{number}"
        derogated = draw(st.booleans()) and draw(st.booleans())
        out.append(Provision(label, Kind.FRACCION, number.upper(),
                             text="Se deroga." if derogated else draw(texts),
                             status=Status.DEROGADO if derogated else Status.VIGENTE,
                             children=() if derogated else draw(incisos(label))))
    return tuple(out)


@st.composite
def articles(draw: st.DrawFn, number: str) -> Provision:
    label = f"art_{number}"
    paragraphs = draw(st.lists(texts, min_size=1, max_size=3))
    children = [Provision(f"{label}__par_{i}", Kind.PARRAFO, str(i), text=t)
                for i, t in enumerate(paragraphs, 1)]
    return Provision(label, Kind.ARTICULO, number.replace("-", " "),
                     children=(children[0], *draw(fracciones(label)), *children[1:]))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    numbers = draw(st.lists(st.sampled_from(["1", "2", "3", "3-bis", "4"]), unique=True,
                            min_size=1, max_size=4))
    chapter = tuple(draw(articles(n)) for n in sorted(numbers))
    container = Provision("tit_1", Kind.TITULO, "I", heading=draw(texts), children=chapter)
    return Document("LEY DE PRUEBA", (container,))


@given(documents(), documents())
@settings(max_examples=150, deadline=None)
def test_apply_of_diff_rebuilds(a: Document, b: Document) -> None:
    assert apply_changes(a, changes_between(a, b)) == b


@given(documents())
def test_no_change_against_itself(a: Document) -> None:
    assert changes_between(a, a) == ()


def _shift(document: Document) -> Document:
    """The same text with every fracción moved up six numbers (i -> vii), so no label is reused.

    Where old and new numbers overlap, a diff without the decree's instructions cannot tell a
    shift from a rewrite; ``diffing.apply`` knows it from "recorriéndose", this test does not.
    """
    def move(p: Provision, parent: str) -> Provision:
        label = p.label
        if p.kind is Kind.FRACCION:
            number = int_to_roman(roman_to_int(label.rpartition("_")[2]) + 6).lower()
            label = f"{parent}__frac_{number}"
        elif p.kind not in (Kind.ARTICULO, Kind.TITULO):
            label = f"{parent}__{p.label.rpartition('__')[2]}"
        return Provision(label, p.kind, p.number, p.heading, p.text, p.status, p.annotations,
                         tuple(move(c, label) for c in p.children))

    return Document(document.title, tuple(move(p, "") for p in document.provisions))


@given(documents())
@settings(max_examples=60, deadline=None)
def test_renumbered_fracciones_are_found(a: Document) -> None:
    b = _shift(a)
    changes = changes_between(a, b)
    assert apply_changes(a, changes) == b
    moved = [c for c in changes if c.type is ChangeType.RENUMBERED]
    fracs = [p for p in a.walk() if p.kind is Kind.FRACCION]
    assert len(moved) == len(fracs)
    assert all(c.before == c.after for c in moved)


def test_wrapping_whitespace_and_quotes_never_count() -> None:
    old = Document("L", (Provision("art_1", Kind.ARTICULO, "1", children=(
        Provision("art_1__par_1", Kind.PARRAFO, "1", text="El “Programa”  anual\nde  salud."),)),))
    new = Document("L", (Provision("art_1", Kind.ARTICULO, "1", children=(
        Provision("art_1__par_1", Kind.PARRAFO, "1", text=' El "Programa" anual de salud. '),)),))
    assert changes_between(old, new) == ()


def test_unchanged_subtrees_are_skipped_by_digest() -> None:
    article = Provision("art_1", Kind.ARTICULO, "1", children=(
        Provision("art_1__par_1", Kind.PARRAFO, "1", text="Texto."),))
    changed = Provision("art_2", Kind.ARTICULO, "2", children=(
        Provision("art_2__par_1", Kind.PARRAFO, "1", text="Nuevo."),))
    old = Document("L", (article, Provision("art_2", Kind.ARTICULO, "2", children=(
        Provision("art_2__par_1", Kind.PARRAFO, "1", text="Viejo."),))))
    new = Document("L", (article, changed))
    changes = changes_between(old, new)
    assert [(c.label, c.type) for c in changes] == [("art_2__par_1", ChangeType.MODIFIED)]
    assert changes[0].before == "Viejo." and changes[0].after == "Nuevo."


def test_a_replayed_renumbering_is_found_again_not_read_as_a_reform() -> None:
    """57 renumbered to 58 and a new 57 added, applied again onto another text (a replay): by
    label alone that reads as a reform of 57 and an addition of 58; the replayed changes' own
    origin finds the renumbering again."""
    from diffing.tree import replayed_origin

    def article(number: str, text: str, *fracciones: str) -> Provision:
        return Provision(f"art_{number}", Kind.ARTICULO, number, text=text, children=tuple(
            Provision(f"art_{number}__frac_{f}", Kind.FRACCION, f.upper(), text="Las demás.")
            for f in fracciones))

    old = Document("Ley", (article("1", "Objeto."), article("57", "Corresponde a la Junta:", "ix")))
    new = Document("Ley", (article("1", "Objeto."), article("57", "La Junta sesiona cada mes."),
                           article("58", "Corresponde a la Junta:", "ix")))
    recorded = changes_between(old, new, {"art_1": "art_1", "art_58": "art_57",
                                          "art_58__frac_ix": "art_57__frac_ix"})
    assert [(c.label, c.type, c.from_label) for c in changes_between(old, new)] == [
        ("art_57", ChangeType.MODIFIED, None), ("art_58", ChangeType.ADDED, None),
        ("art_57__frac_ix", ChangeType.DEROGATED, None)]
    again = changes_between(old, new, replayed_origin(old, new, recorded))
    assert [(c.label, c.type, c.from_label) for c in again] == [
        (c.label, c.type, c.from_label) for c in recorded]
    assert [(c.label, c.type, c.from_label) for c in again] == [
        ("art_57", ChangeType.ADDED, None), ("art_58", ChangeType.RENUMBERED, "art_57")]
