"""Citations as people write them <-> canonical labels.

Users never type labels. They write "57", "art. 57, frac. IX", "57 fr. IX", "fracción IX del
artículo 57", "apartado B, fracción XIII, del artículo 123", "artículo segundo transitorio" or
"inciso b) de la fracción III del artículo 11", and read back "artículo 57, fracción IX".
Both directions live here.

Reading is strict: the text is cut into tokens (``TokenKind``), and a small grammar reads units
("noun number", or an ordinal before the noun: "segundo párrafo"). Units separated by commas or
nothing go outer to inner ("art. 57, frac. IX"); "de"/"del"/"de la" turns the order around
("fracción IX del artículo 57"); both mix ("apartado B, fracción XIII, del artículo 123"). Every
word must be read: one that is not raises ``CitationError`` naming it; nothing falls back to
the parent.

Decisions a reader may look for:

* A bare leading number is an artículo ("57", "7 Bis"): ``Citation.bare`` says so, and the store
  reads it as the numeral or apartado of an instrument made of those (``store.handle``).
* One letter after an article number is part of it ("57 A", "57-A", "353-Ñ", "2o.-A"); a longer
  Roman numeral is refused ("57 IX", "57-IX": ¿fracción IX?), since "57-I" is as much an artículo
  as a fracción and the reader should say which.
* "último párrafo" is refused: which párrafo it is depends on the document's text.
* Containers before an artículo are dropped ("capítulo 7, artículo 57" is ``art_57``): articles
  are unique in a document (DESIGN §1.2).
"""

from __future__ import annotations

from dataclasses import dataclass

from errors import CitationError

from . import labels
from .citation_tokens import (
    ARTICLES,
    NOUNS,
    OF,
    ORDINAL_MARKS,
    RELATIVE,
    Token,
    TokenKind,
    is_letter,
    is_ordinal_word,
    tokens,
)
from .cite_text import cite
from .labels import Label
from .model import CONTAINER_KINDS, Kind
from .vocabulary import LATIN_RANK, fold_label, fold_text, int_to_roman, is_roman, ordinal_to_int

# Kinds an ordinal may be written before: "segundo párrafo", "segundo transitorio", "tercera sección".
_ORDINAL_FIRST = frozenset({Kind.PARRAFO, Kind.TRANSITORIO, Kind.FRACCION, *CONTAINER_KINDS})
# Containers nest in this order, and all of them go around artículos and transitorios; the
# units inside an artículo (apartado, párrafo, fracción, inciso, numeral) nest as the text does.
_LEVEL = {Kind.LIBRO: 0, Kind.TITULO: 1, Kind.CAPITULO: 2, Kind.SECCION: 3, Kind.ARTICULO: 4,
          Kind.TRANSITORIO: 4}
_INNER_LEVEL = 5
_NAMES = {
    Kind.LIBRO: "libro", Kind.TITULO: "título", Kind.CAPITULO: "capítulo",
    Kind.SECCION: "sección", Kind.ARTICULO: "artículo", Kind.APARTADO: "apartado",
    Kind.PARRAFO: "párrafo", Kind.FRACCION: "fracción", Kind.INCISO: "inciso",
    Kind.NUMERAL: "numeral", Kind.TRANSITORIO: "transitorio",
}


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit a citation names: its kind, its label number and its words as written."""

    kind: Kind
    number: str
    written: str


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation read: the label it names; ``bare`` when the artículo was given by its number
    alone ("57", "7 Bis, inciso a)"), which in an instrument of numerales names the numeral."""

    label: Label
    bare: bool = False


def read_citation(text: str) -> Citation:
    """A citation as people write it, read completely; ``CitationError`` names the word that
    could not be read.

    >>> str(read_citation("apartado B, fracción XIII, del artículo 123").label)
    'art_123__apt_b__frac_xiii'
    >>> read_citation("7 Bis")
    Citation(label=Label(parts=((<Kind.ARTICULO: 'articulo'>, '7-bis'),)), bare=True)
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        raise CitationError("la cita está vacía", citation=text, word="")
    if labels.is_label(cleaned.lower()):
        return Citation(Label.parse(cleaned.lower()))
    return _Reader(cleaned).read()


def parse_citation(text: str) -> str:
    """The canonical label of a citation as people write it.

    >>> parse_citation("artículo 57, fracción III"), parse_citation("57 fr. IX")
    ('art_57__frac_iii', 'art_57__frac_ix')
    >>> parse_citation("fracción IX del artículo 57"), parse_citation("art. 2o.-A")
    ('art_57__frac_ix', 'art_2-a')
    >>> parse_citation("57 Bis"), parse_citation("artículo 56, párrafo primero")
    ('art_57-bis', 'art_56__par_1')
    """
    return str(read_citation(text).label)


class _Reader:
    """A recursive-descent reader over one citation's tokens."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokens(text)
        self.pos = 0

    # --- tokens -------------------------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token | None:
        index = self.pos + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def refuse(self, word: str, reason: str = "") -> CitationError:
        shown = self.text if len(self.text) <= 80 else self.text[:77] + "..."
        message = reason or f'no se entiende "{word}"'
        hint = ""
        if not reason and is_roman(word.rstrip(".")) and len(word.rstrip(".")) > 1:
            hint = f' (¿fracción {word.rstrip(".").upper()}?)'
        return CitationError(f'{message} en "{shown}"{hint}', citation=self.text, word=word)

    def _written(self, start: int) -> str:
        out = ""
        for token in self.tokens[start:self.pos]:
            out += (" " if token.spaced and out else "") + token.text
        return out

    # --- grammar ------------------------------------------------------------------------------
    def read(self) -> Citation:
        groups: list[list[Unit]] = [[]]
        bare = False
        while (token := self.peek()) is not None:
            folded = token.folded if token.kind is TokenKind.WORD else ""
            if token.kind is TokenKind.COMMA or (token.kind is TokenKind.DOT
                                                 and self.pos == len(self.tokens) - 1):
                self.take()   # "…, fracción IX, inciso b)." as pasted from a text
            elif folded in OF:
                self.take()
                if not groups[-1]:
                    raise self.refuse(token.text)
                groups.append([])
            elif folded in ARTICLES:
                self.take()
            elif (folded in ("transitorio", "transitorios") and groups[-1]
                  and groups[-1][-1].kind is Kind.ARTICULO and not self._number_follows(1)):
                self.take()   # "artículo segundo transitorio"
                last = groups[-1][-1]
                groups[-1][-1] = Unit(Kind.TRANSITORIO, last.number, f"{last.written} {token.text}")
            else:
                unit, was_bare = self.unit()
                bare = bare or was_bare
                groups[-1].append(unit)
        if not groups[-1]:
            final = self.tokens[-1].text
            raise self.refuse(final, f'falta qué unidad sigue a "{final}"')
        path = [unit for group in reversed(groups) for unit in group]
        return Citation(self.check(path), bare)

    def _number_follows(self, ahead: int) -> bool:
        token = self.peek(ahead)
        return token is not None and (token.kind is TokenKind.NUMBER or is_ordinal_word(token))

    def unit(self) -> tuple[Unit, bool]:
        start = self.pos
        token = self.take()
        folded = token.folded
        if token.kind is TokenKind.WORD and folded in NOUNS:
            kind = NOUNS[folded]
            following = self.peek()
            if kind is Kind.ARTICULO and following is not None and following.folded in (
                    "transitorio", "transitorios"):
                self.take()   # "artículo transitorio segundo"
                kind = Kind.TRANSITORIO
            number = self.number(kind)
            if number is None:
                raise self._no_number(kind, self._written(start))
            return Unit(kind, number, self._written(start)), False
        if token.kind is TokenKind.NUMBER:
            self.pos -= 1
            number = self.number(Kind.ARTICULO)
            assert number is not None
            return Unit(Kind.ARTICULO, number, self._written(start)), True
        if token.kind is TokenKind.WORD and folded in RELATIVE:
            raise self.refuse(token.text, f'"{token.text}" depende del texto del documento: cite la '
                                          "unidad por su número")
        self.pos -= 1
        value = self.ordinal()
        noun = self.peek()
        if value is not None and noun is not None and NOUNS.get(noun.folded) in _ORDINAL_FIRST:
            kind = NOUNS[self.take().folded]
            number = int_to_roman(value).lower() if kind is Kind.FRACCION else str(value)
            return Unit(kind, number, self._written(start)), False
        following = self.peek(1)
        if token.kind is TokenKind.DASH and following is not None and not following.spaced:
            raise self.refuse(following.text)   # "57-IX": the word after the dash is the trouble
        raise self.refuse(token.text)

    def _no_number(self, kind: Kind, noun: str) -> CitationError:
        """A noun without its number: name what stands there instead, or the noun."""
        token = self.peek()
        if token is None or token.kind is TokenKind.COMMA or token.folded in OF:
            return self.refuse(noun, f'falta el número de "{noun}"')
        return self.refuse(token.text, f'no se entiende "{token.text}" como número de {_NAMES[kind]}')

    def number(self, kind: Kind) -> str | None:
        """The label number of a unit of ``kind`` at the reader's position, or None."""
        token = self.peek()
        if token is None:
            return None
        if kind in (Kind.ARTICULO, Kind.NUMERAL) and token.kind is TokenKind.NUMBER:
            return "-".join([self._digits(), *self._suffixes(letters=True)])
        if kind is Kind.FRACCION or (kind is Kind.NUMERAL and token.kind is TokenKind.WORD):
            if token.kind is not TokenKind.WORD or not is_roman(token.folded):
                return None
            self.take()
            return "-".join([token.folded, *self._suffixes(letters=True, spaced_letters=False)])
        if kind in (Kind.INCISO, Kind.APARTADO):
            if token.kind is not TokenKind.WORD or not (
                    is_letter(token) or (kind is Kind.APARTADO and is_roman(token.folded))):
                return None
            self.take()
            following = self.peek()
            if following is not None and following.kind is TokenKind.CLOSE and not following.spaced:
                self.take()
            return "-".join([fold_label(token.text.rstrip(".")), *self._suffixes(letters=False)])
        # artículos by ordinal word, transitorios, párrafos and containers
        if token.kind is TokenKind.NUMBER:
            head = self._digits()
        elif (value := self.ordinal()) is not None:
            head = str(value)
        elif kind not in (Kind.PARRAFO, Kind.ARTICULO) and token.kind is TokenKind.WORD \
                and is_roman(token.folded):
            head = str(labels.roman_to_int(self.take().folded))
        else:
            return None
        return "-".join([head, *self._suffixes(letters=kind is Kind.ARTICULO)])

    def _digits(self) -> str:
        digits = self.take().text
        following = self.peek()
        if following is not None and not following.spaced and (
                following.kind is TokenKind.MARK or fold_text(following.text) in ORDINAL_MARKS):
            self.take()   # "1o.", "1º", "8°"
            following = self.peek()
            if following is not None and following.kind is TokenKind.DOT and not following.spaced:
                self.take()
        elif following is not None and following.kind is TokenKind.DOT and not following.spaced:
            self.take()   # "57."
        return str(int(digits))

    def _suffixes(self, *, letters: bool, spaced_letters: bool = True) -> list[str]:
        """Qualifiers after a number: 'Bis', '-A', ' Ñ', 'bis 35-J'; a letter after a space only
        in capitals ("353 Ñ"; "57 y 58" is no artículo 57-Y)."""
        out: list[str] = []
        while (token := self.peek()) is not None:
            dashed = token.kind is TokenKind.DASH
            piece = self.peek(1) if dashed else token
            if piece is None or (dashed and piece.spaced):
                break
            latin = piece.kind is TokenKind.WORD and piece.folded in LATIN_RANK
            letter = letters and piece.kind is TokenKind.WORD and is_letter(piece) and (
                dashed or not piece.spaced or (spaced_letters and piece.text.rstrip(".").isupper()))
            digits = piece.kind is TokenKind.NUMBER and (dashed or bool(out and out[-1] in LATIN_RANK))
            if not (latin or letter or digits):
                break
            self.pos += 2 if dashed else 1
            out.append(fold_label(piece.text.rstrip(".")) if piece.kind is TokenKind.WORD
                       else str(int(piece.text)))
        return out

    def ordinal(self) -> int | None:
        """An ordinal in words at the position ("segundo", "décimo segundo", "vigesimocuarto")."""
        token = self.peek()
        if token is None or not is_ordinal_word(token):
            return None
        self.take()
        value = ordinal_to_int(token.folded)
        if value % 10 == 0 and value < 100:
            dashed = (following := self.peek()) is not None and following.kind is TokenKind.DASH
            unit = self.peek(1 if dashed else 0)
            if unit is not None and is_ordinal_word(unit) and ordinal_to_int(unit.folded) < 10:
                self.pos += 2 if dashed else 1
                value += ordinal_to_int(unit.folded)
        return value

    def check(self, path: list[Unit]) -> Label:
        """The label of a path of units, outermost first, once it nests as statutes do."""
        seen: set[Kind] = set()
        for unit in path:
            # Units inside an artículo may nest again further in, as real labels do
            # (art_29__frac_iv__inc_i__par_2__num_2__par_2, art_29__frac_iv__inc_i__par_2__par_1).
            if unit.kind in seen and _level(unit.kind) < _INNER_LEVEL:
                raise self.refuse(unit.written, f'"{unit.written}" sobra: una cita nombra una sola '
                                                "disposición")
            seen.add(unit.kind)
        for outer, inner in zip(path, path[1:], strict=False):
            if _level(inner.kind) < _level(outer.kind) or (
                    _level(inner.kind) == _level(outer.kind) < _INNER_LEVEL):
                raise self.refuse(inner.written, f'"{inner.written}" no puede ir dentro de '
                                                 f'"{outer.written}"')
        first_article = next((i for i, u in enumerate(path) if _level(u.kind) == 4), 0)
        return Label(tuple((u.kind, u.number) for u in path[first_article:]))


def _level(kind: Kind) -> int:
    return _LEVEL.get(kind, _INNER_LEVEL)


def format_citation(label: str | Label) -> str:
    """A label as a lawyer writes it (``parser.cite_text.cite``, the one renderer); ``read_citation``
    reads it back to the same label.

    >>> format_citation("art_57__frac_iii"), format_citation("art_56__par_1")
    ('artículo 57, fracción III', 'artículo 56, párrafo primero')
    >>> format_citation("art_11__frac_iii__inc_h"), format_citation("tra_2")
    ('artículo 11, fracción III, inciso h)', 'artículo segundo transitorio')
    """
    return cite(label)


__all__ = ["Citation", "Unit", "format_citation", "parse_citation", "read_citation"]
