"""Where a line goes in the statute tree: list and párrafo placement, epigraphs, enacting articles.

Pure judgments over lines and open nodes, used by ``parser.tree.Builder``: ``next_items`` looks
ahead for the next list item of each line (a párrafo belongs to the list item the next one
continues), ``same_list`` / ``continues`` / ``ends_list`` tell whether a list goes on or ended,
``is_epigraph`` / ``has_epigraph_layout`` whether an article's first phrase is its epigraph, and
``is_enacting`` whether an article enacts a statute rather than being one of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import Line, LineKind
from .model import Kind
from .tree_nodes import Node, base_value, is_subnumeral

LIST_KINDS = {LineKind.APARTADO: Kind.APARTADO, LineKind.FRACCION: Kind.FRACCION,
               LineKind.INCISO: Kind.INCISO, LineKind.NUMERAL: Kind.NUMERAL}
_BOUNDARY = frozenset({LineKind.ARTICLE, LineKind.TRANSITORIO, LineKind.HEADING,
                       LineKind.TRANSITORIOS_HEADING, LineKind.APPENDIX, LineKind.SIGNATURE})
_ENACTING_RE = re.compile(
    r"(?:Se\s+(?i:expiden?)\b|.*\bpara\s+quedar\s+(?:como\s+sigue|en\s+los\s+siguientes\s+t[ée]rminos))",
    re.DOTALL)


def next_items(lines: Sequence[Line], top_opens: frozenset[int] = frozenset()) -> list[Line | None]:
    """For each line, the next list item (or ranged elision) before the unit ends (a top-level
    numeral or apartado ends one, as an article does)."""
    out: list[Line | None] = [None] * len(lines)
    ahead: Line | None = None
    for index in range(len(lines) - 1, -1, -1):
        out[index] = ahead
        line = lines[index]
        if line.kind in _BOUNDARY or index in top_opens:
            ahead = None
        elif line.kind in LIST_KINDS or (line.kind is LineKind.ELISION and line.unit in (
                Kind.FRACCION, Kind.INCISO, Kind.NUMERAL, Kind.APARTADO)):
            ahead = line
    return out


def same_list(node: Node, kind: Kind | None, number: str) -> bool:
    """Is an item of ``kind`` numbered ``number`` in the list ``node`` belongs to? Arabic
    numerales and subnumerales are both NUMERAL, in two lists."""
    return node.kind is kind and is_subnumeral(kind, node.number) == is_subnumeral(kind, number)


_CLOSING = (", y", "; y", ", o", "; o", "; y,", "; o,")


def ends_list(parent: Node, item: Node) -> bool:
    """Is ``item`` the last of its list, its text ended? The item before it announced the last
    ('…, y' / '…; o') and its own text ends with a full stop (LIC 46 Bis 1 VI: 'a) …, y' /
    'b) … de que se trate.' / 'La celebración …', a párrafo of the fracción)."""
    if item.kind is not Kind.INCISO or not item.text.endswith(".") or item.children:
        return False
    siblings = [child for child in parent.children if child.kind is item.kind]
    return len(siblings) > 1 and siblings[-1] is item and siblings[-2].text.endswith(_CLOSING)


def continues(node: Node, ahead: Line) -> bool:
    """Is ``ahead`` the same list as ``node`` going on (next number, or a Bis of it)?"""
    current = base_value(node.kind, node.number)
    following = base_value(node.kind, ahead.number)
    return following in (current, current + 1) or (
        node.kind is Kind.INCISO and following == current + 2 and node.number.startswith("n"))


def is_epigraph(line: Line) -> bool:
    """'Artículo 211. Etapas del procedimiento penal': a period (no dash) after the number and a
    capitalised phrase without final punctuation: the article's epigraph, not its first paragraph."""
    text = line.text
    if not text or line.elided or line.derogated or not text[:1].isupper() or len(text) > 200 \
            or text.endswith((".", ":", ";", ",", "…")):
        return False
    marker = line.raw[:len(line.raw) - len(text)].rstrip()
    return marker.endswith(".")


def has_epigraph_layout(lines: Sequence[Line]) -> bool:
    """Does the text give (most of) its articles an epigraph? Decided once per text, so that an
    article of another code whose first sentence lacks its full stop is never taken for one."""
    articles = [line for line in lines if line.kind in (LineKind.ARTICLE, LineKind.TRANSITORIO)
                and line.raw[:1] in "AÁ"]
    return len(articles) >= 8 and sum(map(is_epigraph, articles)) * 2 > len(articles)


def is_enacting(line: Line) -> bool:
    """'ARTÍCULO ÚNICO.- Se expide la Ley ...' or '... para quedar como sigue:' (decree, not law)."""
    if not line.number or line.number[0].isdigit():
        return False
    return _ENACTING_RE.match(line.text) is not None


__all__ = ["LIST_KINDS", "continues", "ends_list", "has_epigraph_layout", "is_enacting", "is_epigraph",
           "next_items", "same_list"]
