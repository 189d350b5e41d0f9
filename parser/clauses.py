"""Operative clauses -> directives: what an amending instrument orders, target by target.

"ARTÍCULO ÚNICO.- Se REFORMAN los artículos 2, fracciones IV y actual V, 82 y 84; se ADICIONAN
la fracción V al artículo 2 recorriéndose en su orden la actual fracción V para pasar a ser la
fracción VI; … y se DEROGA el artículo 83, todos del Reglamento …, para quedar como sigue:"

The grammar (research/mx-amendment-grammar.md §4) is read as a pipeline of small steps over a
token list, as regparser reads the Federal Register's amendatory instructions:
``tokenize`` (``parser.clause_tokens``) -> ``split_actions`` (one verb each, here) ->
``read_targets`` (``parser.clause_targets``, a small state machine of (mode, token type)
handlers that understands both article-first lists, "25, fracción I, incisos e), f) y g)", and
unit-first chains, "el inciso h) de la fracción III del artículo 11") -> ``Directive`` values.
Targets are locators in the numbering *before* the decree, except what is added (numbered as
it will be: "dos últimos párrafos …, para quedar como actuales párrafos vigésimo y vigésimo
primero" adds par_20 and par_21); relative paragraphs ("último", "penúltimo") stay symbolic
until a base text resolves them (``parser.amendments.resolve_label``).

Around the state machine, ``read_clause`` also reads:

* the authority as subject, no "se" ("La Secretaría …, con fundamento en …, modifica la
  fracción B del Artículo Primero …"): ``main_verb`` finds the main verb, targets start after it;
* several sentences, each with its own verb and maybe its own new text ("Se reforma la
  denominación … para quedar como sigue: <name>. Se modifican …. Todos de la Convocatoria …");
* one locator written once after the last action ("Se reforma el numeral 1 y se adiciona un
  numeral 4 …, del artículo 104"; "Se reforma el inciso e) y se adiciona el inciso o) de la
  fracción IV del artículo 116"): actions with no article of their own take the units of it
  above their own;
* verbs inside a quoted name ("del “Decreto por el que se reforman …”") are no actions.

A lettered "fracción B" is the apartado ``apt_b`` (the base reads "B." lines so); articles and
transitorios named by ordinal words are ``art_1``, ``tra_4``; so are the top-level units agencies
name with their own word ("lineamiento Quinto", "Disposición 5", "regla 3": ``art_5``, matched
against a base that shows them as numerales or apartados by ``parser.amendments.alias_top_level``).
"Se abroga la Disposición 73, segundo párrafo" is a derogation: only whole instruments are
abrogated. A unit the grammar does not model (subnumerales, viñetas, puntos, anexos, tablas,
códigos, notas, bases, dotted numbers "regla 3.1", "4.1") raises ``AmendmentError``: it has no
label, and reading it as some other unit would be a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from errors import AmendmentError
from untrusted import quoted

from . import labels
from .clause_targets import read_targets
from .clause_tokens import Token, TokenType, tokenize
from .directives import KIND_RANK, RELATIVE_PARAGRAPHS, Directive, Locator, to_label
from .model import Kind, Verb

# --- actions ---------------------------------------------------------------------------------------
_VERB_RE = re.compile(
    r"(?:^|(?<=[\s;,:.]))(?<!que\s)(?<!cual\s)se\s+(?:declara[n]?\s+)?"
    r"(?P<verb>reforma[n]?|reformad[oa]s?|modifica[n]?|adiciona[n]?|adicionad[oa]s?|deroga[n]?"
    r"|derogad[oa]s?|abroga[n]?|expide[n]?|renumera[n]?)\b\s*[:;]?",
    re.IGNORECASE)
_VERBS = {"reforma": Verb.REFORMA, "modifica": Verb.REFORMA, "adiciona": Verb.ADICIONA,
          "deroga": Verb.DEROGA, "abroga": Verb.ABROGA, "expide": Verb.EXPIDE,
          "renumera": Verb.RENUMERA}
_TAIL_RE = re.compile(
    r",?\s*para\s+quedar\s+(?:como\s+sigue|en\s+(?:la|los)\s+(?:forma|t[eé]rminos)[^:]*)\s*[:.]?.*$",
    re.IGNORECASE | re.DOTALL)
_INSTRUMENT_RE = re.compile(
    r",?\s*(?:(?:tod[oa]s|amb[oa]s)\s+)?(?:del|de\s+la|de\s+los|de\s+las|al|a\s+la)\s+(?:[\"“']\s*)?"
    r"(?=(?-i:[A-ZÁÉÍÓÚ]))(?=(?:Ley|Reglamento|C[oó]digo|Estatuto|Constituci[oó]n|Decreto|Acuerdo|Lineamientos"
    r"|Reglas|Norma|Manual|Disposiciones|Convocatoria|Resoluci[oó]n|Bases|Criterios|Programa"
    r"|Presupuesto|Pol[ií]ticas|Condiciones|Clasificador|Tarifa|Arancel)\b)", re.IGNORECASE)


# "ÚNICO. Se reforma la denominación de la Convocatoria para quedar como sigue: <the new name>.
# Se modifican …": a sentence's own new text, before the next sentence's verb.
_INLINE_TAIL_RE = re.compile(
    r",?\s*para\s+quedar\s+como\s+sigue\s*:.*?\.\s+(?=(?-i:S)e\s+(?:declara[n]?\s+)?"
    r"(?:reforma|modifica|adiciona|deroga|abroga|expide|renumera))",
    re.IGNORECASE | re.DOTALL)


_CLOSING = {'"': '"', "“": "”", "'": "'"}


def split_instrument(clause: str) -> tuple[str, str]:
    """(targets text, instrument name): the instrument is named once, after the last action.

    >>> split_instrument("Se deroga el artículo 83, todos del Reglamento X, para quedar como sigue:")
    ('Se deroga el artículo 83', 'Reglamento X')
    """
    body = _INLINE_TAIL_RE.sub("; ", clause.strip())
    body = _TAIL_RE.sub("", body).rstrip(" .,;:")
    masked = _mask_quotes(body)
    last_verb = max((m.end() for m in _VERB_RE.finditer(masked)), default=0)
    for match in _INSTRUMENT_RE.finditer(body, last_verb):
        if masked[match.start()] == "_":
            continue                    # inside a quoted name: '“… de la Ley …”'
        name = body[match.end():].strip()
        opened = match.group().rstrip()[-1:]
        if opened in _CLOSING:          # a quoted name ends at its closing quote
            name = name.split(_CLOSING[opened], 1)[0]
        return body[:match.start()].rstrip(" ,;"), name.strip("\"“”'").rstrip(" .,;'")
    return _named_before_last(body, masked)


_SAME_INSTRUMENT_RE = re.compile(
    r",?\s*(?:al|del|en\s+el|en\s+la|a\s+la|de\s+la)\s+mism[oa]\s+(?:ordenamiento|ley|reglamento"
    r"|c[oó]digo|decreto|acuerdo|estatuto|instrumento)\s*$", re.IGNORECASE)


def _named_before_last(body: str, masked: str) -> tuple[str, str]:
    """'Se reforman los artículos 1 y 2 del Reglamento X y se adiciona el artículo 3 Bis al
    mismo ordenamiento': the instrument named once, before the next action, for all of them."""
    verbs = list(_VERB_RE.finditer(masked))
    for match in _INSTRUMENT_RE.finditer(body, verbs[0].end() if verbs else 0):
        if masked[match.start()] == "_":
            continue
        after = next((v for v in verbs if v.start() > match.end()), None)
        if after is None:
            break
        name = re.sub(r"[,;]?\s*\by$", "", body[match.end():after.start()].strip()).strip(" ,;")
        rest = _SAME_INSTRUMENT_RE.sub("", body[after.start():])
        return f"{body[:match.start()].rstrip(' ,;')} y {rest}", name.strip("\"“”'")
    return body, ""


_QUOTED_RE = re.compile(r"[\"“«][^\"”»]*[\"”»]")


def _mask_quotes(text: str) -> str:
    """Quoted names blanked out, same length: the verbs in “Decreto por el que se reforman …”
    are no actions."""
    return _QUOTED_RE.sub(lambda m: "_" * len(m.group()), text)


def split_actions(targets: str) -> list[tuple[Verb, str]]:
    """The clause cut at each 'se VERB': one (verb, its target text) per action."""
    return [(verb, text) for verb, text, _ in _actions(targets)]


def _actions(targets: str) -> list[tuple[Verb, str, str]]:
    """(verb, target text, the action as written: 'se ADICIONAN la fracción V …')."""
    matches = list(_VERB_RE.finditer(_mask_quotes(targets)))
    if not matches:
        raise AmendmentError(f"la cláusula no dice «se reforma», «se adiciona» ni «se deroga»: "
                             f"{quoted(targets)}")
    out: list[tuple[Verb, str, str]] = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(targets)
        stem = re.sub(r"(?:n|d[oa]s?)$", "", labels.fold(match.group("verb")))
        verb = _VERBS.get(stem) or _VERBS[stem.rstrip("a") + "a"]
        text = targets[match.end():end].strip().rstrip(",;. ")
        text = re.sub(r"[,;]?\s*\by$", "", text)
        written = re.sub(r"[,;]?\s*\by$", "", targets[match.start():end].strip().rstrip(",; "))
        out.append((verb, text, written))
    return out


# --- the authority as subject --------------------------------------------------------------------
_SUBJECT_RE = re.compile(r"(?:El|La|Los|Las|Esta|Este|Estas|Estos)\s+[A-ZÁÉÍÓÚÑ]")
_ACTIVE_VERB_RE = re.compile(
    r"\b(?:(?:reforma|modifica|adiciona|deroga|abroga)n?|(?:REFORMA|MODIFICA|ADICIONA|DEROGA"
    r"|ABROGA)N?)\b")
_MASK_RE = re.compile(r"[\"“«][^\"”»]*[\"”»]|\([^()]*\)")


def main_verb(clause: str) -> int | None:
    """Where the verb of 'La Secretaría …, con fundamento en …, modifica la fracción B del
    Artículo Primero …' starts, or None when the clause is not so formed.

    Acuerdos often let the issuing authority be the subject and use no "se". The verb counts
    only as the main verb: the clause opens with the subject ("La Secretaría", "El Consejo"),
    the verb follows a comma or the subject's last capitalised word (never "que", "la", "se":
    "que modifica", "la reforma" are prose), it is outside quotes and parentheses, and a
    locator comes right after it. Whatever precedes it, the citations of "con fundamento en
    los artículos 26, fracción XI …" included, is no target.
    """
    if not _SUBJECT_RE.match(clause):
        return None
    masked = _MASK_RE.sub(lambda m: "_" * len(m.group()), clause)
    for match in _ACTIVE_VERB_RE.finditer(masked):
        before = masked[:match.start()].rstrip()
        words = before.split()
        if before.endswith(",") or (words and words[-1][:1].isupper()):
            return match.start() if _locator_follows(clause[match.end():]) else None
    return None


def _locator_follows(text: str) -> bool:
    tokens = [t for t in tokenize(text[:120]) if t.type != TokenType.DET]
    return bool(tokens) and tokens[0].type in (TokenType.NOUN, TokenType.OTHER)


def operative_subject_clause(text: str) -> bool:
    """Is this article text an operative clause with the authority as subject?

    Besides ``main_verb`` it must order new text ('…, para quedar como sigue:'), which keeps
    prose such as 'La Secretaría modifica la fracción II del programa cuando …' out.
    """
    return main_verb(text) is not None and _TAIL_RE.search(text) is not None


# --- whole clause -------------------------------------------------------------------------------
def read_clause(clause: str) -> tuple[str, list[Directive]]:
    """(instrument name, directives) of one operative clause, renumbering linked."""
    text = " ".join(clause.split())
    verb_at = None if re.match(r"se\s", text, re.IGNORECASE) else main_verb(text)
    if verb_at is not None:
        text = "Se " + text[verb_at:]       # the authority as subject: the same grammar follows
    targets, instrument = split_instrument(text)
    actions = _actions(targets)
    read: list[list[Directive]] = []
    for verb, action, written in actions:
        if verb in (Verb.EXPIDE, Verb.ABROGA) and not _names_unit(action):
            read.append([Directive(verb, (), written)])
            continue
        if verb is Verb.ABROGA:
            # "Se abroga la Disposición 73, segundo párrafo": only a whole instrument is abrogated;
            # a provision that ceases to have effect is derogated (the text keeps the word)
            verb = Verb.DEROGA
        read.append(read_targets(verb, action, written))
    parents = _shared_parents(actions[-1][1])
    if parents:
        read = [_lend_parents(directives, parents) for directives in read]
    read = _previous_article(_same_unit_parents(actions, read))
    return instrument, link_renumbering([d for directives in read for d in directives])


def _names_unit(action: str) -> bool:
    """Does an action name a numbered unit ('la Disposición 73, segundo párrafo'), not only an
    instrument ('Se abroga el Acuerdo por el que …')?"""
    tokens = [t for t in tokenize(action) if t.type is not TokenType.DET]
    return any(t.type is TokenType.NOUN and t.kind is not None and
               u.type in (TokenType.NUM, TokenType.ORD)
               for t, u in zip(tokens, tokens[1:], strict=False))


_SUB_ARTICLE = frozenset({Kind.APARTADO, Kind.FRACCION, Kind.INCISO, Kind.NUMERAL, Kind.PARRAFO})


def _shared_parents(last_action: str) -> Locator:
    """'Se reforma el inciso e) y se adiciona el inciso o) de la fracción IV del artículo 116':
    the chain of parents ending in an article, written once at the end of the last action,
    for every action written before it (outermost first: art_116, frac_iv). Read backwards:
    the article is the last thing written, the deeper units before it."""
    tokens = [t for t in tokenize(last_action) if t.type is not TokenType.DET]
    chain: list[tuple[Kind, str]] = []
    end = _before_shift(tokens)
    while end >= 3:
        transitorio = tokens[end - 1].kind is Kind.TRANSITORIO and not chain
        if transitorio:                 # "del artículo Décimo Noveno Transitorio"
            end -= 1
        if end < 3 or tokens[end - 3].type is not TokenType.OF or \
                tokens[end - 2].type is not TokenType.NOUN or \
                tokens[end - 1].type not in (TokenType.NUM, TokenType.ORD):
            break
        kind, plural = tokens[end - 2].kind, tokens[end - 2].plural
        outer = chain[-1][0] if chain else None
        if kind is None or plural or (kind is not Kind.ARTICULO if outer is None else
                                      KIND_RANK[kind] <= KIND_RANK[outer]):
            break
        try:
            number = labels.unit_number(kind, tokens[end - 1].text)
        except ValueError:
            break
        chain.append((Kind.TRANSITORIO if transitorio else kind, number))
        end -= 3
    return tuple(chain)


_SHIFT_TAIL = frozenset({TokenType.SEP, TokenType.RECORRE, TokenType.ACTUAL, TokenType.WORD})


def _before_shift(tokens: list[Token]) -> int:
    """Where '…, recorriéndose la actual en su orden' (naming no unit) starts, or the end."""
    end = len(tokens)
    while end and tokens[end - 1].type in _SHIFT_TAIL:
        end -= 1
    tail = tokens[end:]
    return end if any(t.type is TokenType.RECORRE for t in tail) else len(tokens)


def _lend_parents(directives: list[Directive], parents: Locator) -> list[Directive]:
    """An action none of whose targets has an article ('se reforma el inciso e)') takes the
    shared parents above its units' kind."""
    if not directives or any(not d.target or d.target[0][0] not in _SUB_ARTICLE
                             for d in directives):
        return directives
    out = []
    for directive in directives:
        rank = KIND_RANK[directive.target[0][0]]
        above = tuple(p for p in parents if KIND_RANK[p[0]] < rank)
        out.append(replace(directive, target=(*above, *directive.target),
                           new=(*above, *directive.new) if directive.new else None))
    return out


_SAME_RE = re.compile(r"\b(?:al|del|a\s+la|de\s+la|en\s+el|en\s+la)\s+mism[oa]\s+(?P<noun>\w+)\s*(?:[,;.]|$)",
                      re.IGNORECASE)


def _same_unit_parents(actions: list[tuple[Verb, str, str]],
                       read: list[list[Directive]]) -> list[list[Directive]]:
    """'Se reforma el artículo 12, fracciones IX y X, y se adiciona una fracción XI al mismo
    artículo': "el mismo artículo" (la misma fracción) is the one the action before named;
    the action's units go under it, as under parents written once at the end."""
    out: list[list[Directive]] = []
    for (_, action, _), directives in zip(actions, read, strict=True):
        same = _SAME_RE.search(action)
        kind = _noun_kind(same.group("noun")) if same else None
        before = [d for done in out for d in done if d.target]
        if kind is not None and before:
            target = before[-1].target
            upto = next((i for i, (k, _) in enumerate(target) if k is kind), None)
            if upto is not None:
                directives = _lend_parents(directives, target[:upto + 1])
        out.append(directives)
    return out


def _previous_article(read: list[list[Directive]]) -> list[list[Directive]]:
    """'Se reforma la fracción IV del artículo 9 y se adiciona la fracción V, recorriéndose …':
    an action whose units name no article is in the one article the action before named (when
    it named exactly one)."""
    out: list[list[Directive]] = []
    for directives in read:
        before = out[-1] if out else []
        articles = {d.target[:1] for d in before if d.target and
                    d.target[0][0] in (Kind.ARTICULO, Kind.TRANSITORIO)}
        if len(articles) == 1:
            # the one unit named before, if only one was ("la fracción II del artículo 3 y se
            # adiciona el inciso c)": fracción II's), else its article
            parents = before[0].target if len(before) == 1 else next(iter(articles))
            directives = _lend_parents(directives, parents)
        out.append(directives)
    return out


def _noun_kind(word: str) -> Kind | None:
    tokens = tokenize(word)
    return tokens[0].kind if len(tokens) == 1 and tokens[0].type is TokenType.NOUN else None


def link_renumbering(directives: list[Directive]) -> list[Directive]:
    """A reform of 'la actual fracción V' follows that fracción to its new number."""
    moves = {d.target: d.new for d in directives if d.verb is Verb.RENUMERA and d.new}
    out = []
    for directive in directives:
        if directive.verb is not Verb.RENUMERA and directive.new is None and \
                directive.actual and directive.target in moves:
            directive = replace(directive, new=moves[directive.target])
        out.append(directive)
    return out


__all__ = ["RELATIVE_PARAGRAPHS", "Directive", "Locator", "main_verb", "operative_subject_clause",
           "read_clause", "read_targets", "split_actions", "split_instrument", "to_label", "tokenize"]
