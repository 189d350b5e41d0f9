"""An amending instrument's directives in a base text's terms.

What only the base can tell: which paragraph is "el último", which chapter "el Capítulo IV" is,
which top-level unit an agency's own word names ("sección III" of a convocatoria that shows
"III."), and which targets do not exist at all (reported, not dropped). Split from
``parser.amendments``, which reads the instrument itself.
"""

from __future__ import annotations

import re

from errors import AmendmentError

from . import labels
from .cite_text import cite_or_label
from .directives import RELATIVE_PARAGRAPHS, Directive
from .labels import Label
from .model import CONTAINER_KINDS, Document, Instruction, Kind, Provision, Status, Verb
from .shifts import with_shifts


def _paragraphs(provision: Provision) -> list[Provision]:
    return [c for c in provision.children if c.kind is Kind.PARRAFO]


def resolve_label(label: str, base: Document, index: dict[str, Provision],
                  adding: bool = False) -> str:
    """A directive's label in the base's terms; ``AmendmentError`` if it cannot be settled."""
    label = alias_top_level(label, index, adding)
    unit = _parsed(label)
    if unit is None:
        return label
    parent, (kind, number) = str(unit.parent), unit.last
    if kind is Kind.PARRAFO and number in RELATIVE_PARAGRAPHS.values():
        holder = index.get(parent)
        if holder is None:
            raise AmendmentError(f"{cite_or_label(label)}: el texto base no tiene {cite_or_label(parent)}")
        paragraphs = _paragraphs(holder)
        first = 1 if holder.kind is Kind.ARTICULO or not holder.text else 2
        back = {"ultimo": 0, "penultimo": 1, "antepenultimo": 2}[number]
        if len(paragraphs) <= back:
            raise AmendmentError(f"{cite_or_label(label)}: {cite_or_label(parent)} solo tiene "
                                 f"{len(paragraphs)} párrafos")
        return str(unit.with_last(Kind.PARRAFO, str(first + len(paragraphs) - 1 - back)))
    if kind is Kind.PARRAFO and number == "1" and parent in index and \
            index[parent].kind not in (Kind.ARTICULO, Kind.TRANSITORIO) and \
            index[parent].kind not in CONTAINER_KINDS and label not in index:
        return parent                  # "fracción I, primer párrafo": the fracción's own text
    if kind is Kind.PARRAFO and parent in index and label not in index and number.isdigit():
        after_list = _paragraph_after_last_unit(parent, int(number), index)
        if after_list:
            return after_list
    if unit.parts[0][0] in CONTAINER_KINDS and label not in index:
        found = [k for k, p in index.items() if p.kind in CONTAINER_KINDS and
                 (k == label or k.endswith(labels.SEPARATOR + label))]
        if len(found) == 1:
            return found[0]
    return label


# Top-level units an agency names with its own word: "sección III" of a convocatoria whose text
# shows "III.", "lineamiento Quinto" / "Disposición 5" of texts that show "QUINTO.-" / "5.".
_TOP_ALIAS_KINDS = frozenset({Kind.ARTICULO, Kind.NUMERAL, Kind.APARTADO, Kind.SECCION})


def alias_top_level(label: str, index: dict[str, Provision], adding: bool = False) -> str:
    """``label`` with its top-level part retargeted to the base's unit of the same number.

    Agencies name the top-level units of their instruments with their own word ("sección III",
    "lineamiento Quinto", "Disposición 5", "regla 3") while the text shows only "III." or
    "QUINTO.-", which the statute parser reads as an apartado, numeral or artículo. When the
    base lacks the unit the clause names but has exactly one top-level unit with the same
    number (by value: 3 = III = Tercero; qualifiers equal) of another of those kinds, the
    directive means that unit: ``sec_3__apt_a__inc_a`` -> ``apt_iii__apt_a__inc_a``. A unit
    being added (``adding``) joins the base's one top-level list (``_new_in_list``). Only the
    top-level part changes; anything ambiguous or absent is left as written (and reported).
    """
    parsed = _parsed(label)
    if parsed is None:
        return label
    (kind, number), rest = parsed.parts[0], parsed.parts[1:]
    top = str(Label(parsed.parts[:1]))
    if kind not in _TOP_ALIAS_KINDS or top in index or \
            any(key.endswith(labels.SEPARATOR + top) for key in index if kind in CONTAINER_KINDS):
        return label                    # there, or a sección inside a capítulo (resolved below)
    wanted = _number_value(number, roman=True)
    if wanted is None:
        return label
    roman_apartados = _roman_apartados(index)
    found = [key for key, unit in index.items() if key != top and _is_top_level(key) and
             unit.kind in _TOP_ALIAS_KINDS and not _holds_articles(unit) and
             _number_value(Label.parse(key).number, roman=unit.kind is not Kind.APARTADO
                           or roman_apartados) == wanted]
    if len(found) == 1:
        return str(Label((*Label.parse(found[0]).parts, *rest)))
    return _new_in_list(parsed, wanted, index, roman_apartados) if adding else label


def _parsed(label: str) -> Label | None:
    """``label`` as a Label; None for what is no label (left for the checks to report)."""
    try:
        return Label.parse(label)
    except ValueError:
        return None


def _is_top_level(key: str) -> bool:
    return labels.SEPARATOR not in key


def _holds_articles(unit: Provision) -> bool:
    """A sección that holds artículos is a container of a law, never another name of a unit."""
    return any(child.kind is Kind.ARTICULO for child in unit.children)


def _new_in_list(label: Label, wanted: tuple[int, str], index: dict[str, Provision],
                 roman_apartados: bool) -> str:
    """'se adiciona la sección V' to a convocatoria whose top level is 'I.' to 'IV.': a unit of
    the base's one top-level list (apt_v), when the base has no top-level unit of the clause's
    kind at all. A base with several top-level kinds, or lettered apartados, keeps the label."""
    kind = label.parts[0][0]
    kinds = {unit.kind for key, unit in index.items()
             if _is_top_level(key) and unit.kind in _TOP_ALIAS_KINDS}
    if len(kinds) != 1 or kind in kinds:
        return str(label)
    (base_kind,) = kinds
    if base_kind is Kind.APARTADO and not roman_apartados:
        return str(label)
    value, qualifiers = wanted
    number = labels.int_to_roman(value).lower() if base_kind is Kind.APARTADO else str(value)
    number = f"{number}-{qualifiers}" if qualifiers else number
    return str(Label(((base_kind, number), *label.parts[1:])))


def _roman_apartados(index: dict[str, Provision]) -> bool:
    """Are the top-level apartados numbered in Roman numerals ('apt_iv'), not letters ('apt_b')?"""
    heads = [Label.parse(key).number.partition("-")[0] for key, unit in index.items()
             if _is_top_level(key) and unit.kind is Kind.APARTADO]
    return bool(heads) and all(re.fullmatch(r"[ivxlc]+", head) for head in heads)


def _number_value(number: str, roman: bool) -> tuple[int, str] | None:
    """(value, qualifiers) of a label number: '3' and 'iii' -> (3, ''), '7-bis' -> (7, 'bis')."""
    head, _, qualifiers = number.partition("-")
    if head.isdigit():
        return int(head), qualifiers
    if roman and re.fullmatch(r"[ivxlc]+", head):
        try:
            return labels.roman_to_int(head), qualifiers
        except ValueError:
            return None
    return None


def _paragraph_after_last_unit(unit_label: str, number: int,
                               index: dict[str, Provision]) -> str | None:
    """'fracción II, segundo párrafo' where II is the article's last fracción.

    A paragraph after the last fracción of an article is, by the tree's rule (DESIGN §1.2),
    the article's own; a decree may still call it the fracción's. Both name the same text.
    """
    unit = index[unit_label]
    article_label = str(Label.parse(unit_label).parent)
    article = index.get(article_label)
    if article is None or unit.kind is Kind.PARRAFO:
        return None
    numbered = [i for i, c in enumerate(article.children) if c.kind is unit.kind]
    if not numbered or article.children[numbered[-1]].label != unit_label:
        return None
    after = [c for c in article.children[numbered[-1] + 1:] if c.kind is Kind.PARRAFO]
    wanted = number - 2          # the fracción's own text is its first paragraph
    return after[wanted].label if 0 <= wanted < len(after) else None


def resolve_directives(directives: tuple[Directive, ...] | list[Directive],
            base: Document) -> tuple[tuple[Instruction, ...], tuple[tuple[str, str], ...]]:
    """Instructions in the base's labels, and (label, problem) pairs for what does not fit."""
    directives = with_shifts(directives, base)     # "recorriéndose … los subsecuentes"
    index = base.index()
    instructions: list[Instruction] = []
    problems: list[tuple[str, str]] = []
    moved_away = {d.label for d in directives if d.verb is Verb.RENUMERA}
    for directive in directives:
        if not directive.target:
            instructions.append(Instruction(directive.verb, "", None, directive.source))
            continue
        try:
            target = resolve_label(directive.label, base, index,
                                   adding=directive.verb is Verb.ADICIONA)
        except AmendmentError as exc:
            problems.append((directive.label, str(exc)))
            target = directive.label
        new_label = directive.new_label and alias_top_level(directive.new_label, index, True)
        instructions.append(Instruction(directive.verb, target, new_label, directive.source))
        problem = _check(directive.verb, target, index, moved_away)
        if problem:
            problems.append((target, problem))
    return tuple(instructions), tuple(problems)


def _check(verb: Verb, target: str, index: dict[str, Provision], moved_away: set[str]) -> str:
    if verb in (Verb.REFORMA, Verb.DEROGA, Verb.RENUMERA) and target not in index:
        return f"el instrumento ordena «se {verb}» {cite_or_label(target)}, que el texto base no tiene"
    existing = index.get(target)
    if verb is Verb.ADICIONA and existing is not None and existing.kind is not Kind.PARRAFO \
            and existing.status is Status.VIGENTE and target not in moved_away:
        return f"el instrumento adiciona {cite_or_label(target)}, que ya está vigente en el texto base"
    return ""


__all__ = ["alias_top_level", "resolve_directives", "resolve_label"]
