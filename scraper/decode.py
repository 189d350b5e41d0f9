"""Bytes to text for DOF pages, without mojibake.

The DOF mixes encodings (research/dof-source.md §5): index pages declare ISO-8859-1 in a meta
tag while their bytes are UTF-8; older index pages were served as cp1252 without saying so; note
pages are UTF-8 and say so. A declared charset is therefore a hint, not the truth. The rule:

1. a BOM wins;
2. an exotic declared charset (not UTF-8 and not the Latin-1 family) is honoured if it decodes;
3. strict UTF-8 (non-ASCII cp1252 text essentially never forms valid UTF-8 sequences, so success
   is strong evidence, and it keeps "Federación" from becoming "FederaciÃ³n");
4. cp1252, never plain Latin-1 (0x91-0x94 are curly quotes there), with the five bytes cp1252
   leaves undefined mapped as WHATWG's windows-1252 does, so decoding never fails or invents
   U+FFFD.
"""

from __future__ import annotations

import codecs
import re

_LATIN_FAMILY = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "cp1252",
                           "windows-1252", "us-ascii", "ascii", "iso-8859-15"})
_UTF8 = frozenset({"utf-8", "utf8"})
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|\ufffd|â€")
_CP1252_HOLES = {0x81: "\u0081", 0x8D: "\u008d", 0x8F: "\u008f", 0x90: "\u0090", 0x9D: "\u009d"}


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, lowercased, or None.

    >>> charset_of('text/html; charset=ISO-8859-1')
    'iso-8859-1'
    >>> charset_of('text/html') is None
    True
    """
    if not content_type:
        return None
    match = _CHARSET.search(content_type)
    return match.group(1).lower() if match else None


def decode_cp1252(data: bytes) -> str:
    """cp1252 as browsers read it: the undefined bytes become the matching C1 controls."""
    out: list[str] = []
    for chunk in re.split(rb"([\x81\x8d\x8f\x90\x9d])", data):
        if len(chunk) == 1 and chunk[0] in _CP1252_HOLES:
            out.append(_CP1252_HOLES[chunk[0]])
        elif chunk:
            out.append(chunk.decode("cp1252"))
    return "".join(out)


def decode_body(data: bytes, content_type: str | None = None) -> str:
    """Decode a response body per the module rule; never raises, never emits U+FFFD."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    declared = charset_of(content_type)
    if declared and declared not in _LATIN_FAMILY and declared not in _UTF8:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_cp1252(data)


def has_mojibake(text: str) -> bool:
    """True when text shows the usual traces of UTF-8 read as Latin-1 (or a replacement char).

    >>> has_mojibake('Federación'), has_mojibake('FederaciÃ³n')
    (False, True)
    """
    return _MOJIBAKE.search(text) is not None
