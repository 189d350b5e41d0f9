"""Renumbering inside a clause: the handlers of "recorriéndose …", "pasa a ser …", "pasando
… a ser …", and of the numbers named while a move is read (``Mode.MOVING``).

"recorriéndose las actuales fracciones III a V para pasar a ser IV a VI" names what moves and
where; "recorriéndose en su orden los subsecuentes" names nothing, and marks the additions
just read ``shifts`` (``parser.shifts`` spells the moves out against a base); "para quedar
como actuales párrafos vigésimo y vigésimo primero" places additions and moves nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from . import labels
from .clause_numbers import (
    add_number,
    add_ordinal,
    expand_range,
    fits,
    is_range_word,
    label_number,
    next_fits,
    ordinal_value,
    read_numbers,
)
from .clause_state import (
    ORDINAL_NUMBERED,
    Chain,
    Group,
    Mode,
    Move,
    State,
    article_in_context,
    flush_article,
    flush_pending_if_complete,
    next_is,
    parent_for,
)
from .clause_tokens import Token, TokenType
from .directives import Directive, Locator
from .model import Kind, Verb

DESTINATION = frozenset({TokenType.DET, TokenType.NOUN, TokenType.NUM, TokenType.ORD,
                          TokenType.SEP, TokenType.ACTUAL, TokenType.TO})     # "pasa a ser la fracción VI"
def is_destination(state: State, token: Token) -> bool:
    return state.mode is Mode.MOVING and \
        labels.fold(token.text) in ("al", "a la", "a las", "a los") and \
        bool(state.move.sources or len(state.pending) > state.move.mark)


def on_recorre(state: State, tokens: list[Token], index: int) -> int:
    """'recorriéndose en su orden la actual fracción V para pasar a ser la fracción VI'.

    An addition's "recorriéndose en su orden los subsecuentes" (or "la actual", "el
    subsecuente") shifts the base units from the added one's number on: the additions just
    named are marked ``shifts`` (``parser.shifts`` spells the moves out against the base,
    unless the clause spells them out itself, as it does when "para pasar a ser" follows).
    """
    finish_renumbering(state)
    if state.pending and article_in_context(state) and not state.context.named_after:
        flush_pending_if_complete(state, force=True)
    if state.verb is Verb.ADICIONA:
        mark_shifting(state)
    state.mode, state.move = Mode.MOVING, Move(mark=len(state.pending))
    return index + 1


def mark_shifting(state: State) -> None:
    """The additions named last shift what follows them: the pending chains, or else the
    run of additions of one kind under one parent just emitted ('las fracciones XXV y XXVI')."""
    if state.pending:                   # "un párrafo séptimo con las fracciones I, II y III, …":
        kind = state.pending[0][-1][0] if state.pending[0] else None   # the párrafo shifts
        for chain in state.pending:
            chain.shifts = chain.shifts or bool(chain) and chain[-1][0] is kind
        return
    flush_article(state)
    if not state.out or state.out[-1].verb is not Verb.ADICIONA or not state.out[-1].target:
        return
    last = state.out[-1].target
    position = len(state.out)
    while position > 0 and state.out[position - 1].verb is Verb.ADICIONA and \
            state.out[position - 1].target[:-1] == last[:-1] and \
            state.out[position - 1].target[-1:] and \
            state.out[position - 1].target[-1][0] is last[-1][0]:
        position -= 1
    state.out[position:] = [replace(d, shifts=True) for d in state.out[position:]]


PLACING_RE = re.compile(r"para\s+quedar\s+como", re.IGNORECASE)


def on_pasa(state: State, tokens: list[Token], index: int) -> int:
    """'que pasa a ser el segundo párrafo' / 'para ser las XXIX y XXX' / 'al numeral 5'.

    Right after a target ("actual X, que pasa a ser IX Bis") the move is that target's and
    names one destination; the list may go on after it ("…, XIV Bis y actual XV").
    """
    if next_is(tokens, index + 1, TokenType.QUOTE, skip=(TokenType.DET,)):
        return index + 1                    # "para quedar como “De la Productividad …”"
    linked = state.mode is Mode.TARGETS
    if linked and state.verb is Verb.ADICIONA and PLACING_RE.match(tokens[index].text):
        return place_additions(state, tokens, index + 1)
    annotate = False
    bare = bare_sources(state, tokens, index)
    if bare:
        sources, linked = bare, False
    elif linked or _moves_what_was_named(state, tokens, index):
        # "actual X, que pasa a ser IX Bis"; "12 segundo párrafo, recorriéndose para quedar
        # como cuarto": the unit just named moves (and stays a target of the verb)
        sources, annotate = linked_source(state)
        linked = True
    elif not state.move.sources and len(state.pending) > state.move.mark:
        chains = state.pending[state.move.mark:]
        del state.pending[state.move.mark:]
        sources = [chain_directive(state, chain) for chain in chains]
    else:
        sources = state.move.sources
    state.mode, state.move = Mode.MOVING, Move(sources)
    kind = sources[-1].target[-1][0] if sources else Kind.FRACCION
    single = (linked or bool(bare)) and len(sources) == 1
    numbers, position = read_destination(state, tokens, index + 1, kind, single)
    if annotate and len(numbers) == 1:
        last = state.out[-1]
        state.out[-1] = replace(last, new=(*last.target[:-1], (kind, numbers[0])))
    finish_renumbering(state, [((kind, n),) for n in numbers])
    if single and numbers:
        return resume_list(state, tokens, position, sources[0].target[:-1], kind)
    return position


def _moves_what_was_named(state: State, tokens: list[Token], index: int) -> bool:
    """'…, recorriéndose para quedar como cuarto': a move that names no unit of its own, right
    after "recorriéndose"."""
    return state.mode is Mode.MOVING and not state.move.sources and \
        len(state.pending) <= state.move.mark and index > 0 and \
        tokens[index - 1].type is TokenType.RECORRE and state.verb is not Verb.ADICIONA


def bare_sources(state: State, tokens: list[Token], index: int) -> list[Directive]:
    """What moves when no noun names it: 'pasando el actual tercero a ser cuarto' (párrafos
    by their ordinals), 'pasando el actual a ser cuarto' (the unit numbered as the one added)."""
    if state.ordinals:
        numbers, state.ordinals = state.ordinals, []
        return [Directive(Verb.RENUMERA, ((Kind.PARRAFO, n),), state.source, actual=True)
                for n in numbers]
    previous = index - 1
    while previous >= 0 and tokens[previous].type is TokenType.DET:
        previous -= 1
    if previous < 0 or tokens[previous].type is not TokenType.ACTUAL or \
            state.mode is not Mode.MOVING or state.move.sources or \
            len(state.pending) > state.move.mark:
        return []
    if state.pending and state.pending[-1]:
        kind, number, _ = state.pending[-1][-1]
        return [Directive(Verb.RENUMERA, ((kind, number),), state.source, actual=True)]
    flush_article(state)
    if state.out and state.out[-1].target:
        return [replace(state.out[-1], verb=Verb.RENUMERA, actual=True, shifts=False)]
    return []


def linked_source(state: State) -> tuple[list[Directive], bool]:
    """The target a 'que pasa a ser' follows, and whether that target stays one too.

    An addition that names 'la actual III' is moving that fracción, not adding it.
    """
    if state.pending and state.pending[-1]:  # "el párrafo tercero, que pasa a ser …, del art. 27"
        chain = state.pending[-1]
        if state.verb is Verb.ADICIONA and chain[-1][2]:
            state.pending.pop()
        return [chain_directive(state, chain)], False
    flush_article(state)
    if not state.out:
        return [], False
    last = state.out[-1]
    if state.verb is Verb.ADICIONA and last.actual:
        state.out.pop()
        return [replace(last, verb=Verb.RENUMERA)], False
    return [replace(last, verb=Verb.RENUMERA)], True


def chain_directive(state: State, chain: Chain) -> Directive:
    locator = tuple((kind, number) for kind, number, _ in chain)
    return Directive(Verb.RENUMERA, (*parent_for(state, chain[0][0]), *locator), state.source,
                     actual=any(flag for *_, flag in chain))


def read_destination(state: State, tokens: list[Token], position: int, kind: Kind,
                      single: bool) -> tuple[list[str], int]:
    """The numbers after 'pasa a ser' (one only when ``single``) and where reading stopped."""
    group = Group(kind, ())
    ordinals: list[str] = []
    start = position
    while position < len(tokens) and tokens[position].type in DESTINATION:
        token = tokens[position]
        if single and (group.numbers or ordinals) and token.type == TokenType.SEP:
            break
        if token.type == TokenType.NUM and kind is Kind.PARRAFO:
            break                               # "… a ser quinto y sexto párrafos, … y 29"
        if token.type == TokenType.NUM and fits(kind, token):
            add_number(state, group, token.text)
        elif token.type == TokenType.ORD:
            add_ordinal(ordinals, ordinal_value(token.text),
                         ranged=is_range_word(tokens[position - 1]))
        elif (token.type == TokenType.NOUN and token.kind not in (kind, None)) or token.text == ";":
            break
        elif token.type is TokenType.TO and group.numbers and \
                next_is(tokens, position + 1, TokenType.NUM):
            position += expand_range(state, group, tokens[position + 1].text)
        elif token.type is TokenType.TO and not (ordinals and
                                                 next_is(tokens, position + 1, TokenType.ORD)):
            break                                       # "a ser": not a range
        position += 1
    while position > start and tokens[position - 1].type in (TokenType.SEP, TokenType.DET):
        position -= 1                   # "…, respectivamente, y 29, …": the list goes on
    return group.numbers or ordinals, position


def resume_list(state: State, tokens: list[Token], position: int, parent: Locator,
                 kind: Kind) -> int:
    """'fracciones VIII Bis, actual X, que pasa a ser IX Bis, XIV Bis y actual XV'."""
    ahead = position
    while ahead < len(tokens) and tokens[ahead].type is TokenType.SEP and tokens[ahead].text != ";":
        ahead += 1
    if ahead > position and next_fits(tokens, ahead, kind):
        state.group = Group(kind, parent, unit_first=not parent)
        return read_numbers(state, tokens, ahead)
    return position


def place_additions(state: State, tokens: list[Token], position: int) -> int:
    """'se adicionan dos últimos párrafos al artículo 28, para quedar como actuales párrafos
    vigésimo y vigésimo primero': the added units are numbered where they will be."""
    flush_article(state)
    if state.pending:
        kind = state.pending[-1][-1][0]
        template = state.pending[-1][:-1]
        while state.pending and state.pending[-1][-1][0] is kind:
            state.pending.pop()
        numbers, position = read_destination(state, tokens, position, kind, single=False)
        state.pending.extend(Chain([*template, (kind, number, False)]) for number in numbers)
        return position
    if not state.out:
        return position
    last = state.out[-1]
    kind, parent = last.target[-1][0], last.target[:-1]
    while state.out and state.out[-1].verb is Verb.ADICIONA and \
            state.out[-1].target[:-1] == parent and state.out[-1].target[-1][0] is kind:
        state.out.pop()
    numbers, position = read_destination(state, tokens, position, kind, single=False)
    state.out.extend(Directive(Verb.ADICIONA, (*parent, (kind, number)), state.source)
                     for number in numbers)
    return position


def finish_renumbering(state: State, targets: Sequence[Locator] = ()) -> None:
    """The move read ends: each source goes to its destination (the last sources to the
    destinations named, "recorriéndose las actuales XXVIII y XXIX, para ser las XXIX y XXX");
    with none named, what was named reads as a target of the clause's verb."""
    if state.mode is not Mode.MOVING:
        return
    sources = state.move.sources
    state.mode, state.move = Mode.TARGETS, Move()
    if not targets:
        if sources:
            state.out.extend(replace(s, verb=state.verb) for s in sources)  # never renumbered
        return
    sources = sources[-len(targets):] if len(sources) >= len(targets) else sources
    for source, target in zip(sources, targets, strict=False):
        new = (*source.target[:-1], *target)
        directive = replace(source, verb=Verb.RENUMERA, new=new)
        if source.target[0][0] in ORDINAL_NUMBERED:
            state.out.append(directive)
        else:
            state.relative.append(directive)


def place_relative(state: State, parent: Locator) -> None:
    """Renumberings read before their article ('…, para ser las XXIX y XXX del artículo 90')."""
    for directive in state.relative:
        assert directive.new is not None
        state.out.append(replace(directive, target=(*parent, *directive.target),
                                 new=(*parent, *directive.new)))
    state.relative = []


def on_moving_number(state: State, tokens: list[Token], index: int) -> int:
    """A number with no noun of its own while a move is read: 'recorriéndose las actuales
    XXVIII y XXIX' (units of the kind named last)."""
    kind = state.pending[-1][-1][0] if state.pending and state.pending[-1] else (
        state.group.kind if state.group else Kind.FRACCION)
    token = tokens[index]
    if fits(kind, token):
        number = label_number(kind, token.text)
        state.move.sources.append(Directive(Verb.RENUMERA, ((kind, number),), state.source,
                                            actual=state.actual_next))
        state.actual_next = False
    return index + 1


__all__ = [
    "bare_sources", "chain_directive", "DESTINATION", "finish_renumbering", "is_destination",
    "linked_source", "mark_shifting", "on_moving_number", "on_pasa", "on_recorre", "place_additions",
    "place_relative", "PLACING_RE", "read_destination", "resume_list",
]
