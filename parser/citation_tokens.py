"""The words of a citation: its tokens, and the nouns and small words the grammar knows.

``parser.citations`` reads the tokens; this module only cuts them and names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .model import Kind
from .vocabulary import fold_text, ordinal_to_int


class TokenKind(Enum):
    NUMBER = "number"   # digits: 57
    WORD = "word"       # letters, maybe with an abbreviation dot: art., IX, Bis, b
    MARK = "mark"       # an ordinal sign: º, °
    COMMA = "comma"     # , or ;
    DASH = "dash"       # - – —
    CLOSE = "close"     # the parenthesis of an inciso: b)
    DOT = "dot"         # a stop after a number: 57.
    OTHER = "other"     # anything else, refused


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    text: str
    spaced: bool  # whitespace before it

    @property
    def folded(self) -> str:
        """Lowercase ASCII without the abbreviation dot: 'Párr.' -> 'parr'."""
        return fold_text(self.text).rstrip(".")


_TOKEN_RE = re.compile(r"""
    (?P<space>\s+)
  | (?P<other>\w*_\w*)
  | (?P<number>\d+)
  | (?P<word>[^\W\d_]+\.?)
  | (?P<mark>[°º])
  | (?P<comma>[,;])
  | (?P<dash>[-–—])
  | (?P<close>\))
  | (?P<dot>\.)
  | (?P<rest>.)
""", re.VERBOSE)
_KIND_OF_GROUP = {"number": TokenKind.NUMBER, "word": TokenKind.WORD, "mark": TokenKind.MARK,
                  "comma": TokenKind.COMMA, "dash": TokenKind.DASH, "close": TokenKind.CLOSE,
                  "dot": TokenKind.DOT, "other": TokenKind.OTHER, "rest": TokenKind.OTHER}


def tokens(text: str) -> tuple[Token, ...]:
    """The tokens of a citation.

    >>> [t.text for t in tokens("art. 2o.-A, fr. IX")]
    ['art.', '2', 'o.', '-', 'A', ',', 'fr.', 'IX']
    """
    out: list[Token] = []
    spaced = False
    for match in _TOKEN_RE.finditer(text):
        group = match.lastgroup or "rest"
        if group == "space":
            spaced = True
            continue
        out.append(Token(_KIND_OF_GROUP[group], match.group(), spaced))
        spaced = False
    return tuple(out)


# The nouns of units, as written and abbreviated (folded, without the abbreviation dot).
NOUNS: dict[str, Kind] = {
    **dict.fromkeys(("articulo", "articulos", "art", "arts"), Kind.ARTICULO),
    **dict.fromkeys(("fraccion", "fracciones", "frac", "fracc", "fr", "fracs"), Kind.FRACCION),
    **dict.fromkeys(("inciso", "incisos", "inc"), Kind.INCISO),
    **dict.fromkeys(("parrafo", "parrafos", "parr"), Kind.PARRAFO),
    **dict.fromkeys(("apartado", "apartados", "apdo", "apt"), Kind.APARTADO),
    **dict.fromkeys(("numeral", "numerales", "num", "subnumeral"), Kind.NUMERAL),
    **dict.fromkeys(("transitorio", "transitorios"), Kind.TRANSITORIO),
    **dict.fromkeys(("libro", "lib"), Kind.LIBRO),
    **dict.fromkeys(("titulo", "tit"), Kind.TITULO),
    **dict.fromkeys(("capitulo", "cap"), Kind.CAPITULO),
    **dict.fromkeys(("seccion", "secc", "sec"), Kind.SECCION),
}
OF = frozenset({"de", "del"})                      # "fracción IX del artículo 57": outer follows
ARTICLES = frozenset({"el", "la", "los", "las"})   # "la fracción IX", "de la fracción III"
ORDINAL_MARKS = frozenset({"o", "o.", "º", "º.", "°", "°."})
# Positions counted from the end: which párrafo is "el último" depends on the document's text.
RELATIVE = frozenset({"ultimo", "ultima", "penultimo", "penultima", "antepenultimo", "antepenultima"})


def is_letter(token: Token) -> bool:
    letter = token.text.rstrip(".")
    return len(letter) == 1 and letter.isalpha()


def is_ordinal_word(token: Token) -> bool:
    if token.kind is not TokenKind.WORD:
        return False
    try:
        ordinal_to_int(token.folded)
    except ValueError:
        return False
    return True


__all__ = ["ARTICLES", "NOUNS", "OF", "ORDINAL_MARKS", "RELATIVE", "Token", "TokenKind", "is_letter",
           "is_ordinal_word", "tokens"]
