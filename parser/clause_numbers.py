"""The numbers after a locator noun: lists ('84 Bis, 84 Ter y 84 Quáter'), ranges ('IV a
VIII', 'del 51 al 74', '291-A a 291-U'), "actual" numbers, párrafo ordinals ('noveno, y del
décimo quinto al décimo séptimo'), and where a list ends ('IV, V, y VI' but not 'IV, 17').
"""

from __future__ import annotations

import re
from dataclasses import replace

from errors import AmendmentError
from untrusted import quoted

from . import labels
from .cite_text import NOUN
from .clause_state import (
    ITEM_KINDS,
    ORDINAL_NUMBERED,
    Chain,
    Context,
    Group,
    State,
    emit,
    flush_article,
    next_is,
    token_is_conjunction,
)
from .clause_tokens import Token, TokenType, is_subnumeral_number
from .directives import RELATIVE_PARAGRAPHS, Directive
from .model import Kind
from .vocabulary import LATIN_RANK, LETTERS, is_roman, latin_between, letters_after

ORDINAL_LIST = frozenset({TokenType.ORD, TokenType.SEP, TokenType.TO, TokenType.OF})
def after_conjunction(tokens: list[Token], index: int) -> bool:
    """'…, fracción X y fracción XI': the unit after 'y' ends a list."""
    index -= 1
    while index >= 0 and tokens[index].type == TokenType.DET:
        index -= 1
    return index >= 0 and tokens[index].type == TokenType.SEP and tokens[index].text.lower() in ("y", "e")


def ordinals_after_noun(state: State, tokens: list[Token], index: int,
                         ordinals: list[str]) -> int:
    """'párrafos noveno, y del décimo quinto al décimo séptimo': read into ``ordinals``.

    A semicolon ends them, and so does an article named by a capitalised ordinal word in a
    list of such articles ('Segundo, párrafo cuarto y Cuarto, …').
    """
    ranged = False
    while index < len(tokens) and tokens[index].type in ORDINAL_LIST and \
            tokens[index].text != ";" and ordinal_ahead(tokens, index):
        token = tokens[index]
        if token.type == TokenType.ORD:
            if state.context.words and token.text[:1].isupper():
                break
            value = ordinal_value(token.text)
            if ranged and ordinals and ordinals[-1].isdigit() and value.isdigit():
                ordinals.extend(str(n) for n in range(int(ordinals[-1]) + 1, int(value)))
            ordinals.append(value)
            ranged = False
        elif labels.fold(token.text) in ("a", "al"):
            ranged = True                   # "del décimo quinto al décimo séptimo", "segundo a cuarto"
        index += 1
    return index


def ordinal_ahead(tokens: list[Token], index: int) -> bool:
    """Is there another ordinal before the next noun or number ('noveno, y del décimo …')?"""
    for token in tokens[index:]:
        if token.type == TokenType.ORD:
            return True
        if token.type not in (TokenType.SEP, TokenType.TO, TokenType.OF):
            return False
    return False


def read_numbers(state: State, tokens: list[Token], index: int) -> int:
    """The numbers after a noun: '84 Bis, 84 Ter y 84 Quáter', 'IV a VIII', 'actual V'."""
    group = state.group
    assert group is not None
    while index < len(tokens):
        token = tokens[index]
        if token.type == TokenType.ACTUAL:
            if group.numbers and not next_is(tokens, index + 1, TokenType.NUM):
                group.actual[-1] = True     # "el numeral 4 vigente"
            else:
                state.actual_next = True    # "fracciones IV y actual V"
        elif token.type in (TokenType.NUM, TokenType.ORD) and fits(group.kind, token) and \
                not ord_before_paragraph(tokens, index, group.kind, adjacent=True):
            add_number(state, group, token.text)
            group.words = token.type == TokenType.ORD
        elif is_range_word(token) and group.numbers and next_fits(tokens, index + 1, group.kind):
            index = expand_range(state, group, tokens[index + 1].text) + index
        elif token.type is TokenType.OF and labels.fold(token.text) == "del" and \
                not group.numbers and next_fits(tokens, index + 1, group.kind):
            pass                                # "los artículos del 51 al 74"
        elif token.type == TokenType.SEP and continues(tokens, index, group):
            if token.text.lower() in ("y", "e"):
                group.closed = True
        elif token.type == TokenType.NUM and not group.numbers:
            # "las reglas IIII y V": the first number named is none of its kind's
            raise AmendmentError(f"no se puede leer el número de {NOUN[group.kind]} {quoted(token.text)} "
                                 f"en {quoted(state.source, 160)}")
        else:
            break
        index += 1
    if token_is_conjunction(tokens, index - 1):
        group.closed = True
    if group.kind is Kind.ARTICULO and group.numbers and index < len(tokens) and \
            tokens[index].kind is Kind.TRANSITORIO:
        group.kind = Kind.TRANSITORIO       # "el artículo Segundo Transitorio": tra_2
        index += 1
    commit_group(state, group)
    return index


def continues(tokens: list[Token], index: int, group: Group) -> bool:
    """Does the list of numbers go on after this separator ('IV, V, y VI'; not 'IV, 17')?"""
    conjunction = False
    while index < len(tokens) and tokens[index].type == TokenType.SEP:
        conjunction = conjunction or tokens[index].text.lower() in ("y", "e")
        index += 1
    if not (group.plural or conjunction):
        return False
    return next_fits(tokens, index, group.kind)


def next_fits(tokens: list[Token], index: int, kind: Kind) -> bool:
    while index < len(tokens) and tokens[index].type == TokenType.ACTUAL:
        index += 1
    return index < len(tokens) and tokens[index].type in (TokenType.NUM, TokenType.ORD) and \
        fits(kind, tokens[index]) and not ord_before_paragraph(tokens, index, kind)


def ord_before_paragraph(tokens: list[Token], index: int, kind: Kind,
                          adjacent: bool = False) -> bool:
    """'fracción I, segundo párrafo': the ordinal belongs to a párrafo, not to the list.

    Not when the párrafo noun has ordinals of its own: in "Cuarto, párrafos primero" the
    "Cuarto" is a transitorio.
    """
    if tokens[index].type != TokenType.ORD or kind is Kind.PARRAFO:
        return False
    if adjacent and (not index or tokens[index - 1].type is not TokenType.NUM):
        return False                    # only "12 segundo párrafo", no comma between
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.type == TokenType.NOUN:
            return token.kind is Kind.PARRAFO and not next_is(tokens, position + 1, TokenType.ORD)
        if token.type not in (TokenType.ORD, TokenType.SEP):
            return False
    return False


def fits(kind: Kind, token: Token) -> bool:
    raw = token.text.strip()
    if token.type == TokenType.ORD:          # "el Título Sexto", "la fracción segunda"
        # (a capitalised word after a fracción is an article: "Primero, fracción II y Tercero")
        return (kind in ORDINAL_NUMBERED or kind is Kind.FRACCION and raw[:1].islower()) \
            and not re.match(r"(?i)(?:ante)?pen|[uú]ltim", raw)
    if kind is Kind.NUMERAL:
        return raw[0].isdigit() or is_subnumeral_number(raw)
    if kind is Kind.ARTICULO:
        return raw[0].isdigit()
    if kind is Kind.FRACCION:
        return bool(re.match(r"[IVXLC]+\b", raw))
    if kind is Kind.INCISO:
        return raw.split()[0].endswith(")")
    if kind is Kind.APARTADO:
        # "Apartado B" in statutes, "Apartado IV" in agency manuals and lineamientos
        return bool(re.match(r"(?:[A-Z]|[IVXLC]+)\b", raw))
    return bool(re.match(r"[IVXLC]+\b|\d", raw))


def label_number(kind: Kind, raw: str) -> str:
    """The label number of a unit of ``kind`` written ``raw``: 'XXIX-Ñ' -> 'xxix-nn', a
    fracción in words ('la fracción segunda') -> 'ii'; ``AmendmentError`` if it is none."""
    try:
        if kind is Kind.FRACCION and not re.match(r"[IVXLC]+\b", raw):
            raw = labels.int_to_roman(labels.ordinal_to_int(raw))   # "la fracción segunda"
        return labels.unit_number(kind, raw)
    except ValueError:
        raise AmendmentError(f"no se puede leer el número de {NOUN[kind]} {quoted(raw)}") from None


def add_number(state: State, group: Group, raw: str) -> None:
    number = label_number(group.kind, raw)
    group.numbers.append(number)
    group.actual.append(state.actual_next)
    state.actual_next = False


def expand_range(state: State, group: Group, last_raw: str) -> int:
    """'fracciones IV a VIII' names every unit in between."""
    first = group.numbers[-1]
    try:
        end = labels.unit_number(group.kind, last_raw)
        numbers = _run(group.kind, first, end)
    except ValueError:
        numbers = None
    if numbers is None:
        raise AmendmentError(f"no se puede desarrollar el intervalo de {NOUN[group.kind]} "
                             f"«{labels.display_number(group.kind, first)} a {last_raw}»")
    group.numbers.extend(numbers)
    group.actual.extend([False] * len(numbers))
    return 1


def _run(kind: Kind, first: str, end: str) -> list[str] | None:
    """The label numbers after ``first`` up to ``end``; None when they make no run."""
    if lettered(first) and lettered(end) and first.rpartition("-")[0] == end.rpartition("-")[0]:
        # "los artículos 291-A a 291-U", "las fracciones XXIX-Ñ a XXIX-P" (Ñ follows N)
        head = first.rpartition("-")[0]
        return [f"{head}-{letter}" for letter in
                letters_after(first.rpartition("-")[2], end.rpartition("-")[2])]
    if kind is Kind.FRACCION or (kind is Kind.APARTADO and roman_range(first, end)) or \
            (kind is Kind.NUMERAL and is_subnumeral_number(first) and is_subnumeral_number(end)):
        values = range(labels.roman_to_int(first) + 1, labels.roman_to_int(end) + 1)
        return [labels.int_to_roman(v).lower() for v in values]
    if kind in (Kind.INCISO, Kind.APARTADO) and first in LETTERS and end in LETTERS:
        return list(letters_after(first, end))          # "incisos m) a o)": m, n, ñ, o
    if first.isdigit() and end.isdigit():
        return [str(v) for v in range(int(first) + 1, int(end) + 1)]
    return _qualified_run(first, end) or None


def _qualified_run(first: str, end: str) -> list[str]:
    """'109 Bis a 109 Bis 8' (109-bis-1 … 109-bis-8), '138 a 140 Bis' (139, 140, 140-bis),
    '63 Bis a 63 Quáter' (63-ter, 63-quater):
    articles numbered with a Latin qualifier and a counter. Empty when not such a run."""
    head, _, qualifier = end.partition("-")
    match = re.fullmatch(r"([a-z]+)(?:-(\d+))?", qualifier)
    if not head.isdigit() or match is None:
        return []
    latin, last = match.group(1), int(match.group(2) or 0)
    if not last and first.startswith(f"{head}-") and first[len(head) + 1:] in LATIN_RANK and \
            latin in LATIN_RANK:
        return [f"{head}-{word}" for word in latin_between(first[len(head) + 1:], latin)]
    if first.isdigit() and int(first) <= int(head) and not last:
        return [*(str(n) for n in range(int(first) + 1, int(head) + 1)), end]
    start = re.fullmatch(rf"{head}-{latin}(?:-(\d+))?", first)
    if start is None or last <= int(start.group(1) or 0):
        return []
    return [f"{head}-{latin}-{n}" for n in range(int(start.group(1) or 0) + 1, last + 1)]


def lettered(number: str) -> bool:
    """'291-a', 'xxix-nn': an article or fracción number with a letter after it."""
    head, _, letter = number.rpartition("-")
    return letter in LETTERS and (head.isdigit() or is_roman(head))


def roman_range(first: str, end: str) -> bool:
    """'apartados II a IV' counts in Roman numerals, 'apartados A a C' in letters.

    Single letters that are also Roman numerals are read as letters unless the run starts at
    'I' ("apartados I a V"): apartados lettered I to V would be a run not starting at A.
    """
    both = all(is_roman(n) for n in (first, end))
    return both and (len(first) > 1 or len(end) > 1 or first == "i")


def commit_group(state: State, group: Group) -> None:
    if group.unit_first:
        for number, actual in zip(group.numbers, group.actual, strict=True):
            state.pending.append(Chain([*group.owner, (group.kind, number, actual)]))
        if not group.numbers and state.pending:
            return
        return
    if group.kind in ITEM_KINDS:
        for number in group.numbers:
            flush_article(state)
            state.context = Context(((group.kind, number),), words=group.words)
            state.article_open = Directive(state.verb, ((group.kind, number),), state.source)
        return
    for position, (number, actual) in enumerate(zip(group.numbers, group.actual, strict=True)):
        emit(state, (*group.parent, (group.kind, number)), actual,
              hold=position == len(group.numbers) - 1)
    if group.numbers:
        state.context = replace(state.context,
                                units=(*group.parent, (group.kind, group.numbers[-1])))


def ordinal_value(raw: str) -> str:
    folded = labels.fold(raw).replace(" ", "")
    for word, value in RELATIVE_PARAGRAPHS.items():
        if re.fullmatch(rf"{word}[oa]?", folded.rstrip("oa") + "o") or folded.startswith(word):
            return value
    try:
        return str(labels.ordinal_to_int(raw))
    except ValueError:
        raise AmendmentError(f"no se puede leer el ordinal {quoted(raw)} como número de párrafo") from None


def is_range_word(token: Token) -> bool:
    """'IV a VI', 'I a la V', 'del 51 al 74': the word between a range's ends."""
    return token.type in (TokenType.TO, TokenType.OF) and \
        labels.fold(token.text) in ("a", "al", "a la")


def add_ordinal(ordinals: list[str], value: str, ranged: bool) -> None:
    """Add a párrafo number; after 'a'/'al' the numbers between the last one and it too."""
    if ranged and ordinals and ordinals[-1].isdigit() and value.isdigit():
        ordinals.extend(str(n) for n in range(int(ordinals[-1]) + 1, int(value)))
    ordinals.append(value)


__all__ = [
    "add_number", "add_ordinal", "after_conjunction", "commit_group", "continues",
    "expand_range", "fits", "is_range_word", "label_number", "lettered", "next_fits", "ord_before_paragraph",
    "ordinal_ahead", "ORDINAL_LIST", "ordinal_value", "ordinals_after_noun",
    "read_numbers", "roman_range",
]
