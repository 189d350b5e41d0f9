"""What a DOF publication does to the body of law, and to which instrument, read from its title.

DOF titles follow a stable drafting grammar (research/mx-amendment-grammar.md, dof-source §10):

* amendments: "DECRETO por el que se reforman, adicionan y derogan diversas disposiciones del
  Reglamento de …", "ACUERDO por el que se modifica el Manual …", "MODIFICACIÓN al Estatuto
  Orgánico de …", "DECRETO por el que se declara reformado el artículo … de la Constitución …";
* new instruments: "DECRETO por el que se expide la Ley …", "ACUERDO por el que se emiten los
  Lineamientos …", or a title that *is* the instrument ("ESTATUTO Orgánico de …");
* abrogations: "… por el que se abroga el …", "… se deja sin efectos el …";
* corrections: "FE de erratas …", "ACLARACIÓN …", "NOTA aclaratoria …", linked to the instrument
  of the publication they correct.

Everything else (convenios, avisos, tipo de cambio, sentencias, …) is ``other``. Matching is done
on an accent-folded, lowercased copy of the same length, so positions map back to the original.
"""

from __future__ import annotations

import re
import unicodedata

from gazette import NoticeKind

_INSTRUMENTS = (
    "constitucion politica", "ley", "leyes", "codigo", "reglamento", "estatuto", "decreto",
    "acuerdo", "lineamientos", "reglas", "manual", "norma oficial mexicana", "normas", "disposiciones",
    "condiciones generales", "disposiciones de caracter general", "bases", "criterios",
    "politicas", "clasificador", "tarifa", "resolucion miscelanea", "programa", "presupuesto",
    "tratado", "convenio", "protocolo", "nomenclatura", "catalogo", "guia", "procedimiento",
)
_INSTRUMENT = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _INSTRUMENTS) + r")\b")
_VERB = re.compile(
    r"\b(?:se|que)\s+(?:(reforman?|adicionan?|derogan?|modifican?)"
    r"|declaran?\s+(?:reformad|adicionad|derogad)\w*"
    r"|(expiden?|emiten?|crea|aprueban?)"
    r"|(abrogan?|dejan?\s+sin\s+efectos?))\b")
_AMEND_HEAD = re.compile(r"^(?:modificacion(?:es)?|reformas?|adicion(?:es)?)\s+(?:a|al)\b")
_ERRATA_HEAD = re.compile(r"^(?:fe\s+de\s+erratas|aclaracion|nota\s+aclaratoria)\b")
_CONNECTOR = re.compile(r"[\s,.:-]*(?:(?:a\s+la|a\s+los|a\s+las|al|a|de\s+la|de\s+los|de\s+las|"
                        r"del|de|relativas?\s+a|en|sobre)\s+)?")
_END = re.compile(r",?\s+publicad[oa]s?\b|,\s+en\s+materia\b|,?\s+para\s+quedar\b|;"
                  r"|,?\s+y\s+se\s+(?:reforma|adiciona|deroga|modifica|abroga|expide|emite)"
                  r"|,\s+que\s+se\s+publico\b")
_SIMILAR = re.compile(r"\s*(?:el|la|los|las)\s+(?:similar|diverso)(?:e?s)?\s+")


def fold(text: str) -> str:
    """Lowercase and strip accents, one character for one, so indexes stay aligned."""
    return "".join((unicodedata.normalize("NFD", c)[0] if c.isalpha() else c).lower()
                   for c in text)


def _clean(fragment: str) -> str | None:
    """Cut an instrument name at the clause that follows it; capitalise its first letter."""
    folded = fold(fragment)
    end = _END.search(folded)
    name = fragment[: end.start()] if end else fragment
    words = " ".join(name.split()).rstrip(" .,").split(" ")
    if len(words) > 1 and words[0].isupper() and not words[1].isupper():
        words[0] = words[0].capitalize()  # "ESTATUTO Orgánico de …" names the "Estatuto …"
    name = " ".join(words)
    return name[0].upper() + name[1:] if name else None


def _instrument_after(title: str, start: int) -> str | None:
    """The first capitalised instrument name at or after ``start``, as the title spells it."""
    folded = fold(title)
    similar = _SIMILAR.match(folded, start)
    if similar is not None:  # "se modifica el similar que …": the same kind as this instrument
        head = title.split(maxsplit=1)[0].capitalize()
        rest = _clean(title[similar.end():])
        return f"{head} {rest[0].lower()}{rest[1:]}" if rest else None
    for match in _INSTRUMENT.finditer(folded, start):
        if title[match.start()].isupper():
            return _clean(title[match.start():])
    return None


def _errata(title: str, folded: str, head_end: int) -> tuple[NoticeKind, str | None]:
    """An erratum names the publication it corrects; report the instrument that one touches."""
    connector = _CONNECTOR.match(folded, head_end)
    inner = title[connector.end() if connector else head_end:]
    _, document = classify(inner)
    return NoticeKind.ERRATA, document or _instrument_after(inner, 0)


def classify(title: str) -> tuple[NoticeKind, str | None]:
    """Classify a notice by its title: (kind, instrument it touches or None).

    >>> classify("MODIFICACIÓN al Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR.")
    (<NoticeKind.AMENDS: 'amends'>, 'Estatuto Orgánico de Servicios de Salud del IMSS-BIENESTAR')
    >>> classify("Tipo de cambio para solventar obligaciones denominadas en moneda extranjera.")
    (<NoticeKind.OTHER: 'other'>, None)
    """
    title = " ".join(title.split())
    folded = fold(title)
    errata = _ERRATA_HEAD.match(folded)
    if errata is not None:
        return _errata(title, folded, errata.end())
    amend_head = _AMEND_HEAD.match(folded)
    if amend_head is not None:
        document = _instrument_after(title, amend_head.end())
        return (NoticeKind.AMENDS, document) if document else (NoticeKind.OTHER, None)
    verb = _VERB.search(folded)
    if verb is None:
        if _INSTRUMENT.match(folded) and folded.split(maxsplit=1)[0] not in {"acuerdo", "decreto",
                                                                             "convenio"}:
            return NoticeKind.CREATES, _clean(title)  # the title is the instrument itself
        return NoticeKind.OTHER, None
    creates, abrogates = verb.group(2), verb.group(3)
    kind = (NoticeKind.CREATES if creates else
            NoticeKind.ABROGATES if abrogates else NoticeKind.AMENDS)
    document = _instrument_after(title, verb.end())
    return (kind, document) if document else (NoticeKind.OTHER, None)
