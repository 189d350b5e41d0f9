"""An operative clause's words as typed tokens: nouns, numbers, ordinals, separators, verbs of
renumbering ("recorriéndose", "pasa a ser") — the first step of ``parser.clauses``.

Case is kept (Roman numerals are upper case, subnumerales lower case); units the grammar does
not model get tokens of their own so the target reader can refuse them by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from . import labels
from .model import Kind
from .vocabulary import LATIN, ORDINAL, is_roman


class TokenType(Enum):
    """What a word of a clause is to the target reader (``parser.clause_targets``)."""

    QUOTE = "quote"          # “De la Productividad …”: a name, never a locator
    PASA = "pasa"            # "que pasa a ser", "para pasar a ser", "para quedar como"
    RECORRE = "recorre"      # "recorriéndose", "se recorren", "recorrido"
    COMPRENDE = "comprende"  # "que comprende", "conformado de": what a new container holds
    DENOM = "denom"          # "denominado …": a name follows
    ACTUAL = "actual"        # "actual", "vigente": numbering before the decree
    TENDRA = "tendra"        # "el cual tendrá": added inside the unit just named
    AGENCY = "agency"        # "lineamiento", "Disposición", "regla" (resolved by _agency_nouns)
    OTHER = "other"          # a unit the grammar does not model: viñeta, anexo, tabla …
    NOUN = "noun"            # artículo, fracción, párrafo … (Token.kind says which)
    ORD = "ord"              # "segundo", "décimo quinto", "último", "Tercero Bis"
    DOTTED = "dotted"        # "3.1": dotted numbering, not modelled
    NUM = "num"              # "84 Bis", "XVI", "a)", "B"
    OF = "of"                # "del", "de la", "al": the parent follows
    TO = "to"                # "a" (ranges "IV a VIII")
    CON = "con"              # "con los artículos …"
    DET = "det"              # articles and fillers: "el", "los", "un", "en su orden" …
    SEP = "sep"              # ",", ";", "y", "e", "o"
    WORD = "word"            # anything else


@dataclass(frozen=True, slots=True)
class Token:
    type: TokenType
    text: str
    kind: Kind | None = None
    plural: bool = False


# Ordinals relative to the end of a unit, which only clauses use ("el último párrafo").
_RELATIVE_ORDINAL = r"(?:(?:ante)?pen[uú]ltim[oa]|[uú]ltim[oa])"
_NOUNS: tuple[tuple[str, Kind | None], ...] = (
    (r"art[ií]culos?", Kind.ARTICULO),
    (r"fracci[oó]n(?:es)?", Kind.FRACCION),
    (r"incisos?", Kind.INCISO),
    (r"p[aá]rrafos?", Kind.PARRAFO),
    (r"numeral(?:es)?", Kind.NUMERAL),
    (r"subnumeral(?:es)?", Kind.NUMERAL),     # "i.", "ii." under an inciso: see _subnumerales
    (r"apartados?", Kind.APARTADO),
    (r"transitorios?", Kind.TRANSITORIO),
    (r"libros?", Kind.LIBRO),
    (r"t[ií]tulos?", Kind.TITULO),
    (r"cap[ií]tulos?", Kind.CAPITULO),
    (r"secci[oó]n(?:es)?", Kind.SECCION),
    (r"denominaci[oó]n(?:es)?|ep[ií]grafes?|rubros?", None),
)
# Locator nouns of units the grammar does not model (grammar §4.1 lists them): a target named
# by one of them cannot be given a label, and reading it as another unit would be a wrong label.
_UNMODELLED = (r"vi[ñn]etas?|subincisos?|puntos?|anexos?"
               r"|tablas?|tarifas?|c[oó]digos?|notas?|bases?")
# The top-level unit of an agency instrument named with the agency's own word: "lineamiento
# Quinto", "Disposición 5", "regla 3". Read as artículos (``_agency_nouns``): like artículos they
# are the instrument's numbered normative units holding párrafos, fracciones and incisos, the DOF
# prints them as article headings ("QUINTO.-", "Disposición 5.-"), and they are listed the same
# way ("las Disposiciones 5, fracción I …; 29, segundo párrafo"). A base that shows them as
# numerales or apartados ("3.", "III.") is matched when resolving (``alias_top_level``).
_AGENCY = r"lineamientos?|disposici[oó]n(?:es)?|reglas?"
_SPEC: tuple[tuple[str, str], ...] = (
    ("QUOTE", r"[\"“«][^\"”»]*[\"”»]"),
    ("PASA", r"(?:que\s+)?(?:pasa[n]?|para\s+pasar|pasando)\s+a\s+ser|para\s+ser|para\s+quedar\s+como"
             r"|a\s+ser\b"              # "pasando el actual tercero a ser cuarto"
             r"|(?:a|para)\s+convertirse\s+en"),  # "pasando la actual XII a convertirse en …"
    ("RECORRE", r"recorri[eé]ndose|recorriendo|se\s+recorre[n]?|recorr[ií]d[oa]s?|pasando\b"),
    ("COMPRENDE", r"que\s+comprende[n]?|conformad[oa]\s+(?:de|por)|integrad[oa]\s+por"),
    ("DENOM", r"denominad[oa]s?"),
    ("ACTUAL", r"actual(?:es)?|vigentes?"),
    ("TENDRA", r"(?:(?:el|la|los|las)\s+cual(?:es)?|que)\s+tendr[aá]n?\b"),
    ("AGENCY", rf"(?:{_AGENCY})\b"),
    ("OTHER", rf"(?:{_UNMODELLED})\b"),
    ("NOUN", "(?:" + "|".join(f"(?:{p})" for p, _ in _NOUNS) + r")(?:\b|(?=\d))"),  # "artículos17"
    ("ORD", rf"(?:{ORDINAL}|{_RELATIVE_ORDINAL})\b(?:\s+{LATIN}\b)*"),
    ("DOTTED", r"\d+(?:\.\d+)+\b"),
    ("NUM", rf"\d+(?:\s*(?:o\.|º|°|o\b))?(?:\s*\.?-\s*[A-ZÑ]\b)?"
            rf"(?:[\s-]*{LATIN}\b(?:[\s-]+\d+\b)?|[\s-]+(?:\d+\b(?!\s*[,;]?\s*\d)|(?-i:[A-ZÑ])\b))*"
            rf"|[a-zñ]\)(?:\s+{LATIN}\b)?"
            rf"|(?-i:\b[IVXLC]+(?:-[A-ZÑ]\b)?)(?:\s+{LATIN}\b)*(?![\w)])"
            rf"|(?-i:\b[A-Z]\b)(?![\w)])"),
    ("OF", r"(?:del|de\s+la|de\s+las|de\s+los|de|al|a\s+la|a\s+las|a\s+los|en\s+el|en\s+la)\b"),
    ("TO", r"al?\b"),
    ("CON", r"con\b"),
    ("DET", r"(?:el|la|los|las|un|una|unos|unas|dos|tres|cuatro|nuev[oa]s?|tod[oa]s|amb[oa]s|divers[oa]s?"
            r"|sus?|dich[oa]s?|en\s+su\s+orden|respectivamente|así\s+como|también)\b"),
    ("SEP", r"[;,]|\by\b|\be\b|\bo\b"),
    ("WORD", r"[^\s;,]+"),
)
_TOKEN_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _SPEC),
                       re.IGNORECASE)
_NOUN_RES = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), kind) for p, kind in _NOUNS]


def tokenize(text: str) -> list[Token]:
    """The clause's words as typed tokens (case is kept: Roman numerals are upper case)."""
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        match = _match_at(text, position)
        name = TokenType[match.lastgroup] if match.lastgroup else TokenType.WORD
        tokens.append(_make_token(name, match.group()))
        position = match.end()
    return _subnumerales(_agency_nouns(tokens))


def _arabic_run(tokens: list[Token], index: int) -> None:
    """'las reglas III y IV': the Roman numbers of the list, as the artículos' arabic ones."""
    while index < len(tokens) and tokens[index].type in (TokenType.NUM, TokenType.SEP, TokenType.TO) and \
            tokens[index].text != ";":
        raw = tokens[index].text
        if tokens[index].type == TokenType.NUM and raw.isupper() and is_roman(raw):
            tokens[index] = Token(TokenType.NUM, str(labels.roman_to_int(raw)))
        index += 1


def _agency_nouns(tokens: list[Token]) -> list[Token]:
    """'los lineamientos Quinto y Sexto', 'la Disposición 73': artículos (see ``_AGENCY``).

    Only with a number: "las disposiciones aplicables", "conforme a las reglas" are prose. A
    dotted number ("regla 3.1") stays one, and is refused as dotted numbering is.
    """
    out = list(tokens)
    for index, token in enumerate(out):
        if token.type != TokenType.AGENCY:
            continue
        ahead = index + 1
        while ahead < len(out) and out[ahead].type in (TokenType.DET, TokenType.ACTUAL):
            ahead += 1
        if ahead < len(out) and out[ahead].type in (TokenType.NUM, TokenType.ORD, TokenType.DOTTED):
            plural = labels.fold(token.text).endswith("s")
            out[index] = Token(TokenType.NOUN, token.text, Kind.ARTICULO, plural)
            _arabic_run(out, ahead)
        else:
            out[index] = Token(TokenType.OTHER, token.text)
    return out


_SUBNUMERAL_NUMBER_RE = re.compile(r"(?-i:x{0,3}(?:ix|iv|v?i{0,3}))")


def _subnumerales(tokens: list[Token]) -> list[Token]:
    """'los subnumerales ii y iii', 'el subnumeral i al inciso a)': numerales written in
    lowercase Roman, under an inciso (parser.lines reads the lines "i.", "ii." so). Their
    numbers are plain words to the tokenizer (upper case is what makes a Roman fracción); after
    a subnumeral noun, and only there, they are the noun's NUM tokens, labelled as the statute
    labels them: num_ii (DESIGN §1.2's numeral with its number as written, lowercase like
    frac_ii), so "subnumeral ii" never names the Arabic numeral 2.
    """
    out = list(tokens)
    for index, token in enumerate(tokens):
        if token.type != TokenType.NOUN or not labels.fold(token.text).startswith("subnumeral"):
            continue
        ahead = index + 1
        while ahead < len(out) and out[ahead].type in (TokenType.DET, TokenType.ACTUAL):
            ahead += 1
        while ahead < len(out):
            word = out[ahead]
            if word.type == TokenType.WORD and word.text and _SUBNUMERAL_NUMBER_RE.fullmatch(word.text):
                out[ahead] = Token(TokenType.NUM, word.text)
            elif word.type not in (TokenType.SEP, TokenType.TO) or not _roman_word_after(out, ahead):
                break
            ahead += 1
    return out


def _roman_word_after(tokens: list[Token], index: int) -> bool:
    """Does a lowercase Roman word follow the separators from ``index`` on ('i, y ii')?"""
    while index < len(tokens) and tokens[index].type in (TokenType.SEP, TokenType.TO):
        index += 1
    return index < len(tokens) and tokens[index].type == TokenType.WORD and \
        is_subnumeral_number(tokens[index].text)


def is_subnumeral_number(raw: str) -> bool:
    return bool(raw) and _SUBNUMERAL_NUMBER_RE.fullmatch(raw) is not None


def transitorios_named_last(tokens: list[Token]) -> list[Token]:
    """'los artículos Primero, fracción II; Segundo y Cuarto Transitorios': the plural noun
    after the list says what every item is; read as 'los transitorios Primero, …'."""
    nouns = [i for i, t in enumerate(tokens) if t.type is TokenType.NOUN]
    if len(nouns) < 2 or tokens[nouns[-1]].kind is not Kind.TRANSITORIO or \
            not tokens[nouns[-1]].plural or nouns[-1] + 1 < len(tokens):
        return tokens
    first = next((i for i in nouns if tokens[i].kind is Kind.ARTICULO), None)
    if first is None or not tokens[first].plural or tokens[first + 1].type is not TokenType.ORD \
            or tokens[nouns[-1] - 1].type is not TokenType.ORD:
        return tokens
    head = Token(TokenType.NOUN, tokens[nouns[-1]].text, Kind.TRANSITORIO, True)
    return [*tokens[:first], head, *tokens[first + 1:nouns[-1]]]


def elided_article(tokens: list[Token]) -> list[Token]:
    """'y se adiciona el 17 Bis', 'y se derogan los diversos 19 y 20': an action that opens with
    a number in digits, its noun left out, names artículos."""
    first = next((i for i, t in enumerate(tokens) if t.type is not TokenType.DET), None)
    if first is None or first == 0 or tokens[first].type is not TokenType.NUM or \
            not tokens[first].text[:1].isdigit():
        return tokens
    plural = labels.fold(tokens[first - 1].text).endswith("s")
    return [*tokens[:first], Token(TokenType.NOUN, "artículos" if plural else "artículo",
                                   Kind.ARTICULO, plural), *tokens[first:]]


def _match_at(text: str, position: int) -> re.Match[str]:
    match = _TOKEN_RE.match(text, position)
    assert match is not None  # WORD matches any non-space run
    return match


def _make_token(name: TokenType, raw: str) -> Token:
    if name is TokenType.NOUN:
        for pattern, kind in _NOUN_RES:
            if pattern.match(raw):
                plural = labels.fold(raw).endswith(("s", "es")) and kind is not None and not \
                    labels.fold(raw).endswith(("fraccion", "seccion", "denominacion"))
                return Token(TokenType.NOUN, raw, kind, plural)
    return Token(name, raw)


__all__ = ["Token", "TokenType", "is_subnumeral_number", "tokenize", "transitorios_named_last",
           "elided_article"]
