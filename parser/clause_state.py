"""The clause reader's state: what it is reading (``Mode``), what the word before a noun said
(``Lead``), the units named so far, and how a named unit becomes a directive (``emit``).

``parser.clause_targets`` reads an action's tokens one at a time; its handlers, and those of
``parser.clause_numbers`` and ``parser.clause_renumbering``, change this one small object: the
context the next token is read in (the unit named last, the chains of a unit-first phrase
waiting for their parents, the list being read) and the directives read so far.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from .clause_tokens import Token, TokenType
from .directives import KIND_RANK, Directive, Locator
from .model import CONTAINER_KINDS, Kind, Verb

RANK = KIND_RANK
ORDINAL_NUMBERED = CONTAINER_KINDS | {Kind.TRANSITORIO, Kind.ARTICULO}
ITEM_KINDS = frozenset({Kind.ARTICULO, Kind.TRANSITORIO})  # head an article-first list
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


Unit = tuple[Kind, str, bool]      # (kind, number, named as "actual")


class Chain(list[Unit]):
    """The units of a unit-first phrase, outermost first once its parents are read: 'el
    inciso h)' waits for 'de la fracción III del artículo 11'. ``heading``: the unit's
    denominación is what is named; ``shifts``: an addition "recorriéndose en su orden los
    subsecuentes" (``parser.shifts``)."""

    heading: bool = False
    shifts: bool = False
    parented: bool = False  # its parents were read: a new chain no longer joins it


@dataclass(frozen=True, slots=True)
class Context:
    """The unit the next sub-locator belongs to ('2, fracción IV': IV is art_2's).

    ``named_after``: the unit was named after its own units ("un párrafo quinto … al artículo
    4o."), so a new determiner-led unit ("y un párrafo segundo …") names its own parent too;
    ``words``: the list's articles are named by ordinal words ("Primero, fracción II y
    Tercero"), so a capitalised ordinal is the next article, not a párrafo.
    """

    units: Locator = ()
    named_after: bool = False
    words: bool = False

    def item(self) -> Kind | None:
        """The kind of the list's item (artículo or transitorio), if the context has one."""
        return self.units[0][0] if self.units and self.units[0][0] in ITEM_KINDS else None


@dataclass(frozen=True, slots=True)
class Within:
    """'…, el cual tendrá un Capítulo Único', '…, que comprende …', 'al Título V, Capítulo I,
    una Sección Cuarta': containers named next go inside ``container``; after 'tendrá' they
    are additions whatever the clause's verb (``adds``)."""

    container: Locator
    adds: bool = False


@dataclass
class Group:
    """The units named by one noun and its list of numbers."""

    kind: Kind
    parent: Locator
    numbers: list[str] = field(default_factory=list)
    actual: list[bool] = field(default_factory=list)
    closed: bool = False     # the list ended with "y" / "e": a following párrafo goes up a level
    unit_first: bool = False
    plural: bool = True
    owner: tuple[tuple[Kind, str, bool], ...] = ()  # "el inciso b) y sus subnumerales ii …"
    words: bool = False      # numbered by ordinal words: "los artículos Primero y Tercero"


@dataclass
class State:
    """What one action's reader knows between two tokens.

    The verb and the action as written; the directives so far (``out``, and ``relative``
    renumberings still waiting for their article); where the next sub-locator goes
    (``context``, ``within``, ``article_open``: an article named alone, a target only if no
    sub-locator follows); the phrase being read (``group``: a noun and its numbers;
    ``pending``: unit-first chains waiting for their parents; ``ordinals`` read before their
    párrafo noun; ``actual_next``; ``lead``; ``heading_only``); and the ``mode`` with its
    ``move``.
    """

    verb: Verb
    source: str
    out: list[Directive] = field(default_factory=list)
    context: Context = field(default_factory=lambda: Context())
    article_open: Directive | None = None     # "84" emitted only if no sub-locator follows
    pending: list[Chain] = field(default_factory=list)  # unit-first chains, awaiting parents
    group: Group | None = None
    ordinals: list[str] = field(default_factory=list)
    actual_next: bool = False
    mode: Mode = Mode.TARGETS
    move: Move = field(default_factory=lambda: Move())
    relative: list[Directive] = field(default_factory=list)  # renumberings awaiting "del artículo N"
    heading_only: bool = False
    lead: Lead = Lead.NONE
    within: Within | None = None    # "…, el cual tendrá …": later containers go inside


def token_is_conjunction(tokens: list[Token], index: int) -> bool:
    return 0 <= index < len(tokens) and tokens[index].type == TokenType.SEP and \
        tokens[index].text.lower() in ("y", "e")


def parent_for(state: State, kind: Kind) -> Locator:
    """The deepest unit in context that can hold a unit of ``kind`` (fracción under artículo)."""
    context = list(state.context.units)
    while context and RANK[context[-1][0]] >= RANK[kind]:
        context.pop()
    return tuple(context)


def article_in_context(state: State) -> bool:
    return any(kind in ITEM_KINDS for kind, _ in state.context.units)


def close_article(state: State) -> None:
    """An article followed by sub-locators is not itself a target."""
    if state.article_open is not None and state.article_open.target[0][0] in ITEM_KINDS \
            and len(state.article_open.target) == 1:
        state.article_open = None


def emit(state: State, locator: Locator, actual: bool = False, hold: bool = False,
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
            flush_article(state)
    locator, verb = inside(state, locator)
    directive = Directive(verb, locator, state.source, actual=actual,
                          heading_only=state.heading_only, shifts=shifts)
    state.heading_only = False
    if hold:
        state.article_open = directive
    else:
        state.out.append(directive)


def inside(state: State, locator: Locator) -> tuple[Locator, Verb]:
    """A target named after 'el cual tendrá' / 'que comprende': a container goes inside the
    container named before; after 'tendrá' it is an addition whatever the clause's verb."""
    within = state.within
    if within is None or not within.container or not locator:
        return locator, state.verb
    verb = Verb.ADICIONA if within.adds else state.verb
    if locator[0][0] in CONTAINER_KINDS and \
            RANK[locator[0][0]] > RANK[within.container[-1][0]]:
        return (*within.container, *locator), verb
    return locator, verb


def flush_article(state: State) -> None:
    if state.article_open is not None:
        state.out.append(state.article_open)
        state.article_open = None


def flush(state: State) -> None:
    """End of an item: emit an article named alone and any finished unit-first chain."""
    flush_article(state)
    flush_pending_if_complete(state, force=True)


def flush_pending_if_complete(state: State, force: bool = False) -> None:
    if not state.pending:
        return
    chains = state.pending
    state.pending = []
    tops = {chain[0][0] for chain in chains if chain}
    if not force and not tops & (CONTAINER_KINDS | ITEM_KINDS):
        state.pending = chains
        return
    for chain in chains:
        locator = tuple((kind, number) for kind, number, _ in chain)
        actual = any(flag for _, _, flag in chain)
        if locator and locator[0][0] not in CONTAINER_KINDS | ITEM_KINDS:
            locator = (*parent_for(state, locator[0][0]), *locator)
        state.heading_only = state.heading_only or chain.heading
        emit(state, locator, actual, shifts=chain.shifts)
        if locator and locator[0][0] in ITEM_KINDS:
            state.context = replace(state.context, units=locator[:1], named_after=True)


def item_kind(state: State) -> Kind | None:
    """The kind of the article-first list being read (artículos or transitorios), if any."""
    group = state.group
    if group is not None and group.kind in ITEM_KINDS and not group.unit_first:
        return group.kind
    if state.context.item() is not None:
        return state.context.item()
    return None


LIST_KINDS = frozenset({Kind.APARTADO, Kind.FRACCION, Kind.INCISO, Kind.NUMERAL})


def next_is(tokens: list[Token], index: int, kind: TokenType,
             skip: tuple[TokenType, ...] = ()) -> bool:
    while index < len(tokens) and tokens[index].type in skip:
        index += 1
    return index < len(tokens) and tokens[index].type == kind


__all__ = [
    "item_kind",
    "article_in_context", "close_article", "emit", "flush", "flush_article",
    "flush_pending_if_complete", "Group", "inside", "ITEM_KINDS", "Lead", "LIST_KINDS", "Mode",
    "Move", "next_is", "ORDINAL_NUMBERED", "parent_for", "RANK", "State", "token_is_conjunction",
]
