"""The unit a line's marker opens: an article, transitorio, apartado, fracción, inciso or numeral.

Printing slips are read here too: "l.-" and "lV." are fracciones typed with a lowercase L,
"ll." a numeral; an ordinal item is an article only if masculine ("PRIMERA" numbers cláusulas).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .line_values import Line, LineKind, make_line
from .markers import _APARTADO_RE, _ARTICLE_RE, _FRACCION_RE, _INCISO_RE, _NUMERAL_RE, _ORDINAL_ITEM_RE
from .model import Kind
from .vocabulary import is_roman

_LL = re.compile(r"l{2,3}")


@lru_cache(maxsize=1024)
def _roman_head(number: str) -> bool:
    """Is a fracción number ('XXIX-A', 'I Bis') headed by a Roman numeral? (Few distinct values.)"""
    return is_roman(number.split()[0].split("-")[0])


def _unit_line(line: str, in_transitorios: bool, lineno: int) -> Line | None:
    first = line[:1]
    if first in "AD":
        article = _ARTICLE_RE.match(line)
        if article:
            kind = LineKind.TRANSITORIO if in_transitorios else LineKind.ARTICLE
            unit = Kind.TRANSITORIO if in_transitorios else Kind.ARTICULO
            return make_line(kind, unit, article.group("num"), article.group("rest"), line, lineno)
    if first in "ABEFGH" and (first == "A" or line[1:2] == "."):
        apartado = _apartado(line, lineno)
        if apartado is not None:
            return apartado
    if first in "IVXL":
        fraccion = _FRACCION_RE.match(line)
        if fraccion and _roman_head(fraccion.group("num")):
            return make_line(LineKind.FRACCION, Kind.FRACCION, fraccion.group("num"),
                         fraccion.group("rest"), line, lineno)
    if first == "l" and line[1:3] in (".-", ". "):
        # "l.-" is fracción I typed with a lowercase L (LIVA art. 41); incisos close with ")".
        return make_line(LineKind.FRACCION, Kind.FRACCION, "I", line[3:].lstrip(" -"), line, lineno)
    if first == "l":
        fraccion = _ell_fraccion(line)  # "lV." (LFT art. 539)
        if fraccion is not None:
            return make_line(LineKind.FRACCION, Kind.FRACCION, fraccion.group("num"), fraccion.group("rest"),
                         line, lineno)
    if first.islower():
        inciso = _INCISO_RE.match(line)
        if inciso:
            return make_line(LineKind.INCISO, Kind.INCISO, inciso.group("num").replace(")", ""),
                         inciso.group("rest"), line, lineno)
    if first.isdigit() or first == "l":
        numeral = _NUMERAL_RE.match(line)
        if numeral and any(c.isdigit() for c in numeral.group("num")) or (
                numeral and _LL.fullmatch(numeral.group("num"))):
            assert numeral is not None
            value = numeral.group("num").replace("l", "1")
            return make_line(LineKind.NUMERAL, Kind.NUMERAL, value, numeral.group("rest"), line, lineno)
    if first.isupper():
        item = _ORDINAL_ITEM_RE.match(line)
        if item and (in_transitorios or _masculine(item.group("num"))):
            kind = LineKind.TRANSITORIO if in_transitorios else LineKind.ARTICLE
            unit = Kind.TRANSITORIO if in_transitorios else Kind.ARTICULO
            return make_line(kind, unit, item.group("num"), item.group("rest"), line, lineno)
    return None


def _ell_fraccion(line: str) -> re.Match[str] | None:
    """'lV. En materia de …': a fracción whose first I was printed as a lowercase L."""
    if line[1:2] not in ("I", "V", "X"):
        return None
    found = _FRACCION_RE.match("I" + line[1:])
    return found if found is not None and _roman_head(found.group("num")) else None


def _apartado(line: str, lineno: int) -> Line | None:
    """'Apartado B.- …' or a bare 'B. Del 2 de agosto.' as an APARTADO line."""
    apartado = _APARTADO_RE.match(line)
    if apartado is None:
        return None
    num = apartado.group("num") or apartado.group("bare")
    rest = apartado.group("rest") if apartado.group("num") else apartado.group("bare_rest")
    return make_line(LineKind.APARTADO, Kind.APARTADO, num, rest or "", line, lineno)


def _masculine(number: str) -> bool:
    """'PRIMERO', 'Décimo Segundo', 'ÚNICO': articles; 'PRIMERA' numbers cláusulas and bases."""
    return not number.rstrip().lower().endswith("a")
