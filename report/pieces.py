"""Pieces every output shares: an entry's redline, a text on one line, the revisions with findings.

Every piece of gazette text is untrusted: control and bidi-override characters are dropped
(``untrusted.plain``) before anything reaches a terminal, a spreadsheet or a page.
"""

from __future__ import annotations

from collections.abc import Iterable

from diffing import Redline, redline, render_inline
from store.values import ChangeEntry
from untrusted import plain

FINDINGS_WHERE = ("detalle del texto vigente: dof-tracker info --findings; de cualquier fecha: "
                  "Store.document(DOC).findings(fecha)")


def diff_of(entry: ChangeEntry) -> Redline:
    """The entry's word-level redline; computed from before/after when none was stored."""
    change = entry.change
    if change.diff:
        return change.diff
    return redline(change.before or "", change.after or "")


def inline_redline(diff: Redline) -> str:
    """``[-old-]{+new+}`` markup for a terminal (diffing's notation, control characters removed)."""
    return plain(render_inline(diff))


def one_line(text: str, width: int = 90) -> str:
    """The text on one line (whitespace collapsed, control characters dropped), cut to ``width``
    (at a word's end when one is near)."""
    flat = " ".join(plain(text).split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    word_end = cut.rfind(" ")
    return (cut[:word_end] if word_end > width * 2 // 3 else cut) + "…"


def revision_findings(entries: Iterable[ChangeEntry]) -> list[tuple[int, str, int, int]]:
    """(document id, document, revision, findings) of each revision the entries made whose text
    has findings, in the order the entries show them."""
    seen: dict[tuple[int, int], tuple[int, str, int, int]] = {}
    for e in entries:
        if e.findings and (e.document_id, e.revision) not in seen:
            seen[(e.document_id, e.revision)] = (e.document_id, e.document, e.revision, e.findings)
    return list(seen.values())


def lines(pieces: Iterable[str]) -> str:
    """Each piece on its own line(s), ending in exactly one newline unless it already ends in one."""
    return "".join(piece if piece.endswith("\n") else piece + "\n" for piece in pieces)


__all__ = ["FINDINGS_WHERE", "diff_of", "inline_redline", "lines", "one_line", "plain", "revision_findings"]
