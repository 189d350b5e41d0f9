"""Do two names name the same legal instrument? The one matcher of the project.

Names come from the DOF index ("ESTATUTO Orgánico de … (IMSS-BIENESTAR)."), from the operative
clause of an amending decree ("Se reforma … del Estatuto Orgánico de Servicios de Salud del
IMSS-BIENESTAR") and from titles we store; they differ in case, accents, punctuation, a leading
article, and in an acronym written out or not. Matching is deliberately strict, and never a
substring test: a wrong match amends the wrong document, a missed one only leaves instructions
pending. ``diffing.amend`` uses it to pick a decree's operative articles for a base text, and
``store.matching`` to find the tracked document a notice names. Pure.
"""

from __future__ import annotations

import re

from .labels import fold

_PAREN_TAIL = re.compile(r"^(?P<name>.*?)\s*\((?P<acronym>[^()]+)\)\s*\.?\s*$")
_ARTICLES = frozenset({"el", "la", "los", "las"})
# ", publicado en el Diario Oficial de la Federación el 23 de junio de 2025 y sus posteriores
# modificaciones": how a clause pins an instrument down; the title itself stops before it
_PUBLICATION = re.compile(
    r",?\s*(?:publicad[oa]s?|expedid[oa]s?)\s+(?:en\s+el\s+Diario\s+Oficial\s+de\s+la\s+"
    r"Federaci[oó]n\s+)?(?:el\s+(?:d[ií]a\s+)?)?(?P<date>\d{1,2}(?:o\.?|º)?\s+de\s+[a-zA-Z]+\s+"
    r"(?:de|del)\s+\d{4})(?:\s*,?\s*y\s+sus\s+(?:posteriores\s+)?(?:modificaciones|reformas))?"
    r"\s*\.?\s*$", re.IGNORECASE)


def _publication(name: str) -> tuple[str, str]:
    """(the name without a trailing publication reference, that reference's date folded or '')."""
    match = _PUBLICATION.search(name)
    if match is None:
        return name, ""
    return name[:match.start()], " ".join(fold(match.group("date")).split())


def name_words(name: str) -> tuple[str, ...]:
    """A name as lowercase ASCII words, punctuation and a leading article dropped.

    >>> name_words("el Reglamento Interior de la Secretaría de Salud.")
    ('reglamento', 'interior', 'de', 'la', 'secretaria', 'de', 'salud')
    """
    words = re.sub(r"[^a-z0-9]+", " ", fold(name)).split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return tuple(words)


def _name_parts(title: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the name without a trailing '(ACRONYM)', the acronym's words or ())."""
    match = _PAREN_TAIL.match(" ".join(title.split()))
    if match is None:
        return name_words(title), ()
    return name_words(match.group("name")), name_words(match.group("acronym"))


def _names_by_acronym(short: tuple[str, ...], name: tuple[str, ...], acronym: tuple[str, ...]) -> bool:
    """``short`` is ``name`` with its trailing expansion replaced by ``acronym``.

    "Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR" names "Estatuto Orgánico de
    Servicios de Salud del Instituto Mexicano del Seguro Social para el Bienestar (IMSS-BIENESTAR)".
    """
    if not acronym or len(short) <= len(acronym) or short[-len(acronym):] != acronym:
        return False
    head = short[: -len(acronym)]
    return len(name) > len(head) and name[: len(head)] == head


def same_instrument(a: str, b: str) -> bool:
    """Do two names name the same instrument? (case, accents, punctuation and a leading article
    ignored; a parenthesised acronym may stand for the name it abbreviates; a trailing
    "publicado en el Diario Oficial de la Federación el …" is not part of the name). Symmetric.

    Not a substring test: "Ley General de Salud" is not the "Reglamento de la Ley General de
    Salud en materia de Publicidad", nor "Estatuto Orgánico del IMSS" every Estatuto of the IMSS.

    >>> same_instrument("Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR",
    ...     "ESTATUTO Orgánico de Servicios de Salud del Instituto Mexicano del Seguro Social "
    ...     "para el Bienestar (IMSS-BIENESTAR).")
    True
    >>> same_instrument("Ley General de Salud", "Reglamento de la Ley General de Salud")
    False
    >>> same_instrument("Ley Federal del Trabajo (LFT)", "Ley Federal del Trabajo (LFTR)")
    False

    A publication reference pins the instrument down; two different ones name two instruments:

    >>> same_instrument("Acuerdo X publicado en el Diario Oficial de la Federación el 23 de "
    ...                 "junio de 2025", "ACUERDO X")
    True
    >>> same_instrument("Acuerdo X, publicado el 23 de junio de 2025", "Acuerdo X, publicado el "
    ...                 "2 de enero de 2024 y sus posteriores modificaciones")
    False
    """
    a, published_a = _publication(a)
    b, published_b = _publication(b)
    if published_a and published_b and published_a != published_b:
        return False
    name_a, acr_a = _name_parts(a)
    name_b, acr_b = _name_parts(b)
    if not name_a or not name_b:
        return False
    if name_a == name_b:
        return not (acr_a and acr_b) or acr_a == acr_b
    words_a, words_b = name_words(a), name_words(b)
    return (_names_by_acronym(words_a, name_b, acr_b) or _names_by_acronym(words_b, name_a, acr_a)
            or (bool(acr_a) and words_b == name_a) or (bool(acr_b) and words_a == name_b))


__all__ = ["name_words", "same_instrument"]
