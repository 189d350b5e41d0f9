"""The law's own words for the tracker's values: what people read instead of enum names.

Keyed by the values' strings (a change type's word is its own ``ChangeType.spanish``); a value
without one is shown as "(sin nombre)" rather than as its internal name (tests check every enum
member has its word).
"""

from __future__ import annotations

from datetime import date

from diffing import ChangeType, DiscrepancyKind
from gazette import Edition, Notice, NoticeKind
from parser.cite_text import cite
from parser.date_text import long_date

CHANGE_WORDS = {kind.value: kind.spanish for kind in ChangeType}
STATUS_WORDS = {"vigente": "vigente", "derogado": "derogado", "abrogado": "abrogado"}
EDITION_WORDS = {edition.value: edition.spanish for edition in Edition}
NOTICE_KIND_WORDS = {kind.value: kind.spanish for kind in NoticeKind}
DISCREPANCY_WORDS = {kind.value: kind.spanish for kind in DiscrepancyKind}
RUN_WORDS = {"ok": "leída", "noop": "ya leída", "failed": "falló (se reintenta en la próxima ejecución)",
             "running": "en curso", "needs_attention": "necesita atención (se reintenta en cada corrida)"}
UNNAMED = "(sin nombre)"
NO_NOTICE = "sin aviso del DOF (texto registrado a mano)"


def word(table: dict[str, str], value: object) -> str:
    """The word for ``value`` (an enum or its string) in ``table``."""
    return table.get(str(value), UNNAMED)


def change_word(kind: ChangeType | str, from_label: str | None = None) -> str:
    """'reformado'; a renumbering says where the unit was: 'renumerado (antes fracción V)'.

    >>> change_word("renumbered", "art_4__frac_v"), change_word(ChangeType.ADDED)
    ('renumerado (antes artículo 4, fracción V)', 'adicionado')
    """
    shown = word(CHANGE_WORDS, kind)
    return f"{shown} (antes {cite(from_label)})" if from_label else shown


def edition_word(edition: object) -> str:
    return word(EDITION_WORDS, edition)


def short_date(day: date) -> str:
    """'15/05/2024': how the DOF dates its notices ("DOF 15/05/2024")."""
    return f"{day:%d/%m/%Y}"


def notice_ref(notice: Notice | None) -> str:
    """'DOF 15/05/2024, edición matutina, código 5727205'."""
    if notice is None:
        return NO_NOTICE
    return f"DOF {short_date(notice.date)}, edición {edition_word(notice.edition)}, código {notice.codigo}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 hallazgo', '4 hallazgos', '2 ediciones' (``many`` when -s is not the plural)."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


__all__ = ["CHANGE_WORDS", "DISCREPANCY_WORDS", "EDITION_WORDS", "NOTICE_KIND_WORDS", "NO_NOTICE",
           "RUN_WORDS", "STATUS_WORDS", "UNNAMED", "change_word", "edition_word", "long_date",
           "notice_ref", "plural", "short_date", "word"]
