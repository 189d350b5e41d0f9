"""The change log for other programs: CSV a spreadsheet cannot execute, and JSON in DESIGN §1.3's shape.

JSON keys and values stay as the contract fixes them (English keys, ``"type": "derogated"``).
CSV keeps its column names and order (programs read them); people open it in a spreadsheet too,
so the columns that carry words for them are in Spanish: ``citation``, the appended ``cambio``
(«reformado», «renumerado (antes fracción V)») and ``reconciled`` («sí»/«no»).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from parser.cite_text import cite
from store.values import ChangeEntry
from untrusted import plain

from .words import change_word

CSV_COLUMNS = ("date", "valid_from", "document", "label", "citation", "type", "from_label", "before",
               "after", "notice_codigo", "notice_date", "notice_edition", "notice_title", "notice_url",
               "reconciled", "findings", "cambio")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A spreadsheet-safe cell: controls removed; a leading = + - @ would be run as a formula,
    so it gets a quote."""
    value = plain(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def changes_csv(entries: Iterable[ChangeEntry]) -> str:
    """The change log as CSV (one header row, every field quoted: a ';' inside a field stays
    inside it in a spreadsheet set to split on ';', as OWASP's CSV-injection advice asks)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        n = e.notice
        row = (e.date.isoformat(), e.valid_from.isoformat(), e.document, e.label, cite(e.label), str(e.type),
               e.change.from_label or "", e.change.before or "", e.change.after or "",
               n.codigo if n else "", n.date.isoformat() if n else "", str(n.edition) if n else "",
               n.title if n else "", n.url if n else "", "sí" if e.reconciled else "no", e.findings,
               change_word(e.type, e.change.from_label))
        writer.writerow([_cell(str(value)) for value in row])
    return out.getvalue()


def changes_json(entries: Iterable[ChangeEntry]) -> str:
    """A JSON list of DESIGN §1.3 change objects (plus document, date, valid_from, reconciled)."""
    return json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2) + "\n"


__all__ = ["CSV_COLUMNS", "changes_csv", "changes_json"]
