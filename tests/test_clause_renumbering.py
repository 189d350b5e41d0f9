"""Units a decree moves are recorded as renumbered, never as modified (issue #13 item 4).

Real clauses move units three ways (grammar §4.1): explicitly ("recorriéndose las actuales
fracciones III a V para pasar a ser IV a VI", "pasando los actuales segundo y tercero a ser
tercero y cuarto", "la actual III pasa a ser IV") or implicitly ("recorriéndose en su orden
las subsecuentes", "recorriéndose la actual en su orden"), where only the base says which
units move (``parser.shifts``). A small base and decrees of our own, in the DOF's layout,
through the whole pipeline (``diffing.amend``).
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from diffing import ChangeType, amend
from parser import Kind, Verb, labels, parse_statute
from parser.clauses import read_clause
from parser.directives import Directive
from parser.shifts import with_shifts

BASE = """LEY de Pruebas
Artículo 4o. Primer párrafo del cuatro.
Segundo párrafo del cuatro.
Tercer párrafo del cuatro.
Artículo 5o. El artículo cinco dice:
I. La uno;
II. La dos;
III. La tres;
IV. La cuatro, y
V. La cinco.
Artículo 6o. El artículo seis dice:
a) El inciso a;
b) El inciso b, y
c) El inciso c.
Artículo 7o. El artículo siete dice:
I. La uno, y
II. La dos.
"""

DECREE = """ARTÍCULO ÚNICO.- {clause}, de la Ley de Pruebas, para quedar como sigue:
{body}
TRANSITORIO
ÚNICO.- El presente Decreto entrará en vigor al día siguiente de su publicación.
"""

NEW_III = "Artículo 5o. ...\nI. y II. ...\nIII. La nueva tres;\nIV. a VI. ..."
MOVED_III_TO_V = {("art_5__frac_iii", ChangeType.ADDED, None),
                  ("art_5__frac_iv", ChangeType.RENUMBERED, "art_5__frac_iii"),
                  ("art_5__frac_v", ChangeType.RENUMBERED, "art_5__frac_iv"),
                  ("art_5__frac_vi", ChangeType.RENUMBERED, "art_5__frac_v")}


@pytest.mark.parametrize(("clause", "body", "expected"), [
    # implicit: only the base says that III, IV and V move
    ("Se ADICIONA una fracción III al artículo 5o., recorriéndose en su orden las subsecuentes",
     NEW_III, MOVED_III_TO_V),
    ("Se ADICIONA una fracción III, recorriéndose en su orden las subsecuentes, al artículo 5o.",
     NEW_III, MOVED_III_TO_V),
    # explicit, with ranges on both sides
    ("Se ADICIONA una fracción III, recorriéndose las actuales fracciones III a V para pasar a ser "
     "IV a VI, del artículo 5o.", NEW_III, MOVED_III_TO_V),
    # "la actual III pasa a ser IV": the last fracción moves
    ("Se ADICIONA la fracción II, y la actual II pasa a ser III, del artículo 7o.",
     "Artículo 7o. ...\nI. ...\nII. La nueva dos, y\nIII. La dos.",
     {("art_7__frac_ii", ChangeType.ADDED, None),
      ("art_7__frac_iii", ChangeType.RENUMBERED, "art_7__frac_ii")}),
    # two added, "recorriéndose la actual en su orden": the current V goes to VII; the
    # article is written once for the reform before the addition too
    ("Se REFORMA la fracción IV y se ADICIONAN las fracciones V y VI al artículo 5o., "
     "recorriéndose la actual en su orden",
     "Artículo 5o. ...\nI. a III. ...\nIV. La cuatro reformada;\nV. La nueva cinco;\n"
     "VI. La nueva seis, y\nVII. ...",
     {("art_5__frac_iv", ChangeType.MODIFIED, None), ("art_5__frac_v", ChangeType.ADDED, None),
      ("art_5__frac_vi", ChangeType.ADDED, None),
      ("art_5__frac_vii", ChangeType.RENUMBERED, "art_5__frac_v")}),
    # incisos shift too
    ("Se ADICIONA un inciso b) al artículo 6o., recorriéndose en su orden los subsecuentes",
     "Artículo 6o. ...\na) ...\nb) El nuevo inciso b;\nc) y d) ...",
     {("art_6__inc_b", ChangeType.ADDED, None),
      ("art_6__inc_c", ChangeType.RENUMBERED, "art_6__inc_b"),
      ("art_6__inc_d", ChangeType.RENUMBERED, "art_6__inc_c")}),
    # párrafos, implicit and explicit ("pasando los actuales … a ser …")
    ("Se ADICIONA un párrafo segundo, recorriéndose en su orden los subsecuentes, al artículo 4o.",
     "Artículo 4o. ...\nNuevo segundo párrafo del cuatro.\n...",
     {("art_4__par_2", ChangeType.ADDED, None),
      ("art_4__par_3", ChangeType.RENUMBERED, "art_4__par_2"),
      ("art_4__par_4", ChangeType.RENUMBERED, "art_4__par_3")}),
    ("Se ADICIONA un párrafo segundo al artículo 4o., pasando los actuales segundo y tercero a "
     "ser tercero y cuarto", "Artículo 4o. ...\nNuevo segundo párrafo del cuatro.\n...",
     {("art_4__par_2", ChangeType.ADDED, None),
      ("art_4__par_3", ChangeType.RENUMBERED, "art_4__par_2"),
      ("art_4__par_4", ChangeType.RENUMBERED, "art_4__par_3")}),
    # a unit that moves and is reformed ("el actual párrafo segundo"): one renumbered change
    # carrying its new text
    ("Se ADICIONA un párrafo segundo, se recorren los subsecuentes y se REFORMA el actual párrafo "
     "segundo del artículo 4o.",
     "Artículo 4o. ...\nNuevo segundo párrafo del cuatro.\nSegundo párrafo, reformado.\n...",
     {("art_4__par_2", ChangeType.ADDED, None),
      ("art_4__par_3", ChangeType.RENUMBERED, "art_4__par_2"),
      ("art_4__par_4", ChangeType.RENUMBERED, "art_4__par_3")}),
    ("Se ADICIONA una fracción III, recorriéndose en su orden las subsecuentes, y se REFORMA la "
     "actual fracción III del artículo 5o.",
     "Artículo 5o. ...\nI. y II. ...\nIII. La nueva tres;\nIV. La tres reformada;\nV. y VI. ...",
     MOVED_III_TO_V),
])
def test_moved_units_are_renumbered_not_modified(clause: str, body: str,
                                                 expected: set[tuple[str, ChangeType, str | None]]
                                                 ) -> None:
    outcome = amend(parse_statute(BASE), DECREE.format(clause=clause, body=body))
    assert outcome.discrepancies == ()
    assert {(c.label, c.type, c.from_label) for c in outcome.changes} == expected


def test_a_moved_and_reformed_unit_keeps_its_new_text() -> None:
    outcome = amend(parse_statute(BASE), DECREE.format(
        clause="Se ADICIONA una fracción III, recorriéndose en su orden las subsecuentes, y se "
               "REFORMA la actual fracción III del artículo 5o.",
        body="Artículo 5o. ...\nI. y II. ...\nIII. La nueva tres;\nIV. La tres reformada;\n"
             "V. y VI. ..."))
    (moved,) = [c for c in outcome.changes if c.label == "art_5__frac_iv"]
    assert (moved.before, moved.after) == ("La tres;", "La tres reformada;")


def test_without_the_shift_the_added_fraccion_collides() -> None:
    # the same body with a clause that says nothing of the move: never silently renumbered
    outcome = amend(parse_statute(BASE), DECREE.format(
        clause="Se ADICIONA una fracción III al artículo 5o.", body=NEW_III))
    assert outcome.discrepancies


def test_shift_spelled_out_against_the_base() -> None:
    base = parse_statute(BASE)
    _, directives = read_clause("Se adicionan las fracciones III y IV, recorriéndose en su orden "
                                "las subsecuentes, al artículo 5o.")
    assert [d.shifts for d in directives] == [True, True]
    moves = [(d.label, d.new_label) for d in with_shifts(directives, base)
             if d.verb is Verb.RENUMERA]
    assert moves == [("art_5__frac_iii", "art_5__frac_v"), ("art_5__frac_iv", "art_5__frac_vi"),
                     ("art_5__frac_v", "art_5__frac_vii")]


def test_an_explicit_move_is_taken_at_its_word() -> None:
    base = parse_statute(BASE)
    _, directives = read_clause("Se adiciona la fracción III, recorriéndose la actual III para "
                                "pasar a ser IV, del artículo 5o.")
    renumbered = [(d.label, d.new_label) for d in with_shifts(directives, base)
                  if d.verb is Verb.RENUMERA]
    assert renumbered == [("art_5__frac_iii", "art_5__frac_iv")]


def test_a_qualified_addition_moves_nothing() -> None:
    added = Directive(Verb.ADICIONA, ((Kind.ARTICULO, "5"), (Kind.FRACCION, "iii-bis")), "",
                      shifts=True)
    assert with_shifts([added], parse_statute(BASE)) == [added]


def _listed(numbers: list[str]) -> str:
    """'la fracción III', 'las fracciones III y IV', 'las fracciones III, IV y V'."""
    if len(numbers) == 1:
        return f"la fracción {numbers[0]}"
    return f"las fracciones {', '.join(numbers[:-1])} y {numbers[-1]}"


@settings(max_examples=60, deadline=None)
@given(count=st.integers(1, 15), first=st.integers(1, 16), added=st.integers(1, 3))
def test_a_shift_moves_every_unit_from_the_first_added_on(count: int, first: int,
                                                          added: int) -> None:
    assume(first <= count + 1)
    roman = [labels.int_to_roman(n) for n in range(1, count + added + 2)]
    base = parse_statute("LEY de Pruebas\nArtículo 5o. El artículo dice:\n" +
                         "".join(f"{roman[n]}. Texto {n + 1};\n" for n in range(count)))
    new = roman[first - 1:first - 1 + added]
    _, directives = read_clause(f"Se adicionan {_listed(new)}, recorriéndose en su orden las "
                                "subsecuentes, al artículo 5o. de la Ley de Pruebas")
    assert [(d.label, d.shifts) for d in directives] == [
        (f"art_5__frac_{n.lower()}", True) for n in new]
    moves = [(d.label, d.new_label) for d in with_shifts(directives, base)
             if d.verb is Verb.RENUMERA]
    assert moves == [(f"art_5__frac_{roman[n - 1].lower()}",
                      f"art_5__frac_{roman[n - 1 + added].lower()}")
                     for n in range(first, count + 1)]
