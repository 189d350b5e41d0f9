"""Citations as people write them <-> canonical labels.

Users never type labels. They write "57", "57 Bis", "artículo 57, fracción III",
"art. 2o.-A", "fracción IX del artículo 57" or "transitorio segundo", and read back
"artículo 57, fracción III". Both directions live here.
"""

from __future__ import annotations

import re

from errors import InputError

from . import labels
from .model import Kind
from .vocabulary import LATIN, ORDINAL

# Outermost first: the order in which an article-first citation names its parts.
_RANK = {kind: rank for rank, kind in enumerate((
    Kind.LIBRO, Kind.TITULO, Kind.CAPITULO, Kind.SECCION, Kind.TRANSITORIO, Kind.ARTICULO,
    Kind.APARTADO, Kind.PARRAFO, Kind.FRACCION, Kind.INCISO, Kind.NUMERAL))}

_NOUNS: tuple[tuple[Kind, str], ...] = (
    (Kind.ARTICULO, r"art[ií]culos?|arts?(?:\.|\b)"),
    (Kind.FRACCION, r"fracci[oó]n(?:es)?|fracc?\.|fr\."),
    (Kind.INCISO, r"incisos?|inc\."),
    (Kind.PARRAFO, r"p[aá]rrafos?|p[aá]rr?\."),
    (Kind.NUMERAL, r"numeral(?:es)?|num\."),
    (Kind.APARTADO, r"apartados?|apdo\.|apt\."),
    (Kind.TRANSITORIO, r"transitorios?"),
    (Kind.LIBRO, r"libros?"),
    (Kind.TITULO, r"t[ií]tulos?"),
    (Kind.CAPITULO, r"cap[ií]tulos?|cap\."),
    (Kind.SECCION, r"secci[oó]n(?:es)?|secc?\."),
)
_NUMBER = (
    rf"(?:\d+(?:\s*(?:o\.|º|°)|o\b)?(?:\s*\.?-?\s*[A-ZÑa-zñ]\b)?(?:[\s-]+(?:{LATIN}|\d+|[A-ZÑ]\b))*"
    rf"|(?:{ORDINAL})(?:\s+{LATIN})?"
    rf"|[IVXLC]+\b(?:-[A-ZÑ]\b)?(?:\s+{LATIN})*"
    rf"|[a-zñ](?:\)|\b)(?:\s+{LATIN})?)"
)
# Nouns start a word: "art" inside "cuarto" or "Bellas Artes" is no article.
_NOUN_RE = re.compile(
    "(?<!\\w)(?:" + "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_NOUNS)) + ")",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(rf"\s*(?P<num>{_NUMBER})", re.IGNORECASE)
_ORDINAL_BEFORE_RE = re.compile(rf"(?P<num>{ORDINAL})\s+$", re.IGNORECASE)


def _locators(text: str) -> list[tuple[Kind, str]]:
    """Every 'noun number' pair in the order written; a bare leading number is an article."""
    found: list[tuple[Kind, str]] = []
    bare = re.match(rf"\s*(?P<num>{_NUMBER})\s*(?:,|$)", text, re.IGNORECASE)
    if bare and not _NOUN_RE.match(text.strip()):
        found.append((Kind.ARTICULO, bare.group("num")))
        text = text[bare.end():]
    for match in _NOUN_RE.finditer(text):
        kind = next(_NOUNS[int(name[1:])][0] for name, value in match.groupdict().items()
                    if value)
        after = _NUMBER_RE.match(text, match.end())
        before = _ORDINAL_BEFORE_RE.search(text[:match.start()])
        if kind is Kind.TRANSITORIO and found and found[-1][0] is Kind.ARTICULO and not after:
            # "artículo segundo transitorio"
            found[-1] = (Kind.TRANSITORIO, found[-1][1])
        elif after:
            found.append((kind, after.group("num")))
        elif before:
            found.append((kind, before.group("num")))
        else:
            raise InputError(f"citation names a {kind} without saying which: {text.strip()!r}")
    return found


def parse_citation(text: str) -> str:
    """The canonical label of a citation as people write it.

    >>> parse_citation("artículo 57, fracción III")
    'art_57__frac_iii'
    >>> parse_citation("fracción IX del artículo 57"), parse_citation("art. 2o.-A")
    ('art_57__frac_ix', 'art_2-a')
    >>> parse_citation("57 Bis"), parse_citation("artículo 56, párrafo primero")
    ('art_57-bis', 'art_56__par_1')
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InputError("empty citation")
    if labels.is_label(cleaned.lower()):
        return cleaned.lower()
    try:
        found = _locators(cleaned)
    except ValueError as exc:
        raise InputError(f"cannot read citation {text!r}: {exc}") from None
    if not found:
        raise InputError(f"cannot read citation {text!r}: no artículo, fracción or other unit")
    if len(found) > 1 and _RANK[found[0][0]] > _RANK[found[-1][0]]:
        found.reverse()  # unit-first: "el inciso h) de la fracción III del artículo 11"
    try:
        parts = [labels.part(kind, number.strip()) for kind, number in found]
    except ValueError as exc:
        raise InputError(f"cannot read citation {text!r}: {exc}") from None
    return str(_drop_containers_before_article(labels.Label.parse(labels.join(*parts))))


def _drop_containers_before_article(label: labels.Label) -> labels.Label:
    """Article labels never carry their chapter path (articles are unique in a document)."""
    kinds = [kind for kind, _ in label.parts]
    return labels.Label(label.parts[kinds.index(Kind.ARTICULO):]) if Kind.ARTICULO in kinds else label


_NAMES = {
    Kind.LIBRO: "libro", Kind.TITULO: "título", Kind.CAPITULO: "capítulo",
    Kind.SECCION: "sección", Kind.ARTICULO: "artículo", Kind.APARTADO: "apartado",
    Kind.PARRAFO: "párrafo", Kind.FRACCION: "fracción", Kind.INCISO: "inciso",
    Kind.NUMERAL: "numeral", Kind.TRANSITORIO: "transitorio",
}


def format_citation(label: str) -> str:
    """A label as a lawyer writes it.

    >>> format_citation("art_57__frac_iii"), format_citation("art_56__par_1")
    ('artículo 57, fracción III', 'artículo 56, párrafo primero')
    >>> format_citation("art_11__frac_iii__inc_h"), format_citation("tra_2")
    ('artículo 11, fracción III, inciso h)', 'transitorio segundo')
    """
    out = []
    for kind, number in labels.split(label):
        if kind in (Kind.PARRAFO, Kind.TRANSITORIO) and number.isdigit() and int(number) < 100:
            shown = labels.int_to_ordinal(int(number))
        else:
            shown = labels.display_number(kind, number)
        out.append(f"{_NAMES[kind]} {shown}")
    return ", ".join(out)
