"""Issue #9 finding 3 (word diff): no time limit, so one rewritten 400 KB provision held ``sync``
and its write transaction for minutes. The redline is now bounded and still exact."""

from __future__ import annotations

import random
import time

from hypothesis import given
from hypothesis import strategies as st

from diffing import DiffOp
from diffing.text import DIFF_TIME_LIMIT, python_engine, redline, replacement, sentences, side

WORDS = ("el", "la", "los", "artículo", "fracción", "Secretaría", "deberá", "conforme", "presente",
         "Ley", "derechos", "personas", "trabajadoras", "Reglamento", "autoridad", "competente",
         "dentro", "plazo", "días", "hábiles", "notificación", "resolución")


def rewritten_provision(seed: int, size: int) -> str:
    """Prose the shape of a long provision: sentences of legal words, fracciones, line breaks."""
    rng = random.Random(seed)
    pieces: list[str] = []
    total = 0
    while total < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 30)))
        piece = f"{sentence}{rng.choice(['.', ';', ':', ','])}{rng.choice([' ', ' ', chr(10)])}"
        pieces.append(piece)
        total += len(piece)
    return "".join(pieces)


def exact(diff: tuple[tuple[DiffOp, str], ...], before: str, after: str) -> bool:
    return side(diff, DiffOp.DELETE) == before and side(diff, DiffOp.INSERT) == after


def test_a_rewritten_400_kb_provision_is_bounded_and_exact() -> None:
    before, after = rewritten_provision(1, 400_000), rewritten_provision(2, 400_000)
    started = time.monotonic()
    diff = redline(before, after)
    elapsed = time.monotonic() - started
    print(f"\n400 KB rewrite: {elapsed:.2f} s, {len(diff)} pieces (limit {DIFF_TIME_LIMIT} s a level)")
    assert exact(diff, before, after)
    assert elapsed < 2 * DIFF_TIME_LIMIT + 3.0


def test_the_pure_python_engine_is_bounded_too() -> None:
    before, after = rewritten_provision(3, 100_000), rewritten_provision(4, 100_000)
    started = time.monotonic()
    diff = redline(before, after, python_engine(), time_limit=0.2)
    assert exact(diff, before, after)
    assert time.monotonic() - started < 2 * 0.2 + 3.0


def test_past_the_limit_the_fallback_is_deterministic() -> None:
    """A limit no engine can meet always gives the same coarse redline, whatever the load."""
    before = "Artículo 5.- Los padres deben cumplir; la autoridad vigilará."
    after = "Artículo 5.- Las personas progenitoras deben cumplir; la autoridad vigilará."
    coarse = redline(before, after, time_limit=1e-9)
    assert coarse == redline(before, after, time_limit=1e-9) == replacement(before, after)
    assert coarse == ((DiffOp.EQUAL, "Artículo 5.- "), (DiffOp.DELETE, "Los padres"),
                      (DiffOp.INSERT, "Las personas progenitoras"),
                      (DiffOp.EQUAL, " deben cumplir; la autoridad vigilará."))
    assert redline(before, after) == ((DiffOp.EQUAL, "Artículo 5.- "), (DiffOp.DELETE, "Los padres"),
                                      (DiffOp.INSERT, "Las personas progenitoras"),
                                      (DiffOp.EQUAL, " deben cumplir; la autoridad vigilará."))


TEXT = st.text(alphabet=st.sampled_from("ab .;:\n,áÑ5"), max_size=60)


@given(TEXT, TEXT)
def test_every_level_rebuilds_both_texts(before: str, after: str) -> None:
    assert "".join(sentences(before)) == before
    for diff in (redline(before, after), redline(before, after, time_limit=1e-9),
                 replacement(before, after)):
        assert exact(diff, before, after)
        assert all(text for _, text in diff)
