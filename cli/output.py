"""The one place that writes to the terminal: results on stdout, progress on stderr.

Results go through ``emit``/``emit_json``; a progress bar (tqdm, drawn by the pipeline on stderr)
is cleared before each result line and redrawn after it, so the two never print over each other.
tqdm is looked up only if something already imported it: a read-only command never loads it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator

from untrusted import json_visible, plain


@contextlib.contextmanager
def _bars_cleared() -> Iterator[None]:
    tqdm_module = sys.modules.get("tqdm")
    bar = getattr(tqdm_module, "tqdm", None)
    if bar is None or not getattr(bar, "_instances", None):
        yield
        return
    with bar.external_write_mode(file=sys.stdout):
        yield


def emit(text: str) -> None:
    """A piece of terminal output, ending in a newline; control and bidi characters removed."""
    text = plain(text)
    with _bars_cleared():
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()


def emit_raw(text: str) -> None:
    """Output already made safe by its renderer (a table, CSV, an HTML page): written as is."""
    with _bars_cleared():
        sys.stdout.write(text)


def emit_json(value: object) -> None:
    """A JSON document, indented, non-ASCII kept, escapes of control characters made visible."""
    emit_raw(json_visible(json.dumps(value, ensure_ascii=False, indent=2)) + "\n")


def emit_data(as_json: bool, data: object, text: str) -> None:
    """A command's result: ``data`` as JSON with ``--json``, else ``text`` (already rendered)."""
    if as_json:
        emit_json(data)
    else:
        emit_raw(text)


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again
    (after the reader of a pipe has gone)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
