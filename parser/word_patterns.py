"""Regular expressions for words as statutes write them: accents optional, a word list as a trie.

``parser.vocabulary`` builds its fragments (ordinal and cardinal words, Latin qualifiers) with
these: a folded word matches with or without its accents, and a long list of words costs one
test per letter read, not one per word.
"""

from __future__ import annotations

from collections.abc import Iterable

_ACCENTED = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uú]",
             "A": "[AÁ]", "E": "[EÉ]", "I": "[IÍ]", "O": "[OÓ]", "U": "[UÚ]"}


def accent_tolerant(word: str) -> str:
    """A regex for ``word`` (folded) that also matches it written with accents."""
    return "".join(_ACCENTED.get(c, c) for c in word)


_Trie = dict[str, "_Trie"]


def any_word(words: Iterable[str]) -> str:
    """A regex for any of ``words`` (letters; accents optional), longest first, built as a trie:
    a word that is not there costs one test per letter read, not one per word of the list (the
    statute reader tries LATIN after every article number).

    >>> any_word(["ter", "terdecies", "bis"])
    '(?:t[eé]r(?:d[eé]c[ií][eé]s)?|b[ií]s)'
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: _Trie) -> str:
    branches = [_ACCENTED.get(letter, letter) + _trie_pattern(child)
                for letter, child in node.items() if letter]
    if not branches:
        return ""
    if "" in node:
        return "(?:" + "|".join(branches) + ")?"  # greedy: the longer word first
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
