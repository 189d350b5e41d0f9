"""One action's target text -> directives: the state machine of ``parser.clauses``.

It reads both phrasings of mx-amendment-grammar.md §4.1, often mixed in one clause:
article-first lists ("25, fracción I, incisos e), f) y g)") and unit-first chains ("el inciso
h) de la fracción III del artículo 11"), plus ranges, "actual", renumbering ("recorriéndose …
para pasar a ser …", "que pasa a ser el segundo párrafo"), placed additions ("para quedar
como actuales párrafos …"), denominaciones and new containers ("denominado …, que comprende
…"). Each token type has a handler; the state holds the context the next token is read in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from errors import AmendmentError

from . import labels
from .clause_tokens import Token, TokenType, is_subnumeral_number, tokenize
from .directives import KIND_RANK, RELATIVE_PARAGRAPHS, Directive, Locator
from .model import CONTAINER_KINDS, Kind, Verb

_RANK = KIND_RANK
_ORDINAL_NUMBERED = CONTAINER_KINDS | {Kind.TRANSITORIO, Kind.ARTICULO}
_ITEM_KINDS = frozenset({Kind.ARTICULO, Kind.TRANSITORIO})  # head an article-first list
_ORDINAL_LIST = frozenset({TokenType.ORD, TokenType.SEP, TokenType.TO, TokenType.OF})
_DESTINATION = frozenset({TokenType.DET, TokenType.NOUN, TokenType.NUM, TokenType.ORD,
                          TokenType.SEP, TokenType.ACTUAL, TokenType.TO})     # "pasa a ser la fracción VI"
_AFTER_NAME = frozenset({TokenType.COMPRENDE, TokenType.TENDRA, TokenType.PASA,
                         TokenType.RECORRE})                    # end an unquoted name


class Mode(Enum):
    """What the units named are, as the reader goes."""

    TARGETS = "targets"     # what the clause's verb acts on
    MOVING = "moving"       # after "recorriéndose": what moves, until "pasa a ser" names where


class Lead(Enum):
    """What the word before a noun says about it."""

    NONE = "none"
    DETERMINER = "determiner"   # "el", "un": a unit-first chain starts ("el inciso h) de …")
    WITH = "with"               # "con": a part of the unit just named ("93, con un párrafo")


@dataclass(slots=True)
class Move:
    """A renumbering being read: its sources so far, and where its chains start."""

    sources: list[Directive] = field(default_factory=list)
    mark: int = 0       # pending chains from this index on are what moves


@dataclass
class _Group:
    """The units named by one noun and its list of numbers."""

    kind: Kind
    parent: Locator
    numbers: list[str] = field(default_factory=list)
    actual: list[bool] = field(default_factory=list)
    closed: bool = False     # the list ended with "y" / "e": a following párrafo goes up a level
    unit_first: bool = False
    plural: bool = True
    owner: tuple[tuple[Kind, str, bool], ...] = ()  # "el inciso b) y sus subnumerales ii …"


@dataclass
class _State:
    verb: Verb
    source: str
    out: list[Directive] = field(default_factory=list)
    context: list[tuple[Kind, str]] = field(default_factory=list)
    article_open: Directive | None = None     # "84" emitted only if no sub-locator follows
    pending: list[list[tuple[Kind, str, bool]]] = field(default_factory=list)  # unit-first chains
    group: _Group | None = None
    ordinals: list[str] = field(default_factory=list)
    actual_next: bool = False
    mode: Mode = Mode.TARGETS
    move: Move = field(default_factory=lambda: Move())
    relative: list[Directive] = field(default_factory=list)  # renumberings awaiting "del artículo N"
    heading_only: bool = False
    lead: Lead = Lead.NONE
    item_words: bool = False    # the list's articles are named by words ("Primero", "Tercero")
    heading_chains: list[list[tuple[Kind, str, bool]]] = field(default_factory=list)
    context_trailing: bool = False  # the context was named after its units ("… al artículo 4o.")
    shifting_chains: list[list[tuple[Kind, str, bool]]] = field(default_factory=list)
    within: Locator = ()        # "…, el cual tendrá …": later containers go inside this one
    within_adds: bool = False   # … and are additions ("tendrá"), or keep the verb ("comprende")
    parented: bool = False      # the pending chains were given a parent: a new chain ends them
    last_sep: str = ""


def read_targets(verb: Verb, text: str, source: str) -> list[Directive]:
    """Every target of one action, in the order written (see the module docstring)."""
    state = _State(verb, source)
    tokens = tokenize(text)
    index = 0
    while index < len(tokens):
        index = _step(state, tokens, index)
    _flush(state)
    _finish_renumbering(state)
    if state.relative:
        _place_relative(state, _parent_for(state, state.relative[0].target[0][0]))
    if not state.out:
        if state.heading_only or _WHOLE_INSTRUMENT_RE.match(text):
            # "Se reforma la denominación de la Convocatoria", "Se modifican los Lineamientos
            # …, conforme al Anexo": the instrument itself, not one of its provisions
            return [Directive(verb, (), source, heading_only=state.heading_only)]
        raise AmendmentError(f"no target found for 'se {verb}' in {text[:120]!r}")
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


def _step(state: _State, tokens: list[Token], index: int) -> int:
    token = tokens[index]
    handler = _HANDLERS.get(token.type)
    if handler is None:
        return index + 1
    return handler(state, tokens, index)


def _on_noun(state: _State, tokens: list[Token], index: int) -> int:
    token = tokens[index]
    if _is_heading_noun(tokens, index):
        return _on_heading_noun(state, tokens, index)
    if token.kind is Kind.PARRAFO:
        return _on_paragraph_noun(state, tokens, index)
    assert token.kind is not None
    kind = _unit_kind(token.kind, tokens, index + 1)
    unit_first = state.lead is Lead.DETERMINER
    if kind in _ITEM_KINDS:                   # "los artículos 2, …", "los transitorios Segundo, …"
        _flush(state)
        state.group = _Group(kind, ())
    elif kind in _ORDINAL_NUMBERED or unit_first or not _article_in_context(state):
        if state.parented:                  # "el primer párrafo de la sección I, el inciso a) …"
            _flush_pending_if_complete(state, force=True)
        elif not state.pending or state.last_sep in (";",) or not unit_first:
            _flush_pending_if_complete(state)
        state.group = _Group(kind, (), unit_first=True, owner=_owner(state, tokens, index))
    else:
        state.group = _Group(kind, _parent_for(state, kind))
        _close_article(state)
    state.group.plural = token.plural or kind in _ITEM_KINDS
    state.lead = Lead.NONE
    return _read_numbers(state, tokens, index + 1)


def _owner(state: _State, tokens: list[Token], index: int) -> tuple[tuple[Kind, str, bool], ...]:
    """'el inciso b) y sus subnumerales ii y iii del apartado A': units named with "su"/"sus"
    belong to the unit-first unit just named, so their chains start with its chain (the parents
    named after, "del apartado A", then go above both)."""
    if not index or tokens[index - 1].type != TokenType.DET or \
            labels.fold(tokens[index - 1].text) not in ("su", "sus") or not state.pending:
        return ()
    return tuple(state.pending[-1])


def _is_heading_noun(tokens: list[Token], index: int) -> bool:
    """'la denominación', 'el epígrafe', and 'el título' when no number follows ('el título del
    apartado A' is the apartado's heading; 'el Título Sexto' is a container)."""
    token = tokens[index]
    if token.kind is None:
        return True
    return token.kind is Kind.TITULO and not token.plural and \
        not _next_is(tokens, index + 1, TokenType.NUM) and not _next_is(tokens, index + 1, TokenType.ORD)


def _on_heading_noun(state: _State, tokens: list[Token], index: int) -> int:
    """The heading of the unit named next ('la denominación del Capítulo IV'), or of the one
    named after a list it opens ('el título y los párrafos segundo y tercero de la sección IV').

    In an article-first list, '102, en su título, primer párrafo …' is the title of the article
    just named.
    """
    if index and labels.fold(tokens[index - 1].text) in ("su", "sus") and \
            state.context and state.context[0][0] in _ITEM_KINDS:
        article = tuple(state.context[:1])
        if state.article_open is not None and state.article_open.target == article:
            state.article_open = None
        state.out.append(Directive(state.verb, article, state.source, heading_only=True))
        return index + 1
    if _next_is(tokens, index + 1, TokenType.OF):
        state.heading_only = True
    else:
        chain: list[tuple[Kind, str, bool]] = []
        state.pending.append(chain)
        state.heading_chains.append(chain)
    return index + 1


def _unit_kind(kind: Kind, tokens: list[Token], index: int) -> Kind:
    """A 'fracción B' is lettered: an apartado, as the base's 'B.' lines are (a letter that is
    also a Roman numeral, 'fracción C', stays a fracción)."""
    while index < len(tokens) and tokens[index].type == TokenType.ACTUAL:
        index += 1
    if kind is Kind.FRACCION and index < len(tokens) and tokens[index].type == TokenType.NUM and \
            re.fullmatch(r"[ABE-HJKN-UWYZÑ]", tokens[index].text):
        return Kind.APARTADO
    return kind


def _after_conjunction(tokens: list[Token], index: int) -> bool:
    """'…, fracción X y fracción XI': the unit after 'y' ends a list."""
    index -= 1
    while index >= 0 and tokens[index].type == TokenType.DET:
        index -= 1
    return index >= 0 and tokens[index].type == TokenType.SEP and tokens[index].text.lower() in ("y", "e")


def _on_paragraph_noun(state: _State, tokens: list[Token], index: int) -> int:
    ordinals = list(state.ordinals)
    state.ordinals.clear()
    index += 1
    if not ordinals:                        # "segundo párrafo y Tercero": none after the noun
        index = _ordinals_after_noun(state, tokens, index, ordinals)
    # "… al artículo 4o. y un párrafo segundo, …, al artículo 5o.": a new item names its own
    unit_first = not _article_in_context(state) or (state.lead is not Lead.NONE and
                                                    state.context_trailing)
    if unit_first or (state.lead is Lead.DETERMINER and _next_is(tokens, index, TokenType.OF)):
        if state.parented:                  # "…, el párrafo segundo de la fracción II …"
            _flush_pending_if_complete(state, force=True)
        state.pending.extend([[(Kind.PARRAFO, n, state.actual_next)] for n in ordinals])
        state.actual_next = False
    else:
        group = state.group
        parent = _paragraph_parent(state)
        if state.article_open is not None and state.article_open.target == parent:
            state.article_open = None
        for number in ordinals:
            _emit(state, (*parent, (Kind.PARRAFO, number)))
        state.group = None
        if group is not None and group.kind not in _ITEM_KINDS and parent and \
                parent[-1][0] is group.kind:
            # "30 Bis, fracciones I, párrafo primero, II y III": the list goes on
            state.lead = Lead.NONE
            return _resume_list(state, tokens, index, group.parent, group.kind)
    state.lead = Lead.NONE
    return index


def _ordinals_after_noun(state: _State, tokens: list[Token], index: int,
                         ordinals: list[str]) -> int:
    """'párrafos noveno, y del décimo quinto al décimo séptimo': read into ``ordinals``.

    A semicolon ends them, and so does an article named by a capitalised ordinal word in a
    list of such articles ('Segundo, párrafo cuarto y Cuarto, …').
    """
    ranged = False
    while index < len(tokens) and tokens[index].type in _ORDINAL_LIST and \
            tokens[index].text != ";" and _ordinal_ahead(tokens, index):
        token = tokens[index]
        if token.type == TokenType.ORD:
            if state.item_words and token.text[:1].isupper():
                break
            value = _ordinal_value(token.text)
            if ranged and ordinals and ordinals[-1].isdigit() and value.isdigit():
                ordinals.extend(str(n) for n in range(int(ordinals[-1]) + 1, int(value)))
            ordinals.append(value)
            ranged = False
        elif labels.fold(token.text) == "al":
            ranged = True                   # "del décimo quinto al décimo séptimo"
        index += 1
    return index


def _ordinal_ahead(tokens: list[Token], index: int) -> bool:
    """Is there another ordinal before the next noun or number ('noveno, y del décimo …')?"""
    for token in tokens[index:]:
        if token.type == TokenType.ORD:
            return True
        if token.type not in (TokenType.SEP, TokenType.TO, TokenType.OF):
            return False
    return False


def _paragraph_parent(state: _State) -> Locator:
    """A párrafo after one unit belongs to it; after a list of units, to the list's parent."""
    group = state.group
    if group is None or group.kind in _ITEM_KINDS:
        return tuple(state.context[:1]) if state.context else ()
    if len(group.numbers) == 1 and not group.closed and group.kind is not Kind.PARRAFO:
        return (*group.parent, (group.kind, group.numbers[0]))
    return group.parent


def _read_numbers(state: _State, tokens: list[Token], index: int) -> int:
    """The numbers after a noun: '84 Bis, 84 Ter y 84 Quáter', 'IV a VIII', 'actual V'."""
    group = state.group
    assert group is not None
    while index < len(tokens):
        token = tokens[index]
        if token.type == TokenType.ACTUAL:
            if group.numbers and not _next_is(tokens, index + 1, TokenType.NUM):
                group.actual[-1] = True     # "el numeral 4 vigente"
            else:
                state.actual_next = True    # "fracciones IV y actual V"
        elif token.type in (TokenType.NUM, TokenType.ORD) and _fits(group.kind, token) and \
                not _ord_before_paragraph(tokens, index, group.kind, adjacent=True):
            _add_number(state, group, token.text)
            if group.kind in _ITEM_KINDS:
                state.item_words = token.type == TokenType.ORD
        elif _is_range_word(token) and group.numbers and _next_fits(tokens, index + 1, group.kind):
            index = _expand_range(state, group, tokens[index + 1].text) + index
        elif token.type is TokenType.OF and labels.fold(token.text) == "del" and \
                not group.numbers and _next_fits(tokens, index + 1, group.kind):
            pass                                # "los artículos del 51 al 74"
        elif token.type == TokenType.SEP and _continues(tokens, index, group):
            if token.text.lower() in ("y", "e"):
                group.closed = True
        else:
            break
        index += 1
    if token_is_conjunction(tokens, index - 1):
        group.closed = True
    if group.kind is Kind.ARTICULO and group.numbers and index < len(tokens) and \
            tokens[index].kind is Kind.TRANSITORIO:
        group.kind = Kind.TRANSITORIO       # "el artículo Segundo Transitorio": tra_2
        index += 1
    _commit_group(state, group)
    return index


def _continues(tokens: list[Token], index: int, group: _Group) -> bool:
    """Does the list of numbers go on after this separator ('IV, V, y VI'; not 'IV, 17')?"""
    conjunction = False
    while index < len(tokens) and tokens[index].type == TokenType.SEP:
        conjunction = conjunction or tokens[index].text.lower() in ("y", "e")
        index += 1
    if not (group.plural or conjunction):
        return False
    return _next_fits(tokens, index, group.kind)


def token_is_conjunction(tokens: list[Token], index: int) -> bool:
    return 0 <= index < len(tokens) and tokens[index].type == TokenType.SEP and \
        tokens[index].text.lower() in ("y", "e")


def _next_fits(tokens: list[Token], index: int, kind: Kind) -> bool:
    while index < len(tokens) and tokens[index].type == TokenType.ACTUAL:
        index += 1
    return index < len(tokens) and tokens[index].type in (TokenType.NUM, TokenType.ORD) and \
        _fits(kind, tokens[index]) and not _ord_before_paragraph(tokens, index, kind)


def _ord_before_paragraph(tokens: list[Token], index: int, kind: Kind,
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
            return token.kind is Kind.PARRAFO and not _next_is(tokens, position + 1, TokenType.ORD)
        if token.type not in (TokenType.ORD, TokenType.SEP):
            return False
    return False


def _fits(kind: Kind, token: Token) -> bool:
    raw = token.text.strip()
    if token.type == TokenType.ORD:          # "el Título Sexto", "la fracción segunda"
        # (a capitalised word after a fracción is an article: "Primero, fracción II y Tercero")
        return (kind in _ORDINAL_NUMBERED or kind is Kind.FRACCION and raw[:1].islower()) \
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


def _add_number(state: _State, group: _Group, raw: str) -> None:
    try:
        if group.kind is Kind.FRACCION and not re.match(r"[IVXLC]+\b", raw):
            raw = labels.int_to_roman(labels.ordinal_to_int(raw))   # "la fracción segunda"
        number = labels.part(group.kind, raw).partition("_")[2]
    except ValueError as exc:
        raise AmendmentError(f"cannot read {group.kind} number {raw!r}: {exc}") from None
    group.numbers.append(number)
    group.actual.append(state.actual_next)
    state.actual_next = False


def _expand_range(state: _State, group: _Group, last_raw: str) -> int:
    """'fracciones IV a VIII' names every unit in between."""
    first = group.numbers[-1]
    end = labels.part(group.kind, last_raw).partition("_")[2]
    if group.kind is Kind.FRACCION or (group.kind is Kind.APARTADO and _roman_range(first, end)):
        values = range(labels.roman_to_int(first) + 1, labels.roman_to_int(end) + 1)
        numbers = [labels.int_to_roman(v).lower() for v in values]
    elif group.kind in (Kind.INCISO, Kind.APARTADO) and len(first) == 1 and len(end) == 1:
        numbers = [chr(c) for c in range(ord(first) + 1, ord(end) + 1)]
    elif group.kind is Kind.NUMERAL and is_subnumeral_number(first) and \
            is_subnumeral_number(end):
        values = range(labels.roman_to_int(first) + 1, labels.roman_to_int(end) + 1)
        numbers = [labels.int_to_roman(v).lower() for v in values]
    elif first.isdigit() and end.isdigit():
        numbers = [str(v) for v in range(int(first) + 1, int(end) + 1)]
    elif _lettered(first) and _lettered(end) and first[:-1] == end[:-1]:
        # "los artículos 291-A a 291-U"
        numbers = [first[:-1] + chr(c) for c in range(ord(first[-1]) + 1, ord(end[-1]) + 1)]
    else:
        raise AmendmentError(f"cannot expand the range {first} a {end}")
    group.numbers.extend(numbers)
    group.actual.extend([False] * len(numbers))
    return 1


def _lettered(number: str) -> bool:
    """'291-a': an article number with a letter after it."""
    return re.fullmatch(r"\d+-[a-z]", number) is not None


def _roman_range(first: str, end: str) -> bool:
    """'apartados II a IV' counts in Roman numerals, 'apartados A a C' in letters.

    Single letters that are also Roman numerals are read as letters unless the run starts at
    'I' ("apartados I a V"): apartados lettered I to V would be a run not starting at A.
    """
    both = all(re.fullmatch(r"[ivxlc]+", n) for n in (first, end))
    return both and (len(first) > 1 or len(end) > 1 or first == "i")


def _commit_group(state: _State, group: _Group) -> None:
    if group.unit_first:
        for number, actual in zip(group.numbers, group.actual, strict=True):
            state.pending.append([*group.owner, (group.kind, number, actual)])
        if not group.numbers and state.pending:
            return
        return
    if group.kind in _ITEM_KINDS:
        for number in group.numbers:
            _flush_article(state)
            state.context = [(group.kind, number)]
            state.context_trailing = False
            state.article_open = Directive(state.verb, ((group.kind, number),), state.source)
        return
    for position, (number, actual) in enumerate(zip(group.numbers, group.actual, strict=True)):
        _emit(state, (*group.parent, (group.kind, number)), actual,
              hold=position == len(group.numbers) - 1)
    if group.numbers:
        state.context = [*group.parent, (group.kind, group.numbers[-1])]


def _parent_for(state: _State, kind: Kind) -> Locator:
    """The deepest unit in context that can hold a unit of ``kind`` (fracción under artículo)."""
    context = list(state.context)
    while context and _RANK[context[-1][0]] >= _RANK[kind]:
        context.pop()
    return tuple(context)


def _article_in_context(state: _State) -> bool:
    return any(kind in _ITEM_KINDS for kind, _ in state.context)


def _close_article(state: _State) -> None:
    """An article followed by sub-locators is not itself a target."""
    if state.article_open is not None and state.article_open.target[0][0] in _ITEM_KINDS \
            and len(state.article_open.target) == 1:
        state.article_open = None


def _emit(state: _State, locator: Locator, actual: bool = False, hold: bool = False,
          shifts: bool = False) -> None:
    """Record a target; with ``hold`` it waits: a sub-locator naming a part of it replaces it.

    While a "recorriéndose …" has named no unit yet, the unit named is what moves; an
    addition that makes the others move (``shifts``) is not.
    """
    if state.mode is Mode.MOVING and state.pending == [] and not shifts:
        state.move.sources.append(Directive(Verb.RENUMERA, locator, state.source, actual=actual))
        return
    open_unit = state.article_open
    if open_unit is not None:
        if locator[:len(open_unit.target)] == open_unit.target and locator != open_unit.target:
            state.article_open = None
        else:
            _flush_article(state)
    locator, verb = _inside(state, locator)
    directive = Directive(verb, locator, state.source, actual=actual,
                          heading_only=state.heading_only, shifts=shifts)
    state.heading_only = False
    if hold:
        state.article_open = directive
    else:
        state.out.append(directive)


def _inside(state: _State, locator: Locator) -> tuple[Locator, Verb]:
    """A target named after 'el cual tendrá' / 'que comprende': a container goes inside the
    container named before; after 'tendrá' it is an addition whatever the clause's verb."""
    within = state.within
    if not within or not locator:
        return locator, state.verb
    verb = Verb.ADICIONA if state.within_adds else state.verb
    if locator[0][0] in CONTAINER_KINDS and _RANK[locator[0][0]] > _RANK[within[-1][0]]:
        return (*within, *locator), verb
    return locator, verb


def _flush_article(state: _State) -> None:
    if state.article_open is not None:
        state.out.append(state.article_open)
        state.article_open = None


def _flush(state: _State) -> None:
    """End of an item: emit an article named alone and any finished unit-first chain."""
    _flush_article(state)
    _flush_pending_if_complete(state, force=True)


def _flush_pending_if_complete(state: _State, force: bool = False) -> None:
    if not state.pending:
        return
    chains = state.pending
    state.pending = []
    tops = {chain[0][0] for chain in chains if chain}
    if not force and not tops & (CONTAINER_KINDS | _ITEM_KINDS):
        state.pending = chains
        return
    state.parented = False
    headings, shifting = state.heading_chains, state.shifting_chains
    state.heading_chains, state.shifting_chains = [], []
    for chain in chains:
        locator = tuple((kind, number) for kind, number, _ in chain)
        actual = any(flag for _, _, flag in chain)
        if locator and locator[0][0] not in CONTAINER_KINDS | _ITEM_KINDS:
            locator = (*_parent_for(state, locator[0][0]), *locator)
        state.heading_only = state.heading_only or any(chain is h for h in headings)
        _emit(state, locator, actual, shifts=any(chain is c for c in shifting))
        if locator and locator[0][0] in _ITEM_KINDS:
            state.context = list(locator[:1])
            state.context_trailing = True


def _on_of(state: _State, tokens: list[Token], index: int) -> int:
    """'de la fracción III del artículo 11': the parent of every pending chain.

    After 'recorriendo el numeral 4 vigente', 'al numeral 5' is where it goes (as 'pasa a ser').
    """
    if _is_destination(state, tokens[index]):
        return _on_pasa(state, tokens, index)
    skip = _introducing_paragraph(state, tokens, index + 1) or _placement(state, tokens, index)
    if skip:
        return skip
    if not state.pending or not _next_is(tokens, index + 1, TokenType.NOUN, skip=(TokenType.DET,)):
        return index + 1
    position = index + 1
    while tokens[position].type == TokenType.DET:
        position += 1
    noun = tokens[position]
    if _is_heading_noun(tokens, position) or noun.kind is Kind.PARRAFO and not state.pending:
        return position + 1
    assert noun.kind is not None
    group = _Group(_unit_kind(noun.kind, tokens, position + 1), (), unit_first=True)
    end = _read_parent_numbers(state, group, tokens, position + 1)
    if group.kind is Kind.ARTICULO and group.numbers and end < len(tokens) and \
            tokens[end].kind is Kind.TRANSITORIO:
        group.kind = Kind.TRANSITORIO       # "al Artículo Séptimo Transitorio": tra_7
        end += 1
    if group.numbers:
        for chain in state.pending:
            chain.insert(0, (group.kind, group.numbers[0], group.actual[0]))
        state.parented = True
        if group.kind in _ITEM_KINDS:
            _flush_pending_if_complete(state, force=True)
    if group.numbers and group.kind in _ITEM_KINDS and state.relative:
        _place_relative(state, ((group.kind, group.numbers[0]),))
    return end


def _placement(state: _State, tokens: list[Token], index: int) -> int:
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
    if not _next_is(tokens, position, TokenType.NOUN) or tokens[position].kind is None:
        return 0
    kind = tokens[position].kind
    if into and kind in _ITEM_KINDS and not tokens[position].plural and \
            _next_fits(tokens, position + 1, kind):
        _flush(state)
        number = labels.part(kind, tokens[position + 1].text).partition("_")[2]
        state.context, state.context_trailing = [(kind, number)], False
        state.group = None
        return position + 2
    if kind not in CONTAINER_KINDS:
        return 0
    containers, end = _read_containers(tokens, position)
    if not containers:
        return 0
    if into and not state.out:
        state.within, state.within_adds = containers, False
        return end
    last = state.out[-1].target if state.out else ()
    return end if not into and last and last[0][0] in _ITEM_KINDS else 0


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
            found.append((kind, labels.part(kind, tokens[index + 1].text).partition("_")[2]))
        except ValueError:
            break
        end = index + 2
        index = end
        while index < len(tokens) and (tokens[index].text == "," or
                                       tokens[index].type is TokenType.OF):
            index += 1                  # not a determiner: "…, Capítulo I, una Sección Cuarta"
    return tuple(sorted(found, key=lambda unit: _RANK[unit[0]])), end


_LIST_KINDS = frozenset({Kind.APARTADO, Kind.FRACCION, Kind.INCISO, Kind.NUMERAL})


def _introducing_paragraph(state: _State, tokens: list[Token], index: int) -> int:
    """'la fracción VIII del Apartado A del cuarto párrafo del artículo 6': the párrafo only
    says where the list starts; lists hang from their article or container (DESIGN §1.2), so
    it is no part of the label, and no target either. Returns where it ends (0: not one)."""
    if not state.pending or any(not chain or chain[0][0] not in _LIST_KINDS
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
        if not _next_is(tokens, index, TokenType.ORD):
            return 0
        index += 1
    return index


def _is_destination(state: _State, token: Token) -> bool:
    return state.mode is Mode.MOVING and \
        labels.fold(token.text) in ("al", "a la", "a las", "a los") and \
        bool(state.move.sources or len(state.pending) > state.move.mark)


def _read_parent_numbers(state: _State, group: _Group, tokens: list[Token], index: int) -> int:
    if index < len(tokens) and tokens[index].type == TokenType.ACTUAL:
        state.actual_next = True
        index += 1
    if index < len(tokens) and tokens[index].type in (TokenType.NUM, TokenType.ORD) and _fits(group.kind,
                                                                               tokens[index]):
        _add_number(state, group, tokens[index].text)
        index += 1
    return index


def _next_is(tokens: list[Token], index: int, kind: TokenType,
             skip: tuple[TokenType, ...] = ()) -> bool:
    while index < len(tokens) and tokens[index].type in skip:
        index += 1
    return index < len(tokens) and tokens[index].type == kind


def _on_ord(state: _State, tokens: list[Token], index: int) -> int:
    if not state.ordinals and state.group is not None and _after_conjunction(tokens, index) \
            and state.group.kind is not Kind.PARRAFO:
        # "fracción XI, y segundo párrafo", "45, fracción III y penúltimo párrafo": the
        # article's (a fracción's own párrafo is named after a comma: "fracción I, tercer …")
        state.group.closed = True
    value = _ordinal_value(tokens[index].text)
    _add_ordinal(state.ordinals, value, ranged=index > 0 and _is_range_word(tokens[index - 1]))
    return index + 1


def _ordinal_value(raw: str) -> str:
    folded = labels.fold(raw).replace(" ", "")
    for word, value in RELATIVE_PARAGRAPHS.items():
        if re.fullmatch(rf"{word}[oa]?", folded.rstrip("oa") + "o") or folded.startswith(word):
            return value
    if folded.rstrip("oa") in _PARTITIVE:
        return _PARTITIVE[folded.rstrip("oa")]
    try:
        return str(labels.ordinal_to_int(raw))
    except ValueError:
        raise AmendmentError(f"cannot read the ordinal {raw!r} as a párrafo number") from None


# Partitives written for ordinals ("décimo y onceavo párrafos", Código de Comercio 2018)
_PARTITIVE = {"onceav": "11", "doceav": "12"}


def _on_sep(state: _State, tokens: list[Token], index: int) -> int:
    text = tokens[index].text
    state.last_sep = text
    kind = _next_item(state, tokens, index + 1)
    if kind is not None:
        state.lead = Lead.NONE          # "…, respectivamente, y 29, fracción IV"
        _flush(state)                       # "2, fracciones IV y actual V, 82 y 84"
        state.group = _Group(kind, ())      # "Segundo, párrafo cuarto; Cuarto, párrafos …"
        return _read_numbers(state, tokens, index + 1)
    if text == ";":
        _finish_renumbering(state)      # a "recorriéndose …" ends with its item
        _flush(state)
        state.group = None
        state.within = ()
        state.ordinals = []             # "recorriéndose del quinto al último, en su orden;"
        state.context_trailing = True   # "…; un cuarto párrafo al artículo 115": its own
    return index + 1


def _next_item(state: _State, tokens: list[Token], index: int) -> Kind | None:
    """Does a new article (or transitorio) of an article-first list start at ``index``?

    A number in digits after a separator is an article ("…, 82 y 84"; "la denominación del
    CAPÍTULO IV, 17, fracciones I y II") unless numerales are being listed. Articles named by
    ordinal words ("Primero, fracción II y Tercero") go on with an ordinal that is not a
    párrafo's ("Primero, segundo párrafo"), only inside such a list.
    """
    if index >= len(tokens) or (state.group is not None and state.group.kind is Kind.NUMERAL):
        return None
    token = tokens[index]
    kind = _item_kind(state)
    if token.type == TokenType.NUM and token.text[0].isdigit():
        return kind or Kind.ARTICULO
    if kind is not None and token.type == TokenType.ORD and state.item_words and _fits(kind, token) \
            and not _ord_before_paragraph(tokens, index, kind):
        return kind
    return None


def _item_kind(state: _State) -> Kind | None:
    """The kind of the article-first list being read (artículos or transitorios), if any."""
    group = state.group
    if group is not None and group.kind in _ITEM_KINDS and not group.unit_first:
        return group.kind
    if state.context and state.context[0][0] in _ITEM_KINDS:
        return state.context[0][0]
    return None


def _on_det(state: _State, tokens: list[Token], index: int) -> int:
    if state.lead is not Lead.WITH:
        state.lead = Lead.DETERMINER
    return index + 1


def _on_con(state: _State, tokens: list[Token], index: int) -> int:
    """'un Capítulo XII Bis con los artículos …' (the container is complete); 'un párrafo
    séptimo con las fracciones I, II y III, …, al artículo 167' (both wait for the article)."""
    _flush_pending_if_complete(state, force=_article_in_context(state))
    state.lead = Lead.WITH
    return index + 1


def _on_actual(state: _State, tokens: list[Token], index: int) -> int:
    """'la actual fracción V', 'la actual III'; not 'recorriéndose los actuales, al artículo'."""
    state.actual_next = _next_is(tokens, index + 1, TokenType.NOUN, skip=(TokenType.DET,)) or \
        _next_is(tokens, index + 1, TokenType.NUM, skip=(TokenType.DET,)) or \
        _next_is(tokens, index + 1, TokenType.ORD, skip=(TokenType.DET,))
    return index + 1


def _on_recorre(state: _State, tokens: list[Token], index: int) -> int:
    """'recorriéndose en su orden la actual fracción V para pasar a ser la fracción VI'.

    An addition's "recorriéndose en su orden los subsecuentes" (or "la actual", "el
    subsecuente") shifts the base units from the added one's number on: the additions just
    named are marked ``shifts`` (``parser.shifts`` spells the moves out against the base,
    unless the clause spells them out itself, as it does when "para pasar a ser" follows).
    """
    _finish_renumbering(state)
    if state.pending and _article_in_context(state) and not state.context_trailing:
        _flush_pending_if_complete(state, force=True)
    if state.verb is Verb.ADICIONA:
        _mark_shifting(state)
    state.mode, state.move = Mode.MOVING, Move(mark=len(state.pending))
    return index + 1


def _mark_shifting(state: _State) -> None:
    """The additions named last shift what follows them: the pending chains, or else the
    run of additions of one kind under one parent just emitted ('las fracciones XXV y XXVI')."""
    if state.pending:                   # "un párrafo séptimo con las fracciones I, II y III, …":
        kind = state.pending[0][-1][0] if state.pending[0] else None   # the párrafo shifts
        state.shifting_chains.extend(chain for chain in state.pending
                                     if chain and chain[-1][0] is kind)
        return
    _flush_article(state)
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


_PLACING_RE = re.compile(r"para\s+quedar\s+como", re.IGNORECASE)


def _on_pasa(state: _State, tokens: list[Token], index: int) -> int:
    """'que pasa a ser el segundo párrafo' / 'para ser las XXIX y XXX' / 'al numeral 5'.

    Right after a target ("actual X, que pasa a ser IX Bis") the move is that target's and
    names one destination; the list may go on after it ("…, XIV Bis y actual XV").
    """
    if _next_is(tokens, index + 1, TokenType.QUOTE, skip=(TokenType.DET,)):
        return index + 1                    # "para quedar como “De la Productividad …”"
    linked = state.mode is Mode.TARGETS
    if linked and state.verb is Verb.ADICIONA and _PLACING_RE.match(tokens[index].text):
        return _place_additions(state, tokens, index + 1)
    annotate = False
    bare = _bare_sources(state, tokens, index)
    if bare:
        sources, linked = bare, False
    elif linked:
        sources, annotate = _linked_source(state)
    elif not state.move.sources and len(state.pending) > state.move.mark:
        chains = state.pending[state.move.mark:]
        del state.pending[state.move.mark:]
        sources = [_chain_directive(state, chain) for chain in chains]
    else:
        sources = state.move.sources
    state.mode, state.move = Mode.MOVING, Move(sources)
    kind = sources[-1].target[-1][0] if sources else Kind.FRACCION
    single = (linked or bool(bare)) and len(sources) == 1
    numbers, position = _read_destination(state, tokens, index + 1, kind, single)
    if annotate and len(numbers) == 1:
        last = state.out[-1]
        state.out[-1] = replace(last, new=(*last.target[:-1], (kind, numbers[0])))
    _finish_renumbering(state, [((kind, n),) for n in numbers])
    if single and numbers:
        return _resume_list(state, tokens, position, sources[0].target[:-1], kind)
    return position


def _bare_sources(state: _State, tokens: list[Token], index: int) -> list[Directive]:
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
    _flush_article(state)
    if state.out and state.out[-1].target:
        return [replace(state.out[-1], verb=Verb.RENUMERA, actual=True, shifts=False)]
    return []


def _linked_source(state: _State) -> tuple[list[Directive], bool]:
    """The target a 'que pasa a ser' follows, and whether that target stays one too.

    An addition that names 'la actual III' is moving that fracción, not adding it.
    """
    if state.pending and state.pending[-1]:  # "el párrafo tercero, que pasa a ser …, del art. 27"
        chain = state.pending[-1]
        if state.verb is Verb.ADICIONA and chain[-1][2]:
            state.pending.pop()
        return [_chain_directive(state, chain)], False
    _flush_article(state)
    if not state.out:
        return [], False
    last = state.out[-1]
    if state.verb is Verb.ADICIONA and last.actual:
        state.out.pop()
        return [replace(last, verb=Verb.RENUMERA)], False
    return [replace(last, verb=Verb.RENUMERA)], True


def _chain_directive(state: _State, chain: list[tuple[Kind, str, bool]]) -> Directive:
    locator = tuple((kind, number) for kind, number, _ in chain)
    return Directive(Verb.RENUMERA, (*_parent_for(state, chain[0][0]), *locator), state.source,
                     actual=any(flag for *_, flag in chain))


def _read_destination(state: _State, tokens: list[Token], position: int, kind: Kind,
                      single: bool) -> tuple[list[str], int]:
    """The numbers after 'pasa a ser' (one only when ``single``) and where reading stopped."""
    group = _Group(kind, ())
    ordinals: list[str] = []
    start = position
    while position < len(tokens) and tokens[position].type in _DESTINATION:
        token = tokens[position]
        if single and (group.numbers or ordinals) and token.type == TokenType.SEP:
            break
        if token.type == TokenType.NUM and kind is Kind.PARRAFO:
            break                               # "… a ser quinto y sexto párrafos, … y 29"
        if token.type == TokenType.NUM and _fits(kind, token):
            _add_number(state, group, token.text)
        elif token.type == TokenType.ORD:
            _add_ordinal(ordinals, _ordinal_value(token.text),
                         ranged=_is_range_word(tokens[position - 1]))
        elif (token.type == TokenType.NOUN and token.kind not in (kind, None)) or token.text == ";":
            break
        elif token.type is TokenType.TO and group.numbers and \
                _next_is(tokens, position + 1, TokenType.NUM):
            position += _expand_range(state, group, tokens[position + 1].text)
        elif token.type is TokenType.TO and not (ordinals and
                                                 _next_is(tokens, position + 1, TokenType.ORD)):
            break                                       # "a ser": not a range
        position += 1
    while position > start and tokens[position - 1].type in (TokenType.SEP, TokenType.DET):
        position -= 1                   # "…, respectivamente, y 29, …": the list goes on
    return group.numbers or ordinals, position


def _is_range_word(token: Token) -> bool:
    """'IV a VI', 'I a la V', 'del 51 al 74': the word between a range's ends."""
    return token.type in (TokenType.TO, TokenType.OF) and \
        labels.fold(token.text) in ("a", "al", "a la")


def _add_ordinal(ordinals: list[str], value: str, ranged: bool) -> None:
    """Add a párrafo number; after 'a'/'al' the numbers between the last one and it too."""
    if ranged and ordinals and ordinals[-1].isdigit() and value.isdigit():
        ordinals.extend(str(n) for n in range(int(ordinals[-1]) + 1, int(value)))
    ordinals.append(value)


def _resume_list(state: _State, tokens: list[Token], position: int, parent: Locator,
                 kind: Kind) -> int:
    """'fracciones VIII Bis, actual X, que pasa a ser IX Bis, XIV Bis y actual XV'."""
    ahead = position
    while ahead < len(tokens) and tokens[ahead].type is TokenType.SEP and tokens[ahead].text != ";":
        ahead += 1
    if ahead > position and _next_fits(tokens, ahead, kind):
        state.group = _Group(kind, parent, unit_first=not parent)
        return _read_numbers(state, tokens, ahead)
    return position


def _place_additions(state: _State, tokens: list[Token], position: int) -> int:
    """'se adicionan dos últimos párrafos al artículo 28, para quedar como actuales párrafos
    vigésimo y vigésimo primero': the added units are numbered where they will be."""
    _flush_article(state)
    if state.pending:
        kind = state.pending[-1][-1][0]
        template = state.pending[-1][:-1]
        while state.pending and state.pending[-1][-1][0] is kind:
            state.pending.pop()
        numbers, position = _read_destination(state, tokens, position, kind, single=False)
        state.pending.extend([*template, (kind, number, False)] for number in numbers)
        return position
    if not state.out:
        return position
    last = state.out[-1]
    kind, parent = last.target[-1][0], last.target[:-1]
    while state.out and state.out[-1].verb is Verb.ADICIONA and \
            state.out[-1].target[:-1] == parent and state.out[-1].target[-1][0] is kind:
        state.out.pop()
    numbers, position = _read_destination(state, tokens, position, kind, single=False)
    state.out.extend(Directive(Verb.ADICIONA, (*parent, (kind, number)), state.source)
                     for number in numbers)
    return position


def _finish_renumbering(state: _State, targets: Sequence[Locator] = ()) -> None:
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
        if source.target[0][0] in _ORDINAL_NUMBERED:
            state.out.append(directive)
        else:
            state.relative.append(directive)


def _place_relative(state: _State, parent: Locator) -> None:
    """Renumberings read before their article ('…, para ser las XXIX y XXX del artículo 90')."""
    for directive in state.relative:
        assert directive.new is not None
        state.out.append(replace(directive, target=(*parent, *directive.target),
                                 new=(*parent, *directive.new)))
    state.relative = []


def _on_num(state: _State, tokens: list[Token], index: int) -> int:
    """A number with no noun of its own: 'recorriéndose las actuales XXVIII y XXIX', or
    'y la actual III pasa a ser IV' (a unit of the kind just named)."""
    renumbering = state.mode is Mode.MOVING
    if not (renumbering or state.actual_next):
        return index + 1
    kind = state.pending[-1][-1][0] if state.pending and state.pending[-1] else (
        state.group.kind if state.group else Kind.FRACCION)
    token = tokens[index]
    if not _fits(kind, token):
        return index + 1
    number = labels.part(kind, token.text).partition("_")[2]
    if renumbering:
        state.move.sources.append(Directive(Verb.RENUMERA, ((kind, number),), state.source,
                                          actual=state.actual_next))
    elif state.group is not None and state.group.parent and not state.pending:
        _emit(state, (*state.group.parent, (kind, number)), actual=True)
    else:
        state.pending.append([(kind, number, True)])
    state.actual_next = False
    return index + 1


def _on_quote(state: _State, tokens: list[Token], index: int) -> int:
    return index + 1


def _on_other(state: _State, tokens: list[Token], index: int) -> int:
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
            f"'{noun} {tokens[position].text}' in {state.source[:160]!r}: the clause grammar "
            f"does not model {labels.fold(noun)} units, so this target has no label")
    return index + 1


def _on_dotted(state: _State, tokens: list[Token], index: int) -> int:
    """'los numerales 4.1 y 4.2': numbering by dotted decimals is not modelled (reading "4.1"
    as numeral 4 would name another unit)."""
    raise AmendmentError(f"'{tokens[index].text}' in {state.source[:160]!r}: dotted numbering "
                         f"is not modelled by the clause grammar, so this target has no label")


def _is_designator(token: Token) -> bool:
    """A unit number: '3', 'III', 'a)', 'Quinto', or a lowercase Roman 'ii' left as a word."""
    return token.type in (TokenType.NUM, TokenType.ORD) or \
        re.fullmatch(r"[ivxlc]+|\d[\d.]*", token.text) is not None


def _on_tendra(state: _State, tokens: list[Token], index: int) -> int:
    """'la denominación del Título Sexto, el cual tendrá un Capítulo Único …': what follows is
    added inside the unit just named."""
    _enter_last_container(state, adds=True)
    return index + 1


def _enter_last_container(state: _State, adds: bool) -> None:
    _flush(state)
    if state.out and state.out[-1].target and state.out[-1].target[-1][0] in CONTAINER_KINDS:
        state.within = state.out[-1].target
        state.within_adds = adds


def _on_denom(state: _State, tokens: list[Token], index: int) -> int:
    """'denominado De la Inspección y Vigilancia': an unquoted name is no locator; it runs to
    the next comma or semicolon (a quoted one is a single QUOTE token)."""
    index += 1
    if index < len(tokens) and tokens[index].type == TokenType.QUOTE:
        return index + 1
    while index < len(tokens) and tokens[index].text not in (",", ";") and \
            tokens[index].type not in _AFTER_NAME:
        index += 1
    return index


def _on_comprende(state: _State, tokens: list[Token], index: int) -> int:
    """'…, que comprende los artículos 284 Bis y 284 Ter', '…, conformado de una Sección
    Primera': the container's articles, and containers inside it."""
    _enter_last_container(state, adds=False)
    state.lead = Lead.NONE
    return index + 1


_HANDLERS: dict[TokenType, Callable[[_State, list[Token], int], int]] = {
    TokenType.NOUN: _on_noun, TokenType.OF: _on_of, TokenType.ORD: _on_ord,
    TokenType.SEP: _on_sep, TokenType.DET: _on_det, TokenType.CON: _on_con,
    TokenType.ACTUAL: _on_actual, TokenType.RECORRE: _on_recorre, TokenType.PASA: _on_pasa,
    TokenType.QUOTE: _on_quote, TokenType.COMPRENDE: _on_comprende, TokenType.NUM: _on_num,
    TokenType.OTHER: _on_other, TokenType.TENDRA: _on_tendra, TokenType.DENOM: _on_denom,
    TokenType.DOTTED: _on_dotted,
}


__all__ = ["read_targets"]
