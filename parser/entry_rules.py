"""The words of "… entrará en vigor …" read into rules (grammar §8).

A transitorio sentence says who enters into force (the instrument, or some provisions), when,
and maybe "salvo …", "con excepción de …" with provisions and their own when. ``read_when``
reads a when; ``read_sentences`` cuts a transitorio into the rules it states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from .calendar import add_business_days, add_months
from .dates import COUNT, FoundDate, YearOf, count_value, find_date
from .transitorio_refs import Reference, read_reference
from .vocabulary import fold_text


class RuleKind(StrEnum):
    """What an entry-into-force rule counts from."""

    DAY_AFTER_PUBLICATION = "day_after_publication"
    BUSINESS_DAY_AFTER_PUBLICATION = "business_day_after_publication"
    PUBLICATION_DAY = "publication_day"
    FIXED_DATE = "fixed_date"
    DATE_IN_YEAR_OF_PUBLICATION = "date_in_year_of_publication"  # "del año siguiente a su …"
    DAYS_AFTER_PUBLICATION = "days_after_publication"
    BUSINESS_DAYS_AFTER_PUBLICATION = "business_days_after_publication"
    MONTHS_AFTER_PUBLICATION = "months_after_publication"
    DAYS_AFTER_ENTRY_INTO_FORCE = "days_after_entry_into_force"   # of the decree itself
    MONTHS_AFTER_ENTRY_INTO_FORCE = "months_after_entry_into_force"
    FISCAL_YEAR = "fiscal_year"
    DECLARATORIA = "declaratoria"      # a later notice fixes the day
    CONDITION = "condition"            # "una vez que …": a later event fixes the day
    ELSEWHERE = "elsewhere"            # "salvo lo dispuesto en el Transitorio siguiente"
    DEFAULT_CCF_3 = "default_ccf_3"
    UNRECOGNIZED = "unrecognized"


@dataclass(frozen=True, slots=True)
class Pending:
    """No day is fixed yet: a declaratoria or an event to come, or words not understood.
    ``reason`` is Spanish (people read it)."""

    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"pending": self.reason}


_PENDING_REASONS = {
    RuleKind.DECLARATORIA: "pendiente: la fecha depende de una declaratoria",
    RuleKind.CONDITION: "pendiente: la fecha depende de un hecho futuro",
    RuleKind.ELSEWHERE: "pendiente: la fecha la fija otra disposición",
    RuleKind.UNRECOGNIZED: "pendiente: no se entiende la fecha de entrada en vigor",
}


@dataclass(frozen=True, slots=True)
class EntryIntoForce:
    """When an instrument (or some of its provisions) takes effect, as its transitorios say."""

    kind: RuleKind
    on: date | None = None
    days: int | None = None
    months: int | None = None
    source: str = ""
    month_day: tuple[int, int] | None = None   # DATE_IN_YEAR_OF_PUBLICATION: (month, day)
    years_after: int = 0                       # … of the publication's year plus this

    def in_force(self, published: date, decree: date | Pending | None = None) -> date | Pending:
        """The first day in force for a publication day; ``decree`` is the decree's own day,
        for rules counted from it ("a los 270 días de la entrada en vigor de este Decreto")."""
        kind = self.kind
        if kind in _PENDING_REASONS:
            return Pending(_PENDING_REASONS[kind])
        if kind in (RuleKind.DAYS_AFTER_ENTRY_INTO_FORCE, RuleKind.MONTHS_AFTER_ENTRY_INTO_FORCE):
            if not isinstance(decree, date):
                return decree or Pending("pendiente: se cuenta desde la entrada en vigor del decreto")
            return _after(decree, self.days, self.months)
        fixed = self._from_publication(published)
        return fixed if fixed is not None else Pending(_PENDING_REASONS[RuleKind.UNRECOGNIZED])

    def _from_publication(self, published: date) -> date | None:
        kind = self.kind
        if kind is RuleKind.DAY_AFTER_PUBLICATION:
            return published + timedelta(days=1)
        if kind is RuleKind.BUSINESS_DAY_AFTER_PUBLICATION:
            return add_business_days(published, 1)
        if kind is RuleKind.PUBLICATION_DAY:
            return published
        if kind is RuleKind.DEFAULT_CCF_3:
            return published + timedelta(days=3)
        if kind is RuleKind.BUSINESS_DAYS_AFTER_PUBLICATION and self.days is not None:
            return add_business_days(published, self.days)
        if kind in (RuleKind.DAYS_AFTER_PUBLICATION, RuleKind.MONTHS_AFTER_PUBLICATION):
            return _after(published, self.days, self.months)
        if kind is RuleKind.DATE_IN_YEAR_OF_PUBLICATION and self.month_day is not None:
            return date(published.year + self.years_after, *self.month_day)
        return self.on   # FIXED_DATE, FISCAL_YEAR

    def effective(self, published: date) -> date | None:
        """The first day in force where the rule alone fixes one (None: pending)."""
        day = self.in_force(published)
        return day if isinstance(day, date) else None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": str(self.kind),
                               "date": self.on.isoformat() if self.on else None,
                               "days": self.days, "source": self.source}
        if self.months is not None:
            out["months"] = self.months
        if self.month_day is not None:
            out["month_day"] = list(self.month_day)
            out["years_after"] = self.years_after
        return out


def _after(start: date, days: int | None, months: int | None) -> date:
    return add_months(start, months) if months is not None else start + timedelta(days=days or 0)


# --- the when ---------------------------------------------------------------------------------

_UNIT_DAYS = {"dia": 1, "dias": 1}
_UNIT_MONTHS = {"mes": 1, "meses": 1, "ano": 12, "anos": 12}
_PERIOD = re.compile(
    rf"(?:a\s+los|a\s+las|al\s+(?=ano\b)|en\s+un\s+plazo\s+de|dentro\s+de\s+los)?\s*"
    rf"(?P<n>{COUNT}\s+)?(?P<unit>dias|meses|mes|anos|ano)\b(?:\s+(?P<cal>naturales|habiles))?"
    rf"(?P<rest>[^.;]{{0,120}})")
_FROM_DECREE = re.compile(r"entrada\s+en\s+vigor|entre\s+en\s+vigor|su\s+vigencia")
_PATTERNS: tuple[tuple[RuleKind, re.Pattern[str]], ...] = (
    (RuleKind.CONDITION, re.compile(
        r"\buna\s+vez\s+que\b|\ben\s+(?:la\s+(?:misma\s+)?fecha\s+en\s+)?(?:la\s+)?que\s+"
        r"(?:entren?|entra|inicie|concluya|se\s+publique)|\bcuando\b|\bal\s+mismo\s+tiempo\s+que\b|"
        r"\ben\s+los\s+mismos\s+terminos\b")),
    (RuleKind.ELSEWHERE, re.compile(r"\bfechas?\s+que\s+(?:en\s+\w+\s+\w+\s+)?(?:se\s+)?"
                                    r"(?:establec|senal|prev|indic|fij)")),
    (RuleKind.BUSINESS_DAY_AFTER_PUBLICATION, re.compile(r"dia\s+habil\s+siguiente")),
    # not "al día siguiente de su aprobación/firma/expedición" (parser.act_dates)
    (RuleKind.DAY_AFTER_PUBLICATION, re.compile(
        r"dia\s+(?:siguiente|posterior)(?!\s+(?:al\s+(?:de\s+)?|a\s+la\s+|de\s+)?(?:la\s+|su\s+)?"
        r"(?:aprobacion|firma|expedicion|emision|suscripcion)\b)")),
    (RuleKind.PUBLICATION_DAY, re.compile(r"(?:mismo\s+)?(?:dia|fecha)\s+(?:de\s+su|en\s+que\s+se\s+"
                                          r"publique|de\s+la)\s+publicacion"
                                          r"|(?:a\s+partir|al\s+momento)\s+de\s+su\s+publicacion")),
    (RuleKind.FISCAL_YEAR, re.compile(r"ejercicio\s+(?:fiscal\s+)?(?:de\s+)?(?P<year>\d{4})")),
)


def read_when(when: str, source: str, context_year: int | None = None) -> EntryIntoForce:
    """The rule a when says: a declaratoria whatever else it says, else the earliest form in
    the words ("el 1.° de enero de 2023, o al día siguiente …" is the date).

    >>> read_when("a los 10 días hábiles siguientes a su publicación", "").days
    10
    """
    folded = fold_text(when)
    if "declaratoria" in folded:   # whatever else it says, a later notice fixes the day
        return EntryIntoForce(RuleKind.DECLARATORIA, source=source)
    candidates: list[tuple[int, EntryIntoForce]] = []
    for kind, pattern in _PATTERNS:
        match = pattern.search(folded)
        if match:
            on = date(int(match.group("year")), 1, 1) if kind is RuleKind.FISCAL_YEAR else None
            candidates.append((match.start(), EntryIntoForce(kind, on=on, source=source)))
    fixed = find_date(when)
    if fixed:
        candidates.append((fixed.start, _dated(fixed, source, context_year)))
    period = _period(folded, source)
    if period:
        candidates.append(period)
    if not candidates:
        return EntryIntoForce(RuleKind.UNRECOGNIZED, source=source)
    return min(candidates, key=lambda c: c[0])[1]


def _dated(found: FoundDate, source: str, context_year: int | None) -> EntryIntoForce:
    on = found.on(context_year=context_year)
    if on is not None:
        return EntryIntoForce(RuleKind.FIXED_DATE, on=on, source=source)
    if found.year_of in (YearOf.PUBLICATION, YearOf.NEXT):
        return EntryIntoForce(RuleKind.DATE_IN_YEAR_OF_PUBLICATION, source=source,
                              month_day=(found.month, found.day),
                              years_after=int(found.year_of is YearOf.NEXT))
    return EntryIntoForce(RuleKind.UNRECOGNIZED, source=source)   # "de dicho año", no year before


def _period(folded: str, source: str) -> tuple[int, EntryIntoForce] | None:
    for match in _PERIOD.finditer(folded):
        if match.group("n") is None and not match.group(0).startswith("al"):
            continue   # "días" with no count: "el día siguiente" is read elsewhere
        try:
            count = count_value(match.group("n")) if match.group("n") else 1
        except ValueError:
            continue
        from_decree = bool(_FROM_DECREE.search(match.group("rest")))
        unit = match.group("unit")
        if unit in _UNIT_MONTHS:
            kind = (RuleKind.MONTHS_AFTER_ENTRY_INTO_FORCE if from_decree
                    else RuleKind.MONTHS_AFTER_PUBLICATION)
            return match.start(), EntryIntoForce(kind, months=count * _UNIT_MONTHS[unit],
                                                 source=source)
        if from_decree:
            kind = RuleKind.DAYS_AFTER_ENTRY_INTO_FORCE
        elif match.group("cal") == "habiles":
            kind = RuleKind.BUSINESS_DAYS_AFTER_PUBLICATION
        else:
            kind = RuleKind.DAYS_AFTER_PUBLICATION
        return match.start(), EntryIntoForce(kind, days=count, source=source)
    return None


# --- sentences ----------------------------------------------------------------------------------

_VERB = (r"entrar[áa]n?\s+en\s+vigor|(?:iniciar|comenzar|empezar)[áa]n?\s+(?:su\s+)?vigencia|"
         r"(?:comenzar|empezar)[áa]n?\s+a\s+(?:regir|surtir\s+(?:sus\s+)?efectos)|"
         r"surtir[áa]n?\s+(?:sus\s+)?efectos")
_VERB_RE = re.compile(_VERB, re.IGNORECASE)
# The sentence's own verb may be in the present ("El presente Acuerdo entra en vigor el …"); a
# later present ("… en que entra en vigor el Código …") is a condition, not another rule.
_MAIN_VERB_RE = re.compile(rf"{_VERB}|\bentran?\s+en\s+vigor", re.IGNORECASE)
_EXCEPT_RE = re.compile(r",?\s*\b(?:salvo|con\s+excepci[oó]n\s+de|a\s+excepci[oó]n\s+de|excepto|"
                        r"excepci[oó]n\s+hecha\s+de)\b", re.IGNORECASE)
_RELATIVE_RE = re.compile(r",?\s*\b(?:que|el\s+cual|la\s+cual|los\s+cuales|las\s+cuales|"
                          r"mismos?\s+que|mismas?\s+que)\s*$", re.IGNORECASE)
# A sentence ends at ". " before a capital (not "1o. de", "D. F.,", "art. 5").
# A heading glued before its text ("ARTICULO UNICO.- El presente …") ends there too.
_SENTENCE_END_RE = re.compile(r"(?<=[a-záéíóúñ)\d]{2}[.;:])\s+(?=[A-ZÁÉÍÓÚÑ¿])|"
                              r"(?<=\w)\.\s*[-–]\s+(?=[A-ZÁÉÍÓÚÑ¿])|(?<=,\sy)\s+(?=[IVXLC]+\.\s)")
_INSTRUMENT_RE = re.compile(
    r"\b(?:presente|este|esta|la|el)\s+(?:decreto|ley|acuerdo|resolucion|ordenamiento|codigo|"
    r"reglamento|norma|lineamientos?|reforma|estatuto|convenio|aviso|disposicion)\b")
_THIS_INSTRUMENT_RE = re.compile(
    r"^(?:(?:el|la|los|las)\s+)?(?:presentes?|este|esta|estos|estas)\s+\w+(?:\s+\w+)?$")
_PROVISION_RE = re.compile(
    r"\b(?:articulos?|fraccion(?:es)?|incisos?|parrafos?|apartados?|reformas?\s+(?:a|al|de)\b|"
    r"adiciones|derogaci|modificaci|disposiciones|capitulos?|titulos?|libros?|lo\s+dispuesto|"
    r"lo\s+previsto|lo\s+establecido|obligaciones)")


_LIST_ITEM_RE = re.compile(r"(?:[IVXLC]+|[a-z]\)|\d+)\.?[-.]?\s+")
# Where an exception's when ends and the next provision begins: "…; Décimo Segundo que …",
# "…, y la reforma al artículo 32 …".
_NEXT_REFERENCE_RE = re.compile(r";\s*|,?\s+y\s+(?=(?:el|la|los|las|lo)\s)|,\s*(?=(?:el|la|los|las|lo)\s)",
                                re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One rule a transitorio states: for the instrument (``reference`` None) or for provisions."""

    rule: EntryIntoForce
    reference: Reference | None


def read_sentences(text: str) -> list[Sentence]:
    """Every rule a transitorio states, in order: its subject's, then its exceptions'."""
    flat = " ".join(text.split())
    found: list[Sentence] = []
    listing: EntryIntoForce | None = None
    for sentence in _SENTENCE_END_RE.split(flat):
        verb = _MAIN_VERB_RE.search(sentence)
        item = _LIST_ITEM_RE.match(sentence)
        if verb:
            listing = _listing(sentence, verb, flat)
            found.extend(_read_sentence(sentence, verb, flat) if listing is None else [])
        elif listing is not None and item:
            # "Entrarán en vigor el día siguiente …: I. El artículo Primero …; II. Las reformas …"
            found.append(Sentence(listing, read_reference(sentence[item.end():])))
        else:
            listing = None
    return found


def _listing(sentence: str, verb: re.Match[str], source: str) -> EntryIntoForce | None:
    """The rule of "Entrarán en vigor <when>:" whose subjects are the list that follows."""
    if re.search(r"\w", sentence[:verb.start()]) or not sentence.rstrip().endswith(":"):
        return None
    return read_when(sentence[verb.end():], source)


def _read_sentence(sentence: str, verb: re.Match[str], source: str) -> list[Sentence]:
    subject = sentence[:verb.start()]
    after = sentence[verb.end():]
    exception = _EXCEPT_RE.search(after)
    rest = ""
    if exception:
        when, rest = after[:exception.start()], after[exception.end():]
    elif (second := _VERB_RE.search(after)) is not None:
        # "La reforma al artículo 15 … entrará en vigor el …, y la reforma al artículo 32 …
        # entrará en vigor el …": each provision with its own when.
        cut = _NEXT_REFERENCE_RE.search(after, 0, second.start())
        when, rest = (after[:cut.start()], after[cut.end():]) if cut else (after, "")
    else:
        when = after
    rule = read_when(when, source)
    out = [Sentence(rule, _subject_reference(subject, when))]
    if rest:
        out.extend(_exceptions(rest, source, rule.on.year if rule.on else None))
    return out


def _subject_reference(subject: str, when: str) -> Reference | None:
    """None when the subject is the instrument itself; else the provisions it names."""
    words = subject.strip(" .-–:")
    if not re.search(r"\w", words):
        # "Entrarán en vigor el …, las reformas a los artículos …": the subject comes after.
        tail = when.partition(",")[2]
        return read_reference(tail) if _PROVISION_RE.search(fold_text(tail)) else \
            Reference(words or when.strip(), unplaced=True)
    folded = fold_text(words)
    if _THIS_INSTRUMENT_RE.match(folded):
        return None     # "La presente modificación", "Este Acuerdo", "Las presentes Reglas"
    if _PROVISION_RE.search(folded) or not _INSTRUMENT_RE.search(folded):
        return read_reference(words)
    return None


def _exceptions(text: str, source: str, context_year: int | None) -> list[Sentence]:
    """'lo dispuesto en el artículo 30-B …, el cual entrará en vigor el 1 de abril de 2026'."""
    verbs = list(_VERB_RE.finditer(text))
    if not verbs:   # "salvo lo dispuesto en el Artículo Transitorio siguiente": said elsewhere
        return [Sentence(EntryIntoForce(RuleKind.ELSEWHERE, source=source),
                         read_reference(text))]
    out = []
    start = 0
    for index, verb in enumerate(verbs):
        end = verbs[index + 1].start() if index + 1 < len(verbs) else len(text)
        words = _RELATIVE_RE.sub("", text[start:verb.start()])
        when = text[verb.end():end]
        if index + 1 < len(verbs):
            cut = _NEXT_REFERENCE_RE.search(when)
            start = verb.end() + (cut.end() if cut else len(when))
            when = when[:cut.start()] if cut else when
        rule = read_when(when, source, context_year)
        context_year = rule.on.year if rule.on else context_year
        out.append(Sentence(rule, read_reference(words)))
    return out


__all__ = ["EntryIntoForce", "Pending", "RuleKind", "Sentence", "read_sentences", "read_when"]
