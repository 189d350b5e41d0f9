"""Locator nouns: 'la fracción III', 'los artículos 2, …', 'el segundo párrafo', 'la
denominación del Capítulo IV' — which unit a noun opens, whether it starts an article-first
item, a unit-first chain waiting for its parents ("el inciso h) de la fracción III …") or a
sub-locator of the unit named before ("25, fracción I"), and what a párrafo belongs to.
"""

from __future__ import annotations

from . import labels
from .clause_numbers import next_fits, ordinals_after_noun, read_numbers
from .clause_renumbering import resume_list
from .clause_state import (
    ITEM_KINDS,
    LIST_KINDS,
    ORDINAL_NUMBERED,
    Chain,
    Group,
    Lead,
    State,
    article_in_context,
    close_article,
    emit,
    flush,
    flush_pending_if_complete,
    item_kind,
    next_is,
    parent_for,
)
from .clause_tokens import Token, TokenType
from .directives import Directive, Locator
from .model import CONTAINER_KINDS, Kind
from .vocabulary import is_roman


def on_noun(state: State, tokens: list[Token], index: int) -> int:
    token = tokens[index]
    if is_heading_noun(tokens, index):
        return _on_heading_noun(state, tokens, index)
    if token.kind is Kind.PARRAFO:
        return _on_paragraph_noun(state, tokens, index)
    assert token.kind is not None
    kind = unit_kind(token.kind, tokens, index + 1)
    unit_first = state.lead is Lead.DETERMINER
    if kind is Kind.ARTICULO and next_is(tokens, index + 1, TokenType.NOUN) and \
            tokens[index + 1].kind is Kind.TRANSITORIO:
        kind = Kind.TRANSITORIO             # "los artículos Transitorios Segundo; …"
        index += 1
    elif kind is Kind.ARTICULO and item_kind(state) is Kind.TRANSITORIO and \
            next_is(tokens, index + 1, TokenType.ORD):
        kind = Kind.TRANSITORIO             # "…; primer párrafo del artículo Cuarto, y artículo Quinto"
    if kind in ITEM_KINDS:                   # "los artículos 2, …", "los transitorios Segundo, …"
        flush(state)
        state.group = Group(kind, ())
    elif kind in ORDINAL_NUMBERED or unit_first or not article_in_context(state) or \
            _waiting(state):
        if _parented(state):                # "el primer párrafo de la sección I, el inciso a) …"
            _flush_parented(state, tokens, index)
        elif not state.pending or _after_semicolon(tokens, index) or not unit_first:
            flush_pending_if_complete(state)
        state.group = Group(kind, (), unit_first=True, owner=_owner(state, tokens, index))
    else:
        state.group = Group(kind, parent_for(state, kind))
        close_article(state)
    state.group.plural = token.plural or kind in ITEM_KINDS
    state.lead = Lead.NONE
    return read_numbers(state, tokens, index + 1)


def _waiting(state: State) -> bool:
    """Do unit-first chains wait for a parent named later ('el primer párrafo, fracciones I y
    II y segundo párrafo del artículo 5'): then the units named next wait with them."""
    return bool(state.pending) and not _parented(state) and \
        all(chain and chain[0][0] not in ITEM_KINDS for chain in state.pending)


def _flush_parented(state: State, tokens: list[Token], index: int) -> None:
    """A new unit-first chain starts: the chains given their parents are done, unless their
    parents stop below an article or container ('las fracciones I y II del apartado A y el
    inciso c) …, del artículo 26'), which they wait for with the new chain."""
    waiting = [chain for chain in state.pending if chain and chain.parented and
               chain[0][0] not in ITEM_KINDS | CONTAINER_KINDS and _article_ahead(tokens, index)]
    state.pending = [chain for chain in state.pending if chain not in waiting]
    flush_pending_if_complete(state, force=True)
    state.pending = waiting


def _article_ahead(tokens: list[Token], index: int) -> bool:
    """Is an article named as a parent ('del artículo 26') before the item ends (';')?"""
    for position in range(index, len(tokens) - 1):
        if tokens[position].text == ";":
            return False
        if tokens[position].type is TokenType.OF and tokens[position + 1].type is TokenType.NOUN \
                and tokens[position + 1].kind in ITEM_KINDS:
            return True
    return False


def _parented(state: State) -> bool:
    """Were the pending chains given their parents ('el párrafo segundo de la fracción II')?"""
    return any(chain.parented for chain in state.pending)


def _after_semicolon(tokens: list[Token], index: int) -> bool:
    """Is the separator nearest before ``index`` a semicolon ('…; el inciso a) …')?"""
    for token in reversed(tokens[:index]):
        if token.type is TokenType.SEP:
            return token.text == ";"
    return False


def _owner(state: State, tokens: list[Token], index: int) -> tuple[tuple[Kind, str, bool], ...]:
    """'el inciso b) y sus subnumerales ii y iii del apartado A': units named with "su"/"sus"
    belong to the unit-first unit just named, so their chains start with its chain (the parents
    named after, "del apartado A", then go above both)."""
    if not index or tokens[index - 1].type != TokenType.DET or \
            labels.fold(tokens[index - 1].text) not in ("su", "sus") or not state.pending:
        return ()
    return tuple(state.pending[-1])


def is_heading_noun(tokens: list[Token], index: int) -> bool:
    """'la denominación', 'el epígrafe', and 'el título' when no number follows ('el título del
    apartado A' is the apartado's heading; 'el Título Sexto' is a container)."""
    token = tokens[index]
    if token.kind is None:
        return True
    return token.kind is Kind.TITULO and not token.plural and \
        not next_is(tokens, index + 1, TokenType.NUM) and not next_is(tokens, index + 1, TokenType.ORD)


def _on_heading_noun(state: State, tokens: list[Token], index: int) -> int:
    """The heading of the unit named next ('la denominación del Capítulo IV'), or of the one
    named after a list it opens ('el título y los párrafos segundo y tercero de la sección IV').

    In an article-first list, '102, en su título, primer párrafo …' is the title of the article
    just named.
    """
    if index and labels.fold(tokens[index - 1].text) in ("su", "sus") and \
            state.context.item() is not None:
        article = state.context.units[:1]
        if state.article_open is not None and state.article_open.target == article:
            state.article_open = None
        state.out.append(Directive(state.verb, article, state.source, heading_only=True))
        return index + 1
    if next_is(tokens, index + 1, TokenType.OF):
        state.heading_only = True
    else:
        chain = Chain()
        chain.heading = True
        state.pending.append(chain)
    return index + 1


def unit_kind(kind: Kind, tokens: list[Token], index: int) -> Kind:
    """A 'fracción B' is lettered: an apartado, as the base's 'B.' lines are (a letter that is
    also a Roman numeral, 'fracción C', stays a fracción)."""
    while index < len(tokens) and tokens[index].type == TokenType.ACTUAL:
        index += 1
    if kind is Kind.FRACCION and index < len(tokens) and tokens[index].type == TokenType.NUM and \
            _is_letter_only(tokens[index].text):
        return Kind.APARTADO
    return kind


def _is_letter_only(raw: str) -> bool:
    """'B', 'Ñ': one capital letter that is no Roman numeral."""
    return len(raw) == 1 and raw.isupper() and not is_roman(raw)


def _on_paragraph_noun(state: State, tokens: list[Token], index: int) -> int:
    ordinals = list(state.ordinals)
    state.ordinals.clear()
    index += 1
    if not ordinals:                        # "segundo párrafo y Tercero": none after the noun
        index = ordinals_after_noun(state, tokens, index, ordinals)
    # "… al artículo 4o. y un párrafo segundo, …, al artículo 5o.": a new item names its own
    unit_first = not article_in_context(state) or (state.lead is not Lead.NONE and
                                                    state.context.named_after) or _waiting(state)
    parent_kind = _parent_follows(tokens, index)
    if _inside_unit_list(state, tokens, index):
        # "las fracciones I, II, III, IV, primer párrafo, VIII, IX y X del artículo 3": the
        # párrafo is the last fracción's, and the list of fracciones goes on after it
        group = state.group
        assert group is not None
        last = state.pending.pop()
        state.pending.extend(Chain([*last, (Kind.PARRAFO, n, state.actual_next)]) for n in ordinals)
        state.actual_next = False
        state.lead = Lead.NONE
        return resume_list(state, tokens, index, (), group.kind)
    if unit_first or parent_kind is not None:
        if _parented(state):                # "…, el párrafo segundo de la fracción II …"
            _flush_parented(state, tokens, index)
        if not unit_first and parent_kind not in ITEM_KINDS:
            close_article(state)            # "4o., primer párrafo de la Fracción I": a part
        state.pending.extend(Chain([(Kind.PARRAFO, n, state.actual_next)]) for n in ordinals)
        state.actual_next = False
    else:
        group = state.group
        parent = _paragraph_parent(state)
        if group is not None and group.kind in LIST_KINDS and len(group.numbers) > 1 and \
                _list_goes_on(tokens, index, group.kind):
            # "93, fracciones II, III, párrafo primero, y IV": the last fracción's párrafo
            parent = (*group.parent, (group.kind, group.numbers[-1]))
        if state.article_open is not None and state.article_open.target == parent:
            state.article_open = None
        for number in ordinals:
            emit(state, (*parent, (Kind.PARRAFO, number)))
        state.group = None
        if group is not None and group.kind not in ITEM_KINDS and parent and \
                parent[-1][0] is group.kind:
            # "30 Bis, fracciones I, párrafo primero, II y III": the list goes on
            state.lead = Lead.NONE
            return resume_list(state, tokens, index, group.parent, group.kind)
    state.lead = Lead.NONE
    return index


def _inside_unit_list(state: State, tokens: list[Token], index: int) -> bool:
    """Is the párrafo named inside a unit-first list of fracciones (incisos, …) that goes on
    after it ('fracciones I, IV, primer párrafo, VIII y X del artículo 3')?"""
    group = state.group
    if group is None or not group.unit_first or group.kind not in LIST_KINDS or \
            not group.numbers or not group.plural or not state.pending:
        return False
    last = state.pending[-1]
    if len(last) != 1 or last[0][:2] != (group.kind, group.numbers[-1]):
        return False
    return _list_goes_on(tokens, index, group.kind)


def _list_goes_on(tokens: list[Token], index: int, kind: Kind) -> bool:
    """Does a list of ``kind`` go on after the separators at ``index`` (', VIII', ', y IV')?"""
    ahead = index
    while ahead < len(tokens) and tokens[ahead].type is TokenType.SEP and tokens[ahead].text != ";":
        ahead += 1
    return ahead > index and next_fits(tokens, ahead, kind)


def _parent_follows(tokens: list[Token], index: int) -> Kind | None:
    """'primer párrafo del artículo Tercero', '4o., primer párrafo de la Fracción I': the
    kind of the párrafo's parent when it is named right after it."""
    if not next_is(tokens, index, TokenType.OF):
        return None
    position = index + 1
    while position < len(tokens) and tokens[position].type is TokenType.DET:
        position += 1
    if position + 1 < len(tokens) and tokens[position].type is TokenType.NOUN and \
            tokens[position + 1].type in (TokenType.NUM, TokenType.ORD):
        return tokens[position].kind
    return None


def _paragraph_parent(state: State) -> Locator:
    """A párrafo after one unit belongs to it; after a list of units, to the list's parent."""
    group = state.group
    if group is None or group.kind in ITEM_KINDS:
        return state.context.units[:1]
    if len(group.numbers) == 1 and not group.closed and group.kind is not Kind.PARRAFO:
        return (*group.parent, (group.kind, group.numbers[0]))
    return group.parent


__all__ = ["is_heading_noun", "on_noun", "unit_kind"]
