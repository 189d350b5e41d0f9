"""'Entrará en vigor al día siguiente de su aprobación por la Junta de Gobierno', '… el día de su
firma': a day counted from the instrument's own approval, signing or issue, not its publication.

Agencies' acuerdos and INE's often say so ("al día siguiente de la aprobación por el Consejo
General"), and the day of that act is written elsewhere in the instrument: "mediante Acuerdo …,
dictado en su Tercera Sesión Extraordinaria, celebrada … el 01 de marzo de 2024", "El presente
Acuerdo fue aprobado en sesión extraordinaria del Consejo General celebrada el 21 de marzo de
2024". Reading such a rule as the day after publication would date the change wrong; when the
instrument gives one date for its act the rule is the day after it, else the day is pending (a
finding says why), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .dates import find_date
from .entry_rules import EntryIntoForce, RuleKind, Sentence

# "al día siguiente de su aprobación", "a partir del día siguiente de la aprobación por …",
# "al día siguiente al de su firma", "el día siguiente de su expedición"
AFTER_ACT = re.compile(
    r"d[ií]a\s+(?:siguiente|posterior)\s+(?:al\s+(?:de\s+)?|a\s+la\s+|de\s+)?(?:la\s+|su\s+)?"
    r"(?P<act>aprobaci[oó]n|firma|expedici[oó]n|emisi[oó]n|suscripci[oó]n)\b", re.IGNORECASE)
# Words that date the instrument's own act, the date following them closely: its approval or
# session ("aprobado en sesión … celebrada el 21 de marzo de 2024"), its signing ("Dado en la
# Ciudad de México, a …").
# "el día de su firma", "a partir de la fecha de su aprobación": the act's own day
ON_ACT = re.compile(
    r"(?:(?:el\s+)?d[ií]a|(?:la\s+)?fecha|a\s+partir|momento)\s+de\s+(?:su|la)\s+"
    r"(?P<act>aprobaci[oó]n|firma|expedici[oó]n|emisi[oó]n|suscripci[oó]n)\b", re.IGNORECASE)
_ACT_WORDS = re.compile(
    r"\b(?:aprobad[oa]\s+(?:en|por|mediante)|celebrad[oa]|dictad[oa]|Dad[oa]\s+en"
    r"|Expedid[oa]\s+en|[Ff]irmad[oa]\s+en)\b", re.IGNORECASE)
_WINDOW = 160       # characters after the words where their date is


def act_date(text: str) -> date | None:
    """The one date the instrument gives for its own approval, session or signing; None when
    it gives none, or several different ones (there is no telling which)."""
    found: set[date] = set()
    for words in _ACT_WORDS.finditer(text):
        after = re.split(r"[.;]\s|\n", text[words.end():words.end() + _WINDOW], maxsplit=1)[0]
        written = find_date(after)
        day = written.on() if written is not None else None
        if day is not None:
            found.add(day)
    return next(iter(found)) if len(found) == 1 else None


def counted_from_act(sentence: Sentence, act: date | None) -> Sentence:
    """A rule that counts from the instrument's act: the day after ``act`` when known, else
    unrecognized (pending, with its finding)."""
    source = sentence.rule.source
    if sentence.rule.kind is not RuleKind.UNRECOGNIZED or act is None:
        return sentence
    if AFTER_ACT.search(source):
        day = act + timedelta(days=1)
    elif ON_ACT.search(source):
        day = act
    else:
        return sentence
    return replace(sentence, rule=EntryIntoForce(RuleKind.FIXED_DATE, on=day, source=source))


def act_named(text: str) -> str | None:
    """The act a rule counts from ('aprobación', 'firma'), as its words say; None if none."""
    found = AFTER_ACT.search(text) or ON_ACT.search(text)
    return found.group("act").lower() if found is not None else None


__all__ = ["AFTER_ACT", "ON_ACT", "act_date", "act_named", "counted_from_act"]
