"""An instrument's transitorios, with the entry into force kept as data, per provision.

"PRIMERO.- El presente Decreto entrará en vigor al día siguiente de su publicación en el
Diario Oficial de la Federación." becomes ``EntryIntoForce(RuleKind.DAY_AFTER_PUBLICATION)``;
a fixed day in any DOF form, "a los N días naturales/hábiles siguientes", "a los tres meses",
a fiscal year, a Declaratoria or a condition each have their kind (grammar §8). When no
transitorio says, the rule is the Código Civil Federal's art. 3o: three days after publication
(``DEFAULT_CCF_3``, as the project decided for the place of publication). A rule whose day no
text fixes yet (a declaratoria, "una vez que …", wording not understood) is ``Pending``, never
the publication day. Exceptions ("salvo lo dispuesto en el artículo 9, que entrará en vigor el
…", "La reforma al artículo 28 … entrará en vigor …") make a ``Schedule``: the decree's rule
plus one rule per provision (parser/transitorio_refs.py places them; parser/entry_rules.py
reads the wording).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import labels
from .act_dates import act_named, counted_from_act
from .dates import find_date
from .entry_rules import EntryIntoForce, Pending, RuleKind, Sentence, read_sentences, read_when
from .lines import Line, LineKind
from .model import Finding, FindingKind
from .transitorio_refs import Reference


@dataclass(frozen=True, slots=True)
class Transitorio:
    """One transitorio of the amending instrument (numbering restarts per instrument)."""

    number: int
    text: str
    line: int = field(default=0, compare=False)   # 1-based line of its heading; 0 when unknown
    act: date | None = None   # the day of the instrument's own approval or signing, if given

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "text": self.text}


@dataclass(frozen=True, slots=True)
class ProvisionRule:
    """The entry into force of some provisions, apart from the decree's own."""

    reference: Reference
    rule: EntryIntoForce

    def to_json(self) -> dict[str, Any]:
        ref = self.reference
        return {"text": ref.text, "labels": list(ref.labels), "instrument": ref.instrument,
                "unplaced": ref.unplaced, "rule": self.rule.to_json()}


_CCF_3 = EntryIntoForce(RuleKind.DEFAULT_CCF_3, source="Código Civil Federal, art. 3o.")


@dataclass(frozen=True, slots=True)
class Schedule:
    """When each change of an instrument enters into force: the decree's rule and exceptions."""

    default: EntryIntoForce = _CCF_3
    exceptions: tuple[ProvisionRule, ...] = ()
    findings: tuple[Finding, ...] = ()

    def rule_for(self, label: str) -> EntryIntoForce:
        """The rule of the most specific placed exception covering ``label``, else the default.

        Labels of the amended text: an exception for ``art_5__frac_iv`` covers
        ``art_5__frac_iv__inc_a`` but not ``art_5__frac_v``; unplaced exceptions cover none.
        """
        best: tuple[int, EntryIntoForce] | None = None
        for exception in self.exceptions:
            for placed in exception.reference.labels:
                if _covers(placed, label) and (best is None or len(placed) > best[0]):
                    best = (len(placed), exception.rule)
        return best[1] if best else self.default

    def for_label(self, label: str, published: date) -> date | Pending:
        """The first day in force of ``label``'s change for a publication day."""
        return self.rule_for(label).in_force(published, self.default.in_force(published))

    def in_force(self, published: date) -> date | Pending:
        """The decree's own first day in force."""
        return self.default.in_force(published)

    def to_json(self) -> dict[str, Any]:
        return {"default": self.default.to_json(),
                "exceptions": [e.to_json() for e in self.exceptions],
                "findings": [f.to_json() for f in self.findings]}


def _covers(placed: str, label: str) -> bool:
    return label == placed or label.startswith(placed + labels.SEPARATOR)


def read_schedule(transitorios: tuple[Transitorio, ...]) -> Schedule:
    """The decree's rule (its first sentence about the instrument as a whole) and the rules of
    the provisions the transitorios name; what cannot be read or placed is a Finding."""
    default: EntryIntoForce | None = None
    exceptions: list[ProvisionRule] = []
    findings: list[Finding] = []
    for transitorio in transitorios:
        for sentence in read_sentences(transitorio.text):
            sentence = counted_from_act(sentence, transitorio.act)
            if sentence.reference is None:
                if default is not None and _differs(default, sentence.rule):
                    findings.append(Finding(
                        FindingKind.ENTRY_INTO_FORCE,
                        f"transitorio {transitorio.number}: otra entrada en vigor para todo el "
                        f"instrumento ({sentence.rule.kind}); se conserva la primera "
                        f"({default.kind})", transitorio.line or None))
                default = default or sentence.rule
            else:
                exceptions.append(ProvisionRule(sentence.reference, sentence.rule))
            findings.extend(_doubts(sentence, transitorio))
    return Schedule(default or _CCF_3, tuple(exceptions), tuple(findings))


def _differs(first: EntryIntoForce, second: EntryIntoForce) -> bool:
    return (first.kind, first.on, first.days, first.months, first.month_day) != \
        (second.kind, second.on, second.days, second.months, second.month_day)


def _doubts(sentence: Sentence, transitorio: Transitorio) -> list[Finding]:
    line = transitorio.line or None
    out = []
    act = act_named(sentence.rule.source)
    if sentence.rule.kind is RuleKind.UNRECOGNIZED and act is not None:
        out.append(Finding(FindingKind.ENTRY_INTO_FORCE,
                           f"transitorio {transitorio.number}: entra en vigor según la fecha de su "
                           f"{act}, y el instrumento no da una sola fecha de ese acto; la fecha "
                           f"queda pendiente", line))
    elif sentence.rule.kind is RuleKind.UNRECOGNIZED:
        out.append(Finding(FindingKind.ENTRY_INTO_FORCE,
                           f"transitorio {transitorio.number}: no se entiende cuándo entra en "
                           f"vigor: «{sentence.rule.source[:160]}»", line))
    if sentence.reference is not None and sentence.reference.unplaced:
        out.append(Finding(FindingKind.ENTRY_INTO_FORCE,
                           f"transitorio {transitorio.number}: la entrada en vigor de "
                           f"«{sentence.reference.text[:160]}» no se ubica en el texto reformado",
                           line))
    return out


def entry_into_force(transitorios: tuple[Transitorio, ...]) -> EntryIntoForce:
    """The decree's own rule (today's callers: one date for the whole instrument)."""
    return read_schedule(transitorios).default


@dataclass(frozen=True, slots=True)
class Declaratoria:
    """A declaratoria of entry into force: the day a decree that waited for it takes effect.

    ``published`` is the publication day of the decree it puts in force, when it names one
    ("… publicado en el Diario Oficial de la Federación el 2 de diciembre de 2024 …").
    """

    rule: EntryIntoForce
    published: date | None = None

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule.to_json(),
                "published": self.published.isoformat() if self.published else None}


_ENTERS = re.compile(r"entrar[aá]n?\s+en\s+vigor", re.IGNORECASE)
_PUBLISHED = re.compile(r"publicad[oa]s?\b", re.IGNORECASE)
_ITSELF = re.compile(r"\b(?:la\s+)?(?:presente|esta)\s+declaratoria\b", re.IGNORECASE)


def read_declaratoria(text: str) -> Declaratoria | None:
    """'… el Decreto por el que se reforma …, publicado en el Diario Oficial de la Federación el
    2 de diciembre de 2024, entrará en vigor el 1o. de marzo de 2025.' -> its rule and the
    decree's publication day; None when no sentence says when something enters into force.

    >>> read_declaratoria("El Decreto publicado el 2 de diciembre de 2024 entrará en vigor el "
    ...                   "1o. de marzo de 2025.").rule.on
    datetime.date(2025, 3, 1)
    """
    flat = " ".join(text.split())
    for sentence in re.split(r"(?<=\.)\s+(?=[A-ZÁÉÍÓÚÑ])", flat):
        enters = _ENTERS.search(sentence)
        if enters is None:
            continue
        when = re.split(r"[;:]", sentence[enters.end():], maxsplit=1)[0]
        when = _ITSELF.sub("la presente", when)   # its own publication is no declaratoria to wait for
        published = _PUBLISHED.search(sentence, 0, enters.start())
        found = find_date(sentence[published.end():enters.start()]) if published else None
        return Declaratoria(read_when(when, sentence), found.on() if found else None)
    return None


def classify(when: str, source: str) -> EntryIntoForce:
    """'al día siguiente de su publicación …' -> the rule its words say.

    >>> classify("el día siguiente al de su publicación en el Diario Oficial", "").kind
    <RuleKind.DAY_AFTER_PUBLICATION: 'day_after_publication'>
    >>> classify("el 1o. de enero de 2025", "").on
    datetime.date(2025, 1, 1)
    """
    return read_when(when, source)


# A transitorio's own list items ("I. …", "a) …") are part of its text.
_LISTED = frozenset({LineKind.FRACCION, LineKind.INCISO, LineKind.NUMERAL, LineKind.APARTADO})


def read_transitorios(lines: tuple[Line, ...] | list[Line]) -> tuple[Transitorio, ...]:
    """Transitorio items after the heading, up to the signature block; prose joins its item."""
    items: list[tuple[int, int, list[str]]] = []
    for line in lines:
        if line.kind is LineKind.SIGNATURE:
            break
        if line.kind in (LineKind.TRANSITORIO, LineKind.ARTICLE) and line.number:
            try:
                number = labels.number_value(line.number)
            except ValueError:
                number = len(items) + 1
            items.append((number, line.lineno, [line.text]))
        elif line.kind is LineKind.PARAGRAPH and items:
            items[-1][2].append(line.text)
        elif line.kind in _LISTED and items:   # "IV. Las reformas a … entrarán en vigor …"
            items[-1][2].append(" ".join(line.raw.split()) or line.text)
    return tuple(Transitorio(n, "\n".join(t for t in texts if t), lineno)
                 for n, lineno, texts in items)


__all__ = ["Declaratoria", "EntryIntoForce", "Pending", "ProvisionRule", "RuleKind", "Schedule",
           "Transitorio", "classify", "entry_into_force", "read_declaratoria", "read_schedule",
           "read_transitorios"]
