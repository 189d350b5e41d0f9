"""Bytes -> text, the DOF way (dof-source.md §5): no mojibake, ever.

The DOF declares ISO-8859-1 on pages whose bytes are UTF-8, serves cp1252 without saying so,
and some copies of its texts have been through a wrong decode already ("FederaciÃ³n"). The
order that survives all of them:

1. a byte-order mark wins;
2. strict UTF-8 - valid multi-byte UTF-8 is practically never accidental, so it beats a
   declared ISO-8859-1;
3. the declared charset, with ISO-8859-1/latin-1 read as cp1252 (0x91-0x94 are quotes there);
4. cp1252.

Then text that was UTF-8 read as cp1252 upstream ("Ã³") is repaired run by run; what cannot be
repaired, replacement characters (U+FFFD: bytes lost before they reached us), NUL bytes and
binary formats are refused with ``InputError``. Finally NFC, and NBSP/odd spaces become spaces.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from errors import InputError

_MAGIC = (
    (b"%PDF", "un PDF (extraiga primero su texto)"),
    (b"PK\x03\x04", "un archivo ZIP u Office"),
    (b"\xd0\xcf\x11\xe0", "un archivo OLE o Word .doc"),
    (b"\x1f\x8b", "un archivo comprimido con gzip"),
    (b"\x89PNG", "una imagen PNG"),
    (b"\xff\xd8\xff", "una imagen JPEG"),
    (b"GIF8", "una imagen GIF"),
)
_LATIN1_ALIASES = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "iso_8859-1",
                             "iso-ir-100", "us-ascii", "ascii", "windows-1252", "cp1252"})
# A character cp1252 makes out of a UTF-8 lead byte, then 1-3 made out of continuation bytes.
_CONT = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014" \
        "\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}")
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
                         "\u2002": " ", "\u2003": " ", "\u200b": None, "\ufeff": None,
                         "\u00ad": None})
# Letters no Spanish legal text uses (IPA, Cyrillic, Hebrew ..., and the CJK, Hangul and other
# East Asian blocks and planes 2-16 that three or four cp1252 letters read as UTF-8 land in: "é"
# NBSP "–" is E9 A0 96, that is "頖"); Greek letters stay possible because formulas use them
# ("α"). Punctuation, symbols, ligatures, the private use area (PDF bullets) and plane 1
# (emoji) are not letters a misreading makes and stay out.
_EXOTIC = re.compile("[\u0180-\u0390\u03ca-\u1fff\u2c00-\u2dff\u2e80-\ud7ff\uf900-\ufaff"
                     "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0010ffff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u0080-\u009f]")
# Scanning a whole text with a character class runs at ~150 MB/s; deleting bytes with
# bytes.translate runs at memory speed. In UTF-8 every byte below 0x80 is an ASCII character
# and every other character is bytes of 0x80 and up, so deleting the ASCII bytes leaves exactly
# the text's other characters, in order: the few that the exotic and C1 checks need to see.
_ASCII = bytes(range(0x80))
_ASCII_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_C1 = re.compile("[\u0080-\u009f]")


def _non_ascii(utf8: bytes) -> str:
    """The non-ASCII characters of valid UTF-8 bytes, in order."""
    return utf8.translate(None, _ASCII).decode("utf-8", "surrogatepass")


def _controls(text: str) -> int:
    """How many characters of ``text`` ``_CONTROL`` matches (ASCII and C1 controls)."""
    utf8 = text.encode("utf-8", "surrogatepass")
    ascii_controls = len(utf8) - len(utf8.translate(None, _ASCII_CONTROLS))
    return ascii_controls + len(_C1.findall(_non_ascii(utf8)))


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    cleaned = name.strip().strip("'\"").lower()
    if cleaned in _LATIN1_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(cleaned).name
    except LookupError:
        return None


def _refuse_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"esto es {what}, no texto ni HTML")
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("son datos binarios (bytes NUL), no texto ni HTML")


def _from_bom(data: bytes) -> str | None:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"los bytes que siguen a la marca de orden de bytes de {codec} no son "
                                 f"{codec} válido") from None
    return None


def _truncated_utf8(data: bytes) -> bool:
    """Valid UTF-8 but for a multi-byte character cut at the very end."""
    for cut in (1, 2, 3):
        tail = data[-cut:]
        if len(tail) < cut or tail[0] < 0xC0 or not all(0x80 <= b < 0xC0 for b in tail[1:]):
            continue
        needed = 2 if tail[0] < 0xE0 else 3 if tail[0] < 0xF0 else 4
        if cut >= needed:
            return False
        try:
            data[:-cut].decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    return False


def _decode(data: bytes, declared: str | None) -> str:
    bom = _from_bom(data)
    if bom is not None:
        return bom
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if _truncated_utf8(data):
            raise InputError("el texto está cortado: termina a la mitad de un carácter UTF-8") from None
    else:
        # cp1252 bytes can be valid UTF-8 by accident ("É" + NBSP is C9 A0, that is "ɠ"): take
        # UTF-8 unless it yields letters no Spanish text has and cp1252 does not.
        if not _EXOTIC.search(_non_ascii(data)):  # exotic letters are never ASCII
            return text
        fallback = data.decode("cp1252", errors="replace")
        return fallback if not _EXOTIC.search(fallback) and "\ufffd" not in fallback else text
    codec = _codec(declared)
    if codec and codec not in ("utf-8", "utf-8-sig"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    return data.decode("cp1252", errors="replace")


def _cp1252_byte(char: str) -> bytes:
    """The byte cp1252 read as ``char``; its five holes (0x81, 0x8d ...) were read as latin-1."""
    try:
        return char.encode("cp1252")
    except UnicodeEncodeError:
        return char.encode("latin-1")


def _plausible(char: str) -> bool:
    """Characters a Spanish text is made of: what a real mojibake run stands for."""
    code = ord(char)
    return 0xA0 <= code <= 0x17F or 0x2010 <= code <= 0x20AC


def _repair_run(match: re.Match[str]) -> str:
    try:
        repaired = b"".join(_cp1252_byte(c) for c in match.group()).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return match.group()
    return repaired if all(_plausible(c) for c in repaired) else match.group()


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 damage where it is certain; leave everything else alone.

    A run is repaired only when its bytes are valid UTF-8 for a character Spanish text uses, so
    "«ACCIÓN»" (Ó + ») stays as it is while "FederaciÃ³n" becomes "Federación".

    >>> repair_mojibake("Diario Oficial de la FederaciÃ³n, â€œArtÃ­culoâ€\x9d, «ACCIÓN»")
    'Diario Oficial de la Federación, “Artículo”, «ACCIÓN»'
    """
    if "Ã" not in text and "Â" not in text and "â" not in text and "Ð" not in text \
            and "Å" not in text:
        return text
    return _MOJIBAKE.sub(_repair_run, text)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text of ``data``: decoded, repaired, NFC, plain spaces. ``InputError`` if it is not text.

    >>> decode_bytes("Federación".encode("cp1252"), "ISO-8859-1")
    'Federación'
    >>> decode_bytes("Federación".encode("utf-8"), "ISO-8859-1")
    'Federación'
    >>> decode_bytes("é\u00a0–.".encode("cp1252"), "ISO-8859-1")  # valid UTF-8 too: "頖."
    'é –.'
    """
    if not data:
        raise InputError("la entrada está vacía")
    _refuse_binary(data)
    text = repair_mojibake(_decode(data, declared))
    if repair_mojibake(text) != text:
        raise InputError("el texto tiene caracteres mal decodificados (¿UTF-8 leído como Latin-1 más de "
                         "una vez?) y no se puede reparar con seguridad")
    controls = _controls(text)
    if controls > max(3, len(text) // 200):
        raise InputError("son datos binarios (caracteres de control), no texto ni HTML")
    if "\ufffd" in text:
        raise InputError("el texto tiene caracteres de reemplazo U+FFFD: se dañó antes de llegar "
                         "aquí")
    text = _CONTROL.sub("", text) if controls else text
    return _plain_spaces(unicodedata.normalize("NFC", text))


def _plain_spaces(text: str) -> str:
    """``text.translate(_SPACES)``, a character at a time: translate looks up every character
    of the text in a dict (200 ms on 3 MB), while these few characters are found at memchr speed
    and most texts have none of them."""
    for code, replacement in _SPACES.items():
        char = chr(code)
        if char in text:
            text = text.replace(char, replacement or "")
    return text


__all__ = ["decode_bytes", "repair_mojibake"]
