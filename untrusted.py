"""Text from outside (the network, the gazette, a store) made safe to print, store or render.

A redirect ``Location``, a notice title or a provision can carry terminal escape sequences
(ESC, CSI, OSC), other C0/C1 controls and bidi overrides (U+202E turns "txt.exe" around). Every
place that prints untrusted text, stores it as an error message, or renders it (terminal, HTML,
CSV) goes through one of these:

* ``plain``: the characters removed (tables, reports: the text stays readable);
* ``visible``: each one shown as its escape (``\\x1b``, ``\\u202e``), for error messages and run
  records, where someone investigating must see that something was there;
* ``quoted``: a short excerpt in a Spanish message, «on one line», controls visible;
* ``printable_url``: a URL with its password removed and those characters percent-encoded;
* ``json_visible``: JSON with them as ``\\uXXXX`` escapes (the same data, printed safely).

Newlines and tabs are layout, not controls, and are kept. Pure.
"""

from __future__ import annotations

import re
from urllib.parse import quote

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_USERINFO = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^/?#@]*?):(?P<pw>[^/?#@]*)@")


def plain(text: str | None) -> str:
    """``text`` without control and bidi-override characters (newlines and tabs kept).

    >>> plain("Art\\x1b[31m 57\\u202e")
    'Art[31m 57'
    """
    return CONTROL.sub("", text or "")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str | None) -> str:
    """``text`` with each control or bidi character written as its escape.

    >>> visible("http://x/\\x1b[2J\\u202e")
    'http://x/\\\\x1b[2J\\\\u202e'
    """
    return CONTROL.sub(_escape, text or "")


def printable_url(url: str | None) -> str:
    """A URL fit for a message or a log: no password, no control or space characters.

    >>> printable_url("http://ana:secreto@dof.gob.mx/a b\\x1b[2J")
    'http://ana:***@dof.gob.mx/a%20b%1B[2J'
    """
    text = _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:***@", url or "")
    return "".join(quote(c, safe="") if CONTROL.match(c) or c.isspace() else c for c in text)


def quoted(text: str, width: int = 120) -> str:
    """Text quoted in a message as the project's Spanish messages quote: «…», on one line,
    shortened to ``width`` characters, its controls made visible.

    >>> quoted("se REFORMA el\\nartículo 57"), quoted("abcdefghij", 6)
    ('«se REFORMA el artículo 57»', '«abcde…»')
    """
    flat = " ".join(text.split())
    return f"«{visible(flat if len(flat) <= width else flat[:width - 1] + '…')}»"


def json_visible(text: str) -> str:
    """JSON text with each raw control or bidi character written as its ``\\uXXXX`` escape:
    the same data for a program, nothing for a terminal to act on. (In JSON they can only
    stand inside strings, where the escape means the same character.)

    >>> json_visible('{"t": "a\u202eb"}')
    '{"t": "a\\\\u202eb"}'
    """
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


__all__ = ["CONTROL", "json_visible", "plain", "printable_url", "quoted", "visible"]
