"""What a transitorio's exception names, as labels of the amended text where it can be placed.

"lo dispuesto en el artículo 30-B de este ordenamiento" -> ``art_30-b``; "la reforma al
artículo 109, fracción XXVI de la Ley del Impuesto sobre la Renta" -> ``art_109__frac_xxvi``
(of that law); "los artículos 45-A, 45-B y 49" -> three labels. What names the decree itself
— its own artículos ("los artículos Cuarto, Quinto y Sexto del presente Decreto"), its
transitorios, "las disposiciones … relativas a la ejecución penal" — is not guessed: the
reference stays unplaced, as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from errors import InputError

from . import labels
from .citations import parse_citation
from .model import Kind
from .vocabulary import LATIN, ORDINAL, fold_text

_ARTICLE_NUMBER = (rf"\d+(?:\s*(?:o\.|º|°)|o\b)?(?:\s*-\s*(?:[A-ZÑ]\b|\d+\b)|\s+(?:{LATIN})\b"
                   rf"(?:\s+\d+\b)?)*")
_ARTICLES_RE = re.compile(
    rf"\bart[ií]culos?\s+(?P<list>{_ARTICLE_NUMBER}(?:\s*(?:,|;|\by\b|\be\b)\s*{_ARTICLE_NUMBER})*)",
    re.IGNORECASE)
_ONE_NUMBER_RE = re.compile(_ARTICLE_NUMBER, re.IGNORECASE)
_ORDINAL_ARTICLE_RE = re.compile(rf"\bart[ií]culos?\s+(?:{ORDINAL})\b", re.IGNORECASE)
# Units named before the article: "el primer párrafo del artículo 23", "la fracción IV del".
_BEFORE_RE = re.compile(
    rf"(?:(?:(?:{ORDINAL})\s+)?(?:p[aá]rrafo|fracci[oó]n|inciso|apartado)(?:\s+(?:[IVXLC]+\b(?:-[A-ZÑ]\b)?|"
    rf"[a-zñ]\)|[A-Z]\b|{ORDINAL}))?\s*,?\s*(?:del|de\s+la|de\s+los|de\s+las|de)\s+)+$", re.IGNORECASE)
# Units named after it: "artículo 15, fracción X, inciso b), segundo párrafo".
_AFTER_RE = re.compile(
    rf"^(?:\s*,?\s*(?:fracci[oó]n\s+[IVXLC]+\b(?:-[A-ZÑ]\b)?|inciso\s+[a-zñ]\)|apartado\s+[A-Z]\b|"
    rf"(?:{ORDINAL})\s+p[aá]rrafo|p[aá]rrafo\s+(?:{ORDINAL})))+", re.IGNORECASE)
# The decree's own parts, or a subject no label names.
_UNPLACEABLE_RE = re.compile(r"transitori|presente\s+articulo|siguiente\s+articulo")
# Digits that number the decree's own artículos: "los artículos 1o. y 3o., del presente decreto".
_OF_THE_DECREE_RE = re.compile(r"^[\s,.]*(?:del?|de\s+este|del\s+presente)\s+(?:presente\s+)?decreto")
_OF_THE_CONSTITUTION_RE = re.compile(r"^\s*(?:constitucional|de\s+la\s+constitucion)")
_NAMED_LAW_RE = re.compile(
    r"\b(?:de\s+la|del)\s+(?P<law>(?:Ley|C[oó]digo|Reglamento)\b[^,;:]*?)(?=,|;|:|$|\s+(?:que|el\s+cual|la\s+cual|"
    r"los\s+cuales|las\s+cuales|entrar)\b)")


@dataclass(frozen=True, slots=True)
class Reference:
    """The provisions a transitorio names: labels where placed, and the words as written.

    ``unplaced`` is true when the words name something the amended text's labels cannot say
    (the decree's own articles or transitorios, a subject matter); ``instrument`` is the law
    the words name ("Ley del Impuesto sobre la Renta"), "" for the amended text itself.
    """

    text: str
    labels: tuple[str, ...] = ()
    instrument: str = ""
    unplaced: bool = False


def read_reference(text: str) -> Reference:
    """The labels a reference names, or an unplaced reference.

    >>> read_reference("lo dispuesto en el artículo 9").labels
    ('art_9',)
    >>> read_reference("las reformas a la fracción IV del artículo 5").labels
    ('art_5__frac_iv',)
    >>> read_reference("lo previsto en el artículo Segundo Transitorio").unplaced
    True
    """
    text = " ".join(text.split()).strip(" ,.-")
    folded = fold_text(text)
    law = _NAMED_LAW_RE.search(text)
    instrument = law.group("law").strip() if law else ""
    if _UNPLACEABLE_RE.search(folded):
        return Reference(text, (), instrument, unplaced=True)
    found: list[str] = []
    for match in _ARTICLES_RE.finditer(text):
        following = fold_text(text[match.end():])
        if _OF_THE_DECREE_RE.match(following):
            return Reference(text, (), instrument, unplaced=True)
        if _OF_THE_CONSTITUTION_RE.match(following):
            continue   # a law's name: "…, Reglamentaria del Apartado B) del Artículo 123 Constitucional"
        found.extend(_labels_of(text, match))
    decree_article = _ORDINAL_ARTICLE_RE.search(text)
    if decree_article and found:
        # "las reformas a los artículos 5, 8 … contenidas en el artículo Segundo de este
        # Decreto": the decree's article says which law; the digits are that law's.
        instrument = instrument or text[decree_article.start():].strip()
    return Reference(text, tuple(dict.fromkeys(found)), instrument, unplaced=not found)


def _labels_of(text: str, match: re.Match[str]) -> list[str]:
    numbers = [n.group(0) for n in _ONE_NUMBER_RE.finditer(match.group("list"))]
    if len(numbers) != 1:
        return [labels.part(Kind.ARTICULO, n) for n in numbers]
    before = _BEFORE_RE.search(text[:match.start()])
    after = _AFTER_RE.match(text[match.end():])
    citation = ((before.group(0) if before else "") + match.group(0)
                + (after.group(0) if after else ""))
    try:
        return [parse_citation(citation)]
    except InputError:
        return [labels.part(Kind.ARTICULO, numbers[0])]


__all__ = ["Reference", "read_reference"]
