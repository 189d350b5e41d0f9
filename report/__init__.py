"""What people read: the change log (terminal table, CSV, JSON, printable HTML) and the terminal
text of the other commands (notices, history, at, info), in Spanish with the law's words.

One module per output: ``text`` (terminal), ``csv_json`` (for programs and spreadsheets),
``html`` (the lawyers' change log, Jinja2; ``changelog`` groups it, ``context`` reads what it
needs from a store). ``words`` holds the words for the tracker's values. Presentation lives
here, not in ``store`` (persistence only, DESIGN §2).

Names are imported on first use, as in ``parser``: ``dof-tracker at`` needs ``report.text``,
not the HTML change log and what it reads.
"""

from typing import TYPE_CHECKING

from lazy import lazy_exports

if TYPE_CHECKING:
    from .csv_json import CSV_COLUMNS, changes_csv, changes_json
    from .html import DISCLAIMER, change_log_html, changes_html, html_redline, safe_href
    from .pieces import diff_of, inline_redline, one_line, plain
    from .text import (
        at_text,
        changes_table,
        describe_filters,
        findings_text,
        history_text,
        info_text,
        notice_line,
        notices_text,
    )

FORMATS = ("table", "json", "csv", "html")

_WHERE = {
    "CSV_COLUMNS": "csv_json",
    "changes_csv": "csv_json",
    "changes_json": "csv_json",
    "DISCLAIMER": "html",
    "change_log_html": "html",
    "changes_html": "html",
    "html_redline": "html",
    "safe_href": "html",
    "diff_of": "pieces",
    "inline_redline": "pieces",
    "one_line": "pieces",
    "plain": "pieces",
    "at_text": "text",
    "changes_table": "text",
    "describe_filters": "text",
    "findings_text": "text",
    "history_text": "text",
    "info_text": "text",
    "notice_line": "text",
    "notices_text": "text",
}

__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals())

__all__ = ["CSV_COLUMNS", "DISCLAIMER", "FORMATS", "at_text", "change_log_html", "changes_csv",
           "changes_html", "changes_json", "changes_table", "describe_filters", "diff_of", "findings_text",
           "history_text", "html_redline", "info_text", "inline_redline", "notice_line", "notices_text",
           "one_line", "plain", "safe_href"]
