"""Reading a note's stored body: the one step that turns its bytes into a parsed value.

Each note is read once, here, and the value goes on (``diffing.amend`` takes the ``Amendment``).
The step is a value of its own, ``Reader``, so that ``reprocess`` can run the archive through
another reader (a parser being tried out) and compare, without touching the pipeline's code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gazette import Capture
from parser import Amendment, Document, ensure_whole, parse_amendment, read_amendment_text, read_statute


def read_amendment_body(body: Capture) -> Amendment:
    """The amending instrument a note's body holds (``AmendmentError`` when it holds none)."""
    return parse_amendment(read_amendment_text(body.body, body.url))


def read_statute_body(body: Capture) -> Document:
    """The whole instrument a note's body holds; a text cut mid-sentence is refused."""
    return ensure_whole(read_statute(body.body, body.url))


@dataclass(frozen=True, slots=True)
class Reader:
    """How bodies are read: amending instruments and whole texts."""

    amendment: Callable[[Capture], Amendment] = read_amendment_body
    statute: Callable[[Capture], Document] = read_statute_body


CURRENT_READER = Reader()
