"""Pure view helpers: redlines as HTML (inline and side by side), a document's outline rows, and
a whole document compared unit by unit between two dates. No Flask; every piece of gazette text
is escaped here (``report.digest.esc``) before it is marked safe for the templates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from diffing import DiffOp, Redline, redline
from parser.citations import format_citation
from parser.model import CONTAINER_KINDS, Document, Kind, Provision, Status
from parser.render import provision_text
from report import html_redline
from report.digest import esc
from store.values import ChangeEntry

_OUTLINE_WORD = {Kind.LIBRO: "Libro", Kind.TITULO: "Título", Kind.CAPITULO: "Capítulo",
                 Kind.SECCION: "Sección", Kind.ARTICULO: "Artículo", Kind.TRANSITORIO: "Transitorio",
                 Kind.APARTADO: "Apartado", Kind.NUMERAL: "Numeral"}


def inline_html(diff: Redline) -> Markup:
    """The redline as one text with ``<del>``/``<ins>``."""
    return Markup(html_redline(diff))  # noqa: S704 - every piece escaped by html_redline


def side_html(diff: Redline, which: DiffOp) -> Markup:
    """One side of the redline: the text before (deletions marked) or after (insertions marked)."""
    tag = {DiffOp.DELETE: "del", DiffOp.INSERT: "ins"}[which]
    pieces = [esc(piece) if op is DiffOp.EQUAL else f"<{tag}>{esc(piece)}</{tag}>"
              for op, piece in diff if op in (DiffOp.EQUAL, which)]
    return Markup("".join(pieces))  # noqa: S704 - every piece escaped above


def citation(label: str) -> str:
    try:
        return format_citation(label)
    except (ValueError, KeyError):
        return label


@dataclass(frozen=True, slots=True)
class OutlineRow:
    """One line of a document's outline: depth, what it is called, its first words, its label."""

    depth: int
    title: str
    words: str
    label: str
    derogated: bool
    linkable: bool  # a unit with a timeline page (not a container)


def outline_rows(document: Document, *, max_depth: int = 2) -> tuple[OutlineRow, ...]:
    """Containers and the units under them down to ``max_depth`` levels below the articles."""
    rows: list[OutlineRow] = []

    def visit(provision: Provision, depth: int, below_article: int) -> None:
        if below_article > max_depth:
            return
        word = _OUTLINE_WORD.get(provision.kind)
        title = f"{word} {provision.number}" if word else citation(provision.label).split(", ")[-1]
        words = provision.heading or provision.text
        if not words and provision.children and provision.children[0].kind is Kind.PARRAFO:
            words = provision.children[0].text
        rows.append(OutlineRow(depth, title, _summary(words), provision.label,
                               provision.status is Status.DEROGADO, provision.kind not in CONTAINER_KINDS))
        nested = below_article + (provision.kind not in CONTAINER_KINDS)
        for child in provision.children:
            if child.kind is not Kind.PARRAFO:
                visit(child, depth + 1, nested)

    for provision in document.provisions:
        visit(provision, 0, 0)
    return tuple(rows)


def _summary(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def units(document: Document) -> Iterator[Provision]:
    """The units a comparison is made of: the first non-container below the containers."""
    def visit(provision: Provision) -> Iterator[Provision]:
        if provision.kind in CONTAINER_KINDS:
            for child in provision.children:
                yield from visit(child)
        else:
            yield provision

    for provision in document.provisions:
        yield from visit(provision)


@dataclass(frozen=True, slots=True)
class UnitDiff:
    """One unit that differs between two dates (absent on one side for an addition or a removal)."""

    label: str
    before: str
    after: str
    diff: Redline

    @property
    def citation(self) -> str:
        return citation(self.label)

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "before": self.before or None, "after": self.after or None,
                "diff": [[str(op), piece] for op, piece in self.diff]}


def compare_documents(before: Document, after: Document) -> tuple[UnitDiff, ...]:
    """The units whose text differs between two states of a document, in the later order (the
    ones gone by then last)."""
    old = {p.label: provision_text(p) for p in units(before)}
    new = {p.label: provision_text(p) for p in units(after)}
    order = list(new) + [label for label in old if label not in new]
    return tuple(UnitDiff(label, old.get(label, ""), new.get(label, ""),
                          redline(old.get(label, ""), new.get(label, "")))
                 for label in order if old.get(label) != new.get(label))


_EDITIONS = {"MAT": "matutina", "VES": "vespertina", "EXT": "extraordinaria"}


def edition_name(edition: object) -> str:
    """'MAT' -> 'matutina' (what the DOF calls its editions)."""
    return _EDITIONS.get(str(edition), str(edition))


def by_instrument(entries: Iterable[ChangeEntry]) -> list[tuple[tuple[int, str | None], list[ChangeEntry]]]:
    """Entries grouped by (document, DOF notice), groups in the order their first entry comes."""
    groups: dict[tuple[int, str | None], list[ChangeEntry]] = {}
    for entry in entries:
        key = (entry.document_id, entry.notice.codigo if entry.notice else None)
        groups.setdefault(key, []).append(entry)
    return list(groups.items())


@dataclass(frozen=True, slots=True)
class UnitChange:
    """One unit that differs between two versions of a provision, with its redline."""

    label: str
    diff: Redline

    @property
    def citation(self) -> str:
        return citation(self.label)


def version_changes(before: Provision | None, after: Provision) -> tuple[UnitChange, ...]:
    """What differs between two versions of a provision, unit by unit.

    Only subtrees whose Merkle digests differ are visited, and each difference is shown at the
    unit that holds it (a reformed fracción, an added inciso, the article's own first paragraph),
    so an artículo of twenty fracciones with one changed costs one small redline, not a diff of
    the whole article.
    """
    if before is None:
        return (UnitChange(after.label, redline("", provision_text(after))),)
    if before.digest == after.digest:
        return ()
    found: list[UnitChange] = []
    if (before.heading, before.text, before.status) != (after.heading, after.text, after.status):
        found.append(UnitChange(after.label, redline(_own(before), _own(after))))
    old = {child.label: child for child in before.children}
    new_labels = {child.label for child in after.children}
    for child in after.children:
        found.extend(version_changes(old.get(child.label), child))
    found.extend(UnitChange(child.label, redline(provision_text(child), ""))
                 for child in before.children if child.label not in new_labels)
    return tuple(found)


def _own(provision: Provision) -> str:
    return " ".join(part for part in (provision.heading, provision.text) if part)
