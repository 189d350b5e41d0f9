"""Word-level redlines: the only module that imports a diff-match-patch engine.

Why word level, and why this engine (figures from research/perf-deps.md §1, measured here):

* Tokens (words, runs of white space, single punctuation marks) are mapped to single code
  points, the ``diff_linesToChars`` trick, and the diff *and its semantic cleanup* run in that
  token space. No edit boundary then falls inside a word (0 of 120 edits against 43 at character
  level on 60 real-sized article pairs), which is what a lawyer's redline looks like
  ("-Los padres +Las personas progenitoras", not "-o +a … -adre +ersonas progenitora").
* Bounded and deterministic. The engines' time limit is a wall-clock deadline; past it they
  return a coarser diff that depends on how busy the machine was (§1.4). So an answer that took
  the whole limit is thrown away, never used, and the pair is diffed again at a coarser grain:
  word level, then sentence level (tokens end at ``.``, ``;``, ``:`` or a line break), then
  one replacement between the common leading and trailing words. Each level is a pure function
  of the texts and every one joins back to both texts exactly; only the choice of level depends
  on the clock, and only for pairs that take ``DIFF_TIME_LIMIT`` seconds (a fully rewritten
  400 KB provision held ``sync`` and its write transaction for minutes; now a few seconds).
* ``fast_diff_match_patch`` (C++, same algorithm) is used when importable: identical output to
  the Python package on 60/60 article pairs and on the worst case, 8x faster per article and
  57x faster on a fully rewritten 11 KB article at character level (0.53 s vs 29.9 s); at word
  level that rewrite takes 58 ms against 2.8 s in pure Python. Its wheels stop at CPython 3.12,
  so ``diff_match_patch`` with ``Diff_Timeout=0`` is the fallback, and its output is the same.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence

from .model import DiffOp, Redline

DIFF_TIME_LIMIT = 1.0  # seconds one diff level may take before the next, coarser one is used
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_SENTENCE = re.compile(r"[^.;:\n]+[.;:]*\s*|[.;:\n]+\s*")
_SURROGATES = range(0xD800, 0xE000)

_OPS = {"=": DiffOp.EQUAL, "-": DiffOp.DELETE, "+": DiffOp.INSERT}
_PY_OPS = {0: DiffOp.EQUAL, -1: DiffOp.DELETE, 1: DiffOp.INSERT}

Engine = Callable[[str, str, float], list[tuple[DiffOp, str]]]  # (a, b, time limit in s)


def _fast_engine() -> Engine | None:
    try:
        import fast_diff_match_patch as fdmp
    except ImportError:  # no wheel for this interpreter: fall back to the Python package
        return None

    def run(a: str, b: str, limit: float) -> list[tuple[DiffOp, str]]:
        result = fdmp.diff(a, b, timelimit=limit, checklines=False, cleanup="Semantic",
                           counts_only=False)
        return [(_OPS[op], text) for op, text in result]

    return run


def _python_engine() -> Engine:
    import diff_match_patch as dmp_module

    dmp = dmp_module.diff_match_patch()

    def run(a: str, b: str, limit: float) -> list[tuple[DiffOp, str]]:
        dmp.Diff_Timeout = limit  # an answer that took it all is discarded: see redline
        diffs = dmp.diff_main(a, b, False)
        dmp.diff_cleanupSemantic(diffs)
        return [(_PY_OPS[op], text) for op, text in diffs]

    return run


_ENGINE: Engine = _fast_engine() or _python_engine()
ENGINE_NAME = "fast_diff_match_patch" if _fast_engine() else "diff_match_patch"


def tokenize(text: str) -> list[str]:
    """Words, white-space runs and single punctuation marks; joined, they give back ``text``.

    >>> tokenize("Se deroga.")
    ['Se', ' ', 'deroga', '.']
    """
    return _TOKEN.findall(text)


def _code_point(index: int) -> str:
    value = index + 1
    if value >= _SURROGATES.start:
        value += len(_SURROGATES)
    return chr(value)


def _encode(a: Sequence[str], b: Sequence[str]) -> tuple[str, str, list[str]]:
    """Both token lists as strings of one code point per distinct token, and the table back."""
    table: list[str] = []
    seen: dict[str, str] = {}

    def encode(tokens: Sequence[str]) -> str:
        out = []
        for token in tokens:
            char = seen.get(token)
            if char is None:
                char = _code_point(len(table))
                seen[token] = char
                table.append(token)
            out.append(char)
        return "".join(out)

    return encode(a), encode(b), table


def _decode(diffs: list[tuple[DiffOp, str]], table: list[str]) -> Redline:
    out: list[tuple[DiffOp, str]] = []
    for op, chars in diffs:
        text = "".join(table[_index(c)] for c in chars)
        if out and out[-1][0] is op:
            out[-1] = (op, out[-1][1] + text)
        elif text:
            out.append((op, text))
    return tuple(out)


def _index(char: str) -> int:
    value = ord(char)
    if value >= _SURROGATES.stop:
        value -= len(_SURROGATES)
    return value - 1


def sentences(text: str) -> list[str]:
    """Pieces ending at ``.``, ``;``, ``:`` or a line break (with the space after); joined, they
    give back ``text``.

    >>> sentences("I. Uno; II. Dos.\\nTres")
    ['I. ', 'Uno; ', 'II. ', 'Dos.\\n', 'Tres']
    """
    return _SENTENCE.findall(text)


def redline(before: str, after: str, engine: Engine | None = None, *,
            time_limit: float = DIFF_TIME_LIMIT) -> Redline:
    """Word-level diff of two texts, deterministic; joining each side rebuilds its text.

    A pair the word level cannot finish within ``time_limit`` seconds gets a sentence-level
    redline, and then a single replacement between their common ends (module docstring).

    >>> redline("Los padres deben", "Las personas progenitoras deben")
    ((<DiffOp.DELETE: '-'>, 'Los padres'), (<DiffOp.INSERT: '+'>, 'Las personas progenitoras'), \
(<DiffOp.EQUAL: '='>, ' deben'))
    """
    if before == after:
        return ((DiffOp.EQUAL, before),) if before else ()
    run = engine or _ENGINE
    for split in (tokenize, sentences):
        a, b, table = _encode(split(before), split(after))
        started = time.perf_counter()
        diffs = run(a, b, time_limit)
        if time.perf_counter() - started < time_limit:  # finished: the exact answer
            return _decode(diffs, table)
    return replacement(before, after)


def replacement(before: str, after: str) -> Redline:
    """The coarsest redline: the common leading and trailing words kept, the middle replaced.

    >>> replacement("Los padres deben", "Las madres deben")
    ((<DiffOp.DELETE: '-'>, 'Los padres'), (<DiffOp.INSERT: '+'>, 'Las madres'), \
(<DiffOp.EQUAL: '='>, ' deben'))
    """
    a, b = tokenize(before), tokenize(after)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    pieces = ((DiffOp.EQUAL, a[:head]), (DiffOp.DELETE, a[head:len(a) - tail]),
              (DiffOp.INSERT, b[head:len(b) - tail]), (DiffOp.EQUAL, a[len(a) - tail:]))
    return tuple((op, "".join(tokens)) for op, tokens in pieces if tokens)


def python_engine() -> Engine:
    """The pure-Python engine (for tests that check both engines agree)."""
    return _python_engine()


def side(diff: Redline, which: DiffOp) -> str:
    """Rebuild one side of a redline: ``DiffOp.DELETE`` gives the old text, ``INSERT`` the new."""
    return "".join(text for op, text in diff if op is DiffOp.EQUAL or op is which)


def whole_text_diff(before: str, after: str) -> list[tuple[DiffOp, str]]:
    """A plain diff of two whole texts (line pre-pass, character level), for benchmarks only."""
    try:
        import fast_diff_match_patch as fdmp
    except ImportError:
        import diff_match_patch as dmp_module

        dmp = dmp_module.diff_match_patch()
        dmp.Diff_Timeout = 0
        return [(_PY_OPS[op], t) for op, t in dmp.diff_main(before, after, True)]
    result = fdmp.diff(before, after, timelimit=0, checklines=True, cleanup="Semantic",
                       counts_only=False)
    return [(_OPS[op], text) for op, text in result]


def render_inline(diff: Redline) -> str:
    """The redline as text: ``[-old-]{+new+}``, the notation of ``git diff --word-diff``."""
    parts = []
    for op, text in diff:
        if op is DiffOp.DELETE:
            parts.append(f"[-{text}-]")
        elif op is DiffOp.INSERT:
            parts.append(f"{{+{text}+}}")
        else:
            parts.append(text)
    return "".join(parts)


__all__ = ["DIFF_TIME_LIMIT", "ENGINE_NAME", "python_engine", "redline", "render_inline",
           "replacement", "sentences", "side", "tokenize", "whole_text_diff"]
