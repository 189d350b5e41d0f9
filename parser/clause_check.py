"""What a clause names that its directives do not hold: a number read past, loudly.

The target reader skips what no rule of its grammar reads (``parser.clause_targets``): a number
after a word it does not know ("la fracci6n IX"), a list it lost track of. Each such number is a
target the instrument orders and the tracker would not apply, so every number written among a
clause's targets must turn up in some directive; one that does not is reported with the
clause's line (``parser.amendments``), and the directives read are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import labels
from .clause_tokens import Token, TokenType, tokenize
from .clauses import main_verb, split_instrument
from .directives import Directive
from .model import CONTAINER_KINDS, Kind

_QUOTED = re.compile(r"[\"“«'][^\"”»']*[\"”»']")
_KINDS = (Kind.ARTICULO, Kind.FRACCION, Kind.INCISO, Kind.APARTADO, Kind.NUMERAL, Kind.CAPITULO)


def unread_numbers(clause: str, directives: Sequence[Directive]) -> tuple[str, ...]:
    """The numbers written among ``clause``'s targets that no directive's locator holds."""
    if any(not d.target for d in directives):
        return ()                       # the instrument itself: its name may hold numbers
    text = " ".join(clause.split())
    verb_at = None if re.match(r"se\s", text, re.IGNORECASE) else main_verb(text)
    if verb_at is not None:
        text = text[verb_at:]           # not the authority's "con fundamento en los artículos …"
    targets, _ = split_instrument(text)
    held = {number for d in directives for locator in (d.target, d.new or ())
            for _, number in locator}
    out = []
    tokens = tokenize(_QUOTED.sub(" ", targets))
    for index, token in enumerate(tokens):
        if token.type is TokenType.NUM and not _readings(token.text) & held and \
                not _placing(tokens, index):
            out.append(token.text)
    return tuple(out)


def _placing(tokens: list[Token], index: int) -> bool:
    """'del artículo 83 del Título Tercero, Capítulo IV': a container's number that says where
    an article is (articles drop their containers: no directive holds it)."""
    before = tokens[index - 1] if index else None
    return before is not None and before.type is TokenType.NOUN and before.kind in CONTAINER_KINDS


def _readings(raw: str) -> set[str]:
    """Every label number ``raw`` can be, whatever unit it numbers."""
    out = set()
    for kind in _KINDS:
        try:
            out.add(labels.unit_number(kind, raw.replace(")", "")))
        except ValueError:
            continue
    return out


__all__ = ["unread_numbers"]
