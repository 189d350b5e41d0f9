"""What "de …" and "al …" introduce in a clause's targets: the parents of the units named, or their place.

"el inciso h) de la fracción III del artículo 11": the parents go above every pending chain;
"se adicionan al artículo 13, las fracciones IV y V", "al Título V, Capítulo I, una Sección
Cuarta": a placement, the context of what follows, no target itself; "del cuarto párrafo del
artículo 6" after a list item only says where the list starts.
"""

from __future__ import annotations

from dataclasses import replace

from . import labels
from .clause_nouns import is_heading_noun, unit_kind
from .clause_numbers import add_number, fits, label_number, next_fits
from .clause_renumbering import place_relative
from .clause_state import (
    ITEM_KINDS,
    LIST_KINDS,
    RANK,
    Context,
    Group,
    State,
    Within,
    flush,
    flush_pending_if_complete,
    item_kind,
    next_is,
)
from .clause_tokens import Token, TokenType
from .directives import Locator
from .model import CONTAINER_KINDS, Kind


def on_of(state: State, tokens: list[Token], index: int) -> int:
    """'de la fracción III del artículo 11': the parent of every pending chain.

    After 'recorriendo el numeral 4 vigente', 'al numeral 5' is where it goes (as 'pasa a ser').
    """
    skip = _introducing_paragraph(state, tokens, index + 1) or _placement(state, tokens, index)
    if skip:
        return skip
    if state.pending and _bare_article(tokens, index):
        # "la fracción VIII del 21", "la fracción III del 57": the article's noun left out
        group = Group(Kind.ARTICULO, (), unit_first=True)
        return _parent_read(state, group, tokens, index,
                            _read_parent_numbers(state, group, tokens, index + 1))
    if not state.pending or not next_is(tokens, index + 1, TokenType.NOUN, skip=(TokenType.DET,)):
        return index + 1
    position = index + 1
    while tokens[position].type == TokenType.DET:
        position += 1
    noun = tokens[position]
    if is_heading_noun(tokens, position) or noun.kind is Kind.PARRAFO and not state.pending:
        return position + 1
    assert noun.kind is not None
    group = Group(unit_kind(noun.kind, tokens, position + 1), (), unit_first=True)
    return _parent_read(state, group, tokens, position,
                        _read_parent_numbers(state, group, tokens, position + 1))


def _bare_article(tokens: list[Token], index: int) -> bool:
    """'del 21', 'al 57': a contraction before a number in digits, which names an article."""
    return labels.fold(tokens[index].text) in ("del", "al") and index + 1 < len(tokens) and \
        tokens[index + 1].type is TokenType.NUM and tokens[index + 1].text[:1].isdigit()


def _parent_read(state: State, group: Group, tokens: list[Token], position: int, end: int) -> int:
    """The parent just read (``group``: its noun at ``position``, its numbers up to ``end``)
    goes above the pending chains."""
    if group.kind is Kind.ARTICULO and group.numbers and end < len(tokens) and \
            tokens[end].kind is Kind.TRANSITORIO:
        group.kind = Kind.TRANSITORIO       # "al Artículo Séptimo Transitorio": tra_7
        end += 1
    elif group.kind is Kind.ARTICULO and item_kind(state) is Kind.TRANSITORIO and \
            tokens[position + 1].type is TokenType.ORD:
        group.kind = Kind.TRANSITORIO       # "los Transitorios Segundo; … del artículo Tercero"
    if group.numbers:
        for chain in state.pending:
            if not chain.parented or RANK[group.kind] < RANK[chain[0][0]]:
                # a chain given its parents waits only for those above them: "las fracciones
                # I y II del apartado A y el inciso c) de la fracción I del apartado B del
                # artículo 26" (only the artículo is apartado A's)
                chain.insert(0, (group.kind, group.numbers[0], group.actual[0]))
        for chain in state.pending:
            chain.parented = True
        if group.kind in ITEM_KINDS:
            flush_pending_if_complete(state, force=True)
    if group.numbers and group.kind in ITEM_KINDS and state.relative:
        place_relative(state, ((group.kind, group.numbers[0]),))
    return end


def _placement(state: State, tokens: list[Token], index: int) -> int:
    """Where the units named next go, or where the last one is, written with no unit pending:

    * 'se adicionan al artículo 13, las fracciones IV y V': the article is the context of
      what follows, not a target itself;
    * 'se adiciona al Título V, Capítulo I, una Sección Cuarta': new containers go inside;
    * '… el segundo párrafo del artículo 83 del Título Tercero, Capítulo IV': where the
      article is, no target.

    Returns where the placement ends (0: not one).
    """
    if state.pending or state.heading_only:
        return 0
    into = labels.fold(tokens[index].text) in ("al", "a la", "a los", "a las")
    position = index + 1
    while position < len(tokens) and tokens[position].type is TokenType.DET:
        position += 1
    if not next_is(tokens, position, TokenType.NOUN) or tokens[position].kind is None:
        return 0
    kind = tokens[position].kind
    if into and kind in ITEM_KINDS and not tokens[position].plural and \
            next_fits(tokens, position + 1, kind):
        flush(state)
        number = label_number(kind, tokens[position + 1].text)
        state.context = Context(((kind, number),))
        state.group = None
        return position + 2
    if kind not in CONTAINER_KINDS:
        return 0
    containers, end = _read_containers(tokens, position)
    if not containers:
        return 0
    if into and not state.out:
        state.within = Within(containers)
        return end
    if into and state.within is not None and state.within.container and \
            RANK[containers[-1][0]] < RANK[state.within.container[0][0]]:
        _move_into(state, containers)
        return end
    last = state.out[-1].target if state.out else ()
    return end if not into and last and last[0][0] in ITEM_KINDS else 0


def _move_into(state: State, containers: Locator) -> None:
    """'un Capítulo III, denominado "…", que comprende los artículos 45-A a 45-N, al Título
    Segundo': the new container, named before where it goes, goes inside ``containers``
    (its articles keep their labels: articles drop the containers above them)."""
    assert state.within is not None
    old = state.within.container
    state.out = [replace(d, target=(*containers, *d.target)) if d.target[:len(old)] == old
                 else d for d in state.out]
    state.within = replace(state.within, container=(*containers, *old))


def _read_containers(tokens: list[Token], index: int) -> tuple[Locator, int]:
    """'Título V, Capítulo I', 'Capítulo II del Título Segundo': containers, outermost first."""
    found: list[tuple[Kind, str]] = []
    end = index
    while index + 1 < len(tokens) and tokens[index].type is TokenType.NOUN and \
            tokens[index].kind in CONTAINER_KINDS and not tokens[index].plural and \
            tokens[index + 1].type in (TokenType.NUM, TokenType.ORD):
        kind = tokens[index].kind
        assert kind is not None
        try:
            found.append((kind, labels.unit_number(kind, tokens[index + 1].text)))
        except ValueError:
            break
        end = index + 2
        index = end
        while index < len(tokens) and (tokens[index].text == "," or
                                       tokens[index].type is TokenType.OF):
            index += 1                  # not a determiner: "…, Capítulo I, una Sección Cuarta"
    return tuple(sorted(found, key=lambda unit: RANK[unit[0]])), end


def _introducing_paragraph(state: State, tokens: list[Token], index: int) -> int:
    """'la fracción VIII del Apartado A del cuarto párrafo del artículo 6': the párrafo only
    says where the list starts; lists hang from their article or container (DESIGN §1.2), so
    it is no part of the label, and no target either. Returns where it ends (0: not one)."""
    if not state.pending or any(not chain or chain[0][0] not in LIST_KINDS
                                for chain in state.pending):
        return 0
    while index < len(tokens) and tokens[index].type == TokenType.DET:
        index += 1
    start = index
    while index < len(tokens) and tokens[index].type == TokenType.ORD:
        index += 1
    if index >= len(tokens) or tokens[index].kind is not Kind.PARRAFO:
        return 0
    index += 1
    if index == start + 1:                  # "del párrafo cuarto"
        if not next_is(tokens, index, TokenType.ORD):
            return 0
        index += 1
    return index


def _read_parent_numbers(state: State, group: Group, tokens: list[Token], index: int) -> int:
    if index < len(tokens) and tokens[index].type == TokenType.ACTUAL:
        state.actual_next = True
        index += 1
    if index < len(tokens) and tokens[index].type in (TokenType.NUM, TokenType.ORD) and fits(group.kind,
                                                                               tokens[index]):
        add_number(state, group, tokens[index].text)
        index += 1
    return index
