"""One action's target text -> directives: the state machine of ``parser.clauses``.

It reads both phrasings of mx-amendment-grammar.md §4.1, often mixed in one clause:
article-first lists ("25, fracción I, incisos e), f) y g)") and unit-first chains ("el inciso
h) de la fracción III del artículo 11"), plus ranges, "actual", renumbering ("recorriéndose …
para pasar a ser …", "que pasa a ser el segundo párrafo"), placed additions ("para quedar
como actuales párrafos …"), denominaciones and new containers ("denominado …, que comprende
…"), and placements written before their units ("se adicionan al artículo 13, las fracciones
IV y V").

A state machine: each token is read by the handler for (the reader's ``Mode``, the token's
``TokenType``) — ``_MODE_HANDLERS`` — or else by the one for its type — ``_HANDLERS``. In
``Mode.TARGETS`` the units named are what the verb acts on; "recorriéndose" enters
``Mode.MOVING``, where they are what moves, until "pasa a ser" names where
(``parser.clause_renumbering``). Nouns are read by ``parser.clause_nouns``, the numbers after
them by ``parser.clause_numbers``, the parents and placements "de …", "al …" introduce by
``parser.clause_parents``; the state the handlers share, and how a named unit becomes a
directive, is ``parser.clause_state``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from errors import AmendmentError
from untrusted import quoted

from . import labels
from .clause_nouns import on_noun
from .clause_numbers import (
    add_ordinal,
    after_conjunction,
    fits,
    is_range_word,
    label_number,
    ord_before_paragraph,
    ordinal_value,
    read_numbers,
)
from .clause_parents import on_of
from .clause_renumbering import (
    finish_renumbering,
    is_destination,
    on_moving_number,
    on_pasa,
    on_recorre,
    place_relative,
)
from .clause_state import (
    Chain,
    Group,
    Lead,
    Mode,
    State,
    Within,
    article_in_context,
    emit,
    flush,
    flush_pending_if_complete,
    item_kind,
    next_is,
    parent_for,
)
from .clause_tokens import Token, TokenType, elided_article, tokenize, transitorios_named_last
from .directives import Directive, Locator
from .model import CONTAINER_KINDS, Kind, Verb

_AFTER_NAME = frozenset({TokenType.COMPRENDE, TokenType.TENDRA, TokenType.PASA,
                         TokenType.RECORRE})                    # end an unquoted name


def read_targets(verb: Verb, text: str, source: str) -> list[Directive]:
    """Every target of one action, in the order written (see the module docstring)."""
    state = State(verb, source)
    tokens = elided_article(transitorios_named_last(tokenize(text)))
    index = 0
    while index < len(tokens):
        index = _step(state, tokens, index)
    flush(state)
    finish_renumbering(state)
    if state.relative:
        place_relative(state, parent_for(state, state.relative[0].target[0][0]))
    if not state.out:
        if state.heading_only or _WHOLE_INSTRUMENT_RE.match(text):
            # "Se reforma la denominación de la Convocatoria", "Se modifican los Lineamientos
            # …, conforme al Anexo": the instrument itself, not one of its provisions
            return [Directive(verb, (), source, heading_only=state.heading_only)]
        raise AmendmentError(f"no se encontró qué disposición «se {verb}» en {quoted(text)}")
    return _dedupe(state.out)


_WHOLE_INSTRUMENT_RE = re.compile(
    r"(?:el|la|los|las)?\s*(?:Ley|Reglamento|C[oó]digo|Estatuto|Decreto|Acuerdo|Lineamientos|Reglas"
    r"|Norma|Manual|Disposiciones|Convocatoria|Bases|Criterios|Programa|Pol[ií]ticas)\b")


def _dedupe(directives: list[Directive]) -> list[Directive]:
    seen: set[tuple[Verb, Locator, Locator | None]] = set()
    out = []
    for directive in directives:
        key = (directive.verb, directive.target, directive.new)
        if key not in seen:
            seen.add(key)
            out.append(directive)
    return out


def _step(state: State, tokens: list[Token], index: int) -> int:
    """Read the token at ``index`` with the handler for the reader's mode and the token's
    type; returns where to read next."""
    kind = tokens[index].type
    handler = _MODE_HANDLERS.get((state.mode, kind)) or _HANDLERS.get(kind)
    if handler is None:
        return index + 1                # WORD, and what no rule reads
    return handler(state, tokens, index)


def _on_ord(state: State, tokens: list[Token], index: int) -> int:
    if not state.ordinals and state.group is not None and after_conjunction(tokens, index) \
            and state.group.kind is not Kind.PARRAFO:
        # "fracción XI, y segundo párrafo", "45, fracción III y penúltimo párrafo": the
        # article's (a fracción's own párrafo is named after a comma: "fracción I, tercer …")
        state.group.closed = True
    value = ordinal_value(tokens[index].text)
    add_ordinal(state.ordinals, value, ranged=index > 0 and is_range_word(tokens[index - 1]))
    return index + 1


def _on_sep(state: State, tokens: list[Token], index: int) -> int:
    text = tokens[index].text
    kind = _next_item(state, tokens, index + 1)
    if kind is not None:
        state.lead = Lead.NONE          # "…, respectivamente, y 29, fracción IV"
        flush(state)                       # "2, fracciones IV y actual V, 82 y 84"
        state.group = Group(kind, ())      # "Segundo, párrafo cuarto; Cuarto, párrafos …"
        return read_numbers(state, tokens, index + 1)
    if text == ";":
        finish_renumbering(state)      # a "recorriéndose …" ends with its item
        flush(state)
        if state.relative and article_in_context(state):
            # "una fracción XII al artículo 125, pasando la actual XII a convertirse en la
            # fracción XIII del mismo artículo;": the item's own article
            place_relative(state, parent_for(state, state.relative[0].target[0][0]))
        state.group = None
        state.within = None
        state.ordinals = []             # "recorriéndose del quinto al último, en su orden;"
        state.context = replace(state.context, named_after=True)  # "…; un cuarto párrafo al
        #                                   artículo 115": a new unit names its own
    return index + 1


def _next_item(state: State, tokens: list[Token], index: int) -> Kind | None:
    """Does a new article (or transitorio) of an article-first list start at ``index``?

    A number in digits after a separator is an article ("…, 82 y 84"; "la denominación del
    CAPÍTULO IV, 17, fracciones I y II") unless numerales are being listed. Articles named by
    ordinal words ("Primero, fracción II y Tercero") go on with an ordinal that is not a
    párrafo's ("Primero, segundo párrafo"), only inside such a list.
    """
    if index >= len(tokens) or (state.group is not None and state.group.kind is Kind.NUMERAL):
        return None
    token = tokens[index]
    kind = item_kind(state)
    if token.type == TokenType.NUM and token.text[0].isdigit():
        return kind or Kind.ARTICULO
    if kind is not None and token.type == TokenType.ORD and state.context.words and \
            fits(kind, token) \
            and not ord_before_paragraph(tokens, index, kind):
        return kind
    return None


def _on_det(state: State, tokens: list[Token], index: int) -> int:
    if state.lead is not Lead.WITH:
        state.lead = Lead.DETERMINER
    return index + 1


def _on_con(state: State, tokens: list[Token], index: int) -> int:
    """'un Capítulo XII Bis con los artículos …' (the container is complete); 'un párrafo
    séptimo con las fracciones I, II y III, …, al artículo 167' (both wait for the article)."""
    flush_pending_if_complete(state, force=article_in_context(state))
    state.lead = Lead.WITH
    return index + 1


def _on_actual(state: State, tokens: list[Token], index: int) -> int:
    """'la actual fracción V', 'la actual III'; not 'recorriéndose los actuales, al artículo'."""
    state.actual_next = next_is(tokens, index + 1, TokenType.NOUN, skip=(TokenType.DET,)) or \
        next_is(tokens, index + 1, TokenType.NUM, skip=(TokenType.DET,)) or \
        next_is(tokens, index + 1, TokenType.ORD, skip=(TokenType.DET,))
    return index + 1


def _on_num(state: State, tokens: list[Token], index: int) -> int:
    """A number with no noun of its own after "actual": 'y la actual III pasa a ser IV' (a unit
    of the kind just named). Any other bare number is no locator."""
    if not state.actual_next:
        return index + 1
    kind = state.pending[-1][-1][0] if state.pending and state.pending[-1] else (
        state.group.kind if state.group else Kind.FRACCION)
    token = tokens[index]
    if not fits(kind, token):
        return index + 1
    number = label_number(kind, token.text)
    if state.group is not None and state.group.parent and not state.pending:
        emit(state, (*state.group.parent, (kind, number)), actual=True)
    else:
        state.pending.append(Chain([(kind, number, True)]))
    state.actual_next = False
    return index + 1


def _on_moving_of(state: State, tokens: list[Token], index: int) -> int:
    """'recorriendo el numeral 4 vigente al numeral 5': where the units named go (as 'pasa a
    ser'); any other "del", "al" is read as in Mode.TARGETS."""
    if is_destination(state, tokens[index]):
        return on_pasa(state, tokens, index)
    return on_of(state, tokens, index)


def _on_quote(state: State, tokens: list[Token], index: int) -> int:
    return index + 1


def _on_other(state: State, tokens: list[Token], index: int) -> int:
    """'las reglas 3.1 y 3.2', 'sus subnumerales ii y iii': a unit the grammar does not model.

    Named with a number it is a target no label can express; naming it as some other unit
    would be a wrong label, so the clause is refused. Without a number ("conforme al Anexo")
    the noun is prose.
    """
    position = index + 1
    while position < len(tokens) and tokens[position].type in (TokenType.DET, TokenType.ACTUAL):
        position += 1
    if position < len(tokens) and _is_designator(tokens[position]):
        noun = tokens[index].text
        raise AmendmentError(
            f"{quoted(noun + ' ' + tokens[position].text)} en {quoted(state.source, 160)}: las "
            f"cláusulas no tienen unidades «{labels.fold(noun)}», así que no se puede ubicar esa disposición")
    return index + 1


def _on_dotted(state: State, tokens: list[Token], index: int) -> int:
    """'los numerales 4.1 y 4.2': numbering by dotted decimals is not modelled (reading "4.1"
    as numeral 4 would name another unit)."""
    raise AmendmentError(f"{quoted(tokens[index].text)} en {quoted(state.source, 160)}: la numeración "
                         "decimal con puntos no se reconoce, así que no se puede ubicar esa disposición")


def _is_designator(token: Token) -> bool:
    """A unit number: '3', 'III', 'a)', 'Quinto', or a lowercase Roman 'ii' left as a word."""
    return token.type in (TokenType.NUM, TokenType.ORD) or \
        re.fullmatch(r"[ivxlc]+|\d[\d.]*", token.text) is not None


def _on_tendra(state: State, tokens: list[Token], index: int) -> int:
    """'la denominación del Título Sexto, el cual tendrá un Capítulo Único …': what follows is
    added inside the unit just named."""
    _enter_last_container(state, adds=True)
    return index + 1


def _enter_last_container(state: State, adds: bool) -> None:
    flush(state)
    if state.out and state.out[-1].target and state.out[-1].target[-1][0] in CONTAINER_KINDS:
        state.within = Within(state.out[-1].target, adds)


def _on_denom(state: State, tokens: list[Token], index: int) -> int:
    """'denominado De la Inspección y Vigilancia': an unquoted name is no locator; it runs to
    the next comma or semicolon (a quoted one is a single QUOTE token)."""
    index += 1
    if index < len(tokens) and tokens[index].type == TokenType.QUOTE:
        return index + 1
    while index < len(tokens) and tokens[index].text not in (",", ";") and \
            tokens[index].type not in _AFTER_NAME:
        index += 1
    return index


def _on_comprende(state: State, tokens: list[Token], index: int) -> int:
    """'…, que comprende los artículos 284 Bis y 284 Ter', '…, conformado de una Sección
    Primera': the container's articles, and containers inside it."""
    _enter_last_container(state, adds=False)
    state.lead = Lead.NONE
    return index + 1


Handler = Callable[[State, list[Token], int], int]

# A move being read ("recorriéndose …") reads bare numbers and "al" its own way.
_MODE_HANDLERS: dict[tuple[Mode, TokenType], Handler] = {
    (Mode.MOVING, TokenType.NUM): on_moving_number,
    (Mode.MOVING, TokenType.OF): _on_moving_of,
}
_HANDLERS: dict[TokenType, Handler] = {
    TokenType.NOUN: on_noun, TokenType.OF: on_of, TokenType.ORD: _on_ord,
    TokenType.SEP: _on_sep, TokenType.DET: _on_det, TokenType.CON: _on_con,
    TokenType.ACTUAL: _on_actual, TokenType.RECORRE: on_recorre, TokenType.PASA: on_pasa,
    TokenType.QUOTE: _on_quote, TokenType.COMPRENDE: _on_comprende, TokenType.NUM: _on_num,
    TokenType.OTHER: _on_other, TokenType.TENDRA: _on_tendra, TokenType.DENOM: _on_denom,
    TokenType.DOTTED: _on_dotted,
}



__all__ = ["read_targets"]
