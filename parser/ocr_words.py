"""Locator words an OCR misread with digits for letters: "fracci6n", "art1culo", "párraf0".

A clause reader that does not know "fracci6n IX del artículo 57" reads "del artículo 57" only,
and reforms the whole article: a silent, wrong widening. These words are few and their shapes
fixed, so each is matched letter by letter with the digits an OCR puts for that letter (0 for o,
6 for ó, 1 for i, í or l) and written back in full; every repair is a ``Finding`` with its line,
since it is the print's doing, not the DOF's. A word with no digit in it is left alone.
"""

from __future__ import annotations

import re

_LOOKALIKES = {"o": "oO0", "ó": "óÓoO06", "i": "iI1l", "í": "íÍiI1l", "l": "lL1I", "a": "aA",
               "á": "áÁaA"}
_WORDS = ("artículo", "artículos", "fracción", "fracciones", "párrafo", "párrafos", "inciso",
          "incisos", "numeral", "numerales", "apartado", "apartados", "transitorio",
          "transitorios", "capítulo", "capítulos", "sección", "secciones", "título", "títulos")


def _pattern(word: str) -> str:
    return "".join(f"[{re.escape(_LOOKALIKES[c])}{re.escape(c.upper())}]" if c in _LOOKALIKES
                   else f"[{c}{c.upper()}]" for c in word)


_MISREAD = re.compile(r"(?<![\w])(?:" + "|".join(_pattern(w) for w in sorted(_WORDS, key=len,
                                                                               reverse=True))
                      + r")(?![\w])")
_BY_SHAPE = {w: re.compile(_pattern(w)) for w in _WORDS}
_DIGIT = re.compile(r"\d")
# A letter right before 0, 1 or 6, or one of them before two letters: the only places a
# misread locator word can be (a cheap test before the word patterns)
_SUSPECT = re.compile(r"[016](?:(?<=[^\W\d_][016])|(?=[^\W\d_]{2}))")   # the digit first: fast


def repaired(line: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The line with misread locator words written back, and each (as printed, as read)."""
    if _SUSPECT.search(line) is None:
        return line, ()
    repairs: list[tuple[str, str]] = []

    def fix(match: re.Match[str]) -> str:
        printed = match.group()
        if _DIGIT.search(printed) is None:
            return printed
        word = next(w for w in sorted(_WORDS, key=len, reverse=True)
                    if _BY_SHAPE[w].fullmatch(printed))
        read = word.capitalize() if printed[:1].isupper() else word
        if printed.isupper() or printed[1:].replace("0", "O").replace("1", "I").isupper():
            read = word.upper()
        repairs.append((printed, read))
        return read

    return _MISREAD.sub(fix, line), tuple(repairs)


__all__ = ["repaired"]
