"""Word-level redlines: the only module that imports a diff-match-patch engine.

Why word level, and why this engine (figures from research/perf-deps.md §1, measured here):

* Tokens (words, runs of white space, single punctuation marks) are mapped to single code
  points, the ``diff_linesToChars`` trick, and the diff *and its semantic cleanup* run in that
  token space. No edit boundary then falls inside a word (0 of 120 edits against 43 at character
  level on 60 real-sized article pairs), which is what a lawyer's redline looks like
  ("-Los padres +Las personas progenitoras", not "-o +a … -adre +ersonas progenitora").
* Deterministic: the time limit is off (``timelimit=0`` / ``Diff_Timeout=0``). The package
  default of 1 s is a wall-clock deadline; past it the pair comes back as "delete everything,
  insert everything", so the same pair diffs differently on a busy machine (§1.4).
* ``fast_diff_match_patch`` (C++, same algorithm) is used when importable: identical output to
  the Python package on 60/60 article pairs and on the worst case, 8x faster per article and
  57x faster on a fully rewritten 11 KB article at character level (0.53 s vs 29.9 s); at word
  level that rewrite takes 58 ms against 2.8 s in pure Python. Its wheels stop at CPython 3.12,
  so ``diff_match_patch`` with ``Diff_Timeout=0`` is the fallback, and its output is the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .model import DiffOp, Redline

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_SURROGATES = range(0xD800, 0xE000)

_OPS = {"=": DiffOp.EQUAL, "-": DiffOp.DELETE, "+": DiffOp.INSERT}
_PY_OPS = {0: DiffOp.EQUAL, -1: DiffOp.DELETE, 1: DiffOp.INSERT}

Engine = Callable[[str, str], list[tuple[DiffOp, str]]]


def _fast_engine() -> Engine | None:
    try:
        import fast_diff_match_patch as fdmp
    except ImportError:  # no wheel for this interpreter: fall back to the Python package
        return None

    def run(a: str, b: str) -> list[tuple[DiffOp, str]]:
        result = fdmp.diff(a, b, timelimit=0, checklines=False, cleanup="Semantic",
                           counts_only=False)
        return [(_OPS[op], text) for op, text in result]

    return run


def _python_engine() -> Engine:
    import diff_match_patch as dmp_module

    dmp = dmp_module.diff_match_patch()
    dmp.Diff_Timeout = 0  # exact and deterministic; see the module docstring

    def run(a: str, b: str) -> list[tuple[DiffOp, str]]:
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


def redline(before: str, after: str, engine: Engine | None = None) -> Redline:
    """Word-level diff of two texts, deterministic; joining each side rebuilds its text.

    >>> redline("Los padres deben", "Las personas progenitoras deben")
    ((<DiffOp.DELETE: '-'>, 'Los padres'), (<DiffOp.INSERT: '+'>, 'Las personas progenitoras'), \
(<DiffOp.EQUAL: '='>, ' deben'))
    """
    if before == after:
        return ((DiffOp.EQUAL, before),) if before else ()
    a, b, table = _encode(tokenize(before), tokenize(after))
    return _decode((engine or _ENGINE)(a, b), table)


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


__all__ = ["ENGINE_NAME", "python_engine", "redline", "render_inline", "side", "tokenize",
           "whole_text_diff"]
