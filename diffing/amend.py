"""The amendment pipeline in one call: base version + amending text -> instructions, changes,
discrepancies and the new version.

``amend`` is what the CLI (``dof-tracker amend``) and the nightly pipeline call. It is pure:
text and a ``Document`` in, a frozen ``AmendmentOutcome`` out. Nothing in it is a guess stored
as fact: targets the base lacks, ellipses that do not align and changes no instruction declares
come back as discrepancies beside the result, so the caller decides what to store.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from errors import AmendmentError
from parser import (
    Amendment,
    Document,
    EntryIntoForce,
    Finding,
    Instruction,
    OperativeArticle,
    Transitorio,
    parse_amendment,
    resolve_directives,
    same_instrument,
)
from untrusted import quoted

from .apply import apply_body
from .model import Change, Discrepancy, DiscrepancyKind
from .reconcile import reconcile
from .tree import changes_between


@dataclass(frozen=True, slots=True)
class AmendmentOutcome:
    """Everything one amending instrument does to one base document."""

    document: str                       # the instrument amended, as the clause names it
    title: str                          # the amending instrument's own title
    instructions: tuple[Instruction, ...]
    changes: tuple[Change, ...]
    discrepancies: tuple[Discrepancy, ...]
    new: Document
    transitorios: tuple[Transitorio, ...]
    entry_into_force: EntryIntoForce
    findings: tuple[Finding, ...] = ()  # what reading the print left behind (parser.print_layout)

    @property
    def ok(self) -> bool:
        """True when the clause and the text agree completely."""
        return not self.discrepancies

    def to_json(self) -> dict[str, Any]:
        """DESIGN.md §1.3 ``amend --json``, plus title, entry into force and the findings."""
        return {
            "document": self.document,
            "title": self.title,
            "instructions": [i.to_json() for i in self.instructions],
            "changes": [{**c.to_json(), "notice": None} for c in self.changes],
            "discrepancies": [d.to_json() for d in self.discrepancies],
            "entry_into_force": self.entry_into_force.to_json(),
            "transitorios": [t.to_json() for t in self.transitorios],
            "findings": [f.to_json() for f in self.findings],
        }


class _Chain(Mapping[str, str]):
    """Origins composed across several operative articles applied one after another."""

    def __init__(self, first: Mapping[str, str], second: Mapping[str, str]) -> None:
        self.first, self.second = first, second

    def __getitem__(self, label: str) -> str:
        return self.first[self.second[label]]

    def __iter__(self) -> Iterator[str]:
        return (k for k in self.second if self.second[k] in self.first)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _articles_for(amendment: Amendment, base: Document) -> tuple[list[OperativeArticle],
                                                                    list[Discrepancy]]:
    """The operative articles that amend this base (one per instrument in omnibus decrees).

    ``same_instrument`` (the store's matcher too): an article amending the "Reglamento de la Ley
    General de Salud" is not one for the "Ley General de Salud", and "… del IMSS-BIENESTAR"
    names the Estatuto whose title spells the acronym out.
    """
    chosen = [a for a in amendment.articles if same_instrument(a.instrument, base.title)]
    if chosen:
        return chosen, []
    unnamed = [a for a in amendment.articles if not a.instrument]
    if unnamed and len(unnamed) == len(amendment.articles):
        # "Único.- Se adiciona el artículo 37 Bis, fracción VII, para quedar como sigue:" names
        # the instrument only in the note's title and preamble: nothing here contradicts the base
        return unnamed, []
    if unnamed:
        # the others name instruments that are not this base: what names none may be its
        return unnamed, [Discrepancy(DiscrepancyKind.UNRESOLVED, "", (
            f"{quoted(a.head)} no nombra ningún instrumento y los demás artículos del decreto nombran "
            f"otros distintos de {quoted(base.title)}; se aplicó a este")) for a in unnamed]
    if len(amendment.articles) == 1:
        article = amendment.articles[0]
        detail = (f"la cláusula nombra {quoted(article.instrument or '?')} y el texto base es "
                  f"{quoted(base.title)}; se aplicó de todos modos")
        return [article], [Discrepancy(DiscrepancyKind.UNRESOLVED, "", detail)]
    names = "; ".join(a.instrument for a in amendment.articles)
    raise AmendmentError(f"ninguno de los instrumentos que reforma este decreto ({names}) es el texto "
                         f"base {quoted(base.title)}")


def amend(base: Document, amendment: Amendment | str) -> AmendmentOutcome:
    """Apply an amending instrument, read once (``parse_amendment``), to ``base`` (see the module
    docstring). A text is read here first: a convenience for callers holding only the text."""
    if isinstance(amendment, str):
        amendment = parse_amendment(amendment)
    articles, problems = _articles_for(amendment, base)
    instructions: list[Instruction] = []
    current = base
    origin: Mapping[str, str] | None = None
    for article in articles:
        if not article.directives:      # a clause the grammar could not read (its finding says why)
            problems.append(Discrepancy(DiscrepancyKind.UNRESOLVED, "", (
                f"no se pudo leer la cláusula de '{article.head}'; sus órdenes y su texto no se "
                f"aplican: {article.clause[:160]}")))
            continue
        resolved, unresolved = resolve_directives(article.directives, current)
        instructions.extend(resolved)
        problems.extend(Discrepancy(DiscrepancyKind.UNRESOLVED, label, detail)
                        for label, detail in unresolved)
        applied = apply_body(current, article.body, resolved)
        problems.extend(applied.problems)
        origin = applied.origin if origin is None else _Chain(origin, applied.origin)
        current = applied.document
    changes = changes_between(base, current, origin)
    found = reconcile(tuple(instructions), changes)
    return AmendmentOutcome(
        document=articles[0].instrument or base.title,
        title=amendment.title,
        instructions=tuple(instructions),
        changes=changes,
        discrepancies=(*problems, *found),
        new=current,
        transitorios=amendment.transitorios,
        entry_into_force=amendment.entry_into_force,
        findings=amendment.findings,
    )


__all__ = ["AmendmentOutcome", "amend"]
