"""Word-level redlines: both sides rebuild, engines agree, no edit splits a word, deterministic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diffing import DiffOp, redline, render_inline
from diffing.text import python_engine, side

WORDS = ["la", "persona", "titular", "deberá", "debe", "presentar", "el", "informe", "anual", ",",
         ";", ".", "Los", "padres", "Las", "personas", "progenitoras", "“", "”", "ñandú", "\n"]
sentences = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)


@given(sentences, sentences)
@settings(max_examples=300, deadline=None)
def test_both_sides_rebuild(before: str, after: str) -> None:
    diff = redline(before, after)
    assert side(diff, DiffOp.DELETE) == before
    assert side(diff, DiffOp.INSERT) == after


@given(sentences, sentences)
@settings(max_examples=150, deadline=None)
def test_engines_agree(before: str, after: str) -> None:
    assert redline(before, after) == redline(before, after, python_engine())


@given(sentences, sentences)
@settings(max_examples=200, deadline=None)
def test_no_edit_splits_a_word(before: str, after: str) -> None:
    diff = redline(before, after)
    for which in (DiffOp.DELETE, DiffOp.INSERT):
        runs = [text for op, text in diff if op in (DiffOp.EQUAL, which)]
        for left, right in zip(runs, runs[1:], strict=False):
            assert not (left[-1].isalnum() and right[0].isalnum()), (left, right)


def test_lawyers_redline() -> None:
    diff = redline("Los padres deben cumplir.", "Las personas progenitoras deben cumplir.")
    assert render_inline(diff) == "[-Los padres-]{+Las personas progenitoras+} deben cumplir."


def test_deterministic_on_a_full_rewrite() -> None:
    old = " ".join(f"palabra{i} de la fracción" for i in range(2000))
    new = " ".join(f"vocablo{i} de la fracción" for i in range(2000))
    first = redline(old, new)
    assert first == redline(old, new)
    assert side(first, DiffOp.DELETE) == old and side(first, DiffOp.INSERT) == new
    assert len(first) > 2            # never the "gave up" shape of a timed-out diff


def test_identical_and_empty() -> None:
    assert redline("", "") == ()
    assert redline("igual", "igual") == ((DiffOp.EQUAL, "igual"),)
    assert redline("", "nuevo") == ((DiffOp.INSERT, "nuevo"),)
