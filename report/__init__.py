"""What people read: the change log (terminal table, CSV, JSON, printable HTML) and the terminal
text of the other commands (notices, history, at, info), in Spanish with the law's words.

One module per output: ``text`` (terminal), ``csv_json`` (for programs and spreadsheets),
``html`` (the lawyers' change log, Jinja2; ``changelog`` groups it, ``context`` reads what it
needs from a store). ``words`` holds the words for the tracker's values. Presentation lives
here, not in ``store`` (persistence only, DESIGN §2).
"""

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

__all__ = ["CSV_COLUMNS", "DISCLAIMER", "FORMATS", "at_text", "change_log_html", "changes_csv",
           "changes_html", "changes_json", "changes_table", "describe_filters", "diff_of", "findings_text",
           "history_text", "html_redline", "info_text", "inline_redline", "notice_line", "notices_text",
           "one_line", "plain", "safe_href"]
